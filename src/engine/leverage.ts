// Leverage: who holds the upper hand, as DESIGN.md defines it, computed from the tables alone.
// Each side's hand is a list of cards — the threat of one more step, an announced change, or the
// release of what it already imposes — each worth H turns of the harm it does, discounted by how far
// the other side believes it and by what it costs its owner. The cards are kept so the number can
// always be explained. Leverage never draws from the game's random streams and never feeds the score.
import type { Rules } from './rules.ts';
import type { Announcement, BySide, Side, World } from './types.ts';
import { other } from './types.ts';

export type LeverageInput = Pick<World, 'levels' | 'alt' | 'resolve' | 'announcements'>;

export type CardKind = 'threat' | 'announced' | 'release';

export interface Card {
  readonly instrument: string;
  readonly kind: CardKind;
  readonly from: number; // current level
  readonly to: number; // the level threatened (or 0 for a release)
  readonly harm: number; // utility a turn the move takes from the target (alternatives applied)
  readonly cost: number; // utility a turn it costs the owner (positive: a cost)
  readonly belief: number; // resolve (threats), resolve + δ capped at 1 (announced), 1 (releases)
  readonly value: number; // H × (belief × harm − λ × cost), at least 0
  readonly counted: boolean; // threats beyond the k largest do not count
}

export interface Hand {
  readonly side: Side; // the holder
  readonly target: Side;
  readonly sigma: number; // the target's pain sensitivity
  readonly cards: readonly Card[]; // largest first
  readonly total: number; // T: σ_target × the counted cards
}

export interface Leverage {
  readonly us: number; // L_us in [0, 1]
  readonly cn: number; // 1 − L_us
  readonly hands: BySide<Hand>;
  readonly atStake: number; // T_us→cn + T_cn→us
}

/**
 * Each instrument level's effects on a side as pairs of indicator and weight × effect (tenths),
 * in the order of the side's indicators: what levelUtility sums, worked out once for the rules.
 */
const termsByRules = new WeakMap<Rules, Map<string, BySide<(readonly [string, number])[][]>>>();

function levelTerms(rules: Rules, instrument: string): BySide<(readonly [string, number])[][]> | undefined {
  let byInstrument = termsByRules.get(rules);
  if (!byInstrument) {
    byInstrument = new Map();
    termsByRules.set(rules, byInstrument);
  }
  let terms = byInstrument.get(instrument);
  if (!terms) {
    const inst = rules.instruments.get(instrument);
    if (!inst) return undefined;
    const of = (on: Side) =>
      inst.levels.map((lv) => {
        const out: (readonly [string, number])[] = [];
        for (const ind of rules.indicatorsOf[on]) {
          const e = lv.effects[ind.id];
          if (e !== undefined) out.push([ind.id, ind.weight * (e / 10)]);
        }
        return out;
      });
    terms = { us: of('us'), cn: of('cn') };
    byInstrument.set(instrument, terms);
  }
  return terms;
}

/** Per-turn utility effect of an instrument at a level on one side (points, harm negative). */
export function levelUtility(
  rules: Rules,
  alt: Record<string, number>,
  instrument: string,
  level: number,
  on: Side,
) {
  const terms = levelTerms(rules, instrument)?.[on][level];
  if (!terms) return 0;
  let u = 0;
  for (const [id, we] of terms) u += we * (1 - (alt[id] ?? 0));
  return u;
}

function makeCard(
  rules: Rules,
  input: LeverageInput,
  owner: Side,
  instrument: string,
  kind: CardKind,
  to: number,
  belief: number,
): Card {
  const from = input.levels[instrument] ?? 0;
  const target = other(owner);
  const d = (l: number) => levelUtility(rules, input.alt, instrument, l, target);
  const c = (l: number) => levelUtility(rules, input.alt, instrument, l, owner);
  const { H, lambda } = rules.scenario.params;
  if (kind === 'release') {
    const harm = d(0) - d(from);
    return { instrument, kind, from, to: 0, harm, cost: 0, belief: 1, value: H * harm, counted: true };
  }
  const harm = d(from) - d(to);
  const cost = c(from) - c(to);
  const value = H * Math.max(0, belief * harm - lambda * cost);
  return { instrument, kind, from, to, harm, cost, belief, value, counted: true };
}

/** The cards one side holds over the other. */
export function handOf(rules: Rules, input: LeverageInput, side: Side): Hand {
  const target = other(side);
  const { k, delta } = rules.scenario.params;
  const resolve = input.resolve[side];
  const threats: Card[] = [];
  const fixed: Card[] = [];
  for (const id of rules.instrumentIds) {
    const inst = rules.instruments.get(id)!;
    if (inst.owner !== side) continue;
    const level = input.levels[id] ?? 0;
    const pending: Announcement | undefined = input.announcements[id];
    if (pending && pending.by === side && pending.level > level) {
      fixed.push(makeCard(rules, input, side, id, 'announced', pending.level, Math.min(1, resolve + delta)));
    } else if (level < inst.levels.length - 1) {
      threats.push(makeCard(rules, input, side, id, 'threat', level + 1, resolve));
    }
    if (level > 0) {
      const release = makeCard(rules, input, side, id, 'release', 0, 1);
      if (release.value > 0) fixed.push(release);
    }
  }
  const byValue = (a: Card, b: Card) => b.value - a.value || (a.instrument < b.instrument ? -1 : 1);
  threats.sort(byValue);
  const counted = threats.map((c, i) => (i < k && c.value > 0 ? c : { ...c, counted: false }));
  const cards = [...counted, ...fixed].filter((c) => c.value > 0).sort(byValue);
  const sigma = rules.scenario.sides[target].sigma;
  const total = sigma * cards.reduce((s, c) => s + (c.counted ? c.value : 0), 0);
  return { side, target, sigma, cards, total };
}

/** L_us = T_us→cn / (T_us→cn + T_cn→us); 0.5 when neither side holds anything. */
// A game state never changes (the reducer returns frozen states), so its leverage is worked out
// once: the table, the top bar, the debrief, the results and the charts of a whole game all ask for
// the same states'.
const known = new WeakMap<LeverageInput, { rules: Rules; leverage: Leverage }>();

export function leverage(rules: Rules, input: LeverageInput): Leverage {
  const hit = known.get(input);
  if (hit?.rules === rules) return hit.leverage;
  const out = leverageOnce(rules, input);
  // only frozen inputs: a search's scratch state may still be changed after this call
  if (Object.isFrozen(input)) known.set(input, { rules, leverage: out });
  return out;
}

/**
 * Leverage worked out afresh and not kept, for a caller that asks once for each state: the
 * simulator, every turn of a thousand games (kept in the WeakMap, each would live on until a full
 * collection; see recent.ts).
 */
export function leverageOnce(rules: Rules, input: LeverageInput): Leverage {
  const us = handOf(rules, input, 'us');
  const cn = handOf(rules, input, 'cn');
  const atStake = us.total + cn.total;
  const lus = atStake > 0 ? us.total / atStake : 0.5;
  return { us: lus, cn: 1 - lus, hands: { us, cn }, atStake };
}
