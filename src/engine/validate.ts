// Is a move legal here and now? Moves come from players, the AI, save files and links, so they are
// checked as unknown data first (shape), then against the state (meaning). A refusal names a code
// and a reason a player can read; nothing here changes the state.
import type { Rules } from './rules.ts';
import type { Clause, Condition, GameState, Order, Refusal, Round, Setup, Side, World } from './types.ts';
import { other, PLEDGE_SIZES, REJECT_REASONS, refuse } from './types.ts';

const isObj = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);
const isSide = (x: unknown): x is Side => x === 'us' || x === 'cn';
const isInt = (x: unknown): x is number => Number.isInteger(x);
const isStr = (x: unknown): x is string => typeof x === 'string';
/** The instructor's line of news: trimmed, 1–200 characters, no control characters. */
export const isNewsText = (t: string) =>
  t === t.trim() && t.length >= 1 && t.length <= 200 && [...t].every((c) => c >= ' ' && c !== '\u007f');

export const MAX_CLAUSES = 6;
/** Proposals a side may make in one turn's talks. */
export const PROPOSALS_PER_TURN = 2;

function checkCondition(rules: Rules, c: unknown): string | null {
  if (!isObj(c)) return 'a condition must be an object';
  const keys = Object.keys(c);
  const num = (k: string) => c[k] === undefined || typeof c[k] === 'number';
  if ('indicator' in c) {
    if (!isStr(c.indicator) || !rules.indicators.has(c.indicator))
      return 'the condition names no known indicator';
    return num('below') && num('above') && keys.every((k) => ['indicator', 'below', 'above'].includes(k))
      ? null
      : 'an indicator condition takes `below` and `above` in tenths';
  }
  if ('instrument' in c) {
    const inst = isStr(c.instrument) ? rules.instruments.get(c.instrument) : undefined;
    if (!inst) return 'the condition names no known instrument';
    const inRange = (k: string) =>
      c[k] === undefined || (isInt(c[k]) && c[k] >= 0 && c[k] < inst.levels.length);
    return inRange('atMost') &&
      inRange('atLeast') &&
      keys.every((k) => ['instrument', 'atMost', 'atLeast'].includes(k))
      ? null
      : `a condition on ${inst.name} takes levels from 0 to ${inst.levels.length - 1}`;
  }
  if ('tension' in c)
    return isObj(c.tension) && keys.length === 1 ? null : 'a tension condition is malformed';
  if ('deal' in c || 'collapsed' in c)
    return keys.length === 1 && typeof c[keys[0]!] === 'boolean' ? null : 'bad';
  if ('statement' in c)
    return isStr(c.statement) && rules.statements.has(c.statement) ? null : 'unknown statement';
  if ('event' in c) return isStr(c.event) && rules.events.has(c.event) ? null : 'unknown event';
  if ('commitment' in c) {
    if (!isStr(c.commitment) || !rules.commitments.has(c.commitment))
      return 'the condition names no known commitment';
    const share = c.deliveredAtLeast;
    return typeof share === 'number' &&
      share >= 0 &&
      share <= 1 &&
      keys.every((k) => ['commitment', 'deliveredAtLeast'].includes(k))
      ? null
      : 'a delivery condition takes `deliveredAtLeast`, a share from 0 to 1';
  }
  return 'an unknown kind of condition';
}

/** The package accepted this turn whose readout `side` still owes (trumpet or modest), if any. */
export function pendingReadout<
  S extends { readonly world: Pick<World, 'packages'>; readonly round: Pick<Round, 'turn'> },
>(s: S, side: Side): S['world']['packages'][number] | undefined {
  // the state's arrays are frozen: walked by index (see dealInForce in conditions.ts)
  const packages = s.world.packages;
  for (let i = 0; i < packages.length; i++) {
    const p = packages[i]!;
    if (p.turn === s.round.turn && p.status === 'active' && p.readouts[side] === null) return p;
  }
  return undefined;
}

/**
 * The package in force that already holds this promise or statement. Agreeing it again would pay a
 * statement's one-time effects twice and stack a pledge's deliveries, so a package cannot repeat it
 * while the first is in force (once that deal is broken or has collapsed, it can be agreed anew).
 */
export function agreedIn(s: Pick<World, 'packages'>, kind: Clause['kind'], id: string) {
  for (let i = 0; i < s.packages.length; i++) {
    const p = s.packages[i]!;
    if (p.status !== 'active') continue;
    for (let j = 0; j < p.clauses.length; j++) {
      const c = p.clauses[j]!;
      if (
        kind === 'statement'
          ? c.kind === 'statement' && c.statement === id
          : (c.kind === 'pledge' || c.kind === 'commitment') && c.item === id
      )
        return p;
    }
  }
  return undefined;
}

/** Who gives what a clause grants (statements: nobody in particular). */
export function clauseGiver(rules: Rules, c: Clause): Side | null {
  if (c.kind === 'instrument') return rules.instruments.get(c.instrument)?.owner ?? null;
  if (c.kind === 'statement') return null;
  return rules.commitments.get(c.item)?.side ?? null;
}

/**
 * Whether the world holds what a demand asks: an instrument at its level or below with no rise
 * announced above it, or a promise or statement in a deal in force (a pledge at least as large).
 */
export function demandMet(w: Pick<World, 'levels' | 'announcements' | 'packages'>, c: Clause): boolean {
  if (c.kind === 'instrument') {
    const pending = w.announcements[c.instrument];
    return (w.levels[c.instrument] ?? 0) <= c.level && !(pending && pending.level > c.level);
  }
  if (c.kind === 'statement') return agreedIn(w, 'statement', c.statement) !== undefined;
  const p = agreedIn(w, c.kind, c.item);
  if (!p || c.kind !== 'pledge') return p !== undefined;
  return p.clauses.some(
    (x) =>
      x.kind === 'pledge' &&
      x.item === c.item &&
      PLEDGE_SIZES.indexOf(x.size) >= PLEDGE_SIZES.indexOf(c.size),
  );
}

/** The clause's own problem, or null. `key` tells two clauses on the same thing apart. */
function checkClause(rules: Rules, s: GameState, c: unknown): { error: string } | { key: string } {
  if (!isObj(c) || !isStr(c.kind)) return { error: 'a clause must say its kind' };
  if (c.condition !== undefined) {
    if (c.kind !== 'pledge' && c.kind !== 'commitment')
      return { error: 'only promises can carry a condition' };
    const bad = checkCondition(rules, c.condition);
    if (bad) return { error: bad };
  }
  switch (c.kind) {
    case 'instrument': {
      const inst = isStr(c.instrument) ? rules.instruments.get(c.instrument) : undefined;
      if (!inst) return { error: 'the clause names no known instrument' };
      if (!isInt(c.level) || c.level < 0 || c.level >= inst.levels.length)
        return { error: `${inst.name} has levels 0 to ${inst.levels.length - 1}` };
      const now = s.world.levels[inst.id] ?? 0;
      const pending = s.world.announcements[inst.id];
      if (c.level > now) return { error: `a package can only lower ${inst.name}, not raise it` };
      if (c.level === now && !(pending && pending.level > now))
        return { error: `${inst.name} is already at “${inst.levels[now]?.label}”` };
      return { key: `i:${inst.id}` };
    }
    case 'pledge':
    case 'commitment': {
      const item = isStr(c.item) ? rules.commitments.get(c.item) : undefined;
      if (!item) return { error: 'the clause names no known promise' };
      if ((c.kind === 'pledge') !== (item.kind === 'purchase'))
        return { error: `${item.name} is a ${item.kind} commitment` };
      if (c.kind === 'pledge' && !PLEDGE_SIZES.includes(c.size as never))
        return { error: 'a pledge is small, medium or large' };
      const agreed = agreedIn(s.world, c.kind, item.id);
      if (agreed) return { error: `${item.name} is already promised in the deal of turn ${agreed.turn}` };
      return { key: `c:${item.id}` };
    }
    case 'statement': {
      const st = isStr(c.statement) ? rules.statements.get(c.statement) : undefined;
      if (!st) return { error: 'the clause names no known statement' };
      const agreed = agreedIn(s.world, 'statement', st.id);
      if (agreed) return { error: `“${st.name}” is already agreed in the deal of turn ${agreed.turn}` };
      return { key: `s:${st.id}` };
    }
    default:
      return { error: 'a clause is an instrument change, a pledge, a commitment or a statement' };
  }
}

/** The red line of `side` that a package crosses, if any (shown only to that side). */
export function crossedRedLine(rules: Rules, side: Side, clauses: readonly Clause[]) {
  const lines = rules.scenario.redLines; // frozen, as a package's clauses may be: walked by index
  for (let i = 0; i < lines.length; i++) {
    const r = lines[i]!;
    if (r.side !== side) continue;
    for (let j = 0; j < clauses.length; j++) {
      const c = clauses[j]!;
      if (r.statement !== undefined && c.kind === 'statement' && c.statement === r.statement) return r;
      if (r.instrument !== undefined && c.kind === 'instrument' && c.instrument === r.instrument) {
        if (r.below === undefined || c.level < r.below) return r;
      }
    }
  }
  return undefined;
}

function checkPackage(rules: Rules, s: GameState, side: Side, clauses: unknown): Refusal | null {
  if (!Array.isArray(clauses) || clauses.length === 0)
    return refuse('BAD_PACKAGE', 'A package needs a clause.');
  if (clauses.length > MAX_CLAUSES)
    return refuse('BAD_PACKAGE', `A package holds at most ${MAX_CLAUSES} clauses.`);
  const seen = new Set<string>();
  for (const c of clauses) {
    const r = checkClause(rules, s, c);
    if ('error' in r) return refuse('BAD_PACKAGE', `${r.error[0]!.toUpperCase()}${r.error.slice(1)}.`);
    if (seen.has(r.key)) return refuse('BAD_PACKAGE', 'A package names each instrument or promise once.');
    seen.add(r.key);
  }
  const line = crossedRedLine(rules, side, clauses as Clause[]);
  if (line) return refuse('RED_LINE', `This crosses your red line: ${line.text}`);
  return null;
}

function checkOrder(
  rules: Rules,
  s: GameState,
  side: Side,
  o: unknown,
): { error: Refusal } | { key: string } {
  const bad = (code: Parameters<typeof refuse>[0], reason: string) => ({ error: refuse(code, reason) });
  if (!isObj(o) || !isStr(o.kind) || !ORDER_KINDS.has(o.kind))
    return bad('MALFORMED', 'An order is shift, announce, withdraw, build or extend.');
  if (s.world.collapsed && o.kind !== 'build')
    return bad('COLLAPSED', 'The talks have collapsed: only building alternatives is left.');
  if (o.kind === 'extend') {
    if (!s.world.truce || s.world.truce.expired || !rules.scenario.calendar.truce)
      return bad('NO_TRUCE', 'There is no running truce to extend.');
    return { key: 'extend' };
  }
  if (o.kind === 'build') {
    const alt = isStr(o.alternative) ? rules.alternatives.get(o.alternative) : undefined;
    if (!alt) return bad('UNKNOWN_ID', 'No such alternative.');
    if (alt.side !== side) return bad('NOT_OWNER', `${alt.name} is the other side's to build.`);
    if (s.world.builds[alt.id] !== undefined)
      return bad('ALREADY_BUILT', `${alt.name} is already under way or done.`);
    return { key: `a:${alt.id}` };
  }
  const inst = isStr(o.instrument) ? rules.instruments.get(o.instrument) : undefined;
  if (!inst) return bad('UNKNOWN_ID', 'No such instrument.');
  if (inst.owner !== side) return bad('NOT_OWNER', `${inst.name} is the other side's instrument.`);
  const now = s.world.levels[inst.id] ?? 0;
  const top = inst.levels.length - 1;
  const pending = s.world.announcements[inst.id];
  const key = `i:${inst.id}`;
  switch (o.kind) {
    case 'shift':
      if (!isInt(o.level) || o.level < 0 || o.level > top)
        return bad('LEVEL_OUT_OF_RANGE', `${inst.name} has levels 0 to ${top}.`);
      if (o.level === now)
        return bad('NO_CHANGE', `${inst.name} is already at “${inst.levels[now]?.label}”.`);
      if (pending)
        return bad(
          'ANNOUNCEMENT_PENDING',
          `${inst.name} has an announced change pending: withdraw it first.`,
        );
      return { key };
    case 'announce':
      if (!isInt(o.level) || o.level <= now || o.level > top)
        return bad('LEVEL_OUT_OF_RANGE', `An announcement raises ${inst.name} above its current level.`);
      if (pending)
        return bad('ANNOUNCEMENT_PENDING', `${inst.name} already has an announced change pending.`);
      if (!isInt(o.turn) || o.turn <= s.round.turn || o.turn >= rules.totalTurns)
        return bad('BAD_DATE', 'An announcement takes effect on a later turn of this scenario.');
      if (o.unless !== undefined) {
        const demand = checkClause(rules, s, o.unless);
        if ('error' in demand) return bad('BAD_DEMAND', `What would lift the announcement: ${demand.error}.`);
        if (clauseGiver(rules, o.unless as Clause) !== other(side))
          return bad('BAD_DEMAND', 'What would lift an announcement is something the other side gives.');
      }
      return { key };
    case 'withdraw':
      if (!pending || pending.by !== side)
        return bad('NOTHING_TO_WITHDRAW', `${inst.name} has no announcement of yours to withdraw.`);
      return { key };
    default:
      return bad('MALFORMED', 'An order is shift, announce, withdraw, build or extend.');
  }
}

const ORDER_KINDS = new Set(['shift', 'announce', 'withdraw', 'build', 'extend']);
const MOVE_TYPES = new Set(['propose', 'accept', 'reject', 'pass', 'orders', 'readout', 'inject', 'news']);

/** Why a move is illegal in this state, or null when it is legal. */
export function checkMove(rules: Rules, s: GameState, move: unknown): Refusal | null {
  if (!isObj(move) || !isStr(move.type) || !MOVE_TYPES.has(move.type))
    return refuse(
      'MALFORMED',
      'A move must be one of: propose, accept, reject, pass, orders, readout, inject, news.',
    );
  if (move.ai !== undefined && !(isObj(move.ai) && isStr(move.ai.code)))
    return refuse('MALFORMED', 'An AI note must carry a reason code.');
  if (move.ai?.value !== undefined && !(typeof move.ai.value === 'number' && Number.isFinite(move.ai.value)))
    return refuse('MALFORMED', 'An AI note’s value must be a finite number.');
  if (move.ai?.needs !== undefined && !(isObj(move.ai.needs) && isStr(move.ai.needs.kind)))
    return refuse('MALFORMED', 'What an AI note says a side needs must be a clause.');
  const delivered = move.ai?.delivered;
  if (delivered !== undefined && !(typeof delivered === 'number' && delivered >= 0 && delivered <= 1))
    return refuse('MALFORMED', 'An AI note’s delivered share must be a number from 0 to 1.');
  if (move.ai?.instead !== undefined && typeof move.ai.instead !== 'boolean')
    return refuse('MALFORMED', 'An AI note’s “instead” must be true or false.');
  if (s.round.phase === 'over') return refuse('GAME_OVER', 'The game is over.');
  if (move.type === 'inject') {
    if (move.side !== 'control')
      return refuse('NOT_OWNER', 'Only the instructor’s control role injects events.');
    if (!isStr(move.event) || !rules.events.has(move.event)) return refuse('UNKNOWN_ID', 'No such event.');
    if (s.world.fired[move.event] !== undefined)
      return refuse('ALREADY_FIRED', 'That event has already happened.');
    return null;
  }
  if (move.type === 'news') {
    if (move.side !== 'control') return refuse('NOT_OWNER', 'Only the instructor’s control role posts news.');
    if (!isStr(move.text) || !isNewsText(move.text))
      return refuse('MALFORMED', 'A line of news is 1 to 200 characters of plain text.');
    return null;
  }
  const side = move.side;
  if (!isSide(side)) return refuse('MALFORMED', 'A move names its side: us or cn.');
  if (move.type === 'readout') {
    if (move.style !== 'trumpet' && move.style !== 'modest')
      return refuse('MALFORMED', 'A readout is trumpet or modest.');
    return pendingReadout(s, side)
      ? null
      : refuse('NO_PACKAGE', 'There is no package accepted this turn to give a readout of.');
  }
  if (move.type === 'orders') {
    if (s.round.phase !== 'orders') return refuse('WRONG_PHASE', 'Orders come after the talks.');
    if (s.round.drafts[side] !== null)
      return refuse('ALREADY_SUBMITTED', 'Your orders for this turn are in.');
    if (!Array.isArray(move.orders)) return refuse('MALFORMED', 'Orders come as a list.');
    const k = rules.scenario.params.k;
    if (move.orders.length > k)
      return refuse('TOO_MANY_ORDERS', `At most ${k} order${k > 1 ? 's' : ''} a turn.`);
    const seen = new Set<string>();
    for (const o of move.orders) {
      const r = checkOrder(rules, s, side, o);
      if ('error' in r) return r.error;
      if (seen.has(r.key)) return refuse('SAME_TARGET_TWICE', 'Two orders on the same thing in one turn.');
      seen.add(r.key);
    }
    return null;
  }
  // talks
  if (s.round.phase !== 'talks') return refuse('WRONG_PHASE', 'The talks are over for this turn.');
  const t = s.round.talks;
  if (t.toMove !== side) return refuse('NOT_YOUR_TURN', 'It is the other side’s turn to speak.');
  const answerDue = t.open !== null && t.open.by === other(side);
  switch (move.type) {
    case 'accept':
    case 'reject': {
      if (!answerDue || !t.open) return refuse('NO_OPEN_PROPOSAL', 'There is no proposal to answer.');
      if (move.type === 'reject') {
        return REJECT_REASONS.includes(move.reason as never)
          ? null
          : refuse('MALFORMED', `A rejection gives a reason: ${REJECT_REASONS.join(', ')}.`);
      }
      const line = crossedRedLine(rules, side, t.open.clauses);
      return line ? refuse('RED_LINE', `This crosses your red line: ${line.text}`) : null;
    }
    case 'propose':
      if (answerDue) return refuse('ANSWER_FIRST', 'Answer the open proposal first.');
      if (t.made[side] >= PROPOSALS_PER_TURN)
        return refuse('PROPOSAL_LIMIT', 'You have made your two proposals this turn.');
      return checkPackage(rules, s, side, move.clauses);
    case 'pass':
      return answerDue ? refuse('ANSWER_FIRST', 'Answer the open proposal first.') : null;
  }
  return refuse('MALFORMED', 'Unknown move.');
}

// ---------------------------------------------------------------------------------------------
// A checked move is stored in its canonical form: only the fields the rules read, so a move from a
// file or a link can carry nothing else into the state.

function canonicalCondition(c: Condition): Condition {
  if ('indicator' in c) return pick({ indicator: c.indicator, below: c.below, above: c.above });
  if ('instrument' in c) return pick({ instrument: c.instrument, atMost: c.atMost, atLeast: c.atLeast });
  if ('tension' in c) return { tension: pick({ above: c.tension.above, below: c.tension.below }) };
  if ('deal' in c) return { deal: c.deal };
  if ('statement' in c) return { statement: c.statement };
  if ('collapsed' in c) return { collapsed: c.collapsed };
  if ('commitment' in c) return { commitment: c.commitment, deliveredAtLeast: c.deliveredAtLeast };
  return { event: c.event };
}

/** Drops the keys whose value is undefined (the state holds no `undefined`). */
function pick<T extends object>(o: T): T {
  const out = {} as Record<string, unknown>;
  for (const [k, v] of Object.entries(o)) if (v !== undefined) out[k] = v;
  return out as T;
}

export function canonicalClause(c: Clause): Clause {
  switch (c.kind) {
    case 'instrument':
      return { kind: 'instrument', instrument: c.instrument, level: c.level };
    case 'statement':
      return { kind: 'statement', statement: c.statement };
    case 'pledge':
      return c.condition
        ? { kind: 'pledge', item: c.item, size: c.size, condition: canonicalCondition(c.condition) }
        : { kind: 'pledge', item: c.item, size: c.size };
    case 'commitment':
      return c.condition
        ? { kind: 'commitment', item: c.item, condition: canonicalCondition(c.condition) }
        : { kind: 'commitment', item: c.item };
  }
}

export function canonicalOrder(o: Order): Order {
  switch (o.kind) {
    case 'shift':
      return { kind: 'shift', instrument: o.instrument, level: o.level };
    case 'announce':
      return o.unless
        ? {
            kind: 'announce',
            instrument: o.instrument,
            level: o.level,
            turn: o.turn,
            unless: canonicalClause(o.unless),
          }
        : { kind: 'announce', instrument: o.instrument, level: o.level, turn: o.turn };
    case 'withdraw':
      return { kind: 'withdraw', instrument: o.instrument };
    case 'build':
      return { kind: 'build', alternative: o.alternative };
    case 'extend':
      return { kind: 'extend' };
  }
}

const isSeat = (x: unknown): boolean =>
  isObj(x) && (x.kind === 'human' || (x.kind === 'ai' && isStr(x.profile) && isInt(x.level)));

/** Whether data from a file or a link is a setup the engine can start a game with. */
export function isSetup(x: unknown): x is Setup {
  return (
    isObj(x) &&
    isObj(x.seats) &&
    isSeat(x.seats.us) &&
    isSeat(x.seats.cn) &&
    typeof x.randomEvents === 'boolean' &&
    (x.leverage === 'live' || x.leverage === 'own' || x.leverage === 'after')
  );
}
