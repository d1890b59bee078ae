// The search value of each order set a side could give (the engine's exhaustive `orderSets`),
// computed on the tables rather than by playing the turn: the change in its own summed utility over
// the horizon, the tension risk, what breaking a package in force would lose, the leverage it gains or
// spends at the table, and the alternatives it builds.
import type { Clause, GameState, Order, Side } from '../engine/index.ts';
import type { Model } from './model.ts';
import {
  breaches,
  clausesValue,
  collapseCost,
  concessionCost,
  dealBonus,
  handTotal,
  leverageFor,
  oneOff,
  oneOffAt,
  orderTension,
  rowValue,
  tensionRisk,
} from './model.ts';

/** A search value split into the terms that make it, for the reason code. */
export interface Terms {
  utility: number;
  tension: number;
  leverage: number;
  deal: number;
  build: number;
}

export const sumTerms = (t: Terms) => t.utility + t.tension + t.leverage + t.deal + t.build;

const zero = (): Terms => ({ utility: 0, tension: 0, leverage: 0, deal: 0, build: 0 });

/** The value to X of shifting an instrument to a level from now on (the snapback may still lift it). */
function shiftValue(m: Model, X: Side, id: string, level: number): number {
  const base = m.base.get(id)!;
  const lu = m.lu[X].get(id);
  if (!lu) return 0;
  const now = m.s.world.levels[id] ?? 0;
  let v = 0;
  for (let i = 0; i < base.length; i++) {
    const b = base[i]!;
    const a = b === now ? level : Math.max(level, b);
    if (a !== b) v += ((lu[a] ?? 0) - (lu[b] ?? 0)) * Math.max(0, m.hEnd - m.turn - i);
  }
  return v;
}

/** The value to X of building an alternative: its gains soften what hits those indicators. */
function buildValue(m: Model, X: Side, altId: string): number {
  const alt = m.rules.alternatives.get(altId);
  if (!alt || alt.side !== X) return 0;
  const altMax = m.rules.scenario.params.altMax;
  const w = m.weights[X];
  let v = oneOff(m, X, alt.cost);
  // each instrument's levels and its levels turn by turn, looked up once for every indicator and turn
  const ids = m.rules.instrumentIds;
  const levels = ids.map((id) => m.rules.instruments.get(id)!.levels);
  const rows = ids.map((id) => m.base.get(id)!);
  for (const k in alt.gains) {
    const wk = w[k];
    if (wk === undefined) continue;
    const g = alt.gains[k] ?? 0;
    const a0 = m.s.world.alt[k] ?? 0;
    for (let i = 1; m.turn + i < m.hEnd; i++) {
      const tau = m.turn + i;
      let effect = 0; // the raw effect (tenths) on indicator k in turn τ
      for (let j = 0; j < ids.length; j++) effect += levels[j]![rows[j]![i]!]?.effects[k] ?? 0;
      const dAlt = Math.min(altMax, a0 + (g * Math.min(i, alt.turns)) / alt.turns) - a0;
      v += ((wk * -effect * dAlt) / 10) * (m.hEnd - tau);
    }
  }
  return v;
}

export interface OrderContext {
  readonly m: Model;
  readonly L: number; // own leverage now
  readonly leverageWorth: number; // points of summed utility one unit of leverage is worth at the table
  readonly collapse: number; // what a collapse would cost this side
  readonly base: number; // the tension to come if it gives no orders (tenths)
  readonly risk0: number; // … and its risk
  readonly oppHand: number; // the opponent's hand (its orders are not ours to change)
  readonly losses: Map<string, number>; // deal losses by instrument and level, as computed
  readonly singles: Map<Order, Single>; // each order's own terms, as computed (sets share their orders)
  /**
   * The levels and announcements a set's leverage is read from: the world's, copied once, each set's
   * orders written in and then taken out again (a copy for every set cost more than its leverage).
   */
  readonly scratch: {
    readonly levels: Record<string, number | undefined>;
    readonly announcements: Record<string, GameState['world']['announcements'][string] | undefined>;
  };
}

/**
 * What one order adds to a set's terms whatever else the set holds: the tension it adds, the
 * utility terms in the order they are summed, what building brings, and whether it breaks a deal.
 */
interface Single {
  readonly tension: number;
  readonly utility: readonly number[];
  readonly build: number;
  readonly breaks: boolean;
}

/** The tension every pending announcement will add when it takes effect (tenths). */
function pendingTension(m: Model): number {
  const t = m.rules.scenario.params.tension;
  let sum = 0;
  for (const id in m.s.world.announcements) {
    const a = m.s.world.announcements[id]!;
    const inst = m.rules.instruments.get(id);
    if (!inst) continue;
    const per = inst.tensionPerStep ?? (inst.valve ? t.valvePerStep : t.perStep);
    sum += per * Math.max(0, a.level - (m.s.world.levels[id] ?? 0));
  }
  return sum;
}

export function orderContext(m: Model, L: number, leverageWorth: number): OrderContext {
  const collapse = collapseCost(m, m.side);
  const t = m.rules.scenario.params.tension;
  // Risk is judged at the tension to come: now, less a turn's decay, plus every rise already announced.
  const base = m.s.world.tension + t.decay + pendingTension(m);
  const risk0 = tensionRisk(m, m.side, base, collapse);
  return {
    m,
    L,
    leverageWorth,
    collapse,
    base,
    risk0,
    oppHand: handTotal(m, m.s.world, m.opp),
    losses: new Map(),
    singles: new Map(),
    scratch: { levels: { ...m.s.world.levels }, announcements: { ...m.s.world.announcements } },
  };
}

/** What X loses if raising `instrument` to `level` breaks the packages that bind it. */
function dealLoss(m: Model, instrument: string, level: number): number {
  let v = 0;
  let activeLeft = 0;
  const packages = m.s.world.packages; // frozen arrays: walked by index
  for (let i = 0; i < packages.length; i++) {
    const p = packages[i]!;
    if (p.status !== 'active') continue;
    let bound = false;
    for (let j = 0; j < p.clauses.length; j++) {
      const c = p.clauses[j]!;
      if (c.kind === 'instrument' && c.instrument === instrument && level > c.level) bound = true;
    }
    if (!bound) {
      activeLeft += 1;
      continue;
    }
    const promises: Clause[] = [];
    for (let j = 0; j < p.clauses.length; j++) {
      const c = p.clauses[j]!;
      if (c.kind === 'pledge' || c.kind === 'commitment') promises.push(c);
    }
    v += clausesValue(m, m.side, promises);
  }
  // Without a deal in force, the summit's bonus and the protection from snapback are lost too.
  if (activeLeft === 0) v += dealBonus({ ...m, dealNow: false }, m.side);
  return -v;
}

function lossOf(x: OrderContext, instrument: string, level: number): number {
  const key = `${instrument}/${level}`;
  let v = x.losses.get(key);
  if (v === undefined) {
    v = dealLoss(x.m, instrument, level);
    x.losses.set(key, v);
  }
  return v;
}

/** One order's own terms (see `Single`), computed once for every set it is in. */
function singleOf(x: OrderContext, o: Order): Single {
  const hit = x.singles.get(o);
  if (hit) return hit;
  const m = x.m;
  const X = m.side;
  const utility: number[] = [];
  let build = 0;
  let breaks = false;
  switch (o.kind) {
    case 'shift': {
      utility.push(shiftValue(m, X, o.instrument, o.level));
      const cc = concessionCost(m, o.instrument, o.level);
      if (cc && cc.side === X)
        utility.push(
          (m.profile?.params.face ?? 1) * oneOffAt(m, X, m.rules.scenario.sides[X].politics, cc.tenths),
        );
      breaks = breaches(m, o);
      break;
    }
    case 'announce': {
      const base = m.base.get(o.instrument)!;
      const row = base.map((b, i) => (m.turn + i >= o.turn ? Math.max(b, o.level) : b));
      utility.push(rowValue(m, X, o.instrument, row, base));
      breaks = breaches(m, o);
      break;
    }
    case 'withdraw': {
      const base = m.base.get(o.instrument)!;
      const now = m.s.world.levels[o.instrument] ?? 0;
      const snap = m.rules.scenario.calendar.truce?.snapback[o.instrument] ?? 0;
      const snapTurn =
        m.s.world.truce && !m.s.world.truce.expired && !m.dealNow
          ? m.s.world.truce.endTurn
          : Number.POSITIVE_INFINITY;
      const row = base.map((_, i) => (m.turn + i >= snapTurn ? Math.max(now, snap) : now));
      utility.push(rowValue(m, X, o.instrument, row, base));
      break;
    }
    case 'build':
      build = buildValue(m, X, o.alternative);
      break;
    case 'extend':
      for (const id of m.rules.instrumentIds)
        utility.push(rowValue(m, X, id, m.baseDeal.get(id)!, m.base.get(id)!));
      break;
  }
  const single = { tension: orderTension(m, o), utility, build, breaks };
  x.singles.set(o, single);
  return single;
}

/** The tension a set of orders adds (tenths), each order's share computed once. */
export function setTension(x: OrderContext, orders: readonly Order[]): number {
  let added = 0;
  for (const o of orders) added += singleOf(x, o).tension;
  return added;
}

/** The search value of one set of orders, in terms. */
export function orderTerms(x: OrderContext, orders: readonly Order[]): Terms {
  const m = x.m;
  const X = m.side;
  const t = zero();
  let tension = x.base;
  // A set holds one order an instrument at most: what it writes in the scratch copy is taken out below.
  const { levels, announcements } = x.scratch;
  let moved = false;
  let resolve = m.s.world.resolve;
  const cred = m.rules.scenario.params.credibility;
  for (const o of orders) {
    const one = singleOf(x, o);
    tension += one.tension;
    for (const u of one.utility) t.utility += u;
    switch (o.kind) {
      case 'shift': {
        if (one.breaks) t.deal += lossOf(x, o.instrument, o.level);
        levels[o.instrument] = o.level;
        moved = true;
        break;
      }
      case 'announce': {
        // A threat to break its own deal in force wins it no leverage: it would cost it the deal.
        if (one.breaks) {
          t.deal += lossOf(x, o.instrument, o.level);
          break;
        }
        announcements[o.instrument] = { level: o.level, turn: o.turn, by: X };
        moved = true;
        break;
      }
      case 'withdraw': {
        announcements[o.instrument] = undefined;
        moved = true;
        resolve = { ...resolve, [X]: Math.max(0, resolve[X] - cred.withdrawnForNothing) };
        break;
      }
      case 'build':
        t.build += one.build;
        break;
      case 'extend':
        resolve = { ...resolve, [X]: Math.max(0, resolve[X] - cred.extension) };
        break;
    }
  }
  t.tension = tensionRisk(m, X, tension, x.collapse) - x.risk0;
  if (x.leverageWorth > 0 && (moved || resolve !== m.s.world.resolve)) {
    const L = leverageFor(m, { levels, announcements, resolve }, X, { [m.opp]: x.oppHand });
    t.leverage = (L - x.L) * x.leverageWorth;
  }
  if (moved)
    for (const o of orders)
      if (o.kind === 'shift') levels[o.instrument] = m.s.world.levels[o.instrument];
      else if (o.kind === 'announce' || o.kind === 'withdraw')
        announcements[o.instrument] = m.s.world.announcements[o.instrument];
  return t;
}
