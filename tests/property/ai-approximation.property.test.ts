// The AI's package values are a fast approximation of the turn kernel (src/ai/model.ts says what it
// leaves out); this bounds its error, in every shipped scenario. From the opening, from states
// reached by passes alone and from states a few turns of AI against AI away, random packages the
// side to speak could propose are valued from each side's view by the AI at level 2 (its own side
// with its true weights, the other's with its public weights, no profile's bias: the higher level
// values packages alike, the lowest blurs only the other side's weights) and by the kernel (the
// preview's worth: the median over the preview seeds of signed-then-held-still minus held-still).
//  - Sign: for each side, the AI's value has the kernel's sign in ≥ 95 % of the packages; a kernel
//    worth within ±1 score point (1 % of what standing still costs) counts as agreeing whatever the AI's sign.
//  - Rank: over a state's packages, the AI's values for the side it decides for rank them as the
//    kernel does, Spearman's ρ ≥ 0.9.
// The AI in play weighs utility alone, the score's base: its signs and ranks are held to the
// kernel's worth with the objectives set apart. Weighing the objectives a package decides
// (makeModel's `objectives`), it is held to the whole worth in both.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BySide, GameState, Side } from '../../src/engine/index.ts';
import { previewPackage, rulesFor, SIDES, viewFor } from '../../src/engine/index.ts';
import {
  aiTurns,
  aiWorth,
  kernelWorth,
  opening,
  packageOf,
  passTurn,
  signAgrees,
  spearman,
} from '../../tools/ai-approximation.ts';
import { shippedScenarios } from '../fixtures/shipped.ts';

const PACKAGES = 24; // drawn in each state, from each side's view

/** Where a run looks: after `passes` turns of passing (0: the opening), and after `ai` turns of AI play. */
type Where = { readonly seed: string; readonly passes: number; readonly ai: number };
type Tally = BySide<[number, number]>;
const tally = (): Tally => ({ us: [0, 0], cn: [0, 0] });

describe.each(shippedScenarios())('the AI’s package values against the kernel in %s', (_file, sc) => {
  const lastTalks = rulesFor(sc).mainTurns - 1;

  function states(w: Where): GameState[] {
    const s = opening(sc, w.seed);
    let passed = s;
    for (let i = 0; i < Math.min(w.passes, lastTalks); i++) passed = passTurn(sc, passed);
    return [passed, aiTurns(sc, s, Math.min(w.ai, lastTalks))].filter((x) => x.round.phase === 'talks');
  }

  it('agree in sign (≥ 95 %) and in rank (ρ ≥ 0.9) from the opening and from states mid-game', () => {
    const played = tally(); // the AI in play against the worth without objectives
    const weighed = tally(); // weighing objectives, against the whole worth
    let ranked = 0;
    const where: fc.Arbitrary<Where> = fc.record({
      seed: fc.string({ maxLength: 4 }),
      passes: fc.integer({ min: 1, max: Math.max(1, lastTalks) }),
      ai: fc.integer({ min: 1, max: 3 }),
    });
    const picks = fc.array(fc.array(fc.nat(), { minLength: 1, maxLength: 4 }), {
      minLength: PACKAGES,
      maxLength: PACKAGES,
    });
    const fromOpening: [Where, number[][]] = [
      { seed: 'opening', passes: 0, ai: 1 },
      Array.from({ length: PACKAGES }, (_, i) => [i * 7 + 1, i * 13 + 5, i * 3].slice(0, 1 + (i % 3))),
    ];
    fc.assert(
      fc.property(where, picks, (w, draws) => {
        for (const s of states(w))
          for (const viewer of SIDES) {
            const kernel = kernelWorth(sc, s, viewer);
            const ai = aiWorth(sc, s, viewer);
            const aiWeighing = aiWorth(sc, s, viewer, true);
            const rows = draws.flatMap((p) => {
              const clauses = packageOf(sc, s, p);
              const k = kernel(clauses);
              return k ? [{ k, ai: ai(clauses), weighing: aiWeighing(clauses) }] : [];
            });
            for (const side of SIDES)
              for (const r of rows) {
                played[side][0] += signAgrees(r.ai[side], r.k.base[side]) ? 1 : 0;
                played[side][1] += 1;
                weighed[side][0] += signAgrees(r.weighing[side], r.k.full[side]) ? 1 : 0;
                weighed[side][1] += 1;
              }
            if (rows.length < PACKAGES / 2) continue; // too few to rank
            ranked += 1;
            const own = (f: (r: (typeof rows)[number]) => BySide<number>) => rows.map((r) => f(r)[viewer]);
            const at = `${viewer}'s view, turn ${s.round.turn}, seed ${JSON.stringify(w.seed)}`;
            expect(
              spearman(
                own((r) => r.ai),
                own((r) => r.k.base),
              ),
              `ρ as played, ${at}`,
            ).toBeGreaterThanOrEqual(0.9);
            expect(
              spearman(
                own((r) => r.weighing),
                own((r) => r.k.full),
              ),
              `ρ weighing objectives, ${at}`,
            ).toBeGreaterThanOrEqual(0.9);
          }
      }),
      { numRuns: 2, seed: 16, endOnFailure: true, examples: [fromOpening] },
    );
    expect(ranked, 'states ranked from both views').toBeGreaterThanOrEqual(6);
    const share = ([agree, n]: [number, number]) => agree / n;
    for (const side of SIDES as readonly Side[]) {
      expect(share(played[side]), `${side}: sign agreement as played`).toBeGreaterThanOrEqual(0.95);
      expect(share(weighed[side]), `${side}: sign agreement weighing objectives`).toBeGreaterThanOrEqual(
        0.95,
      );
    }
  });

  it('measures the kernel’s worth as the preview shows it', () => {
    const s = opening(sc, 'preview');
    for (const viewer of SIDES) {
      const clauses = packageOf(sc, s, [3, 8]);
      const k = kernelWorth(sc, s, viewer)(clauses);
      const p = previewPackage(sc, viewFor(sc, s, viewer), s.round.talks.toMove, clauses);
      expect(p.ok).toBe(k !== null);
      if (!p.ok || !k) continue;
      for (const side of SIDES) expect(Math.abs(p.worth[side] - k.full[side])).toBeLessThan(1e-6);
    }
  });
});
