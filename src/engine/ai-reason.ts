// The line a student reads for an AI move, rendered from its reason code (never stored as text):
// what the move does in plain words (the levers and their levels, the promises), why (a rule's own
// words and its source by its title — “Beijing answers in proportion … (Title)” — a template's
// name, or a phrase for each search term), never an internal code or a source's file name. The same
// kind of move is worded by one of a few templates, chosen by the move's place in the game, so a
// game's feed does not repeat itself word for word. Kept in the engine, beside explain.ts, because
// the reason code is part of the game record: the debrief words it without loading the AI.

import type { Rule, Template } from '../model/profile-schema';
import { dateOf, rulesFor } from './rules';
import type { Clause, Move, Order, Scenario } from './types';

/** Where the move stands in its game: its index in the record and the turn it was made in. */
export interface AiMoveContext {
  readonly index?: number;
  readonly turn?: number;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const fmtDate = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number);
  return `${d} ${MONTHS[(m ?? 1) - 1]} ${y}`;
};

/** One of a few wordings, chosen by the move's place in the game. */
const pickOf = <T>(xs: readonly T[], k: number): T => xs[((k % xs.length) + xs.length) % xs.length]!;

/** The source's title, or nothing when the scenario does not list it (never its file name). */
function titleOf(scenario: Scenario, file: string | undefined): string | undefined {
  return file ? scenario.documents.find((d) => d.file === file)?.title : undefined;
}

function cite(scenario: Scenario, x: { source?: string | undefined; quote?: string | undefined }, k: number) {
  const title = titleOf(scenario, x.source);
  if (!x.quote) return '';
  if (!title) return ` (“${x.quote}”)`;
  return pickOf(
    [` (“${x.quote}” — ${title})`, `, as “${title}” reports: “${x.quote}”`, ` — “${x.quote}” (${title})`],
    k,
  );
}

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

function instName(sc: Scenario, id: string): string {
  const i = sc.instruments.find((x) => x.id === id);
  return i?.short ?? i?.name ?? 'an instrument';
}

function levelLabel(sc: Scenario, id: string, level: number): string {
  return sc.instruments.find((x) => x.id === id)?.levels[level]?.label ?? `level ${level}`;
}

function clauseWords(sc: Scenario, c: Clause): string {
  switch (c.kind) {
    case 'instrument':
      return `${instName(sc, c.instrument)} at “${levelLabel(sc, c.instrument, c.level)}”`;
    case 'pledge': {
      const item = sc.commitments.find((x) => x.id === c.item);
      return `${item?.name ?? 'a purchase pledge'}${item ? ` from ${sc.sides[item.side].name}` : ''} (${c.size})`;
    }
    case 'commitment': {
      const item = sc.commitments.find((x) => x.id === c.item);
      return `a commitment${item ? ` from ${sc.sides[item.side].name}` : ''}: ${item?.name ?? 'reform'}`;
    }
    case 'statement':
      return `a statement: ${sc.statements.find((s) => s.id === c.statement)?.name ?? 'a joint statement'}`;
  }
}

function orderWords(sc: Scenario, o: Order): string {
  switch (o.kind) {
    case 'shift':
      return `${instName(sc, o.instrument)} to “${levelLabel(sc, o.instrument, o.level)}”`;
    case 'announce':
      return `${instName(sc, o.instrument)} at “${levelLabel(sc, o.instrument, o.level)}” announced from ${fmtDate(dateOf(rulesFor(sc), o.turn))}`;
    case 'withdraw':
      return `the announced change to ${instName(sc, o.instrument)} withdrawn`;
    case 'build':
      return `an alternative built: ${sc.alternatives.find((a) => a.id === o.alternative)?.name ?? 'a new supplier'}`;
    case 'extend':
      return `the truce extended by ${sc.calendar.truce?.extendDays ?? 0} days`;
  }
}

const list = (xs: readonly string[]) =>
  xs.length <= 1 ? (xs[0] ?? '') : `${xs.slice(0, -1).join('; ')} and ${xs[xs.length - 1]}`;

/** What the move does, as a sentence of its own (empty for a move with nothing to name). */
function leversOf(sc: Scenario, move: Move): string {
  if (move.type === 'propose' && move.clauses.length > 0)
    return ` The package: ${list(move.clauses.map((c) => clauseWords(sc, c)))}.`;
  if (move.type === 'orders' && move.orders.length > 0)
    return ` Its orders: ${list(move.orders.map((o) => orderWords(sc, o)))}.`;
  return '';
}

const REJECT_WORDS: Record<string, readonly string[]> = {
  'too-little': ['it asks too much for what it gives', 'it gives too little for what it asks'],
  distrust: [
    'it does not trust the other side to keep these promises',
    'it doubts these promises would be kept',
  ],
  timing: ['it is not the time yet: it expects a better offer before the deadline', 'it can wait for more'],
  face: ['it cannot be seen to yield right after being pressured', 'it will not yield under fresh pressure'],
  linkage: ['it ties together what should stay apart', 'it links matters that should be kept apart'],
};

/** The time left as a sentence of its own (after a rule's or a template's words). */
function timeSentence(sc: Scenario, turn: number | undefined): string {
  if (turn === undefined) return '';
  const left = rulesFor(sc).mainTurns - turn;
  if (left <= 0) return ' The deadline has passed.';
  return left === 1 ? ' This is its last turn of talks.' : ` ${left} turns of talks are left.`;
}

/** How much time is left, when the turn is known: talks turns up to the deadline. */
function timeLeft(sc: Scenario, turn: number | undefined): string {
  if (turn === undefined) return '';
  const left = rulesFor(sc).mainTurns - turn;
  if (left <= 0) return ', after the deadline';
  return left === 1 ? ', in its last turn of talks' : `, with ${left} turns of talks left`;
}

function searchLine(sc: Scenario, name: string, term: string, move: Move, k: number, turn?: number): string {
  const when = timeLeft(sc, turn);
  switch (term) {
    case 'threshold': {
      if (move.type === 'accept')
        return pickOf(
          [
            `${name} accepts${when}: the package gives it at least the share of its target it still insists on`,
            `${name} signs${when}: the offer is worth as much to it as what it still holds out for`,
            `${name} agrees${when}: the offer meets what it now asks for`,
          ],
          k,
        );
      const why = pickOf(REJECT_WORDS[move.type === 'reject' ? (move.reason ?? '') : ''] ?? ['no'], k >> 1);
      return pickOf(
        [
          `${name} rejects the offer${when}: ${why}. It wants more of its target than the package gives`,
          `${name} says no${when}: ${why}. The package falls short of what it still insists on`,
          `${name} turns the offer down${when}: ${why}. It needs a better share before it signs`,
        ],
        k,
      );
    }
    case 'target':
      return pickOf(
        [
          `${name} proposes${when} the package that best balances both sides’ gains for the leverage it holds`,
          `${name} puts forward${when} a package sized to the leverage it holds`,
          `${name} makes an offer${when}, balanced to what its leverage can ask`,
        ],
        k,
      );
    case 'logroll':
      return pickOf(
        [
          `${name} proposes${when} a trade: what is cheap for it and dear to the other side`,
          `${name} offers${when} what costs it little and is worth much to the other side`,
          `${name} bargains${when}: it gives what is cheap for it in return for what it values most`,
        ],
        k,
      );
    case 'hold':
      if (move.type === 'orders')
        return pickOf(
          [
            `${name} holds its ground${when}: no order is worth its cost now`,
            `${name} gives no orders${when}: none would pay for what it costs`,
            `${name} stays put${when}: moving a lever now would cost more than it brings`,
          ],
          k,
        );
      return pickOf(
        [
          `${name} has nothing better to offer${when}`,
          `${name} waits${when}: no offer it could make now would suit it better than waiting`,
          `${name} holds back its offer${when}, waiting for the other side to move`,
        ],
        k,
      );
    case 'build':
      return pickOf(
        [
          `${name} improves its fallback${when} by building alternatives`,
          `${name} builds alternatives${when}, so the other side’s threats count for less`,
        ],
        k,
      );
    case 'utility':
      return pickOf(
        [
          `${name} does what pays at home over the turns ahead`,
          `${name} acts${when} for what pays at home`,
          `${name} moves${when} where its own economy gains most`,
        ],
        k,
      );
    case 'leverage':
      return pickOf(
        [
          `${name} moves${when} to strengthen its hand at the table`,
          `${name} builds pressure${when} to gain the upper hand in the talks`,
        ],
        k,
      );
    case 'deal':
      return pickOf([`${name} keeps the deal in force`, `${name} sticks to the deal${when}`], k);
    case 'tension':
      return pickOf(
        [
          `${name} steps back from the brink${when}: tension is too high`,
          `${name} eases off${when}: tension is already too high to risk more`,
        ],
        k,
      );
    case 'look-ahead':
      if (move.type === 'propose')
        return pickOf(
          [
            `${name} makes the offer that, played on a few turns, leaves it best placed`,
            `${name} makes${when} the offer that looks best for it a few turns on`,
          ],
          k,
        );
      return move.type === 'orders' && move.orders.length === 0
        ? pickOf(
            [
              `${name} gives no orders: played on a few turns, holding still leaves it better placed`,
              `${name} holds still${when}: a few turns on, that leaves it better placed`,
            ],
            k,
          )
        : pickOf(
            [
              `${name} gives the orders that, played on a few turns, leave it best placed`,
              `${name} gives${when} the orders that look best for it a few turns on`,
            ],
            k,
          );
    case 'readout':
      return move.type === 'readout' && move.style === 'trumpet'
        ? pickOf([`${name} trumpets the deal at home`, `${name} sells the deal loudly at home${when}`], k)
        : pickOf(
            [`${name} keeps its readout of the deal modest`, `${name} plays the deal down at home${when}`],
            k,
          );
    default:
      return `${name} makes the only move left${when}`;
  }
}

/**
 * The sentence for an AI move's reason, from its code. `at`: the move's place in its game (its
 * index in the record, its turn), which chooses the wording and says how much time is left.
 */
export function describeAiMove(scenario: Scenario, move: Move, at: AiMoveContext = {}): string {
  const name = move.side === 'control' ? 'The instructor' : scenario.sides[move.side].name;
  const code = move.ai?.code;
  if (!code) return '';
  const k = at.index ?? at.turn ?? 0;
  const levers = leversOf(scenario, move);
  if (code === 'random') return `${name} plays at random (the baseline opponent).${levers}`;
  const [kind, id = ''] = [code.slice(0, code.indexOf(':')), code.slice(code.indexOf(':') + 1)];
  if (kind === 'rule') {
    const r = findRule(scenario, id);
    return r
      ? `${r.text}${cite(scenario, r, k)}.${levers}${timeSentence(scenario, at.turn)}`
      : `${name} follows one of its rules of character.${levers}`;
  }
  if (kind === 'template') {
    const t = findTemplate(scenario, id);
    return t
      ? `${name} opens from history, ${t.name}${cite(scenario, t, k)}.${levers}${timeSentence(scenario, at.turn)}`
      : `${name} opens from a precedent.${levers}`;
  }
  return `${searchLine(scenario, name, id, move, k, at.turn)}.${levers}`;
}
