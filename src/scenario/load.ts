// The loader's public entry: files in, a frozen, validated scenario out — or every problem at once,
// each located in the file where the offending value was written. The steps: read each file
// (YAML or strict JSON), resolve `extends` and merge worlds, validate with the zod schema, then
// (only if the schema passed) the meaning checks, playability, and quotes if a reader of sources
// is given. Never throws, never returns a half-loaded scenario.
import { contentHash } from '../engine/hash';
import { type Scenario, ScenarioSchema } from '../model/schema';
import { checkCrossRefs } from './crossref';
import { type Diagnostic, type Finding, findingMessage, type Path } from './diagnostic';
import { WorldBodySchema } from './file-schemas';
import { checkHistoryScript } from './history-check';
import {
  diagnosticAt,
  type LocatedDoc,
  originOf,
  resolveFile,
  type SourceFile,
  type WorldResolver,
} from './merge';
import { parseFile } from './parse';
import { checkPlayability, type NoDealLoss } from './playability';
import { checkProfiles } from './profile-check';
import { checkQuotes, type ReadSource } from './sources';
import { findingsFromZod } from './zod-issues';

export type { Diagnostic } from './diagnostic';
export { formatDiagnostic } from './diagnostic';
export type { SourceFile, WorldResolver } from './merge';

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

export type LoadResult =
  | { ok: true; scenario: Scenario; hash: string; warnings: Diagnostic[]; locate: Locate }
  | { ok: false; errors: Diagnostic[]; warnings: Diagnostic[] };

/** Freezes a value and everything in it. */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const k of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[k]);
  }
  return value;
}

const order = (a: Diagnostic, b: Diagnostic) =>
  a.file === b.file ? a.line - b.line || a.column - b.column : a.file < b.file ? -1 : 1;

/** Sorted by place, duplicates dropped. */
function tidy(list: readonly Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  const out: Diagnostic[] = [];
  for (const d of [...list].sort(order)) {
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

function resolve(
  files: readonly SourceFile[],
  options: LoadOptions,
): Resolved | { errors: Diagnostic[]; warnings: Diagnostic[] } {
  if (!Array.isArray(files) || files.length === 0 || !files.every(isSourceFile)) {
    return {
      errors: [fileProblem('(no file)', 'at least one file with a name and a text', 'none')],
      warnings: [],
    };
  }
  const entry = pickEntry(files, options.entry);
  if (!('text' in entry)) return { errors: [entry], warnings: [] };
  const r = resolveFile(entry, files, options.resolveWorld);
  if (r.errors.length > 0 || !r.doc) return { errors: r.errors, warnings: r.warnings };
  return { entry, doc: r.doc, warnings: r.warnings };
}

/** The AI profiles' cross-references, as findings the loader locates like any other. */
function profileFindings(scenario: Scenario): Finding[] {
  return checkProfiles(scenario).map((p) => {
    const text = p.message.replace(/^expected /, '');
    const cut = text.lastIndexOf(', found ');
    return {
      severity: 'error',
      path: [...p.path],
      expected: cut < 0 ? text : text.slice(0, cut),
      found: cut < 0 ? 'something else' : text.slice(cut + ', found '.length),
    };
  });
}

/** Loads a scenario from its file and the worlds it extends. Never throws. */
export function loadScenario(files: readonly SourceFile[], options: LoadOptions = {}): LoadResult {
  try {
    return loadUnguarded(files, options);
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

function loadUnguarded(files: readonly SourceFile[], options: LoadOptions): LoadResult {
  const r = resolve(files, options);
  if ('errors' in r) return { ok: false, errors: tidy(r.errors), warnings: tidy(r.warnings) };
  const { entry, doc } = r;
  const locateAll = (findings: readonly Finding[]) =>
    findings.map((f) => diagnosticAt(doc.origins, entry.name, f));

  const parsed = ScenarioSchema.safeParse(doc.value);
  if (!parsed.success) {
    const errors = locateAll(findingsFromZod(parsed.error.issues, doc.value, ScenarioSchema));
    return { ok: false, errors: tidy(errors), warnings: tidy(r.warnings) };
  }
  const scenario = parsed.data;
  const findings: Finding[] = [
    ...checkCrossRefs(scenario),
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
}

/**
 * Checks a world file (`kind: world`) on its own: with the worlds it extends, each field it gives
 * must be valid. A world that holds a whole scenario is checked as one; cross-references of a
 * partial world are checked in the openings that extend it.
 */
export function checkWorld(files: readonly SourceFile[], options: LoadOptions = {}): WorldCheck {
  try {
    const r = resolve(files, options);
    if ('errors' in r)
      return { ok: false, complete: false, errors: tidy(r.errors), warnings: tidy(r.warnings) };
    if (ScenarioSchema.safeParse(r.doc.value).success) {
      const full = loadScenario(files, options);
      return full.ok
        ? { ok: true, complete: true, errors: [], warnings: full.warnings }
        : { ok: false, complete: true, errors: full.errors, warnings: full.warnings };
    }
    const parsed = WorldBodySchema.safeParse(r.doc.value);
    if (parsed.success) return { ok: true, complete: false, errors: [], warnings: tidy(r.warnings) };
    const errors = findingsFromZod(parsed.error.issues, r.doc.value, WorldBodySchema).map((f) =>
      diagnosticAt(r.doc.origins, r.entry.name, f),
    );
    return { ok: false, complete: false, errors: tidy(errors), warnings: tidy(r.warnings) };
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
