// Look-ahead on plain data, for the AI and the tools: what the end of this turn would bring if both
// sides gave these orders — the kernel's end of a turn on the game's own dice, with no immer draft
// and no freezing, so a search can try many branches cheaply. Also the one step of the seeded
// streams, which the AI uses to seed its own generator from its `ai` stream.
import { advance } from './kernel.ts';
import { rulesFor } from './rules.ts';
import type { BySide, GameState, Order, Scenario } from './types.ts';
import { canonicalOrder, checkMove } from './validate.ts';

export { draw } from './rng.ts';

/**
 * The state after both sides give these orders now (talks over, phase `orders`, no orders in yet);
 * null if either set of orders is illegal here. The input is not changed; the result is not frozen.
 */
export function afterOrders(
  scenario: Scenario,
  s: GameState,
  orders: BySide<readonly Order[]>,
): GameState | null {
  const rules = rulesFor(scenario);
  if (s.round.phase !== 'orders' || s.round.drafts.us !== null || s.round.drafts.cn !== null) return null;
  for (const side of ['us', 'cn'] as const)
    if (checkMove(rules, s, { type: 'orders', side, orders: orders[side] })) return null;
  const w = advance(
    rules,
    s,
    { us: orders.us.map(canonicalOrder), cn: orders.cn.map(canonicalOrder) },
    s.rng,
  );
  return { ...w, meta: { ...w.meta, moveCount: s.meta.moveCount + 2 } };
}
