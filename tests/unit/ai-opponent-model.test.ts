// The computer's model of the other side learns from the talks (issue: an opponent that negotiates —
// "an opponent model learnt from what the other side asks for and refuses, starting from its public
// weights"): from the turn before, what the other side asked for, offered of its own and refused;
// and its offers then give first what the other side has shown it wants, while every package is
// still valued with the public weights.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Model } from '../../src/ai/model.ts';
import { learntFactors } from '../../src/ai/opponent.ts';
import { logroll, type Table } from '../../src/ai/talks.ts';
import type { Clause, GameState, Move, Side } from '../../src/engine/index.ts';
import { newGame, rulesFor } from '../../src/engine/index.ts';
import { loadScenarioFile } from '../../tools/scenario-files.ts';
import { play, QUIET_HOT_SEAT, tableOption } from './helpers.ts';

const tutorial = loadScenarioFile(
  join(import.meta.dirname, '..', '..', 'scenarios', 'opening-bid.yaml'),
).scenario;
const played = (moves: readonly Move[]): GameState =>
  play(tutorial, newGame(tutorial, 'opponent-model', QUIET_HOT_SEAT), ...moves);

const tariff: Clause = { kind: 'instrument', instrument: 'us-tariff', level: 0 };
const soybeans: Clause = { kind: 'instrument', instrument: 'cn-soybeans', level: 0 };
const pass = (side: Side): Move => ({ type: 'pass', side });
// Beijing opens asking for Washington's tariff; Washington refuses it and asks for Beijing's
// soybean restriction, offering its tariff; Beijing refuses; the turn ends with no orders.
const firstTurn: Move[] = [
  { type: 'propose', side: 'cn', clauses: [tariff] },
  { type: 'reject', side: 'us', reason: 'too-little' },
  { type: 'propose', side: 'us', clauses: [soybeans, tariff] },
  { type: 'reject', side: 'cn', reason: 'too-little' },
  pass('cn'),
  pass('us'),
  { type: 'orders', side: 'us', orders: [] },
  { type: 'orders', side: 'cn', orders: [] },
];

describe('the model of the other side', () => {
  const rules = rulesFor(tutorial);

  it('learns from the turn before what the other side asked for, offered and refused', () => {
    const during = played(firstTurn.slice(0, 4));
    expect(learntFactors(rules, during, 'cn').size, 'nothing yet: the turn is not over').toBe(0);
    const next = played(firstTurn);
    expect(next.round.turn).toBe(1);
    // Beijing as Washington learns it: it asked for the tariff, and refused an offer that asked
    // for its soybeans.
    const cn = learntFactors(rules, next, 'cn');
    expect(cn.get('i:us-tariff')).toBeGreaterThan(1);
    expect(cn.get('i:cn-soybeans')).toBeLessThan(1);
    // Washington as Beijing learns it: it asked for the soybeans; it offered its tariff but had
    // refused an offer asking for it, which nearly cancel out.
    const us = learntFactors(rules, next, 'us');
    expect(us.get('i:cn-soybeans')).toBeGreaterThan(1);
    expect(us.get('i:us-tariff')).toBeGreaterThan(0.9);
    expect(us.get('i:us-tariff')).toBeLessThan(us.get('i:cn-soybeans')!);
  });
});

describe('offers steered by what the other side has shown it wants', () => {
  // Washington's table: Beijing's soybeans (its ask), and two of its own levers that cost it and
  // bring Beijing alike.
  const table = (liking: readonly number[] | null): Table => ({
    m: { side: 'us', opp: 'cn' } as Model,
    options: [
      tableOption(soybeans, 0, 'cn', 6, -2),
      tableOption({ kind: 'instrument', instrument: 'us-chips', level: 0 }, 1, 'us', -1, 3),
      tableOption(tariff, 2, 'us', -1, 3),
    ],
    bonus: [0, 0],
    L: 0.5,
    liking,
  });

  it('gives first the lever the other side asked for, and values the package as before', () => {
    const plain = logroll(table(null), [0], 0);
    expect(plain[1], 'alike on the public weights: the first found').toEqual([0, 1]);
    const learnt = logroll(table([1, 1, 1.2]), [0], 0);
    expect(learnt[1], 'Beijing asked for the tariff').toEqual([0, 2]);
  });
});
