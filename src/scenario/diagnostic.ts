// Diagnostics: what the loader and the checks tell an author. A check first produces a `Finding`
// (a field path and what was expected and found); the loader turns it into a located `Diagnostic`
// (file, line, column) through the map of where each value was written. Also here: the one way
// field paths and values are rendered, so every message reads the same.

export type Segment = string | number;
/** A field path into a scenario: `['instruments', 2, 'levels', 4, 'effects', 'us-prices']`. */
export type Path = readonly Segment[];
export type Severity = 'error' | 'warning';

/** A problem found by a check, not yet located in a file. */
export interface Finding {
  severity: Severity;
  path: Path;
  expected: string;
  found: string;
  /** Point at the field's name rather than its value (an unknown field, a bad key). */
  at?: 'key' | 'value';
  /** A short suggestion after the message: "did you mean `weight`?". */
  hint?: string;
}

export interface Diagnostic {
  severity: Severity;
  file: string;
  line: number; // 1-based
  column: number; // 1-based
  path: string; // instruments[2].levels[4].effects.us-prices
  expected: string;
  found: string;
  message: string; // "expected …, found …" and any hint
}

const PLAIN_KEY = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/** `instruments[2].levels[4].effects.us-prices`; odd keys as `["a key"]`. */
export function formatPath(path: Path): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else if (PLAIN_KEY.test(seg)) out += out === '' ? seg : `.${seg}`;
    else out += `[${JSON.stringify(seg)}]`;
  }
  return out;
}

/** The message of a diagnostic: "expected …, found …; hint". */
export function findingMessage(f: Pick<Finding, 'expected' | 'found' | 'hint'>): string {
  return `expected ${f.expected}, found ${f.found}${f.hint === undefined ? '' : `; ${f.hint}`}`;
}

/** `road-to-busan.yaml:12:7 instruments[2].level: expected a level from 0 to 6, found 9` */
export function formatDiagnostic(d: Diagnostic): string {
  const where = `${d.file}:${d.line}:${d.column}`;
  const path = d.path === '' ? '' : `${d.path}: `;
  const tail = d.severity === 'warning' ? ' (warning)' : '';
  return `${where} ${path}${d.message}${tail}`;
}

const MAX_TEXT = 40;

/** A short rendering of a value for the "found" part of a message. */
export function describeValue(v: unknown): string {
  if (v === undefined) return 'nothing (the field is missing)';
  if (v === null) return 'nothing (an empty value)';
  if (typeof v === 'number') {
    if (Number.isNaN(v)) return 'NaN (not a number)';
    if (!Number.isFinite(v)) return v > 0 ? 'infinity' : 'minus infinity';
    return String(v);
  }
  if (typeof v === 'string') {
    if (v === '') return '"" (empty text)';
    const cut = [...v].length > MAX_TEXT ? `${[...v].slice(0, MAX_TEXT).join('')}…` : v;
    return JSON.stringify(cut);
  }
  if (typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) {
    if (v.length === 0) return 'an empty list';
    return v.length === 1 ? 'a list of 1 item' : `a list of ${v.length} items`;
  }
  if (typeof v === 'object') {
    const keys = Object.keys(v);
    if (keys.length === 0) return 'an empty map';
    const shown = keys.slice(0, 4).map((k) => `\`${k}\``);
    return `a map with ${keys.length === 1 ? 'the field' : 'fields'} ${shown.join(', ')}${keys.length > 4 ? ', …' : ''}`;
  }
  return typeof v;
}

/** Points stored as integer tenths, shown as the file wrote them: 25 → "2.5". */
export function showTenths(t: number): string {
  return String(t / 10);
}

/** The value at `path` inside `root`, or undefined; reads own properties only. */
export function valueAt(root: unknown, path: Path): unknown {
  let cur: unknown = root;
  for (const seg of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    if (Array.isArray(cur)) {
      if (typeof seg !== 'number') return undefined;
      cur = cur[seg];
    } else {
      const key = String(seg);
      if (!Object.hasOwn(cur, key)) return undefined;
      cur = (cur as Record<string, unknown>)[key];
    }
  }
  return cur;
}

/** Distance between two short words, for "did you mean …?" hints. */
export function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 3) return 99;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      cur.push(Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost));
    }
    prev = cur;
  }
  return prev[b.length] ?? 99;
}

/** The closest of `names` to `word`, if it is close enough to be a likely misspelling. */
export function closest(word: string, names: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestD = Number.POSITIVE_INFINITY;
  for (const n of names) {
    const d = n.toLowerCase() === word.toLowerCase() ? 0 : editDistance(word, n);
    if (d < bestD) {
      bestD = d;
      best = n;
    }
  }
  const limit = word.length <= 4 ? 1 : 2;
  return bestD <= limit ? best : undefined;
}
