// With nothing left that it may ask for, the computer's counter takes back its own promises (issue:
// an opponent that negotiates — it counters from the offer it turns down). Beijing may not ask for
// what its character bars (memory chips, unification language); an offer that already gives it
// everything else leaves it one honest counter: the same offer with less of its own in it. A
// counter that gave the other side more, below its own threshold, would turn a rejection into a
// cheaper deal for the other side. On a small hand-built clause table.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chooseMove, defaultSeat } from '../../src/ai/index.ts';
import { setupFor } from '../../src/ai/match.ts';
import type { Model } from '../../src/ai/model.ts';
import { nextToMove } from '../../src/ai/rollout.ts';
import { canAskMore, gains, nearAnchors, packageKey, type Table, takenBack } from '../../src/ai/talks.ts';
import { applyMove, newGame } from '../../src/engine/index.ts';
import { loadScenarioFile } from '../../tools/scenario-files.ts';
import { tableOption } from './helpers.ts';

// Beijing's table: what Washington may give (0–2, 2 barred), a joint statement (3), Beijing's promises (4–6).
const table: Table = {
  m: { side: 'cn', opp: 'us' } as Model,
  options: [
    tableOption({ kind: 'instrument', instrument: 'us-tariff', level: 0 }, 0, 'us', 6, -1),
    tableOption({ kind: 'instrument', instrument: 'us-entity', level: 0 }, 1, 'us', 2, -0.5),
    tableOption({ kind: 'instrument', instrument: 'us-chips', level: 0 }, 2, 'us', 5, -4),
    tableOption({ kind: 'statement', statement: 'st-trade-stability' }, 3, null, 1, 1),
    tableOption({ kind: 'pledge', item: 'cn-soy-pledge', size: 'large' }, 4, 'cn', -1, 9),
    tableOption({ kind: 'commitment', item: 'cn-fentanyl-cooperation' }, 5, 'cn', 0, 4),
    tableOption({ kind: 'commitment', item: 'cn-yuan-pledge' }, 6, 'cn', 0, 2),
  ],
  bonus: [0, 0],
  L: 0.5,
  liking: null,
};
const barred = (i: number) => i === 2; // the memory chips

describe('what is left to ask for', () => {
  it('is an option not its own to give, that it values, may ask for and the offer leaves out', () => {
    expect(canAskMore(table, [0, 1, 4, 5], barred), 'the joint statement is left').toBe(true);
    expect(canAskMore(table, [0, 3, 4, 5], barred), 'the entity list is left').toBe(true);
    expect(canAskMore(table, [0, 1, 3, 4, 5, 6], barred), 'only the barred chips are left').toBe(false);
    expect(
      canAskMore(table, [0, 1, 3, 4, 5, 6], () => false),
      'unbarred, the chips are left',
    ).toBe(true);
  });
});

describe('a counter that takes back', () => {
  const offer = [0, 1, 3, 4, 5, 6];
  it('drops its own promises, dearest to it first, keeping half the offer and a gain for the other side', () => {
    const p = takenBack(table, offer, offer.length, new Set());
    expect(p).not.toBeNull();
    // At least half of six kept: the soybeans (dearest to it) and then, of the two that cost it nothing, the
    // one Washington values more (fentanyl) go; the yuan line stays, for without it Washington
    // would gain nothing.
    expect([...p!].sort()).toEqual([0, 1, 3, 6]);
    expect(gains(table, p!)[0]).toBeGreaterThan(gains(table, offer)[0]);
    expect(gains(table, p!)[1]).toBeGreaterThan(0);
    expect(gains(table, p!)[1]).toBeLessThan(gains(table, offer)[1]);
  });

  it('never gives the other side a package without a gain for it', () => {
    // Washington's gain rests on the soybeans: taking them back would leave it nothing.
    const lean = [0, 2, 4];
    expect(gains(table, [0, 2])[1]).toBeLessThanOrEqual(0);
    expect(takenBack(table, lean, lean.length, new Set())).toBeNull();
  });

  it('is never a package it has proposed lately: offered the same again, it takes back a promise fewer', () => {
    const offer2 = [0, 1, 3, 4, 5, 6];
    const keyOf = (p: readonly number[]) => packageKey(p.map((i) => table.options[i]!.clause));
    const first = takenBack(table, offer2, offer2.length, new Set())!;
    const second = takenBack(table, offer2, offer2.length, new Set([keyOf(first)]))!;
    // The fentanyl promise goes back in: it gives ground, and Washington gains more than before.
    expect([...second].sort()).toEqual([0, 1, 3, 5, 6]);
    expect(gains(table, second)[1]).toBeGreaterThan(gains(table, first)[1]);
    expect(takenBack(table, offer2, offer2.length, new Set([keyOf(first), keyOf(second)]))).toBeNull();
  });

  it('has nothing to take back from an offer with no promise of its own', () => {
    expect(takenBack(table, [0, 1, 3], 3, new Set())).toBeNull();
  });
});

describe('the anchors an opening is drawn from', () => {
  it('reach two changes away when one change finds too few, keeping the same shares', () => {
    const start = [0, 3, 4, 5];
    const [own, other] = gains(table, start);
    const diff = (p: readonly number[]) =>
      p.filter((i) => !start.includes(i)).length + start.filter((i) => !p.includes(i)).length;
    const one = nearAnchors(table, start, 0.9, 1, barred);
    const many = nearAnchors(table, start, 0.5, 10, barred);
    // Each option here has a lever of its own, so one change adds or drops one clause.
    expect(one.length).toBe(1);
    expect(one.every((p) => diff(p) === 1)).toBe(true);
    expect(
      many.some((p) => diff(p) === 2),
      'some are two changes away',
    ).toBe(true);
    for (const p of many) {
      expect(gains(table, p)[0]).toBeGreaterThanOrEqual(0.5 * own);
      expect(gains(table, p)[1]).toBeGreaterThanOrEqual(0.5 * other);
      expect(p).not.toContain(2);
    }
    expect(new Set(many.map((p) => [...p].sort().join())).size).toBe(many.length);
  });

  it('are a change away and keep at least the share asked of both sides’ gains, with nothing barred added', () => {
    const start = [0, 3, 4, 5];
    const [own, other] = gains(table, start);
    const near = nearAnchors(table, start, 0.9, 3, barred);
    expect(near.length).toBeGreaterThan(0);
    expect(near.length).toBeLessThanOrEqual(3);
    for (const p of near) {
      const [gs, go] = gains(table, p);
      expect(gs).toBeGreaterThanOrEqual(0.9 * own);
      expect(go).toBeGreaterThanOrEqual(0.9 * other);
      expect(p).not.toContain(2);
      const changed = p.filter((i) => !start.includes(i)).length + start.filter((i) => !p.includes(i)).length;
      expect(changed).toBeGreaterThan(0);
      expect(changed).toBeLessThanOrEqual(2);
    }
  });
});

// In Chips and Soybeans late in the game Beijing has nothing left it may ask for; Washington keeps
// asking for its promises. Its counters take back, and do not repeat what it proposed the turn
// before (AI against AI at the default level, a few seeds).
describe('Beijing’s counters in Chips and Soybeans', () => {
  it('take back when nothing is left to ask, and never repeat its proposal of the turn before word for word', () => {
    const sc = loadScenarioFile(
      join(import.meta.dirname, '..', '..', 'scenarios', 'chips-and-soybeans.yaml'),
    ).scenario;
    const seats = { us: defaultSeat(sc, 'us'), cn: defaultSeat(sc, 'cn') };
    let takebacks = 0;
    for (const seed of ['s1', 's2', 's3']) {
      let s = newGame(sc, seed, setupFor(seats));
      const asked = new Set<string>();
      while (s.round.phase !== 'over') {
        const side = nextToMove(s, asked);
        const m = chooseMove(sc, s, side, seats[side]);
        if (m.type === 'propose' && m.ai?.code === 'search:takeback') {
          takebacks++;
          const before = s.round.lastNews.flatMap((n) =>
            n.kind === 'proposal' && n.side === side ? [packageKey(n.clauses)] : [],
          );
          expect(before, `seed ${seed}, turn ${s.round.turn}`).not.toContain(packageKey(m.clauses));
        }
        const r = applyMove(sc, s, m);
        if (!r.ok) throw new Error(r.reason);
        s = r.state;
      }
    }
    expect(takebacks).toBeGreaterThan(0);
  });
});
