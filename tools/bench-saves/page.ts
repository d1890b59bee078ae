// The page of `npm run bench:saves`: the saves' own writer (src/store/save-db.ts), run in the browser
// against its IndexedDB, one write a move as a game is played.
import type { Move, Setup } from '../../src/engine/index.ts';
import { namedSaveDb, type SaveHeader, writeGame } from '../../src/store/save-db.ts';

/** Writes a game `moves.length` times, one move longer each time; the milliseconds of each write. */
async function run(moves: readonly Move[], setup: Setup): Promise<number[]> {
  const db = namedSaveDb(`bench-${Date.now()}`);
  const times: number[] = [];
  let rev = 0;
  for (let n = 1; n <= moves.length; n++) {
    const header: SaveHeader = {
      id: 'bench',
      scenarioId: 'road-to-busan',
      scenarioHash: '0123456789abcdef',
      rules: 1,
      title: 'Road to Busan',
      sides: { us: { name: 'Washington', seat: 'human' }, cn: { name: 'Beijing', seat: 'ai' } },
      turn: Math.floor(n / 10),
      moves: n,
      over: false,
      savedAt: new Date().toISOString(),
    };
    const record = {
      scenarioId: 'road-to-busan',
      scenarioHash: '0123456789abcdef',
      seed: 's',
      setup,
      moves: moves.slice(0, n),
      rules: 1,
    };
    const t0 = performance.now();
    const r = await writeGame(db, header, record, rev);
    times.push(performance.now() - t0);
    if (!r.ok) throw new Error(`write ${n} refused: ${r.kind}`);
    rev = r.rev;
  }
  return times;
}

(globalThis as { saveBench?: typeof run }).saveBench = run;
