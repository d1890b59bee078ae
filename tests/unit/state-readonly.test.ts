// A game state outside the engine's producers is read-only all the way down: the types refuse a
// write (the `@ts-expect-error` lines fail the typecheck if a write ever compiles), and the states
// the reducer hands out are frozen, so a write that slips past the types throws instead of quietly
// changing a saved game.
import { describe, expect, it } from 'vitest';
import type { GameState } from '../../src/engine';
import { applyMove, newGame } from '../../src/engine';
import { rulesScenario } from '../fixtures/worked';

const sc = rulesScenario();

/** Never called: the typecheck is the test. */
function writesRefusedByTheTypes(s: GameState) {
  // @ts-expect-error a level is the engine's to change
  s.levels['us-tariff'] = 3;
  // @ts-expect-error so is the talks' state, nested
  s.talks.passed.us = true;
  // @ts-expect-error and the list of packages
  s.packages.push(s.packages[0]!);
  // @ts-expect-error and the random streams
  s.rng.events = s.rng.crisis;
}

void writesRefusedByTheTypes; // compiled, never run

describe('a state outside the engine', () => {
  it('is frozen all the way down, after newGame and after a move', () => {
    const start = newGame(sc, 'readonly');
    const next = applyMove(sc, start, { type: 'pass', side: start.talks.toMove });
    expect(next.ok).toBe(true);
    for (const s of [start, next.ok ? next.state : start]) {
      expect(Object.isFrozen(s)).toBe(true);
      expect(Object.isFrozen(s.levels)).toBe(true);
      expect(Object.isFrozen(s.talks.passed)).toBe(true);
      expect(Object.isFrozen(s.rng)).toBe(true);
      expect(() => {
        (s.levels as Record<string, number>)['us-tariff'] = 3;
      }).toThrow(TypeError);
    }
  });
});
