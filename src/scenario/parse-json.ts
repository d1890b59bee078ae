// A small, strict JSON parser that remembers where every value was written. `JSON.parse` gives
// neither positions nor a way to refuse duplicate keys, so the loader uses this one: RFC 8259 and
// nothing more (no comments, no trailing commas, no single quotes, no NaN), plus the scenario
// format's own limits — no `__proto__` key, no repeated key, at most 64 levels of nesting, no
// control characters or broken Unicode in text. Never throws: every problem is a located issue.
import { type Path, quoteName } from './diagnostic.ts';
import {
  describeChar,
  emptyMap,
  isForbiddenKey,
  MAX_DEPTH,
  MAX_KEPT,
  MAX_NODES,
  type ParseIssue,
  type ParseResult,
  pathKey,
  type Spots,
  textProblem,
} from './parse-common.ts';

/** Stops the parse at a syntax error; caught in `parseJson`, never seen outside this module. */
class SyntaxStop {}

const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
const WORD = /[A-Za-z_$][A-Za-z0-9_$]*/y;
const VALUE_START = 'a JSON value (text in double quotes, a number, true, false, null, a list or a map)';

export function parseJson(text: string): ParseResult {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) lineStarts.push(i + 1);
  const issues: ParseIssue[] = [];
  const spots: Spots = new Map();
  let i = 0;

  const pos = (offset: number) => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((lineStarts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - (lineStarts[lo] ?? 0) + 1 };
  };
  let values = 0;
  let unlisted = 0;
  const kinds = new Set<string>(); // a problem of a new kind is always kept
  const failed = (): ParseResult => ({ ok: false, issues, ...(unlisted > 0 ? { unlisted } : {}) });
  const issue = (offset: number, path: Path, expected: string, found: string) => {
    // The first are kept, the rest counted, and reading goes on (the loader lists the first 50
    // and counts the rest) to the first syntax error, which stops it.
    if (issues.length < MAX_KEPT || !kinds.has(expected))
      issues.push({ ...pos(offset), path, expected, found });
    else unlisted++;
    kinds.add(expected);
  };
  const fail = (offset: number, path: Path, expected: string, found: string): never => {
    issue(offset, path, expected, found);
    throw new SyntaxStop();
  };
  const foundAt = (offset: number): string => {
    const ch = text[offset];
    if (ch === '/' && (text[offset + 1] === '/' || text[offset + 1] === '*')) return 'a comment';
    if (ch === "'") return 'a single quote (JSON text needs double quotes)';
    WORD.lastIndex = offset;
    const w = WORD.exec(text);
    if (w) return `\`${w[0].length > 20 ? `${w[0].slice(0, 20)}…` : w[0]}\``;
    return describeChar(ch);
  };

  const skipSpace = () => {
    for (;;) {
      const c = text.charCodeAt(i);
      if (c === 32 || c === 9 || c === 10 || c === 13) i++;
      else return;
    }
  };

  const readString = (path: Path): string => {
    const start = i;
    i++; // the opening quote
    let out = '';
    let chunk = i;
    for (;;) {
      if (i >= text.length) fail(start, path, 'a closing double quote for this text', 'the end of the file');
      const c = text.charCodeAt(i);
      if (c === 34) break;
      if (c === 10 || c === 13)
        fail(i, path, 'a closing double quote before the end of the line', 'a line break');
      if (c < 0x20) fail(i, path, 'text without control characters (use \\n or \\t)', describeChar(text[i]));
      if (c === 92) {
        out += text.slice(chunk, i);
        const e = text[i + 1];
        const simple: Record<string, string> = {
          '"': '"',
          '\\': '\\',
          '/': '/',
          b: '\b',
          f: '\f',
          n: '\n',
          r: '\r',
          t: '\t',
        };
        if (e !== undefined && Object.hasOwn(simple, e)) {
          out += simple[e];
          i += 2;
        } else if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
          out += String.fromCharCode(Number.parseInt(text.slice(i + 2, i + 6), 16));
          i += 6;
        } else {
          fail(i, path, 'an escape such as \\n, \\t, \\" or \\u00e9', `\`\\${e ?? ''}\``);
        }
        chunk = i;
        continue;
      }
      i++;
    }
    out += text.slice(chunk, i);
    i++; // the closing quote
    const bad = textProblem(out);
    if (bad !== null) issue(start, path, 'text without control characters or broken Unicode', bad);
    return out;
  };

  const readValue = (path: Path, depth: number, keyAt?: number): unknown => {
    skipSpace();
    const at = i;
    if (++values > MAX_NODES)
      fail(at, path, `at most ${MAX_NODES} values in one file`, 'more (is the file damaged?)');
    const p = pos(at);
    const k = keyAt === undefined ? undefined : pos(keyAt);
    spots.set(pathKey(path), k ? { ...p, keyLine: k.line, keyColumn: k.column } : p);
    const c = text[i];
    if (c === '{' || c === '[') {
      if (depth >= MAX_DEPTH)
        fail(at, path, `at most ${MAX_DEPTH} levels of nesting`, 'deeper nesting (is the file damaged?)');
      return c === '{' ? readObject(path, depth + 1) : readArray(path, depth + 1);
    }
    if (c === '"') return readString(path);
    if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) {
      NUMBER.lastIndex = i;
      const m = NUMBER.exec(text);
      if (!m) return fail(at, path, 'a number such as 12 or -2.5', foundAt(at));
      i += m[0].length;
      const next = text[i];
      if (next !== undefined && /[0-9A-Za-z_.]/.test(next))
        return fail(at, path, 'a number such as 12 or -2.5', quoteName(text.slice(at, i + 1)));
      const n = Number(m[0]);
      if (!Number.isFinite(n)) issue(at, path, 'a number of a usable size', `\`${m[0].slice(0, 20)}\``);
      return n;
    }
    for (const [word, value] of [
      ['true', true],
      ['false', false],
      ['null', null],
    ] as const) {
      if (text.startsWith(word, i)) {
        WORD.lastIndex = i;
        const w = WORD.exec(text);
        if (w && w[0] === word) {
          i += word.length;
          return value;
        }
      }
    }
    return fail(at, path, VALUE_START, foundAt(at));
  };

  const readObject = (path: Path, depth: number): unknown => {
    const obj = emptyMap();
    const seen = new Set<string>();
    let commaAt = -1;
    i++; // {
    skipSpace();
    if (text[i] === '}') {
      i++;
      return obj;
    }
    for (;;) {
      skipSpace();
      const keyAt = i;
      if (text[i] !== '"') {
        if (text[i] === '}')
          fail(commaAt, path, 'another field after the comma', 'a trailing comma before `}`');
        fail(keyAt, path, 'a field name in double quotes', foundAt(keyAt));
      }
      const key = readString(path);
      skipSpace();
      if (text[i] !== ':') fail(i, [...path, key], 'a colon `:` after the field name', foundAt(i));
      i++;
      const childPath = [...path, key];
      const value = readValue(childPath, depth, keyAt);
      if (isForbiddenKey(key)) {
        issue(
          keyAt,
          childPath,
          'a field name other than `__proto__`',
          '`__proto__` (refused: it could alter every object)',
        );
      } else if (seen.has(key)) {
        issue(keyAt, childPath, 'each field only once in a map', `${quoteName(key)} a second time`);
      } else {
        seen.add(key);
        obj[key] = value;
      }
      skipSpace();
      const c = text[i];
      if (c === ',') {
        commaAt = i++;
        continue;
      }
      if (c === '}') {
        i++;
        return obj;
      }
      return fail(i, path, 'a comma `,` or a closing `}`', foundAt(i));
    }
  };

  const readArray = (path: Path, depth: number): unknown => {
    const arr: unknown[] = [];
    let commaAt = -1;
    i++; // [
    skipSpace();
    if (text[i] === ']') {
      i++;
      return arr;
    }
    for (;;) {
      skipSpace();
      if (text[i] === ']') fail(commaAt, path, 'another item after the comma', 'a trailing comma before `]`');
      arr.push(readValue([...path, arr.length], depth));
      skipSpace();
      const c = text[i];
      if (c === ',') {
        commaAt = i++;
        continue;
      }
      if (c === ']') {
        i++;
        return arr;
      }
      return fail(i, path, 'a comma `,` or a closing `]`', foundAt(i));
    }
  };

  try {
    skipSpace();
    if (i >= text.length) fail(i, [], 'a scenario (a JSON map of fields)', 'an empty file');
    const value = readValue([], 0);
    skipSpace();
    if (i < text.length) fail(i, [], 'the end of the file after the closing bracket', foundAt(i));
    return issues.length > 0 ? failed() : { ok: true, value, spots };
  } catch (e) {
    if (!(e instanceof SyntaxStop)) {
      issue(
        0,
        [],
        'a readable JSON file',
        `a problem the reader could not handle (${String(e).slice(0, 80)})`,
      );
    }
    return failed();
  }
}
