// The hot-seat curtain: a full screen in the next side's colour and shape that hides everything
// private (briefing, objectives, red lines, draft orders) until that side's player confirms that
// they have the screen. Nothing private is rendered underneath while it is up.

import { CJK } from '../present/cjk-text.ts';
import { emblemUrl } from '../present/icons.ts';
import { sideName } from '../present/text.ts';
import { type AppStore, confirmCurtain } from '../store/game-store.ts';
import { button, h } from './dom.ts';

export function renderCurtain(root: HTMLElement, store: AppStore) {
  const { game, curtain } = store.getState();
  if (!game || !curtain) {
    root.replaceChildren();
    return;
  }
  const sc = game.scenario;
  const name = sideName(sc, curtain);
  const otherName = sideName(sc, curtain === 'us' ? 'cn' : 'us');
  const go = button(`I am ${name}: show my side`, () => confirmCurtain(store));
  root.replaceChildren(
    h(
      'div',
      {
        class: `curtain side-${curtain}`,
        role: 'dialog',
        'aria-modal': 'true',
        'aria-label': `Pass the screen to ${name}`,
      },
      h(
        'div',
        { class: 'inner' },
        h('img', { src: emblemUrl(curtain), alt: '' }),
        h(
          'h2',
          {},
          `${name}’s turn`,
          h('span', { class: 'cjk', lang: 'zh-Hans', style: 'color:#fff', text: CJK[curtain] }),
        ),
        h('p', {
          text: `Pass the screen to ${name}. ${otherName}, please look away: ${name}’s briefing, red lines and draft orders are about to show.`,
        }),
        go,
      ),
    ),
  );
  // the only control: Tab stays on it (the screen behind is inert)
  go.addEventListener('keydown', (e) => {
    if (e.key === 'Tab') e.preventDefault();
  });
  go.focus();
}
