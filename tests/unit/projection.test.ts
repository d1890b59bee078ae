// Projections from a side's view under the preview dice: the standing (both sides hold still), the
// change an order would make, and refusals with the engine's reason. On the rules fixture with
// events off, where every preview seed plays the same game, the figures are the reducer's own.
import { describe, expect, it } from 'vitest';
import type { Order } from '../../src/engine/index.ts';
import {
  DEFAULT_SETUP,
  leverage,
  newGame,
  ordersBaseline,
  previewOrders,
  previewPackage,
  rulesFor,
  score,
  standing,
  viewFor,
} from '../../src/engine/index.ts';
import { rulesScenario } from '../fixtures/worked.ts';
import { endTurn, passTurns, play } from './helpers.ts';

const sc = rulesScenario();
const quiet = { ...DEFAULT_SETUP, randomEvents: false };

describe('the standing', () => {
  it('is the score both sides reach holding still from here', () => {
    const s = play(sc, newGame(sc, 'p', quiet), { type: 'pass', side: 'us' });
    const held = score(sc, passTurns(sc, s, 11));
    const st = standing(sc, viewFor(sc, s, 'us'));
    // the other side's objectives are private to it: its standing counts none
    expect(st.us).toEqual({
      median: held.sides.us.score,
      low: held.sides.us.score,
      high: held.sides.us.score,
    });
    expect(st.cn.median).toBeCloseTo(held.sides.cn.base, 1);
  });
});

describe('the orders preview', () => {
  it('gives the change in both projected scores and next turn’s leverage and tension', () => {
    const s = newGame(sc, 'p', quiet);
    const view = viewFor(sc, s, 'us');
    const none = previewOrders(sc, view, 'us', []);
    expect(none).toMatchObject({ ok: true, scoreDelta: { us: 0, cn: 0 } });
    // Washington withdraws its announced tariff rise: Beijing is spared it
    const order: Order = { kind: 'withdraw', instrument: 'us-tariff' };
    const p = previewOrders(sc, view, 'us', [order]);
    expect(p.ok).toBe(true);
    if (!p.ok) return;
    expect(p.scoreDelta.cn).toBeGreaterThan(0);
    // the same as the reducer's game with that order, then both sides holding still
    const next = endTurn(sc, s, { us: [order] });
    const still = score(sc, passTurns(sc, s, 11));
    const withOrder = score(sc, passTurns(sc, next, 10));
    expect(p.scoreDelta.us).toBeCloseTo(withOrder.sides.us.score - still.sides.us.score, 0);
    expect(p.scoreDelta.cn).toBeCloseTo(withOrder.sides.cn.base - still.sides.cn.base, 0);
    expect(p.leverageNext).toBeCloseTo(leverage(rulesFor(sc), next.world).us, 9);
    expect(p.tensionNext).toBe(next.world.tension / 10);
  });

  it('refuses illegal orders with the engine’s reason, and a game that is over', () => {
    const s = newGame(sc, 'p', quiet);
    const bad = previewOrders(sc, viewFor(sc, s, 'us'), 'us', [
      { kind: 'shift', instrument: 'soybeans', level: 0 },
    ]);
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.reason.length).toBeGreaterThan(0);
    const over = passTurns(sc, s, 11);
    expect(previewOrders(sc, viewFor(sc, over, 'us'), 'us', [])).toMatchObject({ ok: false });
    expect(previewPackage(sc, viewFor(sc, over, 'us'), 'us', [])).toMatchObject({ ok: false });
  });
});

describe('the orders preview from a baseline', () => {
  it('is the same with the no-orders line computed once, and gives the change seed by seed', () => {
    const s = newGame(sc, 'p', quiet);
    const view = viewFor(sc, s, 'us');
    const base = ordersBaseline(sc, view);
    expect(base.ok).toBe(true);
    if (!base.ok) return;
    const order: Order = { kind: 'withdraw', instrument: 'us-tariff' };
    const alone = previewOrders(sc, view, 'us', [order]);
    const shared = previewOrders(sc, view, 'us', [order], base);
    expect(shared).toEqual(alone);
    if (!shared.ok) return;
    // events off: every preview seed plays the same game, so the change has no spread
    expect(shared.effect.cn.median).toBeCloseTo(shared.scoreDelta.cn, 1);
    expect(shared.effect.cn.low).toBe(shared.effect.cn.median);
    expect(shared.effect.cn.high).toBe(shared.effect.cn.median);
  });

  it('gives a range over the preview dice when events may fire', () => {
    const s = newGame(sc, 'p', DEFAULT_SETUP);
    const view = viewFor(sc, s, 'us');
    const p = previewOrders(sc, view, 'us', [{ kind: 'withdraw', instrument: 'us-tariff' }]);
    expect(p.ok).toBe(true);
    if (!p.ok) return;
    expect(p.effect.us.low).toBeLessThanOrEqual(p.effect.us.median);
    expect(p.effect.us.median).toBeLessThanOrEqual(p.effect.us.high);
  });
});
