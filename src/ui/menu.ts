// The first screen: pick a scenario (title, period, summary, minutes, and who holds the upper hand
// at its opening), a side, a mode (against the computer at a level, or two players at one screen)
// and the game's settings; continue or delete a saved game; load scenario files from disk. Every
// scenario text is set as text.
import type { LeverageVisibility, Setup, Side } from '../engine/index.ts';
import { CJK } from '../present/cjk-text.ts';
import { emblemUrl } from '../present/icons.ts';
import type { AiModule } from '../store/ai.ts';
import { loadAi } from '../store/ai.ts';
import {
  addLoadedScenario,
  fileScenarios,
  findScenario,
  type ScenarioInfo,
  shippedScenarios,
} from '../store/catalog.ts';
import { openGameFile } from '../store/game-file.ts';
import { type AppStore, openReplay, startGame, toClassResults } from '../store/game-store.ts';
import { saveDb } from '../store/save-db.ts';
import { listSaves } from '../store/saves.ts';
import { serverSignatureCheck } from '../store/server-check.ts';
import { button, h, select } from './dom.ts';
import { type FileLoad, loadFiles } from './file-loader.ts';
import { type SavesList, savedGamesCard } from './saved-games.ts';
import { PACES, saveSettings } from './settings.ts';

type Mode = 'solo' | 'hotseat';

interface MenuState {
  hash: string;
  side: Side;
  mode: Mode;
  level: number;
  randomEvents: boolean;
  leverage: LeverageVisibility;
  seed: string;
  fileResult: FileLoad | null;
  loading: boolean;
  ai: AiModule | null | 'loading';
  saves: SavesList | null; // null while the headers are read
  starting: boolean;
}

const randomSeed = () => `seed-${Math.floor(Math.random() * 1e6)}`;

let menu: MenuState | null = null;

function menuState(): MenuState {
  if (!menu) {
    const first = shippedScenarios()[0];
    menu = {
      hash: first?.hash ?? '',
      side: 'us',
      mode: 'solo',
      level: 2,
      randomEvents: true,
      leverage: 'live',
      seed: randomSeed(),
      fileResult: null,
      loading: false,
      ai: 'loading',
      saves: null,
      starting: false,
    };
    reloadSaves();
    void loadAi().then((ai) => {
      if (!menu) return;
      menu.ai = ai;
      if (ai) menu.level = ai.DEFAULT_AI_LEVEL;
      else menu.mode = 'hotseat';
      refresh();
    });
  }
  return menu;
}

let refresh: () => void = () => {};

/** The menu is shown again: its list of saved games is checked afresh. */
export function menuShown() {
  if (menu) {
    menu.saves = null;
    reloadSaves();
  }
}

/** Reads the saved games' headers (no game is replayed) and shows them when done. */
function reloadSaves() {
  void listSaves(saveDb(), localStorage)
    .catch(() => ({
      saves: [],
      problems: [{ id: '', title: 'every', reason: 'the browser’s storage could not be read' }],
    }))
    .then((r) => {
      if (!menu) return;
      menu.saves = r;
      refresh();
    });
}

const entries = (): ScenarioInfo[] => [...shippedScenarios(), ...fileScenarios()];

function scenarioCard(entry: ScenarioInfo, m: MenuState): HTMLElement {
  const sc = entry;
  const checked = m.hash === entry.hash;
  const radio = h('input', {
    type: 'radio',
    name: 'scenario',
    value: entry.hash,
    'aria-label': `Play ${sc.meta.title}`,
  });
  radio.checked = checked;
  radio.addEventListener('change', () => {
    m.hash = entry.hash;
    refresh();
  });
  const card = h(
    'section',
    { class: checked ? 'card scenario-card chosen' : 'card scenario-card', 'aria-label': sc.meta.title },
    h('h3', { text: sc.meta.title }),
    h(
      'p',
      { class: 'meta' },
      `${sc.meta.period} · about ${sc.meta.minutes} minutes`,
      entry.origin === 'file' ? ' · loaded from a file' : '',
    ),
    h('p', { class: checked ? 'summary' : 'summary clamp', text: sc.meta.summary }),
    h('p', { class: 'hand', text: entry.headline }),
    h('label', { class: 'choice' }, radio, h('span', { text: 'Play this scenario' })),
  );
  card.addEventListener('click', (e) => {
    if (e.target instanceof HTMLInputElement) return;
    m.hash = entry.hash;
    refresh();
  });
  return card;
}

function sidePicker(m: MenuState, sc: ScenarioInfo | undefined): HTMLElement {
  const pick = (side: Side) => {
    const input = h('input', { type: 'radio', name: 'side', value: side });
    input.checked = m.side === side;
    input.addEventListener('change', () => {
      m.side = side;
      refresh();
    });
    return h(
      'label',
      { class: `side-pick side-${side}` },
      input,
      h('img', { src: emblemUrl(side), alt: '' }),
      h(
        'span',
        {},
        h('strong', { text: sc ? sc.sides[side].name : side }),
        h('span', { class: 'cjk', lang: 'zh-Hans', text: CJK[side] }),
        h('br'),
        h('span', { class: 'badge', text: side === 'us' ? '■ US' : '● CN' }),
      ),
    );
  };
  return h(
    'fieldset',
    {},
    h('legend', { text: 'Your side' }),
    h('div', { class: 'side-picks' }, pick('us'), pick('cn')),
    m.mode === 'hotseat'
      ? h('p', {
          class: 'hint',
          text: 'Two players: each side has its own turn at the screen; this side is briefed first.',
        })
      : null,
  );
}

function modePicker(m: MenuState): HTMLElement {
  const aiReady = m.ai !== null && m.ai !== 'loading';
  const radio = (mode: Mode, label: string, disabled: boolean) => {
    const input = h('input', {
      type: 'radio',
      name: 'mode',
      value: mode,
      'data-loading': m.ai === 'loading',
    });
    input.checked = m.mode === mode;
    input.disabled = disabled;
    input.addEventListener('change', () => {
      m.mode = mode;
      refresh();
    });
    return h('label', { class: 'choice' }, input, h('span', { text: label }));
  };
  const levels = aiReady && m.ai && m.ai !== 'loading' ? m.ai.AI_LEVELS : [1, 2, 3];
  const level = select(
    'Computer’s level',
    levels.map(
      (l) =>
        [String(l), `Level ${l}${l === 1 ? ' (gentle)' : l === levels.length ? ' (shrewd)' : ''}`] as const,
    ),
    String(m.level),
    (v) => {
      m.level = Number(v);
    },
  );
  const levelSelect = level.querySelector('select')!;
  levelSelect.disabled = m.mode !== 'solo' || !aiReady;
  return h(
    'fieldset',
    {},
    h('legend', { text: 'Mode' }),
    radio('solo', 'Against the computer', !aiReady),
    m.ai === null ? h('p', { class: 'hint', text: 'The computer opponent is not in this build yet.' }) : null,
    radio('hotseat', 'Two players at one screen', false),
    h('div', { style: 'margin-top:6px' }, level),
  );
}

function settingsPicker(m: MenuState, store: AppStore): HTMLElement {
  const events = h('input', { type: 'checkbox' });
  events.checked = m.randomEvents;
  events.addEventListener('change', () => {
    m.randomEvents = events.checked;
  });
  const seed = h('input', { type: 'text', value: m.seed, spellcheck: 'false', 'aria-label': 'Seed' });
  seed.addEventListener('input', () => {
    m.seed = seed.value;
  });
  const settings = store.getState().settings;
  return h(
    'fieldset',
    {},
    h('legend', { text: 'Settings' }),
    h(
      'div',
      { class: 'settings-grid' },
      select(
        'Leverage',
        [
          ['live', 'Shown live to both'],
          ['own', 'Each side sees its own'],
          ['after', 'Hidden until the end'],
        ],
        m.leverage,
        (v) => {
          m.leverage = v as LeverageVisibility;
        },
      ),
      select(
        'Pace of the computer',
        PACES.map(([ms, l]) => [String(ms), l] as const),
        String(settings.pace),
        (v) => {
          const next = { ...store.getState().settings, pace: Number(v) };
          store.setState({ settings: next });
          saveSettings(next);
        },
      ),
      h('label', { class: 'field' }, h('span', { text: 'Seed' }), seed),
      h('label', { class: 'choice', style: 'align-self:end' }, events, h('span', { text: 'Random events' })),
    ),
  );
}

async function start(store: AppStore, m: MenuState) {
  if (m.starting) return;
  m.starting = true;
  performance.mark('start-clicked');
  void import('../game/table.ts'); // fetched while the briefing is read
  const entry = await findScenario(m.hash, localStorage);
  m.starting = false;
  if (!entry) {
    store.setState({ notice: 'That scenario could not be loaded.' });
    return;
  }
  const other: Side = m.side === 'us' ? 'cn' : 'us';
  const ai = m.ai !== 'loading' ? m.ai : null;
  const solo = m.mode === 'solo' && ai;
  const seats: Setup['seats'] = solo
    ? ({
        [m.side]: { kind: 'human' },
        [other]: { kind: 'ai', profile: ai.defaultSeat(entry.scenario, other).profile, level: m.level },
      } as Setup['seats'])
    : { us: { kind: 'human' }, cn: { kind: 'human' } };
  const setup: Setup = { seats, randomEvents: m.randomEvents, leverage: m.leverage };
  startGame(store, entry, { seed: m.seed.trim() || randomSeed(), setup, first: m.side });
  menu = { ...m, seed: randomSeed() };
}

function fileLoader(store: AppStore, m: MenuState): HTMLElement {
  const input = h('input', {
    type: 'file',
    multiple: true,
    accept: '.yaml,.yml,.json',
    'aria-label': 'Load scenario files',
  });
  const take = async (files: File[]) => {
    if (files.length === 0) return;
    m.loading = true;
    m.fileResult = null;
    refresh();
    const r = await loadFiles(files);
    m.loading = false;
    m.fileResult = r;
    if (r.ok) {
      const entry = addLoadedScenario(r.scenario, r.hash, localStorage);
      m.hash = entry.hash;
      if (!entry.kept)
        store.setState({
          notice: `“${r.scenario.meta.title}” is loaded for this visit, but the browser’s storage is full, so it is not kept: to continue its games on a later visit, load its file again.`,
        });
    }
    refresh();
  };
  input.addEventListener('change', () => void take([...(input.files ?? [])]));
  const zone = h(
    'div',
    { class: 'dropzone', role: 'group', 'aria-label': 'Drop scenario files here' },
    h('p', { text: 'Drop scenario files here (a world and its opening together), or choose them:' }),
    input,
  );
  zone.addEventListener('dragover', (e) => {
    e.preventDefault();
    zone.classList.add('over');
  });
  zone.addEventListener('dragleave', () => zone.classList.remove('over'));
  zone.addEventListener('drop', (e) => {
    e.preventDefault();
    zone.classList.remove('over');
    void take([...(e.dataTransfer?.files ?? [])]);
  });
  const r = m.fileResult;
  let report: HTMLElement | null = null;
  if (m.loading) report = h('p', { role: 'status', text: 'Checking the files…' });
  else if (r && !r.ok) {
    const items = [...r.errors, ...r.warnings].map((d) =>
      h(
        'li',
        {},
        h('span', { class: 'where', text: d.where }),
        ' ',
        d.field ? h('code', { text: `${d.field}:` }) : null,
        ` ${d.message}`,
        d.severity === 'warning' ? ' (warning)' : '',
      ),
    );
    report = h(
      'section',
      { class: 'diagnostics', role: 'alert', 'aria-label': 'Problems in the scenario files' },
      h('strong', {
        text: `${r.files.join(', ')}: ${r.errors.length} problem${r.errors.length === 1 ? '' : 's'}${r.more === undefined ? '' : ' listed'} — the scenario was not loaded.`,
      }),
      h('ol', {}, items),
      r.more === undefined ? null : h('p', { class: 'more', text: `${r.more}.` }),
    );
  } else if (r?.ok) {
    report = h(
      'p',
      { class: 'loaded-ok', role: 'status' },
      `Loaded “${r.scenario.meta.title}” from ${r.files.join(', ')}`,
      r.warnings.length ? ` (${r.warnings.length} warning${r.warnings.length === 1 ? '' : 's'})` : '',
      '.',
    );
  }
  return h(
    'section',
    { class: 'card', 'aria-label': 'Your own scenario' },
    h('h2', { text: 'Your own scenario' }),
    zone,
    report,
  );
}

/** Opening a game file or link in the replay viewer, and the instructor's class results page. */
function replaysCard(store: AppStore): HTMLElement {
  const input = h('input', {
    type: 'file',
    accept: '.json,application/json',
    'aria-label': 'Open a game file',
  });
  const open = async (file: File | undefined) => {
    if (!file) return;
    const r = await openGameFile(await file.text(), localStorage, serverSignatureCheck);
    if (r.ok) openReplay(store, r);
    else store.setState({ notice: `The game file “${file.name}” is refused: ${r.reason}.` });
  };
  input.addEventListener('change', () => void open(input.files?.[0]));
  const card = h(
    'section',
    { class: 'card', 'aria-label': 'Replays and class results' },
    h('h2', { text: 'Replays and class results' }),
    h('label', { class: 'field' }, h('span', { text: 'Open a game file (or drop it here)' }), input),
    h(
      'div',
      { class: 'start-row' },
      button('Class results', () => toClassResults(store)),
      button('Play online', () => {
        location.hash = '#online'; // each side at its own laptop: the online screens load now
      }),
    ),
  );
  card.addEventListener('dragover', (e) => e.preventDefault());
  card.addEventListener('drop', (e) => {
    e.preventDefault();
    void open(e.dataTransfer?.files[0]);
  });
  return card;
}

/** Builds the menu into `root`; `refreshMenu` rebuilds it after a choice changes. */
export function renderMenu(root: HTMLElement, store: AppStore) {
  const m = menuState();
  // Saves and the computer opponent load in the background: what arrives after the player has
  // left the menu must not draw the menu over the screen they went to.
  refresh = () => {
    if (store.getState().screen === 'menu') renderMenu(root, store);
  };
  const list = entries();
  if (!list.some((e) => e.hash === m.hash)) m.hash = list[0]?.hash ?? '';
  const chosen = list.find((e) => e.hash === m.hash);
  const notice = store.getState().notice;
  const canStart = chosen !== undefined && !(m.mode === 'solo' && (m.ai === null || m.ai === 'loading'));
  const startBtn = button('Start game', () => void start(store, m), {
    class: 'primary',
    'data-key': 'start',
    disabledReason: canStart
      ? null
      : m.ai === 'loading'
        ? 'The computer opponent is loading…'
        : 'Choose a scenario first.',
  });
  const active = document.activeElement as HTMLElement | null;
  const activeName =
    active && root.contains(active) ? (active.getAttribute('aria-label') ?? active.textContent ?? '') : '';
  // the first stop of the keyboard: straight to Start (the default game in four key presses)
  const skip = button(
    'Skip to the Start button',
    () => root.querySelector<HTMLElement>('[data-key="start"]')?.focus(),
    { class: 'skip-link', 'data-key': 'skip' },
  );
  root.replaceChildren(
    skip,
    h(
      'main',
      { class: 'menu' },
      h(
        'header',
        {},
        h('h1', { text: 'Upper Hand' }),
        h('span', { class: 'cjk', lang: 'zh-Hans', style: 'font-size:1.6em', text: CJK.title }),
      ),
      h('p', {
        class: 'tagline',
        text: 'The 2025 US–China trade talks. Who holds the upper hand — and does holding it win you the bigger slice?',
      }),
      notice ? h('p', { class: 'notice', role: 'status', text: notice }) : null,
      h(
        'div',
        { class: 'menu-grid' },
        h(
          'div',
          {},
          h('h2', { text: 'Scenarios' }),
          h(
            'div',
            { role: 'group', 'aria-label': 'Scenarios' },
            list.map((e) => scenarioCard(e, m)),
          ),
          fileLoader(store, m),
        ),
        h(
          'div',
          {},
          h(
            'section',
            { class: 'card', 'aria-label': 'New game' },
            h('h2', { text: 'New game' }),
            sidePicker(m, chosen),
            modePicker(m),
            settingsPicker(m, store),
            h('div', { class: 'start-row' }, startBtn),
          ),
          h('div', { style: 'height:14px' }),
          savedGamesCard(store, m.saves, reloadSaves),
          h('div', { style: 'height:14px' }),
          replaysCard(store),
        ),
      ),
    ),
  );
  if (activeName) {
    const again = [...root.querySelectorAll<HTMLElement>('input,select,button')].find(
      (x) => (x.getAttribute('aria-label') ?? x.textContent ?? '') === activeName,
    );
    again?.focus();
  }
}
