// The scenario's facts in words that both the screens (src/present) and the AI's sentences
// (ai-reason.ts) use, kept here because the engine may not import the presentation: dates, an
// instrument's name and level, a percentage and a condition. Rendered from the scenario's data.
import { rulesFor } from './rules.ts';
import type { Condition, Scenario } from './types.ts';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `2025-10-10` → `10 Oct 2025`. */
export function fmtDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${d} ${MONTHS[(m ?? 1) - 1]} ${y}`;
}

/** A share as a whole percentage, a negative one with a true minus sign. */
export const pct = (x: number) => {
  const n = Math.round(x * 100);
  return n < 0 ? `−${-n}%` : `${n}%`;
};

/** An instrument's short name (its name if it has none; `unknown` for an id the scenario lacks). */
export const instName = (sc: Scenario, id: string, unknown: string = id) => {
  const i = rulesFor(sc).instruments.get(id);
  return i?.short ?? i?.name ?? unknown;
};

/** The label of one of an instrument's levels. */
export function levelText(sc: Scenario, id: string, level: number): string {
  return rulesFor(sc).instruments.get(id)?.levels[level]?.label ?? `level ${level}`;
}

export const promiseName = (sc: Scenario, id: string) => rulesFor(sc).commitments.get(id)?.name ?? id;
export const eventTitle = (sc: Scenario, id: string) => rulesFor(sc).events.get(id)?.title ?? id;

/** A condition as the end of a sentence: “US tariff at most “20% (fentanyl tariff)””. */
export function conditionText(sc: Scenario, c: Condition): string {
  if ('indicator' in c) {
    const name = rulesFor(sc).indicators.get(c.indicator)?.name ?? c.indicator;
    const parts: string[] = [];
    if (c.below !== undefined) parts.push(`below ${c.below / 10}`);
    if (c.above !== undefined) parts.push(`above ${c.above / 10}`);
    return `${name} ${parts.join(' and ')}`;
  }
  if ('instrument' in c) {
    const parts: string[] = [];
    if (c.atMost !== undefined) parts.push(`at most “${levelText(sc, c.instrument, c.atMost)}”`);
    if (c.atLeast !== undefined) parts.push(`at least “${levelText(sc, c.instrument, c.atLeast)}”`);
    return `${instName(sc, c.instrument)} ${parts.join(' and ')}`;
  }
  if ('tension' in c) {
    const parts: string[] = [];
    if (c.tension.above !== undefined) parts.push(`above ${c.tension.above / 10}`);
    if (c.tension.below !== undefined) parts.push(`below ${c.tension.below / 10}`);
    return `tension ${parts.join(' and ')}`;
  }
  if ('deal' in c) return c.deal ? 'a deal is in force' : 'no deal is in force';
  if ('statement' in c)
    return `the statement “${rulesFor(sc).statements.get(c.statement)?.name ?? c.statement}” stands`;
  if ('collapsed' in c) return c.collapsed ? 'the talks have collapsed' : 'the talks go on';
  if ('commitment' in c)
    return `“${promiseName(sc, c.commitment)}” signed and at least ${pct(c.deliveredAtLeast)} delivered`;
  return `“${eventTitle(sc, c.event)}” has happened`;
}
