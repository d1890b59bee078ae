// The loader's public entry: files in, a frozen, validated scenario out — or every problem at once,
// each located in the file where the offending value was written. The steps: read each file
// (YAML or strict JSON), resolve `extends` and merge worlds, validate with the zod schema, then
// (only if the schema passed) the meaning checks, playability, and quotes if a reader of sources
// is given. Never throws, never returns a half-loaded scenario.
import type { z } from 'zod';
import { contentHash } from '../engine/hash.ts';
import { deepFreeze } from '../model/freeze.ts';
import { type Scenario, ScenarioSchema } from '../model/schema.ts';
import { checkConditions } from './conditions-check.ts';
import { checkCrossRefs } from './crossref.ts';
import {
  capDiagnostics,
  clampDiagnostic,
  type Diagnostic,
  type Finding,
  findingMessage,
  type Path,
  pick,
  valueAt,
} from './diagnostic.ts';
import { WorldBodySchema } from './file-schemas.ts';
import { checkHistoryScript } from './history-check.ts';
import { checkLimits, MAX_REPORTED } from './limits.ts';
import {
  diagnosticAt,
  isMap,
  type LocatedDoc,
  originOf,
  resolveFile,
  type SourceFile,
  type WorldResolver,
} from './merge.ts';
import { parseFile } from './parse.ts';
import { MAX_KEPT, pathKey } from './parse-common.ts';
import { checkPlayability, type NoDealLoss } from './playability.ts';
import { checkProfiles } from './profile-check.ts';
import { checkQuotes, type ReadSource } from './sources.ts';
import { findingsFromZod } from './zod-issues.ts';

export type { Diagnostic } from './diagnostic.ts';
export { formatDiagnostic } from './diagnostic.ts';
export type { SourceFile, WorldResolver } from './merge.ts';

export interface LoadOptions {
  /** The file to load when several are given (the others may be the worlds it extends). */
  entry?: string;
  /** Finds a world that is not among `files` by its id (the shipped worlds, or files on disk). */
  resolveWorld?: WorldResolver;
  /** Reads a cited source document; when given, every quote is checked against it. */
  readSource?: ReadSource;
  /** The engine's no-deal loss; when given, each side's must be clearly positive. */
  noDealLoss?: NoDealLoss;
  /** Check "what makes a scenario playable" (default true). */
  playability?: boolean;
}

/** Where a field of the loaded scenario was written. */
export type Locate = (path: Path) => { file: string; line: number; column: number };

/**
 * Errors and warnings are each cut to the first `MAX_REPORTED` (the first of each kind first);
 * `more` then says what was left out: "and 24,950 more errors of the same kinds".
 */
export type LoadResult =
  | { ok: true; scenario: Scenario; hash: string; warnings: Diagnostic[]; locate: Locate; more?: string }
  | { ok: false; errors: Diagnostic[]; warnings: Diagnostic[]; more?: string };

const order = (a: Diagnostic, b: Diagnostic) =>
  a.file === b.file ? a.line - b.line || a.column - b.column : a.file < b.file ? -1 : 1;

/** Sorted by place, duplicates dropped, every part of a message of a readable length. */
function tidy(list: readonly Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  const out: Diagnostic[] = [];
  for (const d of list.map(clampDiagnostic).sort(order)) {
    const key = `${d.file}:${d.line}:${d.column}:${d.path}:${d.message}`;
    if (!seen.has(key)) {
      seen.add(key);
      out.push(d);
    }
  }
  return out;
}

const fileProblem = (file: string, expected: string, found: string): Diagnostic => ({
  severity: 'error',
  file,
  line: 1,
  column: 1,
  path: '',
  expected,
  found,
  message: findingMessage({ expected, found }),
});

/** Picks the file to load: the one named, the only one, or the only one that is not a world. */
function pickEntry(files: readonly SourceFile[], entry: string | undefined): SourceFile | Diagnostic {
  if (entry !== undefined) {
    return (
      files.find((f) => f.name === entry) ??
      fileProblem(entry, 'one of the files given', 'no file of that name')
    );
  }
  if (files.length === 1 && files[0]) return files[0];
  const openings = files.filter((f) => {
    const p = parseFile(f.name, f.text);
    return !(
      p.ok &&
      typeof p.value === 'object' &&
      p.value !== null &&
      (p.value as { kind?: unknown }).kind === 'world'
    );
  });
  if (openings.length === 1 && openings[0]) return openings[0];
  return fileProblem(
    files[0]?.name ?? '(no file)',
    'one opening among the files given together, the others worlds (`kind: world`)',
    openings.length === 0
      ? 'only worlds'
      : `${openings.length} openings: ${openings.map((f) => f.name).join(', ')}`,
  );
}

function isSourceFile(f: unknown): f is SourceFile {
  return (
    typeof f === 'object' &&
    f !== null &&
    typeof (f as SourceFile).name === 'string' &&
    typeof (f as SourceFile).text === 'string'
  );
}

interface Resolved {
  entry: SourceFile;
  doc: LocatedDoc;
  warnings: Diagnostic[];
}

/** Errors counted but not kept, for the "and N more" sentence: a file may hold 100,000. */
interface Unlisted {
  unlisted?: number;
}

/** A failure on the way, with the errors found but only counted. */
type Failed = { errors: Diagnostic[]; warnings: Diagnostic[] } & Unlisted;

function resolve(files: readonly SourceFile[], options: LoadOptions): Resolved | Failed {
  if (!Array.isArray(files) || files.length === 0 || !files.every(isSourceFile)) {
    return {
      errors: [fileProblem('(no file)', 'at least one file with a name and a text', 'none')],
      warnings: [],
    };
  }
  const entry = pickEntry(files, options.entry);
  if (!('text' in entry)) return { errors: [entry], warnings: [] };
  const r = resolveFile(entry, files, options.resolveWorld);
  if (r.errors.length > 0 || !r.doc) return { errors: r.errors, warnings: r.warnings, unlisted: r.unlisted };
  return { entry, doc: r.doc, warnings: r.warnings };
}

/**
 * A message that names another field of the scenario ("also at indicators[0]") names the file, line
 * and column where that field was written, so the author can find both places.
 */
function withPlaces(d: Diagnostic, origins: LocatedDoc['origins']): Diagnostic {
  const m = /also at ([A-Za-z]+(?:\[\d+\]|\.[A-Za-z]+)*)$/.exec(d.found);
  if (!m?.[1]) return d;
  const path = [...m[1].matchAll(/([A-Za-z]+)|\[(\d+)\]/g)].map((x) =>
    x[2] === undefined ? (x[1] ?? '') : Number(x[2]),
  );
  const o = originOf(origins, path)?.origin;
  if (!o) return d;
  const found = `${d.found.slice(0, m.index)}also at ${o.file}:${o.line}:${o.column}`;
  return { ...d, found, message: findingMessage({ expected: d.expected, found }) };
}

/**
 * An opening's error that the merge located in its world is moved to the opening, where its author
 * can fix it: a weight sum to a weight the opening set for that side; a world's event dated outside
 * the opening's calendar to the opening's `remove` list (or its calendar), naming the world's line.
 * An error in a value only the world wrote stays in the world.
 */
function inAuthorsFile(d: Diagnostic, f: Finding, doc: LocatedDoc, entry: SourceFile): Diagnostic {
  if (d.severity !== 'error' || d.file === entry.name) return d;
  const value = doc.value as { indicators?: { side?: unknown }[] };
  if (f.path[0] === 'indicators' && f.path[2] === 'weight' && typeof f.path[1] === 'number') {
    const side = value.indicators?.[f.path[1]]?.side;
    const j = (value.indicators ?? []).findIndex(
      (x, i) => x.side === side && doc.origins.get(pathKey(['indicators', i, 'weight']))?.file === entry.name,
    );
    if (j >= 0)
      return { ...diagnosticAt(doc.origins, entry.name, { ...f, path: ['indicators', j, 'weight'] }) };
  }
  // A world's event dated outside the opening's calendar: the fix is in the opening.
  const event =
    f.path[0] === 'events' && typeof f.path[1] === 'number' && f.path[2] === 'date'
      ? (doc.value as { events?: { id?: unknown }[] }).events?.[f.path[1]]?.id
      : undefined;
  if (event === undefined) return viaOpeningsChange(d, f, doc, entry);
  const own = parseFile(entry.name, entry.text);
  const at = own.ok
    ? (own.spots.get(pathKey(['remove'])) ?? own.spots.get(pathKey(['calendar'])))
    : undefined;
  if (!at) return d;
  return movedTo(
    d,
    entry.name,
    at,
    `${d.found}, the world's event ${String(event)} (${d.file}:${d.line}:${d.column}): change your calendar, or add ${String(event)} to \`remove\``,
  );
}

/** `d` placed at `at` in the author's `file`, with what was found told anew. */
function movedTo(
  d: Diagnostic,
  file: string,
  at: { line: number; column: number },
  found: string,
): Diagnostic {
  return {
    ...d,
    file,
    line: at.line,
    column: at.column,
    found,
    message: findingMessage({ expected: d.expected, found }),
  };
}

/**
 * An error in a value only the world wrote that follows from what the opening did to an entry it
 * names — an id the opening's `remove` drops (the world's history still shifts it), or an entry the
 * opening redefined (its levels cut to two while a world's condition asks for level 2) — is reported
 * at the opening's line that did it, naming the world's place.
 */
function viaOpeningsChange(d: Diagnostic, f: Finding, doc: LocatedDoc, entry: SourceFile): Diagnostic {
  const own = parseFile(entry.name, entry.text);
  if (!own.ok || !isMap(own.value)) return d;
  const mine = own.value;
  // the ids this error names: quoted in what was found, or written beside the faulty value
  const named = new Set<string>([...d.found.matchAll(/"([^"]+)"/g)].map((m) => m[1] ?? ''));
  const near = (path: readonly (string | number)[]) => {
    let v: unknown = doc.value;
    for (const seg of path)
      v = isMap(v) || Array.isArray(v) ? (v as Record<string, unknown>)[seg] : undefined;
    if (typeof v === 'string') named.add(v);
    else if (isMap(v)) {
      for (const x of Object.values(v)) if (typeof x === 'string') named.add(x);
    }
  };
  near(f.path);
  near(f.path.slice(0, -1));
  const place = `the world's ${d.path} (${d.file}:${d.line}:${d.column})`;
  const moved = (at: { line: number; column: number } | undefined, why: string): Diagnostic =>
    at ? movedTo(d, entry.name, at, `${d.found}; ${why}, and ${place} depends on it`) : d;
  const removed = Array.isArray(mine.remove) ? mine.remove : [];
  for (const [i, id] of removed.entries())
    if (typeof id === 'string' && named.has(id))
      return moved(own.spots.get(pathKey(['remove', i])), `your \`remove\` drops ${id}`);
  for (const [list, entries] of Object.entries(mine)) {
    if (!Array.isArray(entries)) continue;
    for (const [i, x] of entries.entries()) {
      if (!isMap(x) || typeof x.id !== 'string' || !named.has(x.id)) continue;
      const fields = Object.keys(x).filter((k) => k !== 'id');
      if (fields.length === 0) continue;
      const field = fields.includes('levels') ? 'levels' : (fields[0] ?? 'id');
      // at the field's name: a block list's own spot is its first item
      const spot = own.spots.get(pathKey([list, i, field]));
      const at = spot && { line: spot.keyLine ?? spot.line, column: spot.keyColumn ?? spot.column };
      return moved(at, `your ${list} entry ${x.id} sets its \`${field}\``);
    }
  }
  return d;
}

/** The AI profiles' cross-references, as findings the loader locates like any other. */
function profileFindings(scenario: Scenario): Finding[] {
  return checkProfiles(scenario).map((p) => {
    const text = p.message.replace(/^expected /, '');
    const cut = text.lastIndexOf(', found ');
    return {
      severity: p.severity ?? 'error',
      path: [...p.path],
      expected: cut < 0 ? text : text.slice(0, cut),
      found: cut < 0 ? 'something else' : text.slice(cut + ', found '.length),
    };
  });
}

/** The result with its lists cut to `MAX_REPORTED` each, and what was left out in a sentence. */
function capped<T extends { warnings: Diagnostic[]; errors?: Diagnostic[]; more?: string }>(
  r: T & Unlisted,
): T {
  const { unlisted, ...rest } = r;
  const c = capDiagnostics(r.errors ?? [], r.warnings, MAX_REPORTED, unlisted ?? 0);
  if (c.more === undefined) return rest as T;
  return { ...rest, ...(r.errors ? { errors: c.errors } : {}), warnings: c.warnings, more: c.more } as T;
}

/**
 * At most `MAX_KEPT` findings (the first of each kind first) to locate and sort, the rest counted:
 * a list of 100,000 wrong entries is reported as quickly as a list of ten.
 */
function kept(findings: readonly Finding[]): { findings: Finding[]; unlisted: number } {
  const p = pick(findings, MAX_KEPT);
  return { findings: p.shown, unlisted: p.left };
}

/**
 * The limits (limits.ts) and the schema on a file's merged value, or the parsed value. A list or
 * map over its limit is reported alone, before the schema looks inside it: a list of 25,000
 * entries is one problem, not 25,000, and is refused as quickly as a list of ten. Where both find
 * fault with one value, the schema says what the field should be ("a date as YYYY-MM-DD" rather
 * than "a number up to 1,000,000").
 */
function validate<S extends z.ZodType>(
  value: unknown,
  schema: S,
): { ok: true; data: z.output<S> } | { ok: false; findings: Finding[] } {
  const limits = checkLimits(value);
  const oversize = limits.some((f) => f.at !== 'key' && typeof valueAt(value, f.path) === 'object');
  if (oversize) return { ok: false, findings: limits };
  const parsed = schema.safeParse(value);
  if (limits.length === 0 && parsed.success) return { ok: true, data: parsed.data };
  const schemaFindings = parsed.success ? [] : findingsFromZod(parsed.error.issues, value, schema);
  const told = new Set(schemaFindings.map((f) => pathKey(f.path)));
  return { ok: false, findings: [...limits.filter((f) => !told.has(pathKey(f.path))), ...schemaFindings] };
}

/** Loads a scenario from its file and the worlds it extends. Never throws. */
export function loadScenario(files: readonly SourceFile[], options: LoadOptions = {}): LoadResult {
  try {
    return capped(loadUnguarded(files, options));
  } catch (e) {
    // Every check reports problems as values; this guards against a bug in one of them.
    const first = Array.isArray(files) && isSourceFile(files[0]) ? files[0].name : '(no file)';
    return {
      ok: false,
      errors: [
        fileProblem(first, 'a file the loader can check', `an internal error (${String(e).slice(0, 120)})`),
      ],
      warnings: [],
    };
  }
}

function loadUnguarded(files: readonly SourceFile[], options: LoadOptions): LoadResult & Unlisted {
  const r = resolve(files, options);
  if ('errors' in r) return { ...r, ok: false, errors: tidy(r.errors), warnings: tidy(r.warnings) };
  const { entry, doc } = r;
  const locateAll = (findings: readonly Finding[]) =>
    findings.map((f) =>
      inAuthorsFile(withPlaces(diagnosticAt(doc.origins, entry.name, f), doc.origins), f, doc, entry),
    );

  const parsed = validate(doc.value, ScenarioSchema);
  if (!parsed.ok) {
    const k = kept(parsed.findings);
    const errors = locateAll(k.findings);
    return { ok: false, errors: tidy(errors), warnings: tidy(r.warnings), unlisted: k.unlisted };
  }
  const scenario = parsed.data;
  const findings: Finding[] = [
    ...checkCrossRefs(scenario),
    ...checkConditions(scenario),
    ...checkHistoryScript(scenario),
    ...profileFindings(scenario),
  ];
  if (!findings.some((f) => f.severity === 'error') && options.playability !== false) {
    findings.push(...checkPlayability(scenario, options.noDealLoss));
  }
  if (options.readSource) findings.push(...checkQuotes(scenario, options.readSource));
  const all = locateAll(findings);
  const errors = tidy(all.filter((d) => d.severity === 'error'));
  const warnings = tidy([...r.warnings, ...all.filter((d) => d.severity === 'warning')]);
  if (errors.length > 0) return { ok: false, errors, warnings };
  const frozen = deepFreeze(scenario);
  const locate: Locate = (path) => {
    const o = originOf(doc.origins, path)?.origin;
    return { file: o?.file ?? entry.name, line: o?.line ?? 1, column: o?.column ?? 1 };
  };
  return { ok: true, scenario: frozen, hash: contentHash(frozen), warnings, locate };
}

export interface WorldCheck {
  ok: boolean;
  /** The world is complete enough to be a scenario by itself, and was checked as one. */
  complete: boolean;
  errors: Diagnostic[];
  warnings: Diagnostic[];
  /** What was left out of the lists (as in `LoadResult`). */
  more?: string;
}

/**
 * Checks a world file (`kind: world`) on its own: with the worlds it extends, each field it gives
 * must be valid. A world that holds a whole scenario is checked as one; cross-references of a
 * partial world are checked in the openings that extend it.
 */
export function checkWorld(files: readonly SourceFile[], options: LoadOptions = {}): WorldCheck {
  try {
    return capped(checkWorldUnguarded(files, options));
  } catch (e) {
    const first = Array.isArray(files) && isSourceFile(files[0]) ? files[0].name : '(no file)';
    return {
      ok: false,
      complete: false,
      errors: [
        fileProblem(first, 'a file the loader can check', `an internal error (${String(e).slice(0, 120)})`),
      ],
      warnings: [],
    };
  }
}

function checkWorldUnguarded(files: readonly SourceFile[], options: LoadOptions): WorldCheck & Unlisted {
  const r = resolve(files, options);
  if ('errors' in r)
    return { ...r, ok: false, complete: false, errors: tidy(r.errors), warnings: tidy(r.warnings) };
  if (ScenarioSchema.safeParse(r.doc.value).success) {
    const full = loadScenario(files, options);
    const more = full.more === undefined ? {} : { more: full.more };
    return full.ok
      ? { ok: true, complete: true, errors: [], warnings: full.warnings, ...more }
      : { ok: false, complete: true, errors: full.errors, warnings: full.warnings, ...more };
  }
  const parsed = validate(r.doc.value, WorldBodySchema);
  if (parsed.ok) return { ok: true, complete: false, errors: [], warnings: tidy(r.warnings) };
  const k = kept(parsed.findings);
  const errors = k.findings.map((f) => diagnosticAt(r.doc.origins, r.entry.name, f));
  return {
    ok: false,
    complete: false,
    errors: tidy(errors),
    warnings: tidy(r.warnings),
    unlisted: k.unlisted,
  };
}
