// Small inline SVG charts for the debrief: a line chart over turns (leverage, tension) and a scatter
// of outcomes (each side's gain over the no-deal line). Every chart comes with a data table a screen
// reader can read (a <table> with a caption); labels go in through textContent, never markup.
import { score1 } from '../present/text.ts';
import { dataTable, h } from './dom.ts';

const SVG = 'http://www.w3.org/2000/svg';
type SvgAttrs = Record<string, string | number>;

export function svg<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: SvgAttrs = {},
  ...children: (SVGElement | string | null)[]
): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  for (const c of children) {
    if (c === null) continue;
    if (typeof c === 'string') node.textContent = c;
    else node.append(c);
  }
  return node;
}

export interface Series {
  readonly name: string;
  readonly cls: string; // a CSS class for its colour
  readonly values: readonly number[];
}

export interface LineChartOptions {
  readonly title: string;
  readonly xs: readonly string[]; // one label per point
  readonly series: readonly Series[];
  readonly min: number;
  readonly max: number;
  readonly fmt: (v: number) => string;
  readonly marks?: readonly { readonly at: number; readonly label: string }[]; // indices to mark
  readonly cursor?: number | null; // a point to highlight (the replay's turn)
  readonly guide?: number; // a horizontal line (e.g. 50%)
}

const W = 560;
const H = 220;
const PAD = { l: 44, r: 12, t: 12, b: 28 };

/** A line chart with its data table, in a figure labelled by its title. */
export function lineChart(o: LineChartOptions): HTMLElement {
  const n = Math.max(1, o.xs.length - 1);
  const x = (i: number) => PAD.l + ((W - PAD.l - PAD.r) * i) / n;
  const span = o.max - o.min || 1;
  const y = (v: number) => H - PAD.b - ((H - PAD.t - PAD.b) * (v - o.min)) / span;
  const chart = svg('svg', {
    viewBox: `0 0 ${W} ${H}`,
    class: 'chart',
    role: 'img',
    'aria-label': `${o.title} (chart; the table below gives its figures)`,
  });
  chart.append(svg('line', { x1: PAD.l, y1: y(o.min), x2: W - PAD.r, y2: y(o.min), class: 'axis' }));
  chart.append(svg('line', { x1: PAD.l, y1: PAD.t, x2: PAD.l, y2: H - PAD.b, class: 'axis' }));
  for (const v of [o.min, (o.min + o.max) / 2, o.max])
    chart.append(svg('text', { x: PAD.l - 4, y: y(v) + 4, 'text-anchor': 'end', class: 'tick' }, o.fmt(v)));
  if (o.guide !== undefined)
    chart.append(svg('line', { x1: PAD.l, y1: y(o.guide), x2: W - PAD.r, y2: y(o.guide), class: 'guide' }));
  o.xs.forEach((label, i) => {
    if (o.xs.length <= 16 || i % 2 === 0)
      chart.append(svg('text', { x: x(i), y: H - 8, 'text-anchor': 'middle', class: 'tick' }, label));
  });
  for (const m of o.marks ?? []) {
    chart.append(svg('line', { x1: x(m.at), y1: PAD.t, x2: x(m.at), y2: H - PAD.b, class: 'swing-mark' }));
    chart.append(svg('text', { x: x(m.at) + 3, y: PAD.t + 10, class: 'swing-label' }, m.label));
  }
  if (o.cursor !== undefined && o.cursor !== null)
    chart.append(
      svg('line', { x1: x(o.cursor), y1: PAD.t, x2: x(o.cursor), y2: H - PAD.b, class: 'cursor-mark' }),
    );
  for (const s of o.series) {
    const d = s.values.map((v, i) => `${i === 0 ? 'M' : 'L'}${x(i).toFixed(1)},${y(v).toFixed(1)}`).join(' ');
    chart.append(svg('path', { d, class: `line ${s.cls}` }));
    s.values.forEach((v, i) => {
      chart.append(svg('circle', { cx: x(i), cy: y(v), r: i === o.cursor ? 5 : 2.5, class: `dot ${s.cls}` }));
    });
  }
  const legend = h(
    'p',
    { class: 'legend' },
    o.series.map((s) => h('span', { class: `key ${s.cls}`, text: s.name })),
  );
  const table = dataTable({
    caption: `${o.title}: the figures`,
    head: ['Turn', ...o.series.map((s) => s.name)],
    rows: o.xs.map((label, i) => [label, ...o.series.map((s) => o.fmt(s.values[i] ?? 0))]),
  });
  return h(
    'figure',
    { class: 'chart-figure', 'aria-label': o.title },
    h('figcaption', { text: o.title }),
    chart,
    legend,
    h('details', { class: 'chart-data', open: true }, h('summary', { text: 'The figures' }), table),
  );
}

/** The legend's words for the outcome plot's kinds of point. */
const LEGEND: Record<string, string> = {
  origin: 'start and no-deal line',
  proposal: 'a proposal, had it been signed and kept',
  final: 'this game',
  history: 'what really happened',
};

export interface PlotPoint {
  readonly us: number;
  readonly cn: number;
  readonly label: string;
  readonly cls: string;
}

/** The outcome plot: gains over the no-deal line (US across, China up), the frontier as a line. */
export function outcomePlot(
  title: string,
  axes: { us: string; cn: string },
  points: readonly PlotPoint[],
  frontier: readonly { us: number; cn: number }[],
  arrow: { from: PlotPoint; to: PlotPoint } | null,
): HTMLElement {
  const all = [...points, ...frontier, { us: 0, cn: 0 }];
  const lo = (k: 'us' | 'cn') => Math.min(...all.map((p) => p[k]));
  const hi = (k: 'us' | 'cn') => Math.max(...all.map((p) => p[k]));
  const pad = (a: number, b: number) => {
    const m = (b - a) * 0.08 || 1;
    return [a - m, b + m] as const;
  };
  const [x0, x1] = pad(lo('us'), hi('us'));
  const [y0, y1] = pad(lo('cn'), hi('cn'));
  const S = 360;
  const P = 40;
  const x = (v: number) => P + ((S - 2 * P) * (v - x0)) / (x1 - x0);
  const y = (v: number) => S - P - ((S - 2 * P) * (v - y0)) / (y1 - y0);
  const chart = svg('svg', {
    viewBox: `0 0 ${S} ${S}`,
    class: 'chart outcome-plot',
    role: 'img',
    'aria-label': `${title} (chart; the table below gives its points)`,
  });
  chart.append(svg('line', { x1: x(0), y1: P / 2, x2: x(0), y2: S - P, class: 'axis' }));
  chart.append(svg('line', { x1: P, y1: y(0), x2: S - P / 2, y2: y(0), class: 'axis' }));
  chart.append(svg('text', { x: S - P / 2, y: y(0) - 4, 'text-anchor': 'end', class: 'tick' }, axes.us));
  chart.append(svg('text', { x: x(0) + 4, y: P / 2 + 8, class: 'tick' }, axes.cn));
  if (frontier.length > 0) {
    const d = frontier
      .map((p, i) => `${i === 0 ? 'M' : 'L'}${x(p.us).toFixed(1)},${y(p.cn).toFixed(1)}`)
      .join(' ');
    chart.append(svg('path', { d, class: 'frontier' }));
    const last = frontier[frontier.length - 1]!;
    chart.append(
      svg(
        'text',
        { x: x(last.us), y: y(last.cn) - 6, 'text-anchor': 'end', class: 'tick' },
        'approximate frontier',
      ),
    );
  }
  if (arrow) {
    chart.append(
      svg(
        'defs',
        {},
        svg(
          'marker',
          {
            id: 'arrowhead',
            viewBox: '0 0 10 10',
            refX: 9,
            refY: 5,
            markerWidth: 7,
            markerHeight: 7,
            orient: 'auto',
          },
          svg('path', { d: 'M0,0 L10,5 L0,10 z', class: 'arrowhead' }),
        ),
      ),
    );
    chart.append(
      svg('line', {
        x1: x(arrow.from.us),
        y1: y(arrow.from.cn),
        x2: x(arrow.to.us),
        y2: y(arrow.to.cn),
        class: 'arrow',
      }),
    );
  }
  for (const p of points) {
    const dot = svg('circle', {
      cx: x(p.us),
      cy: y(p.cn),
      r: p.cls === 'proposal' ? 3.5 : 6,
      class: `pt ${p.cls}`,
    });
    dot.append(svg('title', {}, p.label));
    chart.append(dot);
    if (p.cls === 'final' || p.cls === 'history')
      chart.append(svg('text', { x: x(p.us) + 9, y: y(p.cn) + 4, class: 'tick' }, LEGEND[p.cls]!));
  }
  // what each mark is, for those who cannot hover its tooltip
  const kinds = new Map<string, string>();
  for (const p of points) if (!kinds.has(p.cls)) kinds.set(p.cls, LEGEND[p.cls] ?? p.label);
  const legend = h(
    'p',
    { class: 'legend plot-legend' },
    [...kinds].map(([cls, text]) => h('span', { class: `key pt-${cls}`, text })),
    frontier.length > 0 ? h('span', { class: 'key pt-frontier', text: 'approximate frontier' }) : null,
    arrow
      ? h('span', { class: 'key pt-arrow', text: 'from the deal as signed to where the game ended' })
      : null,
  );
  // scores to a tenth, with the true minus sign the sentences under the chart use
  const table = dataTable({
    caption: `${title}: the points`,
    head: ['Point', axes.us, axes.cn],
    rows: [
      ...points.map((p) => [p.label, score1(p.us), score1(p.cn)] as const),
      ...frontier.map(
        (p, i) => [`Approximate frontier, point ${i + 1}`, score1(p.us), score1(p.cn)] as const,
      ),
    ],
  });
  return h(
    'figure',
    { class: 'chart-figure', 'aria-label': title },
    h('figcaption', { text: title }),
    chart,
    legend,
    h('details', { class: 'chart-data', open: true }, h('summary', { text: 'The points' }), table),
  );
}
