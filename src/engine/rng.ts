// Seeded random streams. Each stream is an alea generator (seedrandom's) whose state lives in the
// game state, so a saved game resumes its dice exactly. seedrandom seeds the streams; a draw is
// alea's own step written out here on the saved state, which gives the same numbers as seedrandom
// (a test holds them equal) without rebuilding a generator for every number.
import alea from 'seedrandom/lib/alea';
import type { RngState, Stream } from './types.ts';
import { STREAMS } from './types.ts';

export function seedStreams(seed: string): Record<Stream, RngState> {
  const out = {} as Record<Stream, RngState>;
  for (const s of STREAMS) out[s] = alea(`${seed}/${s}`, { state: true }).state();
  return out;
}

/** One number in [0, 1) from a stream, and the stream's state after it (alea's step). */
export function draw(state: RngState): [number, RngState] {
  const t = 2091639 * state.s0 + state.c * 2.3283064365386963e-10; // 2^-32
  const c = t | 0;
  const s2 = t - c;
  return [s2, { c, s0: state.s1, s1: state.s2, s2 }];
}
