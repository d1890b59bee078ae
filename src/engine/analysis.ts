// What a finished (or unfinished) game teaches, for the debrief: leverage and tension turn by turn,
// the turns where leverage swung most and the move or event that swung it, a timeline of every move
// and event, and the outcome space — each proposal evaluated as if signed and kept, the approximate
// Pareto frontier of packages, the game's efficiency and the deals it missed. All of it is derived by
// replaying the game's moves; nothing here changes a game or draws from its random streams.
import { utility } from './effects';
import { proposalCandidates } from './legal';
import { leverage } from './leverage';
import type { GameRecord } from './replay';
import { replay } from './replay';
import { dateOf, rulesFor } from './rules';
import { noDealLine, score } from './scoring';
import type { Clause, GameState, Move, Scenario, Side } from './types';
import { SIDES } from './types';
import { crossedRedLine } from './validate';

export interface TurnPoint {
  readonly turn: number;
  readonly date: string;
  readonly leverageUs: number; // at the turn's end (0–1)
  readonly tension: number; // points
}

export type TimelineItem =
  | { readonly kind: 'move'; readonly turn: number; readonly index: number; readonly move: Move }
  | { readonly kind: 'event'; readonly turn: number; readonly event: string };

export interface Swing {
  readonly turn: number;
  readonly delta: number; // change in L_us over the turn
  readonly cause: TimelineItem | null; // the single move or event that moved it most
}

export interface Outcome {
  readonly us: number; // gain over the no-deal line, points
  readonly cn: number;
}

export interface EvaluatedProposal extends Outcome {
  readonly turn: number;
  readonly index: number; // the move's place in the game
  readonly by: Side;
  readonly clauses: readonly Clause[];
  readonly accepted: boolean;
}

export interface Analysis {
  readonly series: readonly TurnPoint[];
  readonly timeline: readonly TimelineItem[];
  readonly swings: readonly Swing[];
  readonly proposals: readonly EvaluatedProposal[];
  readonly final: Outcome; // the game's gains so far
  readonly frontier: readonly Outcome[]; // approximate: packages none beats for both sides
  readonly efficiency: number | null; // joint gain ÷ the frontier's best joint gain
  readonly missed: readonly EvaluatedProposal[];
}

/** The points no other point beats for both sides (ties kept once), sorted by the US gain. */
export function paretoFrontier(points: readonly Outcome[]): Outcome[] {
  const kept: Outcome[] = [];
  for (const p of points) {
    if (kept.some((k) => k.us >= p.us && k.cn >= p.cn)) continue; // pruned as it is built
    for (let i = kept.length - 1; i >= 0; i--) {
      const k = kept[i]!;
      if (p.us >= k.us && p.cn >= k.cn) kept.splice(i, 1);
    }
    kept.push(p);
  }
  return kept.sort((a, b) => a.us - b.us);
}

/** Proposals that would have left both sides better off than where they ended. */
export function missedDeals(proposals: readonly EvaluatedProposal[], final: Outcome): EvaluatedProposal[] {
  return proposals.filter((p) => !p.accepted && p.us > final.us && p.cn > final.cn);
}

/**
 * A package evaluated as if signed in state `s` and kept: its instrument changes and statements at
 * once, then every turn to the end with no further moves — the levels' effects, the pledges at their
 * expected delivery, drift — added up, alternatives held where they are. Gains over the no-deal line.
 */
export function evaluatePackage(scenario: Scenario, s: GameState, clauses: readonly Clause[]): Outcome {
  const rules = rulesFor(scenario);
  const levels = { ...s.levels };
  const values: Record<string, number> = { ...s.values };
  const add = (id: string, d: number) => {
    const ind = rules.indicators.get(id);
    if (ind) values[id] = Math.min(ind.max, Math.max(ind.min, (values[id] ?? 0) + d));
  };
  const announcements = { ...s.announcements };
  for (const c of clauses) {
    if (c.kind === 'instrument') {
      levels[c.instrument] = c.level;
      delete announcements[c.instrument];
    } else if (c.kind === 'statement') {
      const st = rules.statements.get(c.statement);
      for (const k in st?.effects ?? {}) add(k, st?.effects[k] ?? 0);
    }
  }
  const sizes = scenario.params.pledgeSizes;
  const util = { ...s.totals.util };
  for (let t = s.turn; t < rules.totalTurns; t++) {
    for (const id in announcements)
      if ((announcements[id]?.turn ?? 0) <= t) levels[id] = announcements[id]!.level;
    const deltas: Record<string, number> = {};
    const bump = (k: string, d: number) => {
      deltas[k] = (deltas[k] ?? 0) + d * (1 - (s.alt[k] ?? 0));
    };
    for (const id of rules.instrumentIds) {
      const fx = rules.instruments.get(id)!.levels[levels[id] ?? 0]?.effects ?? {};
      for (const k in fx) bump(k, fx[k] ?? 0);
    }
    for (const c of clauses) {
      if (c.kind !== 'pledge' && c.kind !== 'commitment') continue;
      const item = rules.commitments.get(c.item);
      if (!item) continue;
      const size = c.kind === 'pledge' ? sizes[c.size] : 1;
      for (const k in item.effects) bump(k, (item.effects[k] ?? 0) * size * item.rate);
    }
    for (const ind of scenario.indicators) if (ind.drift) deltas[ind.id] = (deltas[ind.id] ?? 0) + ind.drift;
    for (const k in deltas) add(k, deltas[k] ?? 0);
    for (const side of SIDES) util[side] += utility(rules, values, side);
  }
  const line = noDealLine(scenario, s.seed, s.setup);
  return { us: (util.us - line.util.us) / 10, cn: (util.cn - line.util.cn) / 10 };
}

/** The states of a game: [0] the opening, then after each move; throws if it does not replay. */
export function replayStates(scenario: Scenario, record: GameRecord): readonly GameState[] {
  const r = replay(scenario, record.seed, record.setup, record.moves, true);
  if (!r.ok || !r.states) throw new Error(`the game does not replay: ${r.ok ? '' : r.reason}`);
  return r.states;
}

/**
 * Draws out what the debrief shows from a game's states (`states`, when the caller replayed it
 * already; else the record is replayed here).
 */
export function analyseGame(
  scenario: Scenario,
  record: GameRecord,
  states: readonly GameState[] = replayStates(scenario, record),
): Analysis {
  const rules = rulesFor(scenario);
  // Washington's leverage at every state, once: the swings and the series both read it.
  const lev = states.map((s) => leverage(rules, s).us);

  const timeline: TimelineItem[] = [];
  const series: TurnPoint[] = [];
  const point = (i: number, turn: number): TurnPoint => ({
    turn,
    date: dateOf(rules, turn),
    leverageUs: lev[i]!,
    tension: states[i]!.tension / 10,
  });
  const eventsOf = (s: GameState, news: GameState['news']) => {
    for (const n of news)
      if (n.kind === 'event')
        timeline.push({ kind: 'event', turn: s.fired[n.event] ?? s.turn, event: n.event });
  };
  eventsOf(states[0]!, states[0]!.news);
  series.push(point(0, 0));
  const causes: { item: TimelineItem; delta: number }[][] = [];
  const causeOf = (turn: number) => {
    causes[turn] ??= [];
    return causes[turn];
  };
  for (let i = 0; i < record.moves.length; i++) {
    const before = states[i]!;
    const after = states[i + 1]!;
    const item: TimelineItem = { kind: 'move', turn: before.turn, index: i, move: record.moves[i]! };
    timeline.push(item);
    causeOf(before.turn).push({ item, delta: lev[i + 1]! - lev[i]! });
    if (after.turn !== before.turn) {
      const firstNew = timeline.length;
      eventsOf(after, after.news);
      for (const e of timeline.slice(firstNew)) causeOf(after.turn).push({ item: e, delta: 0 });
      series.push(point(i + 1, after.turn));
    }
  }

  const swings: Swing[] = [];
  for (let t = 1; t < series.length; t++) {
    const delta = series[t]!.leverageUs - series[t - 1]!.leverageUs;
    const inTurn = causes[t - 1] ?? [];
    const cause = inTurn.reduce<(typeof inTurn)[number] | null>(
      (best, c) => (best === null || Math.abs(c.delta) > Math.abs(best.delta) ? c : best),
      null,
    );
    swings.push({ turn: t - 1, delta, cause: cause?.item ?? null });
  }
  swings.sort((a, b) => Math.abs(b.delta) - Math.abs(a.delta));

  const proposals: EvaluatedProposal[] = [];
  record.moves.forEach((m, i) => {
    if (m.type !== 'propose') return;
    const at = states[i]!;
    const next = record.moves[i + 1];
    const accepted = next?.type === 'accept';
    proposals.push({
      turn: at.turn,
      index: i,
      by: m.side,
      clauses: m.clauses,
      accepted,
      ...evaluatePackage(scenario, at, m.clauses),
    });
  });

  const sc = score(scenario, states[states.length - 1]!);
  const final: Outcome = { us: sc.sides.us.raw, cn: sc.sides.cn.raw };
  const opening = states[0]!;
  const candidates: Outcome[] = [final, { us: 0, cn: 0 }, ...proposals];
  for (const side of SIDES)
    for (const clauses of proposalCandidates(rules, opening, side))
      if (!crossedRedLine(rules, side === 'us' ? 'cn' : 'us', clauses))
        candidates.push(evaluatePackage(scenario, opening, clauses));
  const frontier = paretoFrontier(candidates);
  const best = Math.max(...frontier.map((p) => p.us + p.cn));
  return {
    series,
    timeline,
    swings: swings.slice(0, 3),
    proposals,
    final,
    frontier,
    efficiency: best > 0 ? (final.us + final.cn) / best : null,
    missed: missedDeals(proposals, final),
  };
}
