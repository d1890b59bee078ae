// What the two parsers (JSON and YAML) share: the result type, the map of where each value was
// written (`Spots`, keyed by field path), the limits that keep a hostile file from exhausting
// memory or the stack, and the checks every key and text value gets.
import type { Path } from './diagnostic.ts';

export const MAX_BYTES = 2 * 1024 * 1024; // 2 MB (UTF-8): a scenario is a few hundred KB at most
/** A text longer than this is over `MAX_BYTES` whatever its characters (each takes a byte or more). */
export const MAX_CHARS = MAX_BYTES;
export const MAX_DEPTH = 64; // levels of nesting; a scenario needs about eight
export const MAX_ALIASES = 100; // YAML `*alias` uses
export const MAX_NODES = 100_000; // values in one file, aliases expanded
export const MAX_LINES = 50_000; // a long scenario has a few thousand
export const MAX_TOKENS = 200_000; // YAML syntax tokens (about 1 MB of typical YAML)
export const MAX_TOKENS_PER_LINE = 2_000; // a long flow list on one line has a few dozen
export const MAX_ISSUES = 50; // syntax errors reported from one file before reading stops
/** Problems of values kept from one file; the rest are only counted (the loader lists 50). */
export const MAX_KEPT = 1000;

/** Where a value was written: its own position and, for a field, the position of its name. */
export interface Spot {
  line: number;
  column: number;
  keyLine?: number;
  keyColumn?: number;
}

/** Positions of every value in a parsed file, keyed by `pathKey(path)`. */
export type Spots = Map<string, Spot>;

/** A problem found while reading a file, already located in it. */
export interface ParseIssue {
  line: number;
  column: number;
  path: Path;
  expected: string;
  found: string;
  /** A plain sentence that says it better than "expected …, found …" (an indentation mistake). */
  message?: string;
}

/** `unlisted`: how many more problems were found than `issues` holds (at most `MAX_KEPT`). */
export type ParseResult =
  | { ok: true; value: unknown; spots: Spots }
  | { ok: false; issues: ParseIssue[]; unlisted?: number };

export function pathKey(path: Path): string {
  return JSON.stringify(path);
}

/** The spot of `path`, or of its nearest ancestor that has one. */
export function nearestSpot(spots: Spots, path: Path): { spot: Spot; exact: boolean } | undefined {
  for (let n = path.length; n >= 0; n--) {
    const spot = spots.get(pathKey(path.slice(0, n)));
    if (spot) return { spot, exact: n === path.length };
  }
  return undefined;
}

const hex4 = (code: number) => `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;

/**
 * Why a text value or key cannot be used, or null: C0 control characters other than tab, line
 * feed and carriage return, DEL, and broken Unicode (half of a surrogate pair).
 */
export function textProblem(s: string): string | null {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c < 0x20 && c !== 9 && c !== 10 && c !== 13) || c === 0x7f)
      return `the control character ${hex4(c)}`;
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = s.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
      else return 'a broken character (half of a UTF-16 surrogate pair)';
    } else if (c >= 0xdc00 && c <= 0xdfff) return 'a broken character (half of a UTF-16 surrogate pair)';
  }
  return null;
}

/** The size of a text in UTF-8, the size of the file it was read from. */
export function utf8Length(s: string): number {
  let bytes = s.length; // one byte each, plus the extra bytes of wider characters
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x80) bytes += c < 0x800 ? 1 : c >= 0xd800 && c <= 0xdfff ? 1 : 2; // a pair: 4 bytes in all
  }
  return bytes;
}

/** A key that would reach an object's prototype if assigned naively. */
export function isForbiddenKey(key: string): boolean {
  return key === '__proto__';
}

/** Describes one character of the input for "found …" texts. */
export function describeChar(ch: string | undefined): string {
  if (ch === undefined) return 'the end of the file';
  if (ch === '\n' || ch === '\r') return 'the end of the line';
  if (ch === '\uFEFF') return 'a byte-order mark (U+FEFF)';
  const code = ch.charCodeAt(0);
  if (code < 0x20 || code === 0x7f || (code >= 0xd800 && code <= 0xdfff))
    return `the character ${hex4(code)}`;
  return `\`${ch}\``;
}

/** A map that cannot be polluted: no prototype, so no inherited `constructor` or `__proto__`. */
export function emptyMap(): Record<string, unknown> {
  return Object.create(null) as Record<string, unknown>;
}
