// The preview beside a package: both branches on the one score scale — signed and then neither side
// moving again (the median over the engine's preview dice, with its usual range), and nothing signed
// — and what the package is worth to each side, then leverage as the game's setting allows. The
// engine computes it from this side's own view (store/preview.ts).
import type { Clause, Side } from '../engine/index.ts';
import { other, viewFor } from '../engine/index.ts';
import { pct, score0, sideName } from '../present/text.ts';
import type { GameSession } from '../store/game-store.ts';
import { packagePreview } from '../store/preview.ts';
import { h } from './dom.ts';

const signed = (x: number) => (Math.round(x) > 0 ? `+${score0(x)}` : score0(x));

export function previewBox(game: GameSession, side: Side, clauses: readonly Clause[] | null): HTMLElement {
  const sc = game.scenario;
  const p = packagePreview(game, side, clauses);
  if (!p.ok) return h('div', { class: 'preview', role: 'status', text: `No preview: ${p.reason}` });
  const them = other(side);
  const theirs = sideName(sc, them);
  const range = (low: number, high: number) =>
    Math.round(low) === Math.round(high) ? '' : ` (usually ${score0(low)}–${score0(high)})`;
  const text = [
    `If signed and then neither side moves again: you about ${score0(p.signed[side].median)}${range(p.signed[side].low, p.signed[side].high)}, ${theirs} about ${score0(p.signed[them].median)}.`,
    `If nothing is signed: you ${score0(p.unsigned[side].median)}, ${theirs} ${score0(p.unsigned[them].median)}.`,
    `This package is worth ${signed(p.worth[side])} to you, ${signed(p.worth[them])} to ${theirs}.`,
  ].join(' ');
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
    h('p', { class: 'preview-text', style: 'margin:4px 0 0', text }),
    lev,
    h('p', {
      class: 'hint',
      style: 'margin:4px 0 0',
      text: 'Scores: 0 is standing still all game, 100 is opening day’s conditions held all game. Your objectives are counted; the other side’s are private.',
    }),
  );
}
