// The scenario format: one zod schema is the single source of the scenario's types, of the
// loader's validation and of the editors' JSON Schemas. Files give indicator values and effects in
// points with one decimal; the schema's output stores them as integer tenths, which is what the
// engine computes with (so every browser adds the same integers).
import { z } from 'zod';
import {
  ConditionSchema,
  cited,
  DateSchema,
  EffectsSchema,
  IdSchema,
  PointsSchema,
  SideSchema,
  SourceFileSchema,
} from './basics.ts';
import { HistoryScriptSchema } from './history-schema.ts';
import { ProfileSchema } from './profile-schema.ts';

export * from './basics.ts';

const Share = z.number().min(0).max(1);
const Coefficient = z.number().min(0).max(100);

export const DocumentSchema = z.strictObject({
  file: SourceFileSchema,
  title: z.string().min(1),
  outlet: z.string().min(1),
  date: z.string().min(1), // "30 Sep 2025", as published
  author: z.string().optional(),
});

export const SideDefSchema = cited({
  name: z.string().min(1).max(40), // "Washington"
  sigma: z.number().positive().max(10), // pain sensitivity: above 1 needs a deal
  resolve: Share, // are its threats carried out?
  reliability: Share, // are its promises kept?
  politics: IdSchema, // the indicator concessions spend: political capital or face
  pressureMultiplier: z.number().min(1).max(5).default(1), // concession cost right after being escalated against
});
export type SideDef = z.output<typeof SideDefSchema>;

export const IndicatorSchema = cited({
  id: IdSchema,
  side: SideSchema,
  name: z.string().min(1).max(60), // "Farm income"
  start: PointsSchema, // 55.0
  min: PointsSchema.prefault(0),
  max: PointsSchema.prefault(100),
  weight: Share, // weights of a side's indicators sum to 1
  alt: Share.default(0), // opening alternatives: how much pressure it can absorb
  altCap: Share.default(0.6), // the most a held restriction lets it creep to
  altCreep: Share.default(0.02), // per turn while something hits it
  drift: PointsSchema.prefault(0), // per turn, whatever is played
});
export type Indicator = z.output<typeof IndicatorSchema>;

export const LevelSchema = cited({
  label: z.string().min(1).max(60), // "145%", "seven metals restricted"
  effects: EffectsSchema.prefault({}),
});
export type Level = z.output<typeof LevelSchema>;

export const InstrumentSchema = cited({
  id: IdSchema,
  owner: SideSchema,
  name: z.string().min(1).max(80), // "US tariff on Chinese goods"
  short: z.string().min(1).max(24).optional(), // "US tariff"
  kind: z.enum(['tariff', 'export-control', 'purchase', 'regulation', 'other']).default('other'),
  valve: z.boolean().default(false), // fine, cheap steps: moving it costs little tension
  level: z.number().int().min(0), // opening level
  levels: z.array(LevelSchema).min(2).max(12),
  tensionPerStep: PointsSchema.optional(), // tension per level raised (default: params.tension)
  concessionCost: PointsSchema.prefault(0), // owner's politics indicator, per level lowered
});
export type Instrument = z.output<typeof InstrumentSchema>;

export const AlternativeSchema = cited({
  id: IdSchema,
  side: SideSchema,
  name: z.string().min(1).max(80), // "Minerals deals with Japan, Malaysia, Thailand"
  gains: z.record(IdSchema, Share), // alt added in all, spread over the turns
  turns: z.number().int().min(1).max(20),
  cost: EffectsSchema.prefault({}), // paid once, when started
});
export type Alternative = z.output<typeof AlternativeSchema>;

export const CommitmentSchema = cited({
  id: IdSchema,
  side: SideSchema, // who promises
  kind: z.enum(['purchase', 'structural']),
  name: z.string().min(1).max(80), // "Soybean purchases"
  effects: EffectsSchema, // per turn at full delivery (size "medium" for purchases)
  rate: Share, // expected share delivered per turn: 0.58 for Phase One
  spread: Share.default(0.2), // how far a turn's delivery strays from the rate
  condition: ConditionSchema.optional(), // the condition the promiser ties it to, if it proposes one
});
export type Commitment = z.output<typeof CommitmentSchema>;

export const StatementSchema = cited({
  id: IdSchema,
  name: z.string().min(1).max(80), // "Language opposing Taiwan independence"
  text: z.string().min(1).max(600),
  effects: EffectsSchema.prefault({}), // once, when accepted
});
export type Statement = z.output<typeof StatementSchema>;

export const EventSchema = cited({
  id: IdSchema,
  title: z.string().min(1).max(120),
  text: z.string().min(1).max(2000),
  date: DateSchema.optional(), // fires on the turn whose span holds this date
  condition: ConditionSchema.optional(), // fires on the first turn it holds
  chance: Share.optional(), // a seeded random event: its chance each turn it could fire
  effects: EffectsSchema.prefault({}),
  tension: PointsSchema.prefault(0),
  shifts: z.record(IdSchema, z.number().int().min(0)).default({}), // instrument → level
  alt: z.record(IdSchema, z.number().min(-1).max(1)).default({}),
  resolve: z.partialRecord(SideSchema, z.number().min(-1).max(1)).default({}),
});
export type ScenarioEvent = z.output<typeof EventSchema>;

export const ObjectiveSchema = cited({
  id: IdSchema,
  side: SideSchema,
  text: z.string().min(1).max(300),
  condition: ConditionSchema, // checked at the end of the game
  points: PointsSchema, // score points; a side's objectives add at most 33 (engine/scoring.ts)
});
export type Objective = z.output<typeof ObjectiveSchema>;

export const RedLineSchema = z
  .strictObject({
    id: IdSchema,
    side: SideSchema,
    text: z.string().min(1).max(300),
    statement: IdSchema.optional(), // a package holding this statement
    instrument: IdSchema.optional(), // a package lowering this instrument …
    below: z.number().int().min(0).optional(), // … below this level
  })
  .refine((r) => r.statement !== undefined || r.instrument !== undefined, {
    message: 'expected `statement` or `instrument` (with `below`)',
  });
export type RedLine = z.output<typeof RedLineSchema>;

export const BriefingSchema = z.strictObject({
  text: z.string().min(1).max(6000),
  sources: z
    .array(z.strictObject({ source: SourceFileSchema, quote: z.string().min(3).max(2000) }))
    .default([]),
});

export const HistoryStepSchema = cited({
  date: DateSchema,
  side: z.enum(['us', 'cn', 'both']),
  text: z.string().min(1).max(600),
  shifts: z.record(IdSchema, z.number().int().min(0)).default({}), // what the move set, if any
});

export const HistorySchema = z.strictObject({
  summary: z.string().min(1).max(3000),
  steps: z.array(HistoryStepSchema).default([]),
  script: z.lazy(() => HistoryScriptSchema).optional(), // the real moves, played by the engine (history-schema.ts)
  outcome: z.strictObject({
    text: z.string().min(1).max(2000),
    terms: z
      .array(
        cited({
          text: z.string().min(1).max(400),
          status: z.enum(['confirmed', 'expected, not confirmed']),
        }),
      )
      .default([]),
  }),
});

export const TensionParamsSchema = z.strictObject({
  start: PointsSchema, // opening tension, 0–100
  perStep: PointsSchema.prefault(4), // each level an instrument is raised
  valvePerStep: PointsSchema.prefault(1),
  announce: PointsSchema.prefault(3),
  breach: PointsSchema.prefault(10),
  agreement: PointsSchema.prefault(-8), // each package accepted
  trumpet: PointsSchema.prefault(3),
  decay: PointsSchema.prefault(-1), // each turn
  risk: PointsSchema.prefault(70), // crises may strike above this
  max: PointsSchema.prefault(100), // the talks collapse here
  crisisChance: Share.default(0.5), // chance at the top of the risk band, linear from the risk line
  crisis: PointsSchema.prefault(8), // tension a crisis adds
  crisisEffects: EffectsSchema.prefault({}),
});

export const ParamsSchema = z.strictObject({
  H: z.number().positive().max(20), // leverage horizon, in turns
  k: z.number().int().min(1).max(3), // orders per turn (the action budget)
  lambda: Coefficient, // weight of a threat's cost to its owner
  delta: Share, // credibility a public announcement adds
  tension: TensionParamsSchema,
  credibility: z
    .strictObject({
      announcementCarried: z.number().min(0).max(1).default(0.05), // resolve, when it takes effect
      withdrawnForNothing: z.number().min(0).max(1).default(0.1), // resolve lost
      extension: z.number().min(0).max(1).default(0.05), // resolve lost extending the truce
      breach: z.number().min(0).max(1).default(0.15), // reliability lost
      learning: z.number().min(0).max(1).default(0.2), // how fast deliveries move reliability
    })
    .prefault({}),
  readout: z
    .strictObject({
      trumpetGain: PointsSchema.prefault(2), // own politics indicator
      trumpetCost: PointsSchema.prefault(-2), // the other side's
    })
    .prefault({}),
  pledgeSizes: z
    .strictObject({
      small: z.number().positive(),
      medium: z.number().positive(),
      large: z.number().positive(),
    })
    .default({ small: 0.5, medium: 1, large: 1.5 }),
  altMax: Share.default(0.9), // no alternative absorbs everything
});
export type Params = z.output<typeof ParamsSchema>;

export const CalendarSchema = z.strictObject({
  start: DateSchema,
  turnDays: z.number().int().min(1).max(120),
  deadline: DateSchema, // the summit or the truce's end: the main phase ends here
  epilogueTurns: z.number().int().min(0).max(20),
  firstInTalks: SideSchema,
  summit: z
    .strictObject({
      date: DateSchema,
      name: z.string().min(1).max(80), // "Busan meeting"
      deal: EffectsSchema, // a package signed by then: the visible-win bonus
      noDeal: EffectsSchema, // no package by then
    })
    .optional(),
  truce: z
    .strictObject({
      end: DateSchema,
      extendDays: z.number().int().min(1).max(365),
      snapback: z.record(IdSchema, z.number().int().min(0)), // instrument → level on expiry
    })
    .optional(),
});
export type Calendar = z.output<typeof CalendarSchema>;

export const AnnouncementSchema = cited({
  instrument: IdSchema,
  level: z.number().int().min(0),
  date: DateSchema, // takes effect on the turn whose span holds this date
});

export const MetaSchema = z.strictObject({
  title: z.string().min(1).max(120),
  period: z.string().min(1).max(80),
  summary: z.string().min(1).max(2000),
  minutes: z.number().int().min(5).max(600), // estimated playing time
});

/** Every field of a complete, merged scenario. */
export const scenarioShape = {
  id: IdSchema,
  version: z.number().int().min(1).default(1),
  meta: MetaSchema,
  documents: z.array(DocumentSchema).min(1),
  sides: z.strictObject({ us: SideDefSchema, cn: SideDefSchema }),
  params: ParamsSchema,
  calendar: CalendarSchema,
  indicators: z.array(IndicatorSchema).min(2),
  instruments: z.array(InstrumentSchema).min(2),
  alternatives: z.array(AlternativeSchema).default([]),
  commitments: z.array(CommitmentSchema).default([]),
  statements: z.array(StatementSchema).default([]),
  announcements: z.array(AnnouncementSchema).default([]), // pending at the opening
  events: z.array(EventSchema).default([]),
  objectives: z.array(ObjectiveSchema).default([]),
  redLines: z.array(RedLineSchema).default([]),
  briefings: z.strictObject({ us: BriefingSchema, cn: BriefingSchema }),
  history: HistorySchema.optional(),
  // The AI's profiles (profile-schema.ts), each private to its side. Lazy: that module builds on this one.
  profiles: z.array(z.lazy(() => ProfileSchema)).default([]),
};

export const ScenarioSchema = z.strictObject(scenarioShape);
/** A scenario as the engine uses it: merged, validated, values in tenths. */
export type Scenario = z.output<typeof ScenarioSchema>;
export type ScenarioInput = z.input<typeof ScenarioSchema>;
