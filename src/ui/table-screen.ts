// The table screen: the top bar (scenario, phase, date, turns left and the time left when a timer
// runs, who is at the screen, the upper hand one click away, undo, sound, keys, save, menu); the
// board — the Phaser table (loaded by dynamic import when a game starts) and the same facts in
// words; the strip with each side's standing and, after a reveal, what the last turn did; the side
// panel with the Talks, Orders and Briefing tabs; and the news. The layout is CSS (a grid that
// becomes one column on narrow screens, where the words stand in for the canvas, the full table a
// tap away). After every action the focus goes to the next thing to do, and the polite live region
// reads out what the other side did. Mounted once per game; its parts re-render from the store.
import { pendingReadout, rulesFor } from '../engine/index.ts';
import { CJK } from '../present/cjk-text.ts';
import { play, setMuted } from '../present/sound.ts';
import { framer, type TableFeed } from '../present/table-frame.ts';
import { sideName } from '../present/text.ts';
import {
  type AppStore,
  type GameSession,
  isHotSeat,
  isReadOnly,
  READ_ONLY_REASON,
  toMenu,
  undo,
  undoableIndex,
} from '../store/game-store.ts';
import { makeAnnouncer } from './announcer.ts';
import { briefingBody } from './briefing.ts';
import { button, h, rerender } from './dom.ts';
import { openShareDialog } from './export.ts';
import { leverageHeadline, openLeverageDialog } from './leverage-dialog.ts';
import { newsFeed } from './news-feed.ts';
import { ordersPanel } from './orders-panel.ts';
import { saveSettings } from './settings.ts';
import { openShortcuts, typing } from './shortcuts.ts';
import { tableCanvas } from './table-canvas.ts';
import { calendarLine, clock, lastTurnStrip, timeLeft } from './table-status.ts';
import { tableSummary } from './table-summary.ts';
import { readoutSection, talksPanel } from './talks-panel.ts';

type Tab = 'talks' | 'orders' | 'briefing';
const TABS: readonly (readonly [Tab, string])[] = [
  ['talks', 'Talks'],
  ['orders', 'Orders'],
  ['briefing', 'Briefing'],
];

/** The live game as the table's feed, drawn for the side at the screen (its view, never the state). */
function gameFeed(store: AppStore): TableFeed {
  const frame = framer();
  return {
    current() {
      const { game, viewer } = store.getState();
      return game ? frame(game.scenario, game.state, viewer ?? 'public') : null;
    },
    subscribe(changed) {
      return store.subscribe((s, prev) => {
        if (s.game && (s.game.state !== prev.game?.state || s.viewer !== prev.viewer)) changed();
      });
    },
  };
}

export interface TableScreen {
  readonly root: HTMLElement;
  update(): void;
  destroy(): void;
}

/**
 * The talks or orders of a game played in another tab: every control that would make a move shown
 * disabled, with the reason in its description and once in words above them.
 */
function readOnly(parts: readonly HTMLElement[]): HTMLElement[] {
  for (const part of parts)
    for (const c of part.querySelectorAll<HTMLButtonElement | HTMLInputElement | HTMLSelectElement>(
      'button, input, select, textarea',
    )) {
      c.disabled = true;
      c.title = READ_ONLY_REASON;
    }
  return [h('p', { class: 'status waiting', 'data-key': 'read-only', text: READ_ONLY_REASON }), ...parts];
}

export function mountTableScreen(store: AppStore): TableScreen {
  const topbar = h('header', { class: 'topbar' });
  const canvas = tableCanvas(
    gameFeed(store),
    () => {
      const g = store.getState().game;
      if (g) openLeverageDialog(g, store.getState().viewer);
    },
    {
      class: 'table-canvas',
      'aria-label': 'The table: instruments, indicators, leverage, tension and the calendar',
    },
  );
  const summary = h('div', { class: 'summary-host' });
  const boardTools = h('div', { class: 'board-tools' });
  const board = h('section', { class: 'board', 'aria-label': 'The table' }, boardTools, canvas.host, summary);
  const strip = h('div', { class: 'strip' });
  const news = h('section', { class: 'news', 'aria-label': 'News', tabindex: '0' });
  const tabs = h('div', { class: 'tabs', role: 'tablist', 'aria-label': 'Your moves' });
  const body = h('div', { class: 'tab-body', role: 'tabpanel', tabindex: '0' });
  const panel = h('section', { class: 'panel', 'aria-label': 'Your moves' }, tabs, body);
  const root = h(
    'div',
    { class: 'table-screen' },
    topbar,
    h('main', { class: 'table-main' }, board, strip, panel, news),
  );
  let tab: Tab = 'talks';
  let tabFor = ''; // the phase the tab was chosen for
  // narrow screens show the words and may ask for the drawn table; wide ones the reverse
  const board2 = { full: false, words: false, pressures: false };
  let seenTurn = store.getState().game?.state.round.turn ?? 0;
  let firstUpdate = true;
  const hear = makeAnnouncer(store.getState());

  const refresh = () => update();

  const narrow = () => matchMedia('(max-width: 999px), (max-height: 599px)').matches;
  function toggleBoard(which: 'full' | 'words' | 'pressures' = narrow() ? 'full' : 'words') {
    board2[which] = !board2[which];
    root.dataset.full = String(board2.full);
    root.dataset.words = String(board2.words);
    root.dataset.pressures = String(board2.pressures);
    renderBoardTools();
  }

  function renderBoardTools() {
    rerender(boardTools, () => [
      button(board2.full ? 'Hide the full table' : 'Show the full table', () => toggleBoard('full'), {
        class: 'narrow-only',
        'aria-expanded': String(board2.full),
        'data-key': 'board-narrow',
      }),
      button(
        board2.pressures ? 'Hide the pressures at home' : 'Show the pressures at home',
        () => toggleBoard('pressures'),
        {
          class: 'narrow-only',
          'aria-expanded': String(board2.pressures),
          'data-key': 'board-pressures',
        },
      ),
      button(board2.words ? 'Show the table drawn' : 'Show the table in words', () => toggleBoard('words'), {
        class: 'wide-only small',
        'aria-pressed': String(board2.words),
        'data-key': 'board-wide',
      }),
    ]);
  }

  function renderTop(game: GameSession) {
    const sc = game.scenario;
    const s = game.state;
    const rules = rulesFor(sc);
    const { viewer, settings } = store.getState();
    const head = leverageHeadline(game, viewer);
    const canUndo = undoableIndex(game, viewer) >= 0;
    const cal = calendarLine(game);
    const left = timeLeft(s);
    const mute = button(
      settings.muted ? 'Sound: off' : 'Sound: on',
      () => {
        const next = { ...store.getState().settings, muted: !store.getState().settings.muted };
        setMuted(next.muted);
        saveSettings(next);
        store.setState({ settings: next });
      },
      { 'data-key': 'mute', title: settings.muted ? 'Turn the sound on' : 'Turn the sound off' },
    );
    rerender(topbar, () => [
      h(
        'div',
        { class: 'where' },
        h('span', { class: 'title' }, sc.meta.title),
        h(
          'span',
          { class: 'when', role: 'status', 'aria-label': 'Calendar' },
          h('strong', { class: 'phase', text: cal.phase }),
          ` · Turn ${Math.min(s.round.turn + 1, rules.totalTurns)} of ${rules.totalTurns} · ${cal.date} · `,
          h('span', { class: 'left', text: cal.left }),
        ),
        left !== null
          ? h('span', {
              class: 'timer',
              'aria-label': 'Time left in this phase',
              text: `⏱ ${clock(left)} left`,
            })
          : null,
        viewer
          ? h(
              'span',
              { class: `you side-${viewer}` },
              `${viewer === 'us' ? '■' : '●'} You: ${sideName(sc, viewer)}`,
              h('span', { class: 'cjk', lang: 'zh-Hans', style: 'color:#fff', text: CJK[viewer] }),
            )
          : null,
      ),
      h(
        'nav',
        { class: 'tools', 'aria-label': 'Game' },
        button(
          head ? 'Who has the upper hand?' : 'Upper hand: hidden',
          () => openLeverageDialog(game, viewer),
          {
            'data-key': 'leverage',
            title: head ?? 'Leverage is hidden until the end of the game',
          },
        ),
        button(
          'Undo',
          () => {
            if (undo(store)) play('move');
          },
          {
            'data-key': 'undo',
            'aria-label': 'Undo my last move',
            disabledReason: isReadOnly(store.getState())
              ? READ_ONLY_REASON
              : canUndo
                ? null
                : 'Nothing of yours to take back this turn.',
          },
        ),
        mute,
        button('Keys', openShortcuts, {
          'data-key': 'keys',
          'aria-label': 'Keys: keyboard shortcuts',
          'aria-keyshortcuts': '?',
        }),
        button('Save or share', () => openShareDialog(game), { 'data-key': 'share' }),
        button('Menu', () => toMenu(store), { 'data-key': 'menu' }),
      ),
    ]);
  }

  function selectTab(t: Tab, focus: boolean) {
    tab = t;
    refresh();
    if (focus) tabs.querySelector<HTMLElement>(`[data-key="tab-${t}"]`)?.focus();
  }

  function renderPanel(game: GameSession) {
    const { viewer, refusal, notice, feed } = store.getState();
    if (!viewer) {
      tabs.replaceChildren();
      body.replaceChildren(h('p', { class: 'status waiting', text: 'Waiting for the next player.' }));
      return;
    }
    const s = game.state;
    const phaseKey = `${s.round.turn}:${s.round.phase}:${viewer}`;
    if (phaseKey !== tabFor) {
      tabFor = phaseKey;
      tab = s.round.phase === 'orders' ? 'orders' : 'talks';
    }
    rerender(tabs, () =>
      TABS.map(([t, label], i) => {
        const b = button(label, () => selectTab(t, false), {
          role: 'tab',
          id: `tab-${t}`,
          'aria-selected': String(tab === t),
          'aria-controls': 'tab-body',
          tabindex: tab === t ? '0' : '-1',
          'data-key': `tab-${t}`,
        });
        b.addEventListener('keydown', (e) => {
          const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
          if (!step) return;
          e.preventDefault();
          selectTab(TABS[(i + step + TABS.length) % TABS.length]![0], true);
        });
        return b;
      }),
    );
    body.id = 'tab-body';
    body.setAttribute('aria-labelledby', `tab-${tab}`);
    rerender(body, () => {
      const parts: (HTMLElement | null)[] = [
        notice ? h('p', { class: 'notice', role: 'status', text: notice }) : null,
        refusal ? h('p', { class: 'refusal', role: 'alert', text: `Refused: ${refusal}` }) : null,
      ];
      const owed = tab === 'orders' ? readoutSection(store, game, viewer) : null;
      const moves =
        tab === 'talks'
          ? talksPanel(store, game, viewer, refresh)
          : tab === 'orders'
            ? [...(owed ? [owed] : []), ...ordersPanel(store, game, viewer)]
            : [];
      if (tab === 'briefing') parts.push(briefingBody(game.scenario, viewer));
      else if (isReadOnly(store.getState())) parts.push(...readOnly(moves));
      else parts.push(...moves);
      const mine = feed
        .filter((f) => f.side !== viewer)
        .slice(-6)
        .reverse();
      if (!isHotSeat(game.setup) && tab !== 'briefing' && mine.length)
        parts.push(
          h(
            'section',
            { class: 'computer', 'aria-label': 'The computer’s moves' },
            h('h3', { text: 'The computer’s moves' }),
            h(
              'ol',
              { class: 'feed' },
              mine.map((f) =>
                h(
                  'li',
                  { class: `side-${f.side}` },
                  h('strong', { text: `${sideName(game.scenario, f.side)} (turn ${f.turn + 1}): ` }),
                  f.text,
                ),
              ),
            ),
          ),
        );
      return parts.filter((p): p is HTMLElement => p !== null);
    });
  }

  /** The control the player would use next, in the panel as it is now. */
  function nextThing(game: GameSession): HTMLElement | null {
    const { viewer } = store.getState();
    const s = game.state;
    const q = (sel: string) => body.querySelector<HTMLElement>(sel);
    const enabled = (el: HTMLElement | null) =>
      el && !(el instanceof HTMLButtonElement && el.disabled) ? el : null;
    if (!viewer) return null;
    if (tab === 'briefing') return tabs.querySelector('[aria-selected="true"]');
    // A readout still owed comes first (on either tab: a deal signed with the talks' last move)
    const readout = pendingReadout(s, viewer) ? q('[data-key="trumpet"]') : null;
    if (readout) return readout;
    return (
      enabled(q('[data-key="accept"]')) ??
      q('[data-key="reject"]') ??
      q('[data-key="pick-give"]') ??
      q('[data-key="pass"]') ??
      q('[data-key="lever-0"]') ??
      q('[data-key="pass-orders"]') ??
      q('[data-park]') ??
      body
    );
  }

  /** After each change: the focus goes to the result when a turn resolves, else to the next thing to do if it was lost. */
  function placeFocus(game: GameSession) {
    if (store.getState().curtain || document.querySelector('dialog[open]')) return;
    const active = document.activeElement;
    const lost = !active || active === document.body || !active.isConnected;
    const parked = active instanceof HTMLElement && (active.dataset.park !== undefined || active === body);
    const turned = game.state.round.turn !== seenTurn;
    seenTurn = game.state.round.turn;
    if (turned && !firstUpdate) {
      const result = strip.querySelector<HTMLElement>('[data-key="last-turn"]');
      if (result && (lost || parked || body.contains(active))) {
        result.focus();
        return;
      }
    }
    if (lost || parked) nextThing(game)?.focus();
  }

  function update() {
    const { game } = store.getState();
    if (!game) return;
    renderTop(game);
    rerender(strip, () => [lastTurnStrip(game, store.getState().viewer)]);
    renderPanel(game);
    rerender(news, () => newsFeed(game));
    summary.replaceChildren(tableSummary(game, store.getState().viewer));
    hear(store.getState());
    placeFocus(game);
    firstUpdate = false;
  }

  function onKey(e: KeyboardEvent) {
    if (typing(e) || !root.isConnected || store.getState().curtain) return;
    const game = store.getState().game;
    if (!game) return;
    const k = e.key.toLowerCase();
    const act: Record<string, () => void> = {
      '?': openShortcuts,
      n: () => nextThing(game)?.focus(),
      t: () => selectTab('talks', true),
      o: () => selectTab('orders', true),
      b: () => selectTab('briefing', true),
      l: () => openLeverageDialog(game, store.getState().viewer),
      w: () => toggleBoard(),
      u: () => {
        if (undo(store)) play('move');
      },
      s: () => openShareDialog(game),
    };
    const run = act[k];
    if (!run) return;
    e.preventDefault();
    run();
  }
  document.addEventListener('keydown', onKey);

  // a phase timer, when the game carries one, counts down once a second
  const ticker = setInterval(() => {
    const g = store.getState().game;
    const el = topbar.querySelector('.timer');
    const left = g ? timeLeft(g.state) : null;
    if (el && left !== null) el.textContent = `⏱ ${clock(left)} left`;
  }, 1000);

  renderBoardTools();
  update();
  return {
    root,
    update,
    destroy() {
      clearInterval(ticker);
      document.removeEventListener('keydown', onKey);
      canvas.destroy();
    },
  };
}
