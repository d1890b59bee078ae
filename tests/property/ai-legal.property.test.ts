// The AI never returns an illegal move: from states reached by random play (any seed, any number of
// random moves, either scenario), every seat — each profile at each level, and `random` — gives a
// move the engine accepts, carrying its reason code.
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AI_LEVELS, chooseMove } from '../../src/ai/index.ts';
import { setupFor } from '../../src/ai/match.ts';
import type { GameState, Side } from '../../src/engine/index.ts';
import {
  applyMove,
  checkMove,
  legalMoves,
  newGame,
  pendingReadout,
  rulesFor,
  SIDES,
} from '../../src/engine/index.ts';
import { loadScenarioFile } from '../../tools/scenario-files.ts';

const root = join(import.meta.dirname, '..', '..');
const scenarios = [
  loadScenarioFile(join(root, 'scenarios', 'road-to-busan.yaml')).scenario,
  loadScenarioFile(join(root, 'tests', 'fixtures', 'scenarios', 'long-campaign.yaml')).scenario,
];

/** Who may move now: the side to speak in talks, a side whose orders are not in, a readout due. */
function movers(s: GameState): Side[] {
  if (s.round.phase === 'over') return [];
  return SIDES.filter((side) =>
    s.round.phase === 'talks'
      ? s.round.talks.toMove === side || pendingReadout(s, side) !== undefined
      : s.round.drafts[side] === null,
  );
}

describe('the AI never returns an illegal move', () => {
  it.each(scenarios.map((sc) => [sc.id, sc] as const))(
    'in %s, from states reached by random play',
    (_, sc) => {
      const rules = rulesFor(sc);
      const profiles = sc.profiles.map((p) => p.id);
      fc.assert(
        fc.property(fc.string({ minLength: 1, maxLength: 8 }), fc.nat(120), (seed, plies) => {
          let s = newGame(
            sc,
            seed,
            setupFor({ us: { profile: 'random', level: 1 }, cn: { profile: 'random', level: 1 } }),
          );
          for (let i = 0; i < plies && s.round.phase !== 'over'; i++) {
            const side = movers(s)[0];
            if (!side) break;
            const r = applyMove(sc, s, chooseMove(sc, s, side, { profile: 'random', level: 1 }));
            if (!r.ok) throw new Error(r.reason);
            s = r.state;
          }
          for (const side of movers(s)) {
            if (legalMoves(sc, s, side).length === 0) continue;
            for (const profile of [...profiles, 'random', 'plain'])
              for (const level of AI_LEVELS) {
                const m = chooseMove(sc, s, side, { profile, level });
                expect(checkMove(rules, s, m)).toBeNull();
                expect(m.ai?.code).toBeTruthy();
              }
          }
        }),
        { numRuns: 25, seed: 4 },
      );
    },
  );
});
