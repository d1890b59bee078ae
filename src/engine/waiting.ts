// Who the game waits on now: one rule for the hot-seat curtain (the next human), the computer's
// driver (the next computer seat), the preview's play-out and the AI's games (either side). The
// talks wait on the side to move; the orders on each side whose orders are not in yet. Both sides
// draft their orders at once, so which is asked first is the caller's choice, and so is which seats
// count.
import type { GameState, Seat, Side } from './types.ts';

export interface Asking {
  readonly order: readonly Side[]; // in the orders, the side asked first, then the other
  readonly seats: Seat['kind'] | 'any'; // the seats that count: a side with another seat is never named
}

/** The side the game waits on among the seats asked about, or null (none of them, or it is over). */
export function waitingOn(s: GameState, { order, seats }: Asking): Side | null {
  const counts = (side: Side) => seats === 'any' || s.meta.setup.seats[side].kind === seats;
  if (s.round.phase === 'over') return null;
  if (s.round.phase === 'talks') return counts(s.round.talks.toMove) ? s.round.talks.toMove : null;
  return order.find((side) => counts(side) && s.round.drafts[side] === null) ?? null;
}
