// The debrief's data is made once a game: the states a game was opened with are taken as they are,
// not replayed, and the data is the same whether the states were given or replayed.
import { describe, expect, it } from 'vitest';
import type { GameRecord, Move } from '../../src/engine/index.ts';
import { DEFAULT_SETUP, replay, rulesFor } from '../../src/engine/index.ts';
import { debriefData } from '../../src/ui/debrief.ts';
import { rulesScenario } from '../fixtures/worked.ts';

const sc = rulesScenario();

describe('the debrief’s data', () => {
  const moves: Move[] = [
    { type: 'propose', side: 'us', clauses: [{ kind: 'statement', statement: 'joint' }] },
    { type: 'accept', side: 'cn' },
  ];
  const record: GameRecord = {
    scenarioId: sc.id,
    scenarioHash: rulesFor(sc).hash,
    seed: 'd',
    setup: DEFAULT_SETUP,
    moves,
  };

  it('takes the states it is given, is made once a record, and matches a replay', () => {
    const r = replay(sc, record.seed, record.setup, record.moves, true);
    if (!r.ok || !r.states) throw new Error('the game does not replay');
    const given = debriefData(sc, record, r.states);
    expect(given.states).toBe(r.states);
    expect(debriefData(sc, record)).toBe(given); // the same record: not made again
    const replayed = debriefData(sc, { ...record }); // another record: replayed
    expect(replayed).not.toBe(given);
    expect(replayed.states).toEqual(given.states);
    expect(replayed.score).toEqual(given.score);
    expect(replayed.analysis).toEqual(given.analysis);
  });
});
