// The margin of the computer's deadline rule, read by the AI and by the scenario checker's warning.
// A module of its own, free of the schemas: the AI's code in the browser must not load zod (which
// probes for eval, and the game's content security policy forbids it).

/**
 * Score points by which an offer must beat holding still for the AI to sign it in its last talks
 * before a deadline, whatever it asked before (the "clearly better": a design estimate).
 */
export const DEADLINE_MARGIN = 5;
