// The editors' JSON Schemas, judged by a standard validator (Ajv, JSON Schema 2020-12) against the
// checker: every shipped scenario and example passes both; every file of the hostile corpus and the
// broken fixtures that the parser reads and the schema refuses is refused by the checker too (the
// schema never refuses what the game plays); and where a schema can decide — a wrong type, a field
// out of range, an unknown field, a field missing from a standalone scenario — both refuse.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import { describe, expect, test } from 'vitest';
import { buildJsonSchemas } from '../../src/scenario/file-schemas.ts';
import { checkWorld, loadScenario, type SourceFile } from '../../src/scenario/load.ts';
import { parseFile } from '../../src/scenario/parse.ts';
import { resolverFor } from '../../tools/scenario-files.ts';
import { HOSTILE, miniInput, SCENARIOS } from './scenario-fixtures.ts';

const root = join(import.meta.dirname, '..', '..');
const schemas = buildJsonSchemas();
const ajv = new Ajv2020({ allErrors: true, strict: false });
const world = ajv.compile(JSON.parse(schemas['world.schema.json']));
const opening = ajv.compile(JSON.parse(schemas['opening.schema.json']));

/** Ajv's verdict on a parsed file: valid, or its first error as "path message". */
function ajvSays(value: unknown): true | string {
  const isWorld =
    typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'world';
  const validate = isWorld ? world : opening;
  if (validate(value)) return true;
  const e = validate.errors?.[0];
  return `${e?.instancePath ?? ''} ${e?.message ?? ''}`;
}

/** The checker's verdict, as `npm run check` gives it (a world on its own is checked field by field). */
function checkerOk(file: SourceFile, path: string): boolean {
  const p = parseFile(file.name, file.text);
  const isWorld =
    p.ok &&
    typeof p.value === 'object' &&
    p.value !== null &&
    (p.value as { kind?: unknown }).kind === 'world';
  const options = { resolveWorld: resolverFor(path, []) };
  return isWorld ? checkWorld([file], options).ok : loadScenario([file], options).ok;
}

const read = (dir: string, name: string): [string, SourceFile] => [
  join(dir, name),
  { name, text: readFileSync(join(dir, name), 'utf8') },
];
const scenarioFiles = (dir: string) =>
  readdirSync(dir).filter((n) => /\.(ya?ml|json)$/.test(n) && !n.endsWith('.schema.json'));

describe('Ajv and the checker agree', () => {
  const good = [
    ...scenarioFiles(join(root, 'scenarios')).map((n) => read(join(root, 'scenarios'), n)),
    read(join(root, 'docs', 'examples'), 'summit-2026.yaml'),
    ...['mini.yaml', 'mini-opening.yaml', 'mini-world.yaml', 'long-campaign.yaml', 'unbalanced.yaml'].map(
      (n) => read(SCENARIOS, n),
    ),
  ];
  test.each(good.map(([path, f]) => [f.name, path, f] as const))('%s: valid for both', (_n, path, f) => {
    const p = parseFile(f.name, f.text);
    expect(p.ok).toBe(true);
    if (!p.ok) return;
    expect(ajvSays(p.value)).toBe(true);
    expect(checkerOk(f, path)).toBe(true);
  });

  const bad = [
    ...scenarioFiles(HOSTILE).map((n) => read(HOSTILE, n)),
    ...['broken-crossref.yaml', 'broken-schema.yaml', 'broken-syntax.json', 'broken-types.json'].map((n) =>
      read(SCENARIOS, n),
    ),
  ];
  test('hostile and broken files: what the schema refuses, the checker refuses', () => {
    let refusedBySchema = 0;
    for (const [path, f] of bad) {
      const p = parseFile(f.name, f.text);
      if (!p.ok) continue; // the parser decides: no schema sees a file it cannot read
      const says = ajvSays(p.value);
      if (says !== true) {
        refusedBySchema++;
        expect(checkerOk(f, path), `${f.name}: Ajv says ${says}`).toBe(false);
      }
    }
    expect(refusedBySchema).toBeGreaterThanOrEqual(8);
  });

  const mutants: [string, (m: Record<string, unknown>) => void][] = [
    ['a number where a text belongs', (m) => ((m.meta as Record<string, unknown>).title = 7)],
    ['a share above 1', (m) => ((m.indicators as Record<string, unknown>[])[0]!.weight = 1.5)],
    ['an unknown field', (m) => ((m.calendar as Record<string, unknown>).colour = 'red')],
    ['a standalone scenario without its calendar', (m) => delete m.calendar],
    ['a standalone scenario without briefings', (m) => delete m.briefings],
    ['an id with capitals', (m) => (m.id = 'My-Scenario')],
    ['too many orders a turn', (m) => ((m.params as Record<string, unknown>).k = 4)],
    ['a side that is neither', (m) => ((m.indicators as Record<string, unknown>[])[0]!.side = 'eu')],
  ];
  test.each(mutants)('%s: both refuse', (_n, mutate) => {
    const m = miniInput();
    mutate(m);
    expect(ajvSays(m)).not.toBe(true);
    const text = JSON.stringify(m);
    expect(checkerOk({ name: 'mutant.json', text }, join(SCENARIOS, 'mutant.json'))).toBe(false);
  });
});

describe("the editors' schemas", () => {
  test('every field of both carries a description, and the fields of the scenario an example', () => {
    for (const name of ['world.schema.json', 'opening.schema.json'] as const) {
      const missing: string[] = [];
      let examples = 0;
      const walk = (v: unknown, path: string) => {
        if (Array.isArray(v)) for (const [i, x] of v.entries()) walk(x, `${path}/${i}`);
        else if (typeof v === 'object' && v !== null) {
          const o = v as Record<string, unknown>;
          if (typeof o.properties === 'object' && o.properties !== null)
            for (const [k, p] of Object.entries(o.properties as Record<string, Record<string, unknown>>)) {
              const described = (s: Record<string, unknown>) =>
                typeof s.description === 'string' ||
                (Array.isArray(s.anyOf) &&
                  s.anyOf.some((a) => typeof (a as { description?: unknown }).description === 'string'));
              if (!described(p)) missing.push(`${path}.${k}`);
              if (Array.isArray(p.examples)) examples++;
            }
          for (const [k, x] of Object.entries(o)) walk(x, `${path}/${k}`);
        }
      };
      walk(JSON.parse(buildJsonSchemas()[name]), '');
      expect(missing, name).toEqual([]);
      expect(examples, name).toBeGreaterThan(150);
    }
  });

  test('npm run schema -- --out DIR publishes both where a file in any folder can name them', () => {
    const dir = mkdtempSync(join(tmpdir(), 'upper-hand-schemas-'));
    try {
      const r = spawnSync(process.execPath, ['--import', 'tsx', 'tools/schema.ts', '--out', dir], {
        cwd: root,
        encoding: 'utf8',
        timeout: 60_000,
      });
      expect(r.status).toBe(0);
      for (const [name, text] of Object.entries(buildJsonSchemas()))
        expect(readFileSync(join(dir, name), 'utf8')).toBe(text);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
