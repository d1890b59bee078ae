// The line a student reads for an AI move, rendered from its note (never stored as text): one or two
// plain sentences naming the levers, the numbers and the source by its title. A `say:` note
// (ai-say.ts) carries the ids and numbers its sentence needs and a variant, so the same kind of move
// reads differently within a game; a rule speaks in its own words and cites its source's title;
// older notes (`search:…`, `template:…`) still render. No internal code or file id reaches the
// screen. Kept in the engine, beside explain.ts, because the reason code is part of the game record:
// the debrief words it without loading the AI.
import type { Rule, Template } from '../model/profile-schema';
import { readSay, type Said, tokenClause } from './ai-say';
import type { Clause, Move, Order, RejectReason, Scenario, Side } from './types';

type Source = { source?: string | undefined; quote?: string | undefined };

/** A document's title, from the scenario's list (the file name only if the list lacks it). */
function titleOf(scenario: Scenario, file: string): string {
  const doc = scenario.documents.find((d) => d.file === file);
  return doc ? `“${doc.title}” (${doc.outlet})` : 'the sources';
}

const cite = (scenario: Scenario, x: Source) =>
  x.source && x.quote ? `: “${x.quote}” — ${titleOf(scenario, x.source)}` : ' (a design estimate)';

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

const nameOf = (scenario: Scenario, side: Side) => scenario.sides[side].name;
const otherOf = (side: Side): Side => (side === 'us' ? 'cn' : 'us');

/** A list in words: "a, b and c". */
function list(xs: readonly string[]): string {
  if (xs.length <= 1) return xs[0] ?? '';
  return `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}`;
}

const lower = (s: string) =>
  s.length > 1 && s[1] !== s[1]!.toUpperCase() ? s[0]!.toLowerCase() + s.slice(1) : s;

/** A clause in words. */
function clauseWords(scenario: Scenario, c: Clause): string {
  switch (c.kind) {
    case 'instrument': {
      const inst = scenario.instruments.find((i) => i.id === c.instrument);
      if (!inst) return 'a change of level';
      return `${lower(inst.short ?? inst.name)} at ${inst.levels[c.level]?.label ?? `level ${c.level}`}`;
    }
    case 'pledge': {
      const item = scenario.commitments.find((x) => x.id === c.item);
      return `${lower(item?.name ?? 'a purchase pledge')}, ${c.size}${c.condition ? ', tied to its condition' : ''}`;
    }
    case 'commitment': {
      const item = scenario.commitments.find((x) => x.id === c.item);
      return `${lower(item?.name ?? 'a commitment')}${c.condition ? ' (tied to its condition)' : ''}`;
    }
    case 'statement':
      return lower(scenario.statements.find((x) => x.id === c.statement)?.name ?? 'a statement');
  }
}

function giverOf(scenario: Scenario, c: Clause): Side | null {
  if (c.kind === 'instrument') return scenario.instruments.find((i) => i.id === c.instrument)?.owner ?? null;
  if (c.kind === 'statement') return null;
  return scenario.commitments.find((x) => x.id === c.item)?.side ?? null;
}

/** A package as what the side gives and what it asks for. */
function packageWords(scenario: Scenario, side: Side, clauses: readonly Clause[]): string {
  const gives = clauses.filter((c) => giverOf(scenario, c) !== otherOf(side));
  const asks = clauses.filter((c) => giverOf(scenario, c) === otherOf(side));
  const g = list(gives.map((c) => clauseWords(scenario, c)));
  const a = list(asks.map((c) => clauseWords(scenario, c)));
  if (g && a) return `it offers ${g}, and asks for ${a}`;
  if (g) return `it offers ${g}`;
  return `it asks for ${a}`;
}

const tokens = (scenario: Scenario, field: string | undefined): Clause[] =>
  (field ?? '')
    .split(',')
    .filter((x) => x.length > 0)
    .flatMap((t) => {
      const c = tokenClause(scenario, t);
      return c ? [c] : [];
    });

/** An order in words. */
function orderWords(scenario: Scenario, o: Order, levels?: Readonly<Record<string, number>>): string {
  if (o.kind === 'build')
    return `starts building ${lower(scenario.alternatives.find((a) => a.id === o.alternative)?.name ?? 'an alternative')}`;
  if (o.kind === 'extend') return 'extends the truce';
  const inst = scenario.instruments.find((i) => i.id === o.instrument);
  const name = lower(inst?.short ?? inst?.name ?? 'an instrument');
  if (o.kind === 'withdraw') return `withdraws its announced rise of ${name}`;
  const label = inst?.levels[o.level]?.label ?? `level ${o.level}`;
  if (o.kind === 'announce') return `announces ${name} at ${label} from turn ${o.turn + 1}`;
  const now = levels?.[o.instrument];
  if (now === undefined) return `sets ${name} at ${label}`;
  return `${o.level > now ? 'raises' : 'lowers'} ${name} to ${label}`;
}

/** The profile's own source for a side, by title (for sentences that stand on its character). */
function profileSource(scenario: Scenario, side: Side): string {
  const p = scenario.profiles.find((x) => x.side === side);
  return p?.params.source ? titleOf(scenario, p.params.source) : '';
}

const REASON: Record<RejectReason, string> = {
  'too-little': 'it gives too little for what it asks',
  distrust: 'it rests on promises that have not been kept',
  timing: 'it is not the moment',
  face: 'it cannot be seen to yield right after being pressed',
  linkage: 'it ties together what should stay apart',
};

function sayLine(scenario: Scenario, move: Move, said: Said): string {
  if (move.side === 'control') return '';
  const name = nameOf(scenario, move.side);
  const other = nameOf(scenario, otherOf(move.side));
  const v = said.variant;
  const f = said.fields;
  const pkg = move.type === 'propose' ? packageWords(scenario, move.side, move.clauses) : '';
  switch (said.kind) {
    case 'open': {
      const src = profileSource(scenario, move.side);
      const from = src ? ` (as ${src} reports)` : '';
      return [
        `${name} opens the talks${from}: ${pkg}.`,
        `${name} makes its opening bid${from}: ${pkg}. It is an anchor, not its last word.`,
        `${name} puts its first offer on the table${from}: ${pkg}.`,
      ][v % 3]!;
    }
    case 'bid':
      return [
        `${name} proposes again: ${pkg}.`,
        `${name} tries a new package: ${pkg}.`,
        `${name} moves its position: ${pkg}.`,
      ][v % 3]!;
    case 'next':
      return [
        `With a deal in force, ${name} proposes the next step: ${pkg}.`,
        `${name} builds on the deal in force: ${pkg}.`,
        `${name} wants more than the deal in force: ${pkg}.`,
      ][v % 3]!;
    case 'counter': {
      const added = list(tokens(scenario, f[0]).map((c) => clauseWords(scenario, c)));
      const dropped = list(tokens(scenario, f[1]).map((c) => clauseWords(scenario, c)));
      const change = [added ? `adds ${added}` : '', dropped ? `drops ${dropped}` : '']
        .filter(Boolean)
        .join(' and ');
      return [
        `${name} counters from ${other}’s offer: it keeps most of it${change ? ` and ${change}` : ''}. In all, ${pkg}.`,
        `${name} answers with its own version of ${other}’s package${change ? `: it ${change}` : ''}.`,
        `${name} reworks ${other}’s offer${change ? ` — it ${change}` : ''}: ${pkg}.`,
      ][v % 3]!;
    }
    case 'accept': {
      const worth = Number(f[0]) || 0;
      if (f[1] === 'last')
        return [
          `${name} accepts: with the deadline close, ${worth} points over holding still is worth taking.`,
          `${name} takes the deal: it brings ${worth} points over holding still, and time is running out.`,
          `${name} signs: ${worth} points better than holding still, this late, is enough.`,
        ][v % 3]!;
      return [
        `${name} accepts: the package is worth about ${worth} points to it, as much as it would ask for itself.`,
        `${name} agrees: at about ${worth} points to it, the offer matches what it would propose next.`,
        `${name} signs the package, worth about ${worth} points to it.`,
      ][v % 3]!;
    }
    case 'reject': {
      const worth = Number(f[0]) || 0;
      const need = Number(f[1]) || 0;
      const added = list(tokens(scenario, f[2]).map((c) => clauseWords(scenario, c)));
      const dropped = list(tokens(scenario, f[3]).map((c) => clauseWords(scenario, c)));
      const why = move.type === 'reject' ? REASON[move.reason] : REASON['too-little'];
      const pts = `The offer is worth ${worth} points to it; it asks about ${need}.`;
      if (added && dropped) return `${name} wants ${added} before it agrees to ${dropped}. ${pts}`;
      if (added) return `${name} rejects: it wants ${added} as well. ${pts}`;
      if (dropped) return `${name} rejects: it cannot give ${dropped}. ${pts}`;
      return `${name} rejects: ${why}. ${pts}`;
    }
    case 'pass': {
      const n = Number(f[1]) || 0;
      if (f[0] === 'made')
        return [
          `${name} has made its offer for this turn and waits for the orders.`,
          `${name} says no more this turn: its proposal has been heard.`,
          `${name} stops talking for now, after ${n === 1 ? 'one proposal' : `${n} proposals`} this turn.`,
        ][v % 3]!;
      if (f[0] === 'deal')
        return [
          `${name} holds: the deal signed in turn ${n} is in force, and it waits to see it delivered.`,
          `${name} asks for nothing new: the turn-${n} deal stands.`,
          `${name} lets the turn-${n} deal work before asking for more.`,
        ][v % 3]!;
      return [
        `${name} holds in turn ${n}: nothing it could offer is worth more to both sides than holding still.`,
        `${name} waits in turn ${n}: it has offered what it can for now.`,
        `${name} holds to its last offer in turn ${n} and lets ${other} move.`,
      ][v % 3]!;
    }
    case 'announce': {
      const demand = list(tokens(scenario, f[0]).map((c) => clauseWords(scenario, c)));
      const orders = move.type === 'orders' ? list(move.orders.map((o) => orderWords(scenario, o))) : '';
      return `${name} ${orders}, unless ${other} agrees to ${demand || 'a deal'} first: a threat a package can withdraw.`;
    }
    default:
      return `${name} makes its move.`;
  }
}

function searchLine(scenario: Scenario, name: string, term: string, move: Move): string {
  switch (term) {
    case 'threshold':
      return move.type === 'accept'
        ? `${name} accepts: the package gives it at least the share of its target it still insists on`
        : `${name} rejects: ${move.type === 'reject' ? REASON[move.reason] : 'it asks for more'}`;
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
      return scenario ? `${name} makes the only move left` : '';
  }
}

/** What a set of orders does, as a clause to add to its reason. */
function ordersTail(scenario: Scenario, move: Move, levels?: Readonly<Record<string, number>>): string {
  if (move.type !== 'orders' || move.orders.length === 0) return '';
  return ` (it ${list(move.orders.map((o) => orderWords(scenario, o, levels)))})`;
}

/**
 * The sentence for an AI move's reason, from its note. `levels`, the instruments' levels before the
 * move, lets an order read "raises" or "lowers".
 */
export function describeAiMove(
  scenario: Scenario,
  move: Move,
  levels?: Readonly<Record<string, number>>,
): string {
  const name = move.side === 'control' ? 'The instructor' : scenario.sides[move.side].name;
  const code = move.ai?.code;
  if (!code) return '';
  if (code === 'random') return `${name} plays at random (the baseline opponent)`;
  const said = readSay(code);
  if (said) return sayLine(scenario, move, said);
  const [kind, id = ''] = [code.slice(0, code.indexOf(':')), code.slice(code.indexOf(':') + 1)];
  if (kind === 'rule') {
    const r = findRule(scenario, id);
    return r
      ? `${r.text}${cite(scenario, r)}${ordersTail(scenario, move, levels)}`
      : `${name} follows its own rule`;
  }
  if (kind === 'template') {
    const t = findTemplate(scenario, id);
    const pkg = move.type === 'propose' ? `: ${packageWords(scenario, move.side as Side, move.clauses)}` : '';
    return t
      ? `${name} opens from history, ${t.name}${cite(scenario, t)}${pkg}`
      : `${name} opens from history${pkg}`;
  }
  return `${searchLine(scenario, name, id, move)}${ordersTail(scenario, move, levels)}`;
}
