// `npm run balance [-- --games N --strength-games M --level-games K --seed S --only ID,ID]` — the
// full balance run of the shipped scenarios: for each opening, N games (default 2,000) of its own
// profiles at the default level, K games (default 400) with both sides at each other level, and the
// strength table (M games a row, default 200), all from `npm run simulate`. Writes docs/balance.md:
// for each scenario its content hash, the win shares, the shares of deals, collapses and no deals,
// a table of the levels (win shares, outcomes, scores and how each side negotiates), the moves
// played most (no order may be played in more than half of a side's turns), the character checks
// (at every level) and the strength rows, each marked pass or FAIL, with the notes written by hand
// under each scenario kept from the previous file. A test (tests/unit/balance.test.ts) fails when a
// shipped scenario has changed since the file was made. The same arguments give the same file,
// byte for byte. `--only` names shipped scenarios by id: an unknown id stops the run (exit 2,
// naming the known ones) before anything is played or written, and the other scenarios' sections
// of the previous file are kept as they were. The file is written whole or not at all.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { AI_LEVELS, DEFAULT_AI_LEVEL, defaultSeat } from '../src/ai/index.ts';
import { type Check, OPENING_GAMES, type Report } from '../src/ai/report.ts';
import type { StrengthRow } from '../src/ai/strength.ts';
import { AI_VERSION } from '../src/ai/version.ts';
import { RULES_VERSION, rulesFor } from '../src/engine/index.ts';
import { loadScenarioFile, shippedDir, shippedOpenings } from './scenario-files.ts';
import { writeWhole } from './write-whole.ts';

const DOC = resolve(shippedDir, '..', 'docs', 'balance.md');
const SIMULATE = resolve(shippedDir, '..', 'tools', 'simulate.ts');
const BUNDLED = resolve(shippedDir, '..', 'tools', 'bundled.mjs'); // as `npm run simulate` runs it

/** What `simulate --strength --json` writes: the strength table's rows. */
interface Strength {
  readonly rows: readonly StrengthRow[];
}

function args(argv: readonly string[]) {
  const a = { games: 2000, strength: 200, levels: 400, seed: 'balance', only: null as string[] | null };
  for (let i = 0; i < argv.length; i++) {
    const k = argv[i];
    const v = argv[i + 1];
    if (k === '--games' && v && Number(v) >= 1) a.games = Number(argv[++i]);
    else if (k === '--strength-games' && v && Number(v) >= 1) a.strength = Number(argv[++i]);
    else if (k === '--level-games' && v && Number(v) >= 1) a.levels = Number(argv[++i]);
    else if (k === '--seed' && v) a.seed = String(argv[++i]);
    else if (k === '--only' && v) a.only = String(argv[++i]).split(',');
    else {
      console.error(
        'usage: npm run balance [-- --games N --strength-games M --level-games K --seed S --only ID,ID]\n\nRuns the shipped scenarios’ balance games and writes docs/balance.md.',
      );
      process.exit(2);
    }
  }
  return a;
}

function simulate(file: string, extra: readonly string[]): unknown {
  const r = spawnSync(process.execPath, [BUNDLED, SIMULATE, file, '--json', ...extra], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (r.status !== 0) throw new Error(`simulate ${file} ${extra.join(' ')} failed (exit ${r.status})`);
  return JSON.parse(r.stdout);
}

const pct = (x: number) => `${(Math.round(x * 1000) / 10).toFixed(1)}%`;
/** A share that may have no games to count (null). */
const share = (x: number | null) => (x === null ? 'n/a' : pct(x));
/** How each side negotiated and escalated (src/ai/conduct.ts defines each figure). */
function conductRows(r: Report): string[] {
  const row = (label: string, f: (c: Report['conduct']['us']) => string) =>
    `| ${label} | ${f(r.conduct.us)} | ${f(r.conduct.cn)} |`;
  return [
    row('opens: its own proposal in its first two talks', (c) => pct(c.opens)),
    row(`different opening packages in the first ${OPENING_GAMES} games`, (c) => String(c.openings)),
    row('counters: proposals after its rejections with a proposal left', (c) => share(c.counters)),
    row('acts after a deal (two or more talks turns left)', (c) =>
      c.actsAfterDeal === null ? 'n/a' : `${pct(c.actsAfterDeal)} of ${c.afterDealGames} games`,
    ),
    row('unprovoked escalations a game', (c) => String(c.unprovoked)),
    row('games with an unprovoked escalation in the first two turns', (c) => pct(c.unprovokedEarly)),
  ];
}

const mark = (pass: boolean | null) => (pass === null ? 'n/a' : pass ? 'pass' : '**FAIL**');

/** What the previous file holds: the notes written by hand, and each scenario's part of it. */
interface OldFile {
  readonly notes: Map<string, string>;
  readonly sections: Map<string, string>;
  readonly rows: Map<string, string>;
  readonly hashes: Record<string, string>;
}

function oldFile(): OldFile {
  const old: OldFile = { notes: new Map(), sections: new Map(), rows: new Map(), hashes: {} };
  let text = '';
  try {
    text = readFileSync(DOC, 'utf8');
  } catch {
    return old;
  }
  for (const m of text.matchAll(/<!-- notes:([a-z0-9-]+) -->([\s\S]*?)<!-- \/notes -->/g))
    old.notes.set(m[1]!, m[2]!);
  for (const m of text.matchAll(/^## [^\n]*\(`([a-z0-9-]+)`\)\n[\s\S]*?<!-- \/notes -->\n\n/gm))
    old.sections.set(m[1]!, m[0].slice(0, -1));
  for (const line of text.split('\n')) {
    const title = /^\| (.+?) \| `[0-9a-f]{12}` \|/.exec(line)?.[1];
    if (title) old.rows.set(title, line);
  }
  const hashes = /<!-- hashes: (\{.*\}) -->/.exec(text)?.[1];
  if (hashes) Object.assign(old.hashes, JSON.parse(hashes) as Record<string, string>);
  return old;
}

function main() {
  const a = args(process.argv.slice(2));
  const files = shippedOpenings().map((f) => {
    const path = join(shippedDir, f);
    return { path, ...loadScenarioFile(path) };
  });
  const known = files.map((f) => f.scenario.id);
  const unknown = (a.only ?? []).filter((id) => !known.includes(id));
  if (unknown.length > 0) {
    console.error(
      `balance: no shipped scenario has the id ${unknown.join(', ')}; nothing was played or written.\nThe shipped scenarios: ${known.join(', ')}.`,
    );
    process.exit(2);
  }
  const old = oldFile();
  const notes = old.notes;
  const sections: string[] = [];
  const summary: string[] = [];
  const hashes: Record<string, string> = {};
  for (const { path, scenario, hash } of files) {
    if (a.only && !a.only.includes(scenario.id)) {
      // Another scenario's part of the previous file is kept as it was.
      const section = old.sections.get(scenario.id);
      const row = old.rows.get(scenario.meta.title);
      const oldHash = old.hashes[scenario.id];
      if (section && row && oldHash) {
        sections.push(section);
        summary.push(row);
        hashes[scenario.id] = oldHash;
      }
      continue;
    }
    hashes[scenario.id] = hash;
    process.stderr.write(`balance: ${scenario.id}\n`);
    const report = simulate(path, ['--games', String(a.games), '--seed', a.seed]) as Report;
    const strength = simulate(path, [
      '--strength',
      '--games',
      String(a.strength),
      '--seed',
      a.seed,
    ]) as Strength;
    // Both sides at each level: the balance and how each side negotiates must hold at every level.
    const seatAt = (side: 'us' | 'cn', level: number) => `${defaultSeat(scenario, side).profile}/${level}`;
    const byLevel = AI_LEVELS.map((level) => ({
      level,
      report:
        level === DEFAULT_AI_LEVEL
          ? report
          : (simulate(path, [
              '--games',
              String(a.levels),
              '--seed',
              a.seed,
              '--us',
              seatAt('us', level),
              '--cn',
              seatAt('cn', level),
            ]) as Report),
    }));
    const levelChecks: Check[] = byLevel
      .filter((l) => l.level !== DEFAULT_AI_LEVEL)
      .flatMap((l) =>
        l.report.checks.map((c) => ({ ...c, name: `Both sides at level ${l.level}: ${c.name}` })),
      );
    const turns = rulesFor(scenario).totalTurns;
    // No order (kind + instrument + direction) in more than half of a side's turns.
    const orderMoves = report.topMoves.filter((m) => / (shift|announce|withdraw|build) /.test(m.move));
    const busiest = orderMoves[0];
    const movesPass = busiest === undefined || busiest.perGame / turns <= 0.5;
    const checks: Check[] = [
      ...report.checks,
      ...levelChecks,
      {
        name: 'No order (kind + instrument + direction) in more than half of a side’s turns',
        pass: movesPass,
        detail: busiest
          ? `busiest: ${busiest.move}, ${pct(busiest.perGame / turns)} of ${turns} turns`
          : 'no orders',
      },
    ];
    const all = [...checks.map((c) => c.pass), ...strength.rows.filter((r) => r.required).map((r) => r.pass)];
    const failed = all.filter((p) => p === false).length;
    summary.push(
      `| ${scenario.meta.title} | \`${hash.slice(0, 12)}\` | ${pct(report.winShare.us)} | ${byLevel.map((l) => pct(l.report.winShare.us)).join(' / ')} | ${pct(report.outcomes.deal)} / ${pct(report.outcomes.collapse)} / ${pct(report.outcomes.noDeal)} | ${failed === 0 ? 'all pass' : `${failed} FAIL`} |`,
    );
    const note = notes.get(scenario.id) ?? '\n';
    sections.push(
      [
        `## ${scenario.meta.title} (\`${scenario.id}\`)`,
        '',
        `Content hash \`${hash}\`. ${report.games} games, Washington ${report.seats.us} against Beijing ${report.seats.cn}; ${turns} turns a game.`,
        '',
        '| | Washington | Beijing |',
        '| --- | --- | --- |',
        `| win share | ${pct(report.winShare.us)} | ${pct(report.winShare.cn)} |`,
        `| points over the no-deal line | ${report.scores.raw.us} | ${report.scores.raw.cn} |`,
        `| mean score | ${report.scores.score.us} | ${report.scores.score.cn} |`,
        ...conductRows(report),
        '',
        `Outcomes: deal ${pct(report.outcomes.deal)}, collapse ${pct(report.outcomes.collapse)}, no deal ${pct(report.outcomes.noDeal)}.`,
        '',
        `Both sides at each level (${a.levels} games each; level ${DEFAULT_AI_LEVEL}: the games above). Washington / Beijing:`,
        '',
        '| level | Washington wins | deal / collapse / no deal | mean score | opens | different openings | counters | acts after a deal |',
        '| --- | --- | --- | --- | --- | --- | --- | --- |',
        ...byLevel.map(({ level, report: r }) => {
          const both = (f: (c: Report['conduct']['us']) => string) =>
            `${f(r.conduct.us)} / ${f(r.conduct.cn)}`;
          return `| ${level} | ${pct(r.winShare.us)} | ${pct(r.outcomes.deal)} / ${pct(r.outcomes.collapse)} / ${pct(r.outcomes.noDeal)} | ${r.scores.score.us.toFixed(1)} / ${r.scores.score.cn.toFixed(1)} | ${both((c) => pct(c.opens))} | ${both((c) => String(c.openings))} | ${both((c) => share(c.counters))} | ${both((c) => share(c.actsAfterDeal))} |`;
        }),
        '',
        'Moves played most (per game):',
        '',
        ...report.topMoves.slice(0, 8).map((m) => `- ${m.move}: ${m.perGame}`),
        '',
        '| check | result | |',
        '| --- | --- | --- |',
        ...checks.map((c) => `| ${c.name} | ${mark(c.pass)} | ${c.detail} |`),
        ...strength.rows.map(
          (r) =>
            `| Strength: ${r.name} (needs ${r.need}) | ${r.required ? mark(r.pass) : r.pass ? 'pass' : 'below'} | ${pct(r.share)} |`,
        ),
        '',
        'Notes:',
        `<!-- notes:${scenario.id} -->${note}<!-- /notes -->`,
        '',
      ].join('\n'),
    );
  }
  const text = [
    '# Balance of the shipped scenarios',
    '',
    `Written by \`npm run balance\` (${a.games} games a scenario at the default level, ${a.levels} with both sides at each other level, and the strength table at ${a.strength} games a row, from seed \`${a.seed}\`), with rules version ${RULES_VERSION} and AI version ${AI_VERSION}. Do not edit by hand, except the notes under each scenario, which are kept. A test fails when a shipped scenario, the rules or the AI have changed since: run \`npm run balance\` again.`,
    `<!-- versions: ${JSON.stringify({ rules: RULES_VERSION, ai: AI_VERSION })} -->`,
    '',
    'What is checked, at the default level and again with both sides at each other level: each side wins 35–65% of games (the higher share of its no-deal loss recovered wins); the hardest AI beats the `random` profile in at least 90% of games from either side; no order is played in more than half of a side’s turns; the character checks of the scripted opponent; the shares of deals (at least 50%: every round of the 2025 talks in the documents ended in an agreement), collapses (under 15%) and no deals; and how each side negotiates — it counters at least half the offers it rejects while it has a proposal left, acts after a deal in at least 80% of games with two or more talks turns left (a proposal, an extension of the truce, a build, an easing of one of its own measures or an answer to a breach), and Beijing escalates first in no game’s first two turns (an escalation is unprovoked when nothing of the other side’s it answers — opening day’s measures, its raises and announcements, dated events that hurt — reaches as far up its instrument’s range).',
    '',
    `<!-- notes:all -->${notes.get('all') ?? '\n'}<!-- /notes -->`,
    '',
    `| scenario | content hash | Washington wins | … with both sides at level ${AI_LEVELS.join(' / ')} | deal / collapse / no deal | checks |`,
    '| --- | --- | --- | --- | --- | --- |',
    ...summary,
    '',
    ...sections,
    `<!-- hashes: ${JSON.stringify(hashes)} -->`,
    '',
  ].join('\n');
  writeWhole(DOC, text);
  console.log(
    `wrote docs/balance.md (${a.only ? `${a.only.join(', ')} played, the others kept` : `${Object.keys(hashes).length} scenarios`})`,
  );
}

main();
