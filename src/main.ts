// The app's entry: one store, the computer's driver, and the screens rendered from the store — menu,
// briefing, table and results, with the hot-seat curtain on top. The URL's hash names the game
// being played (`#game=…`), so a reload resumes it from its autosave.
import './ui/styles.css';
import { setMuted } from './present/sound.ts';
import { restoreFeed, startAiDriver } from './store/ai-driver.ts';
import { openRecord, type RefusedGame } from './store/game-file.ts';
import { decodeLink } from './store/game-link.ts';
import {
  type AppState,
  gameTakenAway,
  makeAppStore,
  openReplay,
  resumeGame,
  useSaves,
  writesDone,
} from './store/game-store.ts';
import { migrateLocalSaves } from './store/migrate-saves.ts';
import { saveDb } from './store/save-db.ts';
import { isProblem, readSave, saveAsFile } from './store/saves.ts';
import { browserTabGames } from './store/tab-lock.ts';
import { renderBriefing } from './ui/briefing.ts';
import { renderClassResults } from './ui/class-screen.ts';
import { renderCurtain } from './ui/curtain.ts';
import { renderDebrief } from './ui/debrief-screen.ts';
import { h } from './ui/dom.ts';
import { menuShown, renderMenu } from './ui/menu.ts';
import { mountReplayScreen, type ReplayScreen } from './ui/replay-screen.ts';
import { renderResults } from './ui/results.ts';
import { renderSaveAlert } from './ui/save-alert.ts';
import { loadSettings } from './ui/settings.ts';
import { mountTableScreen, type TableScreen } from './ui/table-screen.ts';

const settings = loadSettings();
setMuted(settings.muted);
const store = makeAppStore(settings);
useSaves(
  saveDb(),
  browserTabGames(
    () => writesDone(store),
    (id) => gameTakenAway(store, id),
  ),
);
startAiDriver(store);

const app = document.getElementById('app')!;
const alertRoot = h('div');
const screenRoot = h('div');
const curtainRoot = h('div');
app.replaceChildren(alertRoot, screenRoot, curtainRoot);

let shown: AppState['screen'] | null = null;
let shownGame: unknown = null; // the game shown: a save's id, or the record in the replay viewer
let table: TableScreen | ReplayScreen | null = null;

// A live class (`#class` for the instructor, `#join` for a student): loaded only from its address.
let classPage = false;
function openClass() {
  if (classPage || !/^#(class$|join)/.test(location.hash)) return false;
  classPage = true;
  void import('./ui/class-live.ts').then((m) => m.mountClass(app));
  return true;
}

// Online play: its screens load only when a player chooses it, or opens a room's link.
const ONLINE_HASH = /^#(online|room=)/;
let online = false;
function openOnline() {
  if (online || !ONLINE_HASH.test(location.hash)) return false;
  online = true;
  classPage = false;
  void import('./ui/online-screen.ts').then((m) => m.mountOnline(app));
  void import('./ui/class-clock.ts').then((m) => m.mountClassClock()); // shown only in a class game
  return true;
}

function syncHash(state: AppState) {
  if (online || classPage) return;
  if (state.screen === 'replay' || state.screen === 'class') return; // a link being viewed stays
  const want = state.game && state.screen !== 'menu' ? `#game=${state.game.id}` : '';
  if (location.hash !== want) history.replaceState(null, '', want || location.pathname + location.search);
}

function render() {
  const state = store.getState();
  const gameId = state.screen === 'replay' ? (state.replay?.record ?? null) : (state.game?.id ?? null);
  const rebuilt = state.screen !== shown || gameId !== shownGame;
  if (rebuilt) {
    table?.destroy();
    table = null;
    shown = state.screen;
    shownGame = gameId;
    document.body.dataset.screen = state.screen;
    delete document.body.dataset.table; // set again when a table is drawn
    window.scrollTo(0, 0);
    if (state.screen === 'menu') menuShown();
    if (state.screen === 'table' || state.screen === 'replay') {
      table = state.screen === 'table' ? mountTableScreen(store) : mountReplayScreen(store);
      screenRoot.replaceChildren(table.root);
    }
  }
  if (state.screen === 'menu') renderMenu(screenRoot, store);
  else if (state.screen === 'briefing') renderBriefing(screenRoot, store);
  else if (state.screen === 'results') renderResults(screenRoot, store);
  else if (state.screen === 'debrief') {
    if (rebuilt) renderDebrief(screenRoot, store);
  } else if (state.screen === 'class') {
    if (rebuilt) renderClassResults(screenRoot, store);
  } else table?.update();
  renderCurtain(curtainRoot, store);
  renderSaveAlert(alertRoot, store);
  screenRoot.inert = state.curtain !== null; // behind the curtain nothing can be reached
  if ((rebuilt || (curtainWas !== null && state.curtain === null)) && state.curtain === null)
    focusScreen(state.screen);
  curtainWas = state.curtain;
  syncHash(state);
}

let curtainWas: AppState['curtain'] = null;

/** A new screen: the focus goes to what it asks of the player first, or to its heading. */
function focusScreen(screen: AppState['screen']) {
  if (screen === 'menu' || screen === 'table') return; // the menu starts at its skip link; the table places its own
  const target =
    screenRoot.querySelector<HTMLElement>('[data-autofocus]') ?? screenRoot.querySelector<HTMLElement>('h1');
  if (!target) return;
  if (target.tagName === 'H1') target.tabIndex = -1;
  target.focus();
}

/** A reload with `#game=…` resumes that game (a save's id) or replays it (a game link). */
async function resumeFromHash() {
  const text = /^#game=(.*)$/s.exec(location.hash)?.[1];
  if (text === undefined) return;
  if (/^[a-z0-9]{1,20}$/.test(text)) {
    const r = await readSave(saveDb(), text, localStorage, true); // its states restore the feed
    if (!isProblem(r)) {
      resumeGame(store, r);
      void restoreFeed(store, r.states);
      return;
    }
    if (r.reason !== 'it is no longer there') {
      const file = await saveAsFile(saveDb(), text).catch(() => null);
      const sentence = `The saved game in this address cannot be resumed: ${r.reason}.`;
      store.setState({ refusedGame: file && !r.broken ? { text: sentence, file } : { text: sentence } });
      return;
    }
  }
  const link = decodeLink(text);
  const opened = link.ok ? await openRecord(link.record, localStorage) : link;
  if (opened.ok) openReplay(store, opened);
  else {
    const sentence = `The game in this link cannot be opened: ${opened.reason}.`;
    const file = (opened as RefusedGame).keep;
    store.setState({ refusedGame: file ? { text: sentence, file } : { text: sentence } });
  }
}

// a game link opened in a page already showing (only the address's hash changed)
window.addEventListener('hashchange', () => {
  if (!openClass() && !openOnline()) void resumeFromHash();
});

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
// saves kept in localStorage by earlier versions move to IndexedDB once, before any is listed
if (!openClass() && !openOnline())
  void migrateLocalSaves(localStorage, saveDb())
    .catch(() => undefined)
    .then(resumeFromHash)
    .finally(() => {
      booted = true;
      render();
      performance.mark('menu-ready');
      document.body.dataset.ready = 'true';
    });
