// The instructor's guide stays true to the schema and its example: the example scenario loads
// exactly as the game loads it (quotes included, when the source documents are at hand), every
// field the schema knows is named in docs/authoring.md, and the error the guide shows is the one
// the checker prints.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { noDealLoss } from '../../src/engine/index.ts';
import { ScenarioSchema } from '../../src/model/schema.ts';
import { formatDiagnostic } from '../../src/scenario/diagnostic.ts';
import { loadScenario } from '../../src/scenario/load.ts';
import { core, type Schema } from '../../src/scenario/zod-walk.ts';

const root = join(import.meta.dirname, '..', '..');
const guide = readFileSync(join(root, 'docs', 'authoring.md'), 'utf8');
const examplePath = 'docs/examples/summit-2026.yaml';
const example = readFileSync(join(root, examplePath), 'utf8');
const seeds = join(root, '..', 'shared', 'seeds');

/** Every field name of an object anywhere in the schema, with the path it was found at. */
function fieldNames(s: Schema | undefined, path: string, out: Map<string, string>, seen: Set<Schema>) {
  const c = core(s);
  if (!c || seen.has(c)) return;
  seen.add(c);
  const d = c._zod.def;
  if (d.type === 'object' && d.shape) {
    for (const [k, v] of Object.entries(d.shape)) {
      if (!out.has(k)) out.set(k, `${path}.${k}`);
      fieldNames(v, `${path}.${k}`, out, seen);
    }
  } else if (d.type === 'array') fieldNames(d.element, `${path}[]`, out, seen);
  else if (d.type === 'record') fieldNames(d.valueType, `${path}{}`, out, seen);
  else if (d.type === 'union') for (const o of d.options ?? []) fieldNames(o, path, out, seen);
}

describe('docs/examples/summit-2026.yaml', () => {
  it('loads as the game loads it, with every check, quotes included when the documents are here', () => {
    const readSource = existsSync(seeds)
      ? (file: string) => {
          try {
            return readFileSync(join(seeds, file), 'utf8');
          } catch {
            return undefined;
          }
        }
      : undefined;
    const r = loadScenario([{ name: examplePath, text: example }], {
      noDealLoss: (s) => noDealLoss(s),
      ...(readSource ? { readSource } : {}),
    });
    expect(r.ok ? [] : r.errors.map(formatDiagnostic)).toEqual([]);
    expect(r.ok && r.warnings.map(formatDiagnostic)).toEqual([]);
  });

  it('is the broken file the guide shows, once Beijing’s export weight is changed', () => {
    const bad = example.replace(
      '    name: Exports\n    start: 55\n    weight: 0.5',
      '    name: Exports\n    start: 55\n    weight: 0.4',
    );
    expect(bad).not.toBe(example);
    const r = loadScenario([{ name: examplePath, text: bad }]);
    expect(r.ok).toBe(false);
    const line = r.ok ? '' : formatDiagnostic(r.errors[0]!);
    expect(guide).toContain(line);
  });
});

describe('docs/authoring.md', () => {
  it('names every field of the scenario schema', () => {
    const names = new Map<string, string>();
    fieldNames(ScenarioSchema as unknown as Schema, '', names, new Set());
    const missing = [...names].filter(([k]) => !guide.includes(`\`${k}\``)).map(([, p]) => p);
    expect(missing).toEqual([]);
    expect(names.size).toBeGreaterThan(100);
  });

  it('names the header fields of worlds and openings', () => {
    for (const k of ['kind', 'extends', 'remove']) expect(guide).toContain(`\`${k}\``);
  });
});
