// The line a student reads for an AI move, rendered from its reason code (never stored as text):
// what the move does in plain words (the levers and their levels, the promises), why (a rule's own
// words and its source by its title — “Beijing answers in proportion … (Title)” — a template's
// name, or a phrase for each search term), never an internal code or a source's file name. The same
// kind of move is worded by one of a few templates, chosen by the move's place in the game, so a
// game's feed does not repeat itself word for word. Kept in the engine, beside explain.ts, because
// the reason code is part of the game record: the debrief words it without loading the AI.

import type { Rule, Template } from '../model/profile-schema.ts';
import { inSentence } from './explain.ts';
import { dateOf, rulesFor } from './rules.ts';
import type { Clause, Move, Order, Scenario, Side } from './types.ts';
import { other } from './types.ts';
import { clauseGiver } from './validate.ts';
import { conditionText, fmtDate, levelText, instName as wordsInstName } from './words.ts';

/** Where the move stands in its game: its index in the record and the turn it was made in. */
export interface AiMoveContext {
  readonly index?: number;
  readonly turn?: number;
  /** The package on the table the move answers (an accept or a reject), to name what it says yes or no to. */
  readonly offer?: readonly Clause[] | undefined;
}

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
    // Four wordings: a turn's talks come back to a side every third move, so it reads each one afresh.
    [
      ` (“${x.quote}” — ${title})`,
      `, as “${title}” reports: “${x.quote}”`,
      ` — “${x.quote}” (${title})`,
      ` (in the words of “${title}”: “${x.quote}”)`,
    ],
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

// never an id in a sentence: an instrument the scenario lacks is "an instrument"
const instName = (sc: Scenario, id: string) => wordsInstName(sc, id, 'an instrument');

function clauseWords(sc: Scenario, c: Clause): string {
  switch (c.kind) {
    case 'instrument':
      return `${instName(sc, c.instrument)} at “${levelText(sc, c.instrument, c.level)}”`;
    case 'pledge': {
      const p = promiseOf(sc, c);
      return `${p.name ?? 'a purchase pledge'}${p.from}${p.size}${p.condition}`;
    }
    case 'commitment': {
      const p = promiseOf(sc, c);
      return `a commitment${p.from}: ${p.name ?? 'reform'}${p.condition}`;
    }
    case 'statement':
      return `a statement: ${statementName(sc, c.statement)}`;
  }
}

/** An instrument's name inside a sentence. */
const instWords = (sc: Scenario, id: string) => inSentence(sc, instName(sc, id));

/**
 * A promise as the file names it, who gives it (“ from Beijing”), a pledge's size (“ (large)”) and
 * what it is tied to (“, while US tariff at most “20% (fentanyl tariff)””), as the package list
 * on the screen words it.
 */
function promiseOf(sc: Scenario, c: Clause & { kind: 'pledge' | 'commitment' }) {
  const item = rulesFor(sc).commitments.get(c.item);
  return {
    name: item?.name,
    from: item ? ` from ${sc.sides[item.side].name}` : '',
    size: c.kind === 'pledge' ? ` (${c.size})` : '',
    condition: c.condition ? `, while ${conditionText(sc, c.condition)}` : '',
  };
}

const statementName = (sc: Scenario, id: string) =>
  rulesFor(sc).statements.get(id)?.name ?? 'a joint statement';

/** What a rejection says the side needs: a sentence naming the clause. */
function needSentence(sc: Scenario, name: string, c: Clause): string {
  switch (c.kind) {
    case 'instrument':
      return `${name} wants the ${instWords(sc, c.instrument)} moved to “${levelText(sc, c.instrument, c.level)}” before it signs.`;
    case 'statement':
      return `Before it signs, ${name} wants a statement: ${statementName(sc, c.statement)}.`;
    default: {
      // A promise is named as the file writes it, after a colon: a name may start with a proper noun.
      const p = promiseOf(sc, c);
      return `Before it signs, ${name} wants this${p.from}: ${p.name ?? 'a promise'}${p.size}${p.condition}.`;
    }
  }
}

/** What an announcement asks of the other side, after “unless Beijing …”: the clause it wants. */
function demandWords(sc: Scenario, c: Clause): string {
  switch (c.kind) {
    case 'instrument':
      return `puts the ${instWords(sc, c.instrument)} at “${levelText(sc, c.instrument, c.level)}”`;
    case 'pledge':
    case 'commitment': {
      const p = promiseOf(sc, c);
      return `makes a promise: ${p.name ?? 'the one it asks for'}${p.size}${p.condition}`;
    }
    case 'statement':
      return `agrees to a statement: ${statementName(sc, c.statement)}`;
  }
}

function orderWords(sc: Scenario, o: Order): string {
  switch (o.kind) {
    case 'shift':
      return `${instName(sc, o.instrument)} to “${levelText(sc, o.instrument, o.level)}”`;
    case 'announce':
      return `${instName(sc, o.instrument)} at “${levelText(sc, o.instrument, o.level)}” announced from ${fmtDate(dateOf(rulesFor(sc), o.turn))}`;
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

/**
 * What the move does, as a sentence of its own (empty for a move with nothing to name). A move a
 * rule turned the side to (its note's `instead`) reads as the alternative to what the rule's words
 * say it will not do, not as the rule's example.
 */
function leversOf(sc: Scenario, move: Move, offer?: readonly Clause[]): string {
  const instead = move.ai?.instead === true;
  if ((move.type === 'accept' || move.type === 'reject') && offer && offer.length > 0)
    return ` The offer on the table: ${list(offer.map((c) => clauseWords(sc, c)))}.`;
  if (move.type === 'propose' && move.clauses.length > 0)
    return ` ${instead ? 'Instead, it proposes' : 'The package'}: ${list(move.clauses.map((c) => clauseWords(sc, c)))}.`;
  if (move.type === 'orders' && move.orders.length > 0)
    return ` ${instead ? 'Instead, its orders' : 'Its orders'}: ${list(move.orders.map((o) => orderWords(sc, o)))}.`;
  if (!instead) return '';
  if (move.type === 'orders') return ' Instead, it gives no orders.';
  return move.type === 'pass' ? ' Instead, it holds for now.' : '';
}

const REJECT_WORDS: Record<string, readonly string[]> = {
  'too-little': ['it asks too much for what it gives', 'it gives too little for what it asks'],
  distrust: [
    'it does not trust the other side to keep these promises',
    'it doubts these promises would be kept',
  ],
  timing: [
    'it is not the time yet, and it expects a better offer before the deadline',
    'it can wait for more',
  ],
  face: ['it cannot be seen to yield right after being pressured', 'it will not yield under fresh pressure'],
  linkage: ['it ties together what should stay apart', 'it links matters that should be kept apart'],
};

const ONE_SIDED_WORDS = [
  'the package asks it to give and offers nothing in return',
  'it would give and get nothing back',
];

/** The time left as a sentence of its own (after a rule's or a template's words). */
function timeSentence(sc: Scenario, turn: number | undefined): string {
  if (turn === undefined) return '';
  const left = rulesFor(sc).mainTurns - turn;
  if (left <= 0) return ' The deadline has passed.';
  return left === 1 ? ' This is its last turn of talks.' : ` ${left} turns of talks are left.`;
}

/** How much time is left, when the turn is known, as the sentence's lead: talks turns to the deadline. */
function timeLeft(sc: Scenario, turn: number | undefined): string {
  if (turn === undefined) return '';
  const left = rulesFor(sc).mainTurns - turn;
  if (left <= 0) return 'After the deadline, ';
  return left === 1 ? 'In its last turn of talks, ' : `With ${left} turns of talks left, `;
}

/** Whether a package holds anything `side` gives: a level of its own or a promise of its. */
function gives(sc: Scenario, side: Side, clauses: readonly Clause[]): boolean {
  const rules = rulesFor(sc);
  return clauses.some((c) => clauseGiver(rules, c) === side);
}

/** A package made only of what `side` gives: it would give and get nothing back. */
function oneSided(sc: Scenario, side: Side, offer: readonly Clause[] | undefined): boolean {
  const rules = rulesFor(sc);
  return offer !== undefined && offer.length > 0 && offer.every((c) => clauseGiver(rules, c) === side);
}

function searchLine(
  sc: Scenario,
  name: string,
  term: string,
  move: Move,
  k: number,
  at: AiMoveContext,
): string {
  const turn = at.turn;
  const when = timeLeft(sc, turn);
  switch (term) {
    case 'threshold': {
      if (move.type === 'accept')
        return pickOf(
          [
            `${when}${name} accepts: the package gives it at least the share of its target it still insists on`,
            `${when}${name} signs: the offer is worth as much to it as what it still holds out for`,
            `${when}${name} agrees: the offer meets what it now asks for`,
          ],
          k,
        );
      // A demand with nothing in return is named as one: "too little" would hide that it gets nothing.
      const words =
        move.type === 'reject' && oneSided(sc, move.side, at.offer)
          ? ONE_SIDED_WORDS
          : REJECT_WORDS[move.type === 'reject' ? (move.reason ?? '') : ''];
      const why = pickOf(words ?? ['no'], k >> 1);
      return pickOf(
        [
          `${when}${name} rejects the offer: ${why}. It wants more of its target than the package gives`,
          `${when}${name} says no: ${why}. The package falls short of what it still insists on`,
          `${when}${name} turns the offer down: ${why}. It needs a better share before it signs`,
        ],
        k,
      );
    }
    case 'deadline': {
      const w = move.ai?.worth;
      const pts = w !== undefined ? `about ${w} points ` : '';
      const by = w !== undefined ? ` by about ${w} points` : '';
      return pickOf(
        [
          `${when}${name} signs: with the deadline close, the offer leaves it ${pts}better off than holding still`,
          `${when}${name} accepts what it held out against: waiting no longer pays, and the offer beats holding still${by}`,
        ],
        k,
      );
    }
    case 'utmost':
      return pickOf(
        [
          `${when}${name} signs: the offer already holds all it can still ask for, and it gains from it`,
          `${when}${name} agrees: no offer of its own could ask for more than this one gives it`,
        ],
        k,
      );
    case 'counter':
      return pickOf(
        [
          `${when}${name} answers with a counter-offer: it keeps at least half of the offer and changes what it cannot accept`,
          `${when}${name} counters from the offer on the table, asking for what makes the difference to it`,
          `${when}${name} takes the offer as a starting point and puts back what it needs`,
        ],
        k,
      );
    case 'anchor':
      return pickOf(
        [
          `${when}${name} opens with an offer it can defend and give ground from, one of a few that would suit it about as well`,
          `${when}${name} opens the talks with a first offer, not its last word: one of several it weighed`,
        ],
        k,
      );
    case 'takeback':
      return pickOf(
        [
          `${when}${name} counters by taking back some of its own promises: it would sign the rest of the offer, not all it was asked to give`,
          `${when}${name} has nothing more it will ask for, so it offers less of its own: the same deal with fewer of its promises in it`,
        ],
        k,
      );
    case 'target':
      return pickOf(
        [
          `${when}${name} proposes the package that best balances both sides’ gains for the leverage it holds`,
          `${when}${name} puts forward a package sized to the leverage it holds`,
          `${when}${name} makes an offer, balanced to what its leverage can ask`,
        ],
        k,
      );
    case 'logroll':
      // A package with nothing of its own in it is no trade: it asks (a next step after a deal).
      if (move.type === 'propose' && !gives(sc, move.side, move.clauses))
        return pickOf(
          [
            `${when}${name} asks for what it values most and reckons costs ${sc.sides[other(move.side)].name} little`,
            `${when}${name} asks for more: promises it values, cheap for ${sc.sides[other(move.side)].name} by its reckoning`,
          ],
          k,
        );
      return pickOf(
        [
          `${when}${name} proposes a trade: what is cheap for it and dear to the other side`,
          `${when}${name} offers what costs it little and is worth much to the other side`,
          `${when}${name} bargains: it gives what is cheap for it in return for what it values most`,
        ],
        k,
      );
    case 'close':
    case 'hold':
      // Orders given with nothing in their favour (an older record names them `hold`).
      if (move.type === 'orders' && move.orders.length > 0)
        return pickOf(
          [
            `${when}${name} acts on a close call: by its reckoning these orders are worth about as much as holding still`,
            `${when}${name} makes a marginal move, worth to it about what standing pat would be`,
          ],
          k,
        );
      if (move.type === 'orders')
        return pickOf(
          [
            `${when}${name} holds its ground: no order is worth its cost now`,
            `${when}${name} gives no orders: none would pay for what it costs`,
            `${when}${name} stays put: moving a lever now would cost more than it brings`,
          ],
          k,
        );
      return pickOf(
        [
          `${when}${name} has nothing better to offer`,
          `${when}${name} waits: no offer it could make now would suit it better than waiting`,
          `${when}${name} holds back its offer, waiting for the other side to move`,
        ],
        k,
      );
    case 'done':
      // Talks with nothing left to do: its proposals for the turn made and answered.
      return pickOf(
        [
          `${when}${name} has made its offer for this turn and leaves the talks there`,
          `${when}${name} has had its say for this turn`,
          `${when}${name} rests its case for this turn`,
        ],
        k,
      );
    case 'build':
      return pickOf(
        [
          `${when}${name} improves its fallback by building alternatives`,
          `${when}${name} builds alternatives, so the other side’s threats count for less`,
        ],
        k,
      );
    case 'utility':
      return pickOf(
        [
          `${when}${name} does what pays at home over the turns ahead`,
          `${when}${name} acts for what pays at home`,
          `${when}${name} moves where its own economy gains most`,
        ],
        k,
      );
    case 'leverage':
      return pickOf(
        [
          `${when}${name} moves to strengthen its hand at the table`,
          `${when}${name} builds pressure to gain the upper hand in the talks`,
        ],
        k,
      );
    case 'deal': {
      // The orders break a deal in force, and its reckoning says that pays: what it promised there
      // costs it more, over the turns it looks at, than the deal brings it. An announcement only
      // threatens to: it breaks the deal when it takes effect.
      const now = move.type !== 'orders' || move.orders.some((o) => o.kind === 'shift');
      return pickOf(
        [
          `${when}${name} ${now ? 'breaks' : 'threatens to break'} the deal: by its reckoning, what it promised there now costs it more than the deal brings`,
          `${when}${name} ${now ? 'walks' : 'is ready to walk'} away from its promises: keeping the deal would cost it more than it brings`,
        ],
        k,
      );
    }
    case 'tension':
      return pickOf(
        [
          `${when}${name} steps back from the brink: tension is too high`,
          `${when}${name} eases off: tension is already too high to risk more`,
        ],
        k,
      );
    case 'look-ahead':
      if (move.type === 'propose')
        return pickOf(
          [
            `${when}${name} makes the offer that, played on a few turns, leaves it best placed`,
            `${when}${name} makes the offer that looks best for it a few turns on`,
          ],
          k,
        );
      return move.type === 'orders' && move.orders.length === 0
        ? pickOf(
            [
              `${when}${name} gives no orders: played on a few turns, holding still leaves it better placed`,
              `${when}${name} holds still: a few turns on, that leaves it better placed`,
            ],
            k,
          )
        : pickOf(
            [
              `${when}${name} gives the orders that, played on a few turns, leave it best placed`,
              `${when}${name} gives the orders that look best for it a few turns on`,
            ],
            k,
          );
    case 'readout':
      return move.type === 'readout' && move.style === 'trumpet'
        ? pickOf(
            [`${when}${name} trumpets the deal at home`, `${when}${name} sells the deal loudly at home`],
            k,
          )
        : pickOf(
            [
              `${when}${name} keeps its readout of the deal modest`,
              `${when}${name} plays the deal down at home`,
            ],
            k,
          );
    default:
      return `${when}${name} makes the only move left`;
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
  const want = move.ai?.needs;
  const threat = move.type === 'orders' && move.orders.some((o) => o.kind === 'announce');
  const opp = move.side === 'control' ? '' : scenario.sides[other(move.side)].name;
  const needs = !want
    ? ''
    : move.type === 'reject'
      ? ` ${needSentence(scenario, name, want)}`
      : threat && opp
        ? ` ${pickOf([`${name} lets it take effect`, 'It takes effect'], k)} unless ${opp} ${demandWords(scenario, want)}.`
        : '';
  const delivered = move.ai?.delivered;
  const held =
    move.type === 'pass' && delivered !== undefined
      ? ` Holding: ${scenario.sides[other(move.side)].name} has delivered ${Math.round(delivered * 100)}% of what it promised.`
      : '';
  const levers = leversOf(scenario, move, at.offer) + needs;
  if (code === 'random') return `${name} plays at random (the baseline opponent).${levers}${held}`;
  const [kind, id = ''] = [code.slice(0, code.indexOf(':')), code.slice(code.indexOf(':') + 1)];
  if (kind === 'rule') {
    const r = findRule(scenario, id);
    return r
      ? `${r.text}${cite(scenario, r, k)}.${levers}${timeSentence(scenario, at.turn)}${held}`
      : `${name} follows one of its rules of character.${levers}${held}`;
  }
  if (kind === 'template') {
    const t = findTemplate(scenario, id);
    return t
      ? `${pickOf([`${name} builds its offer on history, ${t.name}`, `${name} offers along the lines of a precedent, ${t.name}`], k)}${cite(scenario, t, k)}.${levers}${timeSentence(scenario, at.turn)}${held}`
      : `${name} opens from a precedent.${levers}${held}`;
  }
  return `${searchLine(scenario, name, id, move, k, at)}.${levers}${held}`;
}
