// Every legal move for a side, from one function that the interface, the AI and the tests all use.
// Orders are listed exhaustively (every set of at most k orders on distinct targets); proposals come
// from a bounded generator: at most four clauses, one per instrument or promise, pledges in three
// sizes, each package pairing what the proposer gives with what it asks.
import type { Rules } from './rules.ts';
import { rulesFor } from './rules.ts';
import type { Clause, GameState, Move, Order, Scenario, Side } from './types.ts';
import { other, PLEDGE_SIZES, REJECT_REASONS } from './types.ts';
import {
  agreedIn,
  checkMove,
  clauseGiver,
  crossedRedLine,
  PROPOSALS_PER_TURN,
  pendingReadout,
} from './validate.ts';

/** Single orders a side could give now (each legal on its own). */
export function singleOrders(rules: Rules, s: GameState, side: Side): Order[] {
  const out: Order[] = [];
  if (!s.world.collapsed) {
    for (const id of rules.instrumentIds) {
      const inst = rules.instruments.get(id)!;
      if (inst.owner !== side) continue;
      const now = s.world.levels[id] ?? 0;
      const pending = s.world.announcements[id];
      if (pending) {
        if (pending.by === side) out.push({ kind: 'withdraw', instrument: id });
        continue;
      }
      for (let l = 0; l < inst.levels.length; l++)
        if (l !== now) out.push({ kind: 'shift', instrument: id, level: l });
      for (let l = now + 1; l < inst.levels.length; l++)
        for (let t = s.round.turn + 1; t <= Math.min(s.round.turn + 2, rules.totalTurns - 1); t++)
          out.push({ kind: 'announce', instrument: id, level: l, turn: t });
    }
    if (s.world.truce && !s.world.truce.expired && rules.scenario.calendar.truce)
      out.push({ kind: 'extend' });
  }
  for (const alt of rules.scenario.alternatives)
    if (alt.side === side && s.world.builds[alt.id] === undefined)
      out.push({ kind: 'build', alternative: alt.id });
  return out;
}

const target = (o: Order) =>
  o.kind === 'extend' ? 'extend' : o.kind === 'build' ? `a:${o.alternative}` : `i:${o.instrument}`;

/**
 * Every set of at most k orders on distinct targets, the empty set (passing) first. `keep` narrows
 * the single orders the sets are made of (the AI weighs fewer than the rules allow); the sets left
 * come in the same order as among all of them.
 */
export function orderSets(rules: Rules, s: GameState, side: Side, keep?: (o: Order) => boolean): Order[][] {
  const all = singleOrders(rules, s, side);
  const singles = keep ? all.filter(keep) : all;
  const targets = singles.map(target);
  const k = rules.scenario.params.k;
  const sets: Order[][] = [[]];
  // `used`: the targets of the orders chosen (at most k, so a short list)
  const grow = (from: number, chosen: Order[], used: string[]) => {
    for (let i = from; i < singles.length; i++) {
      const key = targets[i]!;
      if (used.includes(key)) continue;
      const next = [...chosen, singles[i]!];
      sets.push(next);
      if (next.length < k) grow(i + 1, next, [...used, key]);
    }
  };
  grow(0, [], []);
  return sets;
}

/** What a side can offer or ask in a package now, as single clauses. */
export function clauseOptions(rules: Rules, s: GameState, by: Side): Clause[] {
  const out: Clause[] = [];
  for (const id of rules.instrumentIds) {
    const now = s.world.levels[id] ?? 0;
    const pending = s.world.announcements[id];
    if (pending && pending.level > now) out.push({ kind: 'instrument', instrument: id, level: now });
    if (now > 0) out.push({ kind: 'instrument', instrument: id, level: now - 1 });
    if (now > 1) out.push({ kind: 'instrument', instrument: id, level: 0 });
  }
  for (const c of rules.scenario.commitments) {
    if (agreedIn(s.world, 'commitment', c.id)) continue;
    if (c.kind === 'purchase') {
      for (const size of PLEDGE_SIZES) {
        out.push({ kind: 'pledge', item: c.id, size });
        if (c.condition) out.push({ kind: 'pledge', item: c.id, size, condition: c.condition });
      }
    } else {
      out.push({ kind: 'commitment', item: c.id });
      if (c.condition) out.push({ kind: 'commitment', item: c.id, condition: c.condition });
    }
  }
  for (const st of rules.scenario.statements)
    if (!agreedIn(s.world, 'statement', st.id)) out.push({ kind: 'statement', statement: st.id });
  return out.filter((c) => !crossedRedLine(rules, by, [c]));
}

/** What a clause is about: its instrument, promise or statement (a package holds one clause of each). */
export const clauseId = (c: Clause) =>
  c.kind === 'instrument' ? c.instrument : c.kind === 'statement' ? c.statement : c.item;

export const PROPOSAL_CAP = 400;

/** Bounded packages for `by` to propose: singles, then one given for one asked, then two for two. */
export function proposalCandidates(rules: Rules, s: GameState, by: Side): Clause[][] {
  const options = clauseOptions(rules, s, by);
  const gives = options.filter((c) => clauseGiver(rules, c) !== other(by));
  const asks = options.filter((c) => clauseGiver(rules, c) !== by);
  const out: Clause[][] = options.map((c) => [c]);
  const distinct = (cs: Clause[]) => new Set(cs.map(clauseId)).size === cs.length;
  for (const g of gives) for (const a of asks) if (distinct([g, a])) out.push([g, a]);
  for (let i = 0; i < gives.length && out.length < PROPOSAL_CAP; i++)
    for (let j = 0; j < asks.length && out.length < PROPOSAL_CAP; j++) {
      const pair = [gives[i]!, asks[j]!, gives[(i + 1) % gives.length]!, asks[(j + 1) % asks.length]!];
      if (distinct(pair)) out.push(pair);
    }
  return out.slice(0, PROPOSAL_CAP);
}

/** Every legal move for a side now (proposals from the bounded generator). */
export function legalMoves(scenario: Scenario, s: GameState, side: Side): Move[] {
  const rules = rulesFor(scenario);
  if (s.round.phase === 'over') return [];
  const out: Move[] = [];
  if (pendingReadout(s, side)) {
    out.push({ type: 'readout', side, style: 'trumpet' }, { type: 'readout', side, style: 'modest' });
  }
  if (s.round.phase === 'orders') {
    if (s.round.drafts[side] === null)
      for (const orders of orderSets(rules, s, side)) out.push({ type: 'orders', side, orders });
    return out;
  }
  const t = s.round.talks;
  if (t.toMove !== side) return out;
  if (t.open && t.open.by !== side) {
    out.push({ type: 'accept', side });
    for (const reason of REJECT_REASONS) out.push({ type: 'reject', side, reason });
  } else {
    out.push({ type: 'pass', side });
    if (t.made[side] < PROPOSALS_PER_TURN)
      for (const clauses of proposalCandidates(rules, s, side)) out.push({ type: 'propose', side, clauses });
  }
  return out.filter((m) => checkMove(rules, s, m) === null);
}
