// A scenario file as loaded, kept between runs of a tool. Loading it (the YAML, the schema's checks,
// the playability check, with the code that does them still cold) took about a third of a second of
// every `npm run simulate`, while its worker threads, ready, waited for the scenario. The loaded
// scenario is kept in node_modules/.cache/upper-hand/scenarios with what it was loaded from — the time
// and size of every scenario file beside the entry and among the shipped ones (a world it extends is
// found in one or the other), and the code that loaded it (the running bundle's fingerprint) — and is
// used again only while all of those are as they were. Run through tsx (no bundle), nothing is kept.
// Reading a kept scenario loads none of the scenario code: the loader is imported only to load afresh.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { deepFreeze } from '../src/model/freeze.ts';
import type { Scenario } from '../src/model/schema.ts';

export interface Loaded {
  readonly scenario: Scenario;
  readonly hash: string;
}

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..');
const shipped = join(root, 'scenarios');
const scenarioFile = /\.(ya?ml|json)$/;

/** The running bundle's fingerprint, or null when this runs as TypeScript (tsx): then nothing is kept. */
function bundleFingerprint(): string | null {
  const self = fileURLToPath(import.meta.url);
  if (!self.endsWith('.mjs')) return null;
  return createHash('sha256').update(readFileSync(self)).digest('hex');
}

/** Name, time and size of every scenario file in the folders a scenario and its worlds are read from. */
function stamps(path: string): (string | number)[][] {
  const out: (string | number)[][] = [];
  for (const dir of new Set([dirname(resolve(path)), shipped])) {
    let names: string[] = [];
    try {
      names = readdirSync(dir).filter((n) => scenarioFile.test(n));
    } catch {
      continue;
    }
    for (const n of names.sort()) {
      try {
        const s = statSync(join(dir, n));
        out.push([join(dir, n), s.mtimeMs, s.size]);
      } catch {
        out.push([join(dir, n), -1, -1]);
      }
    }
  }
  return out;
}

export interface KeptOptions {
  /** Where kept scenarios are written (default: node_modules/.cache/upper-hand/scenarios). */
  readonly dir?: string;
  /** The fingerprint of the code that loads (default: the running bundle's). */
  readonly code?: string | null;
  /** What loads a file afresh (default: scenario-files.ts's `loadScenarioFile`). */
  readonly load?: (path: string) => Loaded;
}

/** A scenario file loaded, or kept from an earlier load of the same files by the same code. */
export async function loadScenarioKept(path: string, options: KeptOptions = {}): Promise<Loaded> {
  const code = options.code === undefined ? bundleFingerprint() : options.code;
  const load = async () => (options.load ?? (await import('./scenario-files.ts')).loadScenarioFile)(path);
  if (code === null) return load();
  const dir = options.dir ?? join(root, 'node_modules', '.cache', 'upper-hand', 'scenarios');
  const file = join(dir, `${createHash('sha256').update(resolve(path)).digest('hex').slice(0, 24)}.json`);
  const key = JSON.stringify({ path: resolve(path), code, files: stamps(path) });
  try {
    const kept = JSON.parse(readFileSync(file, 'utf8')) as { key: string; loaded: Loaded };
    if (kept.key === key) return deepFreeze(kept.loaded);
  } catch {
    // nothing kept, or unreadable: loaded afresh below
  }
  const loaded = await load();
  const text = JSON.stringify({ key, loaded });
  // Kept only if no file changed while it was read, and the scenario is plain data JSON gives back whole.
  const same = JSON.stringify({ path: resolve(path), code, files: stamps(path) }) === key;
  if (same && isDeepStrictEqual(JSON.parse(text).loaded, loaded))
    try {
      mkdirSync(dir, { recursive: true });
      writeFileSync(`${file}.${process.pid}`, text);
      renameSync(`${file}.${process.pid}`, file);
    } catch {
      // not kept: loaded afresh next time
    }
  return loaded;
}
