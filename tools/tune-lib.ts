// Finding a balance: the numbers of a scenario file that `tune` may move, how a move is written back
// into the author's own text (only the number's characters change, so the diff is the move), and
// games played in this process to judge a version of the text. Used by `npm run tune` (the search)
// and `npm run simulate` (for each FAIL, the number that moves it most). Importers set NODE_ENV to
// production first, as the simulator does, so the engine's immer skips its development checks.
//
// A number may be moved when it is written in the author's file, belongs to an item marked
// `estimate:` (an item with a `quote` as well documents its label, its numbers are the author's, as
// the guide says), is not a figure its item's quote states (0.58 where the quote says "58%", 12
// where it says "12"), and is one of: a side's `sigma`; an indicator's `start`, `alt` or `drift`; an effect (of a level, a
// commitment, a statement, an event, a summit); an alternative's `gains` or `cost`; a commitment's
// `rate`; an instrument's `concessionCost`. Weights are left alone (each side's must sum to 1), and
// so are levels, turns and dates (they change what the game is, not how much things count).
// For one level of play (`--level N`) only the thresholds a profile restates for that level move
// (`profiles[].levels.N.thetaStart` and `thetaFloor`, written in the author's file and marked as
// estimates): the other numbers count at every level, so moving them would unsettle the others.
import { type AiSeat, DEFAULT_AI_LEVEL, defaultSeat } from '../src/ai/index.ts';
import { type GameSummary, playGame } from '../src/ai/match.ts';
import { findProfile } from '../src/ai/profile.ts';
import { type Check, summarise } from '../src/ai/report.ts';
import { pairedShare, strengthPairings } from '../src/ai/strength.ts';
import type { Scenario, Side } from '../src/engine/index.ts';
import { thresholdsAt } from '../src/model/thresholds.ts';
import { type LoadOptions, loadScenario } from '../src/scenario/load.ts';
import { isMap, resolveFile, type SourceFile, type WorldResolver } from '../src/scenario/merge.ts';
import { pathKey } from '../src/scenario/parse.ts';

export type Kind = 'sigma' | 'share' | 'points' | 'start' | 'theta' | 'floor';

/** A number the search may move, where it is written in the author's file. */
export interface Tunable {
  readonly name: string; // indicators[cn-exports].drift
  readonly line: number;
  readonly column: number;
  readonly value: number;
  readonly kind: Kind;
}

const SHARE_KEYS = new Set(['alt', 'rate']);
const POINT_KEYS = new Set(['drift', 'concessionCost']);
const EFFECT_MAPS = new Set(['effects', 'cost', 'deal', 'noDeal']);

function kindOf(key: string, parent: string | undefined): Kind | undefined {
  if (key === 'sigma') return 'sigma';
  if (key === 'start') return 'start';
  if (SHARE_KEYS.has(key)) return 'share';
  if (POINT_KEYS.has(key)) return 'points';
  if (parent === 'gains') return 'share';
  if (parent !== undefined && EFFECT_MAPS.has(parent)) return 'points';
  return undefined;
}

/** A threshold restated for `level`: its kind, if `raw` is the path of one. */
function thresholdKind(raw: readonly (string | number)[], level: number): Kind | undefined {
  if (raw.length !== 5 || raw[0] !== 'profiles' || raw[2] !== 'levels' || raw[3] !== String(level)) return;
  return raw[4] === 'thetaStart' ? 'theta' : raw[4] === 'thetaFloor' ? 'floor' : undefined;
}

/**
 * Every number of `entry` the search may move (see the header), in the file's order; with a level,
 * only the thresholds restated for it.
 */
export function tunables(entry: SourceFile, resolveWorld: WorldResolver, level?: number): Tunable[] {
  const merged = resolveFile(entry, [], resolveWorld).doc;
  if (!merged) return [];
  const out: Tunable[] = [];
  type Cite = { estimate: boolean; quote: string } | undefined;
  const walk = (v: unknown, raw: (string | number)[], shown: string, cite: Cite) => {
    if (Array.isArray(v)) {
      v.forEach((x, i) => {
        const id = isMap(x) && typeof x.id === 'string' ? x.id : String(i);
        walk(x, [...raw, i], `${shown}[${id}]`, cite);
      });
      return;
    }
    if (isMap(v)) {
      const own =
        'estimate' in v || 'quote' in v || 'source' in v
          ? { estimate: typeof v.estimate === 'string', quote: typeof v.quote === 'string' ? v.quote : '' }
          : cite;
      for (const k of Object.keys(v)) walk(v[k], [...raw, k], shown === '' ? k : `${shown}.${k}`, own);
      return;
    }
    if (typeof v !== 'number' || !cite?.estimate || quoted(v, cite.quote)) return;
    const key = String(raw[raw.length - 1]);
    const parent = raw.length > 1 ? String(raw[raw.length - 2]) : undefined;
    const kind = level === undefined ? kindOf(key, parent) : thresholdKind(raw, level);
    // An indicator's start only: a tension's or a calendar's start is no estimate of this kind.
    if (!kind || (kind === 'start' && raw[0] !== 'indicators')) return;
    if (kind === 'points' && v === 0) return; // a zero effect is a choice of what moves what
    const o = merged.origins.get(pathKey(raw));
    if (!o || o.file !== entry.name) return;
    out.push({ name: shown, line: o.line, column: o.column, value: v, kind });
  };
  walk(merged.value, [], '', undefined);
  return out;
}

/** Whether a quote states the figure: the number itself, or a share as a percentage. */
function quoted(v: number, quote: string): boolean {
  const figures = (quote.match(/\d+(?:\.\d+)?/g) ?? []).map(Number);
  return figures.some(
    (f) => f === Math.abs(v) || (Math.abs(v) < 1 && Math.abs(f - Math.abs(v) * 100) < 1e-9),
  );
}

const round = (x: number, places: number) => Math.round(x * 10 ** places) / 10 ** places;

/**
 * How many steps at a time a trial may take: a threshold's share can stay flat over several steps
 * and then jump (docs/authoring.md), so a trial also looks further than the next step.
 */
export const strides = (t: Pick<Tunable, 'kind'>): readonly number[] =>
  t.kind === 'theta' || t.kind === 'floor' ? [1, 3, 6, 12] : [1];

/**
 * The value `times` steps from `v` in direction `dir` (+1 up, −1 down), or undefined at a bound
 * (`times` only for a threshold: the others' steps scale).
 */
export function step(t: Pick<Tunable, 'kind'>, v: number, dir: 1 | -1, times = 1): number | undefined {
  let next: number;
  if (t.kind === 'sigma') next = Math.min(10, Math.max(0.05, round(v * (dir > 0 ? 1.25 : 0.8), 2)));
  // a threshold's cliffs are close together (docs/authoring.md): small steps
  else if (t.kind === 'theta') next = Math.min(3, Math.max(0, round(v + dir * 0.02 * times, 2)));
  else if (t.kind === 'floor') next = Math.min(1, Math.max(0, round(v + dir * 0.02 * times, 2)));
  else if (t.kind === 'share') next = Math.min(1, Math.max(0, round(v + dir * 0.1, 2)));
  else if (t.kind === 'start') next = Math.min(100, Math.max(0, round(v + dir * 5, 1)));
  else {
    // Points scale by half again (or a third less), at least a tenth, keeping their sign.
    const scaled = round(v * (dir > 0 ? 1.5 : 2 / 3), 1);
    next = scaled === v ? round(v + dir * Math.sign(v) * 0.1, 1) : scaled;
    if (Math.sign(next) !== Math.sign(v)) return undefined;
  }
  return next === v ? undefined : next;
}

/** `text` with the number at each change's line and column replaced by its new value. */
export function rewrite(text: string, changes: ReadonlyMap<Tunable, number>): string {
  const lines = text.split('\n');
  // Right to left within a line, so a longer or shorter number leaves the others' columns in place.
  const order = [...changes].sort(([a], [b]) => a.line - b.line || b.column - a.column);
  for (const [t, value] of order) {
    const line = lines[t.line - 1];
    if (line === undefined) continue;
    const at = t.column - 1;
    const m = /^-?\d+(\.\d+)?(e-?\d+)?/.exec(line.slice(at));
    if (!m) throw new Error(`no number at line ${t.line}, column ${t.column} (${t.name})`);
    lines[t.line - 1] = `${line.slice(0, at)}${String(value)}${line.slice(at + m[0].length)}`;
  }
  return lines.join('\n');
}

/** A unified diff of two versions of one file's text, each change with one line of context. */
export function unifiedDiff(name: string, before: string, after: string): string {
  const a = before.split('\n');
  const b = after.split('\n');
  const out = [`--- a/${name}`, `+++ b/${name}`];
  for (let i = 0; i < a.length; i++) {
    if (a[i] === b[i]) continue;
    let j = i;
    while (j + 1 < a.length && a[j + 1] !== b[j + 1]) j++;
    const from = Math.max(0, i - 1);
    const to = Math.min(a.length - 1, j + 1);
    out.push(`@@ -${from + 1},${to - from + 1} +${from + 1},${to - from + 1} @@`);
    for (let k = from; k <= to; k++) {
      if (k >= i && k <= j) out.push(`-${a[k]}`);
      else out.push(` ${a[k]}`);
      if (k === j) for (let m = i; m <= j; m++) out.push(`+${b[m]}`);
    }
    i = to;
  }
  return `${out.join('\n')}\n`;
}

/** What a version of the text gives over a number of games from a seed. */
export interface Judged {
  readonly games: number;
  readonly usShare: number; // Washington's win share, a tie counting half
  readonly deal: number;
  readonly collapse: number;
  readonly checks: readonly Check[];
}

/** Character checks: the profiles' own behaviour, not the balance or the outcome shares. */
export const isCharacterCheck = (c: Check) =>
  !c.name.startsWith('AI against AI') && !c.name.startsWith('Balance');

export function loadText(entry: SourceFile, resolveWorld: WorldResolver, full = false): Scenario | undefined {
  const options: LoadOptions = { resolveWorld, ...(full ? {} : { playability: false }) };
  const r = loadScenario([entry], options);
  return r.ok ? r.scenario : undefined;
}

/**
 * Plays `games` games of a scenario between its default seats (equal levels: the default one, or
 * `level`), from `seed`.
 */
export function judge(scenario: Scenario, games: number, seed: string, level?: number): Judged {
  const seat = (side: 'us' | 'cn'): AiSeat => {
    const own = defaultSeat(scenario, side);
    return level === undefined ? own : { ...own, level };
  };
  const seats: { us: AiSeat; cn: AiSeat } = { us: seat('us'), cn: seat('cn') };
  const played: GameSummary[] = [];
  for (let i = 0; i < games; i++) played.push(playGame(scenario, `${seed}-${i}`, seats));
  const r = summarise(scenario, seed, seats, played);
  return {
    games,
    usShare: r.winShare.us,
    deal: r.outcomes.deal,
    collapse: r.outcomes.collapse,
    checks: r.checks,
  };
}

/** The character checks `after` fails that `before` did not. */
export function brokenChecks(before: Judged, after: Judged): string[] {
  return after.checks
    .filter((c) => isCharacterCheck(c) && c.pass === false)
    .filter((c) => before.checks.find((b) => b.name === c.name)?.pass !== false)
    .map((c) => c.name);
}

/** One paired row of the strength table: `side`'s seat at level `hi` against itself at `lo`. */
export interface OrderRow {
  readonly side: Side;
  readonly hi: number;
  readonly lo: number;
  readonly share: number; // seeds on which the higher level scored more (a tie counts half)
  readonly pass: boolean; // above half, as npm run balance requires
}

/**
 * Whether `level` still sits between its neighbours for each of `sides`: the strength table's paired
 * rows (src/ai/strength.ts, its own pairings: the side's seat at each level against the other side
 * at the default level, on the same `games` seeds) for the level against the one below and the one
 * above against it. A threshold restated for one level can balance two equal seats there and still
 * leave that level below the one under it (a side that holds out longer signs later, and its own
 * score falls).
 */
export function levelOrder(
  scenario: Scenario,
  level: number,
  sides: readonly Side[],
  games: number,
  seed: string,
): OrderRow[] {
  const seats = new Map(strengthPairings(scenario).map((p) => [p.label, p.seats]));
  const played = new Map<string, GameSummary[]>();
  const gamesOf = (label: string) => {
    let g = played.get(label);
    if (!g) {
      const at = seats.get(label)!;
      g = Array.from({ length: games }, (_, i) => playGame(scenario, `${seed}-${i}`, at));
      played.set(label, g);
    }
    return g;
  };
  const rows: OrderRow[] = [];
  for (const side of sides)
    for (const [hi, lo] of [
      [level, level - 1],
      [level + 1, level],
    ]) {
      const [h, l] = [`${side} ${hi}`, `${side} ${lo}`];
      if (!seats.has(h) || !seats.has(l)) continue; // no level there
      const share = pairedShare(gamesOf(h), gamesOf(l), side);
      rows.push({ side, hi: hi!, lo: lo!, share, pass: share > 0.5 });
    }
  return rows;
}

/**
 * The sides whose place among the levels a level's restated thresholds can move: those whose
 * profile restates one for it, or both at the default level, where the other side's seat in the
 * strength rows plays too.
 */
export function sidesToCheck(scenario: Scenario, level: number): Side[] {
  const restates = (side: Side) => {
    const p = findProfile(scenario.profiles, defaultSeat(scenario, side).profile, side);
    return p !== undefined && thresholdsAt(p, level) !== undefined;
  };
  const sides = (['us', 'cn'] as const).filter(restates);
  return level === DEFAULT_AI_LEVEL && sides.length > 0 ? ['us', 'cn'] : sides;
}
