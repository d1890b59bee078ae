// "Never a crash, never a half-loaded game, whatever the bytes": the loader is fed arbitrary text,
// arbitrary JSON values (as JSON and as YAML) and mutations of a valid scenario, and must always
// return either a frozen scenario or errors that each name a file, a line, a column, a path, what
// was expected and what was found.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { parse, stringify } from 'yaml';
import { type LoadResult, loadScenario } from '../../src/scenario/load.ts';

const miniText = readFileSync(join(import.meta.dirname, '..', 'fixtures', 'scenarios', 'mini.yaml'), 'utf8');
const miniInput = parse(miniText) as Record<string, unknown>;

function isDeepFrozen(v: unknown): boolean {
  if (typeof v !== 'object' || v === null) return true;
  return Object.isFrozen(v) && Object.values(v).every(isDeepFrozen);
}

/** The loader's contract, for any input. */
function holds(r: LoadResult): void {
  if (r.ok) {
    expect(isDeepFrozen(r.scenario)).toBe(true);
    expect(r.hash).toMatch(/^[0-9a-f]{16}$/);
    return;
  }
  expect(r.errors.length).toBeGreaterThan(0);
  expect('scenario' in r).toBe(false);
  for (const d of [...r.errors, ...r.warnings]) {
    expect(d.file.length).toBeGreaterThan(0);
    expect(Number.isInteger(d.line) && d.line >= 1).toBe(true);
    expect(Number.isInteger(d.column) && d.column >= 1).toBe(true);
    expect(typeof d.path).toBe('string');
    expect(d.expected.length).toBeGreaterThan(0);
    expect(d.found.length).toBeGreaterThan(0);
  }
}

const load = (name: string, text: string) => {
  let r: LoadResult | undefined;
  expect(() => {
    r = loadScenario([{ name, text }]);
  }).not.toThrow();
  if (r) holds(r);
  return r;
};

// Fresh cases each run; a failure prints fast-check's seed and path to replay it.
const RUNS = { numRuns: 250 };
const names = fc.constantFrom('x.yaml', 'x.json');

describe('the loader never crashes', () => {
  test('arbitrary text', () => {
    fc.assert(
      fc.property(names, fc.string({ unit: 'binary', maxLength: 400 }), (name, text) => {
        load(name, text);
      }),
      RUNS,
    );
  });

  test('text made of YAML and JSON punctuation', () => {
    const piece = fc.constantFrom(
      '{',
      '}',
      '[',
      ']',
      ':',
      ',',
      '-',
      ' ',
      '\n',
      '"',
      "'",
      '&a',
      '*a',
      '!',
      '#',
      '?',
      '|',
      '>',
      'id',
      '1',
      '\t',
      '__proto__',
      '\\',
      '\uFEFF',
      '\u0000',
    );
    fc.assert(
      fc.property(names, fc.array(piece, { maxLength: 200 }), (name, pieces) => {
        load(name, pieces.join(''));
      }),
      RUNS,
    );
  });

  test('arbitrary JSON values, as JSON and as YAML', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), (value) => {
        load('v.json', JSON.stringify(value) ?? 'null');
        load('v.yaml', stringify(value));
      }),
      RUNS,
    );
  });

  test('arbitrary values in place of the fields of a valid scenario', () => {
    const keys = Object.keys(miniInput);
    fc.assert(
      fc.property(fc.constantFrom(...keys), fc.jsonValue({ maxDepth: 3 }), (key, value) => {
        load('m.json', JSON.stringify({ ...miniInput, [key]: value }));
      }),
      RUNS,
    );
  });
});

describe('mutations of a valid scenario', () => {
  const lines = miniText.split('\n');

  test('character flips', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(miniText.length - 1), fc.integer({ min: 0, max: 0xffff })), {
          minLength: 1,
          maxLength: 4,
        }),
        (flips) => {
          const chars = miniText.split('');
          for (const [at, code] of flips) chars[at] = String.fromCharCode(code);
          load('mini.yaml', chars.join(''));
        },
      ),
      RUNS,
    );
  });

  test('truncations', () => {
    fc.assert(
      fc.property(fc.nat(miniText.length), (n) => {
        load('mini.yaml', miniText.slice(0, n));
      }),
      RUNS,
    );
  });

  test('deleted, duplicated and swapped lines', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.constantFrom('delete', 'duplicate', 'swap'),
            fc.nat(lines.length - 1),
            fc.nat(lines.length - 1),
          ),
          {
            minLength: 1,
            maxLength: 3,
          },
        ),
        (edits) => {
          const out = [...lines];
          for (const [kind, a, b] of edits) {
            if (kind === 'delete') out.splice(a % out.length, 1);
            else if (kind === 'duplicate') out.splice(a % out.length, 0, out[a % out.length] ?? '');
            else {
              const i = a % out.length;
              const j = b % out.length;
              [out[i], out[j]] = [out[j] ?? '', out[i] ?? ''];
            }
          }
          load('mini.yaml', out.join('\n'));
        },
      ),
      RUNS,
    );
  });

  test('an unmodified scenario still loads (the mutations above start from a valid file)', () => {
    expect(load('mini.yaml', miniText)?.ok).toBe(true);
    expect(load('mini.json', JSON.stringify(miniInput))?.ok).toBe(true);
  });
});
