// Leverage in words: each side's cards in order, what each is worth and why — the line a student
// reads beside the meter ("Beijing's biggest card is lifting the soybean boycott, worth 4.8 to you
// over two turns; your 55% threat counts 1.1, because …"). Built from the cards, never stored.
import type { Card, Hand, Leverage } from './leverage.ts';
import type { Rules } from './rules.ts';
import type { Scenario, Side } from './types.ts';

const fmt = (x: number) => (Math.round(x * 10) / 10).toFixed(1);
const pct = (x: number) => `${Math.round(x * 100)}%`;
const turnsWord = (h: number) => (h === 1 ? 'one turn' : h === 2 ? 'two turns' : `${h} turns`);
/**
 * A name inside a sentence: its first letter small, unless its first word is an acronym, a word
 * written with a capital inside (“TikTok”), or a word the scenario's own names capitalise inside a
 * name (“China's ban on buying Nvidia chips”, so “Nvidia ban” stays); names within it keep theirs
 * (“Chip controls” → “chip controls”; “US tariff” stays). The AI's reasons use it too.
 */
export function inSentence(scenario: Scenario, name: string): string {
  const first = /^[A-Z][a-z]+(?![\w])/.exec(name)?.[0];
  return first && !properWords(scenario).has(first) ? name[0]!.toLowerCase() + name.slice(1) : name;
}

/** The words a scenario's names write with a capital after their first word: its proper nouns. */
function properWords(sc: Scenario): ReadonlySet<string> {
  const kept = properBy.get(sc);
  if (kept) return kept;
  const words = new Set<string>();
  const names = [
    ...sc.indicators.map((i) => i.name),
    ...sc.instruments.flatMap((i) => [i.name, i.short ?? '', ...i.levels.map((l) => l.label)]),
    ...sc.commitments.map((c) => c.name),
    ...sc.statements.map((x) => x.name),
    ...sc.alternatives.map((a) => a.name),
  ];
  for (const n of names)
    for (const w of n.split(/[\s(),;:/“”"-]+/).slice(1))
      if (/^[A-Z][a-z]/.test(w)) words.add(w.replace(/['’]s$/, ''));
  properBy.set(sc, words);
  return words;
}
const properBy = new WeakMap<Scenario, ReadonlySet<string>>();

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
    .map((i) => inSentence(rules.scenario, i.name));
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
