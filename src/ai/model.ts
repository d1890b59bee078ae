// The AI's look-ahead, in plain arithmetic on indicator values (STACK.md: no immer, no applyMove per
// branch). A level held for a turn changes each indicator by its effect × (1 − alt); values
// accumulate, and the score sums utility at the end of every turn, so a change of rate in turn τ
// counts once for each turn-end from τ to the horizon. With a table of per-turn utilities for every
// instrument level and a schedule of levels per turn (pending announcements, the truce's snapback),
// the value of any clause, order or package is a short sum — exact for the engine's linear effects,
// approximate where indicators hit their bounds or alternatives creep.
//
// A fast approximation of the turn kernel, then, documented as one: the kernel's worth of a package
// (projection.ts: the game played on under twenty preview seeds, signed and held still, against
// held still) is what the previews show; this is what the AI weighs, for every candidate of every
// decision. It leaves out the indicators' bounds (values are clamped to each indicator's range), the
// alternatives' creep (the tables use today's alternatives for the whole game), events and crises,
// and the delivery draws (a promise delivers at its rate) — and, in play, the objectives: it weighs
// summed utility, the score's base. Weighing the objectives a package decides (`objectives`, see
// Goal) makes its values agree with the kernel's whole worth, but moves the shipped scenarios'
// balance (docs/balance.md), so that waits for their retune. The property test
// tests/property/ai-approximation.property.test.ts bounds the error against the kernel in every
// shipped scenario: the sign of a package's value agrees for each side in ≥ 95 % of random
// packages, and its ranking of a state's packages has a rank correlation ≥ 0.9
// (tools/ai-approximation.ts prints the figures).
import type { Announcement, BySide, Clause, GameState, Order, Rules, Side } from '../engine/index.ts';
import { dealInForce, holds, noDealLoss, other, recentCache } from '../engine/index.ts';
import type { Profile } from './profile.ts';
import { type Depth, depthOf } from './profile.ts';

export interface Model {
  readonly rules: Rules;
  readonly s: GameState;
  readonly side: Side;
  readonly opp: Side;
  readonly profile: Profile | null;
  readonly depth: Depth;
  readonly T: number; // total turns
  readonly turn: number;
  readonly hEnd: number; // the horizon: turn-ends before this one are counted
  /** Indicator weights used for each side: its own true weights, the opponent's as modelled. */
  readonly weights: BySide<Readonly<Record<string, number>>>;
  /** Per-turn utility (points) of each instrument level, for each side, with the modelled weights. */
  readonly lu: BySide<ReadonlyMap<string, readonly number[]>>;
  /** The same with both sides' public weights: what leverage is computed from. */
  readonly luTrue: BySide<ReadonlyMap<string, readonly number[]>>;
  /** Levels by turn (index τ − turn) if nobody moves: no deal in force, and with one in force. */
  readonly base: ReadonlyMap<string, readonly number[]>;
  readonly baseDeal: ReadonlyMap<string, readonly number[]>;
  readonly dealNow: boolean;
  /** Each side's instruments with their public per-turn utilities, for leverage. */
  readonly owned: BySide<readonly Owned[]>;
  /** The objectives each side is known to hold (its own: the other's are private), in points. */
  readonly goals: BySide<readonly Goal[]>;
}

/**
 * An objective a package can decide, its score points turned into points of summed utility (the
 * model's scale): the level an instrument ends at, a deal in force at the end, a statement signed,
 * a promise delivered well enough. Objectives on indicators, tension, a collapse or an event are
 * left out (a package moves them only through the sum of its clauses, or not at all), and so is
 * the cap of 33 on a side's objectives (no shipped side's reach it).
 */
export type Goal = { readonly points: number } & (
  | {
      readonly kind: 'instrument';
      readonly id: string;
      readonly atMost?: number | undefined;
      readonly atLeast?: number | undefined;
    }
  | { readonly kind: 'deal'; readonly deal: boolean }
  | { readonly kind: 'statement'; readonly id: string }
  | { readonly kind: 'promise'; readonly item: string; readonly atLeast: number }
);

export interface Owned {
  readonly id: string;
  readonly top: number; // highest level
  readonly d: readonly number[]; // per-turn utility to the target, by level
  readonly c: readonly number[]; // … to the owner
}

const W = (m: Model, tau: number) => Math.max(0, m.hEnd - tau);

const goalsByRules = new WeakMap<Rules, BySide<readonly Goal[]>>();

/** The objectives in the rules' scenario (for the AI's own side: its own), as goals. */
function goalsOf(rules: Rules): BySide<readonly Goal[]> {
  const hit = goalsByRules.get(rules);
  if (hit) return hit;
  const out: BySide<Goal[]> = { us: [], cn: [] };
  const loss = rules.scenario.objectives.length > 0 ? noDealLoss(rules.scenario) : { us: 0, cn: 0 };
  for (const o of rules.scenario.objectives) {
    // score points (as objectivesOf reads them) × what standing still costs (tenths) ÷ 1000
    const points = ((o.points / 10) * loss[o.side]) / 1000;
    if (!(points > 0)) continue;
    const c = o.condition;
    if ('instrument' in c)
      out[o.side].push({
        kind: 'instrument',
        id: c.instrument,
        atMost: c.atMost,
        atLeast: c.atLeast,
        points,
      });
    else if ('deal' in c) out[o.side].push({ kind: 'deal', deal: c.deal, points });
    else if ('statement' in c) out[o.side].push({ kind: 'statement', id: c.statement, points });
    else if ('commitment' in c)
      out[o.side].push({ kind: 'promise', item: c.commitment, atLeast: c.deliveredAtLeast, points });
  }
  goalsByRules.set(rules, out);
  return out;
}

/** X's goals, when the model looks to the end of the game (objectives are judged there). */
const goalsFor = (m: Model, X: Side): readonly Goal[] => (m.hEnd >= m.T ? m.goals[X] : NO_GOALS);
const NO_GOALS: readonly Goal[] = [];
const NO_SIDE_GOALS: BySide<readonly Goal[]> = { us: NO_GOALS, cn: NO_GOALS };

const levelMeets = (g: { atMost?: number | undefined; atLeast?: number | undefined }, l: number) =>
  (g.atMost === undefined || l <= g.atMost) && (g.atLeast === undefined || l >= g.atLeast);

/** The points of X's goals on instrument `id` if it ends at `to` rather than `from`. */
function levelGoals(m: Model, X: Side, id: string, to: number, from: number): number {
  let v = 0;
  for (const g of goalsFor(m, X))
    if (g.kind === 'instrument' && g.id === id)
      v += g.points * (Number(levelMeets(g, to)) - Number(levelMeets(g, from)));
  return v;
}

/** The standard normal distribution function (Abramowitz and Stegun 7.1.26, to 1e-7). */
function phi(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * x);
  const y =
    1 -
    ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) *
      t *
      Math.exp(-x * x);
  return z >= 0 ? (1 + y) / 2 : (1 - y) / 2;
}

function weightsOf(rules: Rules, side: Side, flat: boolean): Record<string, number> {
  const inds = rules.indicatorsOf[side];
  const out: Record<string, number> = {};
  for (const ind of inds) out[ind.id] = flat ? 1 / inds.length : ind.weight;
  return out;
}

// The last few alternatives' tables (a WeakMap by the alternatives would hold them longer: recent.ts).
const tablesByAlt = recentCache<
  object,
  { instruments: unknown; indicators: unknown; tables: BySide<Map<string, number[]>> }
>(4);

/**
 * Both sides' per-turn utilities with their public weights: they change only with the alternatives,
 * which change only when a turn ends, so they are kept by the alternatives' (immutable) object, and
 * by their values for the next game that reaches the same ones. Both sides' AIs share them: what
 * they are made of — the instruments, the indicators and their public weights — is the same object
 * in either side's scenario.
 */
function publicTables(rules: Rules, s: GameState, w: BySide<Readonly<Record<string, number>>>) {
  const { instruments, indicators } = rules.scenario;
  const hit = tablesByAlt.get(s.world.alt);
  if (hit && hit.instruments === instruments && hit.indicators === indicators) return hit.tables;
  // The same alternatives recur from game to game (none built yet, or the same few): kept by value too.
  const key = JSON.stringify(s.world.alt);
  let kept = tablesByAltValue.get(key);
  if (!kept || kept.instruments !== instruments || kept.indicators !== indicators) {
    kept = { instruments, indicators, tables: { us: luTable(rules, s, w.us), cn: luTable(rules, s, w.cn) } };
    if (tablesByAltValue.size >= 512) tablesByAltValue.clear();
    tablesByAltValue.set(key, kept);
  }
  tablesByAlt.set(s.world.alt, kept);
  return kept.tables;
}
const tablesByAltValue = new Map<
  string,
  { instruments: unknown; indicators: unknown; tables: BySide<Map<string, number[]>> }
>();

function luTable(rules: Rules, s: GameState, w: Readonly<Record<string, number>>): Map<string, number[]> {
  const out = new Map<string, number[]>();
  // The scenario's arrays are frozen: walked by index, as V8's for…of and map over a frozen array
  // take a slow path several times dearer.
  const instruments = rules.scenario.instruments;
  for (let i = 0; i < instruments.length; i++) {
    const inst = instruments[i]!;
    const row: number[] = [];
    for (let l = 0; l < inst.levels.length; l++) {
      const effects = inst.levels[l]!.effects;
      let u = 0;
      for (const k in effects) {
        const wk = w[k];
        if (wk !== undefined) u += (wk * (effects[k] ?? 0) * (1 - (s.world.alt[k] ?? 0))) / 10;
      }
      row.push(u);
    }
    out.set(inst.id, row);
  }
  return out;
}

/** Levels by turn from now, if nobody moves; `snap`: the truce's snapback happens (no deal by then). */
function schedules(rules: Rules, s: GameState, T: number, snap: boolean): Map<string, number[]> {
  const out = new Map<string, number[]>();
  const snapTurn = s.world.truce && !s.world.truce.expired ? s.world.truce.endTurn : null;
  const snapLevels = rules.scenario.calendar.truce?.snapback ?? {};
  for (const id of rules.instrumentIds) {
    const now = s.world.levels[id] ?? 0;
    const a = s.world.announcements[id];
    const row: number[] = [];
    for (let tau = s.round.turn; tau < T; tau++) {
      let l = a && a.turn <= tau ? a.level : now;
      if (snap && snapTurn !== null && tau >= snapTurn) l = Math.max(l, snapLevels[id] ?? 0);
      row.push(l);
    }
    out.set(id, row);
  }
  return out;
}

export function makeModel(
  rules: Rules,
  s: GameState,
  side: Side,
  profile: Profile | null,
  level: number,
  publicWeights = false, // model the opponent with its public weights whatever the level
  objectives = false, // weigh the objectives a package decides (see Goal): not yet in play
): Model {
  const depth = publicWeights ? { ...depthOf(level), flatPrior: false } : depthOf(level);
  const opp = other(side);
  const T = rules.totalTurns;
  const trueW = { us: weightsOf(rules, 'us', false), cn: weightsOf(rules, 'cn', false) };
  const weights = { ...trueW, [opp]: weightsOf(rules, opp, depth.flatPrior) } as BySide<
    Record<string, number>
  >;
  const luTrue = publicTables(rules, s, trueW);
  const lu = { ...luTrue, [opp]: depth.flatPrior ? luTable(rules, s, weights[opp]) : luTrue[opp] } as BySide<
    Map<string, number[]>
  >;
  const dealNow = dealInForce(s.world);
  const owned: BySide<Owned[]> = { us: [], cn: [] };
  for (const id of rules.instrumentIds) {
    const inst = rules.instruments.get(id)!;
    const target = other(inst.owner);
    owned[inst.owner].push({
      id,
      top: inst.levels.length - 1,
      d: luTrue[target].get(id)!,
      c: luTrue[inst.owner].get(id)!,
    });
  }
  return {
    owned,
    rules,
    s,
    side,
    opp,
    profile,
    depth,
    T,
    turn: s.round.turn,
    hEnd: T, // packages are valued over the whole game; orders over the level's horizon (ordersModel)
    weights,
    lu,
    luTrue,
    base: schedules(rules, s, T, !dealNow),
    baseDeal: schedules(rules, s, T, false),
    dealNow,
    goals: objectives ? goalsOf(rules) : NO_SIDE_GOALS,
  };
}

/** The model as orders see it: the same tables, summed over the level's horizon only. */
export const ordersModel = (m: Model): Model =>
  m.depth.horizon >= m.T - m.turn ? m : { ...m, hEnd: Math.min(m.T, m.turn + m.depth.horizon) };

// ---------------------------------------------------------------------------------------------
// Values, in points of summed utility over the horizon, for side X.

/** A one-off change of indicators now (tenths), for side X. */
export function oneOff(m: Model, X: Side, effects: Readonly<Record<string, number>>, tau = m.turn): number {
  const w = m.weights[X];
  let u = 0;
  for (const k in effects) {
    const wk = w[k];
    if (wk !== undefined) u += (wk * (effects[k] ?? 0)) / 10;
  }
  return u * W(m, tau);
}

/** `oneOff` of one indicator's change (no record made for it: the searches ask this often). */
export function oneOffAt(m: Model, X: Side, indicator: string, tenths: number, tau = m.turn): number {
  const wk = m.weights[X][indicator];
  return wk === undefined ? 0 : ((wk * tenths) / 10) * W(m, tau);
}

/** An instrument's levels by turn replaced by `row` (index τ − turn), against `base`. */
export function rowValue(
  m: Model,
  X: Side,
  id: string,
  row: readonly number[],
  base: readonly number[],
): number {
  const lu = m.lu[X].get(id);
  if (!lu) return 0;
  let v = 0;
  for (let i = 0; i < row.length; i++) {
    const a = row[i]!;
    const b = base[i]!;
    if (a !== b) v += ((lu[a] ?? 0) - (lu[b] ?? 0)) * W(m, m.turn + i);
  }
  return v;
}

/** What lowering an instrument costs its owner at home: its politics indicator, now (tenths). */
export function concessionCost(m: Model, id: string, to: number): { side: Side; tenths: number } | null {
  const inst = m.rules.instruments.get(id);
  const from = m.s.world.levels[id] ?? 0;
  if (!inst || to >= from || inst.concessionCost === 0) return null;
  const def = m.rules.scenario.sides[inst.owner];
  const mult =
    m.s.round.turn > 0 && m.s.world.pressuredOn[inst.owner] === m.s.round.turn - 1
      ? def.pressureMultiplier
      : 1;
  return { side: inst.owner, tenths: -inst.concessionCost * (from - to) * mult };
}

/** The owner's politics indicator, for the face a concession costs. */
const politicsOf = (m: Model, side: Side) => m.rules.scenario.sides[side].politics;

/** The face factor: how dear a profile holds its own visible concessions. */
const faceOf = (m: Model, X: Side) => (X === m.side && m.profile ? m.profile.params.face : 1);

/** The headline bias: extra value of headline wins before a summit (own side only). */
export function headline(m: Model, X: Side): number {
  if (X !== m.side || !m.profile) return 1;
  const st = m.rules.summitTurn;
  const before = m.s.world.summit === 'pending' && st !== null && m.turn <= st;
  return before ? 1 + m.profile.params.headlineBias : 1;
}

/** An instrument clause in a package (deal world): the level from now on, its concession cost. */
export function instrumentClauseValue(m: Model, X: Side, id: string, level: number): number {
  const base = m.baseDeal.get(id);
  const lu = m.lu[X].get(id);
  if (!base || !lu) return 0;
  let v = 0;
  const now = lu[level] ?? 0;
  for (let i = 0; i < base.length; i++)
    if (base[i] !== level) v += (now - (lu[base[i]!] ?? 0)) * W(m, m.turn + i);
  const cc = concessionCost(m, id, level);
  if (cc && cc.side === X) v += faceOf(m, X) * oneOffAt(m, X, politicsOf(m, X), cc.tenths);
  return v + levelGoals(m, X, id, level, base.at(-1) ?? level);
}

/**
 * A pledge or commitment: its expected deliveries each turn it is owed. Its condition, if it ties
 * the promise to an instrument's level, is read from the deal-world schedule, or from `atLevel` for
 * the instrument `atInstrument` (a package that also sets that level).
 */
export function promiseValue(
  m: Model,
  X: Side,
  c: Clause,
  atInstrument: string | null = null,
  atLevel = 0,
): number {
  if (c.kind !== 'pledge' && c.kind !== 'commitment') return 0;
  const item = m.rules.commitments.get(c.item);
  if (!item) return 0;
  const size = c.kind === 'pledge' ? m.rules.scenario.params.pledgeSizes[c.size] : 1;
  const w = m.weights[X];
  let perTurn = 0;
  for (const k in item.effects) {
    const wk = w[k];
    if (wk !== undefined)
      perTurn += (wk * (item.effects[k] ?? 0) * size * item.rate * (1 - (m.s.world.alt[k] ?? 0))) / 10;
  }
  const goals = goalsFor(m, X);
  const goal = goals.length > 0 ? goals.find((g) => g.kind === 'promise' && g.item === c.item) : undefined;
  if (perTurn === 0 && !goal) return 0;
  const cond = c.condition;
  const row =
    cond && 'instrument' in cond && cond.instrument !== atInstrument ? m.baseDeal.get(cond.instrument) : null;
  const always = !cond || ('instrument' in cond ? false : holds(cond, m.s.world));
  if (cond && !('instrument' in cond) && !always) return 0;
  let v = 0;
  let owed = 0; // deliveries owed from now to the end
  for (let i = 0; m.turn + i < m.T; i++) {
    let ok = true;
    if (cond && 'instrument' in cond) {
      const l = row ? (row[i] ?? 0) : atLevel;
      ok =
        (cond.atMost === undefined || l <= cond.atMost) && (cond.atLeast === undefined || l >= cond.atLeast);
    }
    if (ok) {
      v += perTurn * W(m, m.turn + i);
      owed += 1;
    }
  }
  const bias = c.kind === 'pledge' && item.side !== X ? headline(m, X) : 1;
  return v * bias + (goal && owed > 0 ? goal.points * delivered(item, owed, goal) : 0);
}

/**
 * The chance that `owed` deliveries of a promise, each a share drawn evenly within its spread of
 * its rate, average at least a goal's threshold (the mean taken as normal).
 */
function delivered(item: { rate: number; spread: number }, owed: number, goal: Goal): number {
  if (goal.kind !== 'promise') return 0;
  const sd = item.spread / Math.sqrt(3 * owed);
  const gap = item.rate - goal.atLeast;
  return sd > 0 ? phi(gap / sd) : Number(gap >= 0);
}

export function statementValue(m: Model, X: Side, id: string): number {
  const st = m.rules.statements.get(id);
  if (!st) return 0;
  const v = oneOff(m, X, st.effects);
  let goal = 0;
  for (const g of goalsFor(m, X)) if (g.kind === 'statement' && g.id === id) goal += g.points;
  return (v < 0 ? v * faceOf(m, X) : v) + goal;
}

/** What having a deal in force brings X, on top of its clauses: the summit's bonus, no snapback. */
export function dealBonus(m: Model, X: Side): number {
  if (m.dealNow) return 0;
  let v = 0;
  const def = m.rules.scenario.calendar.summit;
  const st = m.rules.summitTurn;
  if (def && m.s.world.summit === 'pending' && st !== null && st >= m.turn) {
    const diff: Record<string, number> = {};
    for (const k in def.deal) diff[k] = (diff[k] ?? 0) + (def.deal[k] ?? 0);
    for (const k in def.noDeal) diff[k] = (diff[k] ?? 0) - (def.noDeal[k] ?? 0);
    v += oneOff(m, X, diff, st) * headline(m, X);
  }
  for (const id of m.rules.instrumentIds) v += rowValue(m, X, id, m.baseDeal.get(id)!, m.base.get(id)!);
  // the objectives a deal decides: a deal in force at the end, levels spared the snapback
  for (const g of goalsFor(m, X)) {
    if (g.kind === 'deal') v += g.deal ? g.points : -g.points;
    else if (g.kind === 'instrument') {
      const deal = m.baseDeal.get(g.id)?.at(-1) ?? 0;
      const none = m.base.get(g.id)?.at(-1) ?? 0;
      v += g.points * (Number(levelMeets(g, deal)) - Number(levelMeets(g, none)));
    }
  }
  return v;
}

/** Side X's gain from a package's clauses (the deal bonus apart). */
export function clausesValue(m: Model, X: Side, clauses: readonly Clause[]): number {
  let v = 0;
  // a package's clauses are frozen: walked by index (see luTable)
  for (let i = 0; i < clauses.length; i++) {
    const c = clauses[i]!;
    if (c.kind === 'instrument') v += instrumentClauseValue(m, X, c.instrument, c.level);
    else if (c.kind === 'statement') v += statementValue(m, X, c.statement);
    else {
      // A promise tied to an instrument that the package also sets is owed at that level.
      const cond = c.condition;
      let set: Clause | undefined;
      if (cond && 'instrument' in cond)
        for (let j = 0; j < clauses.length && !set; j++) {
          const x = clauses[j]!;
          if (x.kind === 'instrument' && x.instrument === cond.instrument) set = x;
        }
      v +=
        set && set.kind === 'instrument'
          ? promiseValue(m, X, c, set.instrument, set.level)
          : promiseValue(m, X, c);
    }
  }
  return v;
}

/** One clause's value to X on its own (a tied promise at `tieLevel` of its instrument, if given). */
export function clauseValue(m: Model, X: Side, c: Clause, tieLevel = -1): number {
  if (c.kind === 'instrument') return instrumentClauseValue(m, X, c.instrument, c.level);
  if (c.kind === 'statement') return statementValue(m, X, c.statement);
  const cond = c.condition;
  if (tieLevel >= 0 && cond && 'instrument' in cond) return promiseValue(m, X, c, cond.instrument, tieLevel);
  return promiseValue(m, X, c);
}

// ---------------------------------------------------------------------------------------------
// Tension and its risk.

/** The tension (tenths) an order adds when it resolves. */
export function orderTension(m: Model, o: Order): number {
  const t = m.rules.scenario.params.tension;
  if (o.kind === 'shift') {
    const inst = m.rules.instruments.get(o.instrument);
    const from = m.s.world.levels[o.instrument] ?? 0;
    if (!inst || o.level <= from) return 0;
    const per = inst.tensionPerStep ?? (inst.valve ? t.valvePerStep : t.perStep);
    return per * (o.level - from) + (breaches(m, o) ? t.breach : 0);
  }
  if (o.kind === 'announce') {
    // Now, and again (as a rise) when it takes effect.
    const inst = m.rules.instruments.get(o.instrument);
    const from = m.s.world.levels[o.instrument] ?? 0;
    if (!inst) return t.announce;
    const per = inst.tensionPerStep ?? (inst.valve ? t.valvePerStep : t.perStep);
    return t.announce + per * Math.max(0, o.level - from) + (breaches(m, o) ? t.breach : 0);
  }
  return 0;
}

const ceilingsOf = new WeakMap<object, ReadonlyMap<string, number>>();

/** The lowest level each instrument is held to by the packages in force (a frozen list is read once). */
function ceilings(packages: GameState['world']['packages']): ReadonlyMap<string, number> {
  const hit = ceilingsOf.get(packages);
  if (hit) return hit;
  const out = new Map<string, number>();
  for (let i = 0; i < packages.length; i++) {
    const p = packages[i]!;
    if (p.status !== 'active') continue;
    for (let j = 0; j < p.clauses.length; j++) {
      const c = p.clauses[j]!;
      if (c.kind === 'instrument') out.set(c.instrument, Math.min(out.get(c.instrument) ?? c.level, c.level));
    }
  }
  if (Object.isFrozen(packages)) ceilingsOf.set(packages, out);
  return out;
}

/** Would this shift (or announced rise) break a package in force, raising an instrument above a level agreed? */
export function breaches(m: Model, o: Order): boolean {
  if ((o.kind !== 'shift' && o.kind !== 'announce') || !m.dealNow) return false;
  const ceiling = ceilings(m.s.world.packages).get(o.instrument);
  return ceiling !== undefined && o.level > ceiling;
}

/** What a collapse would cost X: every instrument at its top from the next turn on. */
export function collapseCost(m: Model, X: Side): number {
  let v = 0;
  for (const id of m.rules.instrumentIds) {
    const inst = m.rules.instruments.get(id)!;
    const base = m.base.get(id)!;
    const row = base.map((l, i) => (i === 0 ? l : inst.levels.length - 1));
    v += rowValue(m, X, id, row, base);
  }
  return Math.min(0, v);
}

const crises = new WeakMap<Model, number>();
/** What one crisis costs X (its effects from next turn on), computed once per model. */
function crisisCost(m: Model, X: Side): number {
  let c = X === m.side ? crises.get(m) : undefined;
  if (c === undefined) {
    c = oneOff(m, X, m.rules.scenario.params.tension.crisisEffects, Math.min(m.T - 1, m.turn + 1));
    if (X === m.side) crises.set(m, c);
  }
  return c;
}

/**
 * The expected cost of standing at a tension (tenths) for X: crises strike above the risk line with
 * a chance rising to the top, where the talks collapse. A smooth estimate, steep near the top.
 */
export function tensionRisk(m: Model, X: Side, tension: number, collapse: number): number {
  const t = m.rules.scenario.params.tension;
  if (tension >= t.max) return collapse;
  const band = t.max - t.risk;
  const over = (tension - (t.risk - band / 3)) / (band * (4 / 3));
  if (over <= 0) return 0;
  const turnsLeft = Math.max(1, m.T - m.turn);
  const crisis = crisisCost(m, X);
  const p = Math.min(1, over * over);
  return p * (collapse * 0.6 + crisis * Math.min(3, turnsLeft) * t.crisisChance);
}

// ---------------------------------------------------------------------------------------------
// Leverage, as the engine computes it (leverage.ts), from the tables: cheap enough to recompute for
// every candidate order.

export interface LeverageState {
  // a level or announcement undefined is one the state does not hold (the search's scratch copy, orders.ts)
  readonly levels: Readonly<Record<string, number | undefined>>;
  readonly announcements: Readonly<Record<string, Announcement | undefined>>;
  readonly resolve: BySide<number>;
}

/** T_owner→target: σ_target × (the k largest threats + announced threats + releases). */
export function handTotal(m: Model, st: LeverageState, owner: Side): number {
  const target = owner === 'us' ? 'cn' : 'us';
  const { H, k, lambda, delta } = m.rules.scenario.params;
  const resolve = st.resolve[owner];
  const list = m.owned[owner];
  // the k largest threats, kept in a short sorted list (k is at most 3)
  let t0 = 0;
  let t1 = 0;
  let t2 = 0;
  let fixed = 0;
  for (let n = 0; n < list.length; n++) {
    const { id, top, d, c } = list[n]!;
    const level = st.levels[id] ?? 0;
    const pending = st.announcements[id];
    const dl = d[level] ?? 0;
    const cl = c[level] ?? 0;
    if (pending && pending.by === owner && pending.level > level) {
      const belief = Math.min(1, resolve + delta);
      fixed +=
        H * Math.max(0, belief * (dl - (d[pending.level] ?? 0)) - lambda * (cl - (c[pending.level] ?? 0)));
    } else if (level < top) {
      const v = H * Math.max(0, resolve * (dl - (d[level + 1] ?? 0)) - lambda * (cl - (c[level + 1] ?? 0)));
      if (v > t0) {
        t2 = t1;
        t1 = t0;
        t0 = v;
      } else if (v > t1) {
        t2 = t1;
        t1 = v;
      } else if (v > t2) t2 = v;
    }
    if (level > 0) fixed += Math.max(0, H * ((d[0] ?? 0) - dl));
  }
  const counted = fixed + t0 + (k > 1 ? t1 : 0) + (k > 2 ? t2 : 0);
  return m.rules.scenario.sides[target].sigma * counted;
}

/** Side X's leverage (its share of what is at stake) in a state of levels, announcements, resolve. */
export function leverageFor(m: Model, st: LeverageState, X: Side, known?: Partial<BySide<number>>): number {
  const us = known?.us ?? handTotal(m, st, 'us');
  const cn = known?.cn ?? handTotal(m, st, 'cn');
  const lus = us + cn > 0 ? us / (us + cn) : 0.5;
  return X === 'us' ? lus : 1 - lus;
}
