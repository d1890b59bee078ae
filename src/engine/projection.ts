// Projections: what a side may expect if both sides hold still from here — with a package signed, with
// a set of orders given, or as things stand. Each runs the kernel to the end of the game once for each
// of twenty fixed preview seeds, whose fresh random streams never touch the game's own; the figure
// shown is the median, its range the 10th to 90th percentile. A projection starts from a side's own
// view (no random streams, not the other side's drafts), rebuilt into a state with the preview dice,
// so the same code previews online, where a client never has the game's seed. Each seed's score is
// measured from that seed's own stand-still line: the engine's zero under the same dice.
import { advance, type Dice, holdStill } from './kernel.ts';
import { leverage } from './leverage.ts';
import { applyMove } from './reducer.ts';
import { seedStreams } from './rng.ts';
import type { Rules } from './rules.ts';
import { rulesFor } from './rules.ts';
import { noDealLine, objectivesOf, scorePoints, unscorable } from './scoring.ts';
import type { BySide, Clause, GameState, Order, Scenario, Side } from './types.ts';
import { other, SIDES } from './types.ts';
import { canonicalOrder, checkMove } from './validate.ts';
import type { View } from './view.ts';

/** The preview seeds: fixed, so a preview is the same wherever and whenever it is run. */
export const PREVIEW_SEEDS: readonly string[] = Array.from(
  { length: 20 },
  (_, i) => `preview-${String(i + 1).padStart(2, '0')}`,
);

/** A projected score in score points: the median over the preview seeds, and its 10th–90th range. */
export interface Projected {
  readonly median: number;
  readonly low: number;
  readonly high: number;
}

export interface Refused {
  readonly ok: false;
  readonly reason: string;
}

/** A package that cannot be signed, and at which step: the floor, the proposal or the acceptance. */
export interface SignRefused extends Refused {
  readonly step: 'floor' | 'propose' | 'accept';
}

const diceCache = new Map<string, Dice>();
/** A preview seed's fresh streams (made once). */
export function diceOf(seed: string): Dice {
  let d = diceCache.get(seed);
  if (!d) {
    d = seedStreams(seed);
    diceCache.set(seed, d);
  }
  return d;
}

/** The state a view stands for, with `dice` for its streams: the other side's drafts unknown. */
export function stateFromView(view: View, dice: Dice): GameState {
  const { drafts, ...round } = view.state.round;
  return {
    meta: view.state.meta,
    world: view.state.world,
    round: {
      ...round,
      drafts: {
        us: view.viewer === 'us' ? drafts.mine : null,
        cn: view.viewer === 'cn' ? drafts.mine : null,
      },
    },
    rng: { ...dice },
  };
}

/**
 * `clauses` signed in `s`: proposed by `by` and accepted by the other side, through the reducer's own
 * talks moves (whoever has the floor first lets it go); `null` accepts the proposal open now; an empty
 * list signs nothing. The engine's refusal if the package cannot be signed here.
 */
export function sign(
  scenario: Scenario,
  s: GameState,
  by: Side,
  clauses: readonly Clause[] | null,
): { readonly ok: true; readonly state: GameState } | SignRefused {
  if (clauses !== null && clauses.length === 0) return { ok: true, state: s };
  const step = (st: GameState, m: Parameters<typeof applyMove>[2]) => applyMove(scenario, st, m);
  if (clauses === null) {
    const r = step(s, { type: 'accept', side: s.round.talks.toMove });
    return r.ok ? r : { ok: false, reason: r.reason, step: 'accept' };
  }
  let st = s;
  for (let guard = 0; guard < 2 && st.round.phase === 'talks' && st.round.talks.toMove !== by; guard++) {
    const t = st.round.talks;
    const r = step(
      st,
      t.open ? { type: 'reject', side: t.toMove, reason: 'timing' } : { type: 'pass', side: t.toMove },
    );
    if (!r.ok) return { ok: false, reason: r.reason, step: 'floor' };
    st = r.state;
  }
  if (st.round.phase === 'talks' && st.round.talks.open && st.round.talks.open.by !== by) {
    const r = step(st, { type: 'reject', side: by, reason: 'too-little' }); // a counter-proposal
    if (!r.ok) return { ok: false, reason: r.reason, step: 'floor' };
    st = r.state;
  }
  const proposed = step(st, { type: 'propose', side: by, clauses });
  if (!proposed.ok) return { ok: false, reason: proposed.reason, step: 'propose' };
  const accepted = step(proposed.state, { type: 'accept', side: other(by) });
  return accepted.ok ? accepted : { ok: false, reason: accepted.reason, step: 'accept' };
}

/** A final state's scores over the line `zero`, with the objectives given (the viewer's own) met. */
export function scored(
  scenario: Scenario,
  final: GameState,
  zero: BySide<number>,
  objectives: Scenario['objectives'],
): BySide<number> {
  const base = scorePoints(scenario, final.world.totals.util, zero);
  const out = { ...base };
  for (const side of SIDES) out[side] += objectivesOf(objectives, side, final).bonus;
  return out;
}

/**
 * The exact evaluation under one set of dice: `clauses` signed in `s` (see `sign`), then both sides
 * hold still to the end; each side's final score over the line `zero`, with its objectives. The
 * empty package is holding still itself.
 */
export function evaluateUnder(
  scenario: Scenario,
  s: GameState,
  by: Side,
  clauses: readonly Clause[] | null,
  dice: Dice,
  zero: BySide<number>,
): { readonly ok: true; readonly score: BySide<number>; readonly final: GameState } | Refused {
  const why = unscorable(scenario);
  if (why) return { ok: false, reason: why };
  const signed = sign(scenario, s, by, clauses);
  if (!signed.ok) return { ok: false, reason: signed.reason };
  return { ok: true, ...heldFrom(scenario, signed.state, dice, zero) };
}

/**
 * Both sides hold still from `s` (a package signed, or not) to the end under `dice`: each side's
 * final score over the line `zero`, with its objectives. Signing draws no dice, so a package signed
 * once can be played on under every seed.
 */
export function heldFrom(
  scenario: Scenario,
  s: GameState,
  dice: Dice,
  zero: BySide<number>,
): { readonly score: BySide<number>; readonly final: GameState } {
  const final = holdStill(rulesFor(scenario), s, dice);
  return { score: scored(scenario, final, zero, scenario.objectives), final };
}

const median = (xs: readonly number[]) => {
  const v = [...xs].sort((a, b) => a - b);
  const n = v.length;
  return n % 2 ? (v[(n - 1) / 2] ?? 0) : ((v[n / 2 - 1] ?? 0) + (v[n / 2] ?? 0)) / 2;
};

/** The 10th percentile, median and 90th percentile of a sample (nearest rank), to a tenth. */
export function projected(xs: readonly number[]): Projected {
  const v = [...xs].sort((a, b) => a - b);
  const n = v.length;
  const at = (q: number) => v[Math.min(n - 1, Math.max(0, Math.ceil(q * n) - 1))] ?? 0;
  const mid = median(v);
  const tenth = (x: number) => Math.round(x * 10) / 10;
  return { median: tenth(mid), low: tenth(at(0.1)), high: tenth(at(0.9)) };
}

const bySide = <T>(f: (side: Side) => T): BySide<T> => ({ us: f('us'), cn: f('cn') });

/** Each preview seed's final scores when `start` (a state with any dice) is played on by `play`. */
function overSeeds(
  scenario: Scenario,
  view: View,
  start: GameState,
  play: (rules: Rules, s: GameState, dice: Dice) => GameState,
): BySide<number[]> {
  const rules = rulesFor(scenario);
  const out: BySide<number[]> = { us: [], cn: [] };
  for (const seed of PREVIEW_SEEDS) {
    const final = play(rules, start, diceOf(seed));
    const zero = noDealLine(scenario, seed, start.meta.setup).util;
    const sc = scored(scenario, final, zero, view.mine.objectives);
    out.us.push(sc.us);
    out.cn.push(sc.cn);
  }
  return out;
}

/**
 * Each side's projected final score if both hold still from here: the standing mid-game. A
 * scenario without a score scale (standing still costs a side nothing) cannot be projected: it
 * throws, with the reason the checker gives for refusing such a file.
 */
export function standing(scenario: Scenario, view: View): BySide<Projected> {
  const why = unscorable(scenario);
  if (why) throw new Error(`no standing: ${why}`);
  const s = stateFromView(view, diceOf(PREVIEW_SEEDS[0] ?? 'preview'));
  const xs = overSeeds(scenario, view, s, holdStill);
  return bySide((side) => projected(xs[side]));
}

export type PackagePreview =
  | {
      readonly ok: true;
      readonly signed: BySide<Projected>; // signed now, then both hold still
      readonly unsigned: BySide<Projected>; // nothing signed, both hold still
      // the change seed by seed, signed against unsigned on the same dice: its median, score points
      // (a difference of the two medians would show up to a point for a package that changes nothing)
      readonly worth: BySide<number>;
      readonly leverage: { readonly before: number; readonly after: number }; // L_us
    }
  | Refused;

/**
 * The preview of `clauses` proposed by `by` and accepted by the other side — or, with `clauses`
 * null, of accepting the proposal open now — from `view`, against signing nothing.
 */
export function previewPackage(
  scenario: Scenario,
  view: View,
  by: Side,
  clauses: readonly Clause[] | null,
): PackagePreview {
  const why = unscorable(scenario);
  if (why) return { ok: false, reason: why };
  const rules = rulesFor(scenario);
  const s = stateFromView(view, diceOf(PREVIEW_SEEDS[0] ?? 'preview'));
  if (s.round.phase !== 'talks')
    return { ok: false, reason: 'No talks now: a package can be signed only in the talks.' };
  const signed = sign(scenario, s, by, clauses);
  if (!signed.ok)
    // the other side's refusal to accept may rest on its private red lines: not named here
    return {
      ok: false,
      reason:
        signed.step === 'accept' && clauses !== null
          ? 'The other side could not accept this package as it stands.'
          : signed.reason,
    };
  const a = overSeeds(scenario, view, signed.state, holdStill);
  const b = overSeeds(scenario, view, s, holdStill);
  const sp = bySide((side) => projected(a[side]));
  const up = bySide((side) => projected(b[side]));
  return {
    ok: true,
    signed: sp,
    unsigned: up,
    worth: bySide((side) => projected(a[side].map((x, i) => x - b[side][i]!)).median),
    leverage: { before: leverage(rules, s.world).us, after: leverage(rules, signed.state.world).us },
  };
}

export type OrdersPreview =
  | {
      readonly ok: true;
      readonly scoreDelta: BySide<number>; // change in each side's projected score (medians), points
      readonly effect: BySide<Projected>; // the change seed by seed: its median and 10th–90th range
      readonly leverageNext: number; // L_us after this turn's orders resolve (median)
      readonly tensionNext: number; // tension after this turn, points (median)
    }
  | Refused;

/** Each preview seed's final scores if nobody gives orders this turn and both hold still after. */
export interface OrdersBaseline {
  readonly ok: true;
  readonly still: BySide<readonly number[]>;
}

/** The state orders are previewed from: the orders phase of this turn, the talks ended. */
function ordersStart(scenario: Scenario, view: View): GameState | Refused {
  const why = unscorable(scenario);
  if (why) return { ok: false, reason: why };
  const s0 = stateFromView(view, diceOf(PREVIEW_SEEDS[0] ?? 'preview'));
  if (s0.round.phase === 'over') return { ok: false, reason: 'The game is over: no more orders.' };
  return {
    ...s0,
    round: {
      ...s0.round,
      phase: 'orders',
      talks: { ...s0.round.talks, open: null },
      drafts: { us: null, cn: null },
    },
  };
}

/**
 * The line every orders preview of this turn is measured from (both sides give none and hold
 * still), computed once so that a list of orders is previewed at the cost of the orders alone.
 */
export function ordersBaseline(scenario: Scenario, view: View): OrdersBaseline | Refused {
  const s = ordersStart(scenario, view);
  if ('ok' in s) return s;
  return { ok: true, still: overSeeds(scenario, view, s, holdStill) };
}

/**
 * What `orders` given by `side` this turn would change if the other side holds still: both sides'
 * projected final scores against giving no orders (the change of the medians, and the change seed
 * by seed with its range), and next turn's leverage and tension. During the talks, the talks are
 * taken to end with nothing more signed. `baseline`, from `ordersBaseline` on the same view, saves
 * computing the no-orders line again.
 */
export function previewOrders(
  scenario: Scenario,
  view: View,
  side: Side,
  orders: readonly Order[],
  baseline?: OrdersBaseline,
): OrdersPreview {
  const s = ordersStart(scenario, view);
  if ('ok' in s) return s;
  const rules = rulesFor(scenario);
  const refusal = checkMove(rules, s, { type: 'orders', side, orders });
  if (refusal) return { ok: false, reason: refusal.reason };
  const mine = orders.map(canonicalOrder);
  const given = { us: side === 'us' ? mine : [], cn: side === 'cn' ? mine : [] };
  const lev: number[] = [];
  const tension: number[] = [];
  const a = overSeeds(scenario, view, s, (r, st, dice) => {
    const next = advance(r, st, given, dice);
    lev.push(leverage(r, next.world).us);
    tension.push(next.world.tension / 10);
    return holdStill(r, next, next.rng);
  });
  const b = baseline?.still ?? overSeeds(scenario, view, s, holdStill);
  const change = (x: Side) => a[x].map((v, i) => v - (b[x][i] ?? 0));
  return {
    ok: true,
    scoreDelta: bySide((x) => Math.round((projected(a[x]).median - projected(b[x]).median) * 10) / 10),
    effect: bySide((x) => projected(change(x))),
    leverageNext: median(lev),
    tensionNext: Math.round(median(tension) * 10) / 10,
  };
}
