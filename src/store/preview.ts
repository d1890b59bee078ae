// The store's side of the previews: the engine computes them from a side's own view with its preview
// dice (projection.ts); the store builds that view from the game it holds and keeps the last few
// results, since a screen asks for the same preview each time it redraws.
import type {
  BySide,
  Clause,
  Order,
  OrdersPreview,
  PackagePreview,
  Projected,
  Side,
} from '../engine/index.ts';
import { ordersBaseline, previewOrders, previewPackage, standing, viewFor } from '../engine/index.ts';
import type { GameSession } from './game-store.ts';

const cache = new Map<string, unknown>();

function cached<T>(key: string, make: () => T): T {
  if (cache.has(key)) return cache.get(key) as T;
  const v = make();
  if (cache.size > 400) cache.clear();
  cache.set(key, v);
  return v;
}

const at = (game: GameSession, side: Side) => `${game.id}|${game.hash}|${game.moves.length}|${side}`;

/** `clauses` proposed by `side` and accepted (null: `side` accepting the open proposal), from its view. */
export function packagePreview(
  game: GameSession,
  side: Side,
  clauses: readonly Clause[] | null,
): PackagePreview {
  return cached(`p|${at(game, side)}|${JSON.stringify(clauses)}`, () =>
    previewPackage(game.scenario, viewFor(game.scenario, game.state, side), side, clauses),
  );
}

/** What `orders` by `side` would change, the other side holding still, from its view. */
export function ordersPreview(game: GameSession, side: Side, orders: readonly Order[]): OrdersPreview {
  return cached(`o|${at(game, side)}|${JSON.stringify(orders)}`, () => {
    const view = viewFor(game.scenario, game.state, side);
    const base = cached(`b|${at(game, side)}`, () => ordersBaseline(game.scenario, view));
    return previewOrders(game.scenario, view, side, orders, base.ok ? base : undefined);
  });
}

/** Whether the preview of `orders` by `side` is at hand already (a screen then shows it at once). */
export function ordersPreviewReady(game: GameSession, side: Side, orders: readonly Order[]): boolean {
  return cache.has(`o|${at(game, side)}|${JSON.stringify(orders)}`);
}

/** Each side's projected final score if both hold still from here, as `side` sees the game. */
export function standingOf(game: GameSession, side: Side): BySide<Projected> {
  return cached(`s|${at(game, side)}`, () =>
    standing(game.scenario, viewFor(game.scenario, game.state, side)),
  );
}
