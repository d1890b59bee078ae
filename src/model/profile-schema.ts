// The scripted opponent's profiles, as a scenario file writes them (DESIGN.md "The scripted AI"):
// a government's character in parameters (patience, reciprocity, face, maximum tension, headline
// bias), rules with ids (`when` conditions → `prefer` / `avoid` / `never` / `respond` / `mirror`),
// and opening templates from history. Every rule says what it stands for and where it comes from
// (`source` + verbatim `quote`, or `estimate:`), so the move it decides can be explained to a
// student. Kept apart from schema.ts, which only adds the `profiles` list to the scenario.
//
// Built from basics.ts's building blocks; schema.ts adds it to the scenario. The building blocks
// are reached through `z.lazy`, as when the two modules imported each other.
import { z } from 'zod';
import {
  type Cite,
  CiteFields,
  ConditionSchema,
  citeIssue,
  DateSchema,
  IdSchema,
  PointsSchema,
  SideSchema,
} from './basics.ts';

const Share = z.number().min(0).max(1);
const Id = z.lazy(() => IdSchema);
const Points = z.lazy(() => PointsSchema);
const Cites = {
  source: z.lazy(() => CiteFields.source),
  quote: z.lazy(() => CiteFields.quote),
  estimate: z.lazy(() => CiteFields.estimate),
};

function cited<T extends z.ZodRawShape>(shape: T) {
  return z.strictObject({ ...shape, ...Cites }).superRefine((v, ctx) => {
    const issue = citeIssue(v as Cite);
    if (issue) ctx.addIssue({ code: 'custom', message: `expected ${issue}`, path: ['source'] });
  });
}

export const RECIPROCITIES = ['none', 'proportional', 'tit-for-two-tats'] as const;
export type Reciprocity = (typeof RECIPROCITIES)[number];

/**
 * Its rule of conduct for escalation (src/ai/escalation.ts): `in-answer` never escalates harder than
 * what it answers; `first` may escalate first, but only by an announcement naming what it wants,
 * and not in a turn in which it made a proposal. Absent: as its search and rules choose.
 */
export const ESCALATES = ['in-answer', 'first'] as const;
export type Escalates = (typeof ESCALATES)[number];

/** A profile's character in numbers: the same at every level of play, but for the thresholds `levels` restates. */
export const ProfileParamsSchema = cited({
  patience: Share, // how slowly its acceptance threshold falls: 0.2 concedes early, 0.8 holds out late
  reciprocity: z.enum(RECIPROCITIES), // how it answers escalation: not at all, in proportion, after two
  escalates: z.enum(ESCALATES).optional(), // only in answer and no harder, or first by a named threat
  face: z.number().min(0).max(5).default(1), // how dear its own visible concessions are (1: as scored)
  maxTension: Points, // it avoids moves that would take tension above this (points, 0–100)
  headlineBias: z.number().min(0).max(5).default(0), // extra value of headline wins before a summit
  thetaStart: z.number().min(0).max(3).default(0.9), // share of its target it asks at the opening (above 1: it aspires to more) …
  thetaFloor: Share.default(0.3), // … and at its deadline
  deadline: z.enum(['summit', 'end']).default('summit'), // its threshold falls toward the summit, or the game's end (it can outlast)
});
export type ProfileParams = z.output<typeof ProfileParamsSchema>;

/**
 * Its thresholds restated for one level of play. Each level reads a package's worth its own way (the
 * lowest sees only the first turns an offer brings, the hardest counts on what waiting brings), so
 * the same share of its target is a different demand at each: a profile may restate the share for a
 * level, to keep that level's games between equal opponents in balance. Design estimates, found
 * with `npm run tune -- FILE --level N` (or `npm run simulate` at that level) and checked with
 * `npm run balance`.
 */
export const LevelParamsSchema = cited({
  thetaStart: z.number().min(0).max(3).optional(),
  thetaFloor: Share.optional(),
  // its opening proposal asks its threshold times 1 ± up to this share, drawn by its own dice, so
  // that a level whose games are otherwise the same from every seed opens differently
  spread: z.number().min(0).max(0.5).optional(),
});
export type LevelParams = z.output<typeof LevelParamsSchema>;

const Bounds = z.strictObject({ above: z.number().optional(), below: z.number().optional() });

export const OPPONENT_ACTS = [
  // raised an instrument, or an announcement of its took effect, still standing (no package undid
  // it) and not yet answered
  'escalated',
  'announced', // announced a dated rise
  'conceded', // lowered an instrument on its own
  'built', // started building an alternative
  'withdrew', // withdrew an announcement
  'nothing', // passed its orders
] as const;

/**
 * The facts a rule can look at. Besides the engine's own conditions (indicator, instrument level,
 * tension, deal, statement, collapse, event fired): credibility, leverage, the calendar, what the
 * opponent did last turn, whether it was escalated against, and what the open proposal contains.
 */
export const ClauseMatchSchema = z.strictObject({
  kind: z.enum(['instrument', 'pledge', 'commitment', 'statement']).optional(),
  id: Id.optional(), // the instrument, promise or statement
  giver: z.enum(['self', 'other']).optional(), // who gives it
  tied: z.boolean().optional(), // a promise carrying a condition (soybeans while the tariff is low)
  below: z.number().int().min(0).optional(), // an instrument clause setting a level below this
});
export type ClauseMatch = z.output<typeof ClauseMatchSchema>;

export const AiConditionSchema = z.union([
  z.lazy(() => ConditionSchema),
  z.strictObject({ resolve: Bounds.extend({ of: z.enum(['self', 'other']) }) }),
  z.strictObject({ reliability: Bounds.extend({ of: z.enum(['self', 'other']) }) }),
  z.strictObject({ leverage: Bounds }), // its own share, 0–1
  z.strictObject({
    turnsTo: z.union([z.enum(['summit', 'deadline', 'truce-end', 'end']), z.lazy(() => DateSchema)]),
    atMost: z.number().int().min(0).optional(),
    atLeast: z.number().int().min(0).optional(),
  }),
  z.strictObject({ opponent: z.enum(OPPONENT_ACTS) }), // last turn's revealed orders
  z.strictObject({ pressured: z.boolean() }), // escalated against last turn
  z.strictObject({ rejected: z.boolean() }), // the other side rejected one of its proposals this turn
  z.strictObject({ proposal: ClauseMatchSchema }), // the open proposal holds such a clause
  z.strictObject({ phase: z.enum(['talks', 'orders']) }),
  z.strictObject({ epilogue: z.boolean() }),
]);
export type AiCondition = z.output<typeof AiConditionSchema>;

export const ORDER_KINDS = [
  'escalate',
  'de-escalate',
  'announce',
  'withdraw',
  'build',
  'extend',
  'none',
] as const;
export const MOVE_KINDS = ['propose', 'accept', 'reject', 'pass', 'orders', 'readout'] as const;

/** Which candidate moves a rule is about. Every field given must match. */
export const MoveMatchSchema = z.strictObject({
  move: z.enum(MOVE_KINDS).optional(),
  order: z.enum(ORDER_KINDS).optional(), // for orders: what one of them does
  instrument: Id.optional(), // … to this instrument
  instrumentKind: z.enum(['tariff', 'export-control', 'purchase', 'regulation', 'other']).optional(),
  alternative: Id.optional(),
  // a proposal made (or answered) holding such a clause, or every one of a list of them
  contains: z.union([ClauseMatchSchema, z.array(ClauseMatchSchema).min(1).max(4)]).optional(),
  style: z.enum(['trumpet', 'modest']).optional(),
  reason: z.enum(['too-little', 'distrust', 'timing', 'face', 'linkage']).optional(),
});
export type MoveMatch = z.output<typeof MoveMatchSchema>;

/** How an answer to escalation is sized: matched to the harm received, or any escalation at all. */
export const RESPONSES = ['proportional', 'any'] as const;

export const RuleSchema = cited({
  id: Id, // "cn-proportional": the reason code is `rule:cn-proportional`
  text: z.string().min(3).max(200), // "Beijing answers in proportion"
  when: z.array(AiConditionSchema).default([]), // all must hold (none: always)
  weight: z.number().min(0).max(1000), // in points of its own summed utility
  chance: Share.default(1), // how often it applies when its conditions hold (drawn from the AI's dice)
  prefer: MoveMatchSchema.optional(),
  avoid: MoveMatchSchema.optional(),
  never: MoveMatchSchema.optional(),
  respond: z.enum(RESPONSES).optional(), // an escalating order against the opponent
  mirror: z.enum(['escalation', 'concession']).optional(), // do as the opponent did last turn
}).superRefine((r, ctx) => {
  const actions = ['prefer', 'avoid', 'never', 'respond', 'mirror'].filter(
    (k) => (r as Record<string, unknown>)[k] !== undefined,
  );
  if (actions.length !== 1)
    ctx.addIssue({
      code: 'custom',
      message: 'expected exactly one of `prefer`, `avoid`, `never`, `respond`, `mirror`',
      path: ['id'],
    });
});
export type Rule = z.output<typeof RuleSchema>;

/** A clause of a template: instruments are ceilings (lowered to at most this level). */
export const TemplateClauseSchema = z.union([
  z.strictObject({ instrument: Id, level: z.number().int().min(0) }),
  z.strictObject({
    pledge: Id,
    size: z.enum(['small', 'medium', 'large']),
    tied: z.boolean().default(false), // with the promise's own condition
  }),
  z.strictObject({ commitment: Id, tied: z.boolean().default(false) }),
  z.strictObject({ statement: Id }),
]);
export type TemplateClause = z.output<typeof TemplateClauseSchema>;

/** A package from history that the profile opens from and improves by logrolling. */
export const TemplateSchema = cited({
  id: Id, // "phase-one-revival"
  name: z.string().min(3).max(120),
  clauses: z.array(TemplateClauseSchema).min(1).max(6),
});
export type Template = z.output<typeof TemplateSchema>;

export const ProfileSchema = z.strictObject({
  id: Id, // "beijing"
  side: z.lazy(() => SideSchema),
  name: z.string().min(1).max(80), // "Beijing, as the documents describe it"
  summary: z.string().min(1).max(1000).optional(),
  params: ProfileParamsSchema,
  // thresholds restated for a level of play (1 to 3), where that level's balance needs it
  levels: z
    .strictObject({
      1: LevelParamsSchema.optional(),
      2: LevelParamsSchema.optional(),
      3: LevelParamsSchema.optional(),
    })
    .optional(),
  rules: z.array(RuleSchema).default([]),
  templates: z.array(TemplateSchema).default([]),
});
export type Profile = z.output<typeof ProfileSchema>;
