// The Talks tab: the proposal on the table, and what the side at the screen may do with it —
// accept, reject with a reason, counter (reject then propose) — or its own package and "done
// talking"; the readout of a deal made this turn; the computer's moves with their reasons. What is
// possible comes from the engine (checkMove); a refusal is shown with the engine's reason.
import type { Move, RejectReason, Side } from '../engine/index.ts';
import { checkMove, clauseGiver, REJECT_REASONS, rulesFor } from '../engine/index.ts';
import { play } from '../present/sound.ts';
import { clauseText, REASON_TEXT, sideName } from '../present/text.ts';
import { type AppStore, dispatch, type GameSession } from '../store/game-store.ts';
import { button, h, select } from './dom.ts';
import { draftFor, packageBuilder } from './package-builder.ts';
import { previewBox } from './preview-box.ts';

let countering: string | null = null; // the game, side and move count being countered

function tryMove(store: AppStore, move: Move, cue: 'move' | 'deal' = 'move') {
  const r = dispatch(store, move);
  play(r.ok ? cue : 'refuse');
}

export function talksPanel(
  store: AppStore,
  game: GameSession,
  viewer: Side,
  refresh: () => void,
): HTMLElement[] {
  const sc = game.scenario;
  const rules = rulesFor(sc);
  const s = game.state;
  const out: HTMLElement[] = [];
  const them = viewer === 'us' ? 'cn' : 'us';
  const open = s.round.talks.open;
  if (s.round.phase !== 'talks') {
    out.push(
      h('p', {
        class: 'status',
        text: s.world.collapsed
          ? 'The talks have collapsed: only orders are left.'
          : 'The talks are over for this turn: give your orders.',
      }),
    );
  } else if (s.round.talks.toMove !== viewer) {
    out.push(
      h('p', {
        class: 'status waiting',
        role: 'status',
        tabindex: '-1',
        'data-park': '',
        text: `${sideName(sc, them)} is speaking…`,
      }),
    );
  }
  if (open) {
    out.push(
      h(
        'section',
        { 'aria-label': 'Proposal on the table' },
        h('h3', {
          text:
            open.by === viewer ? 'Your proposal, awaiting an answer' : `${sideName(sc, open.by)} proposes`,
        }),
        h(
          'ul',
          { class: 'clauses' },
          open.clauses.map((c) => {
            const giver = clauseGiver(rules, c);
            return h('li', { class: giver ? `side-${giver}` : '', text: clauseText(sc, c) });
          }),
        ),
      ),
    );
  }
  if (s.round.phase === 'talks' && s.round.talks.toMove === viewer) {
    const answerDue = open !== null && open.by !== viewer;
    const key = `${game.id}:${viewer}:${game.moves.length}`;
    if (answerDue) {
      const d = draftFor(game, viewer);
      const acceptRefusal = checkMove(rules, s, { type: 'accept', side: viewer });
      out.push(previewBox(game, viewer, null));
      const reason = select(
        'Reason',
        REJECT_REASONS.map((r) => [r, REASON_TEXT[r] ?? r] as const),
        d.reason,
        (v) => {
          d.reason = v as RejectReason;
        },
        { 'data-key': 'reject-reason' },
      );
      out.push(
        h(
          'div',
          { class: 'actions' },
          button('Accept', () => tryMove(store, { type: 'accept', side: viewer }, 'deal'), {
            class: 'primary',
            'data-key': 'accept',
            disabledReason: acceptRefusal?.reason ?? null,
          }),
          countering === key ? null : reason,
          countering === key
            ? null
            : button('Reject', () => tryMove(store, { type: 'reject', side: viewer, reason: d.reason }), {
                'data-key': 'reject',
              }),
          button(
            countering === key ? 'Cancel counter' : 'Counter…',
            () => {
              countering = countering === key ? null : key;
              refresh();
            },
            {
              'data-key': 'counter',
              disabledReason:
                s.round.talks.made[viewer] >= 2 ? 'You have made your two proposals this turn.' : null,
            },
          ),
        ),
      );
      if (acceptRefusal) out.push(h('p', { class: 'refusal', text: acceptRefusal.reason }));
      if (countering === key) out.push(packageBuilder(store, game, viewer, true, refresh));
    } else {
      if (s.round.talks.made[viewer] < 2) out.push(packageBuilder(store, game, viewer, false, refresh));
      else out.push(h('p', { class: 'hint', text: 'You have made your two proposals this turn.' }));
      out.push(
        h(
          'div',
          { class: 'actions' },
          button('Done talking', () => tryMove(store, { type: 'pass', side: viewer }), {
            'data-key': 'pass',
            'aria-label': 'Done talking (pass)',
          }),
        ),
      );
    }
  }
  const readout = readoutSection(store, game, viewer);
  if (readout) out.push(readout);
  return out;
}

/**
 * The readout the viewer owes for a deal signed this turn, or null. It is asked on the orders tab
 * too: a deal signed with the talks' last move opens the orders, and the choice must not hide.
 */
export function readoutSection(store: AppStore, game: GameSession, viewer: Side): HTMLElement | null {
  const rules = rulesFor(game.scenario);
  if (checkMove(rules, game.state, { type: 'readout', side: viewer, style: 'modest' })) return null;
  return h(
    'section',
    { 'aria-label': 'Readout' },
    h('h3', { text: 'A deal was made: how do you tell it at home?' }),
    h(
      'div',
      { class: 'actions' },
      button('Trumpet it', () => tryMove(store, { type: 'readout', side: viewer, style: 'trumpet' }), {
        'data-key': 'trumpet',
      }),
      button('Keep it modest', () => tryMove(store, { type: 'readout', side: viewer, style: 'modest' }), {
        'data-key': 'modest',
      }),
    ),
    h('p', {
      class: 'hint',
      text: 'Trumpeting gains you standing at home, costs the other side face and raises tension.',
    }),
  );
}
