// What the simulator reports about many AI-against-AI games (issue: "The simulator"): win shares
// (the higher score wins, a tie counts half), the shares of deals, collapses and no-deal
// endings, mean leverage and tension per turn, mean scores, value created and claimed, the moves
// played most, and the character checks the profiles must pass. Pure and deterministic: the same
// games give the same report, and its text and JSON never hold a time or a machine's detail.
import type { BySide, Rules, Scenario, Side } from '../engine/index.ts';
import { rulesFor } from '../engine/index.ts';
import type { Conduct } from './conduct.ts';
import type { AiSeat } from './index.ts';
import type { GameSummary } from './match.ts';
import { findProfile, profileAt, theta } from './profile.ts';

export interface Check {
  readonly name: string;
  readonly pass: boolean | null; // null: nothing to judge (no such game)
  readonly detail: string;
}

export interface Report {
  readonly scenario: string;
  readonly games: number;
  readonly seed: string;
  readonly seats: BySide<string>;
  readonly winShare: BySide<number>;
  /** Washington's win share among the games of each outcome, and how many there were. */
  readonly winsByOutcome: Readonly<
    Record<'deal' | 'collapse' | 'noDeal', { readonly games: number; readonly us: number }>
  >;
  readonly outcomes: { readonly deal: number; readonly collapse: number; readonly noDeal: number };
  readonly perTurn: { readonly leverage: readonly number[]; readonly tension: readonly number[] };
  readonly scores: { readonly raw: BySide<number>; readonly score: BySide<number> };
  readonly value: { readonly created: number; readonly claimed: BySide<number> };
  readonly topMoves: readonly { readonly move: string; readonly perGame: number }[];
  readonly reasons: readonly { readonly code: string; readonly perGame: number }[];
  readonly thresholds: BySide<readonly number[] | null>; // θ by turn, for seats with a scenario profile
  /** How each seat negotiated and escalated (definitions in src/ai/conduct.ts); null: no such game. */
  readonly conduct: BySide<ConductShares>;
  readonly checks: readonly Check[];
}

export interface ConductShares {
  readonly opens: number; // share of games with its own proposal in its first two talks
  readonly openings: number; // different opening packages over the first OPENING_GAMES games
  readonly counters: number | null; // its proposals after a rejection, among rejections with a proposal left
  readonly rejections: number; // such rejections, per game
  readonly actsAfterDeal: number | null; // share of games with two or more talks turns left after a deal
  readonly afterDealGames: number;
  readonly unprovoked: number; // unprovoked escalations per game
  readonly unprovokedEarly: number; // share of games with one in the first two turns
  readonly unprovokedBy: readonly { readonly instrument: string; readonly perGame: number }[];
}

const r3 = (x: number) => Math.round(x * 1000) / 1000;
const mean = (xs: readonly number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);
const seatName = (s: AiSeat) => `${s.profile}/${s.level}`;

function thresholds(rules: Rules, scenario: Scenario, seat: AiSeat, side: Side): number[] | null {
  const found = findProfile(scenario.profiles, seat.profile, side);
  if (!found) return null;
  const p = profileAt(found, seat.level);
  const out: number[] = [];
  for (let t = 0; t < rules.mainTurns; t++) out.push(r3(theta(rules, p, t)));
  return out;
}

/** The twelve keys counted most over the games (ties by name), with their count per game. */
function mostPlayed(
  games: readonly GameSummary[],
  counted: (g: GameSummary) => Readonly<Record<string, number>>,
): [string, number][] {
  const counts = new Map<string, number>();
  for (const g of games)
    for (const [k, v] of Object.entries(counted(g))) counts.set(k, (counts.get(k) ?? 0) + v);
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, 12)
    .map(([k, c]) => [k, r3(c / Math.max(1, games.length))]);
}

/** Summarises games played from `seed` with these seats. */
export function summarise(
  scenario: Scenario,
  seed: string,
  seats: BySide<AiSeat>,
  games: readonly GameSummary[],
): Report {
  const rules = rulesFor(scenario);
  const n = games.length;
  let us = 0;
  for (const g of games) us += g.winner === 'us' ? 1 : g.winner === 'tie' ? 0.5 : 0;
  const share = (k: GameSummary['outcome']) =>
    r3(games.filter((g) => g.outcome === k).length / Math.max(1, n));
  const turns = Math.max(0, ...games.map((g) => g.leverage.length));
  const byTurn = (pick: (g: GameSummary) => readonly number[]) =>
    Array.from({ length: turns }, (_, t) =>
      r3(mean(games.flatMap((g) => (t < pick(g).length ? [pick(g)[t]!] : [])))),
    );
  const top = mostPlayed(games, (g) => g.moves).map(([move, perGame]) => ({ move, perGame }));
  const reasons = mostPlayed(games, (g) => g.codes).map(([code, perGame]) => ({ code, perGame }));
  const th = {
    us: thresholds(rules, scenario, seats.us, 'us'),
    cn: thresholds(rules, scenario, seats.cn, 'cn'),
  };
  const deal = share('deal');
  const collapse = share('collapse');
  const withRaise = games.filter((g) => g.tariffRaises > 0);
  const answered = withRaise.filter((g) => g.tariffAnswered === g.tariffRaises).length;
  const pressured = games.reduce((a, g) => a + g.pressuredAccepts, 0);
  const conduct = { us: conductOf(games, 'us'), cn: conductOf(games, 'cn') };
  const checks: Check[] = [
    {
      name: 'China answers a US tariff rise with an escalation within a turn (≥ 90% of such games)',
      pass: withRaise.length ? answered / withRaise.length >= 0.9 : null,
      detail: `${answered} of ${withRaise.length} games (${withRaise.length ? Math.round((100 * answered) / withRaise.length) : 0}%)`,
    },
    {
      name: 'China never accepts a package in the turn after being escalated against',
      pass: pressured === 0,
      detail: `${pressured} such acceptances`,
    },
    thetaCheck(rules, th),
    // Every round of the 2025 talks in the documents ended in an agreement (Geneva, London, Kuala
    // Lumpur, Busan): a good game usually ends in one, and what the class feels is its price. Fewer
    // than half would mean the opponents do not negotiate.
    {
      name: 'AI against AI reaches a deal in at least 50% of games',
      pass: deal >= 0.5,
      detail: `${Math.round(deal * 1000) / 10}% deals`,
    },
    {
      name: 'AI against AI collapses in under 15% of games',
      pass: collapse < 0.15,
      detail: `${Math.round(collapse * 1000) / 10}% collapses`,
    },
    {
      name: 'Balance: each side wins 35–65% of games',
      pass: us / Math.max(1, n) >= 0.35 && us / Math.max(1, n) <= 0.65,
      detail: `Washington ${Math.round((1000 * us) / Math.max(1, n)) / 10}%`,
    },
    ...conductChecks(conduct),
  ];
  return {
    scenario: scenario.id,
    games: n,
    seed,
    seats: { us: seatName(seats.us), cn: seatName(seats.cn) },
    winShare: { us: r3(us / Math.max(1, n)), cn: r3(1 - r3(us / Math.max(1, n))) },
    winsByOutcome: {
      deal: winsAmong(games, 'deal'),
      collapse: winsAmong(games, 'collapse'),
      noDeal: winsAmong(games, 'no-deal'),
    },
    // each share rounded from its own count: a remainder of rounded shares can fall below zero
    outcomes: { deal, collapse, noDeal: share('no-deal') },
    perTurn: { leverage: byTurn((g) => g.leverage), tension: byTurn((g) => g.tension) },
    scores: {
      raw: { us: r3(mean(games.map((g) => g.raw.us))), cn: r3(mean(games.map((g) => g.raw.cn))) },
      score: {
        us: r3(mean(games.map((g) => g.score.us))),
        cn: r3(mean(games.map((g) => g.score.cn))),
      },
    },
    value: {
      created: r3(mean(games.map((g) => g.created))),
      claimed: { us: r3(mean(games.map((g) => g.raw.us))), cn: r3(mean(games.map((g) => g.raw.cn))) },
    },
    topMoves: top,
    reasons,
    thresholds: th,
    conduct,
    checks,
  };
}

function conductOf(games: readonly GameSummary[], side: Side): ConductShares {
  const n = Math.max(1, games.length);
  const cs: Conduct[] = games.map((g) => g.conduct[side]);
  const rejections = cs.reduce((a, c) => a + c.rejections, 0);
  const after = cs.filter((c) => c.afterDeal !== null);
  const by = new Map<string, number>();
  for (const c of cs)
    for (const [inst, k] of Object.entries(c.unprovokedBy)) by.set(inst, (by.get(inst) ?? 0) + k);
  return {
    opens: r3(cs.filter((c) => c.opened).length / n),
    openings: new Set(cs.slice(0, OPENING_GAMES).flatMap((c) => (c.opening === null ? [] : [c.opening])))
      .size,
    counters: rejections ? r3(cs.reduce((a, c) => a + c.counters, 0) / rejections) : null,
    rejections: r3(rejections / n),
    actsAfterDeal: after.length ? r3(after.filter((c) => c.afterDeal).length / after.length) : null,
    afterDealGames: after.length,
    unprovoked: r3(cs.reduce((a, c) => a + c.unprovoked, 0) / n),
    unprovokedEarly: r3(cs.filter((c) => c.unprovokedEarly > 0).length / n),
    unprovokedBy: [...by.entries()]
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .map(([instrument, k]) => ({ instrument, perGame: r3(k / n) })),
  };
}

const SIDE_NAME: BySide<string> = { us: 'Washington', cn: 'Beijing' };

/** The games over which the variety of openings is counted (the issue's twenty seeds). */
export const OPENING_GAMES = 20;

/** The negotiator's goals (issue "An opponent that negotiates"), measured over these games. */
function conductChecks(c: BySide<ConductShares>): Check[] {
  const out: Check[] = [];
  for (const side of ['us', 'cn'] as const) {
    const x = c[side];
    out.push({
      name: `${SIDE_NAME[side]} counters at least half the offers it rejects with a proposal left`,
      pass: x.counters === null ? null : x.counters >= 0.5,
      detail:
        x.counters === null
          ? 'no such rejection'
          : `${Math.round(x.counters * 100)}% of ${x.rejections} a game`,
    });
    out.push({
      name: `${SIDE_NAME[side]} acts after a deal (a proposal, extension, build, easing of its own measure or answer to a breach) in at least 80% of games with two or more talks turns left`,
      pass: x.actsAfterDeal === null ? null : x.actsAfterDeal >= 0.8,
      detail:
        x.actsAfterDeal === null
          ? 'no such game'
          : `${Math.round(x.actsAfterDeal * 100)}% of ${x.afterDealGames} games`,
    });
  }
  const cn = c.cn;
  out.push({
    name: 'Beijing makes no unprovoked escalation in the first two turns',
    pass: cn.unprovokedEarly === 0,
    detail: `${Math.round(cn.unprovokedEarly * 1000) / 10}% of games${cn.unprovokedBy.length ? `; unprovoked over the game, per game: ${cn.unprovokedBy.map((u) => `${u.instrument} ${u.perGame}`).join(', ')}` : ''}`,
  });
  return out;
}

function winsAmong(games: readonly GameSummary[], outcome: GameSummary['outcome']) {
  const these = games.filter((g) => g.outcome === outcome);
  const us = these.reduce((a, g) => a + (g.winner === 'us' ? 1 : g.winner === 'tie' ? 0.5 : 0), 0);
  return { games: these.length, us: r3(us / Math.max(1, these.length)) };
}

/** Washington's threshold falls faster before the summit than Beijing's. */
function thetaCheck(rules: Rules, th: BySide<readonly number[] | null>): Check {
  const name = 'Washington’s acceptance threshold falls faster before the summit than Beijing’s';
  if (!th.us || !th.cn) return { name, pass: null, detail: 'a seat has no scenario profile' };
  // θ is a share of each side's own target: compare the share of its opening demand each has given
  // up by every turn before the summit.
  const until = Math.min((rules.summitTurn ?? rules.mainTurns) - 1, th.us.length - 1);
  const fall = (xs: readonly number[], t: number) => (xs[0]! - xs[t]!) / xs[0]!;
  let pass = true;
  for (let t = 1; t <= until; t++) if (fall(th.us, t) <= fall(th.cn, t)) pass = false;
  const pctFall = (xs: readonly number[]) => Math.round(fall(xs, until) * 100);
  const half = Math.max(1, Math.floor(until / 2));
  return {
    name,
    pass,
    detail: `demand given up by turn ${half}: Washington ${Math.round(fall(th.us, half) * 100)}%, Beijing ${Math.round(fall(th.cn, half) * 100)}%; by the turn before the summit: ${pctFall(th.us)}%, ${pctFall(th.cn)}%`,
  };
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const f2 = (x: number) => x.toFixed(2);

/** The report as text for a terminal. */
export function formatReport(r: Report): string {
  const lines: string[] = [];
  lines.push(
    `${r.scenario}: ${r.games} games from seed ${r.seed}, Washington ${r.seats.us} against Beijing ${r.seats.cn}`,
  );
  lines.push('');
  lines.push(`wins            Washington ${pct(r.winShare.us)}   Beijing ${pct(r.winShare.cn)}`);
  lines.push(
    `outcomes        deal ${pct(r.outcomes.deal)}   collapse ${pct(r.outcomes.collapse)}   no deal ${pct(r.outcomes.noDeal)}`,
  );
  const w = r.winsByOutcome;
  lines.push(
    `Washington wins ${pct(w.deal.us)} of ${w.deal.games} deals, ${pct(w.noDeal.us)} of ${w.noDeal.games} no-deal games, ${pct(w.collapse.us)} of ${w.collapse.games} collapses`,
  );
  lines.push(
    `scores (raw)    Washington ${f2(r.scores.raw.us)}   Beijing ${f2(r.scores.raw.cn)}   points over the no-deal line`,
  );
  lines.push(
    `scores          Washington ${f2(r.scores.score.us)}   Beijing ${f2(r.scores.score.cn)}   mean score (0 standing still, 100 opening day held)`,
  );
  lines.push(
    `value           created ${f2(r.value.created)}   claimed: Washington ${f2(r.value.claimed.us)}, Beijing ${f2(r.value.claimed.cn)}`,
  );
  lines.push('');
  lines.push(`turn      ${r.perTurn.leverage.map((_, t) => String(t).padStart(6)).join('')}`);
  lines.push(`L (US)    ${r.perTurn.leverage.map((x) => x.toFixed(2).padStart(6)).join('')}`);
  lines.push(`tension   ${r.perTurn.tension.map((x) => x.toFixed(1).padStart(6)).join('')}`);
  if (r.thresholds.us)
    lines.push(`θ (US)    ${r.thresholds.us.map((x) => x.toFixed(2).padStart(6)).join('')}`);
  if (r.thresholds.cn)
    lines.push(`θ (CN)    ${r.thresholds.cn.map((x) => x.toFixed(2).padStart(6)).join('')}`);
  lines.push('');
  lines.push('moves played most (per game)');
  for (const m of r.topMoves) lines.push(`  ${m.perGame.toFixed(2).padStart(6)}  ${m.move}`);
  lines.push('');
  lines.push('reasons given most (per game)');
  for (const m of r.reasons) lines.push(`  ${m.perGame.toFixed(2).padStart(6)}  ${m.code}`);
  lines.push('');
  lines.push('conduct                              Washington   Beijing');
  const row = (label: string, f: (x: ConductShares) => string) =>
    lines.push(`  ${label.padEnd(35)}${f(r.conduct.us).padStart(10)}${f(r.conduct.cn).padStart(10)}`);
  const share = (x: number | null) => (x === null ? 'n/a' : pct(x));
  row('opens (own proposal, first 2 talks)', (x) => pct(x.opens));
  row(`different openings, first ${OPENING_GAMES} games`, (x) => String(x.openings));
  row('counters a rejected offer', (x) => share(x.counters));
  row('acts after a deal', (x) => share(x.actsAfterDeal));
  row('unprovoked escalations a game', (x) => f2(x.unprovoked));
  row('… games with one in turns 1–2', (x) => pct(x.unprovokedEarly));
  lines.push('');
  lines.push('checks');
  for (const c of r.checks)
    lines.push(`  ${c.pass === null ? ' n/a' : c.pass ? 'pass' : 'FAIL'}  ${c.name}: ${c.detail}`);
  return `${lines.join('\n')}\n`;
}
