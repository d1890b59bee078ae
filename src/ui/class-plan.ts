// The plan of a class period: joining, the briefing, play and the debrief, from the class length,
// the scenario's turns and the phase clocks, with a warning when it does not fit. Pure: no DOM.
export const JOIN_MINUTES = 3;
export const BRIEFING_MINUTES = 6;
export const DEBRIEF_MINUTES = 12;
/** A turn's talks and orders without clocks, as the tutorial's notes budget them (five turns, 35 minutes). */
export const UNTIMED_TURN_MINUTES = 7;
/** An epilogue turn (orders only, no talks). */
export const EPILOGUE_MINUTES = 1;

export interface PlanInput {
  readonly classMinutes: number;
  readonly mainTurns: number; // turns with talks
  readonly totalTurns: number; // and the epilogue's
  readonly talks: number | null; // the clocks, seconds
  readonly orders: number | null;
}

export interface Plan {
  readonly steps: readonly { readonly label: string; readonly minutes: number }[];
  readonly total: number;
  readonly fits: boolean;
  readonly warning: string | null;
}

export function classPlan(p: PlanInput): Plan {
  const epilogue = Math.max(0, p.totalTurns - p.mainTurns);
  const perTurn =
    p.talks === null && p.orders === null
      ? UNTIMED_TURN_MINUTES
      : ((p.talks ?? (UNTIMED_TURN_MINUTES * 60) / 2) + (p.orders ?? (UNTIMED_TURN_MINUTES * 60) / 2)) / 60;
  const perEpilogue = p.orders === null ? EPILOGUE_MINUTES : p.orders / 60;
  const play = Math.ceil(p.mainTurns * perTurn + epilogue * perEpilogue);
  const steps = [
    { label: 'Joining', minutes: JOIN_MINUTES },
    { label: 'Briefing', minutes: BRIEFING_MINUTES },
    { label: `Play (${p.totalTurns} turns)`, minutes: play },
    { label: 'Debrief', minutes: DEBRIEF_MINUTES },
  ];
  const total = steps.reduce((a, s) => a + s.minutes, 0);
  const fits = total <= p.classMinutes;
  const room = p.classMinutes - JOIN_MINUTES - BRIEFING_MINUTES - DEBRIEF_MINUTES;
  const warning = fits
    ? null
    : `The plan takes ${total} minutes: more than the ${p.classMinutes}-minute class. ${
        room > 0
          ? `Play must fit in ${room} minutes: choose a shorter scenario, or phase clocks of about ${Math.max(
              10,
              Math.floor((room * 60) / Math.max(1, p.mainTurns) / 2),
            )} seconds.`
          : 'Joining, the briefing and the debrief alone fill it.'
      }`;
  return { steps, total, fits, warning };
}
