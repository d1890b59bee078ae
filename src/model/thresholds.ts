// A profile's thresholds at a level of play, read by the AI and by the scenario checker's warning.
// A module of its own, free of the schemas (as deadline.ts): the AI's code in the browser must not
// load zod, which probes for eval, and the game's content security policy forbids it.
import type { Profile } from './profile-schema.ts';

/**
 * A profile's thresholds at a level of play that restates one or both (the other its own), or
 * undefined where the level restates none.
 */
export function thresholdsAt(
  p: Pick<Profile, 'params' | 'levels'>,
  level: number,
): { readonly thetaStart: number; readonly thetaFloor: number } | undefined {
  const own = p.levels?.[String(level) as '1' | '2' | '3'];
  if (own?.thetaStart === undefined && own?.thetaFloor === undefined) return undefined;
  return {
    thetaStart: own.thetaStart ?? p.params.thetaStart,
    thetaFloor: own.thetaFloor ?? p.params.thetaFloor,
  };
}
