// The computer's model of the other side learns from the talks (issue: an opponent that negotiates —
// "an opponent model learnt from what the other side asks for and refuses, starting from its public
// weights"): from the turn before, what the other side asked for, offered of its own and refused;
// and its offers then give first what the other side has shown it wants, while every package is
// still valued with the public weights.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Model } from '../../src/ai/model';
import { learntFactors } from '../../src/ai/opponent';
import { logroll, type Option, type Table } from '../../src/ai/talks';
import type { Clause, GameState, Move, Side } from '../../src/engine';
import { applyMove, newGame, rulesFor } from '../../src/engine';
import { loadScenarioFile } from '../../tools/scenario-files';

const tutorial = loadScenarioFile(
  join(import.meta.dirname, '..', '..', 'scenarios', 'opening-bid.yaml'),
).scenario;
const SETUP = {
  seats: { us: { kind: 'human' as const }, cn: { kind: 'human' as const } },
  randomEvents: false,
  leverage: 'after' as const,
};

function play(moves: readonly Move[]): GameState {
  let s: GameState = newGame(tutorial, 'opponent-model', SETUP);
  for (const m of moves) {
    const r = applyMove(tutorial, s, m);
    if (!r.ok) throw new Error(`${r.code}: ${r.reason} (${JSON.stringify(m)})`);
    s = r.state;
  }
  return s;
}

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
    const during = play(firstTurn.slice(0, 4));
    expect(learntFactors(rules, during, 'cn').size, 'nothing yet: the turn is not over').toBe(0);
    const next = play(firstTurn);
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

const option = (clause: Clause, key: number, giver: Side | null, vs: number, vo: number): Option => ({
  clause,
  key,
  giver,
  vs,
  vo,
  instrument: clause.kind === 'instrument' ? key : -1,
  level: clause.kind === 'instrument' ? clause.level : -1,
  tieKey: -1,
  tieOk: [],
  ms: 0,
  mo: 0,
});

describe('offers steered by what the other side has shown it wants', () => {
  // Washington's table: Beijing's soybeans (its ask), and two of its own levers that cost it and
  // bring Beijing alike.
  const table = (liking: Float64Array | null): Table => ({
    m: { side: 'us', opp: 'cn' } as Model,
    options: [
      option(soybeans, 0, 'cn', 6, -2),
      option({ kind: 'instrument', instrument: 'us-chips', level: 0 }, 1, 'us', -1, 3),
      option(tariff, 2, 'us', -1, 3),
    ],
    bonus: [0, 0],
    L: 0.5,
    liking,
  });

  it('gives first the lever the other side asked for, and values the package as before', () => {
    const plain = logroll(table(null), [0], 0);
    expect(plain[1], 'alike on the public weights: the first found').toEqual([0, 1]);
    const learnt = logroll(table(Float64Array.from([1, 1, 1.2])), [0], 0);
    expect(learnt[1], 'Beijing asked for the tariff').toEqual([0, 2]);
  });
});
