// Class results: a game's summary has the documented columns, and the CSV quotes what it must and
// never lets a spreadsheet read a cell as a formula.
import { describe, expect, it } from 'vitest';
import type { Move } from '../../src/engine/index.ts';
import { DEFAULT_SETUP, newGame, rulesFor, score } from '../../src/engine/index.ts';
import {
  SUMMARY_COLUMNS,
  summariesCsv,
  summarise,
  summariseRecord,
} from '../../src/present/class-summary.ts';
import { rulesScenario } from '../fixtures/worked.ts';
import { passTurns, play } from './helpers.ts';

const sc = rulesScenario();

describe('class results', () => {
  const moves: Move[] = [
    { type: 'propose', side: 'us', clauses: [{ kind: 'statement', statement: 'joint' }] },
    { type: 'accept', side: 'cn' },
  ];
  const setup = {
    ...DEFAULT_SETUP,
    seats: { us: { kind: 'human' as const }, cn: { kind: 'ai' as const, profile: 'p', level: 3 } },
  };
  const record = { scenarioId: sc.id, scenarioHash: rulesFor(sc).hash, seed: 'x', setup, moves };
  const state = passTurns(sc, play(sc, newGame(sc, 'x', setup), ...moves), 11);

  it('summarises a game under the documented columns', () => {
    const row = summarise(sc, record, state);
    expect(Object.keys(row)).toEqual([...SUMMARY_COLUMNS]);
    expect(row).toMatchObject({ side: 'us', mode: 'solo', aiLevel: 3, seed: 'x', deal: 'yes', turns: 11 });
    expect(row.dealTerms).toBe('Statement: Joint statement');
    expect(row.objectivesUs).toBe('1/1');
    // the score counts the objective met on top of the game's own score points
    expect(Number(row.scoreUs)).toBeCloseTo(score(sc, state).sides.us.base + 5, 1);
  });

  it('writes a CSV with a header and a row a game', () => {
    const row = summarise(sc, record, state);
    const csv = summariesCsv([row, row, { ...row, dealTerms: '=HYPERLINK("x"), and "quotes"' }]);
    const lines = csv.trimEnd().split('\r\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toBe(SUMMARY_COLUMNS.join(','));
    expect(lines[3]).toContain(`"'=HYPERLINK(""x""), and ""quotes"""`);
  });

  it('refuses a game file that does not replay, with the reason', () => {
    const bad = { ...record, moves: [{ type: 'accept', side: 'cn' } as Move] };
    expect(summariseRecord(sc, bad)).toEqual({ reason: expect.stringContaining('move 1 is refused') });
  });
});
