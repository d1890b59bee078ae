// Smoke versions of the simulator's checks on 20 seeds (the full runs are `npm run simulate`):
// the character of the road-to-busan profiles, and the strength table — the hardest level against
// the random profile, and each level against the one below, as paired comparisons.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultSeat } from '../../src/ai/index.ts';
import { playGame } from '../../src/ai/match.ts';
import { summarise } from '../../src/ai/report.ts';
import { strengthPairings, strengthTable } from '../../src/ai/strength.ts';
import { loadScenarioFile } from '../../tools/scenario-files.ts';

const busan = loadScenarioFile(
  join(import.meta.dirname, '..', '..', 'scenarios', 'road-to-busan.yaml'),
).scenario;
const SEEDS = Array.from({ length: 20 }, (_, i) => `smoke-${i}`);

describe('character, on 20 seeds', () => {
  const seats = { us: defaultSeat(busan, 'us'), cn: defaultSeat(busan, 'cn') };
  const games = SEEDS.map((seed) => playGame(busan, seed, seats));
  const report = summarise(busan, 'smoke', seats, games);
  const check = (start: string) => report.checks.find((c) => c.name.startsWith(start))!;

  it('Beijing answers a US tariff rise within a turn, in at least 90% of the games that have one', () => {
    expect(check('China answers').pass).not.toBe(false);
  });
  it('Beijing never accepts a package in the turn after being escalated against', () => {
    expect(check('China never accepts').pass).toBe(true);
  });
  it('Washington’s threshold falls faster before the summit than Beijing’s', () => {
    expect(check('Washington’s acceptance').pass).toBe(true);
  });
  it('Washington opens with at least three different packages over the twenty games, and the report counts them', () => {
    const keys = new Set(SEEDS.map((_, i) => games[i]!.conduct.us.opening).filter((k) => k !== null));
    expect(report.conduct.us.openings).toBe(keys.size);
    expect(report.conduct.us.openings).toBeGreaterThanOrEqual(3);
  });
  it('reports each outcome’s share from its own count, never a negative remainder', () => {
    // 399 deals and a collapse in 400 games: 99.75% and 0.25%, each rounded up, left −0.1% of no deal
    const mix = [
      ...Array.from({ length: 399 }, () => ({ ...games[0]!, outcome: 'deal' as const })),
      { ...games[0]!, outcome: 'collapse' as const },
    ];
    const r = summarise(busan, 'smoke', seats, mix);
    expect(r.outcomes).toEqual({ deal: 0.998, collapse: 0.003, noDeal: 0 });
  });
  it('AI against AI reaches a deal in at least half of games and collapses in under 15%', () => {
    expect(report.outcomes.deal).toBeGreaterThanOrEqual(0.5);
    expect(report.outcomes.collapse).toBeLessThan(0.15);
  });
});

describe('strength, on 20 seeds', () => {
  const pairings = strengthPairings(busan);
  const games = new Map(
    pairings.map((p) => [p.label, SEEDS.map((seed) => playGame(busan, seed, p.seats))] as const),
  );
  // The rows (paired); head to head against random is the simulator's, for information.
  const rows = strengthTable(games).filter((r) => r.required);

  it.each(rows.map((r) => [r.name, r] as const))('%s', (_, row) => {
    expect(row.pass, `${row.name}: ${(row.share * 100).toFixed(0)}%, needs ${row.need}`).toBe(true);
  });
});
