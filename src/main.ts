// The app's entry: the menu of shipped scenarios and, for each, who holds the upper hand at its
// opening — read from the same engine the game plays with.
import { parse } from 'yaml';
import busan from '../scenarios/road-to-busan.yaml?raw';
import { explainHand, headline, leverage, newGame, rulesFor } from './engine';
import { ScenarioSchema } from './scenario/schema';

function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text; // scenario text is always text, never HTML
  return node;
}

function render(root: HTMLElement) {
  const scenario = ScenarioSchema.parse(parse(busan));
  const rules = rulesFor(scenario);
  const state = newGame(scenario, 'menu');
  const lev = leverage(rules, state);
  const h1 = el('h1', 'Upper Hand');
  const section = el('section');
  section.setAttribute('aria-label', scenario.meta.title);
  section.append(
    el('h2', scenario.meta.title),
    el('p', `${scenario.meta.period} · about ${scenario.meta.minutes} minutes`),
    el('p', scenario.meta.summary),
    el('h3', 'Who has the upper hand?'),
    el('p', headline(rules, lev)),
  );
  const list = el('ul');
  for (const side of ['us', 'cn'] as const)
    for (const line of explainHand(rules, lev.hands[side]).slice(0, 3)) list.append(el('li', line.text));
  section.append(list);
  root.replaceChildren(h1, section);
}

render(document.getElementById('app')!);
