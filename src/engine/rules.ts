// A scenario indexed for the engine: maps by id, each side's indicators, the calendar in turns.
// Built once per scenario object and cached, so moves never search lists.
import { contentHash } from './hash.ts';
import type { BySide, Scenario, Side } from './types.ts';

type Of<K extends keyof Scenario> = NonNullable<Scenario[K]> extends readonly (infer T)[] ? T : never;
export type Indicator = Of<'indicators'>;
export type Instrument = Of<'instruments'>;
export type Alternative = Of<'alternatives'>;
export type Commitment = Of<'commitments'>;
export type Statement = Of<'statements'>;
export type ScenarioEvent = Of<'events'>;

export interface Rules {
  readonly scenario: Scenario;
  readonly hash: string;
  readonly indicators: ReadonlyMap<string, Indicator>;
  readonly indicatorsOf: BySide<readonly Indicator[]>;
  readonly instruments: ReadonlyMap<string, Instrument>;
  readonly instrumentIds: readonly string[]; // sorted: orders resolve in this order
  readonly alternatives: ReadonlyMap<string, Alternative>;
  readonly commitments: ReadonlyMap<string, Commitment>;
  readonly statements: ReadonlyMap<string, Statement>;
  readonly events: ReadonlyMap<string, ScenarioEvent>;
  readonly mainTurns: number; // turns before the deadline: talks happen in these
  readonly totalTurns: number; // main turns and the epilogue
  readonly summitTurn: number | null;
  readonly eventTurns: ReadonlyMap<string, number>; // dated events → their turn
  readonly startDay: number;
}

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 for a `YYYY-MM-DD` date (integer arithmetic, same everywhere). */
export function dayNumber(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return Math.round(Date.UTC(y, m - 1, d) / DAY_MS);
}

export function dateOfDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

const cache = new WeakMap<Scenario, Rules>();

export function rulesFor(scenario: Scenario): Rules {
  const hit = cache.get(scenario);
  if (hit) return hit;
  const byId = <T extends { id: string }>(xs: readonly T[]) => new Map(xs.map((x) => [x.id, x] as const));
  const cal = scenario.calendar;
  const startDay = dayNumber(cal.start);
  const turnOfDay = (day: number) => Math.floor((day - startDay) / cal.turnDays);
  const mainTurns = Math.max(1, Math.ceil((dayNumber(cal.deadline) - startDay) / cal.turnDays));
  const eventTurns = new Map<string, number>();
  for (const e of scenario.events)
    if (e.date) eventTurns.set(e.id, Math.max(0, turnOfDay(dayNumber(e.date))));
  const rules: Rules = {
    scenario,
    hash: contentHash(scenario),
    indicators: byId(scenario.indicators),
    indicatorsOf: {
      us: scenario.indicators.filter((i) => i.side === 'us'),
      cn: scenario.indicators.filter((i) => i.side === 'cn'),
    },
    instruments: byId(scenario.instruments),
    instrumentIds: scenario.instruments.map((i) => i.id).sort(),
    alternatives: byId(scenario.alternatives),
    commitments: byId(scenario.commitments),
    statements: byId(scenario.statements),
    events: byId(scenario.events),
    mainTurns,
    totalTurns: mainTurns + cal.epilogueTurns,
    summitTurn: cal.summit ? turnOfDay(dayNumber(cal.summit.date)) : null,
    eventTurns,
    startDay,
  };
  cache.set(scenario, rules);
  return rules;
}

/** The turn whose span holds a date (turn 0 for dates before the start). */
export function turnOf(rules: Rules, date: string): number {
  return Math.max(0, Math.floor((dayNumber(date) - rules.startDay) / rules.scenario.calendar.turnDays));
}

/** The first day of a turn, as `YYYY-MM-DD`. */
export function dateOf(rules: Rules, turn: number): string {
  return dateOfDay(rules.startDay + turn * rules.scenario.calendar.turnDays);
}

export const isEpilogue = (rules: Rules, turn: number) => turn >= rules.mainTurns;

/** Who opens the talks on a turn: the scenario's first side, then alternating turn by turn. */
export function firstInTalks(rules: Rules, turn: number): Side {
  const first = rules.scenario.calendar.firstInTalks;
  return turn % 2 === 0 ? first : first === 'us' ? 'cn' : 'us';
}
