// The replay viewer: a game opened from a file, a link or the debrief, stepped through turn by turn
// (forward, back, or a jump to any turn), with the table as it was at that point — drawn by the
// same Phaser table as the live game, and in words (instruments, indicators, tension, packages and
// the score at the end) — and the leverage and tension charts and the timeline (up to the turn
// shown) following the cursor.
import type { GameRecord, GameState, Scenario } from '../engine/index.ts';
import { isEpilogue, replay, rulesFor, score } from '../engine/index.ts';
import { framer, type TableFeed } from '../present/table-frame.ts';
import { clauseText, instName, levelLabel, pts, score0, sideName, turnDate } from '../present/text.ts';
import { type AppStore, closeReplay, openReplay, type ReplayView, replayTo } from '../store/game-store.ts';
import { chartsSection, type DebriefData, debriefData, timelineSection } from './debrief.ts';
import { button, h, rerender } from './dom.ts';
import { openLeverageDialog } from './leverage-dialog.ts';
import { tableCanvas } from './table-canvas.ts';

/** Opens a game (already known to replay) in the viewer; its states, when known, are not replayed. */
export function openReplayOf(
  store: AppStore,
  scenario: Scenario,
  hash: string,
  record: GameRecord,
  states?: readonly GameState[],
) {
  if (states) {
    openReplay(store, { scenario, hash, record, states });
    return;
  }
  const r = replay(scenario, record.seed, record.setup, record.moves, true);
  if (!r.ok) {
    store.setState({ notice: `The game cannot be replayed: ${r.reason}` });
    return;
  }
  openReplay(store, { scenario, hash, record, states: r.states ?? [r.state] });
}

/** The positions a viewer steps through: the start of each turn, then the end of the game. */
export function positions(states: readonly GameState[]): number[] {
  const out: number[] = [];
  states.forEach((s, i) => {
    if (i === 0 || s.round.turn !== states[i - 1]!.round.turn) out.push(i);
  });
  if (out[out.length - 1] !== states.length - 1) out.push(states.length - 1);
  return out;
}

/** The positions and the index of the one shown (the last at or before the cursor). */
function cursorOf(view: ReplayView): { pos: number[]; k: number } {
  const pos = positions(view.states);
  return {
    pos,
    k: Math.max(
      0,
      pos.findLastIndex((p) => p <= view.at),
    ),
  };
}

const positionLabel = (sc: Scenario, states: readonly GameState[], i: number) => {
  const s = states[i]!;
  if (i === states.length - 1)
    return s.round.phase === 'over'
      ? 'The end of the game'
      : `Where the game stopped (turn ${s.round.turn + 1})`;
  return `Turn ${s.round.turn + 1}, ${turnDate(sc, s.round.turn)}`;
};

/** The table at one point, in words. */
export function stateSummary(sc: Scenario, s: GameState): HTMLElement {
  const rules = rulesFor(sc);
  const sc0 = score(sc, s);
  const side = (x: 'us' | 'cn') =>
    h(
      'section',
      { class: 'card', 'aria-label': `${sideName(sc, x)} at this point` },
      h('h3', { text: sideName(sc, x) }),
      h(
        'ul',
        {},
        sc.instruments
          .filter((i) => i.owner === x)
          .map((i) =>
            h('li', { text: `${instName(sc, i.id)}: ${levelLabel(sc, i.id, s.world.levels[i.id] ?? 0)}` }),
          ),
        rules.indicatorsOf[x].map((i) =>
          h('li', { text: `${i.name}: ${((s.world.values[i.id] ?? 0) / 10).toFixed(1)}` }),
        ),
      ),
      s.round.phase === 'over'
        ? h('p', {
            text: `Score: ${score0(sc0.sides[x].score)} (${pts(sc0.sides[x].raw)} utility points over standing still)`,
          })
        : null,
    );
  const active = s.world.packages.filter((p) => p.status === 'active');
  return h(
    'section',
    { 'aria-label': 'The table at this point' },
    h('p', {
      class: 'replay-line',
      text: `Turn ${Math.min(s.round.turn + 1, rules.totalTurns)} of ${rules.totalTurns}${isEpilogue(rules, s.round.turn) ? ' (epilogue)' : ''}. Phase: ${s.round.phase}. Tension ${(s.world.tension / 10).toFixed(1)}.`,
    }),
    h(
      'p',
      {},
      active.length
        ? `Deal in force: ${active.flatMap((p) => p.clauses.map((c) => clauseText(sc, c))).join('; ')}`
        : 'No deal in force.',
    ),
    h('div', { class: 'score-cols' }, side('us'), side('cn')),
  );
}

/**
 * The replay's debrief data (charts, timeline), from the states it holds; `debriefData` makes it
 * once a record, so stepping through the turns does not compute it again.
 */
function dataOf(view: ReplayView): DebriefData | null {
  try {
    return debriefData(view.scenario, view.record, view.states);
  } catch {
    return null;
  }
}

// A replay is looked back on: the leverage dial shows whatever the game's setting hid.
const withLeverage = new WeakMap<GameState, GameState>();
function shownState(s: GameState): GameState {
  if (s.meta.setup.leverage === 'live') return s;
  let out = withLeverage.get(s);
  if (!out) {
    out = { ...s, meta: { ...s.meta, setup: { ...s.meta.setup, leverage: 'live' } } };
    withLeverage.set(s, out);
  }
  return out;
}

/** The replay's position as the table's feed, drawn for the projector. */
function replayFeed(store: AppStore): TableFeed {
  const frame = framer();
  return {
    current() {
      const r = store.getState().replay;
      const s = r?.states[r.at];
      return r && s ? frame(r.scenario, shownState(s), 'public') : null;
    },
    subscribe(changed) {
      return store.subscribe((s, prev) => {
        if (s.replay && (s.replay.at !== prev.replay?.at || s.replay.record !== prev.replay?.record))
          changed();
      });
    },
  };
}

export interface ReplayScreen {
  readonly root: HTMLElement;
  update(): void;
  destroy(): void;
}

/**
 * The viewer, mounted once a game: the controls, the Phaser table at the position (loaded like the
 * live table's), then the position in words, the charts and the timeline, which re-render.
 */
export function mountReplayScreen(store: AppStore): ReplayScreen {
  const head = h('div');
  const canvas = tableCanvas(
    replayFeed(store),
    () => {
      const r = store.getState().replay;
      const s = r?.states[r.at];
      if (r && s) openLeverageDialog({ scenario: r.scenario, state: shownState(s) }, null);
    },
    {
      class: 'table-canvas replay-canvas',
      'aria-label': 'The table at this point: instruments, indicators, leverage, tension and the calendar',
    },
  );
  const body = h('div');
  const root = h('main', { class: 'replay', 'aria-label': 'Replay' }, head, canvas.host, body);

  function update() {
    const view = store.getState().replay;
    if (!view) return;
    const sc = view.scenario;
    const { pos, k } = cursorOf(view);
    const s = view.states[view.at]!;
    const jump = h('select', { 'aria-label': 'Jump to turn', 'data-key': 'jump' });
    pos.forEach((p, i) => {
      const o = h('option', { value: String(i), text: positionLabel(sc, view.states, p) });
      if (i === k) o.selected = true;
      jump.append(o);
    });
    jump.addEventListener('change', () => replayTo(store, pos[Number(jump.value)] ?? 0));
    const data = dataOf(view);
    rerender(head, () => [
      h('h1', { text: `Replay — ${sc.meta.title}` }),
      h('p', {
        text: `Seed “${view.record.seed}”, ${view.record.moves.length} moves.${view.verified ? ' Verified by the class server: this is the game it hosted, move for move.' : ''}`,
      }),
      h(
        'div',
        { class: 'actions no-print', role: 'group', 'aria-label': 'Replay controls' },
        button('Back one turn', () => replayTo(store, pos[k - 1] ?? 0), {
          'data-key': 'back',
          disabledReason: k === 0 ? 'This is the opening.' : null,
        }),
        button('Forward one turn', () => replayTo(store, pos[k + 1] ?? view.states.length - 1), {
          'data-key': 'fwd',
          disabledReason: k === pos.length - 1 ? 'This is the end.' : null,
        }),
        h('label', { class: 'field' }, h('span', { text: 'Jump to turn' }), jump),
        button('Leave the replay', () => closeReplay(store), { 'data-key': 'leave' }),
        h('span', { class: 'hint', text: '← → step through the turns' }),
      ),
      h('p', {
        role: 'status',
        'aria-label': 'Replay position',
        text: `${positionLabel(sc, view.states, view.at)} (position ${k + 1} of ${pos.length})`,
      }),
    ]);
    rerender(body, () => [
      stateSummary(sc, s),
      data ? chartsSection(data, Math.min(s.round.turn, data.analysis.series.length - 1)) : null,
      data ? timelineSection(data, view.at === view.states.length - 1 ? null : s.round.turn - 1) : null,
    ]);
  }

  // ← and → step through the turns (for a class watching a projector), unless a field has the keys
  const onKey = (e: KeyboardEvent) => {
    const view = store.getState().replay;
    const target = e.target as HTMLElement | null;
    if (!view || e.altKey || e.ctrlKey || e.metaKey || target?.closest('input, select, textarea, dialog'))
      return;
    if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
    const { pos, k } = cursorOf(view);
    const to = e.key === 'ArrowLeft' ? pos[k - 1] : pos[k + 1];
    if (to === undefined) return;
    e.preventDefault();
    replayTo(store, to);
  };
  document.addEventListener('keydown', onKey);

  update();
  return {
    root,
    update,
    destroy() {
      document.removeEventListener('keydown', onKey);
      canvas.destroy();
    },
  };
}
