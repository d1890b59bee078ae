// The AI's memo of standings. What a decision computes from the standing of the game alone — the
// model's tables and schedules, the clause table and the target — is kept and shared by every
// decision taken in the same standing: a turn's talks are many decisions over the same levels, and
// many games open alike. A pure memo: what its keys hold is everything these depend on, so a hit
// gives exactly what computing afresh would, and a game plays the same whatever was played before.
import type { GameState, Scenario, Side } from '../engine/index.ts';
import { type Model, makeModel } from './model.ts';
import type { Profile } from './profile.ts';
import type { Seen } from './seen.ts';
import { makeTable, type Table, type Target, target } from './talks.ts';

/** An AI seat as the memo keys it. */
export interface SeatKey {
  readonly profile: string;
  readonly level: number;
}

/** The table of clauses and the target. */
export interface Plan {
  readonly table: Table;
  readonly offers: Table; // the table its own offers are searched on (a flat prior's, at the lowest level)
  readonly tgt: Target;
}

interface Entry {
  readonly side: Side;
  readonly profile: string;
  readonly level: number;
  readonly s: GameState; // the state it was first computed for
  readonly m: Model;
  readonly box: {
    plan: Plan | null;
    orders?: { builds: GameState['world']['builds']; value: unknown };
    offers?: Map<string, unknown>;
  };
  readonly seat: SeatKey;
  readonly prof: Profile | null;
}

const recent = new WeakMap<Scenario, Entry[]>();
const byValue = new WeakMap<Scenario, Map<string, Entry>>();

/**
 * Same standing: the same turn and the very same world — the levels, alternatives, values,
 * announcements, credibility, packages, pressure, events, truce, summit and collapse. Talks moves
 * leave the world as it was (a new state shares it); everything the model and the plan read from a
 * state is in it, or is the turn. States are immutable, so identity is the quick test.
 */
const sameStanding = (a: GameState, b: GameState) => a.world === b.world && a.round.turn === b.round.turn;

/** The standing as text: the test by value, for a standing another game has reached. */
function standingKey(seen: Seen, seat: SeatKey): string {
  const s = seen.s;
  return JSON.stringify([seen.side, seat.profile, seat.level, s.round.turn, s.world]);
}

/** The model for this decision, its tables shared with every other decision in the same standing. */
export function entryFor(seen: Seen, seat: SeatKey, profile: Profile | null): Model {
  let list = recent.get(seen.scenario);
  let values = byValue.get(seen.scenario);
  if (!list || !values) {
    list = [];
    values = new Map();
    recent.set(seen.scenario, list);
    byValue.set(seen.scenario, values);
  }
  let e = list.find(
    (x) =>
      x.side === seen.side &&
      x.profile === seat.profile &&
      x.level === seat.level &&
      sameStanding(x.s, seen.s),
  );
  if (!e) {
    const key = seen.s.round.turn === 0 ? standingKey(seen, seat) : '';
    const twin = key ? values.get(key) : undefined;
    e = twin
      ? { ...twin, s: seen.s, m: { ...twin.m, s: seen.s } } // the same tables, this game's state
      : {
          side: seen.side,
          profile: seat.profile,
          level: seat.level,
          s: seen.s,
          m: makeModel(seen.rules, seen.s, seen.side, profile, seat.level),
          box: { plan: null },
          seat,
          prof: profile,
        };
    // Only the opening recurs across games; later standings are mostly each game's own.
    if (key && !twin) {
      if (values.size > 2048) values.clear();
      values.set(key, e);
    }
    list.unshift(e);
    if (list.length > 8) list.pop();
  }
  const m: Kept = e.m.s === seen.s ? e.m : { ...e.m, s: seen.s };
  m[ENTRY] = e;
  return m;
}

/**
 * The entry a model was made for, kept on the model itself: a decision's model lives for that
 * decision, and in a WeakMap keyed by the model every entry, with its tables and candidates, lived
 * on until a full collection (engine/recent.ts).
 */
const ENTRY = Symbol('memo entry');
type Kept = Model & { [ENTRY]?: Entry };
const entryOf = (m: Model): Entry => (m as Kept)[ENTRY]!;

/** The clause table and target of a model's standing, computed once. */
export function planFor(m: Model, L: number, profile: Profile | null): Plan {
  const e = entryOf(m);
  if (!e.box.plan) {
    // What it holds out for is its character, the same at every level: the target is always found
    // with the other side's public weights (a flat prior only blurs the lowest level's own offers).
    const pm = e.m.depth.flatPrior ? makeModel(e.m.rules, e.s, e.side, e.prof, e.seat.level, true) : e.m;
    const table = makeTable(pm, L);
    const offers = pm === e.m ? table : makeTable(e.m, L);
    e.box.plan = { table, offers, tgt: target(table, profile?.templates ?? []) };
  }
  return e.box.plan;
}

/**
 * What a side's orders are worth in a model's standing (`make`), computed once: the order sets and
 * their values read the standing, the seat and what the side has built (which changes only when a
 * turn ends, as the standing does), never the dice — so the look-ahead, which reaches the same
 * standing's orders from every candidate and seed it plays on, values them once.
 */
export function ordersFor<T>(m: Model, make: () => T): T {
  const e = entryOf(m);
  const kept = e.box.orders;
  const builds = m.s.world.builds;
  if (kept && (kept.builds === builds || JSON.stringify(kept.builds) === JSON.stringify(builds)))
    return kept.value as T;
  const value = make();
  e.box.orders = { builds, value };
  return value;
}

/**
 * A side's offers in a model's standing, computed once for each `key` — what it has proposed this
 * turn, the one thing besides the standing and the seat they read (never the dice).
 */
export function offersFor<T>(m: Model, key: string, make: () => T): T {
  const e = entryOf(m);
  e.box.offers ??= new Map();
  if (e.box.offers.has(key)) return e.box.offers.get(key) as T;
  const value = make();
  e.box.offers.set(key, value);
  return value;
}
