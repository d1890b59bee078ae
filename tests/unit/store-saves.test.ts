// Saved games read back: each save is replayed through the engine; a save that is broken JSON, made
// with another version of its scenario, or holding a move the rules refuse is reported with its
// reason and skipped, and the others stay.
import { describe, expect, it, vi } from 'vitest';
import { contentHash } from '../../src/engine';
import { HOT_SEAT, MemoryStorage, shippedBusan } from './store-fixtures';

const busan = shippedBusan();

vi.mock('virtual:scenarios', () => ({ default: [] })); // no shipped scenarios: this one is "from a file"

const { addLoadedScenario } = await import('../../src/store/catalog');
const { listSaves, readSave } = await import('../../src/store/saves');
const { SAVE_FORMAT, SAVE_PREFIX, writeSave } = await import('../../src/store/save-file');

describe('saved games', () => {
  it('resumes good saves and reports the broken, the outdated and the refused', async () => {
    const storage = new MemoryStorage();
    const hash = contentHash(busan);
    addLoadedScenario(busan, hash, storage);
    const base = {
      format: SAVE_FORMAT,
      scenarioId: busan.id,
      scenarioHash: hash,
      title: 'Road to Busan',
      seed: 's',
      setup: HOT_SEAT,
      savedAt: '2026-01-01T00:00:00Z',
      turn: 0,
      over: false,
    };
    writeSave(storage, { ...base, id: 'good', moves: [{ type: 'pass', side: 'us' }] });
    writeSave(storage, { ...base, id: 'outdated', scenarioHash: 'ffffffffffffffff', moves: [] });
    writeSave(storage, { ...base, id: 'refused', moves: [{ type: 'pass', side: 'cn' }] });
    storage.setItem(`${SAVE_PREFIX}broken`, '{"format": 1,');
    const { saves, problems } = await listSaves(storage);
    expect(saves.map((s) => s.save.id)).toEqual(['good']);
    expect(saves[0]?.state.talks.toMove).toBe('cn');
    const why = Object.fromEntries(problems.map((p) => [p.id, p.reason]));
    expect(why.broken).toMatch(/not valid JSON/);
    expect(why.outdated).toMatch(/another version of “Road to Busan”/);
    expect(why.refused).toMatch(/move 1 is refused by the rules/);
  });

  it('keeps every state of a save only when asked (a save resumed at once), the list keeping the last', async () => {
    const storage = new MemoryStorage();
    const hash = contentHash(busan);
    addLoadedScenario(busan, hash, storage);
    writeSave(storage, {
      format: SAVE_FORMAT,
      id: 'two',
      scenarioId: busan.id,
      scenarioHash: hash,
      title: 'Road to Busan',
      seed: 's',
      setup: HOT_SEAT,
      moves: [
        { type: 'pass', side: 'us' },
        { type: 'pass', side: 'cn' },
      ],
      savedAt: '2026-01-01T00:00:00Z',
      turn: 0,
      over: false,
    });
    const listed = await readSave(storage, `${SAVE_PREFIX}two`);
    const kept = await readSave(storage, `${SAVE_PREFIX}two`, true);
    if ('reason' in listed || 'reason' in kept) throw new Error('the save does not read');
    expect(listed.states).toBeUndefined();
    expect(kept.states).toHaveLength(3);
    expect(kept.states?.[2]).toEqual(listed.state);
    expect(kept.state).toEqual(listed.state);
  });
});
