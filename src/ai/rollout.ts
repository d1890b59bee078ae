// Playing a game on from a standing, as the hardest level looks ahead. From the state the AI sees,
// both sides are played at the default level for a few turns — itself with its own profile, the
// other side with the plain profile and its public weights (its profile is private) — and the AI
// reads where that leaves it: its score so far, and the standing held to the end of the game. The
// dice of the turns played on are the AI's own draw, so a look-ahead is as deterministic as any
// other decision.
import type { Asking, GameState, Move, Scenario, Side } from '../engine/index.ts';
import {
  applyMove,
  pendingReadout,
  rulesFor,
  SIDES,
  score,
  seedStreams,
  utility,
  waitingOn,
} from '../engine/index.ts';

/** A policy: the move a side plays in a state (only asked when that side has one). */
export type Policy = (scenario: Scenario, s: GameState, side: Side) => Move;

/** Either side may be asked: in the AI's own games every seat is the computer's. */
const EITHER: Asking = { order: SIDES, seats: 'any' };

/**
 * Who moves next: a side with a readout due (asked once a turn: it may decline), else whoever the
 * talks or the orders wait for. `asked` remembers the readouts asked for.
 */
export function nextToMove(s: GameState, asked: Set<string>): Side {
  const due = SIDES.find(
    (side) => !asked.has(`${s.round.turn}/${side}`) && pendingReadout(s, side) !== undefined,
  );
  if (due) {
    asked.add(`${s.round.turn}/${due}`);
    return due;
  }
  const side = waitingOn(s, EITHER);
  if (!side) throw new Error('the game is over: no side moves next');
  return side;
}

/**
 * The side's total (points over the no-deal line, with its objectives' bonus) after the game is
 * played on from `s` by `policy` for `turns` turns (the random events drawn from `seed`), the
 * standing then reached held to the last turn.
 */
export function playOn(
  scenario: Scenario,
  s: GameState,
  side: Side,
  policy: Policy,
  seed: string,
  turns: number,
): number {
  let st: GameState = { ...s, rng: seedStreams(seed) };
  const asked = new Set<string>();
  const stop = s.round.turn + turns;
  while (st.round.phase !== 'over' && st.round.turn < stop) {
    const r = applyMove(scenario, st, policy(scenario, st, nextToMove(st, asked)));
    if (!r.ok) break; // a refused move of the model's own: judge the game where it stands
    st = r.state;
  }
  // utility points, the objectives' score points turned back into them: the look-ahead's own scale
  const x = score(scenario, st).sides[side];
  const sc = x.raw + (x.bonus * x.standStillCost) / 100;
  if (st.round.phase === 'over') return sc;
  const rules = rulesFor(scenario);
  const left = Math.max(0, rules.totalTurns - st.round.turn);
  return sc + (utility(rules, st.world.values, side) * left) / 10;
}
