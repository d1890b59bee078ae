// The app's entry: one store, the computer's driver, and the screens rendered from the store — menu,
// briefing, table and results, with the hot-seat curtain on top. The URL's hash names the game
// being played (`#game=…`), so a reload resumes it from its autosave.
import './ui/styles.css';
import { restoreFeed, startAiDriver } from './store/ai-driver';
import { type AppState, makeAppStore, resumeGame, useStorage } from './store/game-store';
import { isProblem, readSave, SAVE_PREFIX } from './store/saves';
import { renderBriefing } from './ui/briefing';
import { renderCurtain } from './ui/curtain';
import { h } from './ui/dom';
import { menuShown, renderMenu } from './ui/menu';
import { renderResults } from './ui/results';
import { loadSettings } from './ui/settings';
import { setMuted } from './ui/sound';
import { mountTableScreen, type TableScreen } from './ui/table-screen';

const settings = loadSettings();
setMuted(settings.muted);
const store = makeAppStore(settings);
useStorage(localStorage);
startAiDriver(store);

const app = document.getElementById('app')!;
const screenRoot = h('div');
const curtainRoot = h('div');
app.replaceChildren(screenRoot, curtainRoot);

let shown: AppState['screen'] | null = null;
let shownGame: string | null = null;
let table: TableScreen | null = null;

function syncHash(state: AppState) {
  const want = state.game && state.screen !== 'menu' ? `#game=${state.game.id}` : '';
  if (location.hash !== want) history.replaceState(null, '', want || location.pathname + location.search);
}

function render() {
  const state = store.getState();
  const gameId = state.game?.id ?? null;
  if (state.screen !== shown || gameId !== shownGame) {
    table?.destroy();
    table = null;
    shown = state.screen;
    shownGame = gameId;
    document.body.dataset.screen = state.screen;
    window.scrollTo(0, 0);
    if (state.screen === 'menu') menuShown();
    if (state.screen === 'table') {
      table = mountTableScreen(store);
      screenRoot.replaceChildren(table.root);
    }
  }
  if (state.screen === 'menu') renderMenu(screenRoot, store);
  else if (state.screen === 'briefing') renderBriefing(screenRoot, store);
  else if (state.screen === 'results') renderResults(screenRoot, store);
  else table?.update();
  renderCurtain(curtainRoot, store);
  syncHash(state);
}

/** A reload with `#game=…` resumes that game; a save that cannot be resumed is reported. */
async function resumeFromHash() {
  const id = /^#game=([\w-]+)$/.exec(location.hash)?.[1];
  if (!id) return;
  const r = await readSave(localStorage, SAVE_PREFIX + id);
  if (isProblem(r)) store.setState({ notice: `The game in this address cannot be resumed: ${r.reason}.` });
  else {
    resumeGame(store, r);
    void restoreFeed(store);
  }
}

let queued = false;
let booted = false;
store.subscribe((state, prev) => {
  if (!booted) return;
  // menu choices re-render themselves; a settings change alone does not rebuild the screen
  if (
    state.screen === 'menu' &&
    prev.screen === 'menu' &&
    state.notice === prev.notice &&
    state.settings !== prev.settings
  )
    return;
  if (queued) return;
  queued = true;
  queueMicrotask(() => {
    queued = false;
    render();
  });
});
void resumeFromHash().finally(() => {
  booted = true;
  render();
  performance.mark('menu-ready');
  document.body.dataset.ready = 'true';
});
