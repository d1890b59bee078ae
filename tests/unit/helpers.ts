// Driving the engine in tests: apply moves that must be legal, or pass whole turns.
import { expect } from 'vitest';
import type { GameState, Move, Order, Scenario, Side } from '../../src/engine';
import { applyMove } from '../../src/engine';

export function play(scenario: Scenario, s: GameState, ...moves: Move[]): GameState {
  let state = s;
  for (const m of moves) {
    const r = applyMove(scenario, state, m);
    if (!r.ok) expect.fail(`refused ${JSON.stringify(m)}: ${r.code} ${r.reason}`);
    state = r.state;
  }
  return state;
}

/** Both sides end the talks (if any) and give these orders (none by default). */
export function endTurn(
  scenario: Scenario,
  s: GameState,
  orders: Partial<Record<Side, Order[]>> = {},
): GameState {
  let state = s;
  while (state.round.phase === 'talks')
    state = play(scenario, state, { type: 'pass', side: state.round.talks.toMove });
  return play(
    scenario,
    state,
    { type: 'orders', side: 'us', orders: orders.us ?? [] },
    { type: 'orders', side: 'cn', orders: orders.cn ?? [] },
  );
}

export function passTurns(scenario: Scenario, s: GameState, n: number): GameState {
  let state = s;
  for (let i = 0; i < n; i++) state = endTurn(scenario, state);
  return state;
}

export function refused(scenario: Scenario, s: GameState, m: Move): string {
  const r = applyMove(scenario, s, m);
  if (r.ok) expect.fail(`expected ${JSON.stringify(m)} to be refused`);
  return r.code;
}
