// Scoring against the no-deal line (DESIGN.md "Scoring"). The no-deal line is the same scenario,
// seed and setup with both sides passing every turn; each side's score is its utility summed over
// every turn minus the same sum on that line, and is also given as a share of what no deal would
// cost it, so the two sides' results read alike.
import { utility } from './effects';
import { canonicalJson } from './hash';
import { type ObjectiveStatus, objectiveStatus } from './objectives';
import { applyMove } from './reducer';
import { rulesFor } from './rules';
import { newGame } from './state';
import type { BySide, GameState, Scenario, Setup } from './types';
import { SIDES } from './types';

export interface NoDealLine {
  readonly util: BySide<number>; // summed utility, tenths
  readonly opening: BySide<number>; // opening utility, tenths
  readonly loss: BySide<number>; // opening utility held flat minus the line's sum: what no deal costs
  readonly final: GameState;
}

const noDealCache = new Map<string, NoDealLine>();

/** Plays the scenario with both sides passing every turn (cached by scenario hash, seed and setup). */
export function noDealLine(scenario: Scenario, seed: string, setup: Setup): NoDealLine {
  const rules = rulesFor(scenario);
  // Only what changes the line is in the key: who sits in the seats does not.
  const key = `${rules.hash}|${seed}|${canonicalJson({ randomEvents: setup.randomEvents })}`;
  const hit = noDealCache.get(key);
  if (hit) return hit;
  let s = newGame(scenario, seed, setup);
  const opening = { us: utility(rules, s.values, 'us'), cn: utility(rules, s.values, 'cn') };
  while (s.phase !== 'over') {
    const side = s.phase === 'talks' ? s.talks.toMove : s.drafts.us === null ? 'us' : 'cn';
    const r = applyMove(
      scenario,
      s,
      s.phase === 'talks' ? { type: 'pass', side } : { type: 'orders', side, orders: [] },
    );
    if (!r.ok) throw new Error(`no-deal line refused a pass: ${r.reason}`);
    s = r.state;
  }
  const turns = rules.totalTurns;
  const line: NoDealLine = {
    util: { ...s.totals.util },
    opening,
    loss: {
      us: Math.round(opening.us * turns - s.totals.util.us),
      cn: Math.round(opening.cn * turns - s.totals.util.cn),
    },
    final: s,
  };
  if (noDealCache.size > 64) noDealCache.clear();
  noDealCache.set(key, line);
  return line;
}

/** What no deal costs each side (the checker requires both to be clearly positive). */
export function noDealLoss(scenario: Scenario, seed = 'check'): BySide<number> {
  return noDealLine(scenario, seed, {
    seats: { us: { kind: 'human' }, cn: { kind: 'human' } },
    randomEvents: false,
    leverage: 'live',
  }).loss;
}

export interface SideScore {
  readonly raw: number; // summed utility over the no-deal line's, in points
  readonly normalised: number; // raw ÷ no-deal loss: 1 recovers all that no deal would cost
  readonly noDealLoss: number; // points
  // each objective's verdict and the fact it read (objectives.ts), with its points
  readonly objectives: readonly ({ id: string; text: string; points: number } & ObjectiveStatus)[];
  readonly bonus: number; // objectives met, capped at a third of the no-deal loss, points
  readonly total: number; // raw + bonus
  readonly totalNormalised: number;
  readonly durability: number | null; // delivered ÷ promised, null when it promised nothing
}

export interface Score {
  readonly sides: BySide<SideScore>;
  readonly created: number; // joint gain, points
  readonly winner: 'us' | 'cn' | 'tie'; // higher normalised total
  readonly deal: boolean;
  readonly collapsed: boolean;
}

/** Scores a game so far (normally a finished one) against its no-deal line. */
export function score(scenario: Scenario, s: GameState): Score {
  const line = noDealLine(scenario, s.seed, s.setup);
  const sides = {} as BySide<SideScore>;
  for (const side of SIDES) {
    const raw = (s.totals.util[side] - line.util[side]) / 10;
    const loss = line.loss[side] / 10;
    const objectives = scenario.objectives
      .filter((o) => o.side === side)
      .map((o) => ({ id: o.id, text: o.text, points: o.points / 10, ...objectiveStatus(s, o) }));
    const earned = objectives.reduce((sum, o) => sum + (o.met ? o.points : 0), 0);
    const bonus = Math.round(Math.min(earned, Math.max(0, loss) / 3) * 10) / 10;
    const total = Math.round((raw + bonus) * 10) / 10;
    const promised = s.totals.promised[side];
    sides[side] = {
      raw: Math.round(raw * 10) / 10,
      normalised: loss > 0 ? raw / loss : 0,
      noDealLoss: loss,
      objectives,
      bonus,
      total,
      totalNormalised: loss > 0 ? total / loss : 0,
      durability: promised > 0 ? s.totals.delivered[side] / promised : null,
    };
  }
  const diff = sides.us.totalNormalised - sides.cn.totalNormalised;
  return {
    sides,
    created: Math.round((sides.us.raw + sides.cn.raw) * 10) / 10,
    winner: Math.abs(diff) < 1e-9 ? 'tie' : diff > 0 ? 'us' : 'cn',
    deal: s.packages.some((p) => p.status === 'active'),
    collapsed: s.collapsed,
  };
}
