// The class results page (from the menu): an instructor drops or picks many game files; each is
// replayed against its scenario and summarised with the documented columns. The games appear in a
// sortable table, download as one CSV, and their outcomes (who did better) as a small bar chart with
// its data table. A file that cannot be read is reported with its reason and the rest are kept.

import {
  COLUMN_LABELS,
  type GameSummary,
  SUMMARY_COLUMNS,
  type SummaryColumn,
  summariesCsv,
  summarise,
} from '../present/class-summary.ts';
import { openGameFile } from '../store/game-file.ts';
import { type AppStore, toMenu } from '../store/game-store.ts';
import { serverSignatureCheck } from '../store/server-check.ts';
import { svg } from './charts.ts';
import { button, dataTable, h, rerender } from './dom.ts';
import { download } from './export.ts';

interface ClassRow {
  readonly file: string;
  readonly verified: boolean; // signed by the class server, and the signature holds
  readonly summary: GameSummary;
}

const page = {
  rows: [] as ClassRow[],
  problems: [] as string[],
  sort: null as { col: SummaryColumn; dir: 1 | -1 } | null,
  busy: false,
};

/** Reads the files; each becomes a row or a problem. */
export async function importFiles(files: readonly File[], storage: Storage | null) {
  for (const f of files) {
    let text: string;
    try {
      text = await f.text();
    } catch {
      page.problems.push(`${f.name}: it could not be read`);
      continue;
    }
    const r = await openGameFile(text, storage, serverSignatureCheck);
    if (!r.ok) {
      page.problems.push(`${f.name}: ${r.reason}`);
      continue;
    }
    page.rows.push({
      file: f.name,
      verified: r.verified === 'class-server',
      summary: summarise(r.scenario, r.record, r.states[r.states.length - 1]!),
    });
  }
}

function sorted(): ClassRow[] {
  const s = page.sort;
  if (!s) return page.rows;
  return [...page.rows].sort((a, b) => {
    const x = a.summary[s.col];
    const y = b.summary[s.col];
    const c = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
    return c * s.dir;
  });
}

function distribution(): HTMLElement {
  const kinds = [
    ['us', 'Washington did better'],
    ['cn', 'Beijing did better'],
    ['tie', 'A draw'],
  ] as const;
  const counts = kinds.map(([k]) => page.rows.filter((r) => r.summary.winner === k).length);
  const deals = page.rows.filter((r) => r.summary.deal === 'yes').length;
  const max = Math.max(1, ...counts);
  const W = 360;
  const chart = svg('svg', {
    viewBox: `0 0 ${W} 110`,
    class: 'chart bars',
    role: 'img',
    'aria-label': 'Distribution of outcomes (chart; the table below gives its figures)',
  });
  kinds.forEach(([k, label], i) => {
    const w = ((W - 170) * counts[i]!) / max;
    chart.append(svg('text', { x: 0, y: 22 + i * 32, class: 'tick' }, label));
    chart.append(
      svg('rect', { x: 150, y: 8 + i * 32, width: Math.max(1, w), height: 20, class: `bar side-${k}` }),
    );
    chart.append(svg('text', { x: 156 + w, y: 22 + i * 32, class: 'tick' }, String(counts[i])));
  });
  return h(
    'figure',
    { class: 'chart-figure', 'aria-label': 'Distribution of outcomes' },
    h('figcaption', { text: 'Distribution of outcomes' }),
    chart,
    dataTable({
      caption: 'Outcomes: the figures',
      rows: kinds.map(([, label], i) => [label, String(counts[i])]),
    }),
    h('p', { text: `${deals} of ${page.rows.length} games ended with a deal in force.` }),
  );
}

export function renderClassResults(root: HTMLElement, store: AppStore) {
  const draw = () => renderClassResults(root, store);
  const take = (files: readonly File[]) => {
    page.busy = true;
    draw();
    void importFiles(files, localStorage).finally(() => {
      page.busy = false;
      draw();
    });
  };
  const input = h('input', {
    type: 'file',
    multiple: true,
    accept: '.json,application/json',
    'aria-label': 'Game files',
  });
  input.addEventListener('change', () => take([...(input.files ?? [])]));
  const drop = h(
    'div',
    { class: 'drop-zone', role: 'group', 'aria-label': 'Drop game files here' },
    h('p', { text: 'Drop the class’s game files here, or pick them:' }),
    h('label', { class: 'field' }, h('span', { text: 'Game files' }), input),
  );
  drop.addEventListener('dragover', (e) => e.preventDefault());
  drop.addEventListener('drop', (e) => {
    e.preventDefault();
    take([...(e.dataTransfer?.files ?? [])]);
  });
  const head = [
    'File',
    ...SUMMARY_COLUMNS.map((c) => {
      const on = page.sort?.col === c ? page.sort.dir : 0;
      return h(
        'th',
        { scope: 'col', 'aria-sort': on === 1 ? 'ascending' : on === -1 ? 'descending' : 'none' },
        button(
          `${COLUMN_LABELS[c]}${on === 1 ? ' ▲' : on === -1 ? ' ▼' : ''}`,
          () => {
            page.sort = { col: c, dir: page.sort?.col === c && page.sort.dir === 1 ? -1 : 1 };
            draw();
          },
          { class: 'sort', 'aria-label': `Sort by ${COLUMN_LABELS[c]}`, 'data-key': `sort-${c}` },
        ),
      );
    }),
  ];
  rerender(root, () => [
    h(
      'main',
      { class: 'class-results', 'aria-label': 'Class results' },
      h('h1', { text: 'Class results' }),
      h('p', {
        text: 'Each game file is replayed against its scenario and scored against the no-deal line. Nothing leaves this computer.',
      }),
      h(
        'div',
        { class: 'actions no-print' },
        button('Back to the menu', () => toMenu(store)),
        button(
          'Download CSV',
          () => download('class-results.csv', summariesCsv(sorted().map((r) => r.summary)), 'text/csv'),
          {
            disabledReason: page.rows.length ? null : 'Import some game files first.',
          },
        ),
        button('Clear the table', () => {
          page.rows = [];
          page.problems = [];
          draw();
        }),
      ),
      drop,
      page.busy ? h('p', { role: 'status', text: 'Reading the files…' }) : null,
      page.problems.length
        ? h(
            'section',
            { role: 'alert', 'aria-label': 'Files that could not be read', class: 'notice' },
            h('h2', { text: 'Files that could not be read' }),
            h(
              'ul',
              {},
              page.problems.map((p) => h('li', { text: p })),
            ),
          )
        : null,
      h('p', {
        role: 'status',
        'aria-label': 'Games imported',
        text: `${page.rows.length} game${page.rows.length === 1 ? '' : 's'} imported.`,
      }),
      h(
        'div',
        { class: 'table-scroll' },
        dataTable({
          caption: 'The class’s games',
          class: 'class-table',
          head,
          rows: sorted().map((r) => [
            r.verified ? `${r.file} (verified by the class server)` : r.file,
            ...SUMMARY_COLUMNS.map((c) => String(r.summary[c])),
          ]),
        }),
      ),
      page.rows.length ? distribution() : null,
    ),
  ]);
}
