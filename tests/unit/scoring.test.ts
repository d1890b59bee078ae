// Scoring on the one scale: passing every turn scores zero; a deal that helps both scores above it;
// the score is 100 × the utility over the line ÷ what standing still costs (one divisor a scenario,
// events off, whatever the seed); objectives add score points, capped at 33.
import { describe, expect, it } from 'vitest';
import type { Clause } from '../../src/engine/index.ts';
import {
  DEFAULT_SETUP,
  newGame,
  noDealFinal,
  noDealLine,
  noDealLoss,
  rulesFor,
  score,
  utility,
} from '../../src/engine/index.ts';
import { rulesScenario } from '../fixtures/worked.ts';
import { endTurn, passTurns, play } from './helpers.ts';

const sc = rulesScenario();

describe('the no-deal line', () => {
  it('is the game with both sides passing, and is cached per scenario, seed and setup', () => {
    const a = noDealLine(sc, 's', DEFAULT_SETUP);
    expect(noDealLine(sc, 's', { ...DEFAULT_SETUP, leverage: 'after' })).toBe(a); // seats and display do not matter
    expect(noDealLine(sc, 's', { ...DEFAULT_SETUP, randomEvents: false })).not.toBe(a);
    const passed = passTurns(sc, newGame(sc, 's'), rulesFor(sc).totalTurns);
    expect(a.util).toEqual(passed.world.totals.util);
    expect(noDealFinal(sc, 's', DEFAULT_SETUP).round.phase).toBe('over');
    expect(noDealFinal(sc, 's', DEFAULT_SETUP).world.totals.util).toEqual(a.util);
  });

  it('costs both sides something: the loss is opening utility held flat minus the line', () => {
    const line = noDealLine(sc, 's', DEFAULT_SETUP);
    const opening = newGame(sc, 's');
    const u0 = utility(rulesFor(sc), opening.world.values, 'us');
    expect(line.opening.us).toBeCloseTo(u0);
    expect(line.loss.us).toBe(Math.round(u0 * 11 - line.util.us));
    expect(noDealLoss(sc).us).toBeGreaterThan(0);
    expect(noDealLoss(sc).cn).toBeGreaterThan(0);
  });
});

describe('scores', () => {
  it('are zero for both when both sides pass throughout', () => {
    const s = passTurns(sc, newGame(sc, 's'), 11);
    const r = score(sc, s);
    expect(r.sides.us.raw).toBe(0);
    expect(r.sides.cn.raw).toBe(0);
    expect(r.created).toBe(0);
    expect(r.deal).toBe(false);
  });

  it('reward a deal that lowers both sides’ harm, normalised by the no-deal loss', () => {
    const clauses: Clause[] = [
      { kind: 'instrument', instrument: 'us-tariff', level: 1 },
      { kind: 'instrument', instrument: 'soybeans', level: 1 },
      { kind: 'instrument', instrument: 'rare-earths', level: 1 },
      { kind: 'statement', statement: 'joint' },
    ];
    let s = play(
      sc,
      newGame(sc, 's'),
      { type: 'propose', side: 'us', clauses },
      { type: 'accept', side: 'cn' },
    );
    s = passTurns(sc, s, 11);
    const r = score(sc, s);
    expect(r.deal).toBe(true);
    expect(r.sides.us.raw).toBeGreaterThan(0);
    expect(r.sides.cn.raw).toBeGreaterThan(0);
    expect(r.sides.us.standStillCost).toBe(noDealLoss(sc).us / 10);
    expect(r.sides.us.base).toBeCloseTo((100 * r.sides.us.raw) / r.sides.us.standStillCost, 0);
    expect(r.created).toBeCloseTo(r.sides.us.base + r.sides.cn.base, 1);
    expect(r.sides.us.objectives[0]?.met).toBe(true);
    expect(r.sides.us.bonus).toBe(5); // the file's 5 points are score points
    expect(r.sides.us.score).toBeCloseTo(r.sides.us.base + 5, 1);
    expect(r.winner).toBe(r.sides.us.score > r.sides.cn.score ? 'us' : 'cn');
  });

  it('divide by one figure a scenario, whatever the seed or the events', () => {
    const a = score(sc, passTurns(sc, newGame(sc, 'one'), 11)).sides.us.standStillCost;
    const b = score(sc, passTurns(sc, newGame(sc, 'two'), 11)).sides.us.standStillCost;
    expect(a).toBe(b);
    expect(a).toBe(noDealLine(sc, 'check', { ...DEFAULT_SETUP, randomEvents: false }).loss.us / 10);
  });

  it('cap objectives at 33 score points', () => {
    const generous = rulesScenario((i) => ({
      ...i,
      objectives: [
        {
          id: 'big',
          side: 'us',
          text: 'a huge prize',
          condition: { deal: false },
          points: 900,
          estimate: 'test',
        },
      ],
    }));
    const s = passTurns(generous, newGame(generous, 's'), 11);
    const r = score(generous, s);
    expect(r.sides.us.objectives[0]?.met).toBe(true);
    expect(r.sides.us.bonus).toBe(33);
  });

  it('measure durability as delivered ÷ promised', () => {
    let s = play(
      sc,
      newGame(sc, 's'),
      { type: 'propose', side: 'us', clauses: [{ kind: 'commitment', item: 'fentanyl' }] },
      { type: 'accept', side: 'cn' },
    );
    s = endTurn(sc, endTurn(sc, s));
    const d = score(sc, s).sides.cn.durability!;
    expect(d).toBeGreaterThan(0.8);
    expect(d).toBeLessThanOrEqual(1);
    expect(score(sc, s).sides.us.durability).toBeNull();
  });
});
