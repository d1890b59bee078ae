// The scripted opponent's public API, as the browser game, the simulator and the tests use it:
// a seat (a profile and a level), the move it chooses in a state, the sentence that explains that
// move, and the default seat for a side. Everything here is pure and deterministic: the AI reads
// only its own side's view and draws only from the game's `ai` stream.
import type { GameState, Move, Scenario, Side } from '../engine/index.ts';
import { decide } from './decide.ts';
import { AI_LEVELS, DEFAULT_AI_LEVEL, PLAIN_PROFILE, RANDOM_PROFILE } from './profile.ts';

export { describeAiMove } from '../engine/index.ts';
export { theta } from './profile.ts';
export { AI_VERSION } from './version.ts';
export { AI_LEVELS, DEFAULT_AI_LEVEL, PLAIN_PROFILE, RANDOM_PROFILE };

/** An AI seat: a profile id from the scenario (or `random`, `plain`) and a level, 1 to 3 (hardest). */
export type AiSeat = { profile: string; level: number };

/** The move the seat plays for `side` now: legal, carrying its reason code (call only when it has one). */
export function chooseMove(scenario: Scenario, state: GameState, side: Side, seat: AiSeat): Move {
  return decide(scenario, state, side, seat);
}

/** The scenario's profile for a side, at the default level. */
export function defaultSeat(scenario: Scenario, side: Side): AiSeat {
  const p = scenario.profiles.find((x) => x.side === side);
  return { profile: p?.id ?? PLAIN_PROFILE, level: DEFAULT_AI_LEVEL };
}

/** Parses `PROFILE/LEVEL` (or just `PROFILE`) as the simulator's options write a seat. */
export function parseSeat(text: string): AiSeat | null {
  const [profile, level] = text.split('/');
  if (!profile) return null;
  const n = level === undefined ? DEFAULT_AI_LEVEL : Number(level);
  if (!AI_LEVELS.includes(n as (typeof AI_LEVELS)[number])) return null;
  return { profile, level: n };
}
