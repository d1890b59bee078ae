// Reading one scenario file's text into a plain value and a map of where each value was written.
// YAML for `.yaml`/`.yml`, strict JSON for `.json`. Whatever the bytes, `parseFile` returns a
// result and never throws: size, nesting, aliases and broken text are located issues.
import type { Path } from './diagnostic.ts';
import {
  MAX_BYTES,
  MAX_CHARS,
  nearestSpot,
  type ParseResult,
  type Spots,
  utf8Length,
} from './parse-common.ts';
import { parseJson } from './parse-json.ts';
import { parseYaml } from './parse-yaml.ts';

export type { ParseIssue, ParseResult, Spot, Spots } from './parse-common.ts';
export { MAX_ALIASES, MAX_BYTES, MAX_CHARS, MAX_DEPTH, nearestSpot, pathKey } from './parse-common.ts';

export type Format = 'yaml' | 'json';

/** The format a file name announces, or undefined for any other name. */
export function formatOf(name: string): Format | undefined {
  const lower = name.toLowerCase();
  if (lower.endsWith('.yaml') || lower.endsWith('.yml')) return 'yaml';
  if (lower.endsWith('.json')) return 'json';
  return undefined;
}

/**
 * Every line ending as a line feed: Windows (CRLF) and old Mac (CR alone) files are read as lines,
 * with the same line numbers an editor shows. A line's columns are unchanged.
 */
export function lineFeeds(text: string): string {
  return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
}

/** A file that cannot be read at all: one issue at its start. */
const unreadable = (expected: string, found: string): ParseResult => ({
  ok: false,
  issues: [{ line: 1, column: 1, path: [], expected, found }],
});

/**
 * The last few files read, by text and format: loading an opening reads the world it extends more
 * than once (to find it by id, then to merge it), and a folder of openings reads the same world for
 * each. Keyed by the text itself, which keeps its hash: looking a file up again costs no pass over
 * it. A result is never changed by its readers (the loader copies what it merges), so the same text
 * gives the very same result.
 */
const recent = new Map<string, Partial<Record<Format, ParseResult>>>();
const RECENT = 8;
const KEPT_CHARS = 512 * 1024; // a larger file is read anew each time, not held

/** Parses a file's text by the format its name gives. Never throws. */
export function parseFile(name: string, text: string): ParseResult {
  const format = formatOf(name);
  if (format === undefined || typeof text !== 'string' || text.length > KEPT_CHARS)
    return parseAnew(name, text);
  let kept = recent.get(text);
  if (!kept) {
    if (recent.size >= RECENT) recent.delete(recent.keys().next().value!);
    kept = {};
    recent.set(text, kept);
  }
  kept[format] ??= parseAnew(name, text);
  return kept[format];
}

function parseAnew(name: string, text: string): ParseResult {
  const format = formatOf(name);
  if (format === undefined)
    return unreadable('a file name ending in .yaml, .yml or .json', `\`${name.slice(-60)}\``);
  if (typeof text !== 'string') return unreadable('the text of a file', typeof text);
  const size = text.length > MAX_CHARS ? text.length : utf8Length(text);
  if (size > MAX_BYTES)
    return unreadable(
      `a file of at most ${MAX_BYTES / (1024 * 1024)} MB`,
      `${(size / (1024 * 1024)).toFixed(1)} MB`,
    );
  const body = lineFeeds(text.startsWith('\uFEFF') ? text.slice(1) : text); // a byte-order mark is harmless
  try {
    return format === 'json' ? parseJson(body) : parseYaml(body);
  } catch (e) {
    // The parsers report every problem as an issue; this is a last guard against a library bug.
    const what = e instanceof Error ? e.message : String(e);
    return unreadable(
      `a readable ${format === 'json' ? 'JSON' : 'YAML'} file`,
      `a problem the reader could not handle (${what.slice(0, 80)})`,
    );
  }
}

/** The 1-based line and column of `path` in a parsed file, or of its nearest ancestor. */
export function locateIn(spots: Spots, path: Path): { line: number; column: number } {
  const hit = nearestSpot(spots, path);
  return hit ? { line: hit.spot.line, column: hit.spot.column } : { line: 1, column: 1 };
}
