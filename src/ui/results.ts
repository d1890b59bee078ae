// The end of the game: both sides' scores against the no-deal line, raw (points of summed utility)
// and normalised (the share of what no deal would have cost that side), the value created and how
// it was claimed, the objectives met, and who held the upper hand at the end — the sources' question:
// did the upper hand win the bigger slice?
import type { Side } from '../engine';
import { leverage, rulesFor, score } from '../engine';
import { CJK } from '../present/cjk-text';
import { emblemUrl } from '../present/icons';
import { objectiveWhyText, pct, pts, sideMark, sideName } from '../present/text';
import { type AppStore, recordOf, toDebrief, toMenu } from '../store/game-store';
import { button, h } from './dom';
import { exportButtons } from './export';
import { leverageHeadline } from './leverage-dialog';

export function renderResults(root: HTMLElement, store: AppStore) {
  const { game } = store.getState();
  if (!game) return;
  const sc = game.scenario;
  const sc0 = score(sc, game.state);
  const name = (s: Side) => sideName(sc, s);
  const verdict =
    sc0.winner === 'tie'
      ? 'A draw: both sides recovered the same share of what no deal would have cost them.'
      : `${name(sc0.winner)} did better: it recovered ${pct(sc0.sides[sc0.winner].totalNormalised)} of what no deal would have cost it, against ${pct(sc0.sides[sc0.winner === 'us' ? 'cn' : 'us'].totalNormalised)} for ${name(sc0.winner === 'us' ? 'cn' : 'us')}.`;
  const card = (side: Side) => {
    const x = sc0.sides[side];
    const row = (label: string, value: string) =>
      h('tr', {}, h('th', { text: label }), h('td', { text: value }));
    return h(
      'section',
      { class: `card score-card side-${side}`, 'aria-label': `${name(side)}’s score` },
      h(
        'h2',
        {},
        h('img', {
          src: emblemUrl(side),
          alt: '',
          style: 'width:28px;height:28px;vertical-align:-6px;margin-right:8px',
        }),
        name(side),
        h('span', { class: 'cjk', lang: 'zh-Hans', text: CJK[side] }),
        ' ',
        h('span', { class: 'badge', text: sideMark(side) }),
      ),
      h(
        'table',
        {},
        row('Score against the no-deal line (points)', pts(x.raw)),
        row('Normalised (share of the no-deal loss recovered)', pct(x.normalised)),
        row('What no deal would have cost (points)', x.noDealLoss.toFixed(1)),
        row('Objectives bonus (points)', pts(x.bonus)),
        row('Total (points)', pts(x.total)),
        row('Total, normalised', pct(x.totalNormalised)),
        row('Promises delivered', x.durability === null ? 'none made' : pct(x.durability)),
      ),
      h('h3', { style: 'margin-top:10px', text: 'Objectives' }),
      h(
        'ul',
        { class: 'objectives' },
        x.objectives.map((o) =>
          h(
            'li',
            {},
            h('span', { text: `${o.met ? '✔' : '✘'} ${o.text} (${o.points.toFixed(1)})` }),
            h('span', { class: 'why', text: ` — ${objectiveWhyText(sc, o)}` }),
          ),
        ),
      ),
    );
  };
  const head = leverageHeadline(game, null) ?? leverageHeadline(game, 'us');
  // the sources' question: did the side with the upper hand claim the bigger slice?
  const lev = leverage(rulesFor(sc), game.state);
  const upper: Side = lev.us >= 0.5 ? 'us' : 'cn';
  const bigger: Side | null =
    sc0.sides.us.raw === sc0.sides.cn.raw ? null : sc0.sides.us.raw > sc0.sides.cn.raw ? 'us' : 'cn';
  const lesson =
    bigger === null
      ? `${name(upper)} held the upper hand at the end; the two sides claimed equal slices.`
      : bigger === upper
        ? `${name(upper)} held the upper hand at the end, and it also claimed the bigger slice.`
        : `${name(upper)} held the upper hand at the end, yet ${name(bigger)} claimed the bigger slice.`;
  root.replaceChildren(
    h(
      'main',
      { class: 'results', 'aria-label': 'Results' },
      h('h1', { text: `Results — ${sc.meta.title}` }),
      h('p', { class: 'verdict', role: 'status', text: verdict }),
      h(
        'p',
        {},
        sc0.collapsed
          ? 'The talks collapsed. '
          : sc0.deal
            ? 'A deal was in force at the end. '
            : 'No deal was in force at the end. ',
        `Value created (the joint gain over no deal): ${pts(sc0.created)} points — claimed ${pts(sc0.sides.us.raw)} by ${name('us')} and ${pts(sc0.sides.cn.raw)} by ${name('cn')}.`,
      ),
      head ? h('p', { text: `At the end: ${head}` }) : null,
      h('p', { class: 'lesson' }, h('strong', { text: 'Did the upper hand win the bigger slice? ' }), lesson),
      h('div', { class: 'score-cols' }, card('us'), card('cn')),
      h(
        'div',
        { class: 'actions', style: 'margin-top:18px' },
        button('Debrief', () => toDebrief(store), { class: 'primary' }),
        ...exportButtons(sc, recordOf(game)),
        button('New game', () => toMenu(store)),
      ),
    ),
  );
}
