// The package builder: clauses of every kind — instrument changes, purchase pledges in three sizes,
// structural commitments, each with its conditional form where the scenario gives one, and
// statements — chosen from the engine's clauseOptions, grouped by who gives them. Before sending,
// the engine checks the package (a refusal disables Send and shows the reason) and the preview shows
// what it would do to both sides' scores and to leverage, updated as each clause is added. Clauses
// that cross the player's own red lines are marked and cannot be added (the engine's reason is
// shown), and the package's maximum size is shown from the first clause. A counter-proposal rejects
// the open proposal first, with a reason, then proposes.
import type { Clause, RejectReason, Side } from '../engine/index.ts';
import {
  checkMove,
  clauseGiver,
  clauseOptions,
  crossedRedLine,
  other,
  REJECT_REASONS,
  rulesFor,
} from '../engine/index.ts';
import { MAX_CLAUSES } from '../engine/validate.ts';
import { play } from '../present/sound.ts';
import { clauseShort, clauseText, REASON_TEXT, sideName } from '../present/text.ts';
import { type AppStore, dispatch, type GameSession } from '../store/game-store.ts';
import { button, h, select } from './dom.ts';
import { previewBox } from './preview-box.ts';

interface Draft {
  clauses: Clause[];
  picks: Record<string, string>;
  reason: RejectReason;
}

const drafts = new Map<string, Draft>();

export function draftFor(game: GameSession, side: Side): Draft {
  const key = `${game.id}:${side}:${game.state.round.turn}`;
  let d = drafts.get(key);
  if (!d) {
    d = { clauses: [], picks: {}, reason: 'too-little' };
    drafts.set(key, d);
  }
  return d;
}

const keyOf = (c: Clause) => JSON.stringify(c);

/** The builder for `side`; `counter` when it answers an open proposal with its own. */
export function packageBuilder(
  store: AppStore,
  game: GameSession,
  side: Side,
  counter: boolean,
  refresh: () => void,
): HTMLElement {
  const sc = game.scenario;
  const rules = rulesFor(sc);
  const state = game.state;
  const d = draftFor(game, side);
  const chosenKeys = new Set(d.clauses.map(keyOf));
  // what the engine offers, and the clauses over the player's own red lines (never offered by it)
  // listed too, marked and disabled, so the player sees where the lines run before trying them
  const offered = clauseOptions(rules, state, side);
  const offeredKeys = new Set(offered.map(keyOf));
  const overTheLine: Clause[] = [];
  for (const r of sc.redLines) {
    if (r.side !== side) continue;
    if (r.statement !== undefined) overTheLine.push({ kind: 'statement', statement: r.statement });
    const inst = r.instrument !== undefined ? rules.instruments.get(r.instrument) : undefined;
    if (inst)
      for (let l = 0; l < (r.below ?? inst.levels.length); l++)
        if (l !== (state.world.levels[inst.id] ?? 0))
          overTheLine.push({ kind: 'instrument', instrument: inst.id, level: l });
  }
  const options = [...offered, ...overTheLine.filter((c) => !offeredKeys.has(keyOf(c)))].filter(
    (c) => !chosenKeys.has(keyOf(c)),
  );
  const groups: { id: string; label: string; list: Clause[] }[] = [
    { id: 'give', label: 'You offer', list: options.filter((c) => clauseGiver(rules, c) === side) },
    {
      id: 'ask',
      label: `You ask ${sideName(sc, other(side))} for`,
      list: options.filter((c) => clauseGiver(rules, c) === other(side)),
    },
    { id: 'statement', label: 'A statement', list: options.filter((c) => clauseGiver(rules, c) === null) },
  ];
  const full = d.clauses.length >= MAX_CLAUSES;
  // the player's own red lines, checked on each clause before it can be added
  const redLine = (c: Clause) => crossedRedLine(rules, side, [c]);
  const crossing = options.filter(redLine);
  const rows = groups.map((g) => {
    const allowed = g.list.filter((c) => !redLine(c));
    const current =
      d.picks[g.id] && allowed.some((c) => keyOf(c) === d.picks[g.id])
        ? d.picks[g.id]!
        : allowed[0]
          ? keyOf(allowed[0])
          : '';
    d.picks[g.id] = current;
    const sel = h('select', { 'aria-label': g.label, 'data-key': `pick-${g.id}` });
    if (!g.list.length) sel.append(h('option', { value: '', text: 'nothing left to add' }));
    for (const c of g.list) {
      const line = redLine(c);
      const o = h('option', {
        value: keyOf(c),
        text: line ? `⊘ ${clauseShort(sc, c)} — crosses your red line` : clauseShort(sc, c),
      });
      o.disabled = line !== undefined;
      o.selected = keyOf(c) === current;
      sel.append(o);
    }
    sel.addEventListener('change', () => {
      d.picks[g.id] = sel.value;
    });
    const field = h('label', { class: 'field' }, h('span', { text: g.label }), sel);
    const add = button(
      'Add',
      () => {
        const pick = allowed.find((c) => keyOf(c) === d.picks[g.id]);
        if (pick && d.clauses.length < MAX_CLAUSES) d.clauses.push(pick);
        play('move');
        refresh();
      },
      {
        'aria-label': `Add: ${g.label}`,
        'data-key': `add-${g.id}`,
        disabledReason: full
          ? `A package holds at most ${MAX_CLAUSES} clauses.`
          : allowed.length
            ? null
            : 'Nothing left to add.',
      },
    );
    return h('div', { class: 'builder-row' }, field, add);
  });
  const redLines = crossing.length
    ? h(
        'p',
        { class: 'hint red-line' },
        // a sign every system font has (an emoji may draw as an empty box)
        `⊘ Marked clauses cross your red lines and cannot be added: `,
        `${[...new Set(crossing.map((c) => (redLine(c)?.text ?? '').replace(/\.\s*$/, '')))].join('; ')}.`,
      )
    : null;
  const chosen = h(
    'ul',
    { class: 'clauses', 'aria-label': 'Your package' },
    d.clauses.map((c, i) => {
      const giver = clauseGiver(rules, c);
      return h(
        'li',
        { class: giver ? `side-${giver}` : '' },
        h('span', { text: clauseText(sc, c) }),
        button(
          'Remove',
          () => {
            d.clauses.splice(i, 1);
            refresh();
          },
          { class: 'small', 'aria-label': `Remove: ${clauseText(sc, c)}` },
        ),
      );
    }),
  );
  // The engine's verdict on the package, on the state it would be proposed in.
  let base = state;
  let refusal: string | null = null;
  if (counter) {
    const r = checkMove(rules, state, { type: 'reject', side, reason: d.reason });
    if (r) refusal = r.reason;
  }
  if (!refusal && d.clauses.length > 0) {
    if (counter && state.round.talks.open) {
      // checked against the talks as they will be once the open proposal is rejected
      base = { ...state, round: { ...state.round, talks: { ...state.round.talks, open: null } } };
    }
    const r = checkMove(rules, base, { type: 'propose', side, clauses: d.clauses });
    if (r) refusal = r.reason;
  }
  const send = button(
    counter ? 'Reject and send counter-proposal' : 'Send proposal',
    () => {
      if (counter) {
        const r = dispatch(store, { type: 'reject', side, reason: d.reason });
        if (!r.ok) return;
      }
      const r = dispatch(store, { type: 'propose', side, clauses: d.clauses });
      if (r.ok) {
        play('move');
        d.clauses = [];
      } else play('refuse');
    },
    {
      class: 'primary',
      'data-key': 'send',
      disabledReason: d.clauses.length === 0 ? 'Add at least one clause.' : refusal,
    },
  );
  const reason = counter
    ? select(
        'Reason for rejecting theirs',
        REJECT_REASONS.map((r) => [r, REASON_TEXT[r] ?? r] as const),
        d.reason,
        (v) => {
          d.reason = v as RejectReason;
        },
        { 'data-key': 'counter-reason' },
      )
    : null;
  return h(
    'section',
    { 'aria-label': counter ? 'Counter-proposal' : 'Build a package' },
    h('h3', { text: counter ? 'Your counter-proposal' : 'Build a package' }),
    h('p', {
      class: full ? 'hint at-max' : 'hint',
      'aria-live': 'polite',
      text: `${d.clauses.length} of at most ${MAX_CLAUSES} clauses${full ? ': the package is full.' : '.'}`,
    }),
    rows,
    redLines,
    d.clauses.length
      ? chosen
      : h('p', { class: 'hint', text: 'No clause yet: add what you offer and what you ask for.' }),
    d.clauses.length ? previewBox(game, side, d.clauses) : null,
    refusal && d.clauses.length ? h('p', { class: 'refusal', role: 'status', text: refusal }) : null,
    reason,
    h('div', { class: 'actions' }, send),
  );
}
