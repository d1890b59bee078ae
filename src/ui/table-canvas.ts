// The Phaser table in a DOM host, for the live table and the replay viewer alike: a "Setting the
// table…" placeholder while the table's chunk (Phaser is most of the game's weight) loads by dynamic
// import, then the table drawn from the feed. `body[data-table=ready]` (and the time it took) tell
// tests and benchmarks it is there. Destroying it before it is ready is safe.
import type { TableFeed } from '../present/table-frame.ts';
import { h } from './dom.ts';

export interface TableCanvas {
  /** The element to place: the host the table is drawn in, labelled for screen readers. */
  readonly host: HTMLElement;
  destroy(): void;
}

export function tableCanvas(
  feed: TableFeed,
  onExplain: () => void,
  attrs: { readonly class: string; readonly 'aria-label': string },
): TableCanvas {
  const host = h('div', { ...attrs, role: 'img' });
  const stage = h('div', { class: 'table-stage' }); // Phaser's parent: the layout sizes it, Phaser fits into it
  const loading = h('div', { class: 'table-loading', text: 'Setting the table…' });
  host.append(stage, loading);
  let destroyed = false;
  let table: { destroy(): void } | null = null;
  const t0 = performance.now();
  void import('../game/table.ts').then(async (m) => {
    if (destroyed) return;
    table = await m.mountTable(stage, feed, onExplain);
    loading.remove();
    performance.mark('table-ready');
    document.body.dataset.table = 'ready';
    document.body.dataset.tableMs = String(Math.round(performance.now() - t0));
    if (destroyed) table.destroy();
  });
  return {
    host,
    destroy() {
      destroyed = true;
      table?.destroy();
    },
  };
}
