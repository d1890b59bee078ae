// One decision of the scripted opponent. The AI looks at its own view only, lists its candidate
// moves for the moment (an answer, a proposal or a pass, a readout, a set of orders), gives each a
// search value, adds the weights of its profile's matching rules after the `never` filters, and
// takes the best (ties broken by its own dice). The move carries the code of what decided it: the
// rule that changed the choice, or the search term that made it.
import type {
  Clause,
  GameState,
  Move,
  MoveBody,
  Order,
  RejectReason,
  Rules,
  Scenario,
  Side,
} from '../engine';
import {
  aiStream,
  applyMove,
  checkMove,
  clauseToken,
  legalMoves,
  orderSets,
  pendingReadout,
  rulesFor,
  sayCode,
} from '../engine';
import type { ProfileParams, Rule } from '../model/profile-schema';
import type { Situation } from './character';
import { escalationHarm, isEscalation, opponentSteps, orderHarm, ruleApplies, ruleEffect } from './character';
import { entryFor, type Plan, planFor } from './memo';
import { leverageFor, type Model, oneOff, ordersModel, orderTension, tensionRisk } from './model';
import { orderContext, orderTerms, sumTerms, type Terms } from './orders';
import {
  ANSWERING_PROFILE,
  DEFAULT_AI_LEVEL,
  type Depth,
  depthOf,
  findProfile,
  type Profile,
  RANDOM_PROFILE,
  theta,
} from './profile';
import { pick, type Rand, randFor } from './rng';
import { type Policy, playOn } from './rollout';
import { type Seen, seeFor } from './seen';
import {
  clausesOf,
  counterFrom,
  fromScore,
  fromTemplate,
  logroll,
  offerWorth,
  optionOf,
  type Pkg,
  packageKey,
  packageWorth,
  toScore,
} from './worth';

export interface Seat {
  readonly profile: string;
  readonly level: number;
}

interface Candidate {
  readonly move: MoveBody;
  readonly search: number;
  readonly code: string; // the search term, if search decides
  readonly calm?: boolean; // orders that add no tension
}

/** A profile's parameters when a seat names none the scenario has: even-tempered, no rules. */
const PLAIN: ProfileParams = {
  patience: 0.5,
  reciprocity: 'none',
  face: 1,
  maxTension: 850,
  headlineBias: 0,
  thetaStart: 0.85,
  thetaFloor: 0.35,
  deadline: 'summit',
  estimate: 'the plain profile',
};

/** Points an answer in proportion is worth to the modelled other side (a design estimate). */
const ANSWER_WEIGHT = 25;

/**
 * The look-ahead's model of the other side: the plain profile (its threshold at the plain floor
 * throughout), answering escalation in proportion. Without the answer, playing on would show an
 * escalation going unanswered, and the hardest level would escalate into losses.
 */
function answeringProfile(side: Side): Profile {
  return {
    id: ANSWERING_PROFILE,
    side,
    name: 'the other side as the look-ahead models it',
    params: { ...PLAIN, thetaStart: PLAIN.thetaFloor, reciprocity: 'proportional' },
    rules: [
      {
        id: 'answers-in-proportion',
        text: 'It answers escalation in proportion',
        when: [{ opponent: 'escalated' }],
        respond: 'proportional',
        weight: ANSWER_WEIGHT,
        chance: 1,
        estimate: 'the look-ahead expects escalation to be answered in kind',
      },
    ],
    templates: [],
  };
}
const ANSWERING = { us: answeringProfile('us'), cn: answeringProfile('cn') } as const;

/**
 * What a unit of leverage is worth at the table, as a share of what a deal would create: the target
 * splits the gains about in the ratio of leverage, if a deal comes.
 */
const LEVERAGE_WORTH = 0.6;

/** What the next step after a deal (a build, an extension) is worth on top of its terms (a design estimate). */
const NEXT_STEP = 1;

/** What an order must be worth (points) to be given rather than nothing. */
const ACTION_COST = 0.4;

/** The least gain over no deal worth signing (points): better than walking away. */
const MIN_GAIN = 0.5;

const round1 = (x: number) => Math.round(x * 10) / 10;

function situation(m: Model): Situation {
  return {
    m,
    leverage: leverageFor(m, m.s, m.side),
    escalation: escalationHarm(m),
    opponentSteps: opponentSteps(m),
  };
}

/** Picks the best candidate after the rules, and names what decided it. */
function choose(cands: readonly Candidate[], rules: readonly Rule[], x: Situation, rand: Rand): Move {
  // A rule with a chance below 1 applies on this decision only if the AI's dice say so.
  const active = rules.filter((r) => ruleApplies(r, x) && (r.chance >= 1 || rand() < r.chance));
  const noise = x.m.depth.noise;
  const scored = cands.map((c) => {
    const hits: { rule: Rule; effect: number | 'never' }[] = [];
    for (const r of active) {
      const e = ruleEffect(r, x, c.move);
      if (e !== null) hits.push({ rule: r, effect: e });
    }
    const never = hits.find((h) => h.effect === 'never');
    const ruleSum = hits.reduce((s, h) => s + (typeof h.effect === 'number' ? h.effect : 0), 0);
    const jitter = noise * rand();
    return { c, hits, never, search: c.search + jitter, total: c.search + ruleSum + jitter };
  });
  let best = scored.find((s) => !s.never) ?? scored[0]!;
  let searchBest = scored[0]!;
  for (const s of scored) {
    if (!s.never && s.total > best.total) best = s;
    if (s.search > searchBest.search) searchBest = s;
  }
  let code = best.c.code;
  if (searchBest !== best) {
    if (searchBest.never) code = `rule:${searchBest.never.rule.id}`;
    else {
      const up = best.hits
        .filter((h) => typeof h.effect === 'number' && h.effect > 0)
        .sort((a, b) => (b.effect as number) - (a.effect as number))[0];
      const down = searchBest.hits
        .filter((h) => typeof h.effect === 'number' && h.effect < 0)
        .sort((a, b) => (a.effect as number) - (b.effect as number))[0];
      // The rule that lifted the chosen move, or else the one that sank the search's choice.
      const decider = up ? up.rule : (down?.rule ?? null);
      if (decider) code = `rule:${decider.id}`;
    }
  }
  return { ...best.c.move, ai: { code, value: round1(best.total) } } as Move;
}

// ---------------------------------------------------------------------------------------------
// Talks

// The negotiator (DESIGN.md "The AI as a negotiator"): a bidding strategy that asks for its
// aspiration θ(t) × its target's gain and concedes along the profile's curve, offering packages near
// the frontier for that aspiration; an opponent model (the table's values for the other side: its
// public weights, or a flat prior at the lowest level); and an acceptance condition — AC_next, an
// offer at least as good as what it would ask next, and in its last talks before the deadline, the
// summit or the truce's end, any offer better than holding still by ACCEPT_LAST score points.

/** Score points over holding still an offer must bring in its last talks (AC_combi's line). */
const ACCEPT_LAST = 5;

/** Its aspiration now (raw points of own gain): what it asks for, and what an offer must match. */
function aspiration(m: Model, plan: Plan, profile: Profile | null, at: number): number {
  // The gentle level concedes at once: it asks its profile's floor from the start.
  const th = m.depth.forgiving
    ? (profile?.params.thetaFloor ?? PLAIN.thetaFloor)
    : profile
      ? theta(m.rules, profile, at)
      : PLAIN.thetaFloor;
  return Math.max(MIN_GAIN, th * plan.tgt.gains[0]);
}

/** Its last talks before a deadline: the last turn of talks, the summit's turn, the truce's last turns. */
export function lastTalks(m: Model): boolean {
  const r = m.rules;
  if (m.turn >= r.mainTurns - 1) return true;
  if (m.s.summit === 'pending' && r.summitTurn === m.turn) return true;
  const tr = m.s.truce;
  return tr !== null && !tr.expired && !m.dealNow && tr.endTurn - m.turn <= 1 && tr.endTurn >= m.turn;
}

function rejectReason(
  m: Model,
  g: readonly [number, number],
  need: number,
  clauses: readonly Clause[],
): RejectReason {
  if (m.s.pressuredOn[m.side] >= m.turn - 1 && m.turn > 0) return 'face';
  if (g[0] <= 0) return 'too-little';
  const promised = clauses.filter(
    (c) =>
      (c.kind === 'pledge' || c.kind === 'commitment') && m.rules.commitments.get(c.item)?.side === m.opp,
  );
  if (promised.length > 0 && promised.length * 2 >= clauses.length && m.s.reliability[m.opp] < 0.7)
    return 'distrust';
  if (g[0] >= 0.8 * need && m.turn < m.rules.mainTurns - 2) return 'timing';
  return 'too-little';
}

/** The variant of a sentence: it changes with the turn and the move's place in it. */
const variantOf = (m: Model) => (m.turn + m.s.news.length) % 3;

/** The offer it just rejected, if its last move this turn was that rejection. */
function justRejected(s: GameState, side: Side): readonly Clause[] | null {
  const last = s.news[s.news.length - 1];
  const before = s.news[s.news.length - 2];
  if (last?.kind !== 'answer' || last.side !== side || last.accepted) return null;
  return before?.kind === 'proposal' && before.side !== side ? before.clauses : null;
}

/** Its own last proposal, this turn or the last (what a counter must not repeat word for word). */
function previousProposal(s: GameState, side: Side): string | null {
  for (const news of [s.news, s.lastNews])
    for (let i = news.length - 1; i >= 0; i--) {
      const n = news[i]!;
      if (n.kind === 'proposal' && n.side === side) return packageKey(n.clauses);
    }
  return null;
}

/**
 * Its counter to an offer: the offer as its options, changed where it makes the difference — what
 * it asks added, what it cannot give dropped, a logroll back toward the other side with room to
 * spare — keeping at least half of the offered clauses, and never its previous proposal again.
 */
function counterTo(m: Model, plan: Plan, offer: readonly Clause[], goal: number, allows: Allows): Pkg | null {
  const t = plan.offers;
  const start = offer.map((c) => optionOf(t, c)).filter((i) => i >= 0);
  // An offered clause is kept in any of its forms (a pledge resized, a promise tied or untied).
  const keys = new Set(start.map((i) => t.options[i]!.key));
  const kept = new Set(t.options.flatMap((o, i) => (keys.has(o.key) ? [i] : [])));
  const minKeep = Math.min(Math.ceil(offer.length / 2), start.length);
  const prev = previousProposal(m.s, m.side);
  const offered = packageKey(offer);
  let fallback: Pkg | null = null;
  for (const g of [goal, goal * 1.1, goal * 1.25, goal * 1.5, goal * 2, goal * 0.9, goal * 0.8]) {
    const p = repaired(counterFrom(t, start, g, kept, minKeep), t, m.side, allows);
    if (!p || p.filter((i) => kept.has(i)).length < minKeep) continue;
    const key = packageKey(clausesOf(t, p));
    if (p.length === 0 || key === prev || key === offered) continue;
    const w = packageWorth(t, p);
    // A counter it would not sign itself is no counter.
    if (w[0] < Math.max(0.6 * goal, fromScore(m, m.side, ACCEPT_LAST)) || w[0] <= 0) continue;
    if (m.depth.forgiving || fairSplit(plan, w)) return p;
    fallback ??= p;
  }
  return fallback;
}

/** What a counter changes in an offer: the clauses it adds, and the offered ones it drops. */
function changes(offer: readonly Clause[], counter: readonly Clause[]) {
  const has = (list: readonly Clause[], c: Clause) => list.some((x) => clauseToken(x) === clauseToken(c));
  return {
    added: counter.filter((c) => !has(offer, c)),
    dropped: offer.filter((c) => !has(counter, c)),
  };
}

function answer(m: Model, plan: Plan, profile: Profile | null, rand: Rand, allows: Allows): Candidate[] {
  const open = m.s.talks.open!;
  // Its judgement of what it needs is only so precise: a little more or less, by its own dice.
  const judged = 1 + m.depth.precision * (2 * rand() - 1);
  let need = judged * aspiration(m, plan, profile, m.turn + 0.5 * m.s.talks.made[m.side]);
  if (m.depth.lookahead > 0) need = Math.min(need, waitingWorth(m, plan, profile));
  const last = lastTalks(m);
  // Not to be milked: before its last talks, the higher levels take nothing that is barely better
  // than holding still; the lowest level is the forgiving one.
  const line = fromScore(m, m.side, ACCEPT_LAST);
  if (!m.depth.forgiving) need = Math.max(need, line);
  const g = offerWorth(plan.table, open.clauses);
  const worth = toScore(m, m.side, g[0]);
  const why =
    g[0] >= need && (m.depth.forgiving || fairSplit(plan, g))
      ? 'next'
      : g[0] >= line && (last || m.depth.forgiving)
        ? 'last'
        : null;
  const v = variantOf(m);
  const reason = rejectReason(m, g, need, open.clauses);
  const counter = counterTo(m, plan, open.clauses, need, allows);
  const ch = counter ? changes(open.clauses, clausesOf(plan.offers, counter)) : { added: [], dropped: [] };
  const rejectCode = sayCode('reject', v, worth, toScore(m, m.side, need), ch.added, ch.dropped);
  const out: Candidate[] = [
    {
      move: { type: 'accept', side: m.side },
      search: why ? 1 + 0.01 * worth : Math.min(-0.5, g[0] - need),
      code: sayCode('accept', v, worth, why ?? 'next', toScore(m, m.side, need)),
    },
  ];
  for (const r of ['too-little', 'distrust', 'timing', 'face', 'linkage'] as const)
    out.push({
      move: { type: 'reject', side: m.side, reason: r },
      search: r === reason ? 0 : -3,
      code: rejectCode,
    });
  return out;
}

/**
 * What rejecting can bring (the look-ahead of the higher levels): at best a deal next turn at its
 * own aspiration then, on the smaller pie of a shorter horizon, if a deal comes at all (as surely as
 * the level counts on one); in the last turn of talks, nothing — so anything better than no deal is
 * worth taking.
 */
function waitingWorth(m: Model, plan: Plan, profile: Profile | null): number {
  if (m.turn >= m.rules.mainTurns - 1) return MIN_GAIN;
  const R = m.T - m.turn;
  const shrink = (R - 1) / (R + 1); // Σ of the turn-weights a turn later, over now
  const th = profile ? theta(m.rules, profile, m.turn + 1) : PLAIN.thetaFloor;
  return Math.max(MIN_GAIN, m.depth.lookahead * th * plan.tgt.gains[0] * shrink);
}

/**
 * Proposals it makes in a turn: one, and the second the rules allow in the last turn of talks — or,
 * at the hardest level, when tension nears the risk line (an agreement is the one thing that eases
 * it). A counter to an offer it has just rejected may always be made while the rules allow one.
 */
function proposalsAllowed(rules: Rules, s: GameState, depth: Depth): number {
  if (s.turn === rules.mainTurns - 1) return 2;
  if (depth.secondOffer && s.tension >= rules.scenario.params.tension.risk - 50) return 2;
  return 1;
}

/**
 * How much more lopsided than its target's split a deal may be before it looks like being milked:
 * the other side's gain for each point of its own, at most FAIR times what its target gives (the
 * target splits the gains by leverage; a design estimate).
 */
const FAIR = 1.6;

/** Is a split [self, other] fair enough, against its target's? */
function fairSplit(plan: Plan, g: readonly [number, number]): boolean {
  const [ts, to] = plan.tgt.gains;
  if (g[0] <= 0) return false;
  if (ts <= 0 || to <= 0) return g[1] <= g[0];
  return g[1] / g[0] <= (FAIR * to) / ts;
}

/**
 * The package it bids at an aspiration: its target conceded toward the other side, or raised above
 * it — and raised further while the split is not fair on the score scale.
 */
function bidAt(m: Model, plan: Plan, asp: number): Pkg {
  const { offers: t, tgt } = plan;
  let p = asp <= tgt.gains[0] ? logroll(t, tgt.pkg, asp).at(-1)! : counterFrom(t, tgt.pkg, asp, new Set(), 0);
  for (const more of [1.2, 1.5, 2, 3]) {
    const g = packageWorth(t, p);
    if (m.depth.forgiving || fairSplit(plan, g)) break;
    p = counterFrom(t, p, Math.max(asp, g[0]) * more, new Set(), 0);
  }
  return p;
}

/** Its opening anchors: packages near the frontier at or above its aspiration, the other side gaining. */
function anchors(m: Model, plan: Plan, profile: Profile | null, asp: number): Pkg[] {
  const { offers: t, tgt } = plan;
  const out: Pkg[] = [asp, asp * 0.9, asp * 1.15, asp * 1.3].map((a) => bidAt(m, plan, a));
  out.push(tgt.pkg);
  out.push(...logroll(t, tgt.pkg, 0.85 * Math.min(asp, tgt.gains[0])).slice(1, 3));
  for (const tpl of profile?.templates ?? []) {
    const p = fromTemplate(t, tpl);
    if (p.length > 0) out.push(counterFrom(t, p, Math.min(asp, tgt.gains[0]), new Set(), 0));
  }
  // … and each with one clause left out: an anchor need not ask for everything at once.
  for (const p of [...out]) for (let i = 0; i < p.length; i++) out.push(p.filter((_, j) => j !== i));
  const seen = new Set<string>();
  const lo = 0.8 * Math.min(asp, tgt.gains[0]);
  return out.filter((p) => {
    const key = packageKey(clausesOf(t, p));
    const g = packageWorth(t, p);
    if (p.length === 0 || seen.has(key) || g[0] < lo || g[1] <= 0) return false;
    if (!m.depth.forgiving && !fairSplit(plan, g)) return false;
    seen.add(key);
    return true;
  });
}

/** Proposals already made by this side this turn (all answered: none open). */
function madeThisTurn(s: GameState, side: Side): (readonly Clause[])[] {
  return s.news
    .filter((n) => n.kind === 'proposal' && n.side === side)
    .map((n) => (n as { clauses: readonly Clause[] }).clauses);
}

/** Why it passes, for its note: its proposals made, a deal in force, or nothing worth offering. */
function passCode(m: Model, made: boolean): string {
  const v = variantOf(m);
  if (made) return sayCode('pass', v, 'made', m.s.talks.made[m.side]);
  const deal = [...m.s.packages].reverse().find((p) => p.status === 'active');
  if (deal) return sayCode('pass', v, 'deal', deal.turn + 1);
  return sayCode('pass', v, 'hold', m.turn + 1);
}

/** Does one of its rules forbid this move now (`never`), or, with `soft`, hold it against it (`avoid`)? */
function forbids(rules: readonly Rule[], x: Situation, move: MoveBody, soft: boolean): boolean {
  return rules.some((r) => {
    if (!r.never && !(soft && r.avoid)) return false;
    if (!ruleApplies(r, x)) return false;
    const e = ruleEffect(r, x, move);
    return e === 'never' || (typeof e === 'number' && e < 0);
  });
}

type Allows = (move: MoveBody, soft: boolean) => boolean;

/** Drops, cheapest first, the clauses that keep a package from passing `ok` (up to four). */
function dropUntil(p: Pkg, table: Plan['offers'], ok: (cl: readonly Clause[]) => boolean): Pkg | null {
  let cur = p;
  for (let round = 0; round < 4 && !ok(clausesOf(table, cur)); round++) {
    let best: Pkg | null = null;
    let bestScore = Number.NEGATIVE_INFINITY;
    const consider = (q: Pkg, bonus: number) => {
      if (q.length === 0) return;
      const g = packageWorth(table, q)[0] + (ok(clausesOf(table, q)) ? 1e6 : 0) + bonus;
      if (g > bestScore) {
        best = q;
        bestScore = g;
      }
    };
    for (let i = 0; i < cur.length; i++) {
      consider(
        cur.filter((_, j) => j !== i),
        0,
      );
      // A clause of the same kind in another form (a promise tied to its condition) comes first.
      const key = table.options[cur[i]!]!.key;
      table.options.forEach((o, k) => {
        if (o.key === key && k !== cur[i])
          consider(
            cur.map((x, j) => (j === i ? k : x)),
            1e5,
          );
      });
    }
    if (!best) return null;
    cur = best;
  }
  return ok(clausesOf(table, cur)) ? cur : null;
}

/**
 * A package as its rules let it through: the clauses a `never` rule forbids dropped, then those an
 * `avoid` rule holds against it, the fewest and cheapest first; null if its `never` rules cannot be
 * met.
 */
function repaired(p: Pkg, table: Plan['offers'], side: Side, allows: Allows): Pkg | null {
  const propose = (cl: readonly Clause[]): MoveBody => ({ type: 'propose', side, clauses: cl });
  const hard = dropUntil(p, table, (cl) => allows(propose(cl), false));
  if (!hard) return null;
  return dropUntil(hard, table, (cl) => allows(propose(cl), true)) ?? hard;
}

function proposals(m: Model, plan: Plan, profile: Profile | null, rand: Rand, allows: Allows): Candidate[] {
  const rejected = justRejected(m.s, m.side);
  const made = m.s.talks.made[m.side];
  const allowed = rejected ? 2 : proposalsAllowed(m.rules, m.s, m.depth);
  const out: Candidate[] = [
    { move: { type: 'pass', side: m.side }, search: 0, code: passCode(m, made >= allowed) },
  ];
  if (made >= allowed || m.turn >= m.rules.mainTurns) return out;
  const { offers: table, tgt } = plan;
  let asp = aspiration(m, plan, profile, m.turn + 0.5 * made);
  if (m.depth.lookahead > 0) asp = Math.min(asp, Math.max(MIN_GAIN, waitingWorth(m, plan, profile)));
  const v = variantOf(m);
  const seen = new Set(madeThisTurn(m.s, m.side).map(packageKey));
  const prev = previousProposal(m.s, m.side);
  const candidate = (p0: Pkg, search: number, code: string): Candidate | null => {
    let p = repaired(p0, table, m.side, allows);
    if (!p) return null;
    // What its rules dropped, it makes up for elsewhere (once).
    if (packageWorth(table, p)[0] < 0.9 * asp) {
      const again = repaired(counterFrom(table, p, asp, new Set(p), p.length), table, m.side, allows);
      if (again && packageWorth(table, again)[0] > packageWorth(table, p)[0]) p = again;
    }
    // Nothing it would not sign itself is put on the table, whatever its rules prefer.
    const own = packageWorth(table, p)[0];
    if (own <= 0 || own < 0.6 * asp || own < fromScore(m, m.side, ACCEPT_LAST)) return null;
    const cl = clausesOf(table, p);
    const key = packageKey(cl);
    if (cl.length === 0 || seen.has(key)) return null;
    seen.add(key);
    return { move: { type: 'propose', side: m.side, clauses: cl }, search, code };
  };
  const add = (c: Candidate | null) => {
    if (c) out.push(c);
  };
  // A counter from the offer it has just rejected.
  if (rejected) {
    const p = counterTo(m, plan, rejected, asp, allows);
    if (p) {
      const ch = changes(rejected, clausesOf(table, p));
      add(candidate(p, 3, sayCode('counter', v, ch.added, ch.dropped)));
    }
    return out;
  }
  if (tgt.pkg.length === 0) return out;
  const kind = m.dealNow ? 'next' : 'bid';
  // The opening: an anchor it can defend, one of several by its own dice (one candidate, so that
  // a rule preferring some clause does not make every game open alike).
  if (prev === null && !m.dealNow) {
    const list = anchors(m, plan, profile, asp);
    const order = list.map((p) => [rand(), p] as const).sort((a, b) => a[0] - b[0]);
    for (const [, p] of order) {
      const c = candidate(p, 2.5, sayCode('open', v));
      if (c) {
        out.push(c);
        return out;
      }
    }
  }
  const value = (p: Pkg): number => {
    const g = packageWorth(table, p);
    if (g[1] <= 0) return -1;
    return g[0] >= 0.9 * asp ? 2 + 0.05 * (g[0] - asp) : Math.min(-0.5, g[0] - asp);
  };
  const bid = bidAt(m, plan, asp);
  // Its bid, unless the other side has already had it word for word.
  const bidKey = packageKey(clausesOf(table, bid));
  if (bidKey !== prev) add(candidate(bid, value(bid), sayCode(kind, v)));
  // Variants the rules may prefer: a promise tied to its condition, or not.
  for (let i = 0; i < bid.length; i++) {
    const o = table.options[bid[i]!]!;
    const c = o.clause;
    if (c.kind !== 'pledge' && c.kind !== 'commitment') continue;
    const twin = table.options.findIndex(
      (q) =>
        q.key === o.key &&
        q.clause.kind === c.kind &&
        (q.clause.kind !== 'pledge' || c.kind !== 'pledge' || q.clause.size === c.size) &&
        (q.clause.kind === 'pledge' || q.clause.kind === 'commitment') &&
        (q.clause.condition === undefined) !== (c.condition === undefined),
    );
    if (twin >= 0) {
      const p = [...bid.slice(0, i), twin, ...bid.slice(i + 1)];
      if (packageKey(clausesOf(table, p)) !== prev) add(candidate(p, value(p), sayCode(kind, v)));
    }
  }
  // Conceding a step past its bid, when the other side has already had its bid.
  if (bidKey === prev) {
    const step = logroll(table, bid, 0.85 * asp)[1];
    if (step) add(candidate(step, value(step) > 0 ? 1.5 : -0.5, sayCode(kind, v)));
  }
  return out;
}
function readouts(m: Model): Candidate[] {
  const { readout, tension } = m.rules.scenario.params;
  const politics = m.rules.scenario.sides[m.side].politics;
  const gain = oneOff(m, m.side, { [politics]: readout.trumpetGain });
  const risk =
    tensionRisk(m, m.side, m.s.tension + tension.trumpet, 0) - tensionRisk(m, m.side, m.s.tension, 0);
  return [
    {
      move: { type: 'readout', side: m.side, style: 'trumpet' },
      search: gain + risk,
      code: 'search:readout',
    },
    { move: { type: 'readout', side: m.side, style: 'modest' }, search: 0, code: 'search:readout' },
  ];
}

// ---------------------------------------------------------------------------------------------
// Orders

function termCode(t: Terms, empty: boolean): string {
  if (empty) return 'search:hold';
  let code = 'hold';
  let best = 0;
  if (t.build > best) {
    code = 'build';
    best = t.build;
  }
  if (t.utility > best) {
    code = 'utility';
    best = t.utility;
  }
  if (t.leverage > best) {
    code = 'leverage';
    best = t.leverage;
  }
  if (t.deal > best) code = 'deal';
  return `search:${code}`;
}

/**
 * Has the other side raised or announced something during the game (the answerer's licence to
 * escalate)? A rise it made (or an event made on its instruments) marks this side pressured; an
 * announcement pending says it by itself.
 */
export function provoked(m: Model): boolean {
  if (m.s.pressuredOn[m.side] >= 0) return true;
  return Object.values(m.s.announcements).some((a) => a.by === m.opp);
}

/**
 * The harm a turn (this side's per-turn utility) of what it may answer: the other side's measures
 * above where the game opened them, and — after the first two turns — those already in force at the
 * opening, no harder than they hit.
 */
function answerable(m: Model): number {
  let harm = 0;
  const lu = m.lu[m.side];
  for (const inst of m.rules.scenario.instruments) {
    if (inst.owner !== m.opp) continue;
    const row = lu.get(inst.id);
    if (!row) continue;
    const now = m.s.levels[inst.id] ?? 0;
    const pending = m.s.announcements[inst.id];
    const at = pending && pending.by === m.opp ? Math.max(now, pending.level) : now;
    const from = m.turn >= 2 ? 0 : Math.min(at, inst.level);
    harm += Math.max(0, (row[from] ?? 0) - (row[at] ?? 0));
  }
  return harm;
}

/** The harm a turn of a set of orders' escalations to the other side. */
const setHarm = (m: Model, set: readonly Order[]) => set.reduce((h, o) => h + orderHarm(m, o), 0);

/** How much harder than the measure it answers an answer may hit (a design estimate). */
const PROPORTION = 1.25;

/**
 * Escalation by character (issue: "It escalates by character"). A side that answers in kind (its
 * profile's reciprocity is not `none`: Beijing) escalates only in answer and in proportion — not in
 * the first two turns unless the other side raised or announced something, and never harder than
 * the measure it answers. A side that does not (Washington) may escalate early, but unprovoked only
 * by an announcement (a threat a package can withdraw, its note naming its demand), and never in a
 * turn in which it has put a proposal on the table.
 */
export function characterAllows(m: Model, set: readonly Order[], profile: Profile | null): boolean {
  const escalations = set.filter((o) => isEscalation(m, o));
  if (escalations.length === 0) return true;
  const answers = (profile?.params.reciprocity ?? 'none') !== 'none';
  const provokedNow = provoked(m);
  if (answers) {
    if (!provokedNow && m.turn < 2) return false;
    return setHarm(m, escalations) <= PROPORTION * answerable(m) + 1e-9;
  }
  if (m.s.news.some((n) => n.kind === 'proposal' && n.side === m.side)) return false;
  return provokedNow || escalations.every((o) => o.kind === 'announce');
}

function usefulShift(m: Model, id: string, level: number): boolean {
  const now = m.s.levels[id] ?? 0;
  const top = (m.rules.instruments.get(id)?.levels.length ?? 1) - 1;
  return Math.abs(level - now) === 1 || level === 0 || level === top;
}

function orders(m: Model, plan: () => Plan, profile: Profile | null, L: number): Candidate[] {
  let worth = 0;
  if (m.depth.leverage && m.turn + 1 < m.rules.mainTurns) {
    const { tgt } = plan();
    worth = LEVERAGE_WORTH * Math.max(0, tgt.gains[0] + tgt.gains[1]);
  }
  const ctx = orderContext(ordersModel(m), L, worth);
  const maxT = profile?.params.maxTension ?? PLAIN.maxTension;
  const out: Candidate[] = [];
  for (const set of orderSets(m.rules, m.s, m.side)) {
    // An announcement is tried for the later of its dates only (the same threat, more time to trade
    // it); a shift for one step either way, all the way down, or all the way up.
    if (set.some((o) => o.kind === 'announce' && o.turn < Math.min(m.turn + 2, m.T - 1))) continue;
    if (set.some((o) => o.kind === 'shift' && !usefulShift(m, o.instrument, o.level))) continue;
    // Past its maximum tension a profile will not go (holding still is always possible): checked
    // before the set is valued, which is the dear part.
    const added = set.reduce((s, o) => s + orderTension(m, o), 0);
    if (added > 0 && ctx.base + added > maxT) continue;
    if (!characterAllows(m, set, profile)) continue;
    const terms = orderTerms(ctx, set);
    // Every order spends a little attention and credibility: doing nothing wins a tie — except
    // after a deal with talks still ahead, when the next step (a build, the truce extended) is
    // what keeps the deal worth having (the hardest level weighs that by playing on instead).
    const nextStep =
      m.depth.rollouts === 0 &&
      m.dealNow &&
      m.turn + 2 < m.rules.mainTurns &&
      set.some((o) => o.kind === 'build' || o.kind === 'extend')
        ? NEXT_STEP
        : 0;
    const search = sumTerms(terms) - ACTION_COST * set.length + nextStep;
    out.push({
      move: { type: 'orders', side: m.side, orders: set },
      search,
      code: termCode(terms, set.length === 0),
      calm: added <= 0,
    });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------

/** The built-in baseline: a move kind uniformly, then that kind's parameters uniformly. */
function randomMove(seen: Seen, rand: Rand): Move {
  const legal = legalMoves(seen.scenario, seen.s, seen.side);
  const kinds = [...new Set(legal.map((m) => m.type))];
  const kind = pick(rand, kinds);
  const move = pick(
    rand,
    legal.filter((m) => m.type === kind),
  );
  return { ...move, ai: { code: 'random' } };
}

/**
 * Talks with nothing left to do: its proposals for the turn made, nothing to answer, no readout due.
 * Passing is then the only legal move, so it is taken without weighing anything (the rules could
 * not change it). Read from the public parts of the state only.
 */
function forcedPass(sc: Scenario, s: GameState, side: Side, seat: Seat): boolean {
  if (seat.profile === RANDOM_PROFILE || s.phase !== 'talks' || s.talks.toMove !== side) return false;
  if (s.talks.open && s.talks.open.by !== side) return false;
  if (s.talks.made[side] < proposalsAllowed(rulesFor(sc), s, depthOf(seat.level))) return false;
  if (justRejected(s, side) && s.talks.made[side] < 2) return false;
  return !pendingReadout(s, side);
}

/** The move an AI seat chooses now (only called when the side has a legal move). */
export function decide(full: Scenario, state: GameState, side: Side, seat: Seat): Move {
  if (forcedPass(full, state, side, seat))
    return {
      type: 'pass',
      side,
      ai: {
        code: sayCode('pass', (state.turn + state.news.length) % 3, 'made', state.talks.made[side]),
        value: 0,
      },
    };
  const seen = seeFor(full, state, side);
  const rand = randFor(state.rng[aiStream(side, state.phase)]);
  if (seat.profile === RANDOM_PROFILE) return randomMove(seen, rand);
  const profile =
    seat.profile === ANSWERING_PROFILE
      ? ANSWERING[side]
      : (findProfile(seen.scenario.profiles, seat.profile, side) ?? null);
  const m = entryFor(seen, seat, profile);
  const x = situation(m);
  const s = seen.s;
  const ruleList = profile?.rules ?? [];
  let cands: Candidate[];
  const readoutDue = pendingReadout(s, side) !== undefined;
  const plan = () => planFor(m, x.leverage, profile);
  if (readoutDue) cands = readouts(m);
  else if (s.phase === 'orders' && s.drafts[side] === null) {
    cands = orders(m, plan, profile, x.leverage);
    if (m.depth.rollouts > 0) {
      const top = cands.reduce((a, c) => (c.search > a.search ? c : a), cands[0]!);
      if (top.calm)
        cands = lookedAhead(
          seen,
          seat,
          m.depth.rollouts,
          cands,
          (c) => c.calm === true && c.search > top.search - NEAR,
          rand,
        );
    }
  } else if (s.phase === 'talks' && s.talks.toMove === side) {
    if (s.talks.open && s.talks.open.by !== side)
      cands = answer(m, plan(), profile, rand, (mv, soft) => !forbids(ruleList, x, mv, soft));
    else {
      cands = proposals(m, plan(), profile, rand, (mv, soft) => !forbids(ruleList, x, mv, soft));
      // Holding back is left to the search: playing on models the other side as the plain profile,
      // which offers more than most sides would, so waiting for its offer looks better than it is.
      if (m.depth.rollouts > 0)
        cands = lookedAhead(seen, seat, m.depth.rollouts, cands, (c) => c.search > 0, rand);
    }
  } else cands = [];
  for (let tries = 0; tries < 3 && cands.length > 0; tries++) {
    const move = choose(cands, ruleList, x, rand);
    if (checkMove(seen.rules, s, move) === null)
      return s.phase === 'orders' ? namingDemand(m, plan, move) : move;
    cands = cands.filter((c) => !sameBody(c.move, move));
  }
  // Nothing of its own fits (it should not happen): the first legal move, named as such.
  const legal = legalMoves(seen.scenario, s, side);
  const fallback =
    legal.find((mv) => mv.type === 'pass') ?? legal.find((mv) => mv.type === 'orders') ?? legal[0]!;
  return { ...fallback, ai: { code: 'search:fallback' } };
}

/**
 * An announcement names its demand: the clauses of its target the other side would give that are
 * worth most to it (a threat a package can withdraw).
 */
function namingDemand(m: Model, plan: () => Plan, move: Move): Move {
  if (move.type !== 'orders' || !move.orders.some((o) => o.kind === 'announce')) return move;
  const { table, tgt } = plan();
  const demand = tgt.pkg
    .map((i) => table.options[i]!)
    .filter((o) => o.giver === m.opp)
    .sort((a, b) => b.vs - a.vs)
    .slice(0, 2)
    .map((o) => o.clause);
  return { ...move, ai: { ...move.ai, code: sayCode('announce', m.turn % 3, demand) } };
}

/** How many of its best proposals or order sets the hardest level plays on from. */
const LOOKED_AT = 3;

/** Orders the search rates within this of its best (points) are played on: ties it cannot break. */
const NEAR = 0.3;

/**
 * Points by which playing on must favour another candidate to overturn the search's choice: a few
 * short games on are a noisy judge, and where they barely differ the search's choice stands (a
 * design estimate; without it, Washington's level 3 beat level 2 in Liberation Day by a hair).
 */
const STANDS = 0.5;

/** How many turns it plays on before it reads the standing (held from then to the end). */
const LOOK_TURNS = 3;

/** The total a move leaves the AI, played on from the state after it (the mean over the seeds). */
function playedOn(seen: Seen, policy: Policy, c: Candidate, seeds: readonly string[]): number | null {
  const r = applyMove(seen.scenario, seen.s, { ...c.move, ai: { code: c.code } } as Move);
  if (!r.ok) return null;
  let v = 0;
  for (const seed of seeds) v += playOn(seen.scenario, r.state, seen.side, policy, seed, LOOK_TURNS);
  return v / seeds.length;
}

/**
 * The hardest level's choice among its candidates, judged by playing on: after each of its best
 * (by the search), the game is played on a few turns, the same dice for each, and a candidate is
 * worth the total it leaves the AI (points, as the search counts them; the rules are added after),
 * the search's own choice `STANDS` points more. Only candidates `worth` playing on are, and they
 * rank above the rest; among them, playing on decides. The others keep their search value.
 */
function lookedAhead(
  seen: Seen,
  seat: Seat,
  n: number,
  cands: readonly Candidate[],
  worth: (c: Candidate) => boolean,
  rand: Rand,
): Candidate[] {
  const best = cands
    .filter(worth)
    .sort((a, b) => b.search - a.search)
    .slice(0, LOOKED_AT);
  if (best.length < 2) return [...cands];
  const seeds = Array.from({ length: n }, () => String(Math.floor(rand() * 2 ** 32)));
  // Itself at the default level with its own profile; the other side as the answering model.
  const self: Seat = { profile: seat.profile, level: DEFAULT_AI_LEVEL };
  const modelled: Seat = { profile: ANSWERING_PROFILE, level: DEFAULT_AI_LEVEL };
  const policy: Policy = (sc, st, side) => decide(sc, st, side, side === seen.side ? self : modelled);
  const values = new Map<Candidate, number>();
  for (const c of best) {
    const v = playedOn(seen, policy, c, seeds);
    if (v !== null) values.set(c, v + (c === best[0] ? STANDS : 0));
  }
  if (values.size < 2) return [...cands];
  const vals = [...values.values()];
  const lo = Math.min(...vals);
  const span = Math.max(1e-9, Math.max(...vals) - lo);
  // When playing on changes the search's choice (best[0]), the move says so.
  const value = (c: Candidate) => values.get(c) ?? Number.NEGATIVE_INFINITY;
  const chosen = best.reduce((a, c) => (value(c) > value(a) ? c : a), best[0]!);
  const changed = chosen !== best[0];
  const high = best[0]!.search;
  return cands.map((c) => {
    const v = values.get(c);
    if (v === undefined) return c;
    return {
      ...c,
      search: high + (v - lo) / span,
      code: changed && c === chosen ? 'search:look-ahead' : c.code,
    };
  });
}

const sameBody = (a: MoveBody, b: MoveBody) =>
  JSON.stringify({ ...a, ai: undefined }) === JSON.stringify({ ...b, ai: undefined });
