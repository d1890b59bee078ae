// Leverage in words: each side's cards in order, what each is worth and why — the line a student
// reads beside the meter ("Beijing's biggest card is lifting the soybean boycott, worth 4.8 to you
// over two turns; your 55% threat counts 1.1, because …"). Built from the cards, never stored.
import type { Card, Hand, Leverage } from './leverage';
import type { Rules } from './rules';
import type { Side } from './types';

const fmt = (x: number) => (Math.round(x * 10) / 10).toFixed(1);
const pct = (x: number) => `${Math.round(x * 100)}%`;
const turnsWord = (h: number) => (h === 1 ? 'one turn' : h === 2 ? 'two turns' : `${h} turns`);
/**
 * A name inside a sentence: its first letter small, unless its first word is an acronym, a name
 * written with a capital inside (“TikTok”) or one of `proper` (“Nvidia ban” stays); names within it
 * keep theirs (“Chip controls” → “chip controls”; “US tariff” stays). The AI's reasons use it too.
 */
export const lowerFirst = (name: string, proper: ReadonlySet<string> = NONE) => {
  const first = /^[A-Z][a-z]+(?![\w])/.exec(name)?.[0];
  return first && !proper.has(first) ? name[0]!.toLowerCase() + name.slice(1) : name;
};
const NONE: ReadonlySet<string> = new Set();

export interface CardLine {
  readonly card: Card;
  readonly text: string;
}

/** One card as a sentence, from the point of view of the side it is played against. */
export function describeCard(rules: Rules, hand: Hand, card: Card): string {
  const inst = rules.instruments.get(card.instrument)!;
  const owner = rules.scenario.sides[hand.side].name;
  const from = inst.levels[card.from]?.label ?? '';
  const to = inst.levels[card.to]?.label ?? '';
  const name = inst.short ?? inst.name;
  const H = rules.scenario.params.H;
  if (card.kind === 'release')
    return `${owner} could lift ${name} from “${from}”: worth ${fmt(card.value)} over ${turnsWord(H)} (${fmt(card.harm)} a turn).`;
  const why: string[] = [];
  const target = hand.target;
  const absorbed = rules.indicatorsOf[target]
    .filter((i) => (inst.levels[card.to]?.effects[i.id] ?? 0) < 0)
    .map((i) => lowerFirst(i.name));
  if (absorbed.length) why.push(`it hits ${absorbed.join(' and ')}`);
  why.push(`${rules.scenario.sides[target].name} believes it ${pct(card.belief)}`);
  if (card.cost > 0) why.push(`it would cost ${owner} ${fmt(card.cost)} a turn`);
  const verb = card.kind === 'announced' ? 'the announced move' : 'the threat';
  const counted = card.counted ? '' : ' (not counted: only the largest threats fit the action budget)';
  return `${owner}: ${verb} of ${name} from “${from}” to “${to}” counts ${fmt(card.value)}, because ${why.join(', ')}${counted}.`;
}

export function explainHand(rules: Rules, hand: Hand): CardLine[] {
  return hand.cards.map((card) => ({ card, text: describeCard(rules, hand, card) }));
}

/** The headline: who holds the upper hand and by how much. */
export function headline(rules: Rules, l: Leverage, reader?: Side): string {
  const { us, cn } = rules.scenario.sides;
  if (l.atStake === 0) return 'Neither side holds a card over the other.';
  const leader: Side = l.us >= 0.5 ? 'us' : 'cn';
  const share = leader === 'us' ? l.us : l.cn;
  const name = leader === 'us' ? us.name : cn.name;
  const you = reader === leader ? ' (you)' : '';
  return `${name}${you} holds the upper hand: ${pct(share)} of ${fmt(l.atStake)} at stake.`;
}
