// One decision of the scripted opponent. The AI looks at its own view only, lists its candidate
// moves for the moment (an answer, a proposal or a pass, a readout, a set of orders), gives each a
// search value, adds the weights of its profile's matching rules after the `never` filters, and
// takes the best (ties broken by its own dice). The move carries the code of what decided it: the
// rule that changed the choice, or the search term that made it. The candidates come from
// answer.ts (the offer on the table), offers.ts (its proposals), order-candidates.ts (its orders)
// and the readouts here; choose.ts chooses; the hardest level plays on first (look-ahead.ts).
import type { GameState, Move, MoveBody, Scenario, Side } from '../engine/index.ts';
import {
  aiStream,
  checkMove,
  legalMoves,
  PROPOSALS_PER_TURN,
  pendingReadout,
  rulesFor,
} from '../engine/index.ts';
import { answer, needed } from './answer.ts';
import type { Situation } from './character.ts';
import { escalationHarm, opponentSteps } from './character.ts';
import { type Candidate, candidate, choose } from './choose.ts';
import { byCharacter } from './escalation.ts';
import { lookedAhead, NEAR } from './look-ahead.ts';
import { entryFor, offersFor, ordersFor, planFor } from './memo.ts';
import { leverageFor, type Model, oneOff, tensionRisk } from './model.ts';
import { barredFor } from './need.ts';
import { anchored, madeLately, openingAsk, proposals, proposalsAllowed, rejectedOffer } from './offers.ts';
import { orderCandidates } from './order-candidates.ts';
import {
  ANSWERING_PROFILE,
  DEFAULT_AI_LEVEL,
  depthOf,
  findProfile,
  PLAIN,
  type Profile,
  profileAt,
  RANDOM_PROFILE,
} from './profile.ts';
import { pick, type Rand, randFor } from './rng.ts';
import type { Policy } from './rollout.ts';
import { type Seen, seeFor } from './seen.ts';
import { packageKey } from './talks.ts';

export interface Seat {
  readonly profile: string;
  readonly level: number;
}

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

function situation(m: Model): Situation {
  return {
    m,
    leverage: leverageFor(m, m.s.world, m.side),
    escalation: escalationHarm(m),
    opponentSteps: opponentSteps(m),
  };
}

/** How it tells a deal at home: trumpeting gains standing there and costs tension. */
function readouts(m: Model): Candidate[] {
  const { readout, tension } = m.rules.scenario.params;
  const politics = m.rules.scenario.sides[m.side].politics;
  const gain = oneOff(m, m.side, { [politics]: readout.trumpetGain });
  const risk =
    tensionRisk(m, m.side, m.s.world.tension + tension.trumpet, 0) -
    tensionRisk(m, m.side, m.s.world.tension, 0);
  return [
    candidate({ type: 'readout', side: m.side, style: 'trumpet' }, gain + risk, 'search:readout'),
    candidate({ type: 'readout', side: m.side, style: 'modest' }, 0, 'search:readout'),
  ];
}

/**
 * How the hardest level plays on: itself at the default level with its own profile, the other side
 * as the answering model.
 */
function playingOn(seen: Seen, seat: Seat): Policy {
  const self: Seat = { profile: seat.profile, level: DEFAULT_AI_LEVEL };
  const modelled: Seat = { profile: ANSWERING_PROFILE, level: DEFAULT_AI_LEVEL };
  return (sc, st, side) => decide(sc, st, side, side === seen.side ? self : modelled);
}

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
    return { type: 'pass', side, ai: { code: 'search:done', value: 0 } };
  const seen = seeFor(full, state, side);
  const rand = randFor(state.rng[aiStream(side, state.round.phase)]);
  if (seat.profile === RANDOM_PROFILE) return randomMove(seen, rand);
  const found =
    seat.profile === ANSWERING_PROFILE
      ? ANSWERING[side]
      : findProfile(seen.scenario.profiles, seat.profile, side);
  const profile = found ? profileAt(found, seat.level) : null;
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
    const sets = ordersFor(m, () => orderCandidates(m, plan, profile, x.leverage));
    cands = byCharacter(m, profile, sets, () => {
      const p = plan();
      return needed(p, [], barredFor(x, p.table, profile));
    });
    if (m.depth.rollouts > 0) {
      const top = cands.reduce((a, c) => (c.search > a.search ? c : a), cands[0]!);
      if (top.calm)
        cands = lookedAhead(
          seen,
          playingOn(seen, seat),
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
      const ask = openingAsk(m, profile, seat.level, rand);
      const key = `${s.round.talks.made[side]} ${made.join(' | ')} / ${rejected ? packageKey(rejected) : ''} × ${ask}`;
      cands = offersFor(m, key, () => proposals(x, plan(), profile, ask));
      // Holding back is left to the search: playing on models the other side as the plain profile,
      // which offers more than most sides would, so waiting for its offer looks better than it is.
      if (m.depth.rollouts > 0)
        cands = lookedAhead(seen, playingOn(seen, seat), m.depth.rollouts, cands, (c) => c.search > 0, rand);
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

const sameBody = (a: MoveBody, b: MoveBody) =>
  JSON.stringify({ ...a, ai: undefined }) === JSON.stringify({ ...b, ai: undefined });
