// Turning zod's validation issues into findings an instructor can read: "expected a number from 0
// to 1, found 2", "expected one of the fields id, side, name…, found `wieght`; did you mean
// `weight`?". The schema is consulted along the issue's path for what zod's issue leaves out: both
// bounds of a number, the field names an object knows, the shapes of a union's choices.
import type { z } from 'zod';
import { closest, describeValue, type Finding, type Path, quoteName, valueAt } from './diagnostic.ts';

import { type CheckDef, core, type Def, type Schema } from './zod-walk.ts';

const asSchema = (s: unknown): Schema => s as Schema;

/** The schema that checks the value at `path` below `s`, when it can be told without the data. */
function schemaAt(s: Schema | undefined, path: Path): Schema | undefined {
  let cur = core(s);
  for (const seg of path) {
    if (!cur) return undefined;
    const d = cur._zod.def;
    if (d.type === 'object' && d.shape && typeof seg === 'string') cur = core(d.shape[seg]);
    else if (d.type === 'array' && d.element) cur = core(d.element);
    else if (d.type === 'record' && d.valueType) cur = core(d.valueType);
    else return undefined;
  }
  return cur;
}

function checksOf(s: Schema | undefined): CheckDef[] {
  return (s?._zod.def.checks ?? []).map((c) => c._zod.def);
}

/** "a whole number from 0 to 6", "a number above 0 and at most 10", "a number". */
function describeNumber(s: Schema | undefined): string {
  let lo: { v: number; inc: boolean } | undefined;
  let hi: { v: number; inc: boolean } | undefined;
  let whole = false;
  for (const c of checksOf(s)) {
    if (c.check === 'greater_than' && typeof c.value === 'number')
      lo = { v: c.value, inc: c.inclusive === true };
    if (c.check === 'less_than' && typeof c.value === 'number')
      hi = { v: c.value, inc: c.inclusive === true };
    if (c.check === 'number_format' && c.format !== undefined && /int/.test(c.format)) whole = true;
  }
  const noun = whole ? 'a whole number' : 'a number';
  if (lo && hi && lo.inc && hi.inc) return `${noun} from ${lo.v} to ${hi.v}`;
  const parts: string[] = [];
  if (lo) parts.push(lo.inc ? `of at least ${lo.v}` : `above ${lo.v}`);
  if (hi) parts.push(hi.inc ? `at most ${hi.v}` : `below ${hi.v}`);
  return parts.length === 0 ? noun : `${noun} ${parts.join(' and ')}`;
}

/** The custom message of a text format ("a date as YYYY-MM-DD"), if the schema has one. */
function formatWords(s: Schema | undefined): string | undefined {
  for (const c of checksOf(s)) {
    if (c.check !== 'string_format' || !c.error) continue;
    try {
      const m = (c.error as () => unknown)();
      if (typeof m === 'string') return m;
    } catch {
      // a message that needs the issue: fall back to the plain words
    }
  }
  return undefined;
}

function knownFields(s: Schema | undefined): string[] {
  const d = s?._zod.def;
  return d?.type === 'object' && d.shape ? Object.keys(d.shape) : [];
}

/** A union's choices as their field names: `{indicator, below, above}` or `{deal}`. */
function describeUnion(s: Schema | undefined): string | undefined {
  const options = s?._zod.def.type === 'union' ? (s._zod.def.options ?? []) : [];
  const shapes = options.map((o) => knownFields(core(o)));
  if (shapes.length === 0 || shapes.some((f) => f.length === 0)) return undefined;
  const list = shapes.map((f) => `{${f.join(', ')}}`);
  return `one of these forms: ${list.slice(0, -1).join(', ')} or ${list.at(-1)}`;
}

const TYPE_WORDS: Record<string, string> = {
  string: 'text',
  boolean: 'true or false',
  array: 'a list',
  object: 'a map of fields',
  record: 'a map of names to values',
};

/** What kind of value the schema wants, in words. */
function describeType(expected: string, s: Schema | undefined): string {
  const t = s?._zod.def.type;
  if (expected === 'number' || expected === 'int' || t === 'number') return describeNumber(s);
  if (t === 'record') return TYPE_WORDS.record ?? expected;
  if (t === 'enum' || t === 'literal') return describeEnum(s);
  if (t === 'union') return describeUnion(s) ?? 'one of several forms';
  if (expected === 'string') return formatWords(s) ?? 'text';
  return TYPE_WORDS[expected] ?? `a value of type ${expected}`;
}

function describeEnum(s: Schema | undefined): string {
  const d = s?._zod.def as (Def & { entries?: Record<string, unknown>; values?: unknown[] }) | undefined;
  const values = d?.entries ? Object.values(d.entries) : (d?.values ?? []);
  return oneOf(values);
}

function oneOf(values: readonly unknown[]): string {
  const shown = values.map((v) => JSON.stringify(v));
  if (shown.length === 1) return shown[0] ?? 'a fixed value';
  return `one of ${shown.slice(0, -1).join(', ')} or ${shown.at(-1)}`;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Size words for too_small / too_big on lists and texts. */
function sizeFinding(
  origin: string,
  limit: number,
  small: boolean,
  value: unknown,
): { expected: string; found: string } {
  const bound = small ? 'at least' : 'at most';
  if (origin === 'array' || Array.isArray(value)) {
    const n = Array.isArray(value) ? value.length : 0;
    return { expected: `a list of ${bound} ${plural(limit, 'item')}`, found: `${plural(n, 'item')}` };
  }
  if (origin === 'string' || typeof value === 'string') {
    const n = typeof value === 'string' ? [...value].length : 0;
    if (small && limit === 1) return { expected: 'some text', found: describeValue(value) };
    return {
      expected: `text of ${bound} ${plural(limit, 'character')}`,
      found: `text of ${plural(n, 'character')}`,
    };
  }
  return { expected: `a size ${bound} ${limit}`, found: describeValue(value) };
}

function stripExpected(message: string): string {
  return message.replace(/^expected\s+/i, '');
}

type Issue = z.core.$ZodIssue;

/** "the field `owner` (one of "us" or "cn")" when the field is missing, else what it should be. */
function missing(path: Path, value: unknown, what: string): string {
  const name = path.at(-1);
  return value === undefined && typeof name === 'string' ? `the field \`${name}\` (${what})` : what;
}

interface Ctx {
  input: unknown;
  schema: Schema;
}

function mapIssue(issue: Issue, base: Path, baseSchema: Schema | undefined, ctx: Ctx, out: Finding[]): void {
  const path: Path = [...base, ...(issue.path as readonly (string | number)[])];
  const here = schemaAt(baseSchema, issue.path as Path);
  const value = valueAt(ctx.input, path);
  const push = (expected: string, found: string, extra: Partial<Finding> = {}) =>
    out.push({ severity: 'error', path, expected, found, ...extra });

  switch (issue.code) {
    case 'invalid_type': {
      push(missing(path, value, describeType(issue.expected, here)), describeValue(value));
      return;
    }
    case 'too_small':
    case 'too_big': {
      const small = issue.code === 'too_small';
      const limit = Number(
        small ? (issue as { minimum: unknown }).minimum : (issue as { maximum: unknown }).maximum,
      );
      if (issue.origin === 'number' || issue.origin === 'int' || typeof value === 'number') {
        push(describeNumber(here), describeValue(value));
      } else {
        const f = sizeFinding(issue.origin, limit, small, value);
        push(f.expected, f.found);
      }
      return;
    }
    case 'invalid_format': {
      const custom = !/^Invalid/.test(issue.message);
      push(
        custom ? stripExpected(issue.message) : `text in the format ${issue.format}`,
        describeValue(value),
      );
      return;
    }
    case 'invalid_value':
      push(missing(path, value, oneOf(issue.values)), describeValue(value));
      return;
    case 'unrecognized_keys': {
      const known = knownFields(here);
      for (const key of issue.keys) {
        const guess = closest(key, known);
        const listed = known.length > 14 ? `${known.slice(0, 14).join(', ')}, …` : known.join(', ');
        out.push({
          severity: 'error',
          path: [...path, key],
          expected: known.length > 0 ? `one of the fields ${listed}` : 'no field of that name here',
          found: quoteName(key),
          at: 'key',
          ...(guess === undefined ? {} : { hint: `did you mean \`${guess}\`?` }),
        });
      }
      return;
    }
    case 'invalid_key': {
      const inner = issue.issues[0];
      const want = inner && !/^Invalid/.test(inner.message) ? stripExpected(inner.message) : 'a valid name';
      const key = path.at(-1);
      push(`a name that is ${want}`, quoteName(String(key)), { at: 'key' });
      return;
    }
    case 'invalid_union': {
      mapUnion(issue, path, here, ctx, out, value);
      return;
    }
    case 'custom':
      push(stripExpected(issue.message), describeValue(value));
      return;
    case 'not_multiple_of':
      push(`a multiple of ${String(issue.divisor)}`, describeValue(value));
      return;
    default:
      push(stripExpected(issue.message), describeValue(value));
  }
}

/**
 * A union reports every choice's issues. If the value plainly meant one choice (no unknown field
 * and no missing field at its top), report that choice's issues; otherwise list the forms.
 */
function mapUnion(
  issue: Extract<Issue, { code: 'invalid_union' }>,
  path: Path,
  here: Schema | undefined,
  ctx: Ctx,
  out: Finding[],
  value: unknown,
): void {
  const options = here?._zod.def.type === 'union' ? (here._zod.def.options ?? []) : [];
  let best: { issues: readonly Issue[]; schema: Schema | undefined } | undefined;
  issue.errors.forEach((branch, n) => {
    const plain = branch.every((b) => {
      if (b.code === 'unrecognized_keys' && b.path.length === 0) return false;
      if (b.code === 'invalid_type' && b.path.length === 1 && valueAt(value, b.path as Path) === undefined)
        return false;
      if (b.code === 'invalid_type' && b.path.length === 0) return false;
      return true;
    });
    if (plain && (!best || branch.length < best.issues.length)) best = { issues: branch, schema: options[n] };
  });
  if (best) {
    for (const b of best.issues) mapIssue(b, path, core(best.schema), ctx, out);
    return;
  }
  out.push({
    severity: 'error',
    path,
    expected: describeUnion(here) ?? 'one of several forms',
    found: describeValue(value),
  });
}

/** Findings for zod's issues on `input` checked against `schema`. */
export function findingsFromZod(issues: readonly Issue[], input: unknown, schema: z.ZodType): Finding[] {
  const ctx: Ctx = { input, schema: asSchema(schema) };
  const out: Finding[] = [];
  for (const issue of issues) mapIssue(issue, [], ctx.schema, ctx, out);
  return out;
}
