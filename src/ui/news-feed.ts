// The news feed under the table: what happened this turn and last turn — events with their source
// (title, outlet, date, quote), proposals and answers, revealed orders, deliveries, crises — each
// marked with its side's badge, and the instructor's lines in a class game. Public information only.
import type { NewsItem, Scenario } from '../engine/index.ts';
import { newsLine, sideMark, turnDate } from '../present/text.ts';
import type { GameSession } from '../store/game-store.ts';
import { h } from './dom.ts';

function item(sc: Scenario, n: NewsItem): HTMLElement {
  const line = newsLine(sc, n);
  const badge = line.side ? h('span', { class: `badge side-${line.side}`, text: sideMark(line.side) }) : null;
  if (!line.text && !line.source) return h('li', {}, badge, line.title);
  return h(
    'li',
    {},
    h(
      'details',
      {},
      h('summary', {}, badge, h('strong', { text: line.title })),
      line.text ? h('p', { style: 'margin:2px 0', text: line.text }) : null,
      line.source
        ? h(
            'div',
            {},
            h('div', {
              class: 'cite',
              text: `${line.source.title} — ${line.source.outlet}, ${line.source.date}`,
            }),
            h('blockquote', { text: `“${line.source.quote}”` }),
          )
        : null,
    ),
  );
}

/** The feed for a game: the one-screen table's session, or an online seat's view of the game. */
export function newsFeed(game: {
  readonly scenario: Scenario;
  readonly state: { readonly round: Pick<GameSession['state']['round'], 'news' | 'lastNews' | 'turn'> };
}): Node[] {
  const sc = game.scenario;
  const s = game.state;
  const now = [...s.round.news].reverse().map((n) => item(sc, n));
  const last = [...s.round.lastNews].reverse().map((n) => item(sc, n));
  const parts: (HTMLElement | null)[] = [
    h('h2', { text: `News — ${turnDate(sc, s.round.turn)}` }),
    h(
      'ol',
      { 'aria-label': 'This turn' },
      now.length ? now : [h('li', { class: 'hint', text: 'Nothing yet this turn.' })],
    ),
    s.round.turn > 0 ? h('h2', { style: 'margin-top:6px', text: 'Last turn' }) : null,
    s.round.turn > 0 ? h('ol', { 'aria-label': 'Last turn' }, last) : null,
  ];
  return parts.filter((p): p is HTMLElement => p !== null);
}
