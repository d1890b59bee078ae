// Profiles at play: finding a seat's profile, the built-in `random` baseline, and the acceptance
// threshold θ(t) — the share of its target package a profile still insists on at a given turn,
// falling toward its deadline at the profile's pace (DESIGN.md: "fast for Washington before a
// summit, slow for Beijing").
import type { Rules, Side } from '../engine';
import type { Profile } from '../scenario/profile-schema';

export type { Profile };

export const RANDOM_PROFILE = 'random';

/** Levels of play: 1 to 3, 3 the hardest. They differ in search depth and opponent modelling only. */
export const AI_LEVELS = [1, 2, 3] as const;
export type AiLevel = (typeof AI_LEVELS)[number];
export const DEFAULT_AI_LEVEL = 2;

/** How each level searches (never what it wants). */
export interface Depth {
  readonly horizon: number; // turns of summed utility it looks ahead
  readonly flatPrior: boolean; // models the opponent with equal weights instead of its public ones
  readonly reply: boolean; // anticipates the opponent's answer (retaliation, acceptance)
  readonly noise: number; // points of random tie-breaking between candidate moves
}

export function depthOf(level: number): Depth {
  if (level <= 1) return { horizon: 3, flatPrior: true, reply: false, noise: 1 };
  if (level === 2) return { horizon: 99, flatPrior: false, reply: false, noise: 0.3 };
  return { horizon: 99, flatPrior: false, reply: true, noise: 0.1 };
}

/** The turn a profile's threshold falls toward: the summit (if any) or the last turn of talks. */
export function deadlineTurn(rules: Rules, p: Profile): number {
  const lastTalks = rules.mainTurns - 1;
  if (p.params.deadline === 'summit' && rules.summitTurn !== null)
    return Math.min(lastTalks, rules.summitTurn);
  return lastTalks;
}

/**
 * θ(t): the share of its target a profile accepts at turn t (and a fraction of a turn, for its second
 * proposal). A time-dependent tactic: θ = floor + (start − floor)·(1 − x^(1/β)), x the share of time
 * to its deadline gone, β = (1 − patience)/patience — patience 0.5 concedes linearly, less concedes
 * early (a conceder), more holds out until late (a boulware).
 */
export function theta(rules: Rules, p: Profile, t: number): number {
  const { thetaStart, thetaFloor, patience } = p.params;
  const end = Math.max(1, deadlineTurn(rules, p));
  const x = Math.min(1, Math.max(0, t / end));
  const pat = Math.min(0.95, Math.max(0.05, patience));
  const beta = (1 - pat) / pat;
  return thetaFloor + (thetaStart - thetaFloor) * (1 - x ** (1 / beta));
}

/** The profile a seat names, among this side's own profiles. */
export function findProfile(profiles: readonly Profile[], id: string, side: Side): Profile | undefined {
  return profiles.find((p) => p.id === id && p.side === side);
}
