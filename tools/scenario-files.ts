// Scenario files on disk, for the command-line tools and the tests: read a file, find the worlds it
// extends (among the files given, beside it, in scenarios/, or by relative path), and load it the
// way the game does.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { noDealLoss } from '../src/engine';
import type { Scenario } from '../src/model/schema';
import { formatDiagnostic } from '../src/scenario/diagnostic';
import { loadScenario, type SourceFile } from '../src/scenario/load';
import { formatOf, parseFile } from '../src/scenario/parse';

const here = dirname(fileURLToPath(import.meta.url));
export const shippedDir = resolve(here, '..', 'scenarios');

export const display = (path: string) => relative(process.cwd(), path) || path;

export function readText(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

/** Worlds by id from scenario files in a folder, read once. */
const folderIndex = new Map<string, Map<string, SourceFile>>();
function worldsIn(dir: string): Map<string, SourceFile> {
  const hit = folderIndex.get(dir);
  if (hit) return hit;
  const index = new Map<string, SourceFile>();
  let names: string[] = [];
  try {
    names = readdirSync(dir).filter((n) => formatOf(n) !== undefined && !n.endsWith('.schema.json'));
  } catch {
    names = [];
  }
  for (const n of names.sort()) addToIndex(index, join(dir, n));
  folderIndex.set(dir, index);
  return index;
}

function addToIndex(index: Map<string, SourceFile>, path: string): void {
  const text = readText(path);
  if (text === undefined) return;
  const parsed = parseFile(path, text);
  if (!parsed.ok || typeof parsed.value !== 'object' || parsed.value === null) return;
  const root = parsed.value as { id?: unknown; kind?: unknown };
  if (typeof root.id !== 'string') return;
  const prior = index.get(root.id);
  // A world wins over an opening of the same id; otherwise the first found.
  if (!prior || root.kind === 'world') index.set(root.id, { name: display(path), text });
}

export function resolverFor(entryPath: string, given: readonly string[]) {
  const givenIndex = new Map<string, SourceFile>();
  for (const g of given) if (resolve(g) !== resolve(entryPath)) addToIndex(givenIndex, resolve(g));
  return (id: string): SourceFile | undefined => {
    if (id.includes('/') || formatOf(id) !== undefined) {
      const path = resolve(dirname(entryPath), id);
      const text = readText(path);
      return text === undefined ? undefined : { name: display(path), text };
    }
    return (
      givenIndex.get(id) ?? worldsIn(dirname(resolve(entryPath))).get(id) ?? worldsIn(shippedDir).get(id)
    );
  };
}

/** Loads a scenario file with its worlds, or throws an error listing every located problem. */
export function loadScenarioFile(path: string): { scenario: Scenario; hash: string } {
  const text = readText(path);
  if (text === undefined) throw new Error(`${path}: cannot be read`);
  const r = loadScenario([{ name: display(resolve(path)), text }], {
    resolveWorld: resolverFor(path, []),
    noDealLoss: (sc: Scenario) => noDealLoss(sc),
  });
  if (!r.ok) throw new Error(r.errors.map(formatDiagnostic).join('\n'));
  return { scenario: r.scenario, hash: r.hash };
}

/** The shipped scenarios that can be played (openings, not worlds), by file name. */
export function shippedOpenings(): string[] {
  return readdirSync(shippedDir)
    .filter((n) => formatOf(n) !== undefined && !n.endsWith('.schema.json'))
    .filter((n) => {
      const p = parseFile(n, readFileSync(join(shippedDir, n), 'utf8'));
      return !(
        p.ok &&
        typeof p.value === 'object' &&
        p.value !== null &&
        (p.value as { kind?: unknown }).kind === 'world'
      );
    })
    .sort();
}
