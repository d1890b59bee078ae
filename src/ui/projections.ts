// The numbers the table projects, in one place: each side's standing (its projected final score if
// both sides hold still from here, on the score's one scale: 0 is standing still, 100 as well off
// as opening day's conditions held) and the one-line preview of a set of orders (the change in both
// sides' projected scores, and the next turn's leverage and tension, if the other side holds still).
// Worked out from the engine on copies: nothing here changes the game or draws from its streams.
import type { BySide, GameState, Order, Scenario, Side } from '../engine';
import { leverage, noDealLine, previewOrders, rulesFor, SIDES } from '../engine';
import { playOut } from '../store/preview';

export interface Standing {
  readonly median: number;
  readonly low: number;
  readonly high: number;
}

export interface OrderPreview {
  readonly scoreDelta: BySide<number>; // change in each side's projected score
  readonly leverageNext: number; // Washington's share of leverage next turn
  readonly tensionNext: number; // tenths
}

const standings = new WeakMap<GameState, BySide<Standing>>();

/** A summed utility (tenths) on the score's scale, against the game's no-deal line. */
function onScale(scenario: Scenario, s: GameState, util: BySide<number>): BySide<number> {
  const line = noDealLine(scenario, s.seed, s.setup);
  const out = { us: 0, cn: 0 };
  for (const side of SIDES) {
    const loss = line.loss[side];
    out[side] = loss > 0 ? (100 * (util[side] - line.util[side])) / loss : 0;
  }
  return out;
}

/** Each side's projected final score if both hold still from `s`. */
export function standing(scenario: Scenario, s: GameState): BySide<Standing> {
  const hit = standings.get(s);
  if (hit) return hit;
  const score = onScale(scenario, s, playOut(scenario, s));
  const point = (x: number) => ({ median: x, low: x, high: x });
  const out = { us: point(score.us), cn: point(score.cn) };
  standings.set(s, out);
  return out;
}

const previews = new WeakMap<GameState, Map<string, OrderPreview | null>>();

/**
 * What `orders` by `side` would do if the other side gives none: null when the engine refuses them
 * or the turn is not at its orders. The other side's hidden draft is never read.
 */
export function previewOrderSet(
  scenario: Scenario,
  s: GameState,
  side: Side,
  orders: readonly Order[],
): OrderPreview | null {
  let cache = previews.get(s);
  if (!cache) {
    cache = new Map();
    previews.set(s, cache);
  }
  const key = `${side}|${JSON.stringify(orders)}`;
  if (cache.has(key)) return cache.get(key) ?? null;
  let result: OrderPreview | null = null;
  if (s.phase === 'orders') {
    const open = { ...s, drafts: { us: null, cn: null } };
    const byBoth: BySide<readonly Order[]> = side === 'us' ? { us: orders, cn: [] } : { us: [], cn: orders };
    const next = previewOrders(scenario, open, byBoth);
    const still = previewOrders(scenario, open, { us: [], cn: [] });
    if (next && still) {
      const a = onScale(scenario, s, playOut(scenario, next));
      const b = onScale(scenario, s, playOut(scenario, still));
      result = {
        scoreDelta: { us: a.us - b.us, cn: a.cn - b.cn },
        leverageNext: leverage(rulesFor(scenario), next).us,
        tensionNext: next.tension,
      };
    }
  }
  cache.set(key, result);
  return result;
}
