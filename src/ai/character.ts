// A profile's rules at work: whether a rule's `when` holds in the state the AI sees, which candidate
// moves it is about, and what it adds to each candidate's score — `prefer` and `avoid` add or take
// their weight, `never` removes the move, `respond` rewards an escalating answer to the opponent's
// escalation (scaled by how well its size matches the harm received, when it answers in
// proportion), `mirror` rewards doing as the opponent did. The character is the same at every level.
import type { Clause, MoveBody, NewsItem, Order, Side } from '../engine/index.ts';
import { clauseId, holds, turnOf } from '../engine/index.ts';
import type { AiCondition, ClauseMatch, MoveMatch, Rule } from '../model/profile-schema.ts';
import { breaches, type Model } from './model.ts';

/** What the rules read besides the state: the AI's leverage and what the opponent just did. */
export interface Situation {
  readonly m: Model;
  readonly leverage: number; // own share
  readonly escalation: number; // harm a turn (points) of the opponent's escalations it is answering, 0 if none
  readonly opponentSteps: number; // levels the opponent's instruments stand above their opening levels
}

/** Whether the other side escalated against it this turn or the last. */
export const escalatedAgainst = (m: Pick<Model, 's' | 'side' | 'turn'>) =>
  m.s.world.pressuredOn[m.side] === m.turn || (m.turn > 0 && m.s.world.pressuredOn[m.side] === m.turn - 1);

function lastOrders(m: Model): readonly Order[] | null {
  return m.s.round.revealed ? m.s.round.revealed[m.opp] : null;
}

/**
 * Whether it escalated in last turn's orders: a rise of its own (the other side was pressured then)
 * or an announcement. What it saw in last turn's news it has then answered already.
 */
function answeredLastTurn(m: Model): boolean {
  if (m.turn > 0 && m.s.world.pressuredOn[m.opp] === m.turn - 1) return true;
  const own = m.s.round.revealed?.[m.side] ?? [];
  for (let i = 0; i < own.length; i++) if (own[i]!.kind === 'announce') return true;
  return false;
}

/**
 * The harm a turn of the opponent's latest escalations (visible now), one step each: only what
 * still stands (a package that brought the lever back down has undone it) and what it has not
 * answered yet (an escalation that took effect last turn was in last turn's news, before its orders
 * then).
 */
export function escalationHarm(m: Model): number {
  if (!escalatedAgainst(m)) return 0;
  let harm = 0;
  let found = false; // an escalation of the other side's own, as against an event's shift
  const levels = m.s.world.levels;
  const stepHarm = (id: string, level: number) => {
    found = true;
    const lu = m.lu[m.side].get(id);
    if (!lu || level <= 0 || (levels[id] ?? 0) < level) return 0;
    return Math.max(0, (lu[level - 1] ?? 0) - (lu[level] ?? 0));
  };
  const mine = (id: string) => m.rules.instruments.get(id)?.owner === m.opp;
  if (m.s.world.pressuredOn[m.side] === m.turn - 1)
    for (const o of lastOrders(m) ?? [])
      if (o.kind === 'shift' && mine(o.instrument)) harm += stepHarm(o.instrument, o.level);
  // what took effect: last turn's, unless it answered it then, and this turn's
  const effective = (news: readonly NewsItem[], answered: boolean) => {
    for (const n of news)
      if (n.kind === 'announcement-effective' && mine(n.instrument)) {
        if (answered) found = true;
        else harm += stepHarm(n.instrument, n.level);
      }
  };
  effective(m.s.round.lastNews, answeredLastTurn(m));
  effective(m.s.round.news, false);
  if (harm > 0) return harm;
  return found ? 0 : 0.01; // escalated, if only by an event's shift
}

/** Levels the opponent's instruments stand above where the scenario opened them. */
export function opponentSteps(m: Model): number {
  let n = 0;
  for (const inst of m.rules.scenario.instruments)
    if (inst.owner === m.opp) n += Math.max(0, (m.s.world.levels[inst.id] ?? 0) - inst.level);
  return n;
}

function opponentDid(x: Situation, act: Extract<AiCondition, { opponent: unknown }>): boolean {
  const m = x.m;
  const orders = lastOrders(m);
  switch (act.opponent) {
    case 'escalated':
      // and it still stands, unanswered (the harm the decision read once, escalationHarm): a package
      // that brought the lever back down has undone it
      return x.escalation > 0;
    case 'announced':
      return orders?.some((o) => o.kind === 'announce') ?? false;
    case 'conceded':
      return !escalatedAgainst(m) && (orders?.some((o) => o.kind === 'shift') ?? false);
    case 'built':
      return orders?.some((o) => o.kind === 'build') ?? false;
    case 'withdrew':
      return orders?.some((o) => o.kind === 'withdraw') ?? false;
    case 'nothing':
      return orders !== null && orders.length === 0;
  }
}

const within = (x: number, b: { above?: number | undefined; below?: number | undefined }) =>
  (b.above === undefined || x > b.above) && (b.below === undefined || x < b.below);

function turnsTo(m: Model, c: Extract<AiCondition, { turnsTo: unknown }>): number | null {
  const r = m.rules;
  switch (c.turnsTo) {
    case 'summit':
      return r.summitTurn === null ? null : r.summitTurn - m.turn;
    case 'deadline':
      return r.mainTurns - m.turn;
    case 'truce-end':
      return m.s.world.truce && !m.s.world.truce.expired ? m.s.world.truce.endTurn - m.turn : null;
    case 'end':
      return r.totalTurns - m.turn;
    default:
      return turnOf(r, c.turnsTo) - m.turn;
  }
}

/** Does one of a rule's conditions hold? */
export function conditionHolds(c: AiCondition, x: Situation): boolean {
  const m = x.m;
  if ('resolve' in c) return within(m.s.world.resolve[c.resolve.of === 'self' ? m.side : m.opp], c.resolve);
  if ('reliability' in c)
    return within(m.s.world.reliability[c.reliability.of === 'self' ? m.side : m.opp], c.reliability);
  if ('leverage' in c) return within(x.leverage, c.leverage);
  if ('turnsTo' in c) {
    const n = turnsTo(m, c);
    return (
      n !== null && (c.atMost === undefined || n <= c.atMost) && (c.atLeast === undefined || n >= c.atLeast)
    );
  }
  if ('opponent' in c) return opponentDid(x, c);
  if ('pressured' in c) return escalatedAgainst(m) === c.pressured;
  if ('rejected' in c)
    return m.s.round.news.some((n) => n.kind === 'answer' && n.side === m.opp && !n.accepted) === c.rejected;
  if ('proposal' in c) {
    const open = m.s.round.talks.open;
    return open !== null && open.by === m.opp && open.clauses.some((cl) => clauseMatches(m, cl, c.proposal));
  }
  if ('phase' in c) return m.s.round.phase === c.phase;
  if ('epilogue' in c) return m.turn >= m.rules.mainTurns === c.epilogue;
  return holds(c, m.s.world);
}

export function ruleApplies(r: Rule, x: Situation): boolean {
  for (const c of r.when) if (!conditionHolds(c, x)) return false;
  return true;
}

function giverOf(m: Model, c: Clause): Side | null {
  if (c.kind === 'instrument') return m.rules.instruments.get(c.instrument)?.owner ?? null;
  if (c.kind === 'statement') return null;
  return m.rules.commitments.get(c.item)?.side ?? null;
}

export function clauseMatches(m: Model, c: Clause, want: ClauseMatch): boolean {
  if (want.kind !== undefined && c.kind !== want.kind) return false;
  if (want.id !== undefined) {
    const id = clauseId(c);
    if (id !== want.id) return false;
  }
  if (want.giver !== undefined) {
    const g = giverOf(m, c);
    if (g === null || (want.giver === 'self') !== (g === m.side)) return false;
  }
  if (want.below !== undefined && (c.kind !== 'instrument' || c.level >= want.below)) return false;
  if (want.tied !== undefined) {
    const tied = (c.kind === 'pledge' || c.kind === 'commitment') && c.condition !== undefined;
    if (tied !== want.tied) return false;
  }
  return true;
}

/** Is this order an escalation (a rise, or an announced one) of one of the AI's own instruments? */
export function isEscalation(m: Model, o: Order): boolean {
  if (o.kind === 'announce') return true;
  return o.kind === 'shift' && o.level > (m.s.world.levels[o.instrument] ?? 0);
}

function orderMatches(m: Model, o: Order, want: MoveMatch): boolean {
  if (want.order !== undefined) {
    const now = o.kind === 'shift' ? (m.s.world.levels[o.instrument] ?? 0) : 0;
    const kind =
      o.kind === 'shift'
        ? o.level > now
          ? 'escalate'
          : 'de-escalate'
        : o.kind === 'extend'
          ? 'extend'
          : o.kind;
    if (kind !== want.order) return false;
  }
  const inst = 'instrument' in o ? o.instrument : undefined;
  if (want.instrument !== undefined && inst !== want.instrument) return false;
  if (
    want.instrumentKind !== undefined &&
    (inst === undefined || m.rules.instruments.get(inst)?.kind !== want.instrumentKind)
  )
    return false;
  if (want.alternative !== undefined && (o.kind !== 'build' || o.alternative !== want.alternative))
    return false;
  return true;
}

// Indexed loops rather than some/every with closures (or for…of, whose iterator the compiler does not
// always remove): a rule is matched against every candidate of every decision, and those were the
// AI's largest allocation.
function someOrderMatches(m: Model, orders: readonly Order[], want: MoveMatch): boolean {
  for (let i = 0; i < orders.length; i++) if (orderMatches(m, orders[i]!, want)) return true;
  return false;
}

function someClauseMatches(m: Model, clauses: readonly Clause[], want: ClauseMatch): boolean {
  for (let i = 0; i < clauses.length; i++) if (clauseMatches(m, clauses[i]!, want)) return true;
  return false;
}

/** Does a candidate move match what a rule is about? */
export function moveMatches(m: Model, move: MoveBody, want: MoveMatch): boolean {
  if (want.move !== undefined && move.type !== want.move) return false;
  if (
    want.order !== undefined ||
    want.instrument !== undefined ||
    want.instrumentKind !== undefined ||
    want.alternative !== undefined
  ) {
    if (move.type !== 'orders') return false;
    if (want.order === 'none') {
      if (move.orders.length !== 0) return false;
    } else if (!someOrderMatches(m, move.orders, want)) return false;
  }
  if (want.contains !== undefined) {
    // A proposal made, or the one accepted (a rejection holds nothing).
    const clauses =
      move.type === 'propose'
        ? move.clauses
        : move.type === 'accept' && m.s.round.talks.open
          ? m.s.round.talks.open.clauses
          : null;
    if (!clauses) return false;
    const wants = want.contains;
    if (Array.isArray(wants)) {
      for (let i = 0; i < wants.length; i++) if (!someClauseMatches(m, clauses, wants[i]!)) return false;
    } else if (!someClauseMatches(m, clauses, wants)) return false;
  }
  if (want.style !== undefined && (move.type !== 'readout' || move.style !== want.style)) return false;
  if (want.reason !== undefined && (move.type !== 'reject' || move.reason !== want.reason)) return false;
  return true;
}

/** Orders that would break a package in force, while the other side has broken none. */
export function breaksItsWord(m: Model, move: MoveBody): boolean {
  if (move.type !== 'orders' || !m.dealNow) return false;
  let breaks = false;
  for (let i = 0; i < move.orders.length && !breaks; i++) breaks = breaches(m, move.orders[i]!);
  if (!breaks) return false;
  const packages = m.s.world.packages;
  for (let i = 0; i < packages.length; i++)
    if (packages[i]!.status === 'broken' && packages[i]!.brokenBy === m.opp) return false;
  return true;
}

/** The harm a turn an escalating order does the opponent (modelled), 0 if it is not one. */
export function orderHarm(m: Model, o: Order): number {
  if (o.kind !== 'shift' && o.kind !== 'announce') return 0;
  const from = m.s.world.levels[o.instrument] ?? 0;
  if (o.level <= from) return 0;
  const lu = m.lu[m.opp].get(o.instrument);
  return lu ? Math.max(0, (lu[from] ?? 0) - (lu[o.level] ?? 0)) : 0;
}

/**
 * What a rule adds to a candidate: a number (its weight, signed, or scaled for `respond`), `never`,
 * or null when it does not touch the candidate.
 */
export function ruleEffect(
  r: Rule,
  x: Situation,
  move: MoveBody,
  breaks?: boolean, // whether the move breaks a deal in force, from a caller that weighs many rules on it
): number | 'never' | null {
  const m = x.m;
  // A rule of conduct never moves it to break a deal in force: only its own reckoning of what a
  // breach costs and brings may, unless the other side broke one first.
  if (!r.avoid && !r.never && (breaks ?? breaksItsWord(m, move))) return null;
  if (r.prefer) return moveMatches(m, move, r.prefer) ? r.weight : null;
  if (r.avoid) return moveMatches(m, move, r.avoid) ? -r.weight : null;
  if (r.never) return moveMatches(m, move, r.never) ? 'never' : null;
  if (move.type !== 'orders') return null;
  if (r.respond) {
    const recip = m.profile?.params.reciprocity ?? 'none';
    if (recip === 'none' || x.escalation <= 0) return null;
    if (recip === 'tit-for-two-tats' && x.opponentSteps < 2) return null;
    let harm = 0;
    for (const o of move.orders) if (isEscalation(m, o)) harm = Math.max(harm, orderHarm(m, o), 1e-3);
    if (harm <= 0) return null;
    if (r.respond === 'any') return r.weight;
    return r.weight * (Math.min(harm, x.escalation) / Math.max(harm, x.escalation));
  }
  if (r.mirror === 'escalation') {
    if (x.escalation <= 0) return null;
    return move.orders.some((o) => isEscalation(m, o)) ? r.weight : null;
  }
  if (r.mirror === 'concession') {
    const conceded = m.s.round.revealed?.[m.opp].some((o) => o.kind === 'shift') && x.escalation <= 0;
    if (!conceded) return null;
    return move.orders.some((o) => o.kind === 'shift' && o.level < (m.s.world.levels[o.instrument] ?? 0))
      ? r.weight
      : null;
  }
  return null;
}
