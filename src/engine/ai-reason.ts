// The line a student reads for an AI move, rendered from its reason code (never stored as text):
// a rule's own words and its source ("Beijing answers in proportion: “… take necessary measures to
// resolutely safeguard our legitimate rights and interests” — 004"), a template's name, or a fixed
// phrase for each search term. Kept in the engine, beside explain.ts, because the reason code is
// part of the game record: the debrief words it without loading the AI.

import type { Rule, Template } from '../model/profile-schema';
import type { Move, Scenario } from './types';

const cite = (x: { source?: string | undefined; quote?: string | undefined }) =>
  x.source && x.quote ? `: “${x.quote}” — ${x.source.slice(0, 3)}` : ' (a design estimate)';

function findRule(scenario: Scenario, id: string): Rule | undefined {
  for (const p of scenario.profiles) {
    const r = p.rules.find((x) => x.id === id);
    if (r) return r;
  }
  return undefined;
}

function findTemplate(scenario: Scenario, id: string): Template | undefined {
  for (const p of scenario.profiles) {
    const t = p.templates.find((x) => x.id === id);
    if (t) return t;
  }
  return undefined;
}

function searchLine(name: string, term: string, move: Move): string {
  switch (term) {
    case 'threshold':
      return move.type === 'accept'
        ? `${name} accepts: the package gives it at least the share of its target it still insists on`
        : `${name} rejects (${move.type === 'reject' ? move.reason : 'no'}): the package gives it less than the share of its target it still insists on`;
    case 'target':
      return `${name} proposes the package that best balances both sides’ gains for the leverage it holds`;
    case 'logroll':
      return `${name} proposes a logrolled package: what is cheap for it and dear to the other side`;
    case 'hold':
      return move.type === 'orders'
        ? `${name} holds its ground: no order is worth its cost now`
        : `${name} has nothing better to offer now`;
    case 'build':
      return `${name} improves its fallback by building alternatives`;
    case 'utility':
      return `${name} does what pays at home over the turns ahead`;
    case 'leverage':
      return `${name} moves to strengthen its hand at the table`;
    case 'deal':
      return `${name} keeps the deal in force`;
    case 'tension':
      return `${name} steps back from the brink: tension is too high`;
    case 'look-ahead':
      if (move.type === 'propose')
        return `${name} makes the offer that, played on a few turns, leaves it best placed`;
      return move.type === 'orders' && move.orders.length === 0
        ? `${name} gives no orders: played on a few turns, holding still leaves it better placed`
        : `${name} gives the orders that, played on a few turns, leave it best placed`;
    case 'readout':
      return move.type === 'readout' && move.style === 'trumpet'
        ? `${name} trumpets the deal at home`
        : `${name} keeps its readout of the deal modest`;
    default:
      return `${name} makes the only move left`;
  }
}

/** The sentence for an AI move's reason, from its code. */
export function describeAiMove(scenario: Scenario, move: Move): string {
  const name = move.side === 'control' ? 'The instructor' : scenario.sides[move.side].name;
  const code = move.ai?.code;
  if (!code) return '';
  if (code === 'random') return `${name} plays at random (the baseline opponent)`;
  const [kind, id = ''] = [code.slice(0, code.indexOf(':')), code.slice(code.indexOf(':') + 1)];
  if (kind === 'rule') {
    const r = findRule(scenario, id);
    return r ? `${r.text}${cite(r)}` : `${name} follows its rule ${id}`;
  }
  if (kind === 'template') {
    const t = findTemplate(scenario, id);
    return t ? `${name} opens from history, ${t.name}${cite(t)}` : `${name} opens from a template`;
  }
  return searchLine(name, id, move);
}
