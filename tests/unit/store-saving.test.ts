// Saving a game in IndexedDB (fake-indexeddb here): a move is written before the screen shows it; a
// write the browser refuses for want of space still shows the move and tells the player at once, the
// game file offered; a game started while storage is full says it is not being saved; a write over
// moves another tab made since is never made (this tab stops playing the game); the menu's list comes
// from the headers alone; the old localStorage saves move over once, with nothing lost.
import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import type { Move } from '../../src/engine/index.ts';
import { contentHash, RULES_VERSION, replay } from '../../src/engine/index.ts';
import { HOT_SEAT, MemoryStorage, shippedBusan } from './store-fixtures.ts';

const busan = shippedBusan();
vi.mock('virtual:scenarios', () => ({ default: [] })); // no shipped scenarios: this one is "from a file"

const { addLoadedScenario } = await import('../../src/store/catalog.ts');
const store$ = await import('../../src/store/game-store.ts');
const { namedSaveDb, readGame, readHeaders, writeGame } = await import('../../src/store/save-db.ts');
const { listSaves, readSave, saveAsFile } = await import('../../src/store/saves.ts');
const { migrateLocalSaves } = await import('../../src/store/migrate-saves.ts');
const { parseGameFile } = await import('../../src/store/game-file.ts');
const { confirmCurtain, dispatch, finishBriefing, makeAppStore, startGame, undo, useSaves, writesDone } =
  store$;

const hash = contentHash(busan);
addLoadedScenario(busan, hash, null);
const entry = { id: busan.id, hash, scenario: busan, origin: 'file' as const };
let dbCount = 0;
const freshDb = () => namedSaveDb(`test-saves-${++dbCount}`);

/** A hot-seat game at the table, saved in `db`, with Washington at the screen. */
async function atTable(db: ReturnType<typeof freshDb> | null) {
  useSaves(db);
  const store = makeAppStore({ pace: 0, muted: true });
  startGame(store, entry, { seed: 's', setup: HOT_SEAT });
  await writesDone(store);
  for (let i = 0; i < 2; i++) {
    confirmCurtain(store);
    finishBriefing(store);
  }
  confirmCurtain(store);
  return store;
}

const full = async () => {
  throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
};

describe('saving a game', () => {
  it('writes each move before the screen shows it', async () => {
    const db = freshDb();
    const store = await atTable(db);
    const before = store.getState().game!;
    expect(dispatch(store, { type: 'pass', side: 'us' }).ok).toBe(true);
    expect(store.getState().game).toBe(before); // not shown: still being written
    expect(store$.isSaving(store)).toBe(true);
    await writesDone(store);
    const shown = store.getState().game!;
    expect(shown.moves).toEqual([{ type: 'pass', side: 'us' }]);
    const stored = await readGame(db, shown.id);
    expect(stored).toMatchObject({ moves: shown.moves, rules: RULES_VERSION, scenarioHash: hash, rev: 2 });
    // two moves in a row are checked against the newest and written in order
    confirmCurtain(store);
    expect(dispatch(store, { type: 'pass', side: 'cn' }).ok).toBe(true);
    await writesDone(store);
    expect((await readGame(db, shown.id))?.moves).toHaveLength(2);
    expect(store.getState().saveAlert).toBeNull();
  });

  it('writes an undo too', async () => {
    const db = freshDb();
    const store = await atTable(db);
    dispatch(store, {
      type: 'propose',
      side: 'us',
      clauses: [{ kind: 'instrument', instrument: 'us-tariff', level: 2 }],
    });
    await writesDone(store);
    expect(undo(store)).toBe(false); // Beijing must answer: not Washington's to take back
    confirmCurtain(store);
    dispatch(store, { type: 'reject', side: 'cn', reason: 'timing' });
    await writesDone(store);
    expect(undo(store)).toBe(true);
    await writesDone(store);
    expect((await readGame(db, store.getState().game!.id))?.moves).toHaveLength(1);
  });

  it('when storage is full, shows the move, tells the player at once and offers the game file', async () => {
    const db = freshDb();
    const store = await atTable(db);
    useSaves(full);
    expect(dispatch(store, { type: 'pass', side: 'us' }).ok).toBe(true);
    await writesDone(store);
    expect(store.getState().game!.moves).toHaveLength(1); // nothing lost on screen
    expect(store.getState().saveAlert).toEqual({ kind: 'full', started: false });
    // the file offered holds every move, the unsaved one too
    const g = store.getState().game!;
    const file = parseGameFile(
      (await import('../../src/store/game-file.ts')).gameFileText(store$.recordOf(g)),
    );
    expect(file).toMatchObject({ moves: g.moves });
    // space again: the next move is saved, with the one before it, and the message goes
    useSaves(db);
    confirmCurtain(store);
    dispatch(store, { type: 'pass', side: 'cn' });
    await writesDone(store);
    expect(store.getState().saveAlert).toBeNull();
    expect((await readGame(db, g.id))?.moves).toHaveLength(2);
  });

  it('says a game started while storage is full is not being saved', async () => {
    const store = await atTable(full);
    expect(store.getState().saveAlert).toEqual({ kind: 'full', started: true });
    dispatch(store, { type: 'pass', side: 'us' });
    await writesDone(store);
    expect(store.getState().saveAlert).toEqual({ kind: 'full', started: true });
  });

  it('never writes over moves another tab made since; this tab stops playing the game', async () => {
    const db = freshDb();
    const store = await atTable(db);
    const g = store.getState().game!;
    // another tab, holding the same game, writes a move of its own
    const stored = await readGame(db, g.id);
    if (!stored) throw new Error('not saved');
    const theirs: Move[] = [{ type: 'pass', side: 'us' }];
    const header = (await readHeaders(db)).headers[0]!;
    expect(await writeGame(db, header, { ...stored, moves: theirs }, stored.rev)).toMatchObject({ ok: true });
    expect(dispatch(store, { type: 'pass', side: 'us' }).ok).toBe(true);
    await writesDone(store);
    expect(store.getState().saveAlert).toEqual({ kind: 'conflict' });
    expect((await readGame(db, g.id))?.moves).toEqual(theirs); // theirs kept, at the revision they wrote
    expect((await readGame(db, g.id))?.rev).toBe(stored.rev + 1);
    expect(dispatch(store, { type: 'pass', side: 'cn' })).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/another tab/),
    });
  });
});

describe('the list of saves', () => {
  it('comes from the headers alone and names the saves that cannot be opened here', async () => {
    const db = freshDb();
    const store = await atTable(db);
    dispatch(store, { type: 'pass', side: 'us' });
    await writesDone(store);
    const id = store.getState().game!.id;
    const stored = (await readGame(db, id))!;
    const header = (await readHeaders(db)).headers[0]!;
    await writeGame(db, { ...header, id: 'old-rules', rules: RULES_VERSION + 1 }, stored, 0);
    await writeGame(db, { ...header, id: 'old-scenario', scenarioHash: 'f'.repeat(16) }, stored, 0);
    // a header whose game is not there at all is listed like any: the list never reads a game
    await writeGame(db, { ...header, id: 'header-only', savedAt: '2000-01-01' }, stored, 0);
    await db('readwrite', (os) => os.delete('game:header-only'));
    const { saves, problems } = await listSaves(db, null);
    expect(saves).toEqual([
      expect.objectContaining({ id, title: 'Road to Busan', turn: 0, moves: 1, over: false }),
      expect.objectContaining({ id: 'header-only' }),
    ]);
    expect(saves[0]?.sides).toEqual({
      us: { name: busan.sides.us.name, seat: 'human' },
      cn: { name: busan.sides.cn.name, seat: 'human' },
    });
    const why = Object.fromEntries(problems.map((p) => [p.id, p.reason]));
    expect(why['old-rules']).toMatch(/newer version of the game’s rules/);
    expect(why['old-scenario']).toMatch(/another version of “Road to Busan”/);
    // a save that cannot be opened is still offered as its game file
    expect((await saveAsFile(db, 'old-rules'))?.text).toContain('"moves"');
    // opening one replays it, with every state when asked
    const opened = await readSave(db, id, null, true);
    expect('save' in opened && opened.states).toHaveLength(2);
  });
});

describe('the move from localStorage', () => {
  it('moves every save once, keeps a damaged one as it was, and loses nothing', async () => {
    const storage = new MemoryStorage();
    const moves: Move[] = [
      { type: 'pass', side: 'us' },
      { type: 'pass', side: 'cn' },
    ];
    const legacy = {
      format: 1,
      id: 'abc123',
      scenarioId: busan.id,
      scenarioHash: hash,
      title: 'Road to Busan',
      seed: 'legacy',
      setup: HOT_SEAT,
      moves,
      savedAt: '2026-11-30T10:00:00.000Z',
      turn: 0,
      over: false,
    };
    storage.setItem('upper-hand:save:abc123', JSON.stringify(legacy));
    storage.setItem('upper-hand:save:def456', JSON.stringify({ ...legacy, id: 'def456', moves: [] }));
    storage.setItem('upper-hand:save:broken', '{"format": 1, "id": ');
    storage.setItem('upper-hand:settings', '{"pace":0}');
    const db = freshDb();
    expect(await migrateLocalSaves(storage, db)).toEqual({ moved: 3, left: 0 });
    expect(storage.length).toBe(1); // only the settings stay behind
    expect(await migrateLocalSaves(storage, db)).toEqual({ moved: 0, left: 0 });
    const { saves, problems } = await listSaves(db, null);
    expect(saves.map((s) => s.id).sort()).toEqual(['abc123', 'def456']);
    expect(saves.find((s) => s.id === 'abc123')).toMatchObject({
      title: 'Road to Busan',
      savedAt: legacy.savedAt,
      moves: 2,
    });
    expect(problems).toEqual([expect.objectContaining({ id: 'broken', broken: true })]);
    expect((await readHeaders(db)).broken[0]?.text).toBe('{"format": 1, "id": ');
    // the moved game replays to the same state as the old save did
    const r = await readSave(db, 'abc123', null);
    const direct = replay(busan, 'legacy', HOT_SEAT, moves);
    expect('state' in r && direct.ok && r.state).toEqual(direct.ok && direct.state);
  });

  it('leaves a save where it was when the browser will not take it, to move it later', async () => {
    const storage = new MemoryStorage();
    storage.setItem(
      'upper-hand:save:full1',
      JSON.stringify({
        id: 'full1',
        scenarioId: busan.id,
        scenarioHash: hash,
        seed: 's',
        setup: HOT_SEAT,
        moves: [],
      }),
    );
    expect(await migrateLocalSaves(storage, full)).toEqual({ moved: 0, left: 1 });
    expect(storage.getItem('upper-hand:save:full1')).not.toBeNull();
  });
});
