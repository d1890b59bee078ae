import { describe, expect, test } from 'vitest';
import { type Scenario, ScenarioSchema } from '../../src/model/schema.ts';
import { checkCrossRefs, scenarioSpan } from '../../src/scenario/crossref.ts';
import type { Finding } from '../../src/scenario/diagnostic.ts';
import { formatPath } from '../../src/scenario/diagnostic.ts';
import { checkPlayability, logrollItems } from '../../src/scenario/playability.ts';
import { miniInput } from './scenario-fixtures.ts';

type Input = Record<string, unknown>;
type Row = Record<string, unknown>;
const list = (i: Input, k: string) => i[k] as Row[];
const at = (i: Input, k: string, n: number) => list(i, k)[n] as Row;

function scenarioFrom(change: (i: Input) => void): Scenario {
  const input = miniInput();
  change(input);
  return ScenarioSchema.parse(input);
}

const brief = (f: Finding) => [f.severity, formatPath(f.path), f.expected, f.found];

test('the mini scenario has no cross-reference findings', () => {
  expect(checkCrossRefs(scenarioFrom(() => {})).map(brief)).toEqual([]);
});

type Case = [
  name: string,
  change: (i: Input) => void,
  severity: 'error' | 'warning',
  path: string,
  expected: string,
  found: string,
];

const cases: Case[] = [
  [
    'a repeated id',
    (i) => (at(i, 'instruments', 2).id = 'rare-earths'),
    'error',
    'instruments[2].id',
    'an id used once in `instruments`',
    'duplicate id rare-earths, also at instruments[1]',
  ],
  [
    'an id shared by two lists',
    (i) => (at(i, 'statements', 0).id = 'farm-lobby'),
    'error',
    'events[1].id',
    'an id that no other indicator',
    'also the id of statements[0]',
  ],
  [
    'a document listed twice',
    (i) => list(i, 'documents').push({ ...at(i, 'documents', 0) }),
    'error',
    'documents[1].file',
    'each document listed once',
    'again',
  ],
  [
    'an unknown indicator in an event',
    (i) => (at(i, 'events', 1).effects = { 'us-capitol': -1 }),
    'error',
    'events[1].effects.us-capitol',
    'the id of an indicator',
    '"us-capitol", which no indicator has',
  ],
  [
    'an unknown indicator in an event’s alt',
    (i) => (at(i, 'events', 0).alt = { nowhere: 0.1 }),
    'error',
    'events[0].alt.nowhere',
    'the id of an indicator',
    '"nowhere"',
  ],
  [
    'an unknown indicator in a commitment',
    (i) => (at(i, 'commitments', 0).effects = { 'us-capital': 2, farm: 1 }),
    'error',
    'commitments[0].effects.farm',
    'the id of an indicator',
    '"farm"',
  ],
  [
    'an unknown indicator in a statement',
    (i) => (at(i, 'statements', 0).effects = { face: 1 }),
    'error',
    'statements[0].effects.face',
    'the id of an indicator',
    '"face"',
  ],
  [
    'an unknown indicator in an alternative’s cost',
    (i) => (at(i, 'alternatives', 0).cost = { capital: -1 }),
    'error',
    'alternatives[0].cost.capital',
    'the id of an indicator',
    '"capital"',
  ],
  [
    'an unknown indicator in the summit',
    (i) => (((i.calendar as Row).summit as Row).deal = { win: 1 }),
    'error',
    'calendar.summit.deal.win',
    'the id of an indicator',
    '"win"',
  ],
  [
    'an unknown indicator in crisis effects',
    (i) => (((i.params as Row).tension as Row).crisisEffects = { panic: -1 }),
    'error',
    'params.tension.crisisEffects.panic',
    'the id of an indicator',
    '"panic"',
  ],
  [
    'an unknown indicator in a condition',
    (i) => (at(i, 'events', 1).condition = { indicator: 'mood', below: 20 }),
    'error',
    'events[1].condition.indicator',
    'the id of an indicator',
    '"mood"',
  ],
  [
    'an alternative gaining on the other side',
    (i) => (at(i, 'alternatives', 1).gains = { 'us-industry': 0.1 }),
    'error',
    'alternatives[1].gains.us-industry',
    "one of Beijing (cn)'s own indicators",
    'an indicator of us',
  ],
  [
    'politics of the other side',
    (i) => (((i.sides as Row).us as Row).politics = 'cn-face'),
    'error',
    'sides.us.politics',
    "one of Washington (us)'s own indicators",
    '"cn-face", an indicator of cn',
  ],
  [
    'unknown politics',
    (i) => (((i.sides as Row).cn as Row).politics = 'cn-mood'),
    'error',
    'sides.cn.politics',
    'the id of an indicator',
    '"cn-mood"',
  ],
  [
    'weights not summing to 1',
    (i) => (at(i, 'indicators', 1).weight = 0.4),
    'error',
    'indicators[0].weight',
    'the weights of the indicators of Washington (us) to sum to 1',
    '0.9 (us-industry 0.5 + us-capital 0.4)',
  ],
  [
    'weights within 0.001 are fine, beyond are not',
    (i) => (at(i, 'indicators', 1).weight = 0.4985),
    'error',
    'indicators[0].weight',
    'to sum to 1',
    '0.9985',
  ],
  [
    'a side without indicators',
    (i) => (i.indicators = list(i, 'indicators').map((x) => ({ ...x, side: 'us', weight: 0.25 }))),
    'error',
    'indicators',
    'at least one indicator for Beijing (cn)',
    'none',
  ],
  [
    'min not below max',
    (i) => Object.assign(at(i, 'indicators', 0), { min: 50, max: 50 }),
    'error',
    'indicators[0].max',
    'a maximum above the minimum (50)',
    '50',
  ],
  [
    'start outside min and max',
    (i) => (at(i, 'indicators', 0).start = 100.5),
    'error',
    'indicators[0].start',
    'a value from 0 to 100 (its min and max)',
    '100.5',
  ],
  [
    'an opening level off the ladder',
    (i) => (at(i, 'instruments', 1).level = 4),
    'error',
    'instruments[1].level',
    'a level from 0 to 3 (it has 4 levels)',
    '4',
  ],
  [
    'an event shifting an unknown instrument',
    (i) => (at(i, 'events', 0).shifts = { 'us-tarif': 2 }),
    'error',
    'events[0].shifts.us-tarif',
    'the id of an instrument',
    '"us-tarif"',
  ],
  [
    'an event shifting past the top',
    (i) => (at(i, 'events', 0).shifts = { soybeans: 3 }),
    'error',
    'events[0].shifts.soybeans',
    'a level from 0 to 2 (Soybean purchases has 3 levels)',
    '3',
  ],
  [
    'an announcement past the top',
    (i) => (at(i, 'announcements', 0).level = 6),
    'error',
    'announcements[0].level',
    'a level from 0 to 5',
    '6',
  ],
  [
    'snapback to an unknown instrument',
    (i) => (((i.calendar as Row).truce as Row).snapback = { tariff: 1 }),
    'error',
    'calendar.truce.snapback.tariff',
    'the id of an instrument',
    '"tariff"',
  ],
  [
    'a history step past the top',
    (i) => ((((i.history as Row).steps as Row[])[0] as Row).shifts = { 'rare-earths': 4 }),
    'error',
    'history.steps[0].shifts.rare-earths',
    'a level from 0 to 3',
    '4',
  ],
  [
    'a condition level past the top',
    (i) => (at(i, 'objectives', 0).condition = { instrument: 'soybeans', atMost: 5 }),
    'error',
    'objectives[0].condition.atMost',
    'a level from 0 to 2',
    '5',
  ],
  [
    'a condition on an unknown statement',
    (i) => (at(i, 'commitments', 0).condition = { statement: 'taiwan' }),
    'error',
    'commitments[0].condition.statement',
    'the id of a statement',
    '"taiwan"',
  ],
  [
    'a condition on an unknown event',
    (i) => (at(i, 'objectives', 0).condition = { event: 'summit' }),
    'error',
    'objectives[0].condition.event',
    'the id of an event',
    '"summit"',
  ],
  [
    'a red line on an unknown statement',
    (i) => (at(i, 'redLines', 1).statement = 'taiwan'),
    'error',
    'redLines[1].statement',
    'the id of a statement',
    '"taiwan"',
  ],
  [
    'a red line below level 0',
    (i) => (at(i, 'redLines', 0).below = 0),
    'error',
    'redLines[0].below',
    'a level from 1 to 5',
    '0',
  ],
  [
    'a red line past the top',
    (i) => (at(i, 'redLines', 0).below = 6),
    'error',
    'redLines[0].below',
    'a level from 1 to 5',
    '6',
  ],
  [
    'a red line on an instrument without `below`',
    (i) => delete at(i, 'redLines', 0).below,
    'error',
    'redLines[0]',
    '`below`',
    'nothing',
  ],
  [
    'a deadline before the start',
    (i) => ((i.calendar as Row).deadline = '2025-10-01'),
    'error',
    'calendar.deadline',
    'a date after the start (2025-10-10)',
    '2025-10-01',
  ],
  [
    'an event before the start',
    (i) => (at(i, 'events', 0).date = '2025-10-09'),
    'error',
    'events[0].date',
    'a date from 2025-10-10 to 2025-11-13',
    '2025-10-09',
  ],
  [
    'an announcement after the epilogue',
    (i) => (at(i, 'announcements', 0).date = '2025-11-14'),
    'error',
    'announcements[0].date',
    'a date from 2025-10-10 to 2025-11-13',
    '2025-11-14',
  ],
  [
    'a summit after the epilogue',
    (i) => (((i.calendar as Row).summit as Row).date = '2026-01-01'),
    'error',
    'calendar.summit.date',
    'a date from',
    '2026-01-01',
  ],
  [
    'a truce ending after the epilogue',
    (i) => (((i.calendar as Row).truce as Row).end = '2025-12-01'),
    'error',
    'calendar.truce.end',
    'a date from',
    '2025-12-01',
  ],
  [
    'a history step after the epilogue',
    (i) => ((((i.history as Row).steps as Row[])[0] as Row).date = '2025-11-20'),
    'error',
    'history.steps[0].date',
    'a date up to 2025-11-13',
    '2025-11-20',
  ],
  [
    'a source not in the documents',
    (i) => (at(i, 'events', 0).source = '001_86bb7dae6f5c3bde.txt'),
    'error',
    'events[0].source',
    'a file listed in `documents`',
    '"001_86bb7dae6f5c3bde.txt"',
  ],
  [
    'a tiny weight',
    (i) =>
      Object.assign(at(i, 'indicators', 0), { weight: 0.04 }) &&
      Object.assign(at(i, 'indicators', 1), { weight: 0.96 }),
    'warning',
    'indicators[0].weight',
    'a weight of at least 0.05',
    '0.04',
  ],
  [
    'a promise worth nothing to the other side',
    (i) => (at(i, 'commitments', 1).effects = { 'us-capital': -0.5 }),
    'warning',
    'commitments[1].effects',
    "an effect on the other side's indicators",
    'none',
  ],
  [
    'an event that never fires',
    (i) => delete at(i, 'events', 1).condition,
    'warning',
    'events[1]',
    'a `date`, a `condition` or a `chance`',
    'none of them',
  ],
];

describe('checkCrossRefs', () => {
  test.each(cases)('%s', (_n, change, severity, path, expected, found) => {
    const findings = checkCrossRefs(scenarioFrom(change));
    const hit = findings.find((f) => formatPath(f.path) === path);
    expect(hit, JSON.stringify(findings.map(brief))).toBeDefined();
    expect(hit?.severity).toBe(severity);
    expect(hit?.expected).toContain(expected);
    expect(hit?.found).toContain(found);
  });

  test('history may start before the scenario', () => {
    const s = scenarioFrom((i) => ((((i.history as Row).steps as Row[])[0] as Row).date = '2024-01-01'));
    expect(checkCrossRefs(s)).toEqual([]);
  });

  test('an indicator nothing moves is a warning; drift counts as moving', () => {
    const add = (drift: number) =>
      scenarioFrom((i) => {
        list(i, 'indicators').push({
          id: 'cn-spare',
          side: 'cn',
          name: 'Spare',
          start: 50,
          weight: 0.1,
          drift,
          estimate: 'test',
        });
        at(i, 'indicators', 2).weight = 0.5;
      });
    expect(checkCrossRefs(add(0)).map(brief)).toEqual([
      [
        'warning',
        'indicators[4].id',
        expect.stringContaining('something that moves "cn-spare"'),
        expect.any(String),
      ],
    ]);
    expect(checkCrossRefs(add(-0.5))).toEqual([]);
  });

  test('unknown names get a suggestion', () => {
    const f = checkCrossRefs(scenarioFrom((i) => (at(i, 'announcements', 0).instrument = 'soybean')));
    expect(f[0]?.hint).toBe('did you mean "soybeans"?');
    expect(f[0]?.at).toBe('value');
  });

  test('the span counts whole turns to the deadline, then the epilogue', () => {
    const s = scenarioFrom(() => {});
    // 2025-10-10 to 2025-10-30 is 20 days: 3 turns of 7 days, then 2 more.
    expect(scenarioSpan(s)).toMatchObject({ mainTurns: 3, totalTurns: 5 });
  });
});

describe('checkPlayability', () => {
  test('the mini scenario is playable, with and without the no-deal check', () => {
    const s = scenarioFrom(() => {});
    expect(checkPlayability(s)).toEqual([]);
    expect(checkPlayability(s, () => ({ us: 500, cn: 400 }))).toEqual([]);
    expect(logrollItems(s, 'us')).toEqual(['chip-licences', 'taiwan-language', 'us-tariff']);
    expect(logrollItems(s, 'cn')).toEqual(['soy-purchases', 'rare-earths', 'soybeans']);
  });

  test.each<[string, (i: Input) => void, string, string]>([
    [
      'no escalation: every instrument at its top, no announcement',
      (i) => {
        for (const x of list(i, 'instruments')) x.level = (x.levels as unknown[]).length - 1;
        i.announcements = [];
      },
      'sides.us',
      'an escalation for Washington (us)',
    ],
    [
      'no alternatives for a side',
      (i) => (i.alternatives = list(i, 'alternatives').filter((a) => a.side !== 'cn')),
      'sides.cn',
      'a move that builds alternatives for Beijing (cn)',
    ],
    [
      'no logroll item',
      (i) => {
        i.commitments = list(i, 'commitments').filter((c) => c.side !== 'cn');
        for (const x of list(i, 'instruments')) if (x.owner === 'cn') x.concessionCost = 50;
      },
      'sides.cn',
      'a logroll item for Beijing (cn)',
    ],
  ])('%s', (_n, change, path, expected) => {
    const f = checkPlayability(scenarioFrom(change));
    expect(f.map((x) => formatPath(x.path))).toContain(path);
    expect(f.find((x) => formatPath(x.path) === path)?.expected).toContain(expected);
  });

  test('the no-deal loss must be clearly positive for both sides', () => {
    const s = scenarioFrom(() => {});
    const f = checkPlayability(s, () => ({ us: 500, cn: 5 }));
    expect(f.map(brief)).toEqual([
      [
        'error',
        'sides.cn',
        expect.stringContaining('a clearly positive no-deal loss for Beijing (cn): at least 3.1 points'),
        '0.5 points',
      ],
    ]);
    expect(checkPlayability(s, () => ({ us: Number.NaN, cn: 400 }))[0]?.found).toBe('NaN');
  });

  test('an engine that fails is reported, not thrown', () => {
    const f = checkPlayability(
      scenarioFrom(() => {}),
      () => {
        throw new Error('refused a pass');
      },
    );
    expect(f[0]?.found).toContain('refused a pass');
  });
});
