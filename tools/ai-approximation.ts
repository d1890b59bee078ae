// The AI's fast package values against the turn kernel's previews, in every shipped scenario:
//   npx tsx tools/ai-approximation.ts [FILE] [--packages N] [--objectives]
// FILE: a scenario file, or part of a shipped opening's name (none: every shipped opening). From the
// opening, from states reached by passes alone and from states a few turns of AI against
// AI away, packages the side to speak could propose are drawn at random and valued two ways for each
// side, from the view of each side in turn: by the AI (src/ai/model.ts, level 2, its own side with
// its true weights, the other side with its public ones, no profile's bias) and by the kernel (the
// median over the preview seeds of signed-then-held-still minus held-still, as previewPackage
// computes it). Printed for each scenario and side: how often the signs agree, the lowest and mean
// rank correlation over the states, and the median error in score points. `--objectives` lets the
// AI weigh the objectives a package decides. The property test
// tests/property/ai-approximation.property.test.ts uses the same functions.
import { existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import { chooseMove, defaultSeat } from '../src/ai/index.ts';
import { setupFor } from '../src/ai/match.ts';
import { makeModel } from '../src/ai/model.ts';
import { nextToMove } from '../src/ai/rollout.ts';
import { seeFor } from '../src/ai/seen.ts';
import { clauseGains, makeTable } from '../src/ai/talks.ts';
import type { BySide, Clause, GameState, Move, Scenario, Side } from '../src/engine/index.ts';
import {
  applyMove,
  clauseId,
  clauseOptions,
  diceOf,
  holdStill,
  newGame,
  noDealLine,
  noDealLoss,
  objectivesOf,
  PREVIEW_SEEDS,
  projected,
  rulesFor,
  SIDES,
  scorePoints,
  sign,
  stateFromView,
  viewFor,
} from '../src/engine/index.ts';
import { loadScenarioFile, shippedDir, shippedOpenings } from './scenario-files.ts';

/** Where a kernel's worth counts as no change: signs inside it agree with anything (score points). */
export const DEAD_BAND = 1;

/** The state a turn later, both sides passing, rejecting what is open and giving no orders. */
export function passTurn(sc: Scenario, s: GameState): GameState {
  let st = s;
  const turn = st.round.turn;
  while (st.round.phase !== 'over' && st.round.turn === turn) {
    let m: Move;
    if (st.round.phase === 'talks') {
      const side = st.round.talks.toMove;
      const open = st.round.talks.open;
      m = open && open.by !== side ? { type: 'reject', side, reason: 'timing' } : { type: 'pass', side };
    } else {
      const side = SIDES.find((x) => st.round.drafts[x] === null) ?? 'us';
      m = { type: 'orders', side, orders: [] };
    }
    const r = applyMove(sc, st, m);
    if (!r.ok) throw new Error(r.reason);
    st = r.state;
  }
  return st;
}

/** The state `turns` turns later, both sides played by the AI at their default seats. */
export function aiTurns(sc: Scenario, s: GameState, turns: number): GameState {
  let st = s;
  const asked = new Set<string>();
  const end = st.round.turn + turns;
  while (st.round.phase !== 'over' && st.round.turn < end) {
    const side = nextToMove(st, asked);
    const r = applyMove(sc, st, chooseMove(sc, st, side, defaultSeat(sc, side)));
    if (!r.ok) throw new Error(r.reason);
    st = r.state;
  }
  return st;
}

/** A new game of the scenario with both seats the AI at their defaults. */
export const opening = (sc: Scenario, seed: string): GameState =>
  newGame(sc, seed, setupFor({ us: defaultSeat(sc, 'us'), cn: defaultSeat(sc, 'cn') }));

/**
 * A package the side to speak could propose: the clause options `picks` point at (modulo their
 * number), one clause per instrument, promise or statement.
 */
export function packageOf(sc: Scenario, s: GameState, picks: readonly number[]): Clause[] {
  const options = clauseOptions(rulesFor(sc), s, s.round.talks.toMove);
  const out: Clause[] = [];
  if (options.length === 0) return out;
  for (const p of picks) {
    const c = options[p % options.length]!;
    if (!out.some((x) => clauseId(x) === clauseId(c))) out.push(c);
  }
  return out;
}

/** Each preview seed's scores (score points over its own stand-still line) of a final state. */
type Scored = (final: GameState, seed: string) => { full: BySide<number>; base: BySide<number> };

/**
 * The kernel's worth of packages from `viewer`'s view of `s`, proposed by the side to speak: the
 * preview's figure (previewPackage's `worth`, unrounded), with the viewer's objectives (`full`) and
 * without them (`base`: the score's utility part alone). Holding still is computed once per state.
 */
export function kernelWorth(sc: Scenario, s: GameState, viewer: Side) {
  const view = viewFor(sc, s, viewer);
  const rules = rulesFor(sc);
  const start = stateFromView(view, diceOf(PREVIEW_SEEDS[0] ?? 'preview'));
  const by = start.round.talks.toMove;
  const scored: Scored = (final, seed) => {
    const zero = noDealLine(sc, seed, start.meta.setup).util;
    const base = scorePoints(sc, final.world.totals.util, zero);
    const full = { ...base };
    for (const side of SIDES) full[side] += objectivesOf(view.mine.objectives, side, final).bonus;
    return { full, base };
  };
  /** Each preview seed's scores, with and without the objectives. */
  const perSeed = (st: GameState) =>
    PREVIEW_SEEDS.map((seed) => scored(holdStill(rules, st, diceOf(seed)), seed));
  const still = perSeed(start);
  // the change seed by seed, on the same dice: its median, as the preview shows it
  const worth = (after: ReturnType<typeof perSeed>, which: 'full' | 'base', side: Side) =>
    projected(after.map((x, i) => x[which][side] - still[i]![which][side])).median;
  /** The package's worth, or null if it cannot be signed here. */
  return (clauses: readonly Clause[]) => {
    const signed = sign(sc, start, by, clauses);
    if (!signed.ok) return null;
    const after = perSeed(signed.state);
    return {
      full: { us: worth(after, 'full', 'us'), cn: worth(after, 'full', 'cn') },
      base: { us: worth(after, 'base', 'us'), cn: worth(after, 'base', 'cn') },
    };
  };
}

/**
 * The AI's worth of packages from `viewer`'s view of `s` at level 2, in score points for each side:
 * its gains over no deal (clauseGains), turned into score points by what standing still costs.
 */
export function aiWorth(sc: Scenario, s: GameState, viewer: Side, objectives = false) {
  const seen = seeFor(sc, s, viewer);
  const m = makeModel(seen.rules, seen.s, viewer, null, 2, false, objectives);
  const table = makeTable(m, 0.5);
  const loss = noDealLoss(sc);
  return (clauses: readonly Clause[]): BySide<number> => {
    const [self, opp] = clauseGains(table, clauses);
    const own = (1000 * self) / loss[viewer];
    const theirs = (1000 * opp) / loss[seen.opp];
    return viewer === 'us' ? { us: own, cn: theirs } : { us: theirs, cn: own };
  };
}

/** Whether the AI's value has the kernel's sign (a worth within the dead band agrees with any). */
export const signAgrees = (ai: number, kernel: number) =>
  Math.abs(kernel) < DEAD_BAND || Math.sign(ai) === Math.sign(kernel);

const ranks = (xs: readonly number[]): number[] => {
  const order = xs.map((v, i) => [v, i] as const).sort((a, b) => a[0] - b[0]);
  const out = new Array<number>(xs.length).fill(0);
  for (let i = 0; i < order.length; ) {
    let j = i;
    while (j + 1 < order.length && order[j + 1]![0] === order[i]![0]) j++;
    for (let k = i; k <= j; k++) out[order[k]![1]] = (i + j) / 2; // ties share their mean rank
    i = j + 1;
  }
  return out;
};

/** Spearman's rank correlation (Pearson's on the ranks, ties at their mean rank); 1 if either is flat. */
export function spearman(a: readonly number[], b: readonly number[]): number {
  const ra = ranks(a);
  const rb = ranks(b);
  const n = a.length;
  const ma = ra.reduce((x, y) => x + y, 0) / n;
  const mb = rb.reduce((x, y) => x + y, 0) / n;
  let num = 0;
  let da = 0;
  let db = 0;
  for (let i = 0; i < n; i++) {
    num += (ra[i]! - ma) * (rb[i]! - mb);
    da += (ra[i]! - ma) ** 2;
    db += (rb[i]! - mb) ** 2;
  }
  return da === 0 || db === 0 ? 1 : num / Math.sqrt(da * db);
}

// ---------------------------------------------------------------------------------------------
// The report.

/** A small seeded generator for the report's picks (the test draws its own with fast-check). */
function picker(seed: number) {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 2 ** 32;
  };
}

function report(path: string, perState: number, objectives: boolean) {
  const sc = loadScenarioFile(path).scenario;
  const file = basename(path);
  const rules = rulesFor(sc);
  const g0 = opening(sc, 'approximation');
  const states: GameState[] = [g0];
  let p = g0;
  const marks = new Set([1, Math.floor(rules.mainTurns / 2), rules.mainTurns - 1]);
  for (let k = 1; k < rules.mainTurns; k++) {
    p = passTurn(sc, p);
    if (marks.has(k)) states.push(p);
  }
  for (const n of [1, 2, 3]) states.push(aiTurns(sc, g0, n));
  const rand = picker(file.length * 7919);
  const tally = {
    full: { us: [0, 0], cn: [0, 0] },
    base: { us: [0, 0], cn: [0, 0] },
  } as Record<'full' | 'base', BySide<[number, number]>>;
  const rhos = { full: { us: [], cn: [] }, base: { us: [], cn: [] } } as Record<
    'full' | 'base',
    BySide<number[]>
  >;
  const errors: BySide<number[]> = { us: [], cn: [] };
  const ownSign: BySide<[number, number]> = { us: [0, 0], cn: [0, 0] }; // from the side's own view
  for (const s of states) {
    if (s.round.phase !== 'talks') continue;
    for (const viewer of SIDES) {
      const kernel = kernelWorth(sc, s, viewer);
      const ai = aiWorth(sc, s, viewer, objectives);
      const got: { ai: BySide<number>; k: Record<'full' | 'base', BySide<number>> }[] = [];
      for (let tries = 0; got.length < perState && tries < perState * 5; tries++) {
        const picks = Array.from({ length: 1 + Math.floor(rand() * 4) }, () => Math.floor(rand() * 1e6));
        const clauses = packageOf(sc, s, picks);
        const k = kernel(clauses);
        if (k) got.push({ ai: ai(clauses), k });
      }
      for (const which of ['full', 'base'] as const)
        for (const side of SIDES) {
          for (const g of got) {
            const agrees = signAgrees(g.ai[side], g.k[which][side]) ? 1 : 0;
            tally[which][side][0] += agrees;
            tally[which][side][1] += 1;
            if (which === 'full' && side === viewer) {
              ownSign[side][0] += agrees;
              ownSign[side][1] += 1;
            }
          }
          // the AI's own side: the rank correlation of the side it decides for
          if (side === viewer)
            rhos[which][side].push(
              spearman(
                got.map((g) => g.ai[side]),
                got.map((g) => g.k[which][side]),
              ),
            );
        }
      for (const side of SIDES) for (const g of got) errors[side].push(Math.abs(g.ai[side] - g.k.full[side]));
    }
  }
  const pct = ([a, n]: [number, number]) => `${((100 * a) / Math.max(1, n)).toFixed(1)}%`;
  const min = (xs: number[]) => Math.min(...xs).toFixed(3);
  const mean = (xs: number[]) => (xs.reduce((a, b) => a + b, 0) / xs.length).toFixed(3);
  const med = (xs: number[]) => projected(xs).median.toFixed(1);
  for (const side of SIDES)
    console.log(
      [
        file.replace('.yaml', '').padEnd(26),
        sc.sides[side].name.padEnd(11),
        `sign ${pct(tally.full[side])}, own view ${pct(ownSign[side])} (objectives apart ${pct(tally.base[side])})`,
        `rank own min ${min(rhos.full[side])} mean ${mean(rhos.full[side])}`,
        `(objectives apart min ${min(rhos.base[side])} mean ${mean(rhos.base[side])})`,
        `|error| median ${med(errors[side])} pts, n=${tally.full[side][1]}`,
      ].join('  '),
    );
}

if (process.argv[1]?.endsWith('ai-approximation.ts')) {
  const args = process.argv.slice(2);
  const at = args.indexOf('--packages');
  const perState = at >= 0 ? Number(args[at + 1]) : 20;
  const objectives = args.includes('--objectives');
  const only = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--packages');
  if (only && existsSync(only)) report(only, perState, objectives);
  else
    for (const f of shippedOpenings())
      if (!only || f.includes(only)) report(join(shippedDir, f), perState, objectives);
}
