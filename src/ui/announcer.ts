// The polite live region: what a screen reader hears without looking for it — the computer's moves
// with their reasons, the other side's proposals and answers, revealed orders and the news, one
// sentence each. It lives outside the screens, so it outlasts their re-rendering; what was already
// in the game when a table opened is not read out again.
import type { Side } from '../engine/index.ts';
import { newsLine, sideName } from '../present/text.ts';
import type { AppState, GameSession } from '../store/game-store.ts';
import { h } from './dom.ts';

let region: HTMLElement | null = null;

function liveRegion(): HTMLElement {
  if (!region?.isConnected) {
    region = h('div', {
      class: 'sr-only',
      id: 'announcer',
      role: 'log',
      'aria-live': 'polite',
      'aria-relevant': 'additions',
      'aria-label': 'Announcements',
    });
    document.body.append(region);
  }
  return region;
}

/** Reads out one sentence (the last dozen are kept). */
export function announce(text: string) {
  const r = liveRegion();
  r.append(h('p', { text: /[.!?…]$/.test(text) ? text : `${text}.` }));
  while (r.childElementCount > 12) r.firstElementChild?.remove();
}

/** Follows one table: remembers what it has read out, and reads out what is new on each change. */
export function makeAnnouncer(first: AppState) {
  liveRegion();
  const heard = new Set<string>();
  let feedSeen = first.feed.length;
  const newsKeys = (game: GameSession) => {
    const s = game.state;
    return [
      ...s.round.lastNews.map((n, i) => [`${s.round.turn - 1}:${i}`, n] as const),
      ...s.round.news.map((n, i) => [`${s.round.turn}:${i}`, n] as const),
    ];
  };
  if (first.game) for (const [k] of newsKeys(first.game)) heard.add(k);
  return (state: AppState) => {
    const game = state.game;
    if (!game || state.curtain) return;
    const viewer: Side | null = state.viewer;
    const sc = game.scenario;
    if (state.feed.length < feedSeen) feedSeen = 0; // the feed was rebuilt (undo, resume)
    for (const f of state.feed.slice(feedSeen))
      if (f.side !== viewer) announce(`${sideName(sc, f.side)}: ${f.text}`);
    feedSeen = state.feed.length;
    for (const [k, n] of newsKeys(game)) {
      if (heard.has(k)) continue;
      heard.add(k);
      // the player's own talk moves they made themselves; revealed orders are read for both sides
      if (n.kind !== 'orders' && 'side' in n && n.side === viewer) continue;
      announce(newsLine(sc, n).title);
    }
  };
}
