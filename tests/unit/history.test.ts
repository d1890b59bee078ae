// Faithful to history: every shipped scenario's history script, played through the engine, must
// reproduce each figure the documents give at each date the scenario covers. The figures are
// written here, from the documents, independently of the scripts; each is read from the states the
// engine produced (the label of the instrument's level in the turn that holds the date: at its
// start or after its moves, since a turn is a span of days and a move falls somewhere inside it).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HISTORY_SETUP, historyLine, levelLabel } from '../../src/engine/history.ts';
import { type GameState, rulesFor, type Scenario, turnOf } from '../../src/engine/index.ts';
import { scenarioSpan } from '../../src/scenario/crossref.ts';
import { loadScenario } from '../../src/scenario/load.ts';
import { resolverFor, shippedDir } from '../../tools/scenario-files.ts';
import { shippedScenarios } from '../fixtures/shipped.ts';

interface Figure {
  readonly what: string;
  readonly dates: readonly string[]; // the figure holds at each of these dates
  readonly instrument: string;
  readonly label: RegExp; // the level's label, as the ladder writes it
  readonly source: string; // where the documents say so
}

const FIGURES: readonly Figure[] = [
  {
    what: 'the first fentanyl tariff, 10% from Tuesday 4 February',
    dates: ['2025-02-04', '2025-02-10'],
    instrument: 'us-tariff',
    label: /^10%/,
    source: '003: "the White House hit China with 10% tariffs starting Tuesday"',
  },
  {
    what: 'the fentanyl tariff raised to 20% in February',
    dates: ['2025-02-28', '2025-03-15', '2025-03-31'],
    instrument: 'us-tariff',
    label: /^20%/,
    source: '002: "In February, Trump slapped a 20 percent trade tariff on all imports from China"',
  },
  {
    what: "China's 15% on US farm goods, in March",
    dates: ['2025-03-31'],
    instrument: 'cn-tariff',
    label: /^15%/,
    source: '002: "in March, China imposed a 15 percent tariff on a range of US farm exports"',
  },
  {
    what: '145% on Chinese goods in April',
    dates: ['2025-04-30', '2025-05-09'],
    instrument: 'us-tariff',
    label: /^145%$/,
    source: '002: "In April, Trump raised tariffs on Chinese imports to 145 percent"',
  },
  {
    what: '125% on American goods in April',
    dates: ['2025-04-30', '2025-05-09'],
    instrument: 'cn-tariff',
    label: /^125%$/,
    source: '002: "prompting China to hit back with 125 percent tariffs of its own"',
  },
  {
    what: '30% on Chinese goods after Geneva (12 May), until the documents end',
    dates: ['2025-05-12', '2025-06-15', '2025-08-15', '2025-09-15', '2025-10-10', '2025-10-29'],
    instrument: 'us-tariff',
    label: /^30%$/,
    source: '002: "brought US tariffs on Chinese products down from 145 to 30 percent"',
  },
  {
    what: '10% on American goods after Geneva (12 May), until the documents end',
    dates: ['2025-05-12', '2025-06-15', '2025-08-15', '2025-09-15', '2025-10-10', '2025-10-29'],
    instrument: 'cn-tariff',
    label: /^10%$/,
    source: '002: "Beijing slashed levies on US imports from 125 to 10 percent"',
  },
  {
    what: 'seven rare-earth metals restricted in April',
    dates: ['2025-04-04', '2025-04-30', '2025-06-15', '2025-09-30', '2025-10-09'],
    instrument: 'cn-rare-earths',
    label: /^seven metals/,
    source: '002: "The first seven metals to be restricted were announced in April"',
  },
  {
    what: 'five more on 10 October: twelve in all',
    dates: ['2025-10-10', '2025-10-20'],
    instrument: 'cn-rare-earths',
    label: /^twelve metals/,
    source: '002: "the remaining five were announced on October 10"',
  },
  {
    what: 'the soybean boycott, from late May',
    dates: ['2025-05-31', '2025-06-15', '2025-09-15', '2025-10-10', '2025-10-29'],
    instrument: 'cn-soybeans',
    label: /^boycott/,
    source: '000: "its refusal since late May to buy soybeans from the United States"',
  },
];

/** The 100% announced on 10 October for 1 November: pending from its announcement to the summit. */
const ANNOUNCED = {
  what: 'the extra 100% announced for 1 November (the ladder’s 130%), pending',
  dates: ['2025-10-10', '2025-10-20'],
  instrument: 'us-tariff',
  label: /^130%/,
  effective: '2025-11-01',
  source: '002: "Trump responded by threatening to impose 100 percent tariffs on China from November 1"',
};

const inside = (sc: Scenario, date: string) => {
  const span = scenarioSpan(sc);
  const day = Date.parse(`${date}T00:00:00Z`) / 86_400_000;
  return day >= span.start && day < span.end;
};

/** The states at the start of the turn that holds `date` and after its moves. */
function around(sc: Scenario, turns: readonly GameState[], date: string): GameState[] {
  const t = turnOf(rulesFor(sc), date);
  return [turns[t], turns[t + 1]].filter((s): s is GameState => s !== undefined);
}

const scenarios = shippedScenarios();

describe('the shipped scenarios', () => {
  it('include the openings of the 2025 world', () => {
    const names = scenarios.map(([f]) => f);
    for (const f of [
      'opening-bid.yaml',
      'liberation-day-to-geneva.yaml',
      'london-licences.yaml',
      'chips-and-soybeans.yaml',
      'whole-of-2025.yaml',
      'road-to-busan.yaml',
    ])
      expect(names).toContain(f);
  });
});

describe.each(scenarios)('the history line of %s', (_file, sc) => {
  // The line is played as the no-deal line is: without the seeded random events, which are not
  // history; the crisis rolls still differ from seed to seed.
  const seeds = ['history', 'seed-2', 'seed-3'];

  it('plays every step of its script without a refusal, and without a collapse', () => {
    for (const seed of seeds) {
      const h = historyLine(sc, seed);
      expect(h.problems, seed).toEqual([]);
      expect(h.final.world.collapsed, seed).toBe(false);
      expect(h.final.round.phase).toBe('over');
      expect(h.turns).toHaveLength(rulesFor(sc).totalTurns + 1);
    }
  });

  it('reproduces every documented figure at every documented date it covers', () => {
    let checked = 0;
    for (const seed of seeds) {
      {
        const h = historyLine(sc, seed);
        for (const f of FIGURES) {
          for (const date of f.dates.filter((d) => inside(sc, d))) {
            const labels = around(sc, h.turns, date).map((s) => levelLabel(sc, s, f.instrument));
            expect(
              labels.some((l) => l !== undefined && f.label.test(l)),
              `${f.what} on ${date} (${f.source}); the engine shows ${labels.join(' → ')}`,
            ).toBe(true);
            checked++;
          }
        }
        for (const date of ANNOUNCED.dates.filter((d) => inside(sc, d))) {
          const pending = around(sc, h.turns, date).map((s) => s.world.announcements[ANNOUNCED.instrument]);
          const ok = pending.some((a) => {
            if (!a) return false;
            const label = sc.instruments.find((i) => i.id === ANNOUNCED.instrument)?.levels[a.level]?.label;
            return (
              a.by === 'us' &&
              label !== undefined &&
              ANNOUNCED.label.test(label) &&
              a.turn === turnOf(rulesFor(sc), ANNOUNCED.effective)
            );
          });
          expect(ok, `${ANNOUNCED.what} on ${date} (${ANNOUNCED.source})`).toBe(true);
          checked++;
        }
      }
    }
    expect(checked, 'a shipped scenario covers at least one documented figure').toBeGreaterThan(0);
  });

  it('is scored like a game, against the no-deal line', () => {
    const h = historyLine(sc, 'history');
    for (const side of ['us', 'cn'] as const) {
      expect(Number.isFinite(h.score.sides[side].score)).toBe(true);
      expect(h.score.sides[side].standStillCost).toBeGreaterThan(0);
    }
    expect(historyLine(sc, 'history', HISTORY_SETUP)).toEqual(h); // deterministic
  });
});

describe('the history player', () => {
  const text = readFileSync(join(shippedDir, 'opening-bid.yaml'), 'utf8');
  const load = (t: string) => {
    const r = loadScenario([{ name: 'opening-bid.yaml', text: t }], {
      resolveWorld: resolverFor(join(shippedDir, 'opening-bid.yaml'), []),
    });
    if (!r.ok) throw new Error(r.errors.map((e) => e.message).join('\n'));
    return r.scenario;
  };

  it('skips steps before the start, plays the ones inside, and leaves the rest beyond', () => {
    const h = historyLine(load(text));
    const status = new Map(h.steps.map((s) => [s.id, s.status]));
    expect(status.get('us-fentanyl-10')).toBe('already'); // the opening's own 10%
    expect(status.get('us-fentanyl-20')).toBe('played');
    expect(status.get('geneva-truce')).toBe('beyond');
  });

  it('keeps to k orders a turn: what does not fit waits, and a later shift replaces an earlier one', () => {
    const h = historyLine(load(text));
    const step = (id: string) => h.steps.find((s) => s.id === id);
    // 4 April: seven rare-earth metals and hefty levies; one order a turn, so the levies wait, and
    // the 125% of 11 April, in the next turn, replaces them.
    expect(step('cn-rare-earths-seven')?.status).toBe('played');
    expect(step('cn-hefty-levies')?.status).toBe('merged');
    expect(step('cn-tariff-125')?.turn).toBe(step('cn-rare-earths-seven')!.turn! + 1);
  });

  it('reports a step the engine refuses instead of throwing', () => {
    // A package dated in the epilogue, which has no talks.
    const sc = load(text);
    const late = {
      ...sc,
      history: {
        ...sc.history!,
        script: [
          ...(sc.history?.script ?? []),
          {
            id: 'late-package',
            date: '2025-04-10',
            text: 'A package in the epilogue, which has no talks.',
            package: { clauses: [{ kind: 'instrument' as const, instrument: 'us-tariff', level: 0 }] },
            status: 'confirmed' as const,
            estimate: 'a test',
          },
        ],
      },
    } satisfies Scenario;
    const h = historyLine(late);
    expect(h.problems.some((p) => p.startsWith('late-package'))).toBe(true);
    expect(h.steps.find((s) => s.id === 'late-package')?.status).toBe('refused');
    expect(h.final.round.phase).toBe('over');
  });
});
