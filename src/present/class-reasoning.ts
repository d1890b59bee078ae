// A class game's lines of reasoning beside its moves (no DOM): turn by turn, what each side did (its
// talks and its orders, in words) and the one line of rationale its team wrote for that turn. The
// lines live in the class log beside the game, never in the game's moves, so a game file replays
// exactly as it would without them; this joins the two for the debrief and the class results.
import type { BySide, GameRecord, Move, Scenario, Side } from '../engine/index.ts';
import { applyMove, newGame, SIDES } from '../engine/index.ts';
import { clauseText, orderText, REASON_TEXT, turnDate } from './text.ts';

/** One team's line for one turn (0-based, as the game state counts turns). */
export interface ReasonLine {
  readonly turn: number;
  readonly side: Side;
  readonly text: string;
}

export interface TurnReasoning {
  readonly turn: number; // 1-based, as the players read it
  readonly date: string;
  readonly sides: BySide<{ readonly moves: readonly string[]; readonly reason: string | null }>;
}

function moveWords(sc: Scenario, levels: Parameters<typeof orderText>[1], m: Move): string | null {
  switch (m.type) {
    case 'propose':
      return `Offers: ${m.clauses.map((c) => clauseText(sc, c)).join('; ')}`;
    case 'accept':
      return 'Accepts the offer';
    case 'reject':
      return `Turns the offer down (${REASON_TEXT[m.reason] ?? m.reason})`;
    case 'pass':
      return null; // done talking: nothing to read beside the reasoning
    case 'orders':
      return m.orders.length
        ? `Orders: ${m.orders.map((o) => orderText(sc, levels, o)).join('; ')}`
        : 'Orders: none (stands still)';
    case 'readout':
      return m.style === 'trumpet' ? 'Trumpets the deal at home' : 'Plays the deal down at home';
    default:
      return null; // the instructor's moves are in the news, not a side's
  }
}

/**
 * The turns of a game that have a move or a line of reasoning, each side's moves in words beside its
 * team's line. A record the engine refuses stops at the refusal (what came before is kept).
 */
export function reasoningByTurn(
  sc: Scenario,
  record: GameRecord,
  lines: readonly ReasonLine[],
): TurnReasoning[] {
  const turns = new Map<number, BySide<{ moves: string[]; reason: string | null }>>();
  const at = (t: number) => {
    let x = turns.get(t);
    if (!x) {
      x = { us: { moves: [], reason: null }, cn: { moves: [], reason: null } };
      turns.set(t, x);
    }
    return x;
  };
  let s = newGame(sc, record.seed, record.setup);
  for (const m of record.moves) {
    if (m.side !== 'control') {
      const w = moveWords(sc, s.world, m);
      if (w) at(s.round.turn)[m.side].moves.push(w);
    }
    const r = applyMove(sc, s, m);
    if (!r.ok) break;
    s = r.state;
  }
  for (const l of lines) at(l.turn)[l.side].reason = l.text;
  return [...turns.entries()]
    .sort(([a], [b]) => a - b)
    .filter(([, x]) => SIDES.some((side) => x[side].reason !== null))
    .map(([t, x]) => ({ turn: t + 1, date: turnDate(sc, t), sides: x }));
}
