// AI against AI: one whole game of a scenario from a seed, each side played by a seat, and what the
// simulator reports about it — the outcome and scores, leverage and tension by turn, the moves
// played, and the facts the character checks count (the US raising a tariff and China's answer,
// China accepting a package right after being escalated against). Pure: the same scenario, seed
// and seats give the same summary.
import type { BySide, GameState, Move, Order, Scenario, Setup, Side } from '../engine/index.ts';
import { applyMove, clauseId, leverageOnce, newGame, rulesFor, score } from '../engine/index.ts';
import type { Conduct } from './conduct.ts';
import { conductTracker } from './conduct.ts';
import type { AiSeat } from './index.ts';
import { chooseMove } from './index.ts';
import { nextToMove } from './rollout.ts';

export interface GameSummary {
  readonly seed: string;
  readonly winner: Side | 'tie';
  readonly outcome: 'deal' | 'collapse' | 'no-deal';
  readonly raw: BySide<number>; // utility points over the no-deal line
  readonly base: BySide<number>; // score points, objectives aside
  readonly score: BySide<number>; // the score, objectives included, as the winner is named
  readonly created: number;
  readonly leverage: readonly number[]; // L_us at the start of each turn played
  readonly tension: readonly number[]; // tension (points) at the start of each turn played
  readonly moves: Readonly<Record<string, number>>; // "us shift us-tariff up" → times
  readonly tariffRaises: number; // US tariff rises China saw with a turn left to answer (an announced one not traded away before it took effect)
  readonly tariffAnswered: number; // … answered by an escalating order within a turn (of its effect, if announced)
  readonly pressuredAccepts: number; // China accepted in the turn after being escalated against
  readonly moveCount: number;
  readonly codes: Readonly<Record<string, number>>; // reason codes of the AI's moves
  /** What the game used, once each: "instrument us-tariff", "alternative x", "clause cn-boeing", "event ev-x". */
  readonly used: readonly string[];
  /** How each side negotiated and escalated (src/ai/conduct.ts defines each count). */
  readonly conduct: BySide<Conduct>;
}

export function setupFor(seats: BySide<AiSeat>): Setup {
  return {
    seats: {
      us: { kind: 'ai', profile: seats.us.profile, level: seats.us.level },
      cn: { kind: 'ai', profile: seats.cn.profile, level: seats.cn.level },
    },
    randomEvents: true,
    leverage: 'after', // nobody watches a simulated game: the views need not compute it
  };
}

/** A move counted as kind + instrument + direction. */
function moveKeys(s: GameState, m: Move): string[] {
  if (m.type === 'orders') {
    if (m.orders.length === 0) return [`${m.side} orders: none`];
    return m.orders.map((o: Order) => {
      if (o.kind === 'shift')
        return `${m.side} shift ${o.instrument} ${o.level > (s.world.levels[o.instrument] ?? 0) ? 'up' : 'down'}`;
      if (o.kind === 'announce' || o.kind === 'withdraw') return `${m.side} ${o.kind} ${o.instrument}`;
      if (o.kind === 'build') return `${m.side} build ${o.alternative}`;
      return `${m.side} extend the truce`;
    });
  }
  if (m.type === 'readout') return [`${m.side} readout ${m.style}`];
  if (m.type === 'reject') return [`${m.side} reject (${m.reason})`];
  if (m.type === 'inject') return ['control inject'];
  if (m.type === 'news') return ['control news'];
  return [`${m.side} ${m.type}`];
}

const escalating = (
  s: GameState,
  owner: (id: string) => Side | undefined,
  side: Side,
  orders: readonly Order[],
) =>
  orders.some(
    (o) =>
      (o.kind === 'announce' || (o.kind === 'shift' && o.level > (s.world.levels[o.instrument] ?? 0))) &&
      owner(o.instrument) === side,
  );

/** Plays one game to its end and summarises it. */
export function playGame(scenario: Scenario, seed: string, seats: BySide<AiSeat>): GameSummary {
  const rules = rulesFor(scenario);
  const owner = (id: string) => rules.instruments.get(id)?.owner;
  const isTariff = (id: string) => rules.instruments.get(id)?.kind === 'tariff';
  let s = newGame(scenario, seed, setupFor(seats));
  const lev: number[] = [];
  const ten: number[] = [];
  // counted in maps, made records at the end: a record written under keys made afresh for every
  // move is slow to write
  const moves = new Map<string, number>();
  const codes = new Map<string, number>();
  // US tariff rises: the turn China first sees one, and the last turn before an answer is late (the
  // turn after it takes effect, for one announced ahead).
  // An announced rise that a deal (or Washington) withdraws before it takes effect, unanswered till
  // then, is not counted: the threat was traded away before China had to answer it.
  const raisesSeen: {
    from: number;
    to: number;
    announced: { instrument: string; level: number; turn: number } | null;
    withdrawn: boolean;
  }[] = [];
  const cnEscalated = new Set<number>(); // turns in which China gave an escalating order
  let pressuredAccepts = 0;
  let lastTurn = -1;
  const asked = new Set<string>();
  const used = new Set<string>();
  const usedClauses = new Set<string>(); // clause ids, named as `clause ID` at the end
  const conduct = conductTracker(scenario, s);
  const apply = (m: Move) => {
    conduct.before(s, m);
    for (const k of moveKeys(s, m)) moves.set(k, (moves.get(k) ?? 0) + 1);
    if (m.type === 'orders')
      for (const o of m.orders) {
        if (o.kind === 'build') used.add(`alternative ${o.alternative}`);
        else if (o.kind !== 'extend') used.add(`instrument ${o.instrument}`);
      }
    if (m.type === 'propose') for (const c of m.clauses) usedClauses.add(clauseId(c));
    if (m.ai) codes.set(m.ai.code, (codes.get(m.ai.code) ?? 0) + 1);
    if (m.type === 'orders') {
      // A rise ordered now, or announced for later: China sees it next turn, and may answer it from
      // then until the turn after it takes effect.
      if (m.side === 'us')
        for (const o of m.orders)
          if (
            (o.kind === 'shift' || o.kind === 'announce') &&
            isTariff(o.instrument) &&
            o.level > (s.world.levels[o.instrument] ?? 0)
          ) {
            const from = s.round.turn + 1;
            raisesSeen.push({
              from,
              to: (o.kind === 'announce' ? o.turn : from) + 1,
              announced:
                o.kind === 'announce' ? { instrument: o.instrument, level: o.level, turn: o.turn } : null,
              withdrawn: false,
            });
            break;
          }
      if (m.side === 'cn' && escalating(s, owner, 'cn', m.orders)) cnEscalated.add(s.round.turn);
    }
    if (
      m.type === 'accept' &&
      m.side === 'cn' &&
      s.round.turn > 0 &&
      s.world.pressuredOn.cn === s.round.turn - 1
    )
      pressuredAccepts += 1;
    const r = applyMove(scenario, s, m);
    if (!r.ok) throw new Error(`the AI chose an illegal move (${r.code}: ${r.reason}): ${JSON.stringify(m)}`);
    s = r.state;
    conduct.after(s);
    for (const raise of raisesSeen) {
      const a = raise.announced;
      // from the turn after it was ordered (when it stands announced) to the turn it takes effect
      if (!a || raise.withdrawn || s.round.turn < raise.from || s.round.turn > a.turn) continue;
      const pending = s.world.announcements[a.instrument];
      if ((!pending || pending.level < a.level) && (s.world.levels[a.instrument] ?? 0) < a.level)
        raise.withdrawn = true;
    }
  };
  while (s.round.phase !== 'over') {
    if (s.round.turn !== lastTurn) {
      lastTurn = s.round.turn;
      lev.push(leverageOnce(rules, s.world).us); // asked once for each turn: not kept
      ten.push(s.world.tension / 10);
    }
    const side = nextToMove(s, asked);
    apply(chooseMove(scenario, s, side, seats[side]));
  }
  const sc = score(scenario, s);
  const total = rules.totalTurns;
  let tariffRaises = 0;
  let tariffAnswered = 0;
  for (const r of raisesSeen) {
    if (r.from >= total) continue;
    let answered = false;
    for (let turn = r.from; turn <= r.to; turn++) if (cnEscalated.has(turn)) answered = true;
    if (r.withdrawn && !answered) continue; // traded away before China had to answer it
    tariffRaises += 1;
    if (answered) tariffAnswered += 1;
  }
  return {
    seed,
    winner: sc.winner,
    outcome: sc.collapsed ? 'collapse' : sc.deal ? 'deal' : 'no-deal',
    raw: { us: sc.sides.us.raw, cn: sc.sides.cn.raw },
    base: { us: sc.sides.us.base, cn: sc.sides.cn.base },
    score: { us: sc.sides.us.score, cn: sc.sides.cn.score },
    created: sc.created,
    leverage: lev,
    tension: ten,
    moves: Object.fromEntries(moves),
    tariffRaises,
    tariffAnswered,
    pressuredAccepts,
    moveCount: s.meta.moveCount,
    codes: Object.fromEntries(codes),
    used: [
      ...used,
      ...[...usedClauses].map((id) => `clause ${id}`),
      ...Object.keys(s.world.fired).map((e) => `event ${e}`),
    ].sort(),
    conduct: conduct.result(),
  };
}
