// The AI's fast approximation (src/ai/worth.ts) against the engine's own end of turn: for random
// packages, what the engine produces when the package is signed and both sides then hold still to
// the end (random events off), minus what holding still alone produces, is the package's true
// worth for each side. The approximation's sign agrees with it for each side in ≥ 95 % of
// packages, and its ranking of the packages has a rank correlation ≥ 0.9, in every shipped scenario.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeModel } from '../../src/ai/model';
import { clausesOf, ENGINE_UNITS_PER_POINT, makeTable, offerWorth } from '../../src/ai/worth';
import type { Clause, GameState, Scenario, Side } from '../../src/engine';
import { applyMove, newGame, rulesFor } from '../../src/engine';
import { loadScenarioFile } from '../../tools/scenario-files';
import { passTurns } from './helpers';

const dir = join(import.meta.dirname, '..', '..', 'scenarios');
const shipped = readdirSync(dir)
  .filter((f) => f.endsWith('.yaml') && !f.startsWith('world'))
  .map((f) => loadScenarioFile(join(dir, f)).scenario);

const SETUP = {
  seats: { us: { kind: 'human' as const }, cn: { kind: 'human' as const } },
  randomEvents: false,
  leverage: 'after' as const,
};

/** Both sides hold still to the end: each side's summed utility. */
function holdStill(sc: Scenario, s0: GameState): { us: number; cn: number } {
  let s = s0;
  while (s.phase !== 'over') {
    const side = s.phase === 'talks' ? s.talks.toMove : s.drafts.us === null ? 'us' : 'cn';
    const r = applyMove(
      sc,
      s,
      s.phase === 'talks' ? { type: 'pass', side } : { type: 'orders', side, orders: [] },
    );
    if (!r.ok) throw new Error(r.reason);
    s = r.state;
  }
  return { us: s.totals.util.us, cn: s.totals.util.cn };
}

/** The engine's worth of a package (signed now, then nobody moves), or null if it cannot be signed. */
function kernelWorth(sc: Scenario, s: GameState, clauses: readonly Clause[]) {
  const by = s.talks.toMove;
  const a = applyMove(sc, s, { type: 'propose', side: by, clauses });
  if (!a.ok) return null;
  const b = applyMove(sc, a.state, { type: 'accept', side: by === 'us' ? 'cn' : 'us' });
  if (!b.ok) return null;
  const base = holdStill(sc, s);
  const signed = holdStill(sc, b.state);
  return { us: signed.us - base.us, cn: signed.cn - base.cn };
}

function ranks(xs: readonly number[]): number[] {
  const order = xs.map((x, i) => [x, i] as const).sort((a, b) => a[0] - b[0]);
  const r = new Array<number>(xs.length);
  for (let i = 0; i < order.length; ) {
    let j = i;
    while (j + 1 < order.length && order[j + 1]![0] === order[i]![0]) j++;
    for (let k = i; k <= j; k++) r[order[k]![1]] = (i + j) / 2;
    i = j + 1;
  }
  return r;
}

function spearman(a: readonly number[], b: readonly number[]): number {
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
  return num / Math.sqrt(da * db || 1);
}

/** A sign, with values within a tenth of a point of zero counted as zero on both sides. */
const sign = (x: number) => (Math.abs(x) < 0.1 ? 0 : Math.sign(x));

describe('the AI’s fast approximation against the engine', () => {
  for (const sc of shipped) {
    it(`${sc.id}: signs agree in ≥ 95 % of random packages and rankings correlate ≥ 0.9`, () => {
      for (const turns of [0, 2]) check(sc, passTurns(sc, newGame(sc, 'worth', SETUP), turns));
    });
  }
});

function check(sc: Scenario, s: GameState) {
  const rules = rulesFor(sc);
  const tables = {
    us: makeTable(makeModel(rules, s, 'us', null, 2, true), 0.5),
    cn: makeTable(makeModel(rules, s, 'cn', null, 2, true), 0.5),
  };
  // Packages drawn from the clauses Washington's table holds (both sides' concessions), one
  // clause per instrument or promise, up to five.
  const opts = tables.us.options;
  const pkgArb = fc
    .uniqueArray(fc.integer({ min: 0, max: opts.length - 1 }), {
      minLength: 1,
      maxLength: 5,
      selector: (i) => opts[i]!.key,
    })
    .map((p) => clausesOf(tables.us, p));
  const samples = fc.sample(pkgArb, { numRuns: 60, seed: 17 });
  const approx: Record<Side, number[]> = { us: [], cn: [] };
  const kernel: Record<Side, number[]> = { us: [], cn: [] };
  let agree = 0;
  let n = 0;
  for (const clauses of samples) {
    const k = kernelWorth(sc, s, clauses);
    if (!k) continue;
    for (const side of ['us', 'cn'] as const) {
      const a = offerWorth(tables[side], clauses)[0];
      approx[side].push(a);
      kernel[side].push(k[side]);
      n += 1;
      if (sign(a) === sign(k[side])) agree += 1;
    }
  }
  expect(n).toBeGreaterThan(40);
  expect(agree / n).toBeGreaterThanOrEqual(0.95);
  for (const side of ['us', 'cn'] as const)
    expect(spearman(approx[side], kernel[side])).toBeGreaterThanOrEqual(0.9);
  // Its scale too: the score points it reads from its values are the engine's, within a third.
  const ratios = (['us', 'cn'] as const)
    .flatMap((side) => kernel[side].map((k, i) => [k, approx[side][i]!] as const))
    .filter(([k, a]) => Math.abs(k) >= 5 && Math.abs(a) > 0)
    .map(([k, a]) => k / (a * ENGINE_UNITS_PER_POINT))
    .sort((a, b) => a - b);
  const median = ratios[Math.floor(ratios.length / 2)] ?? 1;
  expect(median).toBeGreaterThan(0.75);
  expect(median).toBeLessThan(1.33);
}
