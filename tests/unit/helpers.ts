// Driving the engine in tests: apply moves that must be legal, or pass whole turns; and the pieces
// hand-built AI tests share.
import { expect } from 'vitest';
import { clauseKey, type Option } from '../../src/ai/talks.ts';
import type { Clause, GameState, Move, Order, Scenario, Setup, Side } from '../../src/engine/index.ts';
import { applyMove } from '../../src/engine/index.ts';

/** Two players at one screen, random events off: a game whose turns draw only their own dice. */
export const QUIET_HOT_SEAT: Setup = {
  seats: { us: { kind: 'human' }, cn: { kind: 'human' } },
  randomEvents: false,
  leverage: 'after',
};

/** Both sides the computer, with the shipped scenarios' own profiles at `level`. */
export const seatsAt = (level: number) => ({
  us: { profile: 'washington', level },
  cn: { profile: 'beijing', level },
});

/** An option of the AI's clause table, for a table built by hand: its values to the AI and the other side. */
export const tableOption = (
  clause: Clause,
  key: number,
  giver: Side | null,
  vs: number,
  vo: number,
): Option => ({
  clause,
  text: clauseKey(clause),
  key,
  giver,
  vs,
  vo,
  instrument: clause.kind === 'instrument' ? key : -1,
  level: clause.kind === 'instrument' ? clause.level : -1,
  tieKey: -1,
  tieOk: [],
  ms: 0,
  mo: 0,
});

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
