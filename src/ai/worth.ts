// What signing the offer on the table is worth to the AI on the one score scale, by the engine's own
// turn kernel: its projected final score if the offer is signed and then neither side moves again,
// minus holding still from now — the figure a player's package preview shows. It runs from the AI's
// own view (its `Seen`: no random streams, not the other side's secrets) under a few of the fixed
// preview seeds, never the game's dice. It is dearer than the look-ahead's linear tables, so the AI
// asks it only where a deadline makes the decision final.
import type { BySide, Dice, Scenario, World } from '../engine/index.ts';
import { diceOf, heldFrom, noDealLine, PREVIEW_SEEDS, sign, unscorable } from '../engine/index.ts';
import type { Seen } from './seen.ts';

/** The preview seeds the AI judges an offer under: the first few of the players' twenty. */
const SEEDS = PREVIEW_SEEDS.slice(0, 3);

/**
 * The open proposal's worth to the side that sees it, in score points (the median over the seeds), or
 * null when the kernel refuses to evaluate it (the reason is the engine's; the AI then does not sign).
 * Asked whether it reaches `atLeast`, it stops once most seeds fall short, since the median then does
 * too: it returns null, as for an offer it would not sign. Signing casts no die, so the offer is
 * signed (or refused) once and played on under each seed.
 */
export function openOfferWorth(seen: Seen, atLeast = Number.NEGATIVE_INFINITY): number | null {
  const open = seen.s.round.talks.open;
  if (!open || open.by === seen.side) return null;
  if (unscorable(seen.scenario)) return null;
  const signed = sign(seen.scenario, seen.s, open.by, null);
  if (!signed.ok) return null;
  const xs: number[] = [];
  let short = 0;
  for (const seed of SEEDS) {
    const dice = diceOf(seed);
    const zero = noDealLine(seen.scenario, seed, seen.s.meta.setup).util;
    const still = heldStill(seen, seed, dice, zero);
    const x = heldFrom(seen.scenario, signed.state, dice, zero).score[seen.side] - still;
    xs.push(x);
    if (x < atLeast && ++short > SEEDS.length >> 1) return null;
  }
  xs.sort((a, b) => a - b);
  return xs[(xs.length - 1) >> 1] ?? null;
}

/**
 * Holding still from the standing, the side's score under one seed: the same for every offer of a
 * turn's talks, so kept by the world (states are immutable) with what else it reads — the turn, the
 * phase, and the setup. Only while no orders are drafted (in talks, as an answer is).
 */
const stillBy = new WeakMap<Scenario, WeakMap<World, Map<string, number>>>();

function heldStill(seen: Seen, seed: string, dice: Dice, zero: BySide<number>): number {
  const eval_ = () => heldFrom(seen.scenario, seen.s, dice, zero).score[seen.side];
  const { round, world, meta } = seen.s;
  if (round.drafts.us !== null || round.drafts.cn !== null) return eval_();
  let byWorld = stillBy.get(seen.scenario);
  if (!byWorld) {
    byWorld = new WeakMap();
    stillBy.set(seen.scenario, byWorld);
  }
  let kept = byWorld.get(world);
  if (!kept) {
    kept = new Map();
    byWorld.set(world, kept);
  }
  const key = `${seen.side} ${round.turn} ${round.phase} ${seed} ${JSON.stringify(meta.setup)}`;
  const hit = kept.get(key);
  if (hit !== undefined) return hit;
  const v = eval_();
  kept.set(key, v);
  return v;
}
