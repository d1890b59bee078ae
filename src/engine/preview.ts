// Look-ahead on plain data, for the AI and the tools: what the end of this turn would bring if both
// sides gave these orders — the same code as the reducer's end of turn, run on a plain working copy
// with no immer draft and no freezing, so a search can try many branches cheaply. Also the one
// step of the seeded streams, which the AI uses to seed its own generator from its `ai` stream.
import { rulesFor } from './rules';
import { endTurn, workingCopy } from './turn';
import type { BySide, GameState, Order, Scenario } from './types';
import { checkMove } from './validate';

export { draw } from './rng';

/**
 * The state after both sides give these orders now (talks over, phase `orders`, no orders in yet);
 * null if either set of orders is illegal here. The input is not changed; the result is not frozen.
 */
export function previewOrders(
  scenario: Scenario,
  s: GameState,
  orders: BySide<readonly Order[]>,
): GameState | null {
  const rules = rulesFor(scenario);
  if (s.phase !== 'orders' || s.drafts.us !== null || s.drafts.cn !== null) return null;
  for (const side of ['us', 'cn'] as const)
    if (checkMove(rules, s, { type: 'orders', side, orders: orders[side] })) return null;
  const w = workingCopy(s);
  w.moveCount += 2;
  w.drafts = { us: orders.us, cn: orders.cn };
  endTurn(rules, w);
  return w;
}
