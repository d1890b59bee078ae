// The streams' draws are exactly seedrandom's alea, restored from the saved state at every step.
import fc from 'fast-check';
import alea from 'seedrandom/lib/alea';
import { describe, expect, it } from 'vitest';
import { draw, seedStreams } from '../../src/engine/rng.ts';
import { STREAMS } from '../../src/engine/types.ts';

describe('random streams', () => {
  it('draw the same numbers as seedrandom’s alea, from any seed', () => {
    fc.assert(
      fc.property(fc.string(), (seed) => {
        const reference = alea(`${seed}/events`, { state: true });
        let state = seedStreams(seed).events;
        for (let i = 0; i < 50; i++) {
          const [x, next] = draw(state);
          expect(x).toBe(reference());
          expect(next).toEqual(reference.state());
          state = next;
        }
      }),
      { numRuns: 50 },
    );
  });

  it('keep every stream apart', () => {
    const s = seedStreams('x');
    expect(Object.keys(s).sort()).toEqual([...STREAMS].sort());
    expect(new Set(Object.values(s).map((v) => JSON.stringify(v))).size).toBe(STREAMS.length);
  });
});
