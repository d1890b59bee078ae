// "Who has the upper hand?": the headline and each side's cards in order — what each is worth and
// why — from the engine's explanation, as the game's leverage setting allows for the side at the
// screen (live for both, own side only, or after the game).
import type { Side } from '../engine/index.ts';
import { explainHand, headline, rulesFor, viewFor } from '../engine/index.ts';
import { sideName } from '../present/text.ts';
import type { GameSession } from '../store/game-store.ts';
import { openDialog } from './dialog.ts';
import { h } from './dom.ts';

export function leverageHeadline(
  game: Pick<GameSession, 'scenario' | 'state'>,
  viewer: Side | null,
): string | null {
  const view = viewFor(game.scenario, game.state, viewer ?? 'public');
  const l = view.leverage;
  if (!l) return null;
  return headline(
    rulesFor(game.scenario),
    { us: l.us, cn: l.cn, atStake: l.atStake, hands: l.hands as never },
    viewer ?? undefined,
  );
}

export function openLeverageDialog(game: Pick<GameSession, 'scenario' | 'state'>, viewer: Side | null) {
  const sc = game.scenario;
  const rules = rulesFor(sc);
  const view = viewFor(sc, game.state, viewer ?? 'public');
  const body: HTMLElement[] = [];
  if (!view.leverage) {
    body.push(h('p', { text: 'Leverage is hidden in this game until it is over.' }));
  } else {
    body.push(h('p', { class: 'verdict', text: leverageHeadline(game, viewer) ?? '' }));
    const cols: HTMLElement[] = [];
    for (const side of ['us', 'cn'] as const) {
      const hand = view.leverage.hands[side];
      if (!hand) continue;
      const lines = explainHand(rules, hand).map((line) => h('li', { text: line.text }));
      const TOP = 4;
      cols.push(
        h(
          'section',
          { class: `side-${side}` },
          h(
            'h3',
            {},
            h('span', { class: 'badge', text: side === 'us' ? '■ US' : '● CN' }),
            ` ${sideName(sc, side)}’s cards (total ${hand.total.toFixed(1)})`,
          ),
          h('ol', {}, lines.slice(0, TOP)),
          lines.length > TOP
            ? h(
                'details',
                {},
                h('summary', { text: `${lines.length - TOP} smaller cards` }),
                h('ol', { start: TOP + 1 }, lines.slice(TOP)),
              )
            : null,
        ),
      );
    }
    body.push(h('div', { class: 'hands' }, cols));
    body.push(
      h('p', {
        class: 'hint',
        text: 'A card is worth the harm it does over the horizon, discounted by how far the other side believes it and what it costs its owner. Leverage never adds to the score.',
      }),
    );
  }
  openDialog({ title: 'Who has the upper hand?', class: 'leverage', body: () => body });
}
