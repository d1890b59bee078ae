// The character check "China answers a US tariff rise within a turn" counts the rises China had to
// answer: a rise announced ahead and traded away in a deal before it took effect, with no answer
// till then, is not one (Liberation Day, seed balance-62: Washington announces a tariff rise, and
// Beijing signs a package that withdraws it before it takes effect). One China answered is counted,
// answered (the Whole of 2025, seed balance-0). The seeds are the default seats' games as they now
// play.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultSeat } from '../../src/ai/index.ts';
import { playGame } from '../../src/ai/match.ts';
import { loadScenarioFile } from '../../tools/scenario-files.ts';

const scenario = (name: string) =>
  loadScenarioFile(join(import.meta.dirname, '..', '..', 'scenarios', `${name}.yaml`)).scenario;
const seatsOf = (sc: ReturnType<typeof scenario>) => ({
  us: defaultSeat(sc, 'us'),
  cn: defaultSeat(sc, 'cn'),
});

describe('the tariff-rise answer check', () => {
  it('leaves out a rise traded away before China had to answer it', () => {
    const sc = scenario('liberation-day-to-geneva');
    const g = playGame(sc, 'balance-62', seatsOf(sc));
    expect(g.moves['us announce us-tariff']).toBeGreaterThan(0);
    expect([g.tariffRaises, g.tariffAnswered]).toEqual([0, 0]);
  });

  it('counts a rise China answered', () => {
    const sc = scenario('whole-of-2025');
    const g = playGame(sc, 'balance-0', seatsOf(sc));
    expect([g.tariffRaises, g.tariffAnswered]).toEqual([1, 1]);
  });
});
