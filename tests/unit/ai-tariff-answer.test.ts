// The character check "China answers a US tariff rise within a turn" counts the rises China had to
// answer: a rise announced ahead and traded away in a deal before it took effect, with no answer
// till then, is not one (Liberation Day, seed balance-95: Washington announces a tariff rise in
// turn 1 for turn 3, and Beijing signs a package that withdraws it in turn 2). One China answered is
// counted, answered (seed balance-22). The seeds are the default seats' games as they now play.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultSeat } from '../../src/ai';
import { playGame } from '../../src/ai/match';
import { loadScenarioFile } from '../../tools/scenario-files';

const sc = loadScenarioFile(
  join(import.meta.dirname, '..', '..', 'scenarios', 'liberation-day-to-geneva.yaml'),
).scenario;
const seats = { us: defaultSeat(sc, 'us'), cn: defaultSeat(sc, 'cn') };

describe('the tariff-rise answer check', () => {
  it('leaves out a rise traded away before China had to answer it', () => {
    const g = playGame(sc, 'balance-95', seats);
    expect(g.moves['us announce us-tariff']).toBeGreaterThan(0);
    expect([g.tariffRaises, g.tariffAnswered]).toEqual([0, 0]);
  });

  it('counts a rise China answered', () => {
    const g = playGame(sc, 'balance-22', seats);
    expect([g.tariffRaises, g.tariffAnswered]).toEqual([1, 1]);
  });
});
