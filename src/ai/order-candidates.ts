// Its orders as candidates: every order set the engine allows, less those no side would weigh (an
// announcement for its earlier date, a shift that skips steps) and those past its profile's
// tension, each with its search value (orders.ts) and the term that decided it; a loosening past
// its own red line is weighed last.
import { crossedRedLine, type Order, orderSets } from '../engine/index.ts';
import { type Candidate, candidate } from './choose.ts';
import type { Plan } from './memo.ts';
import type { Model } from './model.ts';
import { ordersModel } from './model.ts';
import { orderContext, orderTerms, setTension, sumTerms, type Terms } from './orders.ts';
import { PLAIN, type Profile } from './profile.ts';

/**
 * What a unit of leverage is worth at the table, as a share of what a deal would create: the target
 * splits the gains about in the ratio of leverage, if a deal comes.
 */
const LEVERAGE_WORTH = 0.6;

/** What an order must be worth (points) to be given rather than nothing. */
const ACTION_COST = 0.4;

function termCode(t: Terms, empty: boolean): string {
  if (empty) return 'search:hold';
  // Orders no term favours are a close call, taken on the level's tie-breaking: never "holds still".
  let code = 'close';
  let best = 0;
  if (t.build > best) {
    code = 'build';
    best = t.build;
  }
  if (t.utility > best) {
    code = 'utility';
    best = t.utility;
  }
  if (t.leverage > best) {
    code = 'leverage';
    best = t.leverage;
  }
  if (t.deal > best) code = 'deal';
  return `search:${code}`;
}

function usefulShift(m: Model, id: string, level: number): boolean {
  const now = m.s.world.levels[id] ?? 0;
  const top = (m.rules.instruments.get(id)?.levels.length ?? 1) - 1;
  return Math.abs(level - now) === 1 || level === 0 || level === top;
}

/**
 * A loosening its own red line forbids: what it must never give in a package it does not give by
 * order either (the engine lets a player do it; the computer keeps to its briefing). Washington at
 * level 3 in the Whole of 2025 lifted its chip controls, the memory chips' included, in its first
 * orders of 20 games in 40, its search rating the chip sales above the hawks' rule.
 */
function pastRedLine(m: Model, o: Order): boolean {
  return (
    o.kind === 'shift' &&
    o.level < (m.s.world.levels[o.instrument] ?? 0) &&
    crossedRedLine(m.rules, m.side, [{ kind: 'instrument', instrument: o.instrument, level: o.level }]) !==
      undefined
  );
}

/**
 * Where a set crossing its own red line ranks: below every other, and below anything a rule could
 * add. It stays among the candidates so that the level's tie-breaking draws the same dice: a game
 * in which no side would cross a line plays as it did.
 */
const PAST_RED_LINE = -1e6;

export function orderCandidates(m: Model, plan: () => Plan, profile: Profile | null, L: number): Candidate[] {
  let worth = 0;
  if (m.depth.leverage && m.turn + 1 < m.rules.mainTurns) {
    const { tgt } = plan();
    worth = LEVERAGE_WORTH * Math.max(0, tgt.gains[0] + tgt.gains[1]);
  }
  const ctx = orderContext(ordersModel(m), L, worth);
  const maxT = profile?.params.maxTension ?? PLAIN.maxTension;
  const out: Candidate[] = [];
  // An announcement is tried for the later of its dates only (the same threat, more time to trade
  // it); a shift for one step either way, all the way down, or all the way up. The orders it would
  // not weigh are left out before they are combined into sets.
  const latest = Math.min(m.turn + 2, m.T - 1);
  const weighed = (o: Order) =>
    o.kind === 'announce' ? o.turn >= latest : o.kind !== 'shift' || usefulShift(m, o.instrument, o.level);
  for (const set of orderSets(m.rules, m.s, m.side, weighed)) {
    // Past its maximum tension a profile will not go (holding still is always possible): checked
    // before the set is valued, which is the dear part.
    const added = setTension(ctx, set);
    if (added > 0 && ctx.base + added > maxT) continue;
    const terms = orderTerms(ctx, set);
    const code = termCode(terms, set.length === 0);
    // It never breaks a deal in force on a close call, by its tie-breaking alone.
    if (terms.deal < 0 && code === 'search:close') continue;
    // Every order spends a little attention and credibility: doing nothing wins a tie.
    const search = set.some((o) => pastRedLine(m, o))
      ? PAST_RED_LINE
      : sumTerms(terms) - ACTION_COST * set.length;
    out.push(candidate({ type: 'orders', side: m.side, orders: set }, search, code, { calm: added <= 0 }));
  }
  return out;
}
