// Whether each private objective was met, and why, as data: the fact the objective's condition read
// at the end (the level, the value, the package and its delivered share), so the results and the
// debrief can say "met: signed turn 3, 77% delivered, counts from 60%" and scoring counts the same
// verdict. The words are the screens'; the engine gives only ids, turns and numbers.
import { deliveredEnough, holds, type PromiseRecord, promiseRecords } from './conditions.ts';
import type { Condition, Scenario, Side, World } from './types.ts';

type Objective = Scenario['objectives'][number];

/** What an objective's condition found, by the kind of condition. Turns are 0-based. */
export type ObjectiveWhy =
  | {
      readonly kind: 'delivered';
      readonly item: string;
      readonly atLeast: number; // the threshold, a share
      readonly signed: number | null; // the turn the deciding package was accepted; null: never signed
      readonly share: number | null; // delivered ÷ owed so far; null: nothing owed yet
      readonly ended: 'broken' | 'collapsed' | null; // how the deciding package ended, if it did
      readonly brokenBy: Side | null;
    }
  | { readonly kind: 'instrument'; readonly instrument: string; readonly level: number }
  | { readonly kind: 'indicator'; readonly indicator: string; readonly value: number } // tenths
  | { readonly kind: 'tension'; readonly value: number } // tenths
  | { readonly kind: 'deal'; readonly signed: number | null } // the package in force, if any
  | { readonly kind: 'statement'; readonly statement: string; readonly signed: number | null }
  | { readonly kind: 'collapsed'; readonly collapsed: boolean }
  | { readonly kind: 'event'; readonly event: string; readonly fired: number | null };

export interface ObjectiveStatus {
  readonly met: boolean;
  readonly condition: Condition;
  readonly why: ObjectiveWhy;
}

type Readable = Pick<World, 'values' | 'levels' | 'tension' | 'packages' | 'collapsed' | 'fired' | 'tallies'>;

/**
 * The package a delivery condition is decided by: the latest that meets it, else the latest that
 * still counts (in force, or ended by the other side), else the latest that holds the promise.
 */
function deciding(records: readonly PromiseRecord[], atLeast: number): PromiseRecord | null {
  return (
    records.find((r) => deliveredEnough(r, atLeast)) ?? records.find((r) => r.counts) ?? records[0] ?? null
  );
}

/** Whether an objective's condition holds in a state (normally the final one), and the fact it read. */
export function objectiveStatus(s: Readable, objective: Pick<Objective, 'condition'>): ObjectiveStatus {
  const c = objective.condition;
  const met = holds(c, s);
  return { met, condition: c, why: whyOf(c, s) };
}

function whyOf(c: Condition, s: Readable): ObjectiveWhy {
  if ('commitment' in c) {
    const r = deciding(promiseRecords(s, c.commitment), c.deliveredAtLeast);
    const status = r?.package.status;
    return {
      kind: 'delivered',
      item: c.commitment,
      atLeast: c.deliveredAtLeast,
      signed: r ? r.package.turn : null,
      share: r ? r.share : null,
      ended: status === 'broken' || status === 'collapsed' ? status : null,
      brokenBy: r?.package.brokenBy ?? null,
    };
  }
  if ('indicator' in c)
    return { kind: 'indicator', indicator: c.indicator, value: s.values[c.indicator] ?? 0 };
  if ('instrument' in c)
    return { kind: 'instrument', instrument: c.instrument, level: s.levels[c.instrument] ?? 0 };
  if ('tension' in c) return { kind: 'tension', value: s.tension };
  if ('deal' in c) {
    const inForce = s.packages.findLast((p) => p.status === 'active');
    return { kind: 'deal', signed: inForce ? inForce.turn : null };
  }
  if ('statement' in c) {
    const p = s.packages.findLast(
      (p) =>
        p.status === 'active' &&
        p.clauses.some((cl) => cl.kind === 'statement' && cl.statement === c.statement),
    );
    return { kind: 'statement', statement: c.statement, signed: p ? p.turn : null };
  }
  if ('collapsed' in c) return { kind: 'collapsed', collapsed: s.collapsed };
  return { kind: 'event', event: c.event, fired: s.fired[c.event] ?? null };
}
