// The history script (`history.script`): the moves the two governments really made, in order, in a
// form the engine can play, so the historical line is played and scored like any game (DESIGN.md
// "Scoring"). Each step is dated and either gives one side's orders (shift, announce, withdraw,
// build, extend: the engine's own order kinds, with a date instead of a turn for announcements) or
// records a package both sides agreed (the engine's clause kinds). A world may hold one script for
// the whole year: each opening plays the steps that fall inside its own calendar. Every step cites
// its source, or marks its date or its reading of the documents as an estimate; a step the documents
// report only as expected carries `status: expected, not confirmed`.
//
// schema.ts wires this in as one field of `history` (lazily, as built on first use); its meaning
// checks are the scenario loader's (src/scenario/history-check.ts).
import { z } from 'zod';
import * as S from './basics.ts';

function build() {
  const Level = z.number().int().min(0);
  const Order = z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('shift'), instrument: S.IdSchema, level: Level }), // any number of levels
    z.strictObject({
      kind: z.literal('announce'),
      instrument: S.IdSchema,
      level: Level,
      date: S.DateSchema, // takes effect on the turn whose span holds this date
    }),
    z.strictObject({ kind: z.literal('withdraw'), instrument: S.IdSchema }),
    z.strictObject({ kind: z.literal('build'), alternative: S.IdSchema }),
    z.strictObject({
      kind: z.literal('extend'),
      to: S.DateSchema.optional(), // the truce's new end: skipped if the truce already runs that long
    }),
  ]);
  const Clause = z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('instrument'), instrument: S.IdSchema, level: Level }),
    z.strictObject({
      kind: z.literal('pledge'),
      item: S.IdSchema,
      size: z.enum(['small', 'medium', 'large']),
      condition: S.ConditionSchema.optional(),
    }),
    z.strictObject({
      kind: z.literal('commitment'),
      item: S.IdSchema,
      condition: S.ConditionSchema.optional(),
    }),
    z.strictObject({ kind: z.literal('statement'), statement: S.IdSchema }),
  ]);
  const Step = S.cited({
    id: S.IdSchema, // "geneva-truce"
    date: S.DateSchema, // played in the turn whose span holds it
    side: S.SideSchema.optional(), // whose orders (a step with `orders`)
    text: z.string().min(1).max(600), // what happened, in a sentence, for the debrief
    orders: z.array(Order).min(1).max(3).optional(),
    package: z
      .strictObject({
        proposer: S.SideSchema.optional(), // default: the side that opens that turn's talks
        clauses: z.array(Clause).min(1).max(6),
        readouts: z.partialRecord(S.SideSchema, z.enum(['trumpet', 'modest'])).optional(),
      })
      .optional(),
    status: z.enum(['confirmed', 'expected, not confirmed']).default('confirmed'),
  }).superRefine((v, ctx) => {
    const o = v as { orders?: unknown; package?: unknown; side?: unknown };
    if ((o.orders === undefined) === (o.package === undefined))
      ctx.addIssue({ code: 'custom', message: 'expected either `orders` or `package`', path: ['orders'] });
    if (o.orders !== undefined && o.side === undefined)
      ctx.addIssue({ code: 'custom', message: 'expected `side`: whose orders these are', path: ['side'] });
  });
  return z.array(Step);
}

/** The script's steps, in the order written (the player sorts them by date). */
export const HistoryScriptSchema = z.lazy(build);
export type HistoryScript = z.output<ReturnType<typeof build>>;
export type HistoryScriptStep = HistoryScript[number];
export type ScriptOrder = NonNullable<HistoryScriptStep['orders']>[number];
export type ScriptClause = NonNullable<HistoryScriptStep['package']>['clauses'][number];
