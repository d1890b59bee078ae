// The messages about where a game is kept, over every screen: the browser's storage is full or
// unavailable (the game is not being saved: its file is offered at once, before anything is lost);
// the game is played in another tab (shown read-only here, with the offer to take it over); another
// tab took it over; and a game from a link or a save that cannot be opened here, offered as a file.
// Each says what happened in plain words and what the player can do.

import { restoreFeed } from '../store/ai-driver.ts';
import { gameFileName, gameFileText } from '../store/game-file.ts';
import {
  type AppStore,
  type RefusedGameOffer,
  recordOf,
  type SaveAlert,
  takeOverGame,
  toMenu,
} from '../store/game-store.ts';
import { saveDb } from '../store/save-db.ts';
import { readSave } from '../store/saves.ts';
import { button, h } from './dom.ts';
import { download } from './export.ts';

const TEXT: Record<SaveAlert['kind'] | 'full-start', string> = {
  'full-start':
    'Your browser’s storage is full, so this game is not being saved. Save its game file now and keep it: you can open it again from the menu.',
  full: 'Your browser’s storage is full, so your last move was not saved and the game is no longer being saved. Save its game file now to keep every move: nothing is lost while this page stays open.',
  failed:
    'This browser will not let the page save games, so this game is not being saved. Save its game file now to keep every move.',
  elsewhere:
    'This game is open in another tab, where it is being played: here it is shown read-only. You can play it here instead; the other tab then stops playing it, with every move it made kept.',
  taken:
    'This game is now being played in another tab, so this tab shows it read-only. Every move made here was saved first.',
  conflict:
    'This game was changed in another tab since this tab last saved it, so this tab stopped playing it and its last move here was not saved. Save this tab’s game as a file to keep it, or open the latest from the menu.',
};

/** The game as it is now on screen, every move in, as a file. */
const saveFile = (store: AppStore, label = 'Save the game file') =>
  button(
    label,
    () => {
      const game = store.getState().game;
      if (!game) return;
      const record = recordOf(game);
      download(gameFileName(record), gameFileText(record), 'application/json');
    },
    { class: 'primary' },
  );

async function takeOver(store: AppStore) {
  await takeOverGame(store, (id) => readSave(saveDb(), id, localStorage, true));
  void restoreFeed(store);
}

function alertBox(store: AppStore, alert: SaveAlert): HTMLElement {
  const kind = alert.kind === 'full' && alert.started ? 'full-start' : alert.kind;
  const actions: HTMLElement[] = [];
  if (alert.kind === 'full' || alert.kind === 'failed') actions.push(saveFile(store));
  if (alert.kind === 'conflict') actions.push(saveFile(store, 'Save this tab’s game file'));
  if (alert.kind === 'elsewhere' || alert.kind === 'taken')
    actions.push(
      button(
        alert.kind === 'taken' ? 'Play it here again' : 'Play it here instead',
        () => void takeOver(store),
        {
          class: 'primary',
        },
      ),
    );
  if (alert.kind !== 'full' && alert.kind !== 'failed')
    actions.push(button('Back to the menu', () => toMenu(store)));
  return h(
    'div',
    { class: `save-alert save-alert-${alert.kind}`, role: 'alert', 'data-alert': alert.kind },
    h('p', { text: TEXT[kind] }),
    h('div', { class: 'actions' }, actions),
  );
}

function refusedBox(store: AppStore, offer: RefusedGameOffer): HTMLElement {
  const { file } = offer;
  return h(
    'div',
    { class: 'save-alert', role: 'alert', 'data-alert': 'refused' },
    h('p', { text: offer.text }),
    h(
      'div',
      { class: 'actions' },
      file
        ? button('Save its game file', () => download(file.name, file.text, 'application/json'), {
            class: 'primary',
          })
        : null,
      button('Close', () => store.setState({ refusedGame: null })),
    ),
  );
}

let shown: unknown[] = [];

/** Draws the messages into `root` when what they say has changed. */
export function renderSaveAlert(root: HTMLElement, store: AppStore) {
  const { saveAlert, refusedGame, game } = store.getState();
  const key = [saveAlert, refusedGame, game?.id];
  if (key.every((k, i) => k === shown[i])) return;
  shown = key;
  root.replaceChildren(
    ...(saveAlert && game ? [alertBox(store, saveAlert)] : []),
    ...(refusedGame ? [refusedBox(store, refusedGame)] : []),
  );
}
