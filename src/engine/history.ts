// The historical line (DESIGN.md "Scoring"): the scenario's history script played through the
// engine like any game, so it can be scored with `score()` as the benchmark a class's game is set
// against, and its documented figures read from the states the engine produced.
//
// How a script becomes moves: each step goes to the turn whose span holds its date; steps dated
// before the scenario's start are already in its opening and are skipped, steps after its last
// turn are not played. In the talks both sides pass, unless a step of that turn records a package:
// then its proposer proposes it (by default the side that opens that turn's talks), the other side
// accepts, and the readouts the step gives follow. In the orders phase each side gives the orders of
// its steps, at most `params.k` a turn: a later shift of the same instrument in the same turn
// replaces an earlier one (a shift may move any number of levels), and what does not fit waits for
// the next turn. An order already in effect (an instrument at that level, the same announcement
// pending, an alternative under way, a truce already running that long) is skipped. Whatever the
// engine refuses is reported in `problems`, never thrown.

import { applyMove } from './reducer.ts';
import { dateOf, dayNumber, type Rules, rulesFor, turnOf } from './rules.ts';
import { type Score, score } from './scoring.ts';
import { newGame } from './state.ts';
import type { Clause, GameState, Move, Order, Scenario, Setup, Side } from './types.ts';
import { DEFAULT_SETUP, SIDES } from './types.ts';
import { checkMove } from './validate.ts';

type ScriptStep = NonNullable<NonNullable<Scenario['history']>['script']>[number];
type ScriptOrder = NonNullable<ScriptStep['orders']>[number];

export type StepStatus =
  | 'played' // its move was made on `turn`
  | 'merged' // replaced by a later shift of the same instrument in the same turn
  | 'already' // its effect was already in force (the opening, or an earlier step)
  | 'before' // dated before the scenario's start: part of its opening
  | 'beyond' // not played by the end of the scenario
  | 'refused'; // the engine refused it (see `problems`)

export interface PlayedStep {
  readonly id: string;
  readonly date: string;
  readonly turn: number | null; // the turn it was played on, or null
  readonly status: StepStatus;
}

export interface HistoryLine {
  readonly final: GameState;
  readonly score: Score;
  /** The state at the start of each turn (index = turn), then the final state. */
  readonly turns: readonly GameState[];
  readonly steps: readonly PlayedStep[];
  /** Steps the engine refused, in words: empty for a script that plays. */
  readonly problems: readonly string[];
  readonly moves: readonly Move[];
}

/** The history line has the no-deal line's setup: random events off unless the caller asks. */
export const HISTORY_SETUP: Setup = { ...DEFAULT_SETUP, randomEvents: false };

const orderTarget = (o: ScriptOrder) =>
  o.kind === 'build' ? `a:${o.alternative}` : o.kind === 'extend' ? 'extend' : `i:${o.instrument}`;

interface Queued {
  readonly step: ScriptStep;
  readonly order: ScriptOrder;
}

/** Plays the scenario's history script (none: both sides pass every turn) and scores it. */
export function historyLine(scenario: Scenario, seed = 'history', setup: Setup = HISTORY_SETUP): HistoryLine {
  const rules = rulesFor(scenario);
  const script = [...(scenario.history?.script ?? [])]
    .map((step, i) => ({ step, i }))
    .sort((a, b) => (a.step.date < b.step.date ? -1 : a.step.date > b.step.date ? 1 : a.i - b.i))
    .map(({ step }) => step);
  const status = new Map<string, { turn: number | null; status: StepStatus }>();
  const problems: string[] = [];
  const moves: Move[] = [];
  const byTurn = new Map<number, ScriptStep[]>();
  for (const step of script) {
    if (dayNumber(step.date) < rules.startDay) {
      status.set(step.id, { turn: null, status: 'before' });
      continue;
    }
    const t = turnOf(rules, step.date);
    if (t >= rules.totalTurns) {
      status.set(step.id, { turn: null, status: 'beyond' });
      continue;
    }
    byTurn.set(t, [...(byTurn.get(t) ?? []), step]);
  }

  let s = newGame(scenario, seed, setup);
  const turns: GameState[] = [];
  const queue: Record<Side, Queued[]> = { us: [], cn: [] };
  const play = (move: Move, what: string): boolean => {
    const r = applyMove(scenario, s, move);
    if (!r.ok) {
      problems.push(
        `${what} on turn ${s.round.turn} (${dateOf(rules, s.round.turn)}): ${r.code} ${r.reason}`,
      );
      return false;
    }
    s = r.state;
    moves.push(move);
    return true;
  };

  // A function, so the type checker does not keep the phase it saw before the moves were played.
  const sameTurn = (t: number) => s.round.phase !== 'over' && s.round.turn === t;
  while (s.round.phase !== 'over') {
    const t = s.round.turn;
    turns.push(s);
    const here = byTurn.get(t) ?? [];
    talks(here);
    for (const step of here) {
      if (!step.orders || !step.side) continue;
      for (const order of step.orders) queue[step.side].push({ step, order });
    }
    for (const side of SIDES) {
      if (!sameTurn(t)) break;
      play({ type: 'orders', side, orders: ordersFor(side) }, `${side} orders`);
    }
    if (sameTurn(t)) {
      // The engine refused a side's orders: pass instead, so the line still reaches its end.
      for (const side of SIDES)
        if (s.round.drafts[side] === null) play({ type: 'orders', side, orders: [] }, 'pass');
    }
  }
  for (const side of SIDES)
    for (const q of queue[side])
      if (!status.has(q.step.id)) status.set(q.step.id, { turn: null, status: 'beyond' });
  turns.push(s);

  /** The talks of this turn: pass, or propose and accept the turn's packages. */
  function talks(here: readonly ScriptStep[]) {
    const pending = here.filter((x) => x.package);
    if (s.round.phase !== 'talks') {
      for (const step of pending) {
        problems.push(
          `${step.id}: a package on turn ${s.round.turn}, which has no talks (the epilogue, or the talks have collapsed)`,
        );
        status.set(step.id, { turn: s.round.turn, status: 'refused' });
      }
      return;
    }
    let guard = 0;
    while (s.round.phase === 'talks' && guard++ < 50) {
      const side = s.round.talks.toMove;
      const open = s.round.talks.open;
      const next = pending[0];
      if (open && open.by !== side) {
        const step = pending.shift();
        if (!step) break;
        if (play({ type: 'accept', side }, `${step.id}: accept`)) {
          status.set(step.id, { turn: s.round.turn, status: 'played' });
          for (const who of SIDES) {
            const style = step.package?.readouts?.[who];
            if (style) play({ type: 'readout', side: who, style }, `${step.id}: readout`);
          }
        } else {
          status.set(step.id, { turn: s.round.turn, status: 'refused' });
          play({ type: 'reject', side, reason: 'face' }, `${step.id}: reject`);
        }
      } else if (next?.package && (next.package.proposer ?? s.round.talks.first) === side) {
        const clauses = clausesFor(next);
        if (clauses.length === 0) {
          status.set(next.id, { turn: s.round.turn, status: 'already' });
          pending.shift();
        } else if (!play({ type: 'propose', side, clauses }, `${next.id}: propose`)) {
          status.set(next.id, { turn: s.round.turn, status: 'refused' });
          pending.shift();
        }
      } else if (!play({ type: 'pass', side }, 'pass')) break;
    }
  }

  /** A package's clauses as the engine takes them, without instrument changes already in force. */
  function clausesFor(step: ScriptStep): Clause[] {
    const out: Clause[] = [];
    for (const c of step.package?.clauses ?? []) {
      if (c.kind === 'instrument') {
        const now = s.world.levels[c.instrument] ?? 0;
        const pending = s.world.announcements[c.instrument];
        if (c.level < now || (c.level === now && pending && pending.level > now))
          out.push({ kind: 'instrument', instrument: c.instrument, level: c.level });
      } else if (c.kind === 'pledge') {
        out.push(
          c.condition
            ? { kind: 'pledge', item: c.item, size: c.size, condition: c.condition }
            : { kind: 'pledge', item: c.item, size: c.size },
        );
      } else if (c.kind === 'commitment') {
        out.push(
          c.condition
            ? { kind: 'commitment', item: c.item, condition: c.condition }
            : { kind: 'commitment', item: c.item },
        );
      } else out.push({ kind: 'statement', statement: c.statement });
    }
    return out;
  }

  /** This turn's orders for a side: at most k, the rest kept for the next turn. */
  function ordersFor(side: Side): Order[] {
    const q = queue[side];
    // A later shift of the same instrument replaces an earlier one still waiting.
    for (let i = 0; i < q.length; i++) {
      const a = q[i]!;
      if (a.order.kind !== 'shift') continue;
      const later = q.findIndex(
        (b, j) => j > i && b.order.kind === 'shift' && orderTarget(b.order) === orderTarget(a.order),
      );
      if (later >= 0) {
        status.set(a.step.id, { turn: s.round.turn, status: 'merged' });
        q.splice(i--, 1);
      }
    }
    const chosen: Order[] = [];
    const used = new Set<string>();
    const keep: Queued[] = [];
    for (const item of q) {
      const order = toOrder(rules, s, item.order);
      if (order === null) {
        if (!status.has(item.step.id)) status.set(item.step.id, { turn: s.round.turn, status: 'already' });
        continue;
      }
      const target = orderTarget(item.order);
      if (chosen.length >= rules.scenario.params.k || used.has(target)) {
        keep.push(item);
        continue;
      }
      const refusal = checkMove(rules, s, { type: 'orders', side, orders: [...chosen, order] });
      if (refusal) {
        problems.push(
          `${item.step.id}: ${refusal.code} ${refusal.reason} (turn ${s.round.turn}, ${dateOf(rules, s.round.turn)})`,
        );
        status.set(item.step.id, { turn: s.round.turn, status: 'refused' });
        continue;
      }
      chosen.push(order);
      used.add(target);
      status.set(item.step.id, { turn: s.round.turn, status: 'played' });
    }
    queue[side] = keep;
    return chosen;
  }

  const steps: PlayedStep[] = script.map((step) => {
    const st = status.get(step.id) ?? { turn: null, status: 'beyond' as const };
    return { id: step.id, date: step.date, turn: st.turn, status: st.status };
  });
  return { final: s, score: score(scenario, s), turns, steps, problems, moves };
}

/** A script order as the engine's order now, or null when its effect is already in force. */
function toOrder(rules: Rules, s: GameState, o: ScriptOrder): Order | null {
  switch (o.kind) {
    case 'shift':
      return (s.world.levels[o.instrument] ?? 0) === o.level && !s.world.announcements[o.instrument]
        ? null
        : { kind: 'shift', instrument: o.instrument, level: o.level };
    case 'announce': {
      const turn = turnOf(rules, o.date);
      const pending = s.world.announcements[o.instrument];
      if (pending && pending.level === o.level && pending.turn === turn) return null;
      return { kind: 'announce', instrument: o.instrument, level: o.level, turn };
    }
    case 'withdraw':
      return s.world.announcements[o.instrument] ? { kind: 'withdraw', instrument: o.instrument } : null;
    case 'build':
      return s.world.builds[o.alternative] === undefined
        ? { kind: 'build', alternative: o.alternative }
        : null;
    case 'extend': {
      if (!s.world.truce || s.world.truce.expired) return null;
      if (o.to !== undefined && s.world.truce.endTurn >= turnOf(rules, o.to)) return null;
      return { kind: 'extend' };
    }
  }
}

/** The label of an instrument's level in a state: what a figure such as "145%" is read from. */
export function levelLabel(scenario: Scenario, s: GameState, instrument: string): string | undefined {
  const inst = rulesFor(scenario).instruments.get(instrument);
  return inst?.levels[s.world.levels[instrument] ?? 0]?.label;
}
