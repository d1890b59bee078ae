// The spread of scores a scenario gives, and the bounds a class can read (issue 16): in games at the
// default level no more than 5 % put a side below −100, and one good package moves a side's score by
// tens, not hundreds. `simulate` prints the spread of the games it played; `check` plays a few games
// and evaluates the opening's packages, and warns the author when a bound is broken.
import { defaultSeat } from '../src/ai/index.ts';
import type { GameSummary } from '../src/ai/match.ts';
import { playGame } from '../src/ai/match.ts';
import { clauseKey, packageKey } from '../src/ai/talks.ts';
import type { BySide, Scenario, Side } from '../src/engine/index.ts';
import {
  type Clause,
  clauseId,
  clauseOptions,
  DEFAULT_SETUP,
  evaluateUnder,
  MAX_CLAUSES,
  newGame,
  noDealLine,
  proposalCandidates,
  rulesFor,
  SIDES,
  unscorable,
} from '../src/engine/index.ts';

/** The most games below −100 a side may have at the default level, as a share. */
export const MAX_BELOW = 0.05;
/** The most one package signed at the opening may move a side's score by, in score points. */
export const MAX_PACKAGE_MOVE = 100;

export interface SideSpread {
  readonly below100: number; // share of games in which the side scored below −100
  readonly p10: number;
  readonly p50: number;
  readonly p90: number;
}

const round1 = (x: number) => Math.round(x * 10) / 10;

/** Nearest-rank percentiles of a side's scores over games. */
export function spreadOf(scores: readonly number[]): SideSpread {
  const v = [...scores].sort((a, b) => a - b);
  const at = (q: number) => v[Math.min(v.length - 1, Math.max(0, Math.ceil(q * v.length) - 1))] ?? 0;
  return {
    below100: round1((1000 * v.filter((x) => x < -100).length) / Math.max(1, v.length)) / 1000,
    p10: round1(at(0.1)),
    p50: round1(at(0.5)),
    p90: round1(at(0.9)),
  };
}

export const spreadOfGames = (games: readonly GameSummary[]): BySide<SideSpread> => ({
  us: spreadOf(games.map((g) => g.score.us)),
  cn: spreadOf(games.map((g) => g.score.cn)),
});

export function formatSpread(s: BySide<SideSpread>, names: BySide<string>): string {
  const line = (side: Side) =>
    `  ${names[side].padEnd(12)} below −100 ${(s[side].below100 * 100).toFixed(1).padStart(5)}%   10th ${s[side].p10.toFixed(1).padStart(7)}   median ${s[side].p50.toFixed(1).padStart(7)}   90th ${s[side].p90.toFixed(1).padStart(7)}`;
  return `spread of scores (0 standing still, 100 opening day held)\n${line('us')}\n${line('cn')}\n`;
}

/** How many short packages the climbs start from, by each measure. */
const CLIMBS = 4;
/**
 * The most packages the climbs weigh on the kernel for one proposing side: a shipped opening's take
 * 420–860, so a file with hundreds of clauses to offer is still checked in seconds (its figure
 * then a lower bound).
 */
const CLIMB_BUDGET = 6_000;

/** Each side's score moved by a package signed at the check's opening, or null if it cannot be signed. */
export type Weigh = (by: Side, clauses: readonly Clause[]) => BySide<number> | null;

/**
 * The check's opening — seed `check`, events off, objectives aside (the game's own score points) —
 * and the kernel's weighing of a package signed there by `by` and then held still. Each package is
 * weighed once (`weighed` keeps them all, by proposer and package): the climbs below meet the same
 * packages again and again.
 */
export function checkOpening(scenario: Scenario) {
  const bare = { ...scenario, objectives: [] };
  const setup = { ...DEFAULT_SETUP, randomEvents: false };
  const s = newGame(bare, 'check', setup);
  const zero = noDealLine(bare, 'check', setup).util;
  const weighed = new Map<string, BySide<number> | null>();
  const weigh: Weigh = (by, clauses) => {
    if (clauses.length === 0) return null;
    const key = `${by} ${packageKey(clauses)}`;
    let gain = weighed.get(key);
    if (gain === undefined) {
      const r = evaluateUnder(bare, s, by, clauses, s.rng, zero);
      gain = r.ok ? { us: r.score.us, cn: r.score.cn } : null;
      weighed.set(key, gain);
    }
    return gain;
  };
  return { rules: rulesFor(bare), s, weigh, weighed };
}

const smaller = (g: BySide<number>) => Math.min(g.us, g.cn);
// the climbs' measures: the Nash product (what either side gains counts), and the smaller gain itself
const nash = (g: BySide<number>) =>
  g.us > 0 && g.cn > 0 ? Math.log(g.us) + Math.log(g.cn) : smaller(g) - 1e6;

/**
 * The best package at the opening for both sides together (the largest smaller gain), signed and then
 * held still, events off: how far it moves each side's score from standing still. The kernel weighs
 * every package: the short packages of the engine's bounded generator, then climbs from the best of
 * them that add, drop or swap one clause at a time, up to a full package — while the Nash product of
 * the two gains grows, and while the smaller gain does. The computer signs packages of five and six
 * clauses, which the generator alone never reaches: it had found at most 86 points in the Opening
 * Bid, where the computer's own first proposals moved both sides by more than 120.
 */
export function goodPackageMove(scenario: Scenario): BySide<number> | null {
  if (unscorable(scenario)) return null;
  const { rules, s, weigh, weighed } = checkOpening(scenario);
  for (const by of SIDES) {
    const starts: { clauses: readonly Clause[]; gain: BySide<number> }[] = [];
    for (const clauses of proposalCandidates(rules, s, by)) {
      const gain = weigh(by, clauses);
      if (gain) starts.push({ clauses, gain });
    }
    const options = clauseOptions(rules, s, by);
    const before = weighed.size;
    const budgeted = (clauses: readonly Clause[]) =>
      weighed.size - before < CLIMB_BUDGET ? weigh(by, clauses) : null;
    for (const f of [nash, smaller]) {
      // from the few best short packages by each measure: one climb alone stops on a local top
      const top = [...starts].sort((a, b) => f(b.gain) - f(a.gain)).slice(0, CLIMBS);
      for (const start of top) climb(start, options, budgeted, f);
    }
  }
  // the best of every package weighed, on the climbs' way or at their tops
  let best: BySide<number> | null = null;
  for (const g of weighed.values()) if (g && (!best || smaller(g) > smaller(best))) best = g;
  return best && { us: round1(best.us), cn: round1(best.cn) };
}

/**
 * A hill climb over packages while `f` grows: a neighbour drops a clause, swaps one for another of
 * the same lever, or adds one, as the computer's own search (`eachNeighbour` in src/ai/talks.ts)
 * steps over its table of options.
 */
function climb(
  from: { clauses: readonly Clause[]; gain: BySide<number> },
  options: readonly Clause[],
  worth: (clauses: readonly Clause[]) => BySide<number> | null,
  f: (gain: BySide<number>) => number,
): void {
  let cur = { clauses: from.clauses, value: f(from.gain) };
  for (let step = 0; step < 4 * MAX_CLAUSES; step++) {
    let next: typeof cur | null = null;
    const consider = (clauses: readonly Clause[]) => {
      const gain = worth(clauses);
      if (gain && f(gain) > (next ?? cur).value + 1e-9) next = { clauses, value: f(gain) };
    };
    const ids = cur.clauses.map(clauseId);
    for (let i = 0; i < cur.clauses.length; i++) consider(cur.clauses.filter((_, j) => j !== i));
    for (const o of options) {
      const at = ids.indexOf(clauseId(o));
      if (at < 0) {
        if (cur.clauses.length < MAX_CLAUSES) consider([...cur.clauses, o]);
      } else if (clauseKey(cur.clauses[at]!) !== clauseKey(o))
        consider(cur.clauses.map((c, j) => (j === at ? o : c)));
    }
    if (next === null) break;
    cur = next;
  }
}

/** A bound broken, for an author: the side, what was expected and what was found. */
export interface SpreadWarning {
  readonly side: Side;
  readonly expected: string;
  readonly found: string;
}

/** Warnings for an author when the scores break the bounds a class can read. */
export function spreadWarnings(
  scenario: Scenario,
  spread: BySide<SideSpread>,
  move: BySide<number> | null,
): SpreadWarning[] {
  const out: SpreadWarning[] = [];
  for (const side of SIDES) {
    const name = scenario.sides[side].name;
    if (spread[side].below100 > MAX_BELOW)
      out.push({
        side,
        expected: `at most ${MAX_BELOW * 100}% of default-level games with ${name} below −100 (standing still should cost it more, or play harm it less)`,
        found: `${(spread[side].below100 * 100).toFixed(1)}%`,
      });
    if (move && Math.abs(move[side]) > MAX_PACKAGE_MOVE)
      out.push({
        side,
        expected: `one good package to move ${name}'s score by tens, not hundreds (at most ${MAX_PACKAGE_MOVE}: standing still should cost it more)`,
        found: `${move[side].toFixed(0)} points`,
      });
  }
  return out;
}

/** The games `check` plays at the default level to read a scenario's spread. */
export const CHECK_GAMES = 40;

/** Plays the check's games and evaluates the opening's packages: the bounds a scenario breaks. */
export function checkSpread(scenario: Scenario): SpreadWarning[] {
  if (unscorable(scenario)) return []; // the playability check already refuses the file
  const seats = { us: defaultSeat(scenario, 'us'), cn: defaultSeat(scenario, 'cn') };
  const games: GameSummary[] = [];
  for (let i = 0; i < CHECK_GAMES; i++) games.push(playGame(scenario, `check-${i}`, seats));
  return spreadWarnings(scenario, spreadOfGames(games), goodPackageMove(scenario));
}
