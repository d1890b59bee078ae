// Packages, as the AI weighs them (DESIGN.md "The scripted AI"). Every clause either side could put
// on the table is valued for both sides (its own utility with its true weights, the opponent's with
// its public weights or a flat prior); a package's gain over no deal is the deal bonus (the summit's
// visible win, no snapback) plus its clauses. The target is the package that maximises
// g_self^L · g_other^(1−L), L its leverage, found greedily from its historical templates; a
// proposal starts from the target and logrolls toward the other side — adding, in order of value to
// them over cost to it, what it can still afford above its threshold θ(t)·g_target.
//
// Hot code: a package is a short list of option numbers, and the search evaluates each change to
// it in place, without building the changed package.
import type { Clause, GameState, Rules, Side } from '../engine/index.ts';
import { agreedIn, clauseGiver, crossedRedLine } from '../engine/index.ts';
import type { Template } from '../model/profile-schema.ts';
import type { Model } from './model.ts';
import { clausesValue, clauseValue, dealBonus } from './model.ts';
import { learntFactors, leverOf } from './opponent.ts';

export interface Option {
  readonly clause: Clause;
  readonly text: string; // the clause's text (`clauseKey`), read by every search that keys packages
  readonly key: number; // one clause per instrument, promise or statement
  readonly giver: Side | null;
  readonly vs: number; // value to itself on its own
  readonly vo: number; // … and to the opponent
  readonly instrument: number; // for an instrument clause: its key; else −1
  readonly level: number; // … and its level
  /** A promise tied to an instrument's level: that instrument's key, the levels that meet it, the values then. */
  readonly tieKey: number;
  readonly tieOk: readonly boolean[];
  readonly ms: number;
  readonly mo: number;
}

export type Pkg = readonly number[]; // option numbers
export type Gains = readonly [number, number];

export interface Table {
  readonly m: Model;
  readonly options: readonly Option[];
  readonly bonus: Gains;
  readonly L: number; // own leverage
  // how the other side is learnt to like each option (opponent.ts), or null with nothing learnt: it
  // steers which trade a logroll offers, never what a package is worth
  readonly liking: readonly number[] | null;
}

/** A clause as the table starts from it: what does not change in a game, worked out once. */
interface Candidate {
  readonly clause: Clause;
  readonly text: string;
  readonly key: number;
  readonly lever: string; // the key's name (opponent.ts `leverOf`)
  readonly giver: Side | null;
  readonly instrument: string | null; // an instrument clause's instrument
  readonly tieKey: number;
  readonly tieOk: readonly boolean[];
  readonly metLevel: number; // the first level of the tied instrument that meets the condition, or −1
}

const candidatesBySide = new WeakMap<Rules, Partial<Record<Side, readonly Candidate[]>>>();

/** Every clause a side may put in a package (its own red lines apart), levels of all instruments included. */
function candidates(rules: Rules, side: Side): readonly Candidate[] {
  let bySide = candidatesBySide.get(rules);
  if (!bySide) {
    bySide = {};
    candidatesBySide.set(rules, bySide);
  }
  const hit = bySide[side];
  if (hit) return hit;
  const clauses: Clause[] = [];
  for (const id of rules.instrumentIds) {
    const levels = rules.instruments.get(id)!.levels.length;
    for (let l = 0; l < levels; l++) clauses.push({ kind: 'instrument', instrument: id, level: l });
  }
  const sizes = ['small', 'medium', 'large'] as const;
  for (const c of rules.scenario.commitments) {
    if (c.kind === 'purchase')
      for (const size of sizes) {
        clauses.push({ kind: 'pledge', item: c.id, size });
        if (c.condition) clauses.push({ kind: 'pledge', item: c.id, size, condition: c.condition });
      }
    else {
      clauses.push({ kind: 'commitment', item: c.id });
      if (c.condition) clauses.push({ kind: 'commitment', item: c.id, condition: c.condition });
    }
  }
  for (const st of rules.scenario.statements) clauses.push({ kind: 'statement', statement: st.id });
  const keys = new Map<string, number>();
  const keyOf = (name: string) => {
    let k = keys.get(name);
    if (k === undefined) {
      k = keys.size;
      keys.set(name, k);
    }
    return k;
  };
  const out: Candidate[] = [];
  for (const clause of clauses) {
    if (crossedRedLine(rules, side, [clause])) continue;
    let tieKey = -1;
    let tieOk: boolean[] = [];
    let metLevel = -1;
    if (
      (clause.kind === 'pledge' || clause.kind === 'commitment') &&
      clause.condition &&
      'instrument' in clause.condition
    ) {
      const cond = clause.condition;
      const inst = rules.instruments.get(cond.instrument);
      if (inst) {
        tieKey = keyOf(`i:${cond.instrument}`);
        tieOk = inst.levels.map(
          (_, l) =>
            (cond.atMost === undefined || l <= cond.atMost) &&
            (cond.atLeast === undefined || l >= cond.atLeast),
        );
        metLevel = tieOk.indexOf(true);
      }
    }
    const giver = clauseGiver(rules, clause);
    const lever = leverOf(clause);
    out.push({
      clause,
      text: clauseKey(clause),
      key: keyOf(lever),
      lever,
      giver,
      instrument: clause.kind === 'instrument' ? clause.instrument : null,
      tieKey,
      tieOk,
      metLevel,
    });
  }
  bySide[side] = out;
  return out;
}

/** Every clause either side could put in a package now, valued for both. */
export function makeTable(m: Model, L: number): Table {
  const { s } = m;
  const options: Option[] = [];
  const learnt = learntFactors(m.rules, s, m.opp);
  const likes: number[] = [];
  for (const c of candidates(m.rules, m.side)) {
    const clause = c.clause;
    if (c.instrument !== null && clause.kind === 'instrument') {
      // Lower than now; or now, if that withdraws a rise announced above it.
      const now = s.world.levels[c.instrument] ?? 0;
      const pending = s.world.announcements[c.instrument];
      if (!(clause.level < now || (clause.level === now && pending && pending.level > now))) continue;
    } else if (
      // A promise or statement in a deal in force cannot be agreed again (the engine refuses it).
      clause.kind === 'statement'
        ? agreedIn(s.world, 'statement', clause.statement)
        : clause.kind !== 'instrument' && agreedIn(s.world, 'commitment', clause.item)
    )
      continue;
    const vs = clauseValue(m, m.side, clause);
    const vo = clauseValue(m, m.opp, clause);
    const ms = c.metLevel >= 0 ? clauseValue(m, m.side, clause, c.metLevel) : 0;
    const mo = c.metLevel >= 0 ? clauseValue(m, m.opp, clause, c.metLevel) : 0;
    if (vs <= 0 && vo <= 0 && ms <= 0 && mo <= 0) continue;
    options.push({
      clause,
      text: c.text,
      key: c.key,
      giver: c.giver,
      vs,
      vo,
      instrument: clause.kind === 'instrument' ? c.key : -1,
      level: clause.kind === 'instrument' ? clause.level : -1,
      tieKey: c.tieKey,
      tieOk: c.tieOk,
      ms,
      mo,
    });
    if (learnt.size > 0) likes.push(learnt.get(c.lever) ?? 1);
  }
  const liking = learnt.size > 0 ? likes : null;
  return { m, options, bonus: [dealBonus(m, m.side), dealBonus(m, m.opp)], L, liking };
}

// A package changed in place: drop the member at `skip` (−1: none), add option `add` (−1: none).
// The sums go to `acc` (self, opponent): summed in locals and written once, because a number kept in
// a module variable is boxed afresh at every write, and this loop is the search's innermost.
const acc = new Float64Array(2);
function evalWith(t: Table, p: Pkg, skip: number, add: number) {
  const o = t.options;
  let gs = t.bonus[0];
  let go = t.bonus[1];
  const n = p.length;
  for (let i = 0; i <= n; i++) {
    const idx = i < n ? (i === skip ? -1 : p[i]!) : add;
    if (idx < 0) continue;
    const x = o[idx]!;
    if (x.tieKey >= 0) {
      let level = -1;
      for (let j = 0; j <= n; j++) {
        const jdx = j < n ? (j === skip ? -1 : p[j]!) : add;
        if (jdx >= 0 && o[jdx]!.instrument === x.tieKey) level = o[jdx]!.level;
      }
      if (level >= 0) {
        if (x.tieOk[level]) {
          gs += x.ms;
          go += x.mo;
        }
        continue;
      }
    }
    gs += x.vs;
    go += x.vo;
  }
  acc[0] = gs;
  acc[1] = go;
}

/** The gains [self, opponent] of a package over no deal, as this AI models them. */
export function gains(t: Table, p: Pkg): Gains {
  evalWith(t, p, -1, -1);
  return [acc[0]!, acc[1]!];
}

/** The gains of any list of clauses (an open proposal), exactly. */
export function clauseGains(t: Table, clauses: readonly Clause[]): Gains {
  return [
    t.bonus[0] + clausesValue(t.m, t.m.side, clauses),
    t.bonus[1] + clausesValue(t.m, t.m.opp, clauses),
  ];
}

const EPS = 0.05;
const LOG_EPS = Math.log(EPS);
const h = (g: number) => (g >= EPS ? Math.log(g) : LOG_EPS + (g - EPS) / EPS);
/** The leverage-weighted Nash product, in logs, continued smoothly below zero gains. */
export const nash = (t: Table, a: number, b: number) => t.L * h(a) + (1 - t.L) * h(b);

const MAX = 6;

/** Calls `visit(skip, add)` for every package one change away: a member dropped, replaced or added. */
function eachNeighbour(t: Table, p: Pkg, visit: (skip: number, add: number) => void) {
  for (let i = 0; i < p.length; i++) visit(i, -1);
  const o = t.options;
  // where in the package each key is (the last member of it), looked up for every option
  for (let i = 0; i < p.length; i++) memberOfKey[o[p[i]!]!.key] = i;
  for (let k = 0; k < o.length; k++) {
    const at = memberOfKey[o[k]!.key] ?? -1;
    if (at >= 0) {
      if (p[at] !== k) visit(at, k);
    } else if (p.length < MAX) visit(-1, k);
  }
  for (let i = 0; i < p.length; i++) memberOfKey[o[p[i]!]!.key] = -1;
}

/** By key: the package member of that key in `eachNeighbour`, −1 (or never set) between calls (a visit searches no further). */
const memberOfKey: number[] = [];

function applyChange(p: Pkg, skip: number, add: number): number[] {
  const out = p.filter((_, i) => i !== skip);
  if (add >= 0) {
    if (skip >= 0) out.splice(skip, 0, add);
    else out.push(add);
  }
  return out;
}

/** A template as options now: instrument levels are ceilings; what is already met is left out. */
export function fromTemplate(t: Table, tpl: Template): number[] {
  const out: number[] = [];
  const o = t.options;
  for (const c of tpl.clauses) {
    const matches = templateMatch(t.m.s, c);
    if (!matches) continue;
    let found = -1;
    for (let i = 0; i < o.length; i++) if (matches(o[i]!.clause)) found = i;
    if (found >= 0 && !out.some((i) => o[i]!.key === o[found]!.key)) out.push(found);
  }
  return out;
}

/**
 * Which option a template's clause asks for, read from the clause once (not again for every option
 * it is matched against), or null when it asks for nothing: an instrument already at or below its
 * ceiling, with no rise announced above it.
 */
function templateMatch(s: GameState, c: Template['clauses'][number]): ((cl: Clause) => boolean) | null {
  if ('instrument' in c) {
    const now = s.world.levels[c.instrument] ?? 0;
    const pending = s.world.announcements[c.instrument];
    const level = Math.min(c.level, now);
    if (level === now && !(pending && pending.level > now)) return null;
    return (cl) => cl.kind === 'instrument' && cl.instrument === c.instrument && cl.level === level;
  }
  if ('pledge' in c)
    return (cl) =>
      cl.kind === 'pledge' &&
      cl.item === c.pledge &&
      cl.size === c.size &&
      (cl.condition !== undefined) === c.tied;
  if ('commitment' in c)
    return (cl) =>
      cl.kind === 'commitment' && cl.item === c.commitment && (cl.condition !== undefined) === c.tied;
  return (cl) => cl.kind === 'statement' && cl.statement === c.statement;
}

export interface Target {
  readonly pkg: Pkg;
  readonly gains: Gains;
  readonly template: Template | null;
}

/** Greedy ascent of the Nash product from a start (the best template, or nothing). */
export function target(t: Table, templates: readonly Template[]): Target {
  let best: number[] = [];
  let bestTpl: Template | null = null;
  let [a, b] = gains(t, best);
  let bestF = nash(t, a, b);
  for (const tpl of templates) {
    const p = fromTemplate(t, tpl);
    [a, b] = gains(t, p);
    const f = nash(t, a, b);
    if (p.length > 0 && f > bestF) {
      best = p;
      bestF = f;
      bestTpl = tpl;
    }
  }
  const tr = trade;
  const visit = (skip: number, add: number) => {
    evalWith(t, best, skip, add);
    const f = nash(t, acc[0]!, acc[1]!);
    if (f > tr.ratio) {
      tr.ratio = f;
      tr.skip = skip;
      tr.add = add;
    }
  };
  for (let iter = 0; iter < 16; iter++) {
    tr.skip = -2;
    tr.add = -1;
    tr.ratio = bestF + 1e-6; // here the Nash product to beat
    eachNeighbour(t, best, visit);
    if (tr.skip === -2) break;
    best = applyChange(best, tr.skip, tr.add);
    bestF = tr.ratio;
  }
  return { pkg: best, gains: gains(t, best), template: bestTpl };
}

/**
 * The one change from `cur` (gains `cs`, `co`) that trades best toward `to` (0: the AI itself, 1:
 * the other side): the highest ratio of what it brings `to` over what it costs the other (a change
 * that costs nothing first), among the changes `allowed` lets through that leave the AI at least
 * `floor`. `swaps`: a full package may also trade one clause for another of a new key. Null if no
 * change brings `to` anything.
 */
function bestTrade(
  t: Table,
  cur: Pkg,
  cs: number,
  co: number,
  to: 0 | 1,
  floor: number,
  allowed: (skip: number, add: number) => boolean,
  swaps: boolean,
  keepOther = false, // only changes that leave the other side a gain
): readonly [number, number] | null {
  const b = trade;
  b.skip = -2;
  b.add = -1;
  b.ratio = 0;
  const visit = (skip: number, add: number) => {
    if (!allowed(skip, add)) return;
    evalWith(t, cur, skip, add);
    const gs = acc[0]!;
    const go = acc[1]!;
    if (gs < floor || (keepOther && go <= 0)) return;
    const gain = to === 0 ? gs - cs : go - co;
    if (gain <= 1e-6) return;
    const cost = to === 0 ? co - go : cs - gs;
    let ratio = cost <= 1e-6 ? 1e6 + gain : gain / cost;
    // Toward the other side, what it has shown it wants comes first: a lever it asked for, or one
    // of its own it minded giving dropped.
    if (to === 1 && t.liking) ratio *= likingOf(t, add) / likingOf(t, skip < 0 ? -1 : cur[skip]!);
    if (ratio > b.ratio) {
      b.ratio = ratio;
      b.skip = skip;
      b.add = add;
    }
  };
  eachNeighbour(t, cur, visit);
  if (swaps && cur.length >= MAX)
    for (let i = 0; i < cur.length; i++)
      for (let k = 0; k < t.options.length; k++) if (!hasKey(t, cur, t.options[k]!.key)) visit(i, k);
  return b.skip === -2 ? null : [b.skip, b.add];
}

const likingOf = (t: Table, option: number) => (option < 0 ? 1 : t.liking![option]!);

/** The best trade found so far: fields of one object, written in place (a closure's numbers are boxed at every write). */
const trade = { skip: -2, add: -1, ratio: 0 };

/** Whether a package has an option of this key. */
function hasKey(t: Table, p: Pkg, key: number): boolean {
  for (let i = 0; i < p.length; i++) if (t.options[p[i]!]!.key === key) return true;
  return false;
}

const anyChange = () => true;

/**
 * Logrolling from a package toward the other side: each step takes the change with the best ratio
 * of value to them over cost to us (a change that costs us nothing comes first; what they have shown
 * they want counts more, see `Table.liking`), as long as our gain stays at least `floor`. Returns
 * every package on the way, the start first.
 */
export function logroll(t: Table, start: Pkg, floor: number): Pkg[] {
  const path: Pkg[] = [start];
  let cur = start;
  for (let iter = 0; iter < 12; iter++) {
    const [cs, co] = gains(t, cur);
    const step = bestTrade(t, cur, cs, co, 1, floor, anyChange, false);
    if (!step) break;
    cur = applyChange(cur, step[0], step[1]);
    path.push(cur);
  }
  return path;
}

/** The options an offer's clauses are, where the table has them (a clause it does not value is left out). */
export function optionsOf(t: Table, clauses: readonly Clause[]): number[] {
  // an offer's clauses are the engine's fresh copies, read once or twice: their texts are not kept
  const want = new Set(clauses.map(clauseText));
  const out: number[] = [];
  t.options.forEach((o, i) => {
    if (want.has(o.text) && !out.some((j) => t.options[j]!.key === o.key)) out.push(i);
  });
  return out;
}

/**
 * A counter-offer built from the offer just turned down: it keeps at least half of the offered
 * clauses and changes what makes the difference — each step takes the change with the best ratio of
 * its own gain to the other side's loss (what is dear to it and cheap for them first), until its
 * gain reaches `floor` or no change keeping half the offer, and the other side a gain, raises it.
 * Where that lands on a package in `not` (what it proposed already this turn), it gives a step back
 * toward the other side, as a bargainer does who will not say the same thing twice. Null if nothing
 * changed, or the other side would gain nothing.
 */
export function counterFrom(
  t: Table,
  offer: Pkg,
  offered: number,
  floor: number,
  barred: (option: number) => boolean = () => false,
  not: ReadonlySet<string> = new Set(),
): Pkg | null {
  const keep = Math.ceil(offered / 2);
  // Which options the offer holds, by number: every change the searches weigh asks how many of the
  // offer's clauses it keeps, counted once for the package and adjusted for the one change.
  const inOffer: number[] = t.options.map(() => 0);
  for (const i of offer) inOffer[i] = 1;
  const keptIn = (p: Pkg) => {
    let n = 0;
    for (let i = 0; i < p.length; i++) n += inOffer[p[i]!]!;
    return n;
  };
  // What its character bars it from proposing goes first, even from the offer.
  let cur: Pkg = offer.filter((i) => !barred(i));
  let curKept = keptIn(cur);
  const allowed = (skip: number, add: number) =>
    !(add >= 0 && barred(add)) &&
    curKept - (skip >= 0 ? inOffer[cur[skip]!]! : 0) + (add >= 0 ? inOffer[add]! : 0) >= keep;
  const change = (step: readonly [number, number]) => {
    cur = applyChange(cur, step[0], step[1]);
    curKept = keptIn(cur);
  };
  let [cs, co] = gains(t, cur);
  // A full offer can still trade a clause it gives away cheaply for one the AI needs.
  for (let iter = 0; iter < 10 && cs < floor; iter++) {
    const step = bestTrade(t, cur, cs, co, 0, Number.NEGATIVE_INFINITY, allowed, true, true);
    if (!step) break;
    change(step);
    [cs, co] = gains(t, cur);
  }
  const offerKey = packageKeyOf(t, offer);
  for (let back = 0; back < 3 && not.has(packageKeyOf(t, cur)); back++) {
    // The step its model of the other side values most; failing that, its own dearest ask dropped.
    const step =
      bestTrade(t, cur, cs, co, 1, Number.NEGATIVE_INFINITY, allowed, false) ?? dearestAsk(t, cur, inOffer);
    if (!step) break;
    change(step);
    [cs, co] = gains(t, cur);
  }
  const key = packageKeyOf(t, cur);
  return cur.length === 0 || co <= 0 || curKept < keep || key === offerKey || not.has(key) ? null : cur;
}

/**
 * The search for other anchors around `p`: `around(from)` collects the packages one change from
 * `from` that keep at least `share` of the other side's gain and `ownShare` of its own, with no
 * option `barred` lets not through added; `best(n)` gives at most `n` of them, its own gain first.
 * Null where `p` leaves a side no gain (nothing keeps a share of it).
 */
function anchorSearch(
  t: Table,
  p: Pkg,
  share: number,
  ownShare: number,
  barred: (option: number) => boolean,
) {
  const [own, other] = gains(t, p);
  if (own <= 0 || other <= 0) return null;
  const found: { p: Pkg; own: number }[] = [];
  const keys = new Set([packageKeyOf(t, p)]);
  const around = (from: Pkg) =>
    eachNeighbour(t, from, (skip, add) => {
      if (add >= 0 && barred(add)) return;
      evalWith(t, from, skip, add);
      const gs = acc[0]!;
      const go = acc[1]!;
      if (gs < ownShare * own || go < share * other) return;
      const q = applyChange(from, skip, add);
      const key = packageKeyOf(t, q);
      if (q.length > 0 && !keys.has(key)) {
        keys.add(key);
        found.push({ p: q, own: gs });
      }
    });
  const best = (n: number) =>
    found
      .sort((a, b) => b.own - a.own)
      .slice(0, n)
      .map((f) => f.p);
  return { found, around, best };
}

/**
 * Packages one change from `p` (a clause dropped, added or set at another level) — or two, where
 * one finds fewer than `n` — that keep at least `share` of the other side's gain and `ownShare` of
 * its own (the same, unless given), with no option `barred` lets not through added: other anchors it
 * could open with, as good a deal on both sides. Its own gain first; at most `n`.
 */
export function nearAnchors(
  t: Table,
  p: Pkg,
  share: number,
  n: number,
  barred: (option: number) => boolean,
  ownShare = share, // the least share of its own gain, where it differs from the other side's
): Pkg[] {
  const search = anchorSearch(t, p, share, ownShare, barred);
  if (!search) return [];
  search.around(p);
  // Too few a change away: two changes away, from each of those.
  if (search.found.length < n) for (const f of [...search.found]) search.around(f.p);
  return search.best(n);
}

/**
 * Where none lies that near: packages two changes from `p` through any package one change away (a
 * clause swapped for one of another lever, say), kept by the same shares. At most `n`.
 */
export function farAnchors(
  t: Table,
  p: Pkg,
  share: number,
  n: number,
  barred: (option: number) => boolean,
  ownShare = share,
): Pkg[] {
  const search = anchorSearch(t, p, share, ownShare, barred);
  if (!search) return [];
  eachNeighbour(t, p, (skip, add) => {
    if (add >= 0 && barred(add)) return;
    const q = applyChange(p, skip, add);
    if (q.length > 0) search.around(q);
  });
  return search.best(n);
}

/**
 * Whether the AI could still ask for more than the offer gives it: an option not its own to give
 * (the other side's, or a joint statement) that it values and may ask for (`barred` lets it
 * through), whose lever the offer leaves out or offers at a higher level.
 */
export function canAskMore(t: Table, offer: Pkg, barred: (option: number) => boolean): boolean {
  for (let k = 0; k < t.options.length; k++) {
    const o = t.options[k]!;
    if (o.giver === t.m.side || o.vs <= 0 || barred(k)) continue;
    let covered = false;
    for (const i of offer) {
      const q = t.options[i]!;
      if (q.key === o.key && (o.level < 0 || q.level <= o.level)) covered = true;
    }
    if (!covered) return true;
  }
  return false;
}

/** An option of an offer the AI could take back: its own to give, or a joint statement that costs it. */
export function itsToTakeBack(t: Table, option: number): boolean {
  const o = t.options[option]!;
  return o.giver === t.m.side || (o.giver === null && o.vs < 0);
}

/**
 * An offer with the promises of the AI's own taken back (and any joint statement that costs it), as
 * many as keep at least half of the `offered` clauses and a gain for the other side — those that
 * cost it most first, and of those the ones the other side values most. A package in `not` (one it
 * has proposed lately) is passed over for the one that takes back a promise fewer: offered the same
 * again, it gives ground. Null if nothing is left to take back.
 */
export function takenBack(t: Table, offer: Pkg, offered: number, not: ReadonlySet<string>): Pkg | null {
  const keep = Math.ceil(offered / 2);
  const own = offer
    .filter((i) => itsToTakeBack(t, i))
    .sort((a, b) => t.options[a]!.vs - t.options[b]!.vs || t.options[b]!.vo - t.options[a]!.vo);
  let p: Pkg = offer;
  let best: Pkg | null = null;
  for (const i of own) {
    if (p.length <= keep) break;
    const next = p.filter((j) => j !== i);
    if (gains(t, next)[1] <= 0) break;
    p = next;
    if (!not.has(packageKeyOf(t, p))) best = p;
  }
  return best;
}

/** Dropping what it added to an offer that it values most: the change a concession makes. */
function dearestAsk(t: Table, p: Pkg, inOffer: readonly number[]): readonly [number, number] | null {
  let at = -1;
  for (let i = 0; i < p.length; i++)
    if (
      inOffer[p[i]!] !== 1 &&
      t.options[p[i]!]!.vs > 0 &&
      (at < 0 || t.options[p[i]!]!.vs > t.options[p[at]!]!.vs)
    )
      at = i;
  return at < 0 ? null : [at, -1];
}

function packageKeyOf(t: Table, p: Pkg): string {
  for (let i = 0; i < p.length; i++) texts[i] = t.options[p[i]!]!.text;
  return sortedTexts(p.length);
}

export const clausesOf = (t: Table, p: Pkg): Clause[] => p.map((i) => t.options[i]!.clause);

/**
 * Each clause's text, kept by the clause: clauses are never changed once made (a state's are
 * frozen, a table's are its own), and the same few are keyed over and over by every search.
 */
const clauseKeys = new WeakMap<Clause, string>();

export function clauseKey(c: Clause): string {
  let key = clauseKeys.get(c);
  if (key === undefined) {
    key = clauseText(c);
    clauseKeys.set(c, key);
  }
  return key;
}

function clauseText(c: Clause): string {
  switch (c.kind) {
    case 'instrument':
      return `i ${c.instrument} ${c.level}`;
    case 'statement':
      return `s ${c.statement}`;
    case 'pledge':
      return `p ${c.item} ${c.size} ${c.condition ? JSON.stringify(c.condition) : ''}`;
    case 'commitment':
      return `c ${c.item} ${c.condition ? JSON.stringify(c.condition) : ''}`;
  }
}

/**
 * A package's clauses as one text, whatever their order: equal texts, same package. A frozen list
 * (a proposal in the state) never changes, so its text is kept with it: every decision of a turn's
 * talks keys the proposals made lately. Its clauses are the engine's canonical copies, keyed here
 * once, so their own texts are not kept; a list the searches build holds the table's clauses,
 * whose texts are.
 */
export function packageKey(clauses: readonly Clause[]): string {
  const frozen = Object.isFrozen(clauses);
  if (frozen) {
    const kept = listKeys.get(clauses);
    if (kept !== undefined) return kept;
  }
  for (let i = 0; i < clauses.length; i++)
    texts[i] = frozen ? clauseText(clauses[i]!) : clauseKey(clauses[i]!);
  const key = sortedTexts(clauses.length);
  if (frozen) listKeys.set(clauses, key);
  return key;
}
const listKeys = new WeakMap<readonly Clause[], string>();

/**
 * The first `n` of `texts` in order (by UTF-16 code units, as Array.prototype.sort orders strings),
 * joined by ";". Every search keys packages by the thousand, and mapping, sorting and joining an
 * array for each was a twelfth of what a game allocates; a package holds at most a handful of
 * clauses, so they are sorted in place, by insertion.
 */
const texts: string[] = [];
function sortedTexts(n: number): string {
  for (let i = 1; i < n; i++) {
    const v = texts[i]!;
    let j = i - 1;
    while (j >= 0 && texts[j]! > v) {
      texts[j + 1] = texts[j]!;
      j--;
    }
    texts[j + 1] = v;
  }
  if (n === 0) return '';
  let out = texts[0]!;
  for (let i = 1; i < n; i++) out += `;${texts[i]}`;
  return out;
}
