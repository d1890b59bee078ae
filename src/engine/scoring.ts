// Scoring against the stand-still line (DESIGN.md "Scoring"): one score on one scale, the same in
// every scenario and on every screen. The no-deal line is the same scenario, seed and setup with both
// sides holding still every turn (the kernel's `holdStill` from the opening). A side's score is
//   100 × (its summed utility − the line's) ÷ what standing still costs it,
// the divisor — its opening utility held flat over the game minus the line's sum — computed once per
// scenario with events off, so every seed of a scenario shares one scale. 0 is standing still, 100 is
// as well off as if opening day's conditions had lasted, below 0 is worse than standing still; no
// clipping. Objectives are written in score points and add at most 33.
import { utility } from './effects.ts';
import { canonicalJson } from './hash.ts';
import { holdStill } from './kernel.ts';
import { type ObjectiveStatus, objectiveStatus } from './objectives.ts';
import { rulesFor } from './rules.ts';
import { newGame } from './state.ts';
import type { BySide, GameState, Scenario, Setup, Side } from './types.ts';
import { SIDES } from './types.ts';

/** The most a side's objectives may add to its score, in score points. */
export const OBJECTIVES_CAP = 33;

export interface NoDealLine {
  readonly util: BySide<number>; // summed utility, tenths
  readonly opening: BySide<number>; // opening utility, tenths
  readonly loss: BySide<number>; // opening utility held flat minus the line's sum, tenths (this seed)
}

// The cache keeps the line's numbers only: a final state for every seed a simulator plays held
// megabytes a hundred games.
const noDealCache = new Map<string, NoDealLine>();

/** The final state of the no-deal line (computed afresh: the line's numbers are what is cached). */
export function noDealFinal(scenario: Scenario, seed: string, setup: Setup): GameState {
  const start = newGame(scenario, seed, setup);
  return holdStill(rulesFor(scenario), start, start.rng);
}

/** The share of what a side has promised in deals that it has delivered so far; null if it promised nothing. */
export function deliveredShare(world: GameState['world'], side: Side): number | null {
  const promised = world.totals.promised[side];
  return promised > 0 ? world.totals.delivered[side] / promised : null;
}

/** The scenario played with both sides holding still (cached by scenario hash, seed and events). */
export function noDealLine(scenario: Scenario, seed: string, setup: Setup): NoDealLine {
  const rules = rulesFor(scenario);
  // Only what changes the line is in the key: who sits in the seats does not.
  const key = `${rules.hash}|${seed}|${canonicalJson({ randomEvents: setup.randomEvents })}`;
  const hit = noDealCache.get(key);
  if (hit) return hit;
  const start = newGame(scenario, seed, setup);
  const opening = {
    us: utility(rules, start.world.values, 'us'),
    cn: utility(rules, start.world.values, 'cn'),
  };
  const s = holdStill(rules, start, start.rng);
  const turns = rules.totalTurns;
  const line: NoDealLine = {
    util: { ...s.world.totals.util },
    opening,
    loss: {
      us: Math.round(opening.us * turns - s.world.totals.util.us),
      cn: Math.round(opening.cn * turns - s.world.totals.util.cn),
    },
  };
  // previews keep twenty lines a scenario and setting alive: room for a few scenarios
  if (noDealCache.size > 512) noDealCache.clear();
  noDealCache.set(key, line);
  return line;
}

const SCALE_SETUP: Setup = {
  seats: { us: { kind: 'human' }, cn: { kind: 'human' } },
  randomEvents: false,
  leverage: 'live',
};

/**
 * What standing still costs each side over the game, tenths of a point: the score's divisor, the
 * same for every seed of a scenario (events off). The checker requires both to be clearly positive.
 */
export function noDealLoss(scenario: Scenario): BySide<number> {
  let loss = lossCache.get(scenario);
  if (!loss) {
    loss = noDealLine(scenario, 'check', SCALE_SETUP).loss;
    lossCache.set(scenario, loss);
  }
  return loss;
}
const lossCache = new WeakMap<Scenario, BySide<number>>();

/** Why a scenario cannot be scored (a side loses nothing by standing still), or null. */
export function unscorable(scenario: Scenario): string | null {
  const loss = noDealLoss(scenario);
  const side = SIDES.find((x) => !(loss[x] > 0));
  return side
    ? `standing still costs ${scenario.sides[side].name} nothing in this scenario, so its score has no scale`
    : null;
}

/** Summed utilities (tenths) on the one scale: score points over the line `zero`, unrounded. */
export function scorePoints(scenario: Scenario, util: BySide<number>, zero: BySide<number>): BySide<number> {
  const loss = noDealLoss(scenario);
  const why = unscorable(scenario);
  if (why) throw new Error(`no score: ${why}`);
  return {
    us: (100 * (util.us - zero.us)) / loss.us,
    cn: (100 * (util.cn - zero.cn)) / loss.cn,
  };
}

/** An objective's verdict with the fact it read (objectives.ts), and its score points. */
export interface ObjectiveResult extends ObjectiveStatus {
  readonly id: string;
  readonly text: string;
  readonly points: number; // score points
}

/** A side's objectives held against a state, and what the met ones add (capped at 33). */
export function objectivesOf(
  objectives: Scenario['objectives'],
  side: Side,
  s: GameState,
): { readonly list: readonly ObjectiveResult[]; readonly bonus: number } {
  const list = objectives
    .filter((o) => o.side === side)
    .map((o) => ({ id: o.id, text: o.text, points: o.points / 10, ...objectiveStatus(s.world, o) })); // tenths in the file's schema
  const earned = list.reduce((sum, o) => sum + (o.met ? o.points : 0), 0);
  return { list, bonus: Math.min(OBJECTIVES_CAP, earned) };
}

const tenth = (x: number) => Math.round(x * 10) / 10;

export interface SideScore {
  /** The one number: score points (base plus objectives). */
  readonly score: number;
  readonly base: number; // 100 × raw ÷ standStillCost, score points
  readonly bonus: number; // objectives met, score points, capped at 33
  readonly objectives: readonly ObjectiveResult[];
  readonly raw: number; // summed utility over the stand-still line's, utility points (the detail)
  readonly standStillCost: number; // what standing still costs over the game, utility points
  readonly durability: number | null; // delivered ÷ promised, null when it promised nothing
}

export interface Score {
  readonly sides: BySide<SideScore>;
  readonly created: number; // joint gain, score points (the two scores' sum without objectives)
  readonly winner: 'us' | 'cn' | 'tie'; // the higher score
  readonly deal: boolean;
  readonly collapsed: boolean;
}

/** Scores a game so far (normally a finished one) against its no-deal line. */
export function score(scenario: Scenario, s: GameState): Score {
  const line = noDealLine(scenario, s.meta.seed, s.meta.setup);
  const loss = noDealLoss(scenario);
  const base = scorePoints(scenario, s.world.totals.util, line.util);
  const sides = {} as BySide<SideScore>;
  for (const side of SIDES) {
    const { list, bonus } = objectivesOf(scenario.objectives, side, s);
    sides[side] = {
      score: tenth(base[side] + bonus),
      base: tenth(base[side]),
      bonus: tenth(bonus),
      objectives: list,
      raw: tenth((s.world.totals.util[side] - line.util[side]) / 10),
      standStillCost: loss[side] / 10,
      durability: deliveredShare(s.world, side),
    };
  }
  const diff = sides.us.score - sides.cn.score;
  return {
    sides,
    created: tenth(sides.us.base + sides.cn.base),
    winner: Math.abs(diff) < 1e-9 ? 'tie' : diff > 0 ? 'us' : 'cn',
    deal: s.world.packages.some((p) => p.status === 'active'),
    collapsed: s.world.collapsed,
  };
}
