// What the AI needs from a package, shared by its answers and its offers: its threshold now (its
// concession curve times its target's gain), what waiting would bring, how lopsided a deal may be
// before it looks exploited, and what its character bars it from asking.
import type { MoveBody } from '../engine/index.ts';
import type { Rule } from '../model/profile-schema.ts';
import { ruleApplies, ruleEffect, type Situation } from './character.ts';
import type { Plan } from './memo.ts';
import type { Model } from './model.ts';
import { PLAIN, type Profile, theta } from './profile.ts';
import type { Table } from './talks.ts';

/** The least gain over no deal worth signing (points): better than walking away. */
export const MIN_GAIN = 0.5;

/** The threshold a package must meet now (points of own gain). */
export function needNow(m: Model, plan: Plan, profile: Profile | null, at: number): number {
  const th = profile ? theta(m.rules, profile, at) : PLAIN.thetaFloor;
  return Math.max(MIN_GAIN, th * plan.tgt.gains[0]);
}

/**
 * What rejecting can bring (the look-ahead of the higher levels): at best a deal next turn at its
 * own aspiration then, on the smaller pie of a shorter horizon, if a deal comes at all (as surely as
 * the level counts on one); in the last turn of talks, nothing — so anything better than no deal is
 * worth taking.
 */
export function waitingWorth(m: Model, plan: Plan, profile: Profile | null): number {
  if (m.turn >= m.rules.mainTurns - 1) return MIN_GAIN;
  const R = m.T - m.turn;
  const shrink = (R - 1) / (R + 1); // Σ of the turn-weights a turn later, over now
  const th = profile ? theta(m.rules, profile, m.turn + 1) : PLAIN.thetaFloor;
  return Math.max(MIN_GAIN, m.depth.lookahead * th * plan.tgt.gains[0] * shrink);
}

/** How much more lopsided than the target's split a deal may be before it looks exploited. */
export const FAIR = 1.6;

/**
 * The look-ahead offers no lopsided deal: the other side's gain, for each point of its own, at most
 * FAIR times what the target gives it for each point of the AI's (both split by leverage).
 */
export function fairEnough(plan: Plan, g: readonly [number, number]): boolean {
  const [ts, to] = plan.tgt.gains;
  if (g[0] <= 0) return false;
  if (ts <= 0 || to <= 0) return g[1] <= g[0];
  return g[1] / g[0] <= (FAIR * to) / ts;
}

/** What a counter-offer is worth to the search above its other offers: answering the offer in hand. */
export const COUNTER = 0.5;

/**
 * The options its character bars from a counter and from what it says it wants: what a `never` rule
 * forbids it to propose, and what a sure `avoid` rule weighs against by more than a counter's margin
 * (a counter is an offer it means to defend, so it leaves out what its character would not put its
 * name to).
 */
export function barredFor(x: Situation, table: Table, profile: Profile | null): (option: number) => boolean {
  const rules = profile ? aboutProposals(profile.rules) : [];
  if (rules.length === 0) return () => false;
  const bars = rules.filter((r) => ruleApplies(r, x));
  // each option's answer, worked out when first asked: 0 not yet, 1 barred, 2 free
  const memo: number[] = table.options.map(() => 0);
  return (i) => {
    if (memo[i] === 0) {
      const move: MoveBody = { type: 'propose', side: x.m.side, clauses: [table.options[i]!.clause] };
      const b = bars.some((r) => {
        const e = ruleEffect(r, x, move);
        return e === 'never' || (typeof e === 'number' && e < -COUNTER);
      });
      memo[i] = b ? 1 : 2;
    }
    return memo[i] === 1;
  };
}

/** A profile's rules that bar or sink a proposal, found once for its list of rules. */
function aboutProposals(rules: readonly Rule[]): readonly Rule[] {
  let found = proposalRules.get(rules);
  if (!found) {
    found = rules.filter((r) => {
      const what = r.never ?? (r.chance >= 1 && r.weight > COUNTER ? r.avoid : undefined);
      return what !== undefined && (what.move ?? 'propose') === 'propose';
    });
    proposalRules.set(rules, found);
  }
  return found;
}
const proposalRules = new WeakMap<readonly Rule[], readonly Rule[]>();
