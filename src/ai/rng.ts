// The AI's own dice. Each decision seeds a local generator from one draw of the game's `ai` stream
// (the reducer advances that stream once for every move that carries an AI note), so the AI is
// deterministic, never touches the other streams, and a replay never needs to re-run it.
import type { RngState } from '../engine/index.ts';
import { draw } from '../engine/index.ts';

export type Rand = () => number;

/** A small fast generator (mulberry32) from a number in [0, 1). */
export function makeRand(seed: number): Rand {
  let a = Math.floor(seed * 4294967296) >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The generator for the decision about to be made, from the `ai` stream's next draw. */
export const randFor = (ai: RngState): Rand => makeRand(draw(ai)[0]);

/** One element, uniformly. */
export function pick<T>(rand: Rand, xs: readonly T[]): T {
  return xs[Math.min(xs.length - 1, Math.floor(rand() * xs.length))]!;
}
