import { describe, expect, test } from 'vitest';
import { loadScenario } from '../../src/scenario/load.ts';
import {
  type LocatedDoc,
  mergeDocs,
  type Origins,
  originOf,
  removeIds,
  resolveFile,
  type SourceFile,
} from '../../src/scenario/merge.ts';
import { parseFile } from '../../src/scenario/parse.ts';
import { expectWellFormed, fixture, lineOf } from './scenario-fixtures.ts';

function doc(name: string, text: string): LocatedDoc {
  const r = parseFile(name, text);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  const origins: Origins = new Map();
  for (const [k, s] of r.spots) origins.set(k, { ...s, file: name });
  return { value: r.value, origins };
}

const plain = (v: unknown) => JSON.parse(JSON.stringify(v));

describe('merge rules', () => {
  test.each([
    ['maps merge key by key', 'a: {x: 1, y: 2}', 'a: {y: 3, z: 4}', { a: { x: 1, y: 3, z: 4 } }],
    ['scalars replace', 'a: 1\nb: text', 'a: 2', { a: 2, b: 'text' }],
    ['a value of another type replaces', 'a: {x: 1}', 'a: [1]', { a: [1] }],
    [
      'lists with ids merge by id; new ids are appended',
      'l: [{id: a, v: 1, w: 1}, {id: b, v: 2}]',
      'l: [{id: b, v: 3}, {id: c, v: 4}]',
      {
        l: [
          { id: 'a', v: 1, w: 1 },
          { id: 'b', v: 3 },
          { id: 'c', v: 4 },
        ],
      },
    ],
    ['lists without ids replace', 'l: [1, 2, 3]', 'l: [4]', { l: [4] }],
    [
      'lists of maps without ids replace',
      'l: [{label: a}, {label: b}]',
      'l: [{label: c}]',
      { l: [{ label: 'c' }] },
    ],
    ['an empty list leaves a list with ids alone', 'l: [{id: a}]', 'l: []', { l: [{ id: 'a' }] }],
    ['a list with ids replaces one without', 'l: [1]', 'l: [{id: a}]', { l: [{ id: 'a' }] }],
    [
      'nested maps inside merged entries',
      'l: [{id: a, e: {x: 1}}]',
      'l: [{id: a, e: {y: 2}}]',
      { l: [{ id: 'a', e: { x: 1, y: 2 } }] },
    ],
  ])('%s', (_n, world, opening, expected) => {
    expect(plain(mergeDocs(doc('w.yaml', world), doc('o.yaml', opening)).value)).toEqual(expected);
  });

  test('every merged value remembers the file and place it was written', () => {
    const w = 'l:\n  - id: a\n    v: 1\n  - id: b\n    v: 2\nm: {x: 1}\n';
    const o = 'l:\n  - id: c\n    v: 4\n  - id: a\n    v: 9\n';
    const merged = mergeDocs(doc('w.yaml', w), doc('o.yaml', o));
    const at = (path: (string | number)[]) => {
      const hit = originOf(merged.origins, path)?.origin;
      return `${hit?.file}:${hit?.line}:${hit?.column}`;
    };
    expect(at(['l', 0, 'v'])).toBe('o.yaml:5:8'); // a's v, overridden
    expect(at(['l', 0])).toBe('w.yaml:2:5'); // a itself was defined in the world
    expect(at(['l', 0, 'id'])).toBe('o.yaml:4:9'); // a's id, in both: the opening's copy wins
    expect(at(['l', 1, 'v'])).toBe('w.yaml:5:8'); // b, untouched
    expect(at(['l', 2, 'v'])).toBe('o.yaml:3:8'); // c, appended after the world's entries
    expect(at(['m', 'x'])).toBe('w.yaml:6:8');
    expect(at(['m', 'missing'])).toBe('w.yaml:6:4'); // nearest ancestor
    expect(at([])).toBe('o.yaml:1:1'); // the root belongs to the extending file
  });

  test('removeIds drops entries from every id-keyed list and re-indexes their places', () => {
    const d = doc('w.yaml', 'l:\n  - id: a\n  - id: b\nk:\n  deep: [{id: a}, {id: c}]\nplain: [a, b]\n');
    const r = removeIds(d, new Set(['a', 'zz']));
    expect(plain(r.doc.value)).toEqual({ l: [{ id: 'b' }], k: { deep: [{ id: 'c' }] }, plain: ['a', 'b'] });
    expect([...r.found]).toEqual(['a']);
    expect(originOf(r.doc.origins, ['l', 0, 'id'])?.origin.line).toBe(3);
  });
});

describe('resolving extends', () => {
  const world: SourceFile = {
    name: 'w.yaml',
    text: 'kind: world\nid: w\nmeta: {title: W}\nl: [{id: a}, {id: b}]\n',
  };

  test('a world among the files given, and through the resolver', () => {
    const opening: SourceFile = { name: 'o.yaml', text: 'extends: w\nremove: [b]\nmeta: {minutes: 5}\n' };
    const expected = { id: 'w', meta: { title: 'W', minutes: 5 }, l: [{ id: 'a' }] };
    const given = resolveFile(opening, [opening, world], undefined);
    expect(given.errors).toEqual([]);
    expect(plain(given.doc?.value)).toEqual(expected);
    expect(given.header).toEqual({ extends: 'w', remove: ['b'] });
    const resolved = resolveFile(opening, [opening], (id) => (id === 'w' ? world : undefined));
    expect(plain(resolved.doc?.value)).toEqual(expected);
  });

  type Case = [
    name: string,
    files: SourceFile[],
    file: string,
    line: number,
    column: number,
    expected: string,
    found: string,
  ];
  const cases: Case[] = [
    [
      'a missing world, with a suggestion',
      [{ name: 'o.yaml', text: 'extends: ww\n' }, world],
      'o.yaml',
      1,
      10,
      'the id of a world',
      '"ww", which no world has',
    ],
    [
      'a cycle through two files',
      [
        { name: 'a.yaml', text: 'kind: world\nid: a\nextends: b\n' },
        { name: 'b.yaml', text: 'kind: world\nid: b\nextends: a\n' },
      ],
      'b.yaml',
      3,
      10,
      'does not extend this file back',
      'a.yaml → b.yaml → a.yaml',
    ],
    [
      'a file extending itself',
      [{ name: 's.yaml', text: 'id: s\nextends: s\n' }],
      's.yaml',
      2,
      10,
      'does not extend',
      's.yaml → s.yaml',
    ],
    [
      'remove without extends',
      [{ name: 'r.yaml', text: 'id: r\nremove: [a]\n' }],
      'r.yaml',
      2,
      9,
      '`remove` only in a file that `extends`',
      'no `extends`',
    ],
    [
      'an unknown kind',
      [{ name: 'k.yaml', text: 'kind: planet\n' }],
      'k.yaml',
      1,
      7,
      '"world" or "opening"',
      '"planet"',
    ],
    [
      'extends that is not text',
      [{ name: 'e.yaml', text: 'extends: [w]\n' }, world],
      'e.yaml',
      1,
      10,
      'the id of a world',
      'a list of 1 item',
    ],
    [
      'remove that is not a list',
      [{ name: 'e.yaml', text: 'extends: w\nremove: b\n' }, world],
      'e.yaml',
      2,
      9,
      'a list of ids',
      '"b"',
    ],
    [
      'two worlds with one id',
      [{ name: 'o.yaml', text: 'extends: w\n' }, world, { ...world, name: 'w2.yaml' }],
      'w2.yaml',
      2,
      5,
      'one world with the id "w"',
      'another in w.yaml',
    ],
    [
      'an unreadable file may be the missing world: its errors are shown',
      [
        { name: 'o.yaml', text: 'extends: w\n' },
        { name: 'w.json', text: '{"id": "w",}' },
      ],
      'w.json',
      1,
      11,
      'another field after the comma',
      'trailing comma',
    ],
  ];
  test.each(cases)('%s', (_n, files, file, line, column, expected, found) => {
    const entry = files[0];
    if (!entry) throw new Error('no entry');
    const r = resolveFile(entry, files, undefined);
    expect(r.doc).toBeUndefined();
    const d = r.errors.find((e) => e.file === file);
    expect(d).toBeDefined();
    if (!d) return;
    expectWellFormed(d);
    expect({ line: d.line, column: d.column }).toEqual({ line, column });
    expect(d.expected).toContain(expected);
    expect(d.found).toContain(found);
  });

  test('the suggestion names the closest world id', () => {
    const r = resolveFile({ name: 'o.yaml', text: 'extends: ww\n' }, [world], undefined);
    expect(r.errors[0]?.message).toContain('did you mean "w"?');
  });

  test('removing an id the world does not have is a located warning', () => {
    const opening: SourceFile = { name: 'o.yaml', text: 'extends: w\nremove:\n  - a\n  - zz\n' };
    const r = resolveFile(opening, [opening, world], undefined);
    expect(r.errors).toEqual([]);
    expect(r.warnings).toHaveLength(1);
    expect(r.warnings[0]).toMatchObject({
      severity: 'warning',
      file: 'o.yaml',
      line: 4,
      column: 5,
      path: 'remove[1]',
    });
  });
});

describe('the mini world and opening', () => {
  const world = fixture('mini-world.yaml');
  const opening = fixture('mini-opening.yaml');

  test('load merged, as files dropped together or through the resolver', () => {
    const r = loadScenario([opening, world]);
    expect(r.ok ? r.warnings : r.errors).toEqual([]);
    if (!r.ok) return;
    const s = r.scenario;
    expect(s.id).toBe('mini-opening');
    expect(s.meta).toMatchObject({ title: 'Mini opening', minutes: 20, period: 'October 2025' });
    expect(s.sides.us).toMatchObject({ resolve: 0.7, sigma: 1.2, name: 'Washington' });
    expect(s.instruments.map((i) => i.id)).toEqual(['us-tariff', 'rare-earths', 'soybeans']);
    expect(s.instruments[0]).toMatchObject({ level: 4, name: 'US tariff on Chinese goods' });
    expect(s.instruments[2]?.levels.map((l) => l.label)).toEqual(['normal', 'halved', 'boycott']);
    expect(s.events.map((e) => e.id)).toEqual(['malaysia-deals', 'farm-lobby', 'bessent-interview']);
    expect(s.events[1]).toMatchObject({ title: 'The farm lobby', effects: { 'us-capital': -20 } });

    const alone = loadScenario([opening], {
      resolveWorld: (id) => (id === 'mini-world' ? world : undefined),
    });
    expect(alone.ok).toBe(true);
    if (alone.ok) expect(alone.hash).toBe(r.hash);
    expect(r.locate(['instruments', 0, 'level']).file).toBe('mini-opening.yaml');
    expect(r.locate(['instruments', 1, 'level']).file).toBe('mini-world.yaml');
  });

  test("an error in the world's values is located in the world", () => {
    const broken = {
      ...world,
      text: world.text.replace(
        '    level: 2\n    concessionCost: 0.5\n',
        '    level: 9\n    concessionCost: 0.5\n',
      ),
    };
    expect(broken.text).not.toBe(world.text);
    const r = loadScenario([opening, broken]);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatchObject({
      file: 'mini-world.yaml',
      line: lineOf(broken.text, 'level: 9'),
      column: 12,
      path: 'instruments[1].level',
      found: '9',
    });
  });

  test("an error in the opening's values is located in the opening", () => {
    const broken = {
      ...opening,
      text: opening.text.replace('  minutes: 20', '  minutes: lots').replace('    level: 4', '    level: 40'),
    };
    const r = loadScenario([broken, world]);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => [e.file, e.line, e.path])).toEqual([
      ['mini-opening.yaml', lineOf(broken.text, 'minutes: lots'), 'meta.minutes'],
    ]);
    const fixed = { ...broken, text: broken.text.replace('minutes: lots', 'minutes: 20') };
    const r2 = loadScenario([fixed, world]);
    expect(r2.ok).toBe(false);
    if (r2.ok) return;
    expect(r2.errors.map((e) => [e.file, e.line, e.path, e.found])).toEqual([
      ['mini-opening.yaml', lineOf(fixed.text, 'level: 40'), 'instruments[0].level', '40'],
    ]);
  });
});
