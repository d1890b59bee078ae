// `npm run check -- [--sources DIR] FILE…` — checks scenario files the way the game loads them and
// prints `ok FILE` or one located problem per line (`file:line:column path: expected …, found …`).
// Worlds named by `extends` are found among the files given, beside each file and in scenarios/;
// `extends` may also give a relative path. With `--sources DIR`, every quote is checked against
// the source documents in DIR. The engine's no-deal check runs when the engine is present.
// Exit status: 0 all valid, 1 a file has errors, 2 the command was used wrongly.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatDiagnostic } from '../src/scenario/diagnostic';
import { checkWorld, loadScenario, type SourceFile } from '../src/scenario/load';
import { formatOf, parseFile } from '../src/scenario/parse';
import type { NoDealLoss } from '../src/scenario/playability';
import type { Scenario } from '../src/scenario/schema';

const USAGE = `usage: npm run check -- [--sources DIR] FILE…

Checks scenario files (.yaml, .yml or .json) and prints "ok FILE" or every problem found,
one per line as file:line:column field: expected …, found ….
  --sources DIR   also check every quote against the source documents in DIR
Exit status: 0 when every file is valid, 1 when one is not, 2 for a usage error.`;

const here = dirname(fileURLToPath(import.meta.url));
const shippedDir = resolve(here, '..', 'scenarios');

function usage(problem: string): never {
  console.error(`check: ${problem}\n\n${USAGE}`);
  process.exit(2);
}

function parseArgs(argv: readonly string[]): { sources: string | undefined; files: string[] } {
  let sources: string | undefined;
  const files: string[] = [];
  let options = true;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? '';
    if (options && a === '--') options = false;
    else if (options && (a === '-h' || a === '--help')) {
      console.log(USAGE);
      process.exit(0);
    } else if (options && a === '--sources') {
      const dir = argv[++i];
      if (dir === undefined) usage('--sources needs a folder');
      sources = dir;
    } else if (options && a.startsWith('--sources=')) sources = a.slice('--sources='.length);
    else if (options && a.startsWith('-') && a !== '-') usage(`unknown option ${a}`);
    else files.push(a);
  }
  if (files.length === 0) usage('no file to check');
  if (sources !== undefined && !(existsSync(sources) && statSync(sources).isDirectory()))
    usage(`--sources ${sources}: not a folder`);
  return { sources, files };
}

const display = (path: string) => relative(process.cwd(), path) || path;

function readText(path: string): string | undefined {
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

function resolverFor(entryPath: string, given: readonly string[]) {
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

/** The engine's `noDealLoss`, if the engine is there; the checker works without it. */
async function engineNoDealLoss(): Promise<NoDealLoss | undefined> {
  const url = new URL('../src/engine/index.ts', import.meta.url);
  if (!existsSync(fileURLToPath(url))) return undefined;
  try {
    const mod: unknown = await import(url.href);
    const f =
      typeof mod === 'object' && mod !== null ? (mod as { noDealLoss?: unknown }).noDealLoss : undefined;
    if (typeof f !== 'function') return undefined;
    return (s: Scenario) => {
      const r: unknown = f(s);
      const side = (k: 'us' | 'cn') =>
        typeof r === 'object' && r !== null ? Number((r as Record<string, unknown>)[k]) : Number.NaN;
      return { us: side('us'), cn: side('cn') };
    };
  } catch (e) {
    console.error(
      `check: the engine could not be loaded, so the no-deal check is skipped (${String(e).slice(0, 120)})`,
    );
    return undefined;
  }
}

async function main(): Promise<number> {
  const { sources, files } = parseArgs(process.argv.slice(2));
  const readSource =
    sources === undefined
      ? undefined
      : (file: string) => (basename(file) === file ? readText(join(sources, file)) : undefined);
  const noDealLoss = await engineNoDealLoss();
  let failed = false;
  for (const file of files) {
    if (file.endsWith('.schema.json')) {
      console.log(`skip ${file} (a JSON Schema for editors, not a scenario)`);
      continue;
    }
    const text = readText(file);
    if (text === undefined) {
      console.log(`${file}:1:1 expected a file that can be read, found none at this path`);
      failed = true;
      continue;
    }
    const entry: SourceFile = { name: display(resolve(file)), text };
    const options = {
      resolveWorld: resolverFor(file, files),
      ...(readSource ? { readSource } : {}),
      ...(noDealLoss ? { noDealLoss } : {}),
    };
    const head = parseFile(entry.name, text);
    const isWorld =
      head.ok &&
      typeof head.value === 'object' &&
      head.value !== null &&
      (head.value as { kind?: unknown }).kind === 'world';
    if (isWorld) {
      const r = checkWorld([entry], options);
      if (r.ok)
        console.log(
          `ok ${file}${r.complete ? '' : ' (a world: cross-references are checked with its openings)'}`,
        );
      else failed = true;
      for (const d of [...r.errors, ...r.warnings]) console.log(formatDiagnostic(d));
      continue;
    }
    const r = loadScenario([entry], options);
    if (r.ok) console.log(`ok ${file}`);
    else failed = true;
    for (const d of r.ok ? r.warnings : [...r.errors, ...r.warnings]) console.log(formatDiagnostic(d));
  }
  return failed ? 1 : 0;
}

process.exitCode = await main();
