// The debrief: what a game teaches, for the discussion after it. Leverage and tension over time
// (charts with data tables, the biggest swings marked and explained), a timeline of every move and
// event with its reason and, where the scenario links it, what really happened; the outcome plot
// against the approximate Pareto frontier with efficiency and missed deals in words; the upper hand
// against each side's slice; objectives, value, durability and the deal; discussion prompts filled
// with this game's figures; and "What happened in 2025" beside this game. Built from a replay of the
// game's moves; scenario text always through textContent.
import type {
  Analysis,
  GameRecord,
  GameState,
  Move,
  Scenario,
  Score,
  Side,
  TimelineItem,
} from '../engine/index.ts';
import {
  analyseGame,
  describeAiMove,
  historyLine,
  leverage,
  replayStates,
  rulesFor,
  score,
  turnOf,
} from '../engine/index.ts';
import {
  clauseText,
  newsLine,
  objectiveWhyText,
  orderText,
  pct,
  pts,
  REASON_TEXT,
  score0,
  sideName,
  turnDate,
} from '../present/text.ts';
import { lineChart, outcomePlot, type PlotPoint } from './charts.ts';
import { dataTable, h } from './dom.ts';

/** Everything derived once per game: the states after each move, the analysis, the history line. */
export interface DebriefData {
  readonly scenario: Scenario;
  readonly record: GameRecord;
  readonly states: readonly GameState[]; // [0] the opening, then after each move
  readonly analysis: Analysis;
  readonly score: Score;
  readonly history: ReturnType<typeof historyLine> | null;
}

// The debrief and the replay viewer opened from it show one game: its data is made once a record.
const made = new WeakMap<GameRecord, DebriefData>();

/**
 * The debrief's data of a record, made once; `states`, when the game was opened with them (the
 * replay viewer holds them), are taken as they are rather than replayed again.
 */
export function debriefData(
  scenario: Scenario,
  record: GameRecord,
  states?: readonly GameState[],
): DebriefData {
  const known = made.get(record);
  if (known) return known;
  const all = states ?? replayStates(scenario, record);
  let history: DebriefData['history'] = null;
  try {
    history = scenario.history?.script ? historyLine(scenario) : null;
  } catch {
    history = null;
  }
  const data: DebriefData = {
    scenario,
    record,
    states: all,
    analysis: analyseGame(scenario, record, all),
    score: score(scenario, all[all.length - 1]!),
    history,
  };
  made.set(record, data);
  return data;
}

const turnLabel = (t: number) => `Turn ${t + 1}`;

/** A move in plain words. */
export function moveText(sc: Scenario, before: GameState, m: Move): string {
  const who = m.side === 'control' ? 'The instructor' : sideName(sc, m.side);
  switch (m.type) {
    case 'propose':
      return `${who} proposes: ${m.clauses.map((c) => clauseText(sc, c)).join('; ')}`;
    case 'accept':
      return `${who} accepts the package`;
    case 'reject':
      return `${who} rejects the proposal: ${REASON_TEXT[m.reason] ?? m.reason}`;
    case 'pass':
      return `${who} is done talking`;
    case 'orders':
      return m.orders.length === 0
        ? `${who} gives no orders (holds still)`
        : `${who}’s orders: ${m.orders.map((o) => orderText(sc, before.world, o)).join('; ')}`;
    case 'readout':
      return m.style === 'trumpet' ? `${who} trumpets the deal at home` : `${who} keeps its readout modest`;
    case 'inject':
      return `${who} injects an event: ${sc.events.find((e) => e.id === m.event)?.title ?? m.event}`;
    case 'news':
      return `${who} posts a line of news: “${m.text}”`;
  }
}

/** The engine's effect of a move: how it moved leverage and tension. */
function effectText(sc: Scenario, before: GameState, after: GameState): string {
  const rules = rulesFor(sc);
  const dl = (leverage(rules, after.world).us - leverage(rules, before.world).us) * 100;
  const dt = (after.world.tension - before.world.tension) / 10;
  const parts: string[] = [];
  if (Math.abs(dl) >= 0.5)
    parts.push(
      `${sideName(sc, 'us')}’s share of the leverage ${dl > 0 ? 'up' : 'down'} ${Math.abs(dl).toFixed(0)} points`,
    );
  if (Math.abs(dt) >= 0.05) parts.push(`tension ${dt > 0 ? 'up' : 'down'} ${Math.abs(dt).toFixed(1)}`);
  return parts.length ? `Effect: ${parts.join(', ')}.` : 'Effect: no change in leverage or tension.';
}

function itemTitle(d: DebriefData, item: TimelineItem): string {
  if (item.kind === 'event') return newsLine(d.scenario, { kind: 'event', event: item.event }).title;
  return moveText(d.scenario, d.states[item.index]!, item.move);
}

/** The reason of a timeline item: the computer's, the engine's effect, and a source where linked. */
function itemDetails(d: DebriefData, item: TimelineItem): (HTMLElement | null)[] {
  if (item.kind === 'event') {
    const line = newsLine(d.scenario, { kind: 'event', event: item.event });
    return [
      line.text ? h('p', { text: line.text }) : null,
      line.source
        ? h(
            'p',
            { class: 'source' },
            h('strong', { text: 'What really happened: ' }),
            `“${line.source.quote}” — ${line.source.title}, ${line.source.outlet}, ${line.source.date}`,
          )
        : null,
    ];
  }
  const before = d.states[item.index]!;
  const after = d.states[item.index + 1]!;
  const ai = item.move.ai
    ? describeAiMove(d.scenario, item.move, {
        index: item.index,
        turn: item.turn,
        offer: d.states[item.index]?.round.talks.open?.clauses,
      })
    : '';
  return [
    ai ? h('p', { class: 'reason' }, h('strong', { text: 'The computer’s reason: ' }), ai) : null,
    h('p', { class: 'effect', text: effectText(d.scenario, before, after) }),
  ];
}

function timelineSection(d: DebriefData, upTo: number | null): HTMLElement {
  const items = d.analysis.timeline.filter((it) => upTo === null || it.turn <= upTo);
  return h(
    'section',
    { class: 'card debrief-timeline', 'aria-label': 'Timeline' },
    h('h2', { text: 'Timeline of every move and event' }),
    h(
      'ol',
      { class: 'timeline', 'aria-label': 'Moves and events' },
      items.map((it) =>
        h(
          'li',
          { class: `tl-${it.kind}` },
          h('span', {
            class: 'tl-turn',
            text: `${turnLabel(it.turn)} · ${it.kind === 'event' ? 'event' : 'move'}: `,
          }),
          h('span', { class: 'tl-title', text: itemTitle(d, it) }),
          itemDetails(d, it),
        ),
      ),
    ),
  );
}

/** The leverage and tension charts, with the turns where leverage swung most marked. */
export function chartsSection(d: DebriefData, cursor: number | null = null): HTMLElement {
  const { series, swings } = d.analysis;
  const sc = d.scenario;
  const total = rulesFor(sc).totalTurns;
  const xs = series.map((p) => (p.turn >= total ? 'end' : String(p.turn + 1)));
  const swingMarks = swings
    .filter((s) => Math.abs(s.delta) > 0.005)
    .map((s) => ({ at: s.turn + 1, label: `swing ${swings.indexOf(s) + 1}` }));
  return h(
    'section',
    { class: 'card debrief-charts', 'aria-label': 'Leverage and tension over time' },
    h('h2', { text: 'Leverage and tension over time' }),
    h('p', {
      class: 'hint',
      text: 'Each point is the table as a turn began (1 is the opening; “end” is the end of the game). Leverage is each side’s share of the upper hand.',
    }),
    lineChart({
      title: 'Leverage over time',
      xs,
      series: [
        { name: sideName(sc, 'us'), cls: 'side-us', values: series.map((p) => p.leverageUs) },
        { name: sideName(sc, 'cn'), cls: 'side-cn', values: series.map((p) => 1 - p.leverageUs) },
      ],
      min: 0,
      max: 1,
      fmt: pct,
      guide: 0.5,
      marks: swingMarks,
      cursor,
    }),
    h(
      'ol',
      { class: 'swings', 'aria-label': 'Where leverage swung most' },
      swings
        .filter((s) => Math.abs(s.delta) > 0.005)
        .map((s) =>
          h(
            'li',
            {},
            h('strong', {
              text: `${turnLabel(s.turn)}: ${sideName(sc, s.delta > 0 ? 'us' : 'cn')} gained ${Math.abs(s.delta * 100).toFixed(0)} points of leverage. `,
            }),
            s.cause ? `What did it: ${itemTitle(d, s.cause)}.` : 'No single move or event did it.',
          ),
        ),
    ),
    lineChart({
      title: 'Tension over time',
      xs,
      series: [{ name: 'Tension', cls: 'tension', values: series.map((p) => p.tension) }],
      min: 0,
      max: Math.max(100, ...series.map((p) => p.tension)),
      fmt: (v) => v.toFixed(0),
      guide: sc.params.tension.risk / 10,
      cursor,
    }),
  );
}

function outcomeSection(d: DebriefData): HTMLElement {
  const sc = d.scenario;
  const a = d.analysis;
  const points: PlotPoint[] = [
    { us: 0, cn: 0, label: 'Start and no-deal line', cls: 'origin' },
    ...a.proposals.map((p) => ({
      us: p.us,
      cn: p.cn,
      label: `${turnLabel(p.turn)}: ${sideName(sc, p.by)}’s proposal${p.accepted ? ' (accepted)' : ''}`,
      cls: 'proposal',
    })),
    { us: a.final.us, cn: a.final.cn, label: 'This game’s outcome', cls: 'final' },
  ];
  if (d.history)
    points.push({
      us: d.history.score.sides.us.score,
      cn: d.history.score.sides.cn.score,
      label: 'The historical line’s outcome',
      cls: 'history',
    });
  const lastDeal = [...a.proposals].reverse().find((p) => p.accepted);
  const arrow = lastDeal
    ? {
        from: { us: lastDeal.us, cn: lastDeal.cn, label: 'the deal as signed', cls: 'proposal' },
        to: points.find((p) => p.cls === 'final')!,
      }
    : null;
  const missedText = a.missed.map(
    (p) =>
      `On turn ${p.turn + 1}, ${sideName(sc, p.by)}’s ${d.record.moves[p.index - 1]?.type === 'reject' ? 'counter' : 'proposal'} would have left both of you better off than where you ended (scores ${score0(p.us)} for ${sideName(sc, 'us')} and ${score0(p.cn)} for ${sideName(sc, 'cn')}, signed then and held still to the end, against ${score0(a.final.us)} and ${score0(a.final.cn)}).`,
  );
  return h(
    'section',
    { class: 'card debrief-outcome', 'aria-label': 'Outcome plot' },
    h('h2', { text: 'Where the game ended, and where it could have' }),
    outcomePlot(
      'Outcomes: each side’s score (0 standing still)',
      { us: `${sideName(sc, 'us')} score`, cn: `${sideName(sc, 'cn')} score` },
      points,
      a.frontier,
      arrow,
    ),
    d.history
      ? null
      : h('p', {
          class: 'hint',
          text: 'This scenario has no scripted historical line, so history’s outcome is not plotted; “What happened in 2025” below tells it in words.',
        }),
    h('p', {
      text:
        a.efficiency === null
          ? 'Efficiency: no package on the approximate frontier gains anything for both sides together.'
          : `Efficiency: this game reached ${pct(a.efficiency)} of the best joint score on the approximate Pareto frontier (the frontier is approximate: the packages the rules list, each signed at the opening and then held still to the end).`,
    }),
    lastDeal
      ? h('p', {
          text: `The line from the deal as signed (${score0(lastDeal.us)}, ${score0(lastDeal.cn)}) to the final outcome shows what delivery, breaches and the epilogue did to it.`,
        })
      : null,
    missedText.length
      ? h(
          'ul',
          { class: 'missed', 'aria-label': 'Missed deals' },
          missedText.map((t) => h('li', { text: t })),
        )
      : h('p', {
          text: 'No proposal made in this game would have left both sides better off than where they ended.',
        }),
  );
}

function handSection(d: DebriefData): HTMLElement {
  const sc = d.scenario;
  const s = d.score;
  const series = d.analysis.series;
  const avg = series.reduce((sum, p) => sum + p.leverageUs, 0) / Math.max(1, series.length);
  // each side's share of what the two claimed above standing still (a score below 0 claims none)
  const claimed = Math.max(0, s.sides.us.score) + Math.max(0, s.sides.cn.score);
  const share = (side: Side) => (claimed > 0 ? Math.max(0, s.sides[side].score) / claimed : null);
  const upper: Side = avg >= 0.5 ? 'us' : 'cn';
  const bigger: Side | null =
    s.sides.us.score === s.sides.cn.score ? null : s.sides.us.score > s.sides.cn.score ? 'us' : 'cn';
  const row = (side: Side) =>
    [
      sideName(sc, side),
      pct(side === 'us' ? avg : 1 - avg),
      score0(s.sides[side].score),
      share(side) === null ? '—' : pct(share(side)!),
    ] as const;
  return h(
    'section',
    { class: 'card debrief-hand', 'aria-label': 'The upper hand and the slice' },
    h('h2', { text: 'Did the upper hand win the bigger slice?' }),
    dataTable({
      caption: 'Average leverage beside each side’s score and its share of the two scores above 0',
      head: ['Side', 'Average leverage', 'Score', 'Share of the two scores'],
      rows: [row('us'), row('cn')],
    }),
    h('p', {
      text:
        bigger === null
          ? `${sideName(sc, upper)} held the upper hand on average; the slices were equal.`
          : bigger === upper
            ? `${sideName(sc, upper)} held the upper hand on average, and it claimed the bigger slice.`
            : `${sideName(sc, upper)} held the upper hand on average, yet ${sideName(sc, bigger)} claimed the bigger slice.`,
    }),
  );
}

function dealSection(d: DebriefData): HTMLElement {
  const sc = d.scenario;
  const s = d.score;
  const final = d.states[d.states.length - 1]!;
  const active = final.world.packages.filter((p) => p.status === 'active');
  const broken = final.world.packages.filter((p) => p.status === 'broken');
  const ended =
    final.round.phase !== 'over'
      ? 'The game is not finished yet.'
      : s.collapsed
        ? 'The talks collapsed: tension reached its limit and every instrument went to its maximum.'
        : active.length
          ? 'The game ran to its end with a deal in force.'
          : 'The game ran to its end with no deal in force.';
  const objectives = (side: Side) =>
    h(
      'div',
      {},
      h('h3', { text: `${sideName(sc, side)}: objectives` }),
      h(
        'ul',
        { class: 'objectives' },
        s.sides[side].objectives.map((o) =>
          h('li', { text: `${o.met ? '✔' : '✘'} ${o.text} — ${objectiveWhyText(sc, o)}` }),
        ),
      ),
      h('p', {
        text: `Score: ${score0(s.sides[side].score)} (${pts(s.sides[side].raw)} utility points over standing still). Promises delivered: ${s.sides[side].durability === null ? 'none made' : pct(s.sides[side].durability!)}.`,
      }),
    );
  return h(
    'section',
    { class: 'card debrief-deal', 'aria-label': 'The deal' },
    h('h2', { text: 'The deal, the promises and the objectives' }),
    h('p', { text: ended }),
    h('p', { text: `Value created (both scores from the game, added): ${score0(s.created)}.` }),
    active.length
      ? h(
          'div',
          {},
          h('h3', { text: 'The terms in force at the end' }),
          h(
            'ul',
            {},
            active.flatMap((p) => p.clauses.map((c) => h('li', { text: clauseText(sc, c) }))),
          ),
        )
      : null,
    broken.length
      ? h(
          'div',
          {},
          h('h3', { text: 'Broken promises' }),
          h(
            'ul',
            {},
            broken.map((p) =>
              h('li', {
                text: `Package ${p.id} (signed ${turnLabel(p.turn).toLowerCase()}) broken by ${p.brokenBy ? sideName(sc, p.brokenBy) : 'the collapse'}: ${p.clauses.map((c) => clauseText(sc, c)).join('; ')}`,
              }),
            ),
          ),
        )
      : h('p', { text: 'No package was broken.' }),
    h('div', { class: 'score-cols' }, objectives('us'), objectives('cn')),
  );
}

function promptsSection(d: DebriefData): HTMLElement {
  const sc = d.scenario;
  const s = d.score;
  const final = d.states[d.states.length - 1]!;
  const clauses = final.world.packages.flatMap((p) => p.clauses);
  const purchases = clauses.filter((c) => c.kind === 'pledge').length;
  const structural = clauses.filter((c) => c.kind === 'commitment').length;
  const readouts = d.record.moves.filter((m) => m.type === 'readout');
  const trumpets = readouts.filter((m) => m.type === 'readout' && m.style === 'trumpet').length;
  const peak = Math.max(...d.analysis.series.map((p) => p.tension));
  const dur = (side: Side) =>
    s.sides[side].durability === null ? 'made no promises' : `delivered ${pct(s.sides[side].durability!)}`;
  const broken = final.world.packages.filter((p) => p.status === 'broken').length;
  const prompts = [
    `China delivered about 58% of the purchases it promised under the Phase One deal of 2020. In this game ${sideName(sc, 'us')} ${dur('us')} and ${sideName(sc, 'cn')} ${dur('cn')} of what they promised. Was a promise worth what it cost the side that accepted it?`,
    `Wendy Cutler warned that purchases are easy to announce and hard to hold, while structural commitments change behaviour. The packages signed in this game held ${purchases} purchase pledge${purchases === 1 ? '' : 's'} and ${structural} structural commitment${structural === 1 ? '' : 's'}. Which mattered more for the final scores?`,
    `The “promise of things that won’t happen”: ${broken} package${broken === 1 ? ' was' : 's were'} broken in this game. What did each side gain or lose by breaking, or by trusting?`,
    `The louder hand or the steadier hand? The sides trumpeted a deal ${trumpets} time${trumpets === 1 ? '' : 's'} out of ${readouts.length} readout${readouts.length === 1 ? '' : 's'}, and tension peaked at ${peak.toFixed(0)}. Did noise buy leverage, or did patience?`,
    `This game reached ${d.analysis.efficiency === null ? 'an unknown share' : pct(d.analysis.efficiency)} of the best joint gain it could have. What would it have taken to reach more of it?`,
  ];
  return h(
    'section',
    { class: 'card debrief-prompts', 'aria-label': 'Discussion prompts' },
    h('h2', { text: 'For discussion' }),
    h(
      'ol',
      {},
      prompts.map((p) => h('li', { text: p })),
    ),
  );
}

function historySection(d: DebriefData): HTMLElement | null {
  const sc = d.scenario;
  const hist = sc.history;
  if (!hist) return null;
  const rules = rulesFor(sc);
  const gameTurns = new Map<number, string[]>();
  for (const it of d.analysis.timeline) {
    if (
      it.kind === 'move' &&
      (it.move.type === 'pass' || (it.move.type === 'orders' && it.move.orders.length === 0))
    )
      continue;
    const list = gameTurns.get(it.turn) ?? [];
    list.push(itemTitle(d, it));
    gameTurns.set(it.turn, list);
  }
  const histTurns = new Map<number, string[]>();
  for (const step of hist.steps) {
    const t = turnOf(rules, step.date);
    const list = histTurns.get(t) ?? [];
    list.push(`${step.date}: ${step.text}`);
    histTurns.set(t, list);
  }
  const turns = [...new Set([...gameTurns.keys(), ...histTurns.keys()])]
    .filter((t) => t >= 0 && t < rules.totalTurns)
    .sort((a, b) => a - b);
  const cell = (lines: string[] | undefined) =>
    h(
      'td',
      {},
      lines?.length
        ? h(
            'ul',
            {},
            lines.map((l) => h('li', { text: l })),
          )
        : '—',
    );
  const hs = d.history?.score;
  return h(
    'section',
    { class: 'card debrief-history', 'aria-label': 'What happened in 2025' },
    h('h2', { text: 'What happened in 2025' }),
    h('p', { text: hist.summary }),
    h('p', { text: hist.outcome.text }),
    hs
      ? h('p', {
          text: `Played through the rules, history scores ${score0(hs.sides.us.score)} for ${sideName(sc, 'us')} and ${score0(hs.sides.cn.score)} for ${sideName(sc, 'cn')}; this game scored ${score0(d.score.sides.us.score)} and ${score0(d.score.sides.cn.score)}.`,
        })
      : null,
    dataTable({
      caption: 'History beside this game, turn by turn',
      class: 'history-table',
      head: ['Turn', 'What happened in 2025', 'This game'],
      rows: turns.map((t) => [
        `${turnLabel(t)} (${turnDate(sc, t)})`,
        cell(histTurns.get(t)),
        cell(gameTurns.get(t)),
      ]),
    }),
  );
}

/** The whole debrief, as sections; the screen adds its own heading and buttons. */
export function debriefSections(d: DebriefData): HTMLElement[] {
  return [
    chartsSection(d),
    outcomeSection(d),
    handSection(d),
    dealSection(d),
    timelineSection(d, null),
    promptsSection(d),
    historySection(d),
  ].filter((x): x is HTMLElement => x !== null);
}

export { timelineSection };
