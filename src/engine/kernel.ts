// The one turn kernel: the only implementation of the end of a turn. Given a state, both sides'
// orders and the dice, it resolves the orders, applies the turn's effects, deliveries, alternatives,
// tension, the crisis roll and the summit, and starts the next turn (turn.ts holds the steps). The
// reducer calls it with the game's own seeded streams; the no-deal line, every preview, the debrief's
// analysis and the AI's look-ahead call it with dice of their own. Pure: the input is never changed.

import { newsCopy, roundCopy, streamsCopy, worldCopy } from './copy.ts';
import type { Rules } from './rules.ts';
import { endTurn } from './turn.ts';
import type { BySide, GameState, Order, RngState, Stream, Working } from './types.ts';

/** The random streams a turn draws from (events, compliance, crises; the AI's pass through). */
export type Dice = Readonly<Record<Stream, RngState>>;

/**
 * A mutable copy of a state for the end of a turn: the world is copied one level, and each of its
 * containers is copied only when the turn first writes it (copy.ts `own`), so the levels, events
 * fired, packages and tallies a quiet turn leaves alone stay shared (and are not frozen again). The
 * round is copied with its news, the one container the turn writes in place (it replaces the
 * talks, the drafts and the rest); the meta is shared (the turn never writes it) and the streams
 * are `dice`. The turn then runs on plain data — through immer's proxies the same work cost
 * sixteen times as much.
 */
export function workingCopy(s: GameState, dice: Dice): Working {
  const round = roundCopy(s.round);
  round.news = newsCopy(s.round.news);
  return {
    meta: s.meta as Working['meta'], // shared and frozen: the turn never writes it
    world: worldCopy(s.world),
    round,
    rng: streamsCopy(dice),
  };
}

const STILL: BySide<readonly Order[]> = { us: [], cn: [] };

/**
 * The end of the turn `s` is in: both sides' `orders` (checked and canonical) resolve under `dice`
 * and the next turn starts. The result is plain, unfrozen data whose `rng` holds the dice after the
 * turn; `s` is not changed.
 */
export function advance(rules: Rules, s: GameState, orders: BySide<readonly Order[]>, dice: Dice): GameState {
  const w = workingCopy(s, dice);
  w.round.drafts = { us: orders.us, cn: orders.cn } as Working['round']['drafts'];
  endTurn(rules, w);
  return w;
}

/**
 * Both sides hold still from `s` to the end of the game under `dice`: this turn's talks end with
 * nothing more signed (an open proposal lapses), orders already in stand, and every later turn passes
 * with no orders. The same as the reducer given passes, rejections and empty orders, on one copy.
 */
export function holdStill(rules: Rules, s: GameState, dice: Dice): GameState {
  if (s.round.phase === 'over') return s;
  const w = workingCopy(s, dice);
  w.round.drafts = {
    us: w.round.drafts.us ?? STILL.us,
    cn: w.round.drafts.cn ?? STILL.cn,
  } as Working['round']['drafts'];
  endTurn(rules, w);
  while (w.round.phase !== 'over') {
    w.round.drafts = { us: STILL.us, cn: STILL.cn } as Working['round']['drafts'];
    endTurn(rules, w);
  }
  return w;
}
