import { describe, expect, test } from 'vitest';
import { stringify } from 'yaml';
import { contentHash } from '../../src/engine/hash.ts';
import { type Diagnostic, formatDiagnostic } from '../../src/scenario/diagnostic.ts';
import { checkWorld, loadScenario, type SourceFile } from '../../src/scenario/load.ts';
import { columnOf, expectWellFormed, fixture, lineOf, miniInput } from './scenario-fixtures.ts';

const pick = (d: Diagnostic) => ({
  line: d.line,
  column: d.column,
  path: d.path,
  expected: d.expected,
  found: d.found,
});

describe('a good file', () => {
  const mini = fixture('mini.yaml');

  test('loads, deep-frozen, in tenths, with its content hash', () => {
    const r = loadScenario([mini]);
    expect(r.ok ? r.warnings : r.errors).toEqual([]);
    if (!r.ok) return;
    const s = r.scenario;
    expect(s.indicators[0]?.start).toBe(600);
    expect(s.instruments[0]?.levels[3]?.effects).toEqual({ 'cn-exports': -30, 'us-industry': -5 });
    expect(Object.isFrozen(s)).toBe(true);
    expect(Object.isFrozen(s.instruments[0]?.levels[3]?.effects)).toBe(true);
    expect(Object.isFrozen(s.history?.outcome.terms[0])).toBe(true);
    expect(() => {
      (s.meta as { title: string }).title = 'changed';
    }).toThrow(TypeError);
    expect(r.hash).toBe(contentHash(s));
    expect(r.hash).toMatch(/^[0-9a-f]{16}$/);
    const again = loadScenario([mini]);
    expect(again.ok && again.hash).toBe(r.hash);
  });

  test('the same scenario in JSON and re-written YAML gives the same hash', () => {
    const r = loadScenario([mini]);
    const json = loadScenario([{ name: 'mini.json', text: JSON.stringify(miniInput(), null, 2) }]);
    const yaml = loadScenario([{ name: 'mini.yml', text: stringify(miniInput()) }]);
    expect(json.ok && yaml.ok && r.ok).toBe(true);
    if (json.ok && yaml.ok && r.ok) {
      expect(json.hash).toBe(r.hash);
      expect(yaml.hash).toBe(r.hash);
    }
  });

  test('locate points at where a field was written', () => {
    const r = loadScenario([mini]);
    if (!r.ok) throw new Error('mini should load');
    const line = lineOf(mini.text, 'id: rare-earths');
    expect(r.locate(['instruments', 1, 'id'])).toEqual({ file: 'mini.yaml', line, column: 9 });
    expect(r.locate(['instruments', 1, 'valve'])).toEqual({ file: 'mini.yaml', line, column: 5 }); // a default
  });
});

describe('a broken file: every error at once, each located', () => {
  test('schema errors', () => {
    const f = fixture('broken-schema.yaml');
    const r = loadScenario([f]);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    r.errors.forEach(expectWellFormed);
    const t = f.text;
    const indicator = lineOf(t, '- id: us-industry');
    expect(r.errors.map(pick)).toEqual([
      {
        line: lineOf(t, 'sigma: twelve'),
        column: 12,
        path: 'sides.us.sigma',
        expected: 'a number above 0 and at most 10',
        found: '"twelve"',
      },
      {
        line: lineOf(t, 'deadline: 2025-02-30'),
        column: 13,
        path: 'calendar.deadline',
        expected: 'a real calendar date',
        found: '"2025-02-30"',
      },
      {
        line: indicator,
        column: 5,
        path: 'indicators[0].weight',
        expected: 'the field `weight` (a number from 0 to 1)',
        found: 'nothing (the field is missing)',
      },
      {
        line: lineOf(t, 'wieght'),
        column: 5,
        path: 'indicators[0].wieght',
        expected:
          'one of the fields id, side, name, start, min, max, weight, alt, altCap, altCreep, drift, source, quote, estimate',
        found: '`wieght`',
      },
      {
        line: lineOf(t, 'start: 65.55'),
        column: 12,
        path: 'indicators[2].start',
        expected: 'a number of points with at most one decimal (e.g. 2.5)',
        found: '65.55',
      },
      {
        line: lineOf(t, 'kind: tarif'),
        column: 11,
        path: 'instruments[0].kind',
        expected: 'one of "tariff", "export-control", "purchase", "regulation" or "other"',
        found: '"tarif"',
      },
    ]);
    expect(r.errors[3]?.message).toContain('did you mean `weight`?');
  });

  test('cross-reference errors', () => {
    const f = fixture('broken-crossref.yaml');
    const r = loadScenario([f]);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    r.errors.forEach(expectWellFormed);
    const t = f.text;
    const l10 = lineOf(t, 'cn-export: -1');
    expect(r.errors.map(pick)).toEqual([
      {
        line: lineOf(t, 'weight: 0.6'),
        column: 13,
        path: 'indicators[2].weight',
        expected: 'the weights of the indicators of Beijing (cn) to sum to 1',
        found: '1.1 (cn-exports 0.6 + cn-face 0.5)',
      },
      {
        line: lineOf(t, 'level: 9'),
        column: 12,
        path: 'instruments[0].level',
        expected: 'a level from 0 to 5 (it has 6 levels)',
        found: '9',
      },
      {
        line: l10,
        column: columnOf(t, l10, 'cn-export:'),
        path: 'instruments[0].levels[1].effects.cn-export',
        expected: 'the id of an indicator',
        found: '"cn-export", which no indicator has',
      },
      {
        line: lineOf(t, 'instrument: us-tarif'),
        column: 17,
        path: 'announcements[0].instrument',
        expected: 'the id of an instrument',
        found: '"us-tarif", which no instrument has',
      },
      {
        line: lineOf(t, 'date: 2025-12-26'),
        column: 11,
        path: 'events[0].date',
        expected: "a date from 2025-10-10 to 2025-11-13 (the scenario's start to the end of its epilogue)",
        found: '2025-12-26',
      },
      {
        line: lineOf(t, '003_48305fd609cb37fd.txt'),
        column: 17,
        path: 'briefings.cn.sources[0].source',
        expected: 'a file listed in `documents`',
        found: '"003_48305fd609cb37fd.txt"',
      },
    ]);
    expect(r.errors[2]?.message).toContain('did you mean "cn-exports"?');
  });

  test('a syntax error in JSON', () => {
    const r = loadScenario([fixture('broken-syntax.json')]);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map(pick)).toEqual([
      {
        line: 5,
        column: 18,
        path: 'meta',
        expected: 'another field after the comma',
        found: 'a trailing comma before `}`',
      },
    ]);
  });

  test('wrong types everywhere in JSON', () => {
    const r = loadScenario([fixture('broken-types.json')]);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    r.errors.forEach(expectWellFormed);
    const by = new Map(r.errors.map((d) => [d.path, d]));
    expect(pick(by.get('version') as Diagnostic)).toEqual({
      line: 3,
      column: 14,
      path: 'version',
      expected: 'a whole number of at least 1',
      found: '"one"',
    });
    expect(by.get('calendar.start')?.expected).toBe('a date as YYYY-MM-DD');
    expect(by.get('calendar.deadline')?.found).toBe('"soon"');
    expect(r.errors.filter((d) => d.path === 'calendar.deadline')).toHaveLength(1);
    expect(by.get('instruments[0].owner')?.expected).toBe('the field `owner` (one of "us" or "cn")');
    expect(by.get('briefings.cn.extra')).toMatchObject({ line: 11, column: 59, found: '`extra`' });
    expect(by.get('indicators')?.expected).toBe('a list of at least 2 items');
    expect(r.errors.length).toBeGreaterThanOrEqual(18);
  });

  test('a condition in none of its forms lists the forms', () => {
    const input = miniInput();
    const events = input.events as Record<string, unknown>[];
    (events[1] as Record<string, unknown>).condition = { when: 'always' };
    const r = loadScenario([{ name: 'c.json', text: JSON.stringify(input) }]);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]?.path).toBe('events[1].condition');
    expect(r.errors[0]?.expected).toMatch(
      /^one of these forms: \{indicator, below, above\}, .*\{event\} or \{commitment, deliveredAtLeast\}$/,
    );
  });

  test('a condition that plainly means one form reports that form only', () => {
    const input = miniInput();
    (input.objectives as Record<string, unknown>[])[0] = {
      ...(input.objectives as Record<string, unknown>[])[0],
      condition: { instrument: 'soybeans', atMost: 'one' },
    };
    const r = loadScenario([{ name: 'c.json', text: JSON.stringify(input) }]);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((d) => [d.path, d.expected, d.found])).toEqual([
      ['objectives[0].condition.atMost', 'a whole number of at least 0', '"one"'],
    ]);
  });

  test('a failed load holds no scenario', () => {
    const r = loadScenario([fixture('broken-schema.yaml')]);
    expect('scenario' in r).toBe(false);
  });
});

describe('formatDiagnostic', () => {
  test('file:line:column path: expected …, found …', () => {
    const d: Diagnostic = {
      severity: 'error',
      file: 'road-to-busan.yaml',
      line: 12,
      column: 7,
      path: 'instruments[2].level',
      expected: 'a level from 0 to 6',
      found: '9',
      message: 'expected a level from 0 to 6, found 9',
    };
    expect(formatDiagnostic(d)).toBe(
      'road-to-busan.yaml:12:7 instruments[2].level: expected a level from 0 to 6, found 9',
    );
    expect(formatDiagnostic({ ...d, severity: 'warning', path: '' })).toBe(
      'road-to-busan.yaml:12:7 expected a level from 0 to 6, found 9 (warning)',
    );
  });
});

describe('which file is loaded', () => {
  const world = fixture('mini-world.yaml');
  const opening = fixture('mini-opening.yaml');

  test('the only opening among files dropped together, or the one named', () => {
    const r = loadScenario([world, opening]);
    expect(r.ok && r.scenario.id).toBe('mini-opening');
    const named = loadScenario([world, opening], { entry: 'mini-world.yaml' });
    expect(named.ok && named.scenario.id).toBe('mini-world');
  });

  test.each<[string, SourceFile[], string | undefined, string]>([
    [
      'two openings',
      [fixture('mini.yaml'), opening, world],
      undefined,
      '2 openings: mini.yaml, mini-opening.yaml',
    ],
    ['only worlds', [world, { ...world, name: 'w2.yaml' }], undefined, 'only worlds'],
    ['a named entry that is not there', [world], 'nope.yaml', 'no file of that name'],
    ['no file at all', [], undefined, 'none'],
  ])('%s is an error', (_n, files, entry, found) => {
    const r = loadScenario(files, entry === undefined ? {} : { entry });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]?.found).toBe(found);
  });

  test('input that is not files at all is an error, not a crash', () => {
    for (const bad of [null, 'x', [{ name: 1, text: 'x' }], [{ name: 'a.yaml' }], [null]]) {
      const r = loadScenario(bad as unknown as SourceFile[]);
      expect(r.ok).toBe(false);
    }
  });
});

describe('warnings', () => {
  test('a tiny weight and an indicator nothing moves are warnings, the scenario still loads', () => {
    const input = miniInput();
    const ind = input.indicators as Record<string, unknown>[];
    ind.push({ id: 'us-spare', side: 'us', name: 'Spare', start: 50, weight: 0.01, estimate: 'a test' });
    (ind[0] as Record<string, unknown>).weight = 0.49;
    const text = stringify(input);
    const r = loadScenario([{ name: 'w.yaml', text }]);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.warnings.map((w) => [w.severity, w.path])).toEqual([
      ['warning', 'indicators[4].id'],
      ['warning', 'indicators[4].weight'],
    ]);
    expect(r.warnings[0]?.line).toBe(lineOf(text, 'id: us-spare'));
  });
});

describe('playability through the loader', () => {
  const mini = fixture('mini.yaml');

  test("a no-deal line that costs a side nothing is an error at that side's definition", () => {
    const r = loadScenario([mini], { noDealLoss: () => ({ us: 0, cn: 900 }) });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((d) => [d.line, d.column, d.path, d.found])).toEqual([
      [lineOf(mini.text, 'name: Washington'), 5, 'sides.us', '0.0 points'],
    ]);
  });

  test('an unplayable scenario is refused unless playability is switched off', () => {
    const input = miniInput();
    input.alternatives = [];
    const file = { name: 'p.json', text: JSON.stringify(input) };
    const r = loadScenario([file]);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.map((d) => d.path)).toEqual(['sides.us', 'sides.cn']);
    expect(loadScenario([file], { playability: false }).ok).toBe(true);
  });
});

describe('checkWorld', () => {
  const world = (text: string): SourceFile => ({ name: 'w.yaml', text: `kind: world\nid: w\n${text}` });

  test('a partial world is checked field by field', () => {
    const input = miniInput();
    const r = checkWorld([
      world(stringify({ instruments: input.instruments, indicators: input.indicators })),
    ]);
    expect(r).toEqual({ ok: true, complete: false, errors: [], warnings: [] });
  });

  test('an error in a partial world is located', () => {
    const text = stringify({ instruments: [{ id: 'x', owner: 'eu', name: 'X', level: 0, levels: [] }] });
    const r = checkWorld([world(text)]);
    expect(r.ok).toBe(false);
    expect(r.errors.map((d) => [d.file, d.path])).toEqual([
      ['w.yaml', 'instruments[0].owner'],
      ['w.yaml', 'instruments[0].levels'],
    ]);
    expect(r.errors[0]?.line).toBe(lineOf(world(text).text, 'owner: eu'));
  });

  test('a complete world is checked as a scenario, cross-references included', () => {
    const ok = checkWorld([fixture('mini-world.yaml')]);
    expect(ok).toMatchObject({ ok: true, complete: true });
    const broken = fixture('mini-world.yaml');
    const r = checkWorld([
      { ...broken, text: broken.text.replace('politics: cn-face', 'politics: us-capital') },
    ]);
    expect(r).toMatchObject({ ok: false, complete: true });
    expect(r.errors[0]?.path).toBe('sides.cn.politics');
  });
});
