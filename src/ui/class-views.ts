// The instructor's other views of a live class: the standings chart on the dashboard, the projector
// view (public state only, large enough to read from the back of a room, following any game live)
// and the class debrief after the end (the scores scatter with standing still at (0, 0), final
// leverage against the score difference, the clauses signed and delivered, each team's line of
// reasoning beside its moves (when the class asked for it), the discussion prompts,
// and the sides' objectives and red lines behind a reveal once the games are over). Everything
// comes from the server's answers and goes in as textContent.
import type { DashboardRow } from '../net/class-protocol.ts';
import type { ClassDebrief } from '../present/class-debrief.ts';
import type { TurnReasoning } from '../present/class-reasoning.ts';
import { svg } from './charts.ts';
import { button, dataTable, h } from './dom.ts';

export interface ScatterPoint {
  readonly label: string;
  readonly x: number;
  readonly y: number;
  readonly cls?: string;
}

/** Round values every 1, 2 or 5 × 10ⁿ between `lo` and `hi`: three to seven ticks on an axis. */
function niceTicks(lo: number, hi: number): number[] {
  const raw = (hi - lo) / 5;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * mag).find((x) => x >= raw) ?? raw;
  const out: number[] = [];
  for (let i = Math.ceil(lo / step); i * step <= hi; i++) out.push(i * step);
  return out;
}

/**
 * A scatter with its axes through (0, 0) when the range holds it, labelled points, and its data
 * table beneath (for a screen reader), in a figure captioned by `title`.
 */
export function scatter(o: {
  readonly title: string;
  readonly xLabel: string;
  readonly yLabel: string;
  readonly points: readonly ScatterPoint[];
  readonly marks?: readonly ScatterPoint[]; // reference points (standing still, the real line)
  readonly fmtX?: (v: number) => string;
  readonly fmtY?: (v: number) => string;
  readonly id?: string;
  readonly xRange?: readonly [number, number];
}): HTMLElement {
  const W = 520;
  const H = 360;
  const P = { l: 56, r: 20, t: 16, b: 48 };
  const all = [...o.points, ...(o.marks ?? [])];
  const span = (vs: number[]) => {
    let lo = Math.min(0, ...vs);
    let hi = Math.max(0, ...vs);
    if (hi - lo < 10) {
      hi += 5;
      lo -= 5;
    }
    const pad = (hi - lo) * 0.1;
    return [lo - pad, hi + pad] as const;
  };
  const [x0, x1] = o.xRange ?? span(all.map((p) => p.x));
  const [y0, y1] = span(all.map((p) => p.y));
  const X = (v: number) => P.l + ((v - x0) / (x1 - x0)) * (W - P.l - P.r);
  const Y = (v: number) => H - P.b - ((v - y0) / (y1 - y0)) * (H - P.t - P.b);
  const fx = o.fmtX ?? ((v: number) => v.toFixed(0));
  const fy = o.fmtY ?? ((v: number) => v.toFixed(0));
  const chart = svg('svg', {
    viewBox: `0 0 ${W} ${H}`,
    class: 'chart class-scatter',
    role: 'img',
    'aria-label': `${o.title} (chart; the table below gives its figures)`,
  });
  chart.append(
    svg('rect', { x: P.l, y: P.t, width: W - P.l - P.r, height: H - P.t - P.b, class: 'plot-bg' }),
  );
  if (x0 <= 0 && x1 >= 0)
    chart.append(svg('line', { x1: X(0), y1: P.t, x2: X(0), y2: H - P.b, class: 'guide' }));
  if (y0 <= 0 && y1 >= 0)
    chart.append(svg('line', { x1: P.l, y1: Y(0), x2: W - P.r, y2: Y(0), class: 'guide' }));
  chart.append(svg('line', { x1: P.l, y1: H - P.b, x2: W - P.r, y2: H - P.b, class: 'axis' }));
  chart.append(svg('line', { x1: P.l, y1: P.t, x2: P.l, y2: H - P.b, class: 'axis' }));
  for (const t of niceTicks(x0, x1))
    chart.append(svg('text', { x: X(t), y: H - P.b + 18, 'text-anchor': 'middle', class: 'tick' }, fx(t)));
  for (const t of niceTicks(y0, y1))
    chart.append(svg('text', { x: P.l - 6, y: Y(t) + 4, 'text-anchor': 'end', class: 'tick' }, fy(t)));
  chart.append(
    svg('text', { x: (P.l + W - P.r) / 2, y: H - 8, 'text-anchor': 'middle', class: 'axis-label' }, o.xLabel),
  );
  chart.append(
    svg(
      'text',
      {
        x: 14,
        y: (P.t + H - P.b) / 2,
        'text-anchor': 'middle',
        class: 'axis-label',
        transform: `rotate(-90 14 ${(P.t + H - P.b) / 2})`,
      },
      o.yLabel,
    ),
  );
  for (const m of o.marks ?? []) {
    chart.append(
      svg('rect', { x: X(m.x) - 6, y: Y(m.y) - 6, width: 12, height: 12, class: `mark ${m.cls ?? ''}` }),
    );
    chart.append(svg('text', { x: X(m.x) + 10, y: Y(m.y) + 16, class: 'mark-label' }, m.label));
  }
  // games at the same point are one dot, labelled with every game's letter
  const groups = new Map<string, ScatterPoint[]>();
  for (const p of o.points) {
    const k = `${Math.round(X(p.x) / 6)}:${Math.round(Y(p.y) / 6)}`;
    groups.set(k, [...(groups.get(k) ?? []), p]);
  }
  for (const ps of groups.values()) {
    const p = ps[0] as ScatterPoint;
    const label = ps.map((x) => x.label.split(' ')[0]).join(', ');
    chart.append(svg('circle', { cx: X(p.x), cy: Y(p.y), r: 7, class: `pt ${p.cls ?? ''}` }));
    const right = X(p.x) < W - P.r - 60;
    chart.append(
      svg(
        'text',
        {
          x: X(p.x) + (right ? 11 : -11),
          y: Y(p.y) + 5,
          'text-anchor': right ? 'start' : 'end',
          class: 'pt-label',
        },
        label,
      ),
    );
  }
  return h(
    'figure',
    { class: 'chart-figure class-figure', ...(o.id ? { id: o.id } : {}) },
    h('figcaption', { text: o.title }),
    chart,
    // for a screen reader only: the box around it is what hides it (a table is never narrower
    // than its text, so hidden itself it would widen a phone's page)
    h(
      'div',
      { class: 'sr-only' },
      dataTable({
        caption: `${o.title}: the figures`,
        head: ['', o.xLabel, o.yLabel],
        rows: [...o.points, ...(o.marks ?? [])].map((p) => [p.label, fx(p.x), fy(p.y)] as const),
      }),
    ),
  );
}

/** The dashboard's chart of the class's standings: each game's two sides as one point. */
export function standingsChart(rows: readonly DashboardRow[]): HTMLElement {
  const points = rows
    .filter((r) => r.standing.us !== null && r.standing.cn !== null)
    .map((r) => ({
      label: r.letter,
      x: r.standing.us ?? 0,
      y: r.standing.cn ?? 0,
      cls: r.phase === 'over' ? 'done' : '',
    }));
  return scatter({
    id: 'class-standings',
    title: 'The class’s standings, live (standing still is 0, 0)',
    xLabel: 'Washington',
    yLabel: 'Beijing',
    points,
    marks: [{ label: 'standing still', x: 0, y: 0, cls: 'still' }],
  });
}

// ---------------------------------------------------------------------------------------------
// The projector

export interface ProjectorAnswer {
  readonly scenario: string;
  readonly closed: boolean;
  readonly games: readonly { letter: string; turn: number; phase: string }[];
  readonly game: {
    readonly letter: string;
    readonly turn: number;
    readonly turns: number;
    readonly date: string;
    readonly phase: string;
    readonly ended: string | null;
    readonly leverage: number | null;
    readonly tension: number;
    readonly tensionMax: number;
    readonly deals: number;
    readonly open: string | null;
    readonly standing: { us: number | null; cn: number | null };
    readonly clockMs: number | null;
    readonly news: readonly string[];
  } | null;
}

const PHASE: Record<string, string> = { talks: 'Talks', orders: 'Orders', over: 'Over', closed: '—' };
const clockText = (ms: number) => {
  const s = Math.ceil(ms / 1000);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
};

/** Draws the projector view from the server's answer; `follow` picks the game to follow. */
export function drawProjector(box: HTMLElement, a: ProjectorAnswer, follow: (letter: string) => void) {
  const g = a.game;
  const picker = h(
    'nav',
    { class: 'proj-picker', 'aria-label': 'Follow a game' },
    a.games.map((x) =>
      button(`${x.letter} · ${x.phase === 'over' ? 'over' : `turn ${x.turn}`}`, () => follow(x.letter), {
        'aria-pressed': String(x.letter === g?.letter),
        class: x.letter === g?.letter ? 'on' : '',
      }),
    ),
  );
  if (!g) {
    box.replaceChildren(picker, h('p', { class: 'proj-empty', text: 'No game has started yet.' }));
    return;
  }
  const lev = g.leverage;
  const tensionShare = Math.max(0, Math.min(1, g.tension / (g.tensionMax || 10)));
  box.replaceChildren(
    picker,
    h(
      'header',
      { class: 'proj-head' },
      h('h2', { text: `Game ${g.letter}` }),
      h('p', {
        class: 'proj-when',
        text: `${g.ended ?? `Turn ${g.turn} of ${g.turns}`} · ${g.date} · ${PHASE[g.phase] ?? g.phase}`,
      }),
      g.clockMs === null ? null : h('p', { class: 'proj-clock', text: `⏱ ${clockText(g.clockMs)}` }),
    ),
    h(
      'section',
      { class: 'proj-lev', 'aria-label': 'Leverage' },
      h('p', { class: 'proj-label', text: 'Leverage' }),
      lev === null
        ? h('p', { class: 'proj-hidden', text: 'Hidden until the game ends' })
        : h(
            'div',
            {
              class: 'proj-bar',
              role: 'img',
              'aria-label': `Washington ${Math.round(lev * 100)}%, Beijing ${Math.round((1 - lev) * 100)}%`,
            },
            h('span', {
              class: 'proj-bar-us',
              style: `flex-grow:${lev}`,
              text: `Washington ${Math.round(lev * 100)}%`,
            }),
            h('span', {
              class: 'proj-bar-cn',
              style: `flex-grow:${1 - lev}`,
              text: `Beijing ${Math.round((1 - lev) * 100)}%`,
            }),
          ),
    ),
    h(
      'div',
      { class: 'proj-figures' },
      h(
        'div',
        { class: 'proj-fig' },
        h('p', { class: 'proj-label', text: 'Tension' }),
        h('p', { class: 'proj-num', text: g.tension.toFixed(1) }),
        h('div', { class: 'proj-gauge' }, h('span', { style: `width:${Math.round(tensionShare * 100)}%` })),
      ),
      h(
        'div',
        { class: 'proj-fig' },
        h('p', { class: 'proj-label', text: 'Deals in force' }),
        h('p', { class: 'proj-num', text: String(g.deals) }),
        h('p', {
          class: 'proj-small',
          text: g.open ? `${g.open} has an offer on the table` : 'No offer on the table',
        }),
      ),
      h(
        'div',
        { class: 'proj-fig' },
        h('p', { class: 'proj-label', text: g.phase === 'over' ? 'Score' : 'Standing' }),
        h(
          'p',
          { class: 'proj-num' },
          h('span', { class: 'proj-us', text: g.standing.us === null ? '—' : g.standing.us.toFixed(0) }),
          ' : ',
          h('span', { class: 'proj-cn', text: g.standing.cn === null ? '—' : g.standing.cn.toFixed(0) }),
        ),
        h('p', { class: 'proj-small', text: 'Washington : Beijing' }),
      ),
    ),
    h(
      'section',
      { class: 'proj-news', 'aria-label': 'The latest news' },
      h('p', { class: 'proj-label', text: 'The latest' }),
      g.news.length
        ? h(
            'ul',
            {},
            g.news.slice(0, 4).map((n) => h('li', { text: n })),
          )
        : h('p', { class: 'proj-small', text: 'Nothing yet this turn.' }),
    ),
  );
}

// ---------------------------------------------------------------------------------------------
// The debrief

/** One game's lines of reasoning, turn by turn, each side's moves beside its team's line. */
export function reasoningTable(label: string, turns: readonly TurnReasoning[]): HTMLElement {
  const cell = (x: TurnReasoning['sides']['us']) =>
    h(
      'td',
      {},
      h('p', { class: 'reason-line', text: x.reason ? `“${x.reason}”` : '(no line written)' }),
      x.moves.length
        ? h(
            'ul',
            { class: 'reason-moves' },
            x.moves.map((m) => h('li', { text: m })),
          )
        : null,
    );
  return h(
    'table',
    { class: 'data-table class-reasoning' },
    h('caption', { text: `Game ${label}: each team's reasoning beside its moves` }),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', { scope: 'col', text: 'Turn' }),
        h('th', { scope: 'col', text: 'Washington' }),
        h('th', { scope: 'col', text: 'Beijing' }),
      ),
    ),
    h(
      'tbody',
      {},
      turns.map((t) =>
        h(
          'tr',
          {},
          h('th', { scope: 'row', text: `${t.turn} · ${t.date}` }),
          cell(t.sides.us),
          cell(t.sides.cn),
        ),
      ),
    ),
  );
}

/** Draws the class debrief; `reveal` and `names` re-ask the server with the toggles changed. */
export function drawDebrief(
  box: HTMLElement,
  d: ClassDebrief & { readonly reasoning?: readonly { label: string; turns: readonly TurnReasoning[] }[] },
  o: {
    readonly closed: boolean;
    readonly reveal: boolean;
    readonly names: boolean;
    readonly setReveal: (on: boolean) => void;
    readonly setNames: (on: boolean) => void;
  },
) {
  const pct = (x: number) => `${Math.round(x * 100)}%`;
  const toggle = (id: string, label: string, on: boolean, set: (v: boolean) => void, disabled = false) => {
    const input = h('input', { type: 'checkbox', id, checked: on, disabled });
    input.addEventListener('change', () => set(input.checked));
    return h('label', { class: 'class-check' }, input, h('span', { text: ` ${label}` }));
  };
  const real = d.real ? [{ label: 'the real 2025', x: d.real.us, y: d.real.cn, cls: 'real' }] : [];
  box.replaceChildren(
    h('h2', { text: `Debrief: ${d.title}` }),
    h(
      'div',
      { class: 'debrief-toggles' },
      toggle(
        'class-reveal',
        'Reveal every side’s objectives and red lines',
        o.reveal,
        o.setReveal,
        !o.closed,
      ),
      toggle('class-names', 'Show students’ names', o.names, o.setNames),
      o.closed ? null : h('p', { class: 'proj-small', text: 'The reveal opens once every game is over.' }),
    ),
    d.points.length
      ? h(
          'div',
          { class: 'debrief-charts' },
          scatter({
            id: 'class-scores',
            title: 'Every game’s two scores (standing still is 0, 0)',
            xLabel: 'Washington’s score',
            yLabel: 'Beijing’s score',
            points: d.points.map((p) => ({ label: p.label, x: p.us, y: p.cn, cls: p.deal ? 'deal' : '' })),
            marks: [{ label: 'standing still', x: 0, y: 0, cls: 'still' }, ...real],
          }),
          scatter({
            id: 'class-leverage',
            title: 'Final leverage against the score difference',
            xLabel: 'Washington’s leverage at the end',
            yLabel: 'Washington minus Beijing',
            points: d.points.map((p) => ({ label: p.label, x: p.leverage * 100, y: p.us - p.cn })),
            fmtX: (v) => `${v.toFixed(0)}%`,
            xRange: [0, 100],
          }),
        )
      : h('p', { text: 'No game is over yet: the debrief fills in as games end.' }),
    h('p', {
      class: 'debrief-key',
      text: `Games: ${d.points.map((p) => `${p.label} ${p.us.toFixed(0)} : ${p.cn.toFixed(0)}${p.deal ? ' (deal)' : ''}`).join(' · ') || 'none yet'}`,
    }),
    h('h3', { text: 'Clauses in signed deals' }),
    d.clauses.length
      ? dataTable({
          caption: 'How often each clause was signed, and how well it was delivered',
          class: 'class-clauses',
          head: ['Clause', 'Signed in', 'Delivered'],
          rows: d.clauses.map(
            (c) =>
              [
                c.text,
                `${c.signed} game${c.signed === 1 ? '' : 's'}`,
                c.delivered === null ? '—' : pct(c.delivered),
              ] as const,
          ),
        })
      : h('p', { text: 'No deal was signed in any game.' }),
    d.reasoning?.length
      ? h(
          'section',
          { class: 'debrief-reasoning', id: 'class-reasoning', 'aria-label': 'The teams’ reasoning' },
          h('h3', { text: 'The teams’ reasoning' }),
          d.reasoning.map((g) => reasoningTable(g.label, g.turns)),
        )
      : '',
    h('h3', { text: 'For discussion' }),
    h(
      'ol',
      { class: 'debrief-prompts' },
      d.prompts.map((p) => h('li', { text: p })),
    ),
    h(
      'div',
      {},
      d.revealed.length
        ? h(
            'section',
            { class: 'debrief-reveal', id: 'class-revealed', 'aria-label': 'Objectives and red lines' },
            d.revealed.map((s) =>
              h(
                'div',
                { class: `side-${s.side}` },
                h('h3', { text: `${s.name}: objectives` }),
                h(
                  'ul',
                  {},
                  s.objectives.map((t) => h('li', { text: t })),
                ),
                h('h3', { text: `${s.name}: red lines` }),
                s.redLines.length
                  ? h(
                      'ul',
                      {},
                      s.redLines.map((t) => h('li', { text: t })),
                    )
                  : h('p', { text: 'None.' }),
              ),
            ),
          )
        : '',
    ),
  );
}
