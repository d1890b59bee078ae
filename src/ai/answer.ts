// Its answer to the offer on the table: accept by the acceptance condition (its threshold now, or
// in its last talks before a deadline any offer clearly better than holding still, by the kernel's
// own projection), else reject with the reason that fits and what it needs.
import type { Clause, RejectReason } from '../engine/index.ts';
import { clauseId } from '../engine/index.ts';
import { DEADLINE_MARGIN } from '../model/deadline.ts';
import type { Situation } from './character.ts';
import { type Candidate, candidate } from './choose.ts';
import type { Plan } from './memo.ts';
import { clausesValue, dealBonus, type Model, ordersModel } from './model.ts';
import { barredFor, needNow, waitingWorth } from './need.ts';
import type { Profile } from './profile.ts';
import type { Rand } from './rng.ts';
import type { Seen } from './seen.ts';
import { canAskMore, clauseGains, itsToTakeBack, optionsOf } from './talks.ts';
import { openOfferWorth } from './worth.ts';

/** An offer's gains [self, other] over the level's horizon only. */
function shortGains(m: Model, clauses: readonly Clause[]): [number, number] {
  const short = ordersModel(m);
  return [
    dealBonus(short, m.side) + clausesValue(short, m.side, clauses),
    dealBonus(short, m.opp) + clausesValue(short, m.opp, clauses),
  ];
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

export function answer(
  x: Situation,
  seen: Seen,
  plan: Plan,
  profile: Profile | null,
  rand: Rand,
): Candidate[] {
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
  let accept = candidate({ type: 'accept', side: m.side }, g[0] - need, 'search:threshold');
  // In its last talks before a deadline it signs what clearly beats holding still, by the kernel's
  // own projection: what it held out for no longer matters once waiting brings nothing.
  let deadline: Candidate | null = null;
  if (lastTalks(m) && accept.search < DEADLINE_MARGIN) {
    const worth = openOfferWorth(seen, DEADLINE_MARGIN);
    if (worth !== null && worth >= DEADLINE_MARGIN)
      deadline = candidate(
        { type: 'accept', side: m.side },
        Math.max(accept.search, 0.5 + 0.05 * (worth - DEADLINE_MARGIN)),
        'search:deadline',
        { worth: Math.round(worth) },
      );
  }
  const barred = barredFor(x, plan.table, profile);
  // An offer that already holds all it may still ask for, and nothing it gives or that costs it, is
  // as good as any proposal of its own could be: the acceptance condition signs it (an offer at
  // least as good as its own next proposal would be), whatever its threshold, once it gains from it.
  if (!deadline && accept.search < 0 && utmost(plan, open.clauses, barred, g[0]))
    accept = { ...accept, search: 0.5, code: 'search:utmost' };
  const out: Candidate[] = [deadline ?? accept];
  const wanted = needed(plan, open.clauses, barred);
  for (const r of ['too-little', 'distrust', 'timing', 'face', 'linkage'] as const)
    out.push(
      candidate({ type: 'reject', side: m.side, reason: r }, r === reason ? 0 : -3, 'search:threshold', {
        needs: r === 'too-little' ? wanted : undefined,
      }),
    );
  return out;
}

/**
 * Whether an offer it gains from (`gain`, by its own judgement) is the most it can get: nothing of
 * its own to take back (its promises, its levers), no joint clause that costs it, and nothing it
 * values and may ask for left out.
 */
function utmost(
  plan: Plan,
  clauses: readonly Clause[],
  barred: (option: number) => boolean,
  gain: number,
): boolean {
  if (gain <= 0) return false;
  const t = plan.table;
  const offer = optionsOf(t, clauses);
  if (offer.length < clauses.length) return false; // a clause its table does not hold: it cannot weigh it
  if (offer.some((i) => itsToTakeBack(t, i))) return false;
  return !canAskMore(t, offer, barred);
}

/**
 * What a rejection asks for: of its own target's clauses that the other side would give, the one
 * it values most that the offer leaves out (or offers at a higher level than the target's).
 */
export function needed(
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
