// The limits a scenario must stay within (src/scenario/limits.ts), the cap on the problems listed,
// shortened quotes, line endings of every kind, and the warnings for conditions that can never
// hold. Each hostile case is refused with a located error naming its file, and a sentence.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { stringify } from 'yaml';
import {
  capDiagnostics,
  type Diagnostic,
  formatDiagnostic,
  formatPath,
  shorten,
} from '../../src/scenario/diagnostic.ts';
import {
  LIMITS,
  LIST_LIMITS,
  MAX_NUMBER,
  MAX_REPORTED,
  MAX_SPAN_DAYS,
  MAX_TEXT,
  MAX_TURNS,
} from '../../src/scenario/limits.ts';
import { type LoadResult, loadScenario, type SourceFile } from '../../src/scenario/load.ts';
import { parseFile } from '../../src/scenario/parse.ts';
import { resolverFor, shippedDir, shippedOpenings } from '../../tools/scenario-files.ts';
import { expectWellFormed, fixture, HOSTILE, lineOf, miniInput, SCENARIOS } from './scenario-fixtures.ts';

const hostile = (name: string): SourceFile => ({ name, text: readFileSync(join(HOSTILE, name), 'utf8') });

/** The load's errors, each well formed and naming the file; fails the test if it loaded. */
function refused(r: LoadResult, file: string): Diagnostic[] {
  expect(r.ok).toBe(false);
  if (r.ok) return [];
  expect(r.errors.length).toBeGreaterThan(0);
  for (const d of r.errors) {
    expectWellFormed(d);
    expect(d.file).toBe(file);
  }
  return r.errors;
}

/** mini.yaml with `change` applied, as a YAML file. */
function mini(change: (m: Record<string, unknown>) => void, name = 'm.yaml'): SourceFile {
  const m = miniInput();
  change(m);
  return { name, text: stringify(m) };
}

const calendar = (m: Record<string, unknown>) => m.calendar as Record<string, unknown>;

describe('a game a class can finish', () => {
  test('a calendar to the year 9999 in one-day turns: refused at the deadline, in a sentence', () => {
    const errors = refused(loadScenario([hostile('calendar-9999.yaml')]), 'calendar-9999.yaml');
    const text = hostile('calendar-9999.yaml').text;
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({
      line: lineOf(text, 'deadline: 9999-12-31'),
      column: 13,
      path: 'calendar.deadline',
      expected: `a game of at most ${MAX_TURNS} turns, one a class can finish (fewer or longer turns, or an earlier deadline)`,
      found: '2,912,527 turns: 2,912,525 turns of 1 day from 2025-10-10 to 9999-12-31, then 2 more',
    });
  });

  test(`${MAX_TURNS} turns in all load; one more is refused`, () => {
    // 7-day turns from 10 October 2025: 58 turns of talks to 2026-11-20, then the 2 of the epilogue.
    const at = (deadline: string) =>
      mini((m) => {
        calendar(m).deadline = deadline;
      });
    expect(loadScenario([at('2026-11-20')]).ok).toBe(true);
    const errors = refused(loadScenario([at('2026-11-21')]), 'm.yaml');
    expect(errors.map((d) => [d.path, d.found])).toEqual([
      ['calendar.deadline', '61 turns: 59 turns of 7 days from 2025-10-10 to 2026-11-21, then 2 more'],
    ]);
  });

  test(`a calendar over ${MAX_SPAN_DAYS} days is refused even in few turns`, () => {
    const f = mini((m) => {
      Object.assign(calendar(m), { turnDays: 60, deadline: '2028-12-01' });
    });
    const errors = refused(loadScenario([f]), 'm.yaml');
    expect(errors.map((d) => [d.path, d.expected, d.found])).toEqual([
      [
        'calendar.deadline',
        `a calendar of at most ${MAX_SPAN_DAYS.toLocaleString('en-US')} days (three years) from the start to the end of the epilogue`,
        '1,320 days',
      ],
    ]);
  });
});

describe('lists, texts, names and numbers', () => {
  test('a list over its limit is one problem, not one per entry', () => {
    const f = mini((m) => {
      m.events = Array.from({ length: 250 }, (_, i) => ({ id: `e${i}`, title: 7, text: [] }));
    });
    const errors = refused(loadScenario([f]), 'm.yaml');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({
      path: 'events',
      expected: `a list of at most ${LIST_LIMITS.events} entries`,
      found: '250 entries',
    });
  });

  test('a list under a field named like an object property is held to the general limit', () => {
    const text = JSON.stringify({ id: 'odd', constructor: Array.from({ length: 150 }, (_, i) => i) });
    const errors = refused(loadScenario([{ name: 'odd.json', text }]), 'odd.json');
    expect(errors.map((d) => [d.path, d.found])).toEqual([['constructor', '150 entries']]);
  });

  test('a map over its limit (an effects map of 150 indicators)', () => {
    const f = mini((m) => {
      const effects = Object.fromEntries(Array.from({ length: 150 }, (_, i) => [`x${i}`, 1]));
      (m.statements as Record<string, unknown>[])[0]!.effects = effects;
    });
    const errors = refused(loadScenario([f]), 'm.yaml');
    expect(errors.map((d) => [d.path, d.found])).toEqual([['statements[0].effects', '150 fields']]);
  });

  test('a text over the limit: located, with its length', () => {
    const errors = refused(loadScenario([hostile('long-text.yaml')]), 'long-text.yaml');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({
      path: 'documents[0].outlet',
      line: lineOf(hostile('long-text.yaml').text, 'outlet:'),
      expected: `text of at most ${MAX_TEXT.toLocaleString('en-US')} characters`,
      found: 'text of 7,700 characters',
    });
  });

  test('NaN, infinity and 1e300 are refused where they were written', () => {
    const text = hostile('huge-points.yaml').text;
    const errors = refused(loadScenario([hostile('huge-points.yaml')]), 'huge-points.yaml');
    const by = new Map(errors.map((d) => [d.path, d]));
    expect(by.get('instruments[0].levels[1].effects.cn-exports')).toMatchObject({
      line: lineOf(text, '-1e300'),
      expected: `a number from −${MAX_NUMBER.toLocaleString('en-US')} to ${MAX_NUMBER.toLocaleString('en-US')}`,
      found: '-1e+300',
    });
    expect(by.get('indicators[0].start')).toMatchObject({
      line: lineOf(text, '.nan'),
      found: 'NaN (not a number)',
    });
    expect(by.get('params.tension.crisis')).toMatchObject({ line: lineOf(text, '.inf'), found: 'infinity' });
    expect(errors).toHaveLength(3);
  });

  test('1e300 in JSON, where the schema sets no bound (a level), is refused too', () => {
    const m = miniInput();
    (m.instruments as Record<string, unknown>[])[0]!.level = 1e300;
    const errors = refused(loadScenario([{ name: 'm.json', text: JSON.stringify(m) }]), 'm.json');
    expect(errors.map((d) => [d.path, d.found])).toEqual([['instruments[0].level', '1e+300']]);
  });

  test('a megabyte-long key is quoted by its first 40 characters, never whole', () => {
    const key = 'k'.repeat(1024 * 1024);
    const text = `{"id": "big-key", "meta": {"${key}": 1}}`;
    const errors = refused(loadScenario([{ name: 'k.json', text }]), 'k.json');
    const mine = errors.filter((d) => d.path.startsWith('meta['));
    expect(mine.length).toBeGreaterThan(0);
    for (const d of errors) expect(formatDiagnostic(d).length).toBeLessThan(1000);
    expect(mine[0]?.found).toBe(`\`${'k'.repeat(40)}… (1,048,576 characters)\``);
    // And a key repeated: the parser's own message shortens it too.
    const twice = `{"${key}": 1, "${key}": 2}`;
    const dup = refused(loadScenario([{ name: 'd.json', text: twice }]), 'd.json');
    for (const d of dup) expect(formatDiagnostic(d).length).toBeLessThan(1000);
  });

  test('shorten keeps whole characters and says how long the text was', () => {
    expect(shorten('short')).toBe('short');
    expect(shorten('x'.repeat(50))).toBe(`${'x'.repeat(40)}…`);
    expect(shorten('😀'.repeat(41))).toBe(`${'😀'.repeat(40)}…`);
    expect(shorten('y'.repeat(200))).toBe(`${'y'.repeat(40)}… (200 characters)`);
    expect(formatPath(['meta', 'z'.repeat(200)])).toBe(`meta["${'z'.repeat(40)}… (200 characters)"]`);
  });

  test('the file size counts bytes: 1.1 million two-byte characters are over 2 MB', () => {
    const text = `id: wide\nmeta: {summary: "${'é'.repeat(1_100_000)}"}\n`;
    const errors = refused(loadScenario([{ name: 'wide.yaml', text }]), 'wide.yaml');
    expect(errors[0]).toMatchObject({
      line: 1,
      column: 1,
      expected: 'a file of at most 2 MB',
      found: '2.1 MB',
    });
  });

  test("the guide's table states every limit", () => {
    const guide = readFileSync(join(import.meta.dirname, '..', '..', 'docs', 'authoring.md'), 'utf8');
    for (const l of LIMITS) expect(guide).toContain(`| ${l.what} | ${l.limit} | ${l.why} |`);
  });
});

describe('at most 50 problems listed, the rest counted', () => {
  test('a thousand repeated keys: the first 50 and "and 949 more errors of the same kinds"', () => {
    const r = loadScenario([hostile('repeated-keys.json')]);
    const errors = refused(r, 'repeated-keys.json');
    expect(errors).toHaveLength(MAX_REPORTED);
    expect(r.ok ? undefined : r.more).toBe('and 949 more errors of the same kinds');
  });

  test('25,000 problems: the same, and the count is exact', () => {
    const text = `{"id": "many", ${Array.from({ length: 25_000 }, () => '"meta": 1').join(', ')}}`;
    const r = loadScenario([{ name: 'many.json', text }]);
    refused(r, 'many.json');
    expect(r.ok ? undefined : r.more).toBe('and 24,949 more errors of the same kinds');
  });

  test('the reader keeps 1,000 problems and counts the rest, but keeps a problem of a new kind', () => {
    const text = `{${Array.from({ length: 1500 }, () => '"a": 1').join(', ')}, "b": "\\u0001"}`;
    const r = parseFile('a.json', text);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues).toHaveLength(1001);
    expect(r.unlisted).toBe(499);
    expect(r.issues.at(-1)?.found).toBe('the control character U+0001');
    const load = loadScenario([{ name: 'a.json', text }]);
    expect(load.ok ? undefined : load.more).toBe('and 1,450 more errors of the same kinds');
  });

  test('the first of each kind is listed before more of a kind already shown', () => {
    const d = (n: number, expected: string): Diagnostic => ({
      severity: 'error',
      file: 'f.yaml',
      line: n,
      column: 1,
      path: '',
      expected,
      found: 'x',
      message: `expected ${expected}, found x`,
    });
    const many = [
      ...Array.from({ length: 60 }, (_, i) => d(i + 1, `a date from 2025-01-${i} to 2026`)),
      d(61, 'a rarer thing'),
    ];
    const c = capDiagnostics(many, [], 50);
    expect(c.errors).toHaveLength(50);
    expect(c.errors.at(-1)?.expected).toBe('a rarer thing');
    expect(c.more).toBe('and 11 more errors of the same kinds');
    const letters = (i: number) => String.fromCharCode(97 + Math.floor(i / 26), 97 + (i % 26));
    const someKinds = Array.from({ length: 55 }, (_, i) => d(i + 1, `kind ${letters(i % 26)}`));
    expect(capDiagnostics([], someKinds, 50).more).toBe('and 5 more warnings of the same kinds');
    const allKinds = Array.from({ length: 55 }, (_, i) => d(i + 1, `kind ${letters(i)}`));
    expect(capDiagnostics(allKinds, [], 50).more).toBe('and 5 more errors of these kinds and 5 others');
    expect(capDiagnostics([], [], 50).more).toBeUndefined();
  });
});

describe('line endings of every kind', () => {
  const lf = hostile('crlf.yaml').text.replaceAll('\r\n', '\n');
  test.each([
    ['cr-only.yaml', '\r'],
    ['crlf.yaml', '\r\n'],
  ])('%s: read as lines, the error on the line an editor shows', (name, ending) => {
    const f = hostile(name);
    expect(f.text.includes(ending)).toBe(true);
    const errors = refused(loadScenario([f]), name);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({
      path: 'sides.us.sigma',
      line: lineOf(lf, 'sigma: twelve'),
      column: 12,
    });
  });

  test('JSON with CR-only line endings: located on its line', () => {
    const text = '{\r"id": "cr",\r"version": "one"\r}';
    const errors = refused(loadScenario([{ name: 'cr.json', text }]), 'cr.json');
    expect(errors.find((d) => d.path === 'version')).toMatchObject({ line: 3, column: 12 });
  });
});

describe('conditions that can hold', () => {
  test('events that never fire by themselves, and an objective never met, are warned of by name', () => {
    const r = loadScenario([fixture('never-fires.yaml')]);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const text = fixture('never-fires.yaml').text;
    const found = r.warnings
      .filter((w) => w.expected.startsWith('a condition that can hold') || w.path.endsWith('chance'))
      .map((w) => [w.line, w.path, w.found]);
    expect(found).toEqual([
      [
        lineOf(text, 'condition: { event: echo }'),
        'events[2].condition.event',
        '"echo" waits for itself to have fired',
      ],
      [
        lineOf(text, 'condition: { event: egg }'),
        'events[3].condition.event',
        'a circle of events, each waiting for the next to have fired: "chicken" → "egg" → "chicken"',
      ],
      [
        lineOf(text, 'condition: { event: chicken }'),
        'events[4].condition.event',
        'a circle of events, each waiting for the next to have fired: "egg" → "chicken" → "egg"',
      ],
      [
        lineOf(text, 'above: 70, below: 30'),
        'events[5].condition',
        'above 70 and below 30 on "us-industry", which no value is',
      ],
      [
        lineOf(text, 'cn-face, above: 100'),
        'events[6].condition',
        'above 100 on "cn-face", which never goes above 100',
      ],
      [lineOf(text, 'chance: 0'), 'events[7].chance', '0'],
      [
        lineOf(text, 'condition: { event: echo }', lineOf(text, 'condition: { event: echo }')),
        'events[8].condition.event',
        'it waits for "echo", which never fires by itself ("after-echo" → "echo" → "echo")',
      ],
      [
        lineOf(text, 'tension: { below: 0 }'),
        'objectives[1].condition',
        'below 0 on tension, which never goes below 0',
      ],
    ]);
    for (const w of r.warnings.filter((x) => x.path.startsWith('events['))) {
      const id = /"([a-z-]+)"/.exec(w.expected)?.[1];
      if (w.expected.startsWith('a condition') || w.path.endsWith('chance')) expect(id).toBeDefined();
    }
  });

  test('the shipped scenarios and the long fixture have no such warning', () => {
    const paths = [
      ...shippedOpenings().map((n) => join(shippedDir, n)),
      join(SCENARIOS, 'long-campaign.yaml'),
    ];
    for (const path of paths) {
      const r = loadScenario([{ name: path, text: readFileSync(path, 'utf8') }], {
        resolveWorld: resolverFor(path, []),
        playability: false,
      });
      expect(r.ok).toBe(true);
      if (r.ok) expect(r.warnings.filter((w) => w.expected.includes('can hold'))).toEqual([]);
    }
  });
});
