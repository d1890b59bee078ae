// Every valuation the AI makes, in one place. "Better" for the AI always means: the projected final
// score if a package is signed (or an order given) minus the projected final score if both sides
// hold still from now, on the one score scale — 0 is standing still all game, 100 is as well off as
// if opening conditions had lasted (100 score points = what standing still all game costs a side).
//
// This is a FAST APPROXIMATION of the engine's end of turn, not the engine itself: the linear
// tables of model.ts (a level held for a turn changes each indicator by its effect × (1 − alt),
// summed to the end of the game), with no random events, no indicator bounds and no alternative
// creep. A decision must take a few milliseconds, and the engine's own turn costs about a
// millisecond a turn, so the search cannot call it for each of its hundreds of candidate packages.
// Its error against the engine is bounded by tests/unit/ai-worth.test.ts: the sign of a package's
// value for each side agrees with what the engine produces when the package is signed and both
// sides hold still in ≥ 95 % of random packages, and its ranking of candidate packages has a rank
// correlation ≥ 0.9 with the engine's. The score divisor (what standing still costs) is the
// engine's own, computed once per scenario.
import type { Clause, Scenario, Side } from '../engine';
import { noDealLoss } from '../engine';
import type { Model } from './model';
import { clauseGains, type Gains, gains, type Pkg, type Table } from './talks';

export {
  clausesOf,
  counterFrom,
  fromTemplate,
  logroll,
  makeTable,
  nash,
  optionOf,
  packageKey,
  target,
} from './talks';
export type { Gains, Pkg, Table };

/**
 * The engine sums utility in tenths of the model's points (its indicators are kept in tenths):
 * what standing still costs, as the engine gives it, is this many times the model's points.
 */
export const ENGINE_UNITS_PER_POINT = 10;

const divisors = new WeakMap<Scenario, { us: number; cn: number }>();

/** The model's points per score point for a side: a hundredth of what standing still costs it. */
export function pointsPerScore(scenario: Scenario, side: Side): number {
  let d = divisors.get(scenario);
  if (!d) {
    const loss = noDealLoss(scenario);
    // A side that loses nothing by standing still still needs a scale: one point a score point.
    const per = (x: number) => Math.max(1, x) / ENGINE_UNITS_PER_POINT / 100;
    d = { us: per(loss.us), cn: per(loss.cn) };
    divisors.set(scenario, d);
  }
  return d[side];
}

/** Raw points of summed utility, as score points for a side. */
export const toScore = (m: Model, side: Side, raw: number): number =>
  raw / pointsPerScore(m.rules.scenario, side);

/** Score points, as raw points for a side. */
export const fromScore = (m: Model, side: Side, score: number): number =>
  score * pointsPerScore(m.rules.scenario, side);

/** A package of the table's options: its worth [self, other] over holding still (raw points). */
export const packageWorth = (t: Table, p: Pkg): Gains => gains(t, p);

/** Any list of clauses (an offer on the table): its worth [self, other] over holding still (raw points). */
export const offerWorth = (t: Table, clauses: readonly Clause[]): Gains => clauseGains(t, clauses);
