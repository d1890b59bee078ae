// A profile's thresholds and opening spread at a level of play, read by the AI and by the scenario
// checker's warning. A module of its own, free of the schemas (as deadline.ts): the AI's code in
// the browser must not load zod, which probes for eval, and the game's content security policy
// forbids it.
import type { Profile } from './profile-schema.ts';

/** What a profile restates for a level of play (rounded: the AI's levels are whole). */
const restatedAt = (p: Pick<Profile, 'levels'>, level: number) =>
  p.levels?.[String(Math.round(level)) as '1' | '2' | '3'];

/**
 * A profile's thresholds at a level of play that restates one or both (the other its own), or
 * undefined where the level restates none.
 */
export function thresholdsAt(
  p: Pick<Profile, 'params' | 'levels'>,
  level: number,
): { readonly thetaStart: number; readonly thetaFloor: number } | undefined {
  const own = restatedAt(p, level);
  if (own?.thetaStart === undefined && own?.thetaFloor === undefined) return undefined;
  return {
    thetaStart: own.thetaStart ?? p.params.thetaStart,
    thetaFloor: own.thetaFloor ?? p.params.thetaFloor,
  };
}

/** How far a profile's opening ask strays at a level (its `spread`; 0 where the level sets none). */
export const spreadAt = (p: Pick<Profile, 'levels'>, level: number): number =>
  restatedAt(p, level)?.spread ?? 0;
