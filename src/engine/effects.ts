// The state changes every rule is made of, applied to a working copy (kernel.ts): moving indicators within their
// bounds, raising and lowering instruments (with the tension, pressure, concession cost and breach
// each implies), firing events, and reading a side's utility. Values are integer tenths of a point;
// coefficients are rounded to thousandths when written.
import { dealInForce, holds } from './conditions.ts';
import { own } from './copy.ts';
import type { Rules } from './rules.ts';
import type { BySide, Clause, GameState, Package, Side, Working } from './types.ts';
import { other } from './types.ts';

export { dealInForce };

export const round3 = (x: number) => Math.round(x * 1000) / 1000;
const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

/** A side's utility: Σ weight × value, in tenths of a point. */
export function utility(rules: Rules, values: Readonly<Record<string, number>>, side: Side): number {
  let u = 0;
  for (const ind of rules.indicatorsOf[side]) u += ind.weight * (values[ind.id] ?? 0);
  return u;
}

export function utilities(rules: Rules, values: Readonly<Record<string, number>>): BySide<number> {
  return { us: utility(rules, values, 'us'), cn: utility(rules, values, 'cn') };
}

/** Adds deltas (tenths, possibly fractional) to indicators, rounds, and keeps each within bounds. */
export function addToIndicators(rules: Rules, s: Working, deltas: Readonly<Record<string, number>>) {
  let values: Working['world']['values'] | undefined;
  for (const id in deltas) {
    const ind = rules.indicators.get(id);
    if (!ind) continue;
    const next = Math.round((s.world.values[id] ?? 0) + (deltas[id] ?? 0));
    values ??= own(s, 'values');
    values[id] = clamp(next, ind.min, ind.max);
  }
}

export function addTension(rules: Rules, s: Working, tenths: number) {
  s.world.tension = clamp(Math.round(s.world.tension + tenths), 0, rules.scenario.params.tension.max);
}

/** The instrument clause of package `p` that binds `instrument`, if any. */
function boundBy(p: Package, instrument: string): Extract<Clause, { kind: 'instrument' }> | undefined {
  for (let i = 0; i < p.clauses.length; i++) {
    const c = p.clauses[i]!;
    if (c.kind === 'instrument' && c.instrument === instrument) return c;
  }
  return undefined;
}

/**
 * Raising an instrument above a level its owner agreed to in a package in force breaks that
 * package: the other side is released, the breaker's reliability falls and tension rises.
 */
function checkBreach(rules: Rules, s: Working, instrument: string, level: number, owner: Side) {
  const packages = s.world.packages;
  for (let i = 0; i < packages.length; i++) {
    const p = packages[i]!;
    if (p.status !== 'active') continue;
    const bound = boundBy(p, instrument);
    if (!bound || level <= bound.level) continue;
    own(s, 'packages')[i] = { ...p, status: 'broken', brokenBy: owner };
    const cred = rules.scenario.params.credibility;
    own(s, 'reliability')[owner] = round3(Math.max(0, s.world.reliability[owner] - cred.breach));
    addTension(rules, s, rules.scenario.params.tension.breach);
    s.round.news.push({ kind: 'breach', side: owner, package: p.id });
  }
}

/**
 * A side moves its own instrument. Up: tension for each level, the target counts as pressured this
 * turn, and any package binding the instrument is checked for breach. Down: the owner's politics
 * indicator pays the concession cost, doubled (or as the scenario says) in the turn after it was
 * escalated against.
 */
export function moveInstrument(rules: Rules, s: Working, instrument: string, level: number) {
  const inst = rules.instruments.get(instrument);
  if (!inst) return;
  const from = s.world.levels[instrument] ?? 0;
  if (level === from) return;
  own(s, 'levels')[instrument] = level;
  const owner = inst.owner;
  const t = rules.scenario.params.tension;
  if (level > from) {
    const perStep = inst.tensionPerStep ?? (inst.valve ? t.valvePerStep : t.perStep);
    addTension(rules, s, perStep * (level - from));
    own(s, 'pressuredOn')[other(owner)] = s.round.turn;
    checkBreach(rules, s, instrument, level, owner);
  } else if (inst.concessionCost !== 0) {
    const side = rules.scenario.sides[owner];
    const mult =
      s.round.turn > 0 && s.world.pressuredOn[owner] === s.round.turn - 1 ? side.pressureMultiplier : 1;
    addToIndicators(rules, s, { [side.politics]: -inst.concessionCost * (from - level) * mult });
  }
}

/** Fires a scenario event: its effects (not softened by alternatives), tension, shifts and the rest. */
export function fireEvent(rules: Rules, s: Working, eventId: string) {
  const e = rules.events.get(eventId);
  if (!e || s.world.fired[eventId] !== undefined) return;
  // a new record with the event rather than a key added: one that keys were added to one by one turns
  // slow to copy once it holds about twenty
  s.world.fired = { ...s.world.fired, [eventId]: s.round.turn };
  s.round.news.push({ kind: 'event', event: eventId });
  addToIndicators(rules, s, e.effects);
  addTension(rules, s, e.tension);
  for (const id in e.shifts) {
    const inst = rules.instruments.get(id);
    const level = e.shifts[id];
    if (inst && level !== undefined && level < inst.levels.length) own(s, 'levels')[id] = level;
  }
  const altMax = rules.scenario.params.altMax;
  for (const id in e.alt)
    own(s, 'alt')[id] = round3(clamp((s.world.alt[id] ?? 0) + (e.alt[id] ?? 0), 0, altMax));
  for (const side of ['us', 'cn'] as const) {
    const d = e.resolve[side];
    if (d !== undefined) own(s, 'resolve')[side] = round3(clamp(s.world.resolve[side] + d, 0, 1));
  }
}

/** Whether an event with a condition, a date or a chance may fire on this turn (before its roll). */
export function eventDue(rules: Rules, s: GameState, eventId: string): boolean {
  const e = rules.events.get(eventId);
  if (!e || s.world.fired[eventId] !== undefined) return false;
  if (!e.date && !e.condition && e.chance === undefined) return false; // fired only by the instructor
  if (e.date && rules.eventTurns.get(eventId) !== s.round.turn) return false;
  if (e.condition && !holds(e.condition, s.world)) return false;
  if (e.chance !== undefined && !s.meta.setup.randomEvents) return false;
  return true;
}
