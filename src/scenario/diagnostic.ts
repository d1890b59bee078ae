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

/** The most characters of a name or a text a message quotes; longer ones are cut with "…". */
export const MAX_QUOTED = 40;
/** The most characters of any one part of a diagnostic (its path, what was expected, what was found). */
export const MAX_PART = 300;

/**
 * `text` cut to `max` characters (whole characters, never half of a surrogate pair) and "…"; when
 * much longer, its length too: a megabyte-long key is quoted by its first 40 characters.
 */
export function shorten(text: string, max = MAX_QUOTED): string {
  if (text.length <= max) return text;
  const chars = Array.from(text.slice(0, 2 * max + 2)); // enough code units for max characters
  if (chars.length <= max) return text; // a few characters outside the BMP, no more than max
  const cut = `${chars.slice(0, max).join('')}…`;
  return text.length > 4 * max ? `${cut} (${text.length.toLocaleString('en-US')} characters)` : cut;
}

/** A field name or id for a message, in backticks and shortened: `` `wieght` ``. */
export function quoteName(name: string): string {
  return `\`${shorten(name)}\``;
}

/** `instruments[2].levels[4].effects.us-prices`; odd keys as `["a key"]`, long ones shortened. */
export function formatPath(path: Path): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else if (PLAIN_KEY.test(seg) && seg.length <= MAX_QUOTED) out += out === '' ? seg : `.${seg}`;
    else out += `[${JSON.stringify(shorten(seg))}]`;
  }
  return shorten(out, MAX_PART);
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
    return JSON.stringify(shorten(v));
  }
  if (typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) {
    if (v.length === 0) return 'an empty list';
    return v.length === 1 ? 'a list of 1 item' : `a list of ${v.length} items`;
  }
  if (typeof v === 'object') {
    const keys = Object.keys(v);
    if (keys.length === 0) return 'an empty map';
    const shown = keys.slice(0, 4).map(quoteName);
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

/** What a problem is about, its particulars (names, numbers, dates) left out: "a date from # to #". */
export function kindOf(d: Pick<Finding, 'severity' | 'expected'>): string {
  return `${d.severity}:${d.expected.replace(/"[^"]*"|`[^`]*`|[0-9][0-9,.:-]*/g, '#')}`;
}

/** At most `cap` of `list`, in order: the first of each kind of problem, then the earliest others. */
export function pick<T extends Pick<Finding, 'severity' | 'expected'>>(
  list: readonly T[],
  cap: number,
): { shown: T[]; left: number; unseen: number } {
  if (list.length <= cap) return { shown: [...list], left: 0, unseen: 0 };
  const firstOfKind = new Map<string, number>();
  list.forEach((d, i) => {
    const k = kindOf(d);
    if (!firstOfKind.has(k)) firstOfKind.set(k, i);
  });
  const keep = new Set([...firstOfKind.values()].slice(0, cap));
  for (let i = 0; keep.size < cap && i < list.length; i++) keep.add(i);
  return {
    shown: list.filter((_, i) => keep.has(i)),
    left: list.length - keep.size,
    unseen: Math.max(0, firstOfKind.size - cap),
  };
}

/**
 * The errors and the warnings, each cut to `cap`, so the kinds left out are kinds already shown
 * (unless there are more kinds than `cap`); `more` says in a sentence what was left out:
 * "and 24,950 more errors of the same kinds".
 */
export function capDiagnostics(
  errors: readonly Diagnostic[],
  warnings: readonly Diagnostic[],
  cap: number,
  /** Errors found and counted earlier but never listed (of the kinds listed). */
  unlisted = 0,
): { errors: Diagnostic[]; warnings: Diagnostic[]; more: string | undefined } {
  const e = pick(errors, cap);
  e.left += unlisted;
  const w = pick(warnings, cap);
  const words = (k: number, noun: string) => `${k.toLocaleString('en-US')} more ${noun}${k === 1 ? '' : 's'}`;
  const parts = [
    ...(e.left > 0 ? [words(e.left, 'error')] : []),
    ...(w.left > 0 ? [words(w.left, 'warning')] : []),
  ];
  const unseen = e.unseen + w.unseen;
  const more =
    parts.length === 0
      ? undefined
      : `and ${parts.join(' and ')} ${unseen === 0 ? 'of the same kinds' : `of these kinds and ${unseen} other${unseen === 1 ? '' : 's'}`}`;
  return { errors: e.shown, warnings: w.shown, more };
}

/** A diagnostic whose every part is at most `MAX_PART` characters: no message echoes a whole megabyte. */
export function clampDiagnostic(d: Diagnostic): Diagnostic {
  const long = (t: string) => t.length > MAX_PART;
  if (!long(d.path) && !long(d.expected) && !long(d.found) && !long(d.message)) return d;
  const head = `expected ${d.expected}, found ${d.found}`;
  const hint = d.message.startsWith(head) ? d.message.slice(head.length) : '';
  const expected = shorten(d.expected, MAX_PART);
  const found = shorten(d.found, MAX_PART);
  return {
    ...d,
    path: shorten(d.path, MAX_PART),
    expected,
    found,
    message: `expected ${expected}, found ${found}${shorten(hint, MAX_PART)}`,
  };
}
