// Saved games in IndexedDB, through idb-keyval (a one-file wrapper kept by the author of `idb`: a
// key-value store, transactions when asked for, nothing else to load). Each game is two entries,
// written together in one transaction: `head:<id>`, the header the menu lists (scenario, title,
// sides, turn, date) without reading or replaying the moves, and `game:<id>`, the record itself.
// Every write names the revision it follows: a write over a game another tab has written since is
// refused as a conflict, never silently over it. A write the browser refuses for want of space comes
// back as `full`, so the player can be told at once.
import { createStore, promisifyRequest, type UseStore } from 'idb-keyval';
import type { BySide, Seat } from '../engine/index.ts';
import type { VersionedRecord } from './game-record.ts';

export type SaveDb = UseStore;

/** What the menu lists of a saved game: enough to show it and to tell whether it can be opened. */
export interface SaveHeader {
  readonly id: string;
  readonly scenarioId: string;
  readonly scenarioHash: string;
  readonly rules: number;
  readonly title: string;
  readonly sides: BySide<{ readonly name: string; readonly seat: Seat['kind'] }>;
  readonly turn: number; // 0-based, as in the state
  readonly moves: number;
  readonly over: boolean;
  readonly savedAt: string; // ISO date and time
}

/** A saved game: its record, under its id, at a revision raised by every write. */
export interface StoredGame extends VersionedRecord {
  readonly id: string;
  readonly rev: number;
}

/** A save that could not be read when it was moved here from localStorage: kept as it was. */
export interface BrokenSave {
  readonly id: string;
  readonly text: string;
  readonly reason: string;
}

export type WriteResult =
  | { readonly ok: true; readonly rev: number }
  | { readonly ok: false; readonly kind: 'full' | 'failed' }
  | { readonly ok: false; readonly kind: 'conflict'; readonly stored: StoredGame };

let shared: SaveDb | null = null;

/** The browser's store of saved games (opened on first use). */
export function saveDb(): SaveDb {
  shared ??= createStore('upper-hand', 'saves');
  return shared;
}

/** A store of its own (tests: one per test). */
export const namedSaveDb = (name: string): SaveDb => createStore(name, 'saves');

const isQuota = (e: unknown) =>
  e instanceof DOMException
    ? e.name === 'QuotaExceededError' || e.code === 22
    : /quota/i.test(String((e as { name?: unknown } | null)?.name ?? e));

/**
 * Writes a game and its header, if the stored game is still at revision `after` (0: none yet);
 * resolves only once the transaction has committed.
 */
export async function writeGame(
  db: SaveDb,
  header: SaveHeader,
  record: VersionedRecord,
  after: number,
): Promise<WriteResult> {
  const rev = after + 1;
  try {
    return await db('readwrite', (os) => {
      const done = promisifyRequest(os.transaction);
      return new Promise<WriteResult>((resolve, reject) => {
        const req = os.get(`game:${header.id}`);
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const stored = req.result as StoredGame | undefined;
          if (stored && stored.rev !== after) {
            resolve({ ok: false, kind: 'conflict', stored });
            return;
          }
          const game: StoredGame = { ...record, id: header.id, rev };
          os.put(game, `game:${header.id}`);
          os.put(header, `head:${header.id}`);
          done.then(() => resolve({ ok: true, rev }), reject);
        };
      });
    });
  } catch (e) {
    return { ok: false, kind: isQuota(e) ? 'full' : 'failed' };
  }
}

/** One saved game, or undefined. */
export async function readGame(db: SaveDb, id: string): Promise<StoredGame | undefined> {
  return db('readonly', (os) => promisifyRequest(os.get(`game:${id}`) as IDBRequest<StoredGame | undefined>));
}

/** Every header and every broken save kept, without reading a single move. */
export async function readHeaders(db: SaveDb): Promise<{ headers: SaveHeader[]; broken: BrokenSave[] }> {
  return db('readonly', async (os) => {
    const [heads, broken] = await Promise.all([
      promisifyRequest(os.getAll(IDBKeyRange.bound('head:', 'head:\uffff')) as IDBRequest<SaveHeader[]>),
      promisifyRequest(os.getAll(IDBKeyRange.bound('broken:', 'broken:\uffff')) as IDBRequest<BrokenSave[]>),
    ]);
    return { headers: heads, broken };
  });
}

/** Removes a saved game (or a broken one). */
export async function deleteGame(db: SaveDb, id: string): Promise<void> {
  await db('readwrite', (os) => {
    os.delete(`game:${id}`);
    os.delete(`head:${id}`);
    os.delete(`broken:${id}`);
    return promisifyRequest(os.transaction);
  });
}

/** Keeps a save that could not be read, as it was. */
export async function keepBroken(db: SaveDb, broken: BrokenSave): Promise<void> {
  await db('readwrite', (os) => {
    os.put(broken, `broken:${broken.id}`);
    return promisifyRequest(os.transaction);
  });
}
