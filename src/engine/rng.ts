// Seeded random streams. Each stream is an alea generator whose state lives in the game state, so
// a saved game resumes its dice exactly; drawing returns the number and the stream's next state.
import alea from 'seedrandom/lib/alea';
import type { RngState, Stream } from './types';
import { STREAMS } from './types';

const makeAlea = alea;

export function seedStreams(seed: string): Record<Stream, RngState> {
  const out = {} as Record<Stream, RngState>;
  for (const s of STREAMS) out[s] = makeAlea(`${seed}/${s}`, { state: true }).state();
  return out;
}

/** One number in [0, 1) from a stream, and the stream's state after it. */
export function draw(state: RngState): [number, RngState] {
  const g = makeAlea('', { state: { ...state } });
  const x = g();
  return [x, g.state()];
}
