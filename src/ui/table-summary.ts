// The table in words: the deals in force and how their promises are kept, every instrument's level
// (and where it stands on its ladder) with any pending announcement and what would lift it, each side's credibility and
// alternatives under way, every indicator with its alternatives, tension and leverage as the
// setting allows.
// The Phaser canvas draws the same public facts; on a narrow screen this compact summary stands in
// for it (the full table a tap away), on a wide one it is read by screen readers and shown on
// request. Scenario text goes in as text.
import { deliveredShare, isEpilogue, rulesFor, type Side } from '../engine/index.ts';
import {
  clauseText,
  instName,
  levelLabel,
  sideMark,
  sideName,
  turnDate,
  unlessText,
} from '../present/text.ts';
import type { GameSession } from '../store/game-store.ts';
import { h } from './dom.ts';
import { leverageHeadline } from './leverage-dialog.ts';

export function tableSummary(game: GameSession, viewer: Side | null): HTMLElement {
  const sc = game.scenario;
  const s = game.state;
  const rules = rulesFor(sc);
  const side = (x: Side) =>
    h(
      'section',
      { class: `summary-side side-${x}`, 'aria-label': `${sideName(sc, x)} on the table` },
      h('h3', {}, h('span', { class: 'badge', text: sideMark(x) }), ` ${sideName(sc, x)}`),
      h('p', {
        class: 'credibility',
        text: `Resolve ${Math.round(s.world.resolve[x] * 100)}% (threats believed) · reliability ${Math.round(s.world.reliability[x] * 100)}% (promises kept)`,
      }),
      building(x),
      h(
        'ul',
        { class: 'levers' },
        sc.instruments
          .filter((i) => i.owner === x)
          .map((i) => {
            const a = s.world.announcements[i.id];
            const now = s.world.levels[i.id] ?? 0;
            return h(
              'li',
              {},
              h('span', { class: 'name', text: `${instName(sc, i.id)}: ` }),
              h('strong', { text: levelLabel(sc, i.id, now) }),
              h('span', { class: 'hint', text: ` (step ${now + 1} of ${i.levels.length})` }),
              a
                ? ` — announced: ${levelLabel(sc, i.id, a.level)} from ${turnDate(sc, a.turn)}${unlessText(sc, a.unless)}`
                : '',
            );
          }),
      ),
      h(
        'ul',
        { class: 'pressures' },
        rules.indicatorsOf[x].map((i) =>
          h(
            'li',
            {},
            `${i.name}: `,
            h('strong', { text: ((s.world.values[i.id] ?? 0) / 10).toFixed(1) }),
            h('span', {
              class: 'hint',
              text: ` (alternatives ${Math.round((s.world.alt[i.id] ?? 0) * 100)}%)`,
            }),
          ),
        ),
      ),
    );
  // the side's alternatives under way, and how many turns each still needs
  const building = (x: Side) => {
    const under = sc.alternatives
      .filter((a) => a.side === x && s.world.builds[a.id] !== undefined)
      .map(
        (a) =>
          `${a.name} (${(s.world.builds[a.id] ?? 0) > 0 ? `${s.world.builds[a.id]} more turn${s.world.builds[a.id] === 1 ? '' : 's'}` : 'done'})`,
      );
    return under.length ? h('p', { class: 'building', text: `Building: ${under.join('; ')}` }) : null;
  };
  // the deals in force, clause by clause, and how each side's promises have been kept so far
  const deals = () => {
    const active = s.world.packages.filter((p) => p.status === 'active');
    if (active.length === 0) return h('p', { class: 'summary-deals', text: 'No deal in force.' });
    const kept = (['us', 'cn'] as const).flatMap((x) => {
      const share = deliveredShare(s.world, x);
      return share === null
        ? []
        : [`${sideName(sc, x)} has delivered ${Math.round(share * 100)}% of what it promised.`];
    });
    return h(
      'section',
      { class: 'summary-deals', 'aria-label': 'Deals in force' },
      h('h3', { text: active.length === 1 ? 'Deal in force' : `Deals in force (${active.length})` }),
      h(
        'ul',
        {},
        active.map((p) =>
          h('li', {
            text: `Signed ${turnDate(sc, p.turn)}: ${p.clauses.map((c) => clauseText(sc, c)).join('; ')}`,
          }),
        ),
      ),
      kept.length ? h('p', { text: kept.join(' ') }) : null,
    );
  };
  const t = sc.params.tension;
  const lev = leverageHeadline(game, viewer);
  return h(
    'section',
    { class: 'table-summary', 'aria-label': 'The table in words' },
    h('p', {
      class: 'summary-line',
      text: `Turn ${s.round.turn + 1} of ${rules.totalTurns}${isEpilogue(rules, s.round.turn) ? ' (epilogue)' : ''}, ${turnDate(sc, Math.min(s.round.turn, rules.totalTurns - 1))}. Tension ${(s.world.tension / 10).toFixed(1)} of 100 (risk above ${t.risk / 10}).${lev ? ` ${lev}` : ''}`,
    }),
    deals(),
    h('div', { class: 'summary-sides' }, side('us'), side('cn')),
  );
}
