// The menu's card of saved games, drawn from the stored headers alone: title, who plays, turn, date.
// No game is read or replayed until the player opens one (Continue or Replay); a save that cannot be
// opened here says why in one sentence and offers its game file to keep.

import { fmtDate } from '../present/text.ts';
import { restoreFeed } from '../store/ai-driver.ts';
import type { AppStore } from '../store/game-store.ts';
import { resumeGame } from '../store/game-store.ts';
import { deleteGame, type SaveHeader, saveDb } from '../store/save-db.ts';
import { isProblem, readSave, type SaveProblem, saveAsFile } from '../store/saves.ts';
import { button, h } from './dom.ts';
import { download } from './export.ts';
import { openReplayOf } from './replay-screen.ts';

export interface SavesList {
  readonly saves: readonly SaveHeader[];
  readonly problems: readonly SaveProblem[];
}

const who = (s: SaveHeader) => {
  const humans = (['us', 'cn'] as const).filter((side) => s.sides[side].seat === 'human');
  return humans.map((side) => s.sides[side].name).join(' and ');
};

async function keepFile(store: AppStore, id: string) {
  const file = await saveAsFile(saveDb(), id).catch(() => null);
  if (file) download(file.name, file.text, 'application/json');
  else store.setState({ notice: 'That saved game could not be read from the browser’s storage.' });
}

async function open(store: AppStore, s: SaveHeader, how: 'continue' | 'replay', reload: () => void) {
  const r = await readSave(saveDb(), s.id, localStorage, true);
  if (isProblem(r)) {
    store.setState({ notice: `The saved game “${s.title}” cannot be opened: ${r.reason}.` });
    reload();
    return;
  }
  if (how === 'replay') {
    openReplayOf(store, r.scenario, r.save.scenarioHash, r.save, r.states);
    return;
  }
  resumeGame(store, r);
  void restoreFeed(store, r.states);
}

/** The card: "Checking saved games…" until the headers are read. */
export function savedGamesCard(store: AppStore, list: SavesList | null, reload: () => void): HTMLElement {
  const card = (...body: (HTMLElement | null)[]) =>
    h(
      'section',
      { class: 'card saves', 'aria-label': 'Saved games' },
      h('h2', { text: 'Continue a saved game' }),
      ...body,
    );
  if (!list) return card(h('p', { class: 'hint', text: 'Checking saved games…' }));
  const rows = h('ul');
  for (const s of list.saves) {
    const state = `${who(s)}, turn ${s.turn + 1}${s.over ? ' (finished)' : ''}`;
    const label = `${s.title} — ${state}`;
    rows.append(
      h(
        'li',
        {},
        h(
          'span',
          {},
          h('strong', { text: s.title }),
          ` — ${state}`,
          s.savedAt ? h('span', { class: 'hint', text: ` · ${fmtDate(s.savedAt.slice(0, 10))}` }) : null,
        ),
        h(
          'span',
          {},
          button('Continue', () => void open(store, s, 'continue', reload), {
            'aria-label': `Continue ${label}`,
          }),
          ' ',
          button('Replay', () => void open(store, s, 'replay', reload), {
            class: 'small',
            'aria-label': `Replay ${label}`,
          }),
          ' ',
          button('Save file', () => void keepFile(store, s.id), {
            class: 'small',
            'aria-label': `Save a game file of ${label}`,
          }),
          ' ',
          button('Delete', () => void deleteGame(saveDb(), s.id).finally(reload), {
            class: 'small',
            'aria-label': `Delete ${label}`,
          }),
        ),
      ),
    );
  }
  const problems = h('ul');
  for (const p of list.problems)
    problems.append(
      h(
        'li',
        {},
        `Saved game “${p.title}” cannot be opened here: ${p.reason.replace(/\.$/, '')}. `,
        p.broken
          ? null
          : button('Save its game file', () => void keepFile(store, p.id), {
              class: 'small',
              'aria-label': `Save a game file of saved game ${p.title}`,
            }),
        ' ',
        button('Delete', () => void deleteGame(saveDb(), p.id).finally(reload), {
          class: 'small',
          'aria-label': `Delete saved game ${p.title}`,
        }),
      ),
    );
  return card(
    list.saves.length === 0
      ? h('p', { class: 'hint', text: 'No saved games yet: every move is saved as you play.' })
      : rows,
    list.problems.length > 0 ? h('div', { class: 'problems', role: 'status' }, problems) : null,
  );
}
