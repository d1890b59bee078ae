// The one move of saved games from localStorage (where they were kept until IndexedDB took over) into
// the store of saved games. Each save is copied whole, its header made from what it held; one that
// cannot be read is kept as its text, with the reason. A localStorage entry is removed only once
// its copy has been written, so a write the browser refuses leaves it where it was, to be moved on a
// later visit: nothing is lost either way.
import { isSetup } from '../engine/index.ts';
import { shippedScenarios } from './catalog.ts';
import type { VersionedRecord } from './game-record.ts';
import { parseRecord } from './game-record.ts';
import { keepBroken, readGame, type SaveDb, type SaveHeader, writeGame } from './save-db.ts';

export const LEGACY_SAVE_PREFIX = 'upper-hand:save:';
/** The rules every localStorage save was played under: the version before saves carried one. */
const LEGACY_RULES = 1;

const isObj = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);

function headerOf(id: string, record: VersionedRecord, data: Record<string, unknown>): SaveHeader {
  const names = shippedScenarios().find((s) => s.hash === record.scenarioHash)?.sides;
  const side = (s: 'us' | 'cn', fallback: string) => ({
    name: names?.[s].name ?? fallback,
    seat: record.setup.seats[s].kind,
  });
  return {
    id,
    scenarioId: record.scenarioId,
    scenarioHash: record.scenarioHash,
    rules: record.rules,
    title: typeof data.title === 'string' ? data.title.slice(0, 200) : record.scenarioId,
    sides: { us: side('us', 'Washington'), cn: side('cn', 'Beijing') },
    turn: typeof data.turn === 'number' && Number.isInteger(data.turn) ? data.turn : 0,
    moves: record.moves.length,
    over: data.over === true,
    savedAt: typeof data.savedAt === 'string' ? data.savedAt.slice(0, 40) : '',
  };
}

export interface Migration {
  readonly moved: number; // saves now in IndexedDB (broken ones kept as text included)
  readonly left: number; // saves the browser would not take: still in localStorage
}

/** Moves every save from localStorage into `db`; safe to run on every start (it finds none after). */
export async function migrateLocalSaves(storage: Storage, db: SaveDb): Promise<Migration> {
  const keys: string[] = [];
  try {
    for (let i = 0; i < storage.length; i++) {
      const k = storage.key(i);
      if (k?.startsWith(LEGACY_SAVE_PREFIX)) keys.push(k);
    }
  } catch {
    return { moved: 0, left: 0 };
  }
  let moved = 0;
  let left = 0;
  for (const key of keys) {
    const id = key.slice(LEGACY_SAVE_PREFIX.length);
    const text = storage.getItem(key);
    if (text === null) continue;
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch {
      data = null;
    }
    const record = isObj(data) && isSetup(data.setup) ? parseRecord({ ...data, rules: LEGACY_RULES }) : null;
    try {
      if (!isObj(data) || !record || 'reason' in record) {
        const reason =
          record && 'reason' in record ? record.reason : 'it was damaged before it was moved here';
        await keepBroken(db, { id, text, reason });
      } else {
        const there = await readGame(db, id);
        if (!there || there.moves.length < record.moves.length) {
          const r = await writeGame(db, headerOf(id, record, data), record, there?.rev ?? 0);
          if (!r.ok) {
            left += 1;
            continue;
          }
        }
      }
      storage.removeItem(key);
      moved += 1;
    } catch {
      left += 1;
    }
  }
  return { moved, left };
}
