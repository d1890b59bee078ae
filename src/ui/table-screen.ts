// The table screen: the top bar (scenario, turn and date, who is at the screen, the upper hand one
// click away, undo, mute, menu), the Phaser table — loaded by dynamic import when a game starts —
// with the news feed under it, and the side panel with the Talks, Orders and Briefing tabs. Mounted
// once per game; its parts re-render from the store.
import { isEpilogue, rulesFor } from '../engine';
import type { TableFeed } from '../game/table-scene';
import { CJK } from '../present/cjk-text';
import { play, setMuted } from '../present/sound';
import { sideName, turnDate } from '../present/text';
import { type AppStore, type GameSession, isHotSeat, toMenu, undo, undoableIndex } from '../store/game-store';
import { briefingBody } from './briefing';
import { button, h, rerender } from './dom';
import { openShareDialog } from './export';
import { leverageHeadline, openLeverageDialog } from './leverage-dialog';
import { newsFeed } from './news-feed';
import { ordersPanel } from './orders-panel';
import { saveSettings } from './settings';
import { tableCanvas } from './table-canvas';
import { tableSummary } from './table-summary';
import { talksPanel } from './talks-panel';

type Tab = 'talks' | 'orders' | 'briefing';

/** The live game as the table's feed, drawn for the side at the screen. */
function gameFeed(store: AppStore): TableFeed {
  return {
    current() {
      const { game, viewer } = store.getState();
      return game ? { scenario: game.scenario, state: game.state, viewer: viewer ?? 'public' } : null;
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
  const summary = h('div');
  const news = h('section', { class: 'news', 'aria-label': 'News' });
  const tabs = h('div', { class: 'tabs', role: 'tablist' });
  const body = h('div', { class: 'tab-body', role: 'tabpanel' });
  const panel = h('section', { class: 'panel', 'aria-label': 'Your moves' }, tabs, body);
  const root = h(
    'div',
    { class: 'table-screen' },
    topbar,
    h('main', { class: 'table-main' }, h('div', { class: 'table-left' }, canvas.host, news), panel),
    summary,
  );
  let tab: Tab = 'talks';
  let tabFor = ''; // the phase the tab was chosen for

  const refresh = () => update();

  function renderTop(game: GameSession) {
    const sc = game.scenario;
    const s = game.state;
    const rules = rulesFor(sc);
    const { viewer, settings } = store.getState();
    const head = leverageHeadline(game, viewer);
    const canUndo = undoableIndex(game, viewer) >= 0;
    const mute = button(
      settings.muted ? 'Sound off' : 'Sound on',
      () => {
        const next = { ...store.getState().settings, muted: !store.getState().settings.muted };
        setMuted(next.muted);
        saveSettings(next);
        store.setState({ settings: next });
      },
      { 'aria-pressed': String(!settings.muted), 'data-key': 'mute', 'aria-label': 'Sound' },
    );
    rerender(topbar, () => [
      h('span', { class: 'title' }, sc.meta.title),
      h(
        'span',
        { class: 'when', role: 'status', 'aria-label': 'Calendar' },
        `Turn ${Math.min(s.turn + 1, rules.totalTurns)} of ${rules.totalTurns} · ${turnDate(sc, Math.min(s.turn, rules.totalTurns - 1))}${isEpilogue(rules, s.turn) ? ' · epilogue' : ''} · ${s.phase === 'talks' ? 'talks' : s.phase === 'orders' ? 'orders' : 'over'}`,
      ),
      h('span', { class: 'spacer' }),
      viewer
        ? h(
            'span',
            { class: `you side-${viewer}` },
            `${viewer === 'us' ? '■' : '●'} You: ${sideName(sc, viewer)}`,
            h('span', { class: 'cjk', lang: 'zh-Hans', style: 'color:#fff', text: CJK[viewer] }),
          )
        : null,
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
          disabledReason: canUndo ? null : 'Nothing of yours to take back this turn.',
        },
      ),
      mute,
      button('Save or share', () => openShareDialog(game), { 'data-key': 'share' }),
      button('Menu', () => toMenu(store), { 'data-key': 'menu' }),
    ]);
  }

  function renderPanel(game: GameSession) {
    const { viewer, refusal, notice, feed } = store.getState();
    if (!viewer) {
      tabs.replaceChildren();
      body.replaceChildren(h('p', { class: 'status waiting', text: 'Waiting for the next player.' }));
      return;
    }
    const s = game.state;
    const phaseKey = `${s.turn}:${s.phase}:${viewer}`;
    if (phaseKey !== tabFor) {
      tabFor = phaseKey;
      tab = s.phase === 'orders' ? 'orders' : 'talks';
    }
    const tabButton = (t: Tab, label: string) => {
      const b = button(
        label,
        () => {
          tab = t;
          refresh();
        },
        { role: 'tab', 'aria-selected': String(tab === t), 'data-key': `tab-${t}` },
      );
      return b;
    };
    rerender(tabs, () => [
      tabButton('talks', 'Talks'),
      tabButton('orders', 'Orders'),
      tabButton('briefing', 'Briefing'),
    ]);
    body.setAttribute('aria-label', tab === 'talks' ? 'Talks' : tab === 'orders' ? 'Orders' : 'Briefing');
    rerender(body, () => {
      const parts: (HTMLElement | null)[] = [
        notice ? h('p', { class: 'notice', role: 'status', text: notice }) : null,
        refusal ? h('p', { class: 'refusal', role: 'alert', text: `Refused: ${refusal}` }) : null,
      ];
      if (tab === 'talks') parts.push(...talksPanel(store, game, viewer, refresh));
      else if (tab === 'orders') parts.push(...ordersPanel(store, game, viewer));
      else parts.push(briefingBody(game.scenario, viewer));
      const mine = feed
        .filter((f) => f.side !== viewer)
        .slice(-6)
        .reverse();
      if (!isHotSeat(game.setup) && tab !== 'briefing' && mine.length)
        parts.push(
          h(
            'section',
            { 'aria-label': 'The computer’s moves', style: 'margin-top:12px' },
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

  function update() {
    const { game } = store.getState();
    if (!game) return;
    renderTop(game);
    renderPanel(game);
    rerender(news, () => newsFeed(game));
    summary.replaceChildren(tableSummary(game));
  }

  update();
  return {
    root,
    update,
    destroy: canvas.destroy,
  };
}
