// A game is (scenario, seed, setup, moves): replaying the moves through the reducer rebuilds the
// state exactly. The AI's moves are in the list as it chose them, so a replay never re-runs it.
import { applyMove } from './reducer.ts';
import { newGame } from './state.ts';
import type { GameState, Move, Refusal, Scenario, Setup } from './types.ts';

export interface GameRecord {
  readonly scenarioId: string;
  readonly scenarioHash: string;
  readonly seed: string;
  readonly setup: Setup;
  readonly moves: readonly Move[];
}

export type ReplayResult =
  | { readonly ok: true; readonly state: GameState; readonly states?: readonly GameState[] }
  | (Refusal & { readonly at: number });

/** Replays moves from the opening; refuses at the first move the rules refuse. */
export function replay(
  scenario: Scenario,
  seed: string,
  setup: Setup,
  moves: readonly Move[],
  keepStates = false,
): ReplayResult {
  let s = newGame(scenario, seed, setup);
  const states: GameState[] = keepStates ? [s] : [];
  for (let i = 0; i < moves.length; i++) {
    const r = applyMove(scenario, s, moves[i]!);
    if (!r.ok) return { ...r, at: i };
    s = r.state;
    if (keepStates) states.push(s);
  }
  return keepStates ? { ok: true, state: s, states } : { ok: true, state: s };
}

/** The state before the last move: undo by replaying all but it. */
export function undo(scenario: Scenario, seed: string, setup: Setup, moves: readonly Move[]) {
  return replay(scenario, seed, setup, moves.slice(0, -1));
}
