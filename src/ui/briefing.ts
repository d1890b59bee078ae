// A side's briefing: the scenario's text for that side, its private objectives and red lines, and
// the sources it rests on (title, outlet, date and the quote). Shown before the game and on the
// table's Briefing tab — only ever to the side at the screen.
import type { Scenario, Side } from '../engine/index.ts';
import { CJK } from '../present/cjk-text.ts';
import { emblemUrl } from '../present/icons.ts';
import { documentOf, sideName } from '../present/text.ts';
import { type AppStore, finishBriefing } from '../store/game-store.ts';
import { button, h } from './dom.ts';

/** The briefing's body: text, private notes and sources. */
export function briefingBody(sc: Scenario, side: Side): HTMLElement {
  const b = sc.briefings[side];
  const paragraphs = b.text.split(/\n\s*\n/).map((p) => h('p', { text: p.trim() }));
  const objectives = sc.objectives.filter((o) => o.side === side);
  const redLines = sc.redLines.filter((r) => r.side === side);
  // grouped by document: title, outlet and date once, then each quote from it
  const byDoc = new Map<string, string[]>();
  for (const src of b.sources) byDoc.set(src.source, [...(byDoc.get(src.source) ?? []), src.quote]);
  const sources = [...byDoc].map(([file, quotes]) => {
    const doc = documentOf(sc, file);
    return h(
      'li',
      {},
      h('div', { class: 'cite', text: doc ? `${doc.title} — ${doc.outlet}, ${doc.date}` : file }),
      quotes.map((q) => h('blockquote', { text: `“${q}”` })),
    );
  });
  return h(
    'div',
    { class: `cols side-${side}` },
    h('div', { class: 'text' }, paragraphs),
    h(
      'aside',
      {},
      h(
        'section',
        { class: 'private', 'aria-label': 'Private to your side' },
        h('h3', { text: 'Your objectives (private)' }),
        h(
          'ul',
          {},
          objectives.map((o) => h('li', { text: `${o.text} (+${o.points / 10})` })),
        ),
        h('h3', { text: 'Your red lines (private)', style: 'margin-top:8px' }),
        h(
          'ul',
          {},
          redLines.map((r) => h('li', { text: r.text })),
        ),
      ),
      h('h3', { text: 'Sources' }),
      h('ul', { class: 'sources' }, sources),
    ),
  );
}

// What each root shows: the briefing is drawn again only when the game or the side changes, so
// that a store change meanwhile (an autosave finishing) never takes the focus from its button.
const shownIn = new WeakMap<HTMLElement, { key: string; page: Element }>();

export function renderBriefing(root: HTMLElement, store: AppStore) {
  const { game, briefing, curtain } = store.getState();
  if (!game || !briefing || curtain) {
    shownIn.delete(root);
    root.replaceChildren();
    return;
  }
  const key = `${game.id} ${briefing}`;
  const shown = shownIn.get(root);
  if (shown?.key === key && root.firstElementChild === shown.page) return;
  const sc = game.scenario;
  const page = h(
    'main',
    { class: `briefing side-${briefing}`, 'aria-label': `Briefing for ${sideName(sc, briefing)}` },
    h(
      'header',
      {},
      h('img', { src: emblemUrl(briefing), alt: '' }),
      h(
        'div',
        {},
        h(
          'h1',
          {},
          `Briefing: ${sideName(sc, briefing)}`,
          h('span', { class: 'cjk', lang: 'zh-Hans', text: CJK[briefing] }),
        ),
        h('p', { class: 'hint', text: `${sc.meta.title} · ${sc.meta.period}` }),
      ),
      h('span', { style: 'flex:1' }),
      button('To the table', () => finishBriefing(store), { class: 'primary', 'data-autofocus': '' }),
    ),
    briefingBody(sc, briefing),
    h(
      'p',
      { style: 'margin-top:16px' },
      button('To the table', () => finishBriefing(store), {
        class: 'primary',
        'aria-label': 'To the table (end of briefing)',
      }),
    ),
  );
  shownIn.set(root, { key, page });
  root.replaceChildren(page);
}
