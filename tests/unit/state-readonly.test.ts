// A game state outside the engine's producers is read-only all the way down: the types refuse a
// write (the `@ts-expect-error` lines fail the typecheck if a write ever compiles), and the states
// the reducer hands out are frozen, so a write that slips past the types throws instead of quietly
// changing a saved game.
import { describe, expect, it } from 'vitest';
import type { GameState } from '../../src/engine/index.ts';
import { applyMove, newGame } from '../../src/engine/index.ts';
import { rulesScenario } from '../fixtures/worked.ts';

const sc = rulesScenario();

/** Never called: the typecheck is the test. */
function writesRefusedByTheTypes(s: GameState) {
  // @ts-expect-error a level is the engine's to change
  s.world.levels['us-tariff'] = 3;
  // @ts-expect-error so is the talks' state, nested
  s.round.talks.passed.us = true;
  // @ts-expect-error and the list of packages
  s.world.packages.push(s.world.packages[0]!);
  // @ts-expect-error and the count of moves
  s.meta.moveCount += 1;
  // @ts-expect-error and a part as a whole
  s.world = { ...s.world };
  // @ts-expect-error and the random streams
  s.rng.events = s.rng.crisis;
}

void writesRefusedByTheTypes; // compiled, never run

describe('a state outside the engine', () => {
  it('is frozen all the way down, after newGame and after a move', () => {
    const start = newGame(sc, 'readonly');
    const next = applyMove(sc, start, { type: 'pass', side: start.round.talks.toMove });
    expect(next.ok).toBe(true);
    for (const s of [start, next.ok ? next.state : start]) {
      expect(Object.isFrozen(s)).toBe(true);
      expect(Object.isFrozen(s.world.levels)).toBe(true);
      expect(Object.isFrozen(s.round.talks.passed)).toBe(true);
      expect(Object.isFrozen(s.rng)).toBe(true);
      expect(() => {
        (s.world.levels as Record<string, number>)['us-tariff'] = 3;
      }).toThrow(TypeError);
    }
  });

  it('shares what a move leaves alone: a talks move copies the round and the meta, never the world', () => {
    const start = newGame(sc, 'readonly');
    const r = applyMove(sc, start, { type: 'pass', side: start.round.talks.toMove });
    if (!r.ok) throw new Error(r.reason);
    expect(r.state.world).toBe(start.world);
    expect(r.state.rng).toBe(start.rng);
    expect(r.state.round).not.toBe(start.round);
    expect(r.state.round.news).toBe(start.round.news); // a pass says nothing
    expect(r.state.meta.moveCount).toBe(start.meta.moveCount + 1);
    expect(r.state.meta.setup).toBe(start.meta.setup);
  });
});
