// The committed corpus of hostile files (tests/fixtures/hostile/): each is refused with at least one
// located error naming the file (at most 50 listed), without a throw and without touching
// Object.prototype. How quickly is measured by `npm run bench:check`, not asserted here. A file over the
// size limit is generated here rather than committed.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadScenario, type SourceFile } from '../../src/scenario/load.ts';
import { parseFile } from '../../src/scenario/parse.ts';
import { expectWellFormed, HOSTILE } from './scenario-fixtures.ts';

const names = readdirSync(HOSTILE).sort();
const files: SourceFile[] = names.map((name) => ({ name, text: readFileSync(join(HOSTILE, name), 'utf8') }));

/** Worlds of the corpus by id, so that `extends` cycles between its files are followed. */
function resolveWorld(id: string): SourceFile | undefined {
  return files.find((f) => {
    const p = parseFile(f.name, f.text);
    return p.ok && typeof p.value === 'object' && p.value !== null && (p.value as { id?: unknown }).id === id;
  });
}

describe('hostile files', () => {
  test('the corpus holds at least 25 files', () => {
    expect(names.length).toBeGreaterThanOrEqual(25);
  });

  test.each(files.map((f) => [f.name, f] as const))('%s is refused with located errors', (_name, file) => {
    const r = loadScenario([file], { resolveWorld });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.length).toBeGreaterThan(0);
    expect(r.errors.length).toBeLessThanOrEqual(50);
    for (const d of r.errors) expect(names).toContain(d.file); // this file, or a world of its cycle
    r.errors.forEach(expectWellFormed);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  test('all at once, dropped together: still refused, still located', () => {
    const r = loadScenario(files, { entry: 'proto.yaml' });
    expect(r.ok).toBe(false);
    if (!r.ok) r.errors.forEach(expectWellFormed);
  });

  test.each([
    ['3 MB of YAML', 'big.yaml', `id: big\nmeta:\n  summary: "${'x'.repeat(3 * 1024 * 1024)}"\n`],
    ['3 MB of JSON', 'big.json', `{"id": "big", "meta": {"summary": "${'y'.repeat(3 * 1024 * 1024)}"}}`],
  ])('%s is refused at 1:1', (_n, name, text) => {
    const r = loadScenario([{ name, text }]);
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.errors[0]).toMatchObject({
        file: name,
        line: 1,
        column: 1,
        expected: 'a file of at most 2 MB',
        found: '3.0 MB',
      });
  });

  test('specific corpus files give the specific error', () => {
    const first = (name: string) => {
      const f = files.find((x) => x.name === name);
      if (!f) throw new Error(`no ${name}`);
      const r = loadScenario([f], { resolveWorld });
      if (r.ok) throw new Error(`${name} loaded`);
      return r.errors[0];
    };
    expect(first('billion-laughs.yaml')).toMatchObject({
      line: 3,
      column: 8,
      expected: 'at most 100 aliases (`*name`)',
    });
    expect(first('proto.json')).toMatchObject({ line: 1, column: 2, path: '__proto__' });
    expect(first('duplicate-keys.yaml')).toMatchObject({ line: 4, column: 3, path: 'meta.title' });
    expect(first('trailing-comma.json')?.found).toBe('a trailing comma before `}`');
    expect(first('extends-cycle-a.yaml')?.found).toContain(
      'extends-cycle-a.yaml → extends-cycle-b.yaml → extends-cycle-a.yaml',
    );
    expect(first('lone-surrogate.json')).toMatchObject({
      path: 'meta.title',
      found: 'a broken character (half of a UTF-16 surrogate pair)',
    });
    expect(first('deep-arrays.json')?.expected).toBe('at most 64 levels of nesting');
  });
});
