// Any reachable game state survives a JSON round trip unchanged: a state written to a save, a link
// or the class server and read back is the same state (no undefined, NaN, infinity, -0, Map, Set or
// class instance that JSON would lose or turn into something else), and the game goes on from the
// copy exactly as from the original. States are reached by random legal moves (legalMoves, a move
// kind uniformly and then its parameters, as the random mover plays) on every shipped scenario.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { GameState, Move, Scenario, Side } from '../../src/engine/index.ts';
import { applyMove, legalMoves, newGame } from '../../src/engine/index.ts';
import { shippedScenarios } from '../fixtures/shipped.ts';
import { rulesScenario } from '../fixtures/worked.ts';

/** Who may move now: the speaker in the talks, or a side whose orders are not in yet. */
function movers(s: GameState): Side[] {
  if (s.round.phase === 'talks') return [s.round.talks.toMove];
  if (s.round.phase === 'orders')
    return (['us', 'cn'] as const).filter((side) => s.round.drafts[side] === null);
  return [];
}

/** Where a value holds something JSON cannot carry unchanged, or null. */
function notJson(v: unknown, at = 'state'): string | null {
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return null;
  if (typeof v === 'number') return Number.isFinite(v) && !Object.is(v, -0) ? null : `${at} is ${v}`;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      const bad = notJson(v[i], `${at}[${i}]`);
      if (bad) return bad;
    }
    return null;
  }
  if (typeof v === 'object') {
    const proto = Object.getPrototypeOf(v);
    if (proto !== Object.prototype && proto !== null) return `${at} is a ${proto?.constructor?.name}`;
    for (const [k, x] of Object.entries(v)) {
      const bad = notJson(x, `${at}.${k}`);
      if (bad) return bad;
    }
    return null;
  }
  return `${at} is ${typeof v}`;
}

const roundTrip = (s: GameState): GameState => JSON.parse(JSON.stringify(s)) as GameState;

const cases: [string, Scenario][] = [['rules fixture', rulesScenario()], ...shippedScenarios()];

describe.each(cases)('%s', (_name, sc) => {
  it('every state reached survives a JSON round trip, and play goes on the same from the copy', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 8 }),
        fc.array(fc.record({ kind: fc.nat(), pick: fc.nat(), who: fc.nat() }), {
          minLength: 10,
          maxLength: 60,
        }),
        (seed, steps) => {
          let s = newGame(sc, seed);
          for (const st of steps) {
            expect(notJson(s)).toBeNull();
            const copy = roundTrip(s);
            expect(copy).toStrictEqual(s);
            if (s.round.phase === 'over') break;
            const who = movers(s);
            const side = who[st.who % who.length]!;
            const options = legalMoves(sc, s, side);
            const kinds = [...new Set(options.map((o) => o.type))];
            const kind = kinds[st.kind % kinds.length];
            const ofKind = options.filter((o) => o.type === kind);
            const m: Move = ofKind[st.pick % ofKind.length]!;
            const r = applyMove(sc, s, m);
            const fromCopy = applyMove(sc, copy, JSON.parse(JSON.stringify(m)) as Move);
            expect(r.ok).toBe(true);
            expect(fromCopy.ok).toBe(true);
            if (!r.ok || !fromCopy.ok) return;
            expect(fromCopy.state).toStrictEqual(r.state);
            s = r.state;
          }
          expect(notJson(s)).toBeNull();
          expect(roundTrip(s)).toStrictEqual(s);
        },
      ),
      { numRuns: 20 },
    );
  });
});
