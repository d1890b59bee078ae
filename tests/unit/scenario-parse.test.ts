import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { formatOf, locateIn, MAX_CHARS, parseFile } from '../../src/scenario/parse.ts';
import { loadScenarioFile } from '../../tools/scenario-files.ts';

type Case = [
  name: string,
  file: string,
  text: string,
  line: number,
  column: number,
  expected: string,
  found: string,
];

// Each broken text gives one located issue: where, what was expected, what was found.
const broken: Case[] = [
  [
    'trailing comma in a map',
    'a.json',
    '{"a": 1,\n "b": 2,\n}',
    2,
    8,
    'another field after the comma',
    'trailing comma',
  ],
  [
    'trailing comma in a list',
    'a.json',
    '{"a": [1, 2, ]}',
    1,
    12,
    'another item after the comma',
    'trailing comma',
  ],
  ['duplicate key', 'a.json', '{"a": 1,\n  "a": 2}', 2, 3, 'each field only once', '`a` a second time'],
  ['__proto__ key', 'a.json', '{"x": {"__proto__": {}}}', 1, 8, 'other than `__proto__`', '`__proto__`'],
  ['unterminated text', 'a.json', '{"a": "abc', 1, 7, 'closing double quote', 'end of the file'],
  ['line break in text', 'a.json', '{"a": "ab\nc"}', 1, 10, 'before the end of the line', 'line break'],
  ['bad escape', 'a.json', '{"a": "\\x41"}', 1, 8, 'an escape such as', '`\\x`'],
  ['NaN', 'a.json', '{"a": NaN}', 1, 7, 'a JSON value', '`NaN`'],
  ['leading zero', 'a.json', '{"a": 01}', 1, 7, 'a number such as', '`01`'],
  ['number too large', 'a.json', '{"a": 1e400}', 1, 7, 'a number of a usable size', '`1e400`'],
  ['comment', 'a.json', '{\n  // no\n}', 2, 3, 'a field name in double quotes', 'a comment'],
  ['single quotes', 'a.json', "{'a': 1}", 1, 2, 'a field name in double quotes', 'single quote'],
  ['text after the value', 'a.json', '{"a": 1} {}', 1, 10, 'the end of the file', '`{`'],
  ['missing colon', 'a.json', '{"a" 1}', 1, 6, 'a colon', '`1`'],
  ['empty JSON', 'a.json', '  \n ', 2, 2, 'a scenario', 'an empty file'],
  ['lone surrogate', 'a.json', '{"a": "\\ud83d"}', 1, 7, 'broken Unicode', 'surrogate'],
  ['escaped control character', 'a.json', '{"a": "\\u0007"}', 1, 7, 'control characters', 'U+0007'],
  [
    'JSON nested too deep',
    'a.json',
    `{"a": ${'['.repeat(70)}${']'.repeat(70)}}`,
    1,
    70,
    'at most 64 levels',
    'deeper nesting',
  ],
  [
    'YAML duplicate key',
    'a.yaml',
    'a: 1\nb:\n  c: 1\n  c: 2\n',
    4,
    3,
    'each field only once',
    '`c` a second time',
  ],
  [
    'YAML __proto__ key',
    'a.yaml',
    'a:\n  __proto__: {x: 1}\n',
    2,
    3,
    'other than `__proto__`',
    '`__proto__`',
  ],
  ['YAML tab indentation', 'a.yaml', 'a:\n\tb: 1\n', 2, 1, 'spaces for indentation', 'a tab'],
  ['YAML unknown tag', 'a.yaml', 'a: !thing x\n', 1, 4, 'without a `!tag`', '`!thing`'],
  ['YAML two documents', 'a.yaml', 'a: 1\n---\nb: 2\n', 2, 1, 'one YAML document', 'a second document'],
  ['YAML unknown alias', 'a.yaml', 'a: 1\nb: *x\n', 2, 4, 'an alias to an anchor', '`*x`'],
  ['YAML control character', 'a.yaml', 'a: "x\\x01"\n', 1, 4, 'control characters', 'U+0001'],
  ['YAML lone surrogate', 'a.yaml', 'a: "\\ud800"\n', 1, 4, 'broken Unicode', 'surrogate'],
  ['YAML complex key', 'a.yaml', '? [a]\n: 1\n', 1, 3, 'a field name of plain text', 'a list, a map'],
  ['YAML flow nesting', 'a.yaml', `a: ${'['.repeat(300)}`, 1, 260, 'at most 64 levels', 'deeper nesting'],
  ['YAML block nesting', 'a.yaml', `${'- '.repeat(70)}x\n`, 1, 129, 'at most 64 levels', 'deeper nesting'],
  [
    'YAML alias bomb',
    'a.yaml',
    `a: &a [x, x]\n${Array.from({ length: 60 }, (_, i) => `b${i}: [*a, *a]`).join('\n')}\n`,
    52,
    7,
    'at most 100 aliases',
    'alias bomb',
  ],
  ['YAML empty', 'a.yaml', '# only a comment\n', 1, 1, 'a scenario', 'an empty file'],
  ['unknown extension', 'a.txt', 'a: 1', 1, 1, '.yaml, .yml or .json', '`a.txt`'],
];

describe('parseFile: broken text gives a located issue', () => {
  test.each(broken)('%s', (_n, file, text, line, column, expected, found) => {
    const r = parseFile(file, text);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const first = r.issues[0];
    expect(first).toBeDefined();
    expect({ line: first?.line, column: first?.column }).toEqual({ line, column });
    expect(first?.expected).toContain(expected);
    expect(first?.found).toContain(found);
  });
});

describe('parseFile: good text', () => {
  test.each([
    ['a.json', '{"a": {"b": [1, 2.5, -3e2, "x\\n\\u00e9"]}, "c": null, "d": true}'],
    ['a.yaml', 'a:\n  b: [1, 2.5, -3e2, "x\\né"]\nc: ~\nd: true\n'],
    ['a.yml', 'a: {b: [1, 2.5, -300, "x\\né"]}\nc:\nd: true\n'],
  ])('%s gives the same value', (file, text) => {
    const r = parseFile(file, text);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(JSON.parse(JSON.stringify(r.value))).toEqual({
      a: { b: [1, 2.5, -300, 'x\né'] },
      c: null,
      d: true,
    });
  });

  test('maps have no prototype; `constructor` and `prototype` are ordinary keys', () => {
    for (const [file, text] of [
      ['a.json', '{"constructor": {"prototype": 1}, "toString": 2}'],
      ['a.yaml', 'constructor:\n  prototype: 1\ntoString: 2\n'],
    ] as const) {
      const r = parseFile(file, text);
      expect(r.ok).toBe(true);
      if (!r.ok) continue;
      expect(Object.getPrototypeOf(r.value)).toBe(null);
      expect(JSON.stringify(r.value)).toBe('{"constructor":{"prototype":1},"toString":2}');
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  test('positions of values and of field names, 1-based; missing paths fall back to the nearest ancestor', () => {
    const text = 'meta:\n  title: Busan\nlist:\n  - id: a\n    n: 3\n';
    const r = parseFile('a.yaml', text);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(locateIn(r.spots, ['meta', 'title'])).toEqual({ line: 2, column: 10 });
    expect(r.spots.get(JSON.stringify(['meta', 'title']))).toMatchObject({ keyLine: 2, keyColumn: 3 });
    expect(locateIn(r.spots, ['list', 0, 'n'])).toEqual({ line: 5, column: 8 });
    expect(locateIn(r.spots, ['list', 0, 'missing', 'deeper'])).toEqual({ line: 4, column: 5 });
    expect(locateIn(r.spots, ['nothing'])).toEqual({ line: 1, column: 1 });

    const j = parseFile('a.json', '{\n  "meta": {\n    "title": "Busan"\n  },\n  "list": [{"id": "a"}]\n}');
    expect(j.ok).toBe(true);
    if (!j.ok) return;
    expect(locateIn(j.spots, ['meta', 'title'])).toEqual({ line: 3, column: 14 });
    expect(locateIn(j.spots, ['list', 0, 'id'])).toEqual({ line: 5, column: 19 });
    expect(locateIn(j.spots, ['list', 0, 'gone'])).toEqual({ line: 5, column: 12 });
  });

  test('a byte-order mark at the start is ignored, elsewhere it is an error', () => {
    expect(parseFile('a.json', '\uFEFF{"a": 1}').ok).toBe(true);
    expect(parseFile('a.yaml', '\uFEFFa: 1\n').ok).toBe(true);
    expect(parseFile('a.json', '{"a": 1}\uFEFF').ok).toBe(false);
  });

  test('YAML numbers, nulls and plain dates stay plain values', () => {
    const r = parseFile('a.yaml', 'a: 0x10\nb: 2025-10-30\nc: yes\nd: .nan\n');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const v = r.value as Record<string, unknown>;
    expect(v.a).toBe(16);
    expect(v.b).toBe('2025-10-30');
    expect(v.c).toBe('yes');
    expect(Number.isNaN(v.d)).toBe(true);
  });

  test('a few aliases are fine and expand into copies', () => {
    const r = parseFile('a.yaml', 'a: &e {x: 1}\nb: *e\n');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const v = r.value as Record<string, Record<string, number>>;
    expect(v.b).toEqual({ x: 1 });
    expect(v.b).not.toBe(v.a);
    expect(locateIn(r.spots, ['b'])).toEqual({ line: 2, column: 4 });
  });
});

describe('limits', () => {
  test('a file over the size limit is refused at once', () => {
    for (const file of ['big.yaml', 'big.json']) {
      const r = parseFile(file, `a: "${'x'.repeat(MAX_CHARS)}"`);
      expect(r.ok).toBe(false);
      if (!r.ok)
        expect(r.issues[0]).toMatchObject({ line: 1, column: 1, expected: 'a file of at most 2 MB' });
    }
  });

  test.each([
    ['lines', 'k: v\n'.repeat(60_000), 'at most 50000 lines'],
    ['tokens on a line', `a: [${'x, '.repeat(3000)}]\n`, 'YAML tokens on one line'],
    ['tokens', `${'*a *a *a *a *a *a *a *a *a *a\n'.repeat(12_000)}`, 'at most 200000 YAML tokens'],
    ['repeated anchors', `a: ${'&x '.repeat(10)}v\n`, 'at most one anchor'],
  ])('too many %s: refused quickly', (_n, text, expected) => {
    const r = parseFile('a.yaml', text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0]?.expected).toContain(expected);
  });

  // The reader once stopped at 50 problems; it now keeps the first 1,000 and counts the rest, and
  // the loader lists the first 50 and counts the rest (scenario-limits.test.ts).
  test('JSON: at most 100000 values, and every problem of a value kept', () => {
    const many = parseFile('a.json', `[${'1,'.repeat(120_000)}1]`);
    expect(many.ok).toBe(false);
    if (!many.ok) expect(many.issues[0]?.expected).toContain('at most 100000 values');
    const dups = parseFile('a.json', `{${Array.from({ length: 500 }, () => '"a": 1').join(',')}}`);
    expect(dups.ok).toBe(false);
    if (!dups.ok) expect(dups.issues).toHaveLength(499);
  });
});

test('formatOf reads the extension', () => {
  expect(formatOf('x.yaml')).toBe('yaml');
  expect(formatOf('X.YML')).toBe('yaml');
  expect(formatOf('x.json')).toBe('json');
  expect(formatOf('x.yaml.txt')).toBeUndefined();
});

describe('parseFile: a text read again', () => {
  test('gives the very same result, by its own format', () => {
    const text = '{"a": 1}';
    expect(parseFile('x.json', text)).toBe(parseFile('y.json', text));
    const yaml = parseFile('x.yaml', text);
    expect(yaml).not.toBe(parseFile('x.json', text));
    expect(parseFile('z.yml', text)).toBe(yaml);
  });

  test('is not changed by loading the opening that extends it', () => {
    const dir = join(import.meta.dirname, '..', '..', 'scenarios');
    const world = readFileSync(join(dir, 'world-2025.yaml'), 'utf8');
    const before = parseFile('scenarios/world-2025.yaml', world);
    if (!before.ok) throw new Error('the shipped world does not parse');
    const value = structuredClone(before.value);
    const spots = [...before.spots];
    loadScenarioFile(join(dir, 'road-to-busan.yaml'));
    const after = parseFile('scenarios/world-2025.yaml', world);
    expect(after).toBe(before);
    expect(before.value).toEqual(value);
    expect([...before.spots]).toEqual(spots);
  });
});
