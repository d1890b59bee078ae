// The scenario format's building blocks: sides, ids, dates, points, citations and the condition
// language. The scenario schema (schema.ts), the AI's profiles (profile-schema.ts) and the history
// script (history-schema.ts) are all made of them; keeping them in their own module lets those
// three import it and schema.ts import the other two, with no import cycle.
import { z } from 'zod';

export const SIDES = ['us', 'cn'] as const;
export const SideSchema = z.enum(SIDES);
export type Side = z.infer<typeof SideSchema>;

/**
 * The names every JavaScript object already has (Object.prototype's): an id among them would read
 * as a property of the game's state instead of an entry. Of these only `constructor` fits the id
 * pattern; the list is written out, not read from the running engine, so every browser agrees.
 */
export const RESERVED_IDS: readonly string[] = [
  'constructor',
  '__proto__',
  '__defineGetter__',
  '__defineSetter__',
  '__lookupGetter__',
  '__lookupSetter__',
  'hasOwnProperty',
  'isPrototypeOf',
  'propertyIsEnumerable',
  'toLocaleString',
  'toString',
  'valueOf',
];

export const IdSchema = z
  .string()
  .regex(/^[a-z][a-z0-9-]*$/, { message: 'an id of lower-case letters, digits and hyphens', abort: true })
  .max(64)
  .refine(
    (id) => !RESERVED_IDS.includes(id),
    'an id other than `constructor` (a name every JavaScript object already has, so the game could not tell it from its own)',
  );

/**
 * A source document's file name, as it is in the sources folder given to `npm run check -- --sources
 * DIR`: any name (`002_09e0433b83108fc5.txt`, `ustr-fact-sheet.txt`, `My notes 2026.md`), but a
 * plain name, not a path, so that it is looked up in that folder and nowhere else.
 */
export const SourceFileSchema = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[^/\\]+$/, 'a file name with no folder in it, such as my-notes.txt')
  .refine(
    (s) => s !== '.' && s !== '..' && s.trim() === s,
    'a file name with no folder in it, such as my-notes.txt',
  );

export const DateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'a date as YYYY-MM-DD', abort: true })
  // Date.parse rolls 2025-02-30 over to 2 March: a real date is one that reads back unchanged.
  .refine((s) => {
    const ms = Date.parse(`${s}T00:00:00Z`);
    return !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 10) === s;
  }, 'a real calendar date');

const isTenths = (v: number) => Math.abs(v * 10 - Math.round(v * 10)) < 1e-6;

/** A value in points with at most one decimal, stored as integer tenths. */
export const PointsSchema = z
  .number()
  .refine(Number.isFinite, 'a finite number')
  .refine(isTenths, 'a number of points with at most one decimal (e.g. 2.5)')
  .transform((v) => Math.round(v * 10));

/** Effects on indicators, in points per turn: `{ cn-exports: -3, us-prices: -1 }`. */
export const EffectsSchema = z.record(IdSchema, PointsSchema);
export type Effects = z.output<typeof EffectsSchema>;

/**
 * Where a fact comes from. An item that states a fact gives `source` and a verbatim `quote`; a
 * number the documents do not give is marked `estimate: <what it stands for>`. Items whose label is
 * documented but whose numbers are estimated give both.
 */
export const CiteFields = {
  source: SourceFileSchema.optional(), // "002_09e0433b83108fc5.txt"
  quote: z.string().min(3).max(2000).optional(), // verbatim from the source
  estimate: z.string().min(3).max(500).optional(), // "design estimate: the tariff's bite on exports"
};
export type Cite = {
  source?: string | undefined;
  quote?: string | undefined;
  estimate?: string | undefined;
};

/** The check every cited item gets: a fact with a source needs its quote, anything else an estimate. */
export function citeIssue(c: Cite): string | null {
  if (c.source !== undefined && c.quote === undefined) return 'a `quote` from the cited source';
  if (c.quote !== undefined && c.source === undefined) return 'a `source` file for the quote';
  if (c.source === undefined && c.estimate === undefined)
    return 'a `source` and `quote`, or `estimate: <what the number stands for>`';
  return null;
}

/** A strict object with `source`/`quote`/`estimate`, checked by `citeIssue`. */
export function cited<T extends z.ZodRawShape>(shape: T) {
  return z.strictObject({ ...shape, ...CiteFields }).superRefine((v, ctx) => {
    const issue = citeIssue(v as Cite);
    if (issue) ctx.addIssue({ code: 'custom', message: `expected ${issue}`, path: ['source'] });
  });
}

// ---------------------------------------------------------------------------------------------
// Conditions: one small language for events, clauses, objectives and (later) the AI's rules.

export const ConditionSchema = z.union([
  z.strictObject({
    indicator: IdSchema,
    below: PointsSchema.optional(), // points
    above: PointsSchema.optional(),
  }),
  z.strictObject({
    instrument: IdSchema,
    atMost: z.number().int().min(0).optional(),
    atLeast: z.number().int().min(0).optional(),
  }),
  z.strictObject({
    tension: z.strictObject({ above: PointsSchema.optional(), below: PointsSchema.optional() }),
  }),
  z.strictObject({ deal: z.boolean() }), // a package is in force (true) or none is (false)
  z.strictObject({ statement: IdSchema }), // an accepted package holds this statement
  z.strictObject({ collapsed: z.boolean() }),
  z.strictObject({ event: IdSchema }), // this event has fired
  z.strictObject({
    commitment: IdSchema, // a promise (purchase or structural) in a package in force or kept …
    deliveredAtLeast: z.number().min(0).max(1), // … delivered at least this share of what was owed so far
  }),
]);
export type Condition = z.output<typeof ConditionSchema>;
