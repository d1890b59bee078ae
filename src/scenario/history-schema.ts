// The history script (`history.script`): the moves the two governments really made, in order, in a
// form the engine can play, so the historical line is played and scored like any game (DESIGN.md
// "Scoring"). Each step is dated and either gives one side's orders (shift, announce, withdraw,
// build, extend: the engine's own order kinds, with a date instead of a turn for announcements) or
// records a package both sides agreed (the engine's clause kinds). A world may hold one script for
// the whole year: each opening plays the steps that fall inside its own calendar. Every step cites
// its source, or marks its date or its reading of the documents as an estimate; a step the documents
// report only as expected carries `status: expected, not confirmed`.
//
// schema.ts wires this in as one field of `history`; both sides reach each other lazily (z.lazy),
// because this module uses the schema's building blocks and the schema uses this module.
import { z } from 'zod';
import { dayNumber } from '../engine/rules';
import { scenarioSpan } from './crossref';
import type { Finding, Path } from './diagnostic';
import type { Scenario } from './schema';
import * as S from './schema';

/** `cited()` of schema.ts: a strict object with source/quote/estimate, checked the same way. */
function cited<T extends z.ZodRawShape>(shape: T) {
  return z.strictObject({ ...shape, ...S.CiteFields }).superRefine((v, ctx) => {
    const issue = S.citeIssue(v as S.Cite);
    if (issue) ctx.addIssue({ code: 'custom', message: `expected ${issue}`, path: ['source'] });
  });
}

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
  const Step = cited({
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

/**
 * Meaning checks of a scenario's script: unique step ids, and every instrument, alternative,
 * promise and statement named exists, with levels on its ladder and orders on the ordering side's
 * own instruments. Only the steps inside the scenario's calendar are checked: a world's script
 * covers the year, and each opening plays (and may `remove`) only the steps inside its own span.
 */
export function checkHistoryScript(s: Scenario): Finding[] {
  const out: Finding[] = [];
  const script = (s.history?.script ?? []) as HistoryScript;
  const err = (path: Path, expected: string, found: string) =>
    out.push({ severity: 'error', path, expected, found });
  const instruments = new Map(s.instruments.map((x) => [x.id, x]));
  const alternatives = new Map(s.alternatives.map((x) => [x.id, x]));
  const commitments = new Map(s.commitments.map((x) => [x.id, x]));
  const statements = new Set(s.statements.map((x) => x.id));
  const level = (id: string, lv: number, path: Path, owner?: string) => {
    const inst = instruments.get(id);
    if (!inst) {
      err([...path, 'instrument'], 'the id of an instrument', `"${id}", which no instrument has`);
      return;
    }
    if (owner !== undefined && inst.owner !== owner)
      err([...path, 'instrument'], `an instrument that ${owner} owns`, `"${id}", owned by ${inst.owner}`);
    if (lv > inst.levels.length - 1)
      err([...path, 'level'], `a level from 0 to ${inst.levels.length - 1} of ${inst.name}`, String(lv));
  };
  const span = scenarioSpan(s);
  const seen = new Map<string, number>();
  script.forEach((step, i) => {
    const at: Path = ['history', 'script', i];
    const first = seen.get(step.id);
    if (first !== undefined)
      err([...at, 'id'], 'an id used once in the script', `"${step.id}", also at script[${first}]`);
    else seen.set(step.id, i);
    const day = dayNumber(step.date);
    if (day < span.start || day >= span.end) return; // not played here: checked where it is
    step.orders?.forEach((o, j) => {
      const p: Path = [...at, 'orders', j];
      if (o.kind === 'shift' || o.kind === 'announce') level(o.instrument, o.level, p, step.side);
      else if (o.kind === 'withdraw') level(o.instrument, 0, p, step.side);
      else if (o.kind === 'build') {
        const alt = alternatives.get(o.alternative);
        if (!alt)
          err([...p, 'alternative'], 'the id of an alternative', `"${o.alternative}", which none has`);
        else if (alt.side !== step.side)
          err([...p, 'alternative'], `an alternative of ${step.side}`, `"${o.alternative}", of ${alt.side}`);
      }
      if (o.kind === 'announce' && o.date < step.date)
        err([...p, 'date'], `a date on or after the step's own (${step.date})`, o.date);
    });
    step.package?.clauses.forEach((c, j) => {
      const p: Path = [...at, 'package', 'clauses', j];
      if (c.kind === 'instrument') level(c.instrument, c.level, p);
      else if (c.kind === 'statement') {
        if (!statements.has(c.statement))
          err([...p, 'statement'], 'the id of a statement', `"${c.statement}", which none has`);
      } else {
        const item = commitments.get(c.item);
        const kind = c.kind === 'pledge' ? 'purchase' : 'structural';
        if (!item) err([...p, 'item'], 'the id of a commitment', `"${c.item}", which none has`);
        else if (item.kind !== kind)
          err([...p, 'kind'], `a clause kind that fits a ${item.kind} commitment`, c.kind);
      }
    });
  });
  return out;
}
