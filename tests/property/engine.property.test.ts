// Random legal and illegal move sequences on the shipped scenario and the rules fixture, holding the
// engine's invariants at every step: indicators within bounds, levels valid, leverage in [0, 1], no
// NaN, illegal moves change nothing, replay equals live, and no side's view holds the other side's
// private values or any random state.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { GameState, Move, Scenario, Side } from '../../src/engine/index.ts';
import {
  applyMove,
  legalMoves,
  leverage,
  newGame,
  replay,
  rulesFor,
  viewFor,
} from '../../src/engine/index.ts';
import { shippedScenarios } from '../fixtures/shipped.ts';
import { rulesScenario } from '../fixtures/worked.ts';

function finiteEverywhere(x: unknown): boolean {
  if (typeof x === 'number') return Number.isFinite(x);
  if (Array.isArray(x)) return x.every(finiteEverywhere);
  if (x && typeof x === 'object') return Object.values(x).every(finiteEverywhere);
  return true;
}

function checkInvariants(sc: Scenario, s: GameState) {
  const rules = rulesFor(sc);
  for (const ind of sc.indicators) {
    const v = s.world.values[ind.id]!;
    expect(Number.isInteger(v)).toBe(true);
    expect(v).toBeGreaterThanOrEqual(ind.min);
    expect(v).toBeLessThanOrEqual(ind.max);
    expect(s.world.alt[ind.id]).toBeGreaterThanOrEqual(0);
    expect(s.world.alt[ind.id]).toBeLessThanOrEqual(1);
  }
  for (const inst of sc.instruments) {
    const l = s.world.levels[inst.id]!;
    expect(Number.isInteger(l) && l >= 0 && l < inst.levels.length).toBe(true);
  }
  expect(s.world.tension).toBeGreaterThanOrEqual(0);
  expect(s.world.tension).toBeLessThanOrEqual(sc.params.tension.max);
  const l = leverage(rules, s.world);
  expect(l.us).toBeGreaterThanOrEqual(0);
  expect(l.us).toBeLessThanOrEqual(1);
  expect(finiteEverywhere(s)).toBe(true);
  expect(finiteEverywhere(l)).toBe(true);
  for (const side of ['us', 'cn'] as const) {
    const otherSide: Side = side === 'us' ? 'cn' : 'us';
    const view = viewFor(sc, s, side);
    const text = JSON.stringify(view);
    expect('rng' in view.state).toBe(false);
    expect(text).not.toContain(JSON.stringify(s.rng.compliance));
    expect(view.state.round.drafts.mine).toEqual(s.round.drafts[side]);
    expect(Object.keys(view.state.round.drafts).sort()).toEqual(['mine', 'submitted']);
    const secrets = [
      sc.briefings[otherSide].text,
      ...sc.objectives.filter((o) => o.side === otherSide).map((o) => o.text),
      ...sc.redLines.filter((r) => r.side === otherSide).map((r) => r.text),
    ];
    for (const secret of secrets) expect(text).not.toContain(JSON.stringify(secret).slice(1, -1));
  }
}

/** Who may move now: the speaker in the talks, or a side whose orders are not in yet. */
function movers(s: GameState): Side[] {
  if (s.round.phase === 'talks') return [s.round.talks.toMove];
  if (s.round.phase === 'orders')
    return (['us', 'cn'] as const).filter((side) => s.round.drafts[side] === null);
  return [];
}

const junk = fc.oneof(
  fc.anything(),
  fc.record({
    type: fc.constantFrom('propose', 'accept', 'reject', 'pass', 'orders', 'readout', 'inject'),
    side: fc.constantFrom('us', 'cn', 'control', 'xx'),
  }),
  fc.record({
    type: fc.constant('orders'),
    side: fc.constantFrom('us', 'cn'),
    orders: fc.array(
      fc.record({
        kind: fc.constantFrom('shift', 'announce', 'withdraw', 'build', 'extend'),
        instrument: fc.string(),
        level: fc.integer({ min: -2, max: 9 }),
        turn: fc.integer({ min: -1, max: 40 }),
      }),
      { maxLength: 3 },
    ),
  }),
  fc.record({
    type: fc.constant('propose'),
    side: fc.constantFrom('us', 'cn'),
    clauses: fc.array(
      fc.record({
        kind: fc.constantFrom('instrument', 'pledge', 'commitment', 'statement'),
        instrument: fc.string(),
        level: fc.integer({ min: -1, max: 9 }),
        item: fc.string(),
        size: fc.string(),
      }),
      { maxLength: 5 },
    ),
  }),
);

const step = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      legal: fc.constant(true as const),
      kind: fc.nat(),
      pick: fc.nat(),
      who: fc.nat(),
    }),
  },
  { weight: 1, arbitrary: fc.record({ legal: fc.constant(false as const), move: junk }) },
);

const cases: [string, Scenario][] = [['rules fixture', rulesScenario()], ...shippedScenarios()];

describe.each(cases)('random play on %s', (_name, sc) => {
  it('holds every invariant, refuses illegal moves without change, and replays to the same state', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 8 }),
        fc.array(step, { minLength: 10, maxLength: 70 }),
        (seed, steps) => {
          let s = newGame(sc, seed);
          const moves: Move[] = [];
          checkInvariants(sc, s);
          for (const st of steps) {
            if (s.round.phase === 'over') break;
            if (!st.legal) {
              const before = s;
              const r = applyMove(sc, s, st.move as Move);
              if (!r.ok) {
                expect(s).toBe(before);
                expect(typeof r.reason).toBe('string');
                continue;
              }
              moves.push(st.move as Move);
              s = r.state;
            } else {
              const who = movers(s);
              const side = who[st.who % who.length]!;
              const options = legalMoves(sc, s, side);
              expect(options.length).toBeGreaterThan(0);
              // A move kind uniformly, then its parameters uniformly, as the random mover plays.
              const kinds = [...new Set(options.map((o) => o.type))];
              const kind = kinds[st.kind % kinds.length];
              const ofKind = options.filter((o) => o.type === kind);
              const m = ofKind[st.pick % ofKind.length]!;
              const r = applyMove(sc, s, m);
              expect(r.ok).toBe(true);
              if (!r.ok) return;
              moves.push(m);
              s = r.state;
            }
            checkInvariants(sc, s);
          }
          const again = replay(sc, seed, s.meta.setup, moves);
          expect(again.ok).toBe(true);
          if (again.ok) expect(again.state).toEqual(s);
        },
      ),
      { numRuns: 60 },
    );
  });
});
