// The numbers the table projects, in one place: each side's standing (its projected final score if
// both sides hold still from here, on the score's one scale — the median over the engine's preview
// dice, with its range) and the one-line preview of a set of orders (the change in both sides'
// projected scores, and the next turn's leverage and tension, if the other side holds still). Both
// come from the engine's turn kernel, run from the viewer's own view: nothing here reads the other
// side's drafts or the game's dice, or changes the game.
import type { BySide, GameState, Order, OrdersPreview, Projected, Scenario, Side } from '../engine/index.ts';
import { standing as engineStanding, viewFor } from '../engine/index.ts';
import type { GameSession } from '../store/game-store.ts';
import { ordersPreview, ordersPreviewReady, standingOf } from '../store/preview.ts';

export type Standing = Projected;

const byState = new WeakMap<GameState, Map<Side, BySide<Standing> | null>>();

/**
 * Each side's standing as `viewer` sees the game in `s` (a state of this game: now, or when a
 * turn began); null when the scenario has no score scale to project on.
 */
export function standingIn(scenario: Scenario, s: GameState, viewer: Side): BySide<Standing> | null {
  let m = byState.get(s);
  if (!m) {
    m = new Map();
    byState.set(s, m);
  }
  if (m.has(viewer)) return m.get(viewer) ?? null;
  let out: BySide<Standing> | null;
  try {
    out = engineStanding(scenario, viewFor(scenario, s, viewer));
  } catch {
    out = null; // a scenario without a score scale: no standing to show
  }
  m.set(viewer, out);
  return out;
}

/** Each side's standing now, as `viewer` sees it. */
export function standingNow(game: GameSession, viewer: Side): BySide<Standing> | null {
  try {
    return standingOf(game, viewer);
  } catch {
    return null;
  }
}

/** What `orders` by `side` would change if the other side holds still (the engine's refusal if it may not). */
export function previewOrderSet(game: GameSession, side: Side, orders: readonly Order[]): OrdersPreview {
  return ordersPreview(game, side, orders);
}

interface Pending {
  readonly game: GameSession;
  readonly side: Side;
  readonly order: Order;
  readonly done: (p: OrdersPreview) => void;
}

let pending: Pending[] = [];
let working = false;
// Work between frames, within half of one, so the page answers and the table animates smoothly
// while the list is worked out (slices of 25 ms dropped a frame whenever they ran: npm run bench's
// frame time, p95 33 ms, now 17 ms).
const SLICE_MS = 8;

function work() {
  const until = performance.now() + SLICE_MS;
  while (pending.length && performance.now() < until) {
    const job = pending.shift();
    if (job) job.done(ordersPreview(job.game, job.side, [job.order]));
  }
  working = pending.length > 0;
  if (working) setTimeout(work, 0);
}

/**
 * The preview of one order by `side`, if it is at hand; otherwise null, and `later` receives it
 * once it is worked out — a few orders at a time between frames, each computed once for a game's
 * state (the store keeps it), however often the screen redraws.
 */
export function orderPreviewSoon(
  game: GameSession,
  side: Side,
  order: Order,
  later: (p: OrdersPreview) => void,
): OrdersPreview | null {
  if (ordersPreviewReady(game, side, [order])) return ordersPreview(game, side, [order]);
  pending.push({ game, side, order, done: later });
  if (!working) {
    working = true;
    setTimeout(work, 0);
  }
  return null;
}

/** Forget the previews still waiting (the screen that asked for them is being redrawn). */
export function dropWaitingPreviews(): void {
  pending = [];
}
