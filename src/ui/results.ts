// The end of the game: both sides' scores on the one scale (0 standing still, 100 opening day's
// conditions held all game), with the summed utility behind each one click away, the value created
// and how it was claimed, the objectives met, and who held the upper hand at the end — the sources'
// question: did the upper hand win the bigger slice?
import type { Side } from '../engine/index.ts';
import { leverage, OBJECTIVES_CAP, other, rulesFor, score } from '../engine/index.ts';
import { CJK } from '../present/cjk-text.ts';
import { emblemUrl } from '../present/icons.ts';
import {
  objectiveWhyText,
  pct,
  pts,
  SCORE_MEANING,
  score0,
  score1,
  sideMark,
  sideName,
} from '../present/text.ts';
import { type AppStore, recordOf, toDebrief, toMenu } from '../store/game-store.ts';
import { button, h } from './dom.ts';
import { exportButtons } from './export.ts';
import { leverageHeadline } from './leverage-dialog.ts';

// What each root shows: the results are drawn again only for a new final state, so that a store
// change meanwhile (an autosave finishing) never takes the focus from the button it is on.
const shownIn = new WeakMap<HTMLElement, { state: object; page: Element }>();

export function renderResults(root: HTMLElement, store: AppStore) {
  const { game } = store.getState();
  if (!game) return;
  const shown = shownIn.get(root);
  if (shown?.state === game.state && root.firstElementChild === shown.page) return;
  const sc = game.scenario;
  const sc0 = score(sc, game.state);
  const name = (s: Side) => sideName(sc, s);
  const verdict =
    sc0.winner === 'tie'
      ? `A draw: both sides scored ${score0(sc0.sides.us.score)}.`
      : `${name(sc0.winner)} did better: a score of ${score0(sc0.sides[sc0.winner].score)}, against ${score0(sc0.sides[sc0.winner === 'us' ? 'cn' : 'us'].score)} for ${name(sc0.winner === 'us' ? 'cn' : 'us')}.`;
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
      h('p', { class: 'score-big', text: `Score: ${score0(x.score)}` }),
      h(
        'table',
        {},
        row('From the game (score points)', score1(x.base)),
        row(`Objectives (score points, at most ${OBJECTIVES_CAP})`, score1(x.bonus)),
        row('Promises delivered', x.durability === null ? 'none made' : pct(x.durability)),
      ),
      h(
        'details',
        {},
        h('summary', { text: 'The utility behind the score' }),
        h(
          'table',
          {},
          row('Summed utility over standing still (points)', pts(x.raw)),
          row('What standing still costs over the game (points)', x.standStillCost.toFixed(1)),
          row('Score = 100 × the first ÷ the second, plus objectives', score0(x.score)),
        ),
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
  const mine =
    game.setup.seats.us.kind === 'human' ? 'us' : game.setup.seats.cn.kind === 'human' ? 'cn' : null;
  const yours =
    mine && game.setup.seats[other(mine)].kind !== 'human'
      ? h('p', {
          class: 'your-score',
          text: `Your score: ${score0(sc0.sides[mine].score)}. ${SCORE_MEANING}`,
        })
      : null;
  const head = leverageHeadline(game, null) ?? leverageHeadline(game, 'us');
  // the sources' question: did the side with the upper hand claim the bigger slice?
  const lev = leverage(rulesFor(sc), game.state.world);
  const upper: Side = lev.us >= 0.5 ? 'us' : 'cn';
  const bigger: Side | null =
    sc0.sides.us.score === sc0.sides.cn.score ? null : sc0.sides.us.score > sc0.sides.cn.score ? 'us' : 'cn';
  const lesson =
    bigger === null
      ? `${name(upper)} held the upper hand at the end; the two sides claimed equal slices.`
      : bigger === upper
        ? `${name(upper)} held the upper hand at the end, and it also claimed the bigger slice.`
        : `${name(upper)} held the upper hand at the end, yet ${name(bigger)} claimed the bigger slice.`;
  const page = h(
    'main',
    { class: 'results', 'aria-label': 'Results' },
    h('h1', { text: `Results — ${sc.meta.title}` }),
    yours,
    h('p', { class: 'verdict', role: 'status', text: verdict }),
    yours ? null : h('p', { class: 'hint', text: SCORE_MEANING }),
    h(
      'p',
      {},
      sc0.collapsed
        ? 'The talks collapsed. '
        : sc0.deal
          ? 'A deal was in force at the end. '
          : 'No deal was in force at the end. ',
      `Value created (both scores from the game, added): ${score1(sc0.created)} — claimed ${score1(sc0.sides.us.base)} by ${name('us')} and ${score1(sc0.sides.cn.base)} by ${name('cn')}.`,
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
  );
  shownIn.set(root, { state: game.state, page });
  root.replaceChildren(page);
}
