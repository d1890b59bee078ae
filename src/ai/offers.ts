// Its proposals: an opening anchor in its first talks (varied by its own dice), a counter built from
// the offer it has just turned down (or the offer with its own promises taken back), the next step
// after a deal, and otherwise its target brought down its concession curve by logrolling.
import type { Clause, GameState, Rules, Side } from '../engine/index.ts';
import { PROPOSALS_PER_TURN } from '../engine/index.ts';
import { spreadAt } from '../model/thresholds.ts';
import type { Situation } from './character.ts';
import { type Candidate, candidate } from './choose.ts';
import type { Plan } from './memo.ts';
import type { Model } from './model.ts';
import { barredFor, COUNTER, FAIR, fairEnough, MIN_GAIN, needNow, waitingWorth } from './need.ts';
import type { Depth, Profile } from './profile.ts';
import type { Rand } from './rng.ts';
import {
  canAskMore,
  clausesOf,
  counterFrom,
  farAnchors,
  fromTemplate,
  type Gains,
  gains,
  logroll,
  nearAnchors,
  optionsOf,
  type Pkg,
  packageKey,
  type Table,
  takenBack,
} from './talks.ts';

/**
 * Proposals it makes in a turn: one, and the second the rules allow in the last turn of talks — or,
 * at the hardest level, when tension nears the risk line (an agreement is the one thing that eases
 * it).
 */
export function proposalsAllowed(rules: Rules, s: GameState, depth: Depth): number {
  if (s.round.turn === rules.mainTurns - 1) return PROPOSALS_PER_TURN;
  if (depth.secondOffer && s.world.tension >= rules.scenario.params.tension.risk - 50)
    return PROPOSALS_PER_TURN;
  return 1;
}

/** Proposals already made by this side this turn (all answered: none open). */
function madeThisTurn(s: GameState, side: Side): (readonly Clause[])[] {
  return proposalsIn(s.round.news, side, []);
}

/** Proposals made by this side this turn and the turn before: a counter repeats none of them. */
export function madeLately(s: GameState, side: Side): (readonly Clause[])[] {
  return proposalsIn(s.round.news, side, proposalsIn(s.round.lastNews, side, []));
}

/** The clauses of each proposal `side` made in `news`, added to `out` (one list, not three made and joined). */
function proposalsIn(
  news: GameState['round']['news'],
  side: Side,
  out: (readonly Clause[])[],
): (readonly Clause[])[] {
  for (let i = 0; i < news.length; i++) {
    const n = news[i]!;
    if (n.kind === 'proposal' && n.side === side) out.push(n.clauses);
  }
  return out;
}

/** What opening the talks is worth to the search: above holding back, below any offer it would sign. */
const OPENS = 1;

/**
 * Its first talks: it opens with an anchor — its best offer for itself that its rules allow, even
 * one short of what it now insists on — rather than waiting for the other side's (an offer it can
 * defend, not its final position).
 */
function opening(m: Model, cands: Candidate[]): Candidate[] {
  if (!opensNow(m) || (m.turn === 0 && m.dealNow)) return cands;
  // Each offer short of its threshold rises above holding back, below those that meet it, in the
  // search's order: a rule may still bar the ones that meet it. It rises by its level's tie-breaking
  // noise as well, so that the dice cannot turn an anchor far short of its threshold into waiting.
  return cands.map((c) => (c.move.type === 'propose' && c.search <= 0 ? raised(c, m.depth.noise) : c));
}

/** How many anchors its opening is drawn from, the search's choice among them (a design estimate). */
const ANCHORS = 4;

/** How often a counter with no variant near its choice opens with one further away (a design estimate). */
const FAR_CHANCE = 0.15;

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
 * Washington's wins from 56 % to 71 %.) Where no such variant lies a change or two away (Beijing's
 * counter in Road to Busan, whose every neighbour costs it or Washington too much), it looks two
 * changes away through any neighbour — a clause swapped for one of another lever — and strays
 * there only in FAR_CHANCE of games: drawn as often as a near variant, those moved Washington's wins
 * there from 57 % to 68 %, since its further counters ask for what Washington then wins back.
 */
export function anchored(
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
  if (counter ? !rejected || !firstProposal(m) : !opensNow(m)) return null;
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
  const barred = barredFor(x, table, profile);
  const share = counter ? 1 : ANCHOR_SHARE; // the other side's share
  const near = nearAnchors(table, start, share, ANCHORS - 1, barred, ANCHOR_SHARE);
  // A counter with no variant near its choice reaches further, and strays there only now and then.
  const far = counter && near.length === 0;
  const others = (far ? farAnchors(table, start, share, ANCHORS - 1, barred, ANCHOR_SHARE) : near)
    .filter(keepsHalf)
    .map((p) => clausesOf(table, p))
    .filter((cl) => !known.has(packageKey(cl)));
  if (others.length === 0) return null;
  if (far && rand() >= FAR_CHANCE) return null;
  const k = far ? 1 + Math.floor(rand() * others.length) : Math.floor(rand() * (others.length + 1));
  if (k === 0) return null;
  return candidate(
    { type: 'propose', side: m.side, clauses: others[k - 1]! },
    chosen.search,
    // A variant of a template from history still offers along its lines, and says so; a counter's
    // variant is still a counter.
    counter || chosen.code.startsWith('template:') ? chosen.code : 'search:anchor',
  );
}

/** No proposal of its own yet this game (read in its first two talks, the last turn's news and this one's). */
const firstProposal = (m: Model) => m.turn <= 1 && madeLately(m.s, m.side).length === 0;

/**
 * Its opening proposal is due: its first talks, or its second when it signed the other side's
 * opening there without one of its own (a side that seeks talks puts its own terms on the table).
 */
const opensNow = (m: Model) =>
  m.s.round.talks.made[m.side] === 0 && (m.turn === 0 || (m.turn === 1 && firstProposal(m)));

/**
 * An offer short of its threshold lifted above holding back, keeping the search's order among such
 * (`lift`: further still, as an opening is).
 */
const raised = (c: Candidate, lift = 0): Candidate => ({
  ...c,
  search: OPENS + Math.max(-0.9, 0.01 * c.search) + lift,
});

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

/**
 * Its proposals. `ask`: what its opening asks, as a share of its threshold (its level's `spread`,
 * drawn by its dice; 1 elsewhere).
 */
export function proposals(x: Situation, plan: Plan, profile: Profile | null, ask = 1): Candidate[] {
  return nextStep(x.m, plan, opening(x.m, offersOf(x, plan, profile, ask)));
}

/** The share of its threshold its opening asks: 1 but where its level's `spread` draws another. */
export function openingAsk(m: Model, profile: Profile | null, level: number, rand: Rand): number {
  const spread = profile ? spreadAt(profile, level) : 0;
  return spread > 0 && opensNow(m) ? 1 + spread * (2 * rand() - 1) : 1;
}

function offersOf(x: Situation, plan: Plan, profile: Profile | null, ask: number): Candidate[] {
  const { m } = x;
  const out: Candidate[] = [candidate({ type: 'pass', side: m.side }, 0, 'search:hold')];
  const made = m.s.round.talks.made[m.side];
  if (made >= PROPOSALS_PER_TURN || m.turn >= m.rules.mainTurns) return out;
  const { table, tgt } = plan;
  let need = ask * needNow(m, plan, profile, m.turn + 0.5 * made);
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
    const low = Math.min(need, ask * waitingWorth(m, plan, profile));
    if (low < need) {
      path = logroll(table, main, low);
      for (const p of path) if (fairEnough(plan, gains(table, p))) main = p;
      need = low;
    }
  }
  const seen = new Set(madeThisTurn(m.s, m.side).map(packageKey));
  const value = (p: Pkg, code: string): Candidate | null => {
    const o = newOffer(table, p, seen);
    return (
      o &&
      candidate({ type: 'propose', side: m.side, clauses: o.clauses }, offerSearch(o.g, need), code, {
        gains: o.g,
      })
    );
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

/** The offer this side has just turned down, if its rejection is the last word of the talks. */
export function rejectedOffer(s: GameState, side: Side): readonly Clause[] | null {
  const news = s.round.news;
  const last = news[news.length - 1];
  if (last?.kind !== 'answer' || last.side !== side || last.accepted) return null;
  for (let i = news.length - 2; i >= 0; i--) {
    const n = news[i]!;
    if (n.kind === 'proposal') return n.side !== side ? n.clauses : null;
  }
  return null;
}

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
  // step more than that offer gives it, or it would be the offer itself. At every level a full
  // package may trade a clause for another: a counter that could only add to a full offer was
  // its opponent's package again, and the lowest level's late deals went to whoever wrote it.
  const floor = got >= need ? got + COUNTER_STEP * Math.max(1, Math.abs(got)) : need;
  const asked = asksLeft ? counterFrom(table, offer, rejected.length, floor, barred, made) : null;
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
  return candidate(
    { type: 'propose', side: m.side, clauses: cl },
    // One that only takes back ranks below any offer that meets its threshold, above holding back.
    asks || g[0] >= need ? 2 + COUNTER + 0.05 * Math.min(0, g[0] - need) : OPENS + COUNTER,
    asks ? 'search:counter' : 'search:takeback',
  );
}

/** The lowest level's offers: its templates from history as they stand, if they meet its threshold. */
function templateOffers(m: Model, table: Table, need: number, profile: Profile | null): Candidate[] {
  const seen = new Set(madeThisTurn(m.s, m.side).map(packageKey));
  const out: Candidate[] = [];
  for (const tpl of profile?.templates ?? []) {
    const o = newOffer(table, fromTemplate(table, tpl), seen);
    if (!o) continue;
    const move = { type: 'propose', side: m.side, clauses: o.clauses } as const;
    // its gains are read by the next step after a deal, as a searched offer's are
    out.push(candidate(move, offerSearch(o.g, need), `template:${tpl.id}`, { gains: o.g }));
  }
  return out;
}

/** A package as an offer's clauses and gains, or null if empty or already in `seen` (which then holds it). */
function newOffer(
  table: Table,
  p: Pkg,
  seen: Set<string>,
): { readonly clauses: Clause[]; readonly g: Gains } | null {
  const clauses = clausesOf(table, p);
  const key = packageKey(clauses);
  if (clauses.length === 0 || seen.has(key)) return null;
  seen.add(key);
  return { clauses, g: gains(table, p) };
}

/**
 * An offer's search value: one that meets its threshold and leaves the other side a gain ranks above
 * holding back, the more so the more it clears; one short of it ranks below.
 */
const offerSearch = (g: Gains, need: number) =>
  g[0] >= need && g[1] > 0 ? 2 + 0.05 * (g[0] - need) : Math.min(-0.5, g[0] - need);
