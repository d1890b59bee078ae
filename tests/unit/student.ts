// A student as the AI tests play one: a human seat against the computer at the other, playing a
// fixed policy, so that a test can say what a class meets at each level.
import type { AiSeat } from '../../src/ai/index.ts';
import { chooseMove } from '../../src/ai/index.ts';
import type { Clause, GameState, Move, Scenario, Side } from '../../src/engine/index.ts';
import { applyMove, DEFAULT_SETUP, newGame, score } from '../../src/engine/index.ts';

export interface StudentPolicy {
  /** The side the student plays; the computer plays the other with `computer`. */
  readonly me: Side;
  readonly computer: AiSeat;
  /** What it proposes when talks are its own to open (asked until it has an answer); null: it passes. */
  readonly offer: (s: GameState) => readonly Clause[] | null;
  /** It proposes again every turn until a deal; else only once. */
  readonly everyTurn: boolean;
  /** It signs the computer's answer to its proposal (in the same talks, before any deal); else it turns every offer down. */
  readonly signs: boolean;
}

/**
 * One game of a student from `seed`: it gives no orders and turns down every offer but the one its
 * policy signs (an answer it cannot sign, over a red line, it turns down too). The turn of the first
 * deal (−1: none) and the student's final score.
 */
export function studentGame(sc: Scenario, seed: string, p: StudentPolicy) {
  const ai: Side = p.me === 'us' ? 'cn' : 'us';
  const human = { kind: 'human' } as const;
  const computer = { kind: 'ai' as const, ...p.computer };
  let s = newGame(sc, seed, {
    ...DEFAULT_SETUP,
    seats: p.me === 'us' ? { us: human, cn: computer } : { us: computer, cn: human },
  });
  let dealTurn = -1;
  let offer: readonly Clause[] | null | undefined;
  let proposed = false;
  const apply = (m: Move) => {
    const r = applyMove(sc, s, m);
    if (!r.ok) throw new Error(`${r.reason}: ${JSON.stringify(m)}`);
    if (r.state.world.packages.length > s.world.packages.length && dealTurn < 0) dealTurn = s.round.turn;
    s = r.state;
  };
  const pass: Move = { type: 'pass', side: p.me };
  while (s.round.phase !== 'over') {
    const t = s.round.talks;
    if (s.round.phase === 'orders')
      apply(
        s.round.drafts[p.me] === null
          ? { type: 'orders', side: p.me, orders: [] }
          : chooseMove(sc, s, ai, p.computer),
      );
    else if (t.toMove === ai) apply(chooseMove(sc, s, ai, p.computer));
    else if (t.open?.by === ai) {
      const answersMine = s.round.news.some((n) => n.kind === 'proposal' && n.side === p.me);
      const take: Move = { type: 'accept', side: p.me };
      apply(
        p.signs && answersMine && dealTurn < 0 && applyMove(sc, s, take).ok
          ? take
          : { type: 'reject', side: p.me, reason: 'too-little' },
      );
    } else if (dealTurn < 0 && t.made[p.me] === 0 && (p.everyTurn || !proposed)) {
      offer ??= p.offer(s);
      if (offer) proposed = true;
      apply(offer ? { type: 'propose', side: p.me, clauses: [...offer] } : pass);
    } else apply(pass);
  }
  return { dealTurn, score: score(sc, s).sides[p.me].score };
}
