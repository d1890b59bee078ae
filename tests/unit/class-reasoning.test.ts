// A class game's lines of reasoning beside its moves: each turn with a line shows what each side did
// that turn in words (the instructor's moves left to the news) and its team's line; turns with no
// line are left out, and a record the engine refuses keeps what came before the refusal.
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { DEFAULT_SETUP, type GameRecord, type Move, newGame } from '../../src/engine/index.ts';
import { reasoningByTurn } from '../../src/present/class-reasoning.ts';
import { loadScenarioFile } from '../../tools/scenario-files.ts';

const sc = loadScenarioFile(join(import.meta.dirname, '..', '..', 'scenarios', 'opening-bid.yaml')).scenario;

it('puts each team’s line beside that turn’s moves, in words', () => {
  const first = newGame(sc, 'reasons', DEFAULT_SETUP).round.talks.toMove;
  const second = first === 'us' ? 'cn' : 'us';
  const moves: Move[] = [
    { type: 'pass', side: first },
    { type: 'news', side: 'control', text: 'The press asks.' },
    { type: 'pass', side: second },
    { type: 'orders', side: 'us', orders: [] },
    { type: 'orders', side: 'cn', orders: [] },
    { type: 'pass', side: 'us' }, // refused or not, nothing after turn 1 has a line
  ];
  const record: GameRecord = {
    scenarioId: sc.id,
    scenarioHash: '',
    seed: 'reasons',
    setup: DEFAULT_SETUP,
    moves,
  };
  const turns = reasoningByTurn(sc, record, [
    { turn: 0, side: 'us', text: 'Hold still: they need the deal more.' },
  ]);
  expect(turns).toHaveLength(1);
  expect(turns[0]?.turn).toBe(1);
  expect(turns[0]?.sides.us).toEqual({
    moves: ['Orders: none (stands still)'],
    reason: 'Hold still: they need the deal more.',
  });
  expect(turns[0]?.sides.cn).toEqual({ moves: ['Orders: none (stands still)'], reason: null });
  expect(reasoningByTurn(sc, record, [])).toEqual([]);
});
