// Any id works or is refused plainly: the names every JavaScript object already has
// (Object.prototype's: `constructor`, `toString`, `__proto__`, …) are refused by the id pattern, in
// every kind of element and wherever an id names one, with a sentence and the place it was written.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parse, stringify } from 'yaml';
import { RESERVED_IDS } from '../../src/model/basics.ts';
import { formatPath } from '../../src/scenario/diagnostic.ts';
import { loadScenario } from '../../src/scenario/load.ts';
import { expectWellFormed, lineOf, miniInput } from './scenario-fixtures.ts';

type Item = Record<string, unknown>;

/** The shipped world's first profile and first script step: mini.yaml has neither. */
const world = parse(
  readFileSync(join(import.meta.dirname, '..', '..', 'scenarios', 'world-2025.yaml'), 'utf8'),
) as { profiles: Item[]; history: { script: Item[] } };

/** mini.yaml with a profile, a script step and an event waiting for another: every kind of element. */
function full(): Item {
  const m = miniInput();
  m.profiles = [structuredClone(world.profiles[0])];
  (m.history as Item).script = [structuredClone(world.history.script[0])];
  setAt(m, ['events', 1, 'condition'], { event: 'malaysia-deals' });
  return m;
}

type Seg = string | number;

function setAt(m: Item, path: readonly Seg[], value: unknown): void {
  let cur = m as Record<Seg, unknown>;
  for (const k of path.slice(0, -1)) cur = cur[k] as Record<Seg, unknown>;
  cur[path.at(-1) as Seg] = value;
}

/** Each kind of element, and each kind of place an id names one: the path of the id. */
const KINDS: [string, Seg[]][] = [
  ['the scenario', ['id']],
  ['an indicator', ['indicators', 0, 'id']],
  ['an instrument', ['instruments', 0, 'id']],
  ['an alternative', ['alternatives', 0, 'id']],
  ['a commitment', ['commitments', 0, 'id']],
  ['a statement', ['statements', 0, 'id']],
  ['an event', ['events', 0, 'id']],
  ['an objective', ['objectives', 0, 'id']],
  ['a red line', ['redLines', 0, 'id']],
  ['a profile', ['profiles', 0, 'id']],
  ['a rule', ['profiles', 0, 'rules', 0, 'id']],
  ['a template', ['profiles', 0, 'templates', 0, 'id']],
  ['a script step', ['history', 'script', 0, 'id']],
  ['a condition naming an event', ['events', 1, 'condition', 'event']],
  ['a side’s politics indicator', ['sides', 'us', 'politics']],
  ['an announcement’s instrument', ['announcements', 0, 'instrument']],
];

const PATTERN = 'an id of lower-case letters, digits and hyphens';
const CONSTRUCTOR =
  'an id other than `constructor` (a name every JavaScript object already has, so the game could not tell it from its own)';

describe('ids that are names of object properties', () => {
  test('the reserved names are every name Object.prototype has', () => {
    expect([...RESERVED_IDS].sort()).toEqual(Object.getOwnPropertyNames(Object.prototype).sort());
  });

  test('the mini scenario with a profile and a script step loads (the cases below change one id)', () => {
    const r = loadScenario([{ name: 'ids.yaml', text: stringify(full()) }], { playability: false });
    // The world's profile names the world's instruments, which mini lacks: only cross-references fail.
    if (!r.ok) for (const d of r.errors) expect(d.path).toMatch(/^profiles\[0\]|^history\.script/);
  });

  describe.each(KINDS)('as the id of %s', (_kind, segments) => {
    const path = formatPath(segments);
    test.each(RESERVED_IDS.map((id) => [id]))('%s is refused there, located, in a sentence', (id) => {
      const m = full();
      setAt(m, segments, id);
      const text = stringify(m);
      const r = loadScenario([{ name: 'ids.yaml', text }], { playability: false });
      expect(r.ok).toBe(false);
      if (r.ok) return;
      const here = r.errors.filter((d) => d.path === path);
      expect(here).toHaveLength(1);
      const d = here[0]!;
      expectWellFormed(d);
      expect(d.file).toBe('ids.yaml');
      expect(d.expected).toBe(id === 'constructor' ? CONSTRUCTOR : PATTERN);
      expect(d.found).toBe(JSON.stringify(id));
      expect(d.line).toBe(lineOf(text, `: ${id}`));
    });
  });

  test('as a key of an effects map: `constructor` refused, `__proto__` refused by the reader', () => {
    const m = full();
    setAt(m, ['statements', 0, 'effects'], { constructor: 1 });
    const r = loadScenario([{ name: 'ids.yaml', text: stringify(m) }], { playability: false });
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.errors.find((d) => d.path === 'statements[0].effects.constructor')).toMatchObject({
        expected: `a name that is ${CONSTRUCTOR}`,
        found: '`constructor`',
      });
    const proto = stringify(full()).replace('effects: {}', 'effects: { __proto__: 1 }');
    const p = loadScenario([{ name: 'ids.yaml', text: proto }], { playability: false });
    expect(p.ok).toBe(false);
    if (!p.ok) expect(p.errors[0]?.path).toMatch(/\.__proto__$/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  test('ids that merely contain those names work', () => {
    const m = miniInput();
    const old = String((m.indicators as Item[])[0]?.id);
    const renamed = stringify(m).replaceAll(old, 'constructor-index');
    const r = loadScenario([{ name: 'ids.yaml', text: renamed }]);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.scenario.indicators[0]?.id).toBe('constructor-index');
  });
});
