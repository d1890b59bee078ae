// The preview beside a package: what it does to both sides' scores (at once, and summed to the end
// of the game if both then hold still) and to leverage, computed by the store with the engine on a
// copy of the game. Leverage is shown only as the game's setting allows.
import type { Clause, Side } from '../engine';
import { viewFor } from '../engine';
import { pct, pts, sideName } from '../present/text';
import type { GameSession } from '../store/game-store';
import { previewPackage } from '../store/preview';
import { h } from './dom';

const cache = new Map<string, ReturnType<typeof previewPackage>>();

export function previewBox(game: GameSession, side: Side, clauses: readonly Clause[] | null): HTMLElement {
  const sc = game.scenario;
  const key = `${game.id}|${game.moves.length}|${side}|${JSON.stringify(clauses)}`;
  let p = cache.get(key);
  if (!p) {
    p = previewPackage(sc, game.state, side, clauses);
    if (cache.size > 50) cache.clear();
    cache.set(key, p);
  }
  if (!p.ok) return h('div', { class: 'preview', role: 'status', text: `No preview: ${p.reason}` });
  const cls = (x: number) => (x > 0 ? 'num gain' : x < 0 ? 'num loss' : 'num');
  const row = (s: Side) =>
    h(
      'tr',
      { class: `side-${s}` },
      h('th', {}, h('span', { class: 'badge', text: s === 'us' ? '■ US' : '● CN' }), ` ${sideName(sc, s)}`),
      h('td', { class: cls(p.atOnce[s]), text: pts(p.atOnce[s]) }),
      h('td', { class: cls(p.toTheEnd[s]), text: pts(p.toTheEnd[s]) }),
    );
  const view = viewFor(sc, game.state, side);
  const lev = view.leverage
    ? h(
        'p',
        { style: 'margin:6px 0 0' },
        `Leverage: ${sideName(sc, 'us')} ${pct(p.leverage.before)} → ${pct(p.leverage.after)}, ${sideName(sc, 'cn')} ${pct(1 - p.leverage.before)} → ${pct(1 - p.leverage.after)}`,
      )
    : null;
  return h(
    'section',
    { class: 'preview', 'aria-label': 'Preview of the package' },
    h('strong', { text: 'If accepted' }),
    h(
      'table',
      {},
      h(
        'thead',
        {},
        h('tr', {}, h('th', { text: '' }), h('th', { text: 'at once' }), h('th', { text: 'to the end*' })),
      ),
      h('tbody', {}, row('us'), row('cn')),
    ),
    lev,
    h('p', {
      class: 'hint',
      style: 'margin:4px 0 0',
      text: '* summed utility, points, against holding still from here',
    }),
  );
}
