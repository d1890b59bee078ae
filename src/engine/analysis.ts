// What a finished (or unfinished) game teaches, for the debrief: leverage and tension turn by turn,
// the turns where leverage swung most and the move or event that swung it, a timeline of every move
// and event, and the outcome space — each proposal evaluated through the turn kernel as if signed
// and then held still to the end, on the one score scale, the approximate
// Pareto frontier of packages, the game's efficiency and the deals it missed. All of it is derived by
// replaying the game's moves; nothing here changes a game or draws from its random streams.

import { holdStill } from './kernel.ts';
import { proposalCandidates } from './legal.ts';
import { leverage } from './leverage.ts';
import type { Refused } from './projection.ts';
import { diceOf, PREVIEW_SEEDS, projected, scored, sign } from './projection.ts';
import type { GameRecord } from './replay.ts';
import { replay } from './replay.ts';
import { dateOf, rulesFor } from './rules.ts';
import { noDealLine, score, unscorable } from './scoring.ts';
import type { Clause, GameState, Move, Scenario, Side } from './types.ts';
import { SIDES } from './types.ts';
import { crossedRedLine } from './validate.ts';

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
  readonly us: number; // score points: 0 is the stand-still line
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
  readonly unevaluated: readonly Unevaluated[]; // proposals the kernel could not evaluate, and why
}

/** A proposal of the game that could not be signed where it was made (the engine's reason). */
export interface Unevaluated {
  readonly turn: number;
  readonly index: number;
  readonly by: Side;
  readonly reason: string;
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
 * A package evaluated as if signed in state `s` (proposed by `by`, accepted by the other side) and
 * then both sides hold still to the end: the kernel's play-out under each preview seed, scored from
 * that seed's stand-still line (the engine's zero), the median taken. Score points, objectives
 * included. A package the rules do not let be signed there is refused with the engine's reason.
 */
export function evaluatePackage(
  scenario: Scenario,
  s: GameState,
  by: Side,
  clauses: readonly Clause[],
  seeds: readonly string[] = PREVIEW_SEEDS,
): ({ readonly ok: true } & Outcome) | Refused {
  const why = unscorable(scenario);
  if (why) return { ok: false, reason: why };
  const signed = sign(scenario, s, by, clauses); // once: signing draws no dice
  if (!signed.ok) return { ok: false, reason: signed.reason };
  const rules = rulesFor(scenario);
  const us: number[] = [];
  const cn: number[] = [];
  for (const seed of seeds) {
    const final = holdStill(rules, signed.state, diceOf(seed));
    const r = scored(scenario, final, noDealLine(scenario, seed, s.meta.setup).util, scenario.objectives);
    us.push(r.us);
    cn.push(r.cn);
  }
  return { ok: true, us: projected(us).median, cn: projected(cn).median };
}

/** The frontier's screen: its first preview seeds, and the margin (score points) that prunes. */
const SCREEN_SEEDS = PREVIEW_SEEDS.slice(0, 4);
const SCREEN_MARGIN = 5;

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
  const lev = states.map((s) => leverage(rules, s.world).us);

  const timeline: TimelineItem[] = [];
  const series: TurnPoint[] = [];
  const point = (i: number, turn: number): TurnPoint => ({
    turn,
    date: dateOf(rules, turn),
    leverageUs: lev[i]!,
    tension: states[i]!.world.tension / 10,
  });
  const eventsOf = (s: GameState, news: GameState['round']['news']) => {
    for (const n of news)
      if (n.kind === 'event')
        timeline.push({ kind: 'event', turn: s.world.fired[n.event] ?? s.round.turn, event: n.event });
  };
  eventsOf(states[0]!, states[0]!.round.news);
  series.push(point(0, 0));
  const causes: { item: TimelineItem; delta: number }[][] = [];
  const causeOf = (turn: number) => {
    causes[turn] ??= [];
    return causes[turn];
  };
  for (let i = 0; i < record.moves.length; i++) {
    const before = states[i]!;
    const after = states[i + 1]!;
    const item: TimelineItem = { kind: 'move', turn: before.round.turn, index: i, move: record.moves[i]! };
    timeline.push(item);
    causeOf(before.round.turn).push({ item, delta: lev[i + 1]! - lev[i]! });
    if (after.round.turn !== before.round.turn) {
      const firstNew = timeline.length;
      eventsOf(after, after.round.news);
      for (const e of timeline.slice(firstNew)) causeOf(after.round.turn).push({ item: e, delta: 0 });
      series.push(point(i + 1, after.round.turn));
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
  const unevaluated: Unevaluated[] = [];
  record.moves.forEach((m, i) => {
    if (m.type !== 'propose') return;
    const at = states[i]!;
    const next = record.moves[i + 1];
    const accepted = next?.type === 'accept';
    const v = evaluatePackage(scenario, at, m.side, m.clauses);
    if (!v.ok) unevaluated.push({ turn: at.round.turn, index: i, by: m.side, reason: v.reason });
    else
      proposals.push({
        turn: at.round.turn,
        index: i,
        by: m.side,
        clauses: m.clauses,
        accepted,
        us: v.us,
        cn: v.cn,
      });
  });

  const sc = score(scenario, states[states.length - 1]!);
  const final: Outcome = { us: sc.sides.us.score, cn: sc.sides.cn.score };
  const opening = states[0]!;
  const candidates: Outcome[] = [final, { us: 0, cn: 0 }, ...proposals];
  // Hundreds of packages: each is screened on the first few preview seeds, and only those no other
  // beats by a clear margin for both sides are played out on all twenty.
  const screened: { by: Side; clauses: readonly Clause[]; at: Outcome }[] = [];
  for (const side of SIDES)
    for (const clauses of proposalCandidates(rules, opening, side)) {
      if (crossedRedLine(rules, side === 'us' ? 'cn' : 'us', clauses)) continue;
      const v = evaluatePackage(scenario, opening, side, clauses, SCREEN_SEEDS);
      if (v.ok) screened.push({ by: side, clauses, at: v });
    }
  const beaten = (p: Outcome) =>
    screened.some((q) => q.at.us > p.us + SCREEN_MARGIN && q.at.cn > p.cn + SCREEN_MARGIN);
  for (const c of screened) {
    if (beaten(c.at)) continue;
    const v = evaluatePackage(scenario, opening, c.by, c.clauses);
    if (v.ok) candidates.push({ us: v.us, cn: v.cn });
  }
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
    unevaluated,
  };
}
