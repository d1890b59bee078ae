// One decision of the scripted opponent. The AI looks at its own view only, lists its candidate
// moves for the moment (an answer, a proposal or a pass, a readout, a set of orders), gives each a
// search value, adds the weights of its profile's matching rules after the `never` filters, and
// takes the best (ties broken by its own dice). The move carries the code of what decided it: the
// rule that changed the choice, or the search term that made it.
import type { Clause, GameState, Move, MoveBody, RejectReason, Rules, Scenario, Side } from '../engine';
import {
  aiStream,
  applyMove,
  checkMove,
  clauseId,
  deliveredShare,
  legalMoves,
  orderSets,
  PROPOSALS_PER_TURN,
  pendingReadout,
  rulesFor,
} from '../engine';
import { DEADLINE_MARGIN } from '../model/deadline';
import type { ProfileParams, Rule } from '../model/profile-schema';
import type { Situation } from './character';
import { escalationHarm, opponentSteps, ruleApplies, ruleEffect } from './character';
import { byCharacter } from './escalation';
import { entryFor, offersFor, ordersFor, type Plan, planFor } from './memo';
import { clausesValue, dealBonus, leverageFor, type Model, oneOff, ordersModel, tensionRisk } from './model';
import { orderContext, orderTerms, setTension, sumTerms, type Terms } from './orders';
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
  canAskMore,
  clauseGains,
  clausesOf,
  counterFrom,
  fromTemplate,
  gains,
  logroll,
  nearAnchors,
  optionsOf,
  type Pkg,
  packageKey,
  type Table,
  takenBack,
} from './talks';
import { openOfferWorth } from './worth';

export interface Seat {
  readonly profile: string;
  readonly level: number;
}

interface Candidate {
  readonly move: MoveBody;
  readonly search: number;
  readonly code: string; // the search term, if search decides
  readonly calm?: boolean; // orders that add no tension
  readonly needs?: Clause; // a rejection's: what it asks for (its sentence names it)
  readonly worth?: number; // an acceptance at a deadline's: what signing is worth to it, score points
  readonly gains?: readonly [number, number]; // a proposal's: the modelled gains, its own and the other side's
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

/** What an order must be worth (points) to be given rather than nothing. */
const ACTION_COST = 0.4;

/** The least gain over no deal worth signing (points): better than walking away. */
const MIN_GAIN = 0.5;

const round1 = (x: number) => Math.round(x * 10) / 10;

function situation(m: Model): Situation {
  return {
    m,
    leverage: leverageFor(m, m.s.world, m.side),
    escalation: escalationHarm(m),
    opponentSteps: opponentSteps(m),
  };
}

/**
 * Picks the best candidate after the rules, and names what decided it. `vary` may put another in
 * the chosen one's place (a different anchor for an opening), if no `never` rule bars it.
 */
function choose(
  cands: readonly Candidate[],
  rules: readonly Rule[],
  x: Situation,
  rand: Rand,
  vary?: (c: Candidate) => Candidate | null,
): Move {
  // A rule with a chance below 1 applies on this decision only if the AI's dice say so.
  const active = rules.filter((r) => ruleApplies(r, x) && (r.chance >= 1 || rand() < r.chance));
  const noise = x.m.depth.noise;
  // Each candidate's first `never` rule and its rules' sum; which rules touched it is worked out
  // again only for the two candidates the reason code reads (the rules are pure).
  const scored = cands.map((c) => {
    let never: Rule | null = null;
    let ruleSum = 0;
    for (const r of active) {
      const e = ruleEffect(r, x, c.move);
      if (e === 'never') never ??= r;
      else if (e !== null) ruleSum += e;
    }
    const jitter = noise * rand();
    return { c, never, search: c.search + jitter, total: c.search + ruleSum + jitter };
  });
  let best = scored.find((s) => !s.never) ?? scored[0]!;
  let searchBest = scored[0]!;
  for (const s of scored) {
    if (!s.never && s.total > best.total) best = s;
    if (s.search > searchBest.search) searchBest = s;
  }
  let code = best.c.code;
  if (searchBest !== best) {
    if (searchBest.never) code = `rule:${searchBest.never.id}`;
    else {
      const effects = (c: Candidate) =>
        active.flatMap((rule) => {
          const effect = ruleEffect(rule, x, c.move);
          return typeof effect === 'number' ? [{ rule, effect }] : [];
        });
      const up = effects(best.c)
        .filter((h) => h.effect > 0)
        .sort((a, b) => b.effect - a.effect)[0];
      const down = effects(searchBest.c)
        .filter((h) => h.effect < 0)
        .sort((a, b) => a.effect - b.effect)[0];
      // The rule that lifted the chosen move, or else the one that sank the search's choice.
      const decider = up ? up.rule : (down?.rule ?? null);
      if (decider) code = `rule:${decider.id}`;
    }
  }
  const alt = vary?.(best.c);
  if (alt && !active.some((r) => ruleEffect(r, x, alt.move) === 'never'))
    return { ...alt.move, ai: { code: alt.code, value: round1(best.total) } } as Move;
  const needs = best.c.needs ? { needs: best.c.needs } : {};
  const worth = best.c.worth !== undefined ? { worth: best.c.worth } : {};
  const held = best.c.move.type === 'pass' ? holding(x.m) : {};
  return { ...best.c.move, ai: { code, value: round1(best.total), ...needs, ...worth, ...held } } as Move;
}

/** While a deal is in force, a pass says how the other side's promises stand (its sentence names it). */
function holding(m: Model): { delivered?: number } {
  const share = deliveredShare(m.s.world, m.opp);
  if (!m.dealNow || share === null) return {};
  return { delivered: Math.min(1, Math.round(100 * share) / 100) };
}

// ---------------------------------------------------------------------------------------------
// Talks

/** The threshold a package must meet now (points of own gain). */
function needNow(m: Model, plan: Plan, profile: Profile | null, at: number): number {
  const th = profile ? theta(m.rules, profile, at) : PLAIN.thetaFloor;
  return Math.max(MIN_GAIN, th * plan.tgt.gains[0]);
}

function rejectReason(
  m: Model,
  g: readonly [number, number],
  need: number,
  clauses: readonly Clause[],
): RejectReason {
  if (m.s.world.pressuredOn[m.side] >= m.turn - 1 && m.turn > 0) return 'face';
  if (g[0] <= 0) return 'too-little';
  const promised = clauses.filter(
    (c) =>
      (c.kind === 'pledge' || c.kind === 'commitment') && m.rules.commitments.get(c.item)?.side === m.opp,
  );
  if (promised.length > 0 && promised.length * 2 >= clauses.length && m.s.world.reliability[m.opp] < 0.7)
    return 'distrust';
  if (g[0] >= 0.8 * need && m.turn < m.rules.mainTurns - 2) return 'timing';
  return 'too-little';
}

/**
 * Its last talks before a deadline that makes waiting dear: the end of the talks, the summit (with no
 * deal in force yet), or the truce's end (its snapback).
 */
function lastTalks(m: Model): boolean {
  if (m.turn >= m.rules.mainTurns - 1) return true;
  if (m.dealNow) return false;
  const st = m.rules.summitTurn;
  if (st !== null && m.s.world.summit === 'pending' && m.turn === st) return true;
  const truce = m.s.world.truce;
  return truce !== null && !truce.expired && truce.endTurn - m.turn <= 1 && truce.endTurn >= m.turn;
}

function answer(x: Situation, seen: Seen, plan: Plan, profile: Profile | null, rand: Rand): Candidate[] {
  const { m } = x;
  const open = m.s.round.talks.open!;
  // Its judgement of what it needs is only so precise: a little more or less, by its own dice.
  const judged = 1 + m.depth.precision * (2 * rand() - 1);
  let need = judged * needNow(m, plan, profile, m.turn + 0.5 * m.s.round.talks.made[m.side]);
  // A short look-ahead sees only the first turns of what an offer brings (the lowest level).
  const g =
    m.depth.horizon < m.T - m.turn ? shortGains(m, open.clauses) : clauseGains(plan.table, open.clauses);
  if (m.depth.lookahead > 0) need = Math.min(need, waitingWorth(m, plan, profile));
  const reason = rejectReason(m, g, need, open.clauses);
  const accept: Candidate = {
    move: { type: 'accept', side: m.side },
    search: g[0] - need,
    code: 'search:threshold',
  };
  // In its last talks before a deadline it signs what clearly beats holding still, by the kernel's
  // own projection: what it held out for no longer matters once waiting brings nothing.
  let deadline: Candidate | null = null;
  if (lastTalks(m) && accept.search < DEADLINE_MARGIN) {
    const worth = openOfferWorth(seen, DEADLINE_MARGIN);
    if (worth !== null && worth >= DEADLINE_MARGIN)
      deadline = {
        move: { type: 'accept', side: m.side },
        search: Math.max(accept.search, 0.5 + 0.05 * (worth - DEADLINE_MARGIN)),
        code: 'search:deadline',
        worth: Math.round(worth),
      };
  }
  const out: Candidate[] = [deadline ?? accept];
  const wanted = needed(plan, open.clauses, barredFor(x, plan.table, profile));
  for (const r of ['too-little', 'distrust', 'timing', 'face', 'linkage'] as const)
    out.push({
      move: { type: 'reject', side: m.side, reason: r },
      search: r === reason ? 0 : -3,
      code: 'search:threshold',
      ...(wanted && r === 'too-little' ? { needs: wanted } : {}),
    });
  return out;
}

/**
 * What a rejection asks for: of its own target's clauses that the other side would give, the one
 * it values most that the offer leaves out (or offers at a higher level than the target's).
 */
function needed(
  plan: Plan,
  offer: readonly Clause[],
  barred: (option: number) => boolean,
): Clause | undefined {
  const offered = new Map(offer.map((c) => [clauseId(c), c]));
  let best: { clause: Clause; vs: number } | undefined;
  for (const i of plan.tgt.pkg) {
    if (barred(i)) continue; // never what its character would not ask for
    const o = plan.table.options[i]!;
    if (o.giver !== plan.table.m.opp || o.vs <= 0 || (best && best.vs >= o.vs)) continue;
    const got = offered.get(clauseId(o.clause));
    const short =
      !got || (o.clause.kind === 'instrument' && got.kind === 'instrument' && got.level > o.clause.level);
    if (short) best = { clause: o.clause, vs: o.vs };
  }
  return best?.clause;
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

/** How much more lopsided than the target's split a deal may be before it looks exploited. */
const FAIR = 1.6;

/**
 * The look-ahead offers no lopsided deal: the other side's gain, for each point of its own, at most
 * FAIR times what the target gives it for each point of the AI's (both split by leverage).
 */
function fairEnough(plan: Plan, g: readonly [number, number]): boolean {
  const [ts, to] = plan.tgt.gains;
  if (g[0] <= 0) return false;
  if (ts <= 0 || to <= 0) return g[1] <= g[0];
  return g[1] / g[0] <= (FAIR * to) / ts;
}

/**
 * Proposals it makes in a turn: one, and the second the rules allow in the last turn of talks — or,
 * at the hardest level, when tension nears the risk line (an agreement is the one thing that eases
 * it).
 */
function proposalsAllowed(rules: Rules, s: GameState, depth: Depth): number {
  if (s.round.turn === rules.mainTurns - 1) return PROPOSALS_PER_TURN;
  if (depth.secondOffer && s.world.tension >= rules.scenario.params.tension.risk - 50)
    return PROPOSALS_PER_TURN;
  return 1;
}

/** An offer's gains [self, other] over the level's horizon only. */
function shortGains(m: Model, clauses: readonly Clause[]): [number, number] {
  const short = ordersModel(m);
  return [
    dealBonus(short, m.side) + clausesValue(short, m.side, clauses),
    dealBonus(short, m.opp) + clausesValue(short, m.opp, clauses),
  ];
}

/** Proposals already made by this side this turn (all answered: none open). */
function madeThisTurn(s: GameState, side: Side): (readonly Clause[])[] {
  return proposalsIn(s.round.news, side);
}

/** Proposals made by this side this turn and the turn before: a counter repeats none of them. */
function madeLately(s: GameState, side: Side): (readonly Clause[])[] {
  return [...proposalsIn(s.round.lastNews, side), ...proposalsIn(s.round.news, side)];
}

const proposalsIn = (news: GameState['round']['news'], side: Side): (readonly Clause[])[] =>
  news
    .filter((n) => n.kind === 'proposal' && n.side === side)
    .map((n) => (n as { clauses: readonly Clause[] }).clauses);

/** What opening the talks is worth to the search: above holding back, below any offer it would sign. */
const OPENS = 1;

/**
 * Its first talks: it opens with an anchor — its best offer for itself that its rules allow, even
 * one short of what it now insists on — rather than waiting for the other side's (an offer it can
 * defend, not its final position).
 */
function opening(m: Model, cands: Candidate[]): Candidate[] {
  if (m.turn !== 0 || m.dealNow || m.s.round.talks.made[m.side] > 0) return cands;
  // Each offer short of its threshold rises above holding back, below those that meet it, in the
  // search's order: a rule may still bar the ones that meet it.
  return cands.map((c) => (c.move.type === 'propose' && c.search <= 0 ? raised(c) : c));
}

/** How many anchors its opening is drawn from, the search's choice among them (a design estimate). */
const ANCHORS = 4;

/** The least share of the search's choice's gains, its own and the other side's, another anchor keeps (a design estimate). */
const ANCHOR_SHARE = 0.9;

/**
 * Its opening varies with the game: the offer the search would open with, or one of the packages
 * a change away that keep nearly as much for both sides (ANCHOR_SHARE), drawn by its own dice — the
 * other side cannot read its whole position from a first offer that is always the same. A counter
 * answers the offer on the table and keeps to it: it is drawn only when it is the side's first
 * proposal of the game, among variants that keep half the offer as it does, ANCHOR_SHARE of its own
 * gain and all of the other side's. (Variants that gave the other side less were refused and then
 * followed by the counter itself, which the other side signed at once: in Road to Busan that moved
 * Washington's wins from 56 % to 71 %.)
 */
function anchored(
  x: Situation,
  plan: Plan,
  profile: Profile | null,
  chosen: Candidate,
  cands: readonly Candidate[],
  rand: Rand,
): Candidate | null {
  const { m } = x;
  if (chosen.move.type !== 'propose' || chosen.code === 'search:takeback') return null;
  const counter = chosen.code === 'search:counter';
  const rejected = counter ? rejectedOffer(m.s, m.side) : null;
  if (counter ? !rejected || !firstProposal(m) : m.turn !== 0 || m.s.round.talks.made[m.side] > 0)
    return null;
  const table = m.depth.logroll ? plan.table : plan.offers;
  const start = optionsOf(table, chosen.move.clauses);
  const known = new Set(
    cands.flatMap((c) => (c.move.type === 'propose' ? [packageKey(c.move.clauses)] : [])),
  );
  if (rejected) known.add(packageKey(rejected));
  // a counter's variants keep half the offer, as the counter does
  const offered = rejected ? new Set(optionsOf(table, rejected)) : null;
  const half = rejected ? rejected.length / 2 : 0;
  const keepsHalf = (p: Pkg) => !offered || p.filter((i) => offered.has(i)).length >= half;
  const others = nearAnchors(
    table,
    start,
    counter ? 1 : ANCHOR_SHARE, // the other side's share
    ANCHORS - 1,
    barredFor(x, table, profile),
    ANCHOR_SHARE, // its own
  )
    .filter(keepsHalf)
    .map((p) => clausesOf(table, p))
    .filter((cl) => !known.has(packageKey(cl)));
  if (others.length === 0) return null;
  const k = Math.floor(rand() * (others.length + 1));
  if (k === 0) return null;
  return {
    move: { type: 'propose', side: m.side, clauses: others[k - 1]! },
    search: chosen.search,
    // A variant of a template from history still offers along its lines, and says so; a counter's
    // variant is still a counter.
    code: counter || chosen.code.startsWith('template:') ? chosen.code : 'search:anchor',
  };
}

/** No proposal of its own yet this game (read in its first two talks, the last turn's news and this one's). */
const firstProposal = (m: Model) => m.turn <= 1 && madeLately(m.s, m.side).length === 0;

/** An offer short of its threshold lifted above holding back, keeping the search's order among such. */
const raised = (c: Candidate): Candidate => ({ ...c, search: OPENS + Math.max(-0.9, 0.01 * c.search) });

/**
 * With a deal in force and two or more talks turns left, the next step: an offer it gains from,
 * even short of what it would hold out for, ranks above waiting, as an opening does — two sides that
 * have signed go on trading (purchases, the next phase) rather than sit out the calendar. Only an
 * offer that gives the other side no more than FAIR times what it gives itself, or no more than its
 * target's split would.
 */
function nextStep(m: Model, plan: Plan, cands: Candidate[]): Candidate[] {
  if (!m.dealNow || m.turn >= m.rules.mainTurns - 1 || m.s.round.talks.made[m.side] > 0) return cands;
  return cands.map((c) =>
    c.move.type === 'propose' &&
    c.search <= 0 &&
    c.gains &&
    c.gains[0] > MIN_GAIN &&
    (c.gains[1] <= FAIR * c.gains[0] || fairEnough(plan, c.gains))
      ? raised(c)
      : c,
  );
}

function proposals(x: Situation, plan: Plan, profile: Profile | null): Candidate[] {
  return nextStep(x.m, plan, opening(x.m, offersOf(x, plan, profile)));
}

function offersOf(x: Situation, plan: Plan, profile: Profile | null): Candidate[] {
  const { m } = x;
  const out: Candidate[] = [{ move: { type: 'pass', side: m.side }, search: 0, code: 'search:hold' }];
  const made = m.s.round.talks.made[m.side];
  if (made >= PROPOSALS_PER_TURN || m.turn >= m.rules.mainTurns) return out;
  const { table, tgt } = plan;
  let need = needNow(m, plan, profile, m.turn + 0.5 * made);
  // What its character bars it from proposing, on the table its offers are searched on.
  const searched = m.depth.logroll ? table : plan.offers;
  const barred = barredFor(x, searched, profile);
  // An offer just turned down is answered by a counter while the rules leave it a proposal.
  const counter = counterTo(m, searched, need, barred);
  if (counter) out.push(counter);
  // Else one proposal a turn, and the second the rules allow only in the last turn of talks.
  if (made >= proposalsAllowed(m.rules, m.s, m.depth)) return out;
  if (!m.depth.logroll) return [...out, ...templateOffers(m, plan.offers, need, profile)];
  if (tgt.pkg.length === 0) return out;
  let path = logroll(table, tgt.pkg, need);
  let main = path[path.length - 1]!;
  // The hardest level offers down to what waiting would bring it, as it accepts — while the other
  // side's gain stays within its fair share — and rates its offers against that same line: an offer
  // it would sign if the other side made it is worth making.
  if (m.depth.lookahead > 0) {
    const low = Math.min(need, waitingWorth(m, plan, profile));
    if (low < need) {
      path = logroll(table, main, low);
      for (const p of path) if (fairEnough(plan, gains(table, p))) main = p;
      need = low;
    }
  }
  const seen = new Set(madeThisTurn(m.s, m.side).map(packageKey));
  const value = (p: Pkg, code: string): Candidate | null => {
    const cl = clausesOf(table, p);
    const key = packageKey(cl);
    if (cl.length === 0 || seen.has(key)) return null;
    seen.add(key);
    const g = gains(table, p);
    const search = g[0] >= need && g[1] > 0 ? 2 + 0.05 * (g[0] - need) : Math.min(-0.5, g[0] - need);
    return { move: { type: 'propose', side: m.side, clauses: cl }, search, code, gains: g };
  };
  const add = (c: Candidate | null) => {
    if (c) out.push(c);
  };
  const fromTpl = tgt.template ? `template:${tgt.template.id}` : null;
  add(value(main, fromTpl ?? (main === tgt.pkg ? 'search:target' : 'search:logroll')));
  add(value(tgt.pkg, fromTpl ?? 'search:target'));
  // What its character bars it from asking (a `never` rule) would sink those two: the same search,
  // from its target with the barred clauses left out, gives an offer it can make.
  const clean = (p: Pkg) => p.filter((i) => !barred(i));
  if (tgt.pkg.some(barred) || main.some(barred)) {
    const start = clean(tgt.pkg);
    add(value(clean(logroll(table, start, need).at(-1)!), 'search:logroll'));
    add(value(start, 'search:target'));
  }
  // Variants the rules may prefer: a promise tied to its condition, or not.
  for (let i = 0; i < main.length; i++) {
    const o = table.options[main[i]!]!;
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
    if (twin >= 0) add(value([...main.slice(0, i), twin, ...main.slice(i + 1)], 'search:logroll'));
  }
  // Templates from history, brought down to its threshold, are tried while no deal is in force: the
  // deals of the documents are what the other side has shown it will sign (kept to the first two
  // turns, the tutorial's Beijing at level 2 lost most paired seeds to level 1, which offers them as
  // they stand, by signing later).
  for (const tpl of m.dealNow ? [] : (profile?.templates ?? [])) {
    const p = fromTemplate(table, tpl);
    if (p.length > 0) add(value(logroll(table, p, need).at(-1)!, `template:${tpl.id}`));
  }
  return out;
}

/**
 * The options its character bars from a counter and from what it says it wants: what a `never` rule
 * forbids it to propose, and what a sure `avoid` rule weighs against by more than a counter's margin
 * (a counter is an offer it means to defend, so it leaves out what its character would not put its
 * name to).
 */
function barredFor(x: Situation, table: Table, profile: Profile | null): (option: number) => boolean {
  const aboutProposals = (r: Rule) => {
    const what = r.never ?? (r.chance >= 1 && r.weight > COUNTER ? r.avoid : undefined);
    return what !== undefined && (what.move ?? 'propose') === 'propose';
  };
  const rules = profile?.rules.filter(aboutProposals) ?? [];
  if (rules.length === 0) return () => false;
  const bars = rules.filter((r) => ruleApplies(r, x));
  const memo = new Map<number, boolean>();
  return (i) => {
    let b = memo.get(i);
    if (b === undefined) {
      const move: MoveBody = { type: 'propose', side: x.m.side, clauses: [table.options[i]!.clause] };
      b = bars.some((r) => {
        const e = ruleEffect(r, x, move);
        return e === 'never' || (typeof e === 'number' && e < -COUNTER);
      });
      memo.set(i, b);
    }
    return b;
  };
}

/** The offer this side has just turned down, if its rejection is the last word of the talks. */
function rejectedOffer(s: GameState, side: Side): readonly Clause[] | null {
  const news = s.round.news;
  const last = news[news.length - 1];
  if (last?.kind !== 'answer' || last.side !== side || last.accepted) return null;
  for (let i = news.length - 2; i >= 0; i--) {
    const n = news[i]!;
    if (n.kind === 'proposal') return n.side !== side ? n.clauses : null;
  }
  return null;
}

/** What a counter-offer is worth to the search above its other offers: answering the offer in hand. */
const COUNTER = 0.5;

/** The least share of the gap between the offer and what it needs that a counter must close (a design estimate). */
const COUNTER_STEP = 0.1;

/**
 * Its counter-offer to the offer it has just turned down (while it has a proposal left): built from
 * that offer, keeping at least half of it, and never what it already proposed this turn.
 */
function counterTo(
  m: Model,
  table: Table,
  need: number,
  barred: (option: number) => boolean,
): Candidate | null {
  const rejected = rejectedOffer(m.s, m.side);
  if (!rejected || rejected.length === 0) return null;
  const offer = optionsOf(table, rejected);
  const asksLeft = canAskMore(table, offer, barred);
  const made = new Set(madeThisTurn(m.s, m.side).map(packageKey));
  const got = gains(table, offer)[0];
  // An offer its tables rate at its threshold or above was turned down all the same (its answer
  // sees only the first turns of what promises bring, or distrusts them): its counter asks for a
  // step more than that offer gives it — trading a clause for another where the package is full,
  // even at the lowest level — or it would be the offer itself.
  const floor = got >= need ? got + COUNTER_STEP * Math.max(1, Math.abs(got)) : need;
  const asked = asksLeft
    ? counterFrom(table, offer, rejected.length, floor, barred, m.depth.logroll || got >= need, made)
    : null;
  // Short of what it needs, a counter still closes a good part of the gap from the offer: a step it
  // can defend, not its last word (its threshold still decides what it signs).
  const ga = asked ? gains(table, asked) : null;
  const asks = ga !== null && (ga[0] >= need || ga[0] >= got + COUNTER_STEP * (need - got));
  // Else it takes back: the offer with fewer of its own promises (it gives no more than the offer
  // asked, so a rejection does not turn into a cheaper deal for the other side), and not what it
  // proposed last turn, or it would say the same thing turn after turn. So it does with nothing left
  // that it may ask for, and, at a level that trades clauses, where no step up leaves the other
  // side a gain or closes enough of the gap (Washington at level 3 in Liberation Day passed after
  // most of its rejections of Beijing's second offers).
  let p = asks ? asked : null;
  if (!p && (!asksLeft || m.depth.logroll))
    p = takenBack(table, offer, rejected.length, new Set(madeLately(m.s, m.side).map(packageKey)));
  if (!p) return null;
  const g = gains(table, p);
  const cl = clausesOf(table, p);
  const key = packageKey(cl);
  if (key === packageKey(rejected) || made.has(key)) return null;
  return {
    move: { type: 'propose', side: m.side, clauses: cl },
    // One that only takes back ranks below any offer that meets its threshold, above holding back.
    search: asks || g[0] >= need ? 2 + COUNTER + 0.05 * Math.min(0, g[0] - need) : OPENS + COUNTER,
    code: asks ? 'search:counter' : 'search:takeback',
  };
}

/** The lowest level's offers: its templates from history as they stand, if they meet its threshold. */
function templateOffers(m: Model, table: Table, need: number, profile: Profile | null): Candidate[] {
  const seen = new Set(madeThisTurn(m.s, m.side).map(packageKey));
  const out: Candidate[] = [];
  for (const tpl of profile?.templates ?? []) {
    const p = fromTemplate(table, tpl);
    const cl = clausesOf(table, p);
    const key = packageKey(cl);
    if (cl.length === 0 || seen.has(key)) continue;
    seen.add(key);
    const g = gains(table, p);
    const search = g[0] >= need && g[1] > 0 ? 2 + 0.05 * (g[0] - need) : Math.min(-0.5, g[0] - need);
    out.push({ move: { type: 'propose', side: m.side, clauses: cl }, search, code: `template:${tpl.id}` });
  }
  return out;
}

function readouts(m: Model): Candidate[] {
  const { readout, tension } = m.rules.scenario.params;
  const politics = m.rules.scenario.sides[m.side].politics;
  const gain = oneOff(m, m.side, { [politics]: readout.trumpetGain });
  const risk =
    tensionRisk(m, m.side, m.s.world.tension + tension.trumpet, 0) -
    tensionRisk(m, m.side, m.s.world.tension, 0);
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

function usefulShift(m: Model, id: string, level: number): boolean {
  const now = m.s.world.levels[id] ?? 0;
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
    const added = setTension(ctx, set);
    if (added > 0 && ctx.base + added > maxT) continue;
    const terms = orderTerms(ctx, set);
    // Every order spends a little attention and credibility: doing nothing wins a tie.
    const search = sumTerms(terms) - ACTION_COST * set.length;
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
  if (seat.profile === RANDOM_PROFILE || s.round.phase !== 'talks' || s.round.talks.toMove !== side)
    return false;
  if (s.round.talks.open && s.round.talks.open.by !== side) return false;
  if (s.round.talks.made[side] < proposalsAllowed(rulesFor(sc), s, depthOf(seat.level))) return false;
  if (s.round.talks.made[side] < PROPOSALS_PER_TURN && rejectedOffer(s, side)) return false; // it may counter
  return !pendingReadout(s, side);
}

/** The move an AI seat chooses now (only called when the side has a legal move). */
export function decide(full: Scenario, state: GameState, side: Side, seat: Seat): Move {
  if (forcedPass(full, state, side, seat))
    return { type: 'pass', side, ai: { code: 'search:hold', value: 0 } };
  const seen = seeFor(full, state, side);
  const rand = randFor(state.rng[aiStream(side, state.round.phase)]);
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
  let vary: ((c: Candidate) => Candidate | null) | undefined;
  const readoutDue = pendingReadout(s, side) !== undefined;
  const plan = () => planFor(m, x.leverage, profile);
  if (readoutDue) cands = readouts(m);
  else if (s.round.phase === 'orders' && s.round.drafts[side] === null) {
    const sets = ordersFor(m, () => orders(m, plan, profile, x.leverage));
    cands = byCharacter(m, profile, sets, () => {
      const p = plan();
      return needed(p, [], barredFor(x, p.table, profile));
    });
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
  } else if (s.round.phase === 'talks' && s.round.talks.toMove === side) {
    if (s.round.talks.open && s.round.talks.open.by !== side) cands = answer(x, seen, plan(), profile, rand);
    else {
      const made = madeLately(s, side).map(packageKey);
      // What it offers reads what it proposed this turn and the last, and the offer it has just
      // turned down.
      const rejected = rejectedOffer(s, side);
      const key = `${s.round.talks.made[side]} ${made.join(' | ')} / ${rejected ? packageKey(rejected) : ''}`;
      cands = offersFor(m, key, () => proposals(x, plan(), profile));
      // Holding back is left to the search: playing on models the other side as the plain profile,
      // which offers more than most sides would, so waiting for its offer looks better than it is.
      if (m.depth.rollouts > 0)
        cands = lookedAhead(seen, seat, m.depth.rollouts, cands, (c) => c.search > 0, rand);
      vary = (c) => anchored(x, plan(), profile, c, cands, rand);
    }
  } else cands = [];
  for (let tries = 0; tries < 3 && cands.length > 0; tries++) {
    const move = choose(cands, ruleList, x, rand, vary);
    if (checkMove(seen.rules, s, move) === null) return move;
    cands = cands.filter((c) => !sameBody(c.move, move));
  }
  // Nothing of its own fits (it should not happen): the first legal move, named as such.
  const legal = legalMoves(seen.scenario, s, side);
  const fallback =
    legal.find((mv) => mv.type === 'pass') ?? legal.find((mv) => mv.type === 'orders') ?? legal[0]!;
  return { ...fallback, ai: { code: 'search:fallback' } };
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
