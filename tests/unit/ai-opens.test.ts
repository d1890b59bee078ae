// It opens: in the tutorial, where the briefing has Beijing “readying an opening bid”, Beijing
// proposes in its first talks at every level, whatever its dice, instead of waiting for
// Washington's offer; and the offer it opens with is one the engine takes.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AI_LEVELS, chooseMove, defaultSeat } from '../../src/ai';
import { setupFor } from '../../src/ai/match';
import { applyMove, newGame } from '../../src/engine';
import { loadScenarioFile } from '../../tools/scenario-files';

const openingBid = loadScenarioFile(
  join(import.meta.dirname, '..', '..', 'scenarios', 'opening-bid.yaml'),
).scenario;

describe('Beijing opens the tutorial’s talks', () => {
  for (const level of AI_LEVELS)
    it(`at level ${level}`, () => {
      const seats = {
        us: { ...defaultSeat(openingBid, 'us'), level },
        cn: { ...defaultSeat(openingBid, 'cn'), level },
      };
      for (const seed of ['opens-1', 'opens-2', 'opens-3']) {
        const s = newGame(openingBid, seed, setupFor(seats));
        expect(s.round.talks.toMove).toBe('cn');
        const move = chooseMove(openingBid, s, 'cn', seats.cn);
        expect(move.type).toBe('propose');
        expect(applyMove(openingBid, s, move).ok).toBe(true);
      }
    });
});
