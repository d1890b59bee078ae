// Scenario files on disk, for the command-line tools and the tests: read a file (a regular file
// only, never more than the size limit, so a device, a pipe or a huge file cannot hang or exhaust
// the checker), find the worlds it extends by id (among the files given, beside it, and in
// scenarios/), and load it the way the game does.
import {
  closeSync,
  constants,
  fstatSync,
  lstatSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
} from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { noDealLoss } from '../src/engine/index.ts';
import type { Scenario } from '../src/model/schema.ts';
import { formatDiagnostic } from '../src/scenario/diagnostic.ts';
import { loadScenario, type SourceFile } from '../src/scenario/load.ts';
import { formatOf, MAX_BYTES, parseFile } from '../src/scenario/parse.ts';

const here = dirname(fileURLToPath(import.meta.url));
export const shippedDir = resolve(here, '..', 'scenarios');

export const display = (path: string) => relative(process.cwd(), path) || path;

export type Read = { ok: true; text: string } | { ok: false; expected: string; found: string };

const megabytes = (bytes: number) => `${Number((bytes / (1024 * 1024)).toFixed(1))} MB`;

/**
 * A file's text, or why it cannot be read: only a regular file (opened without blocking, so a pipe
 * cannot hang the checker, and checked once open, so it cannot be swapped for a device after a
 * look), and at most `max` bytes read whatever its size claims (`/dev/zero` claims none).
 */
export function readFile(path: string, max = MAX_BYTES): Read {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch {
    return { ok: false, expected: 'a file that can be read', found: 'none at this path' };
  }
  try {
    if (!fstatSync(fd).isFile())
      return { ok: false, expected: 'a regular file', found: 'a folder, a device or a pipe' };
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.alloc(Math.min(1024 * 1024, max + 1 - total));
      const got = readSync(fd, chunk, 0, chunk.length, null);
      if (got === 0) break;
      chunks.push(chunk.subarray(0, got));
      total += got;
      if (total > max) {
        const size = Math.max(total, fstatSync(fd).size);
        const found =
          megabytes(size) === megabytes(max) ? `${size.toLocaleString('en-US')} bytes` : megabytes(size);
        return { ok: false, expected: `a file of at most ${megabytes(max)}`, found };
      }
    }
    return { ok: true, text: Buffer.concat(chunks, total).toString('utf8') };
  } catch {
    return { ok: false, expected: 'a file that can be read', found: 'an error while reading it' };
  } finally {
    closeSync(fd);
  }
}

/** A file's text, or undefined if it cannot be read (see `readFile`). */
export function readText(path: string, max = MAX_BYTES): string | undefined {
  const r = readFile(path, max);
  return r.ok ? r.text : undefined;
}

/** A regular file in its own right (not a link, which may lead out of the folder). */
function isPlainFile(path: string): boolean {
  try {
    return lstatSync(path).isFile();
  } catch {
    return false;
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
  // A folder of thousands of files is not a folder of worlds: the first hundred are looked at.
  for (const n of names.sort().slice(0, 100)) if (isPlainFile(join(dir, n))) addToIndex(index, join(dir, n));
  folderIndex.set(dir, index);
  return index;
}

/** A scenario file's id and kind, with its text; undefined if it cannot be read or has no id. */
function idOf(path: string): { id: string; kind: unknown; file: SourceFile } | undefined {
  const text = readText(path);
  if (text === undefined) return undefined;
  const parsed = parseFile(path, text);
  if (!parsed.ok || typeof parsed.value !== 'object' || parsed.value === null) return undefined;
  const root = parsed.value as { id?: unknown; kind?: unknown };
  if (typeof root.id !== 'string') return undefined;
  return { id: root.id, kind: root.kind, file: { name: display(path), text } };
}

function addToIndex(index: Map<string, SourceFile>, path: string): void {
  const f = idOf(path);
  if (!f) return;
  // A world wins over an opening of the same id; otherwise the first found.
  if (!index.has(f.id) || f.kind === 'world') index.set(f.id, f.file);
}

/**
 * Finds a world by its id: among the files given on the command line, then the regular files
 * beside the entry, then the shipped ones. An id is never a path, so nothing outside is read.
 */
export function resolverFor(entryPath: string, given: readonly string[]) {
  const givenIndex = new Map<string, SourceFile>();
  for (const g of given) if (resolve(g) !== resolve(entryPath)) addToIndex(givenIndex, resolve(g));
  const beside = dirname(resolve(entryPath));
  return (id: string): SourceFile | undefined =>
    givenIndex.get(id) ??
    namedWorld(beside, id) ??
    worldsIn(beside).get(id) ??
    namedWorld(shippedDir, id) ??
    worldsIn(shippedDir).get(id);
}

/**
 * A world in the file named after its id (`world-2025.yaml` for `world-2025`), as the shipped ones
 * are: found without reading the whole folder, which is parsed only for a world named otherwise.
 */
function namedWorld(dir: string, id: string): SourceFile | undefined {
  if (!/^[a-z0-9][a-z0-9-]*$/i.test(id)) return undefined; // an id is never a path
  for (const ext of ['yaml', 'yml', 'json']) {
    const path = join(dir, `${id}.${ext}`);
    const f = isPlainFile(path) ? idOf(path) : undefined;
    if (f && f.id === id && f.kind === 'world') return f.file;
  }
  return undefined;
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
