// The table in words, for screen readers (and for anyone who wants the numbers): every instrument's
// level and pending announcement, every indicator with its alternatives, tension and the calendar.
// The Phaser canvas draws the same public facts.
import { isEpilogue, rulesFor } from '../engine';
import { instName, levelLabel, sideName, turnDate } from '../present/text';
import type { GameSession } from '../store/game-store';
import { h } from './dom';

export function tableSummary(game: GameSession): HTMLElement {
  const sc = game.scenario;
  const s = game.state;
  const rules = rulesFor(sc);
  const side = (x: 'us' | 'cn') =>
    h(
      'section',
      { 'aria-label': `${sideName(sc, x)} on the table` },
      h('h3', { text: sideName(sc, x) }),
      h(
        'ul',
        {},
        sc.instruments
          .filter((i) => i.owner === x)
          .map((i) => {
            const a = s.announcements[i.id];
            return h('li', {
              text: `${instName(sc, i.id)}: ${levelLabel(sc, i.id, s.levels[i.id] ?? 0)}${a ? ` (announced: ${levelLabel(sc, i.id, a.level)} from ${turnDate(sc, a.turn)})` : ''}`,
            });
          }),
        rules.indicatorsOf[x].map((i) =>
          h('li', {
            text: `${i.name}: ${((s.values[i.id] ?? 0) / 10).toFixed(1)} (alternatives ${Math.round((s.alt[i.id] ?? 0) * 100)}%)`,
          }),
        ),
      ),
    );
  const t = sc.params.tension;
  return h(
    'section',
    { class: 'sr-only', 'aria-label': 'The table in words' },
    h('p', {
      text: `Turn ${s.turn + 1} of ${rules.totalTurns}${isEpilogue(rules, s.turn) ? ' (epilogue)' : ''}, ${turnDate(sc, s.turn)}. Tension ${(s.tension / 10).toFixed(1)} (risk above ${t.risk / 10}).`,
    }),
    side('us'),
    side('cn'),
  );
}
