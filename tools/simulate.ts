// npm run simulate -- FILE --games N --seed S [--us PROFILE/LEVEL] [--cn PROFILE/LEVEL] [--json]
//                     [--workers N] [--strength]
//
// AI against AI on a scenario file: by default the scenario's own profiles for both sides at the
// default level (`random` is a profile too). Prints the report of src/ai/report.ts — win shares,
// outcomes, leverage and tension per turn, scores, value created and claimed, the moves played most,
// the character checks and the spread of scores (the share of games with a side below −100, the
// 10th, 50th and 90th percentiles) — as text, or as one JSON object with --json. The same arguments give
// the same report, byte for byte: game i is played from seed `S-i`, games are shared among worker
// threads (one per core unless --workers says) and their results put back in order. A progress bar
// goes to stderr for long runs.
//
// After the report: how often each lever, alternative, clause and event was used (src/ai/usage.ts),
// and for each FAIL of the balance, the deal share or the collapse share, the number marked as an
// estimate (tools/tune-lib.ts) whose step up or down moves it most, and which way (unless
// --no-why; bounded to 60 seconds).
//
// --strength plays the strength table instead: for each side, its profile at the hardest level
// against the `random` profile head to head, and paired comparisons (same seat, same seeds, same
// opponent — the other side's profile at the default level): hardest level against `random`, and
// each level against the one below.
import { availableParallelism } from 'node:os';
import { setFlagsFromString } from 'node:v8';
import { isMainThread, parentPort, Worker } from 'node:worker_threads';

// The engine's immer runs without its development checks here (set before anything imports it).
process.env.NODE_ENV ??= 'production';
// V8's optimising compiler inlines only small functions (bytecode up to 60 bytes, against 460), for
// this process and its workers (V8's flags are the process's). With full inlining a thread of Road
// to Busan spent about 4 s compiling over its first 350 games, and two workers on two cores wait on
// each other's compiles; without any, 2 s, but every little helper (a clamp, a weight, a key) is a
// call. 1,000 games, two workers, 25 runs alternated in three batches: medians 4.32-4.72 s with
// small functions inlined against 4.50-4.95 s with none, and 4.87 s with full inlining.
setFlagsFromString('--max-inlined-bytecode-size=60');
// Each worker's young generation collected on its own thread: on two cores the two workers' parallel
// scavenges only wait on each other. 1,000 games, two workers, five runs alternated: 6.6-7.1 s
// against 6.8-7.2 s (medians 6.72 and 7.03). `npm run simulate` goes further and starts node with
// --single-threaded-gc (package.json: V8 takes that flag only before its heap is set up, and aborts
// when it is set here): no collector thread at all, marking and sweeping done by the thread whose
// heap it is. 1,000 games, five runs alternated: 4.36-4.84 s (median 4.47) against 4.50-4.88 s (4.61).
setFlagsFromString('--no-parallel-scavenge');
// No allocation site pretenured: a game's states live for a move or two, but V8 may judge a site
// long-lived from the few that a collection happens to find alive, and then allocates all of them in
// the old generation, which only a full collection clears (300 games on one worker without it: 355
// such decisions, by --trace-pretenuring-statistics). 1,000 games, two workers, four runs
// alternated: 7.72-8.10 s against 8.12-8.30 s.
setFlagsFromString('--no-allocation-site-pretenuring');
// Loops compiled without peeling their first iteration: less to compile for every worker, no slower
// to run here. 1,000 games, two workers, three runs alternated: 5.93-6.05 s against 6.13-6.21 s
// (and one of 7.67 s).
setFlagsFromString('--no-turbo-loop-peeling');
// Array methods (map, filter, some…) called, not compiled into every function that uses them: 500
// games on one core compiled 494 functions in 1.55 s, against 531 in 1.92 s, and the code runs about
// as fast. 1,000 games, two workers, twelve runs alternated: faster in eleven, by 0.32 s on average
// (5.41-7.22 s against 5.64-7.76 s).
setFlagsFromString('--no-turbo-inline-array-builtins');

const { loadScenarioKept } = await import('./scenario-kept.ts');
const { playGame } = await import('../src/ai/match.ts');
const { summarise, formatReport } = await import('../src/ai/report.ts');
const { defaultSeat, parseSeat, AI_LEVELS, DEFAULT_AI_LEVEL } = await import('../src/ai/index.ts');
const { strengthPairings, strengthTable } = await import('../src/ai/strength.ts');
const { usage: usageOf, formatUsage } = await import('../src/ai/usage.ts');
const { formatSpread, spreadOfGames } = await import('./score-spread.ts');
type AiSeat = import('../src/ai/index.ts').AiSeat;
type GameSummary = import('../src/ai/match.ts').GameSummary;
type Scenario = import('../src/engine/index.ts').Scenario;

interface Job {
  readonly id: number;
  readonly seats: { us: AiSeat; cn: AiSeat };
  readonly seeds: readonly string[];
}

const USAGE = `usage: npm run simulate -- FILE --games N --seed S [--us PROFILE/LEVEL] [--cn PROFILE/LEVEL] [--json]
                           [--workers N] [--strength]

Plays AI against AI on a scenario and reports win shares, outcomes, scores, leverage and tension
by turn, the moves played most and the character checks. PROFILE is a profile id of the
scenario or "random"; LEVEL is ${AI_LEVELS.join(', ')} (${AI_LEVELS.at(-1)} the hardest, default ${DEFAULT_AI_LEVEL}).
  --json       one JSON object on stdout
  --workers N  worker threads (default: one per core)
  --strength   the strength table: hardest level against random, each level against the one below
  --no-why     for a FAIL, do not look for the number that moves it most (that takes a few
               short runs of games, at most 60 seconds)`;

function usage(problem: string): never {
  console.error(`simulate: ${problem}\n\n${USAGE}`);
  process.exit(2);
}

interface Args {
  file: string;
  games: number;
  seed: string;
  us: AiSeat | null;
  cn: AiSeat | null;
  json: boolean;
  workers: number;
  strength: boolean;
  why: boolean;
}

function parseArgs(argv: readonly string[]): Args {
  const a: Partial<Args> & { json: boolean; strength: boolean; why: boolean } = {
    json: false,
    strength: false,
    why: true,
  };
  const value = (i: number, name: string) => {
    const v = argv[i + 1];
    if (v === undefined) usage(`${name} needs a value`);
    return v;
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '-h' || arg === '--help') {
      console.log(USAGE);
      process.exit(0);
    } else if (arg === '--json') a.json = true;
    else if (arg === '--strength') a.strength = true;
    else if (arg === '--no-why') a.why = false;
    else if (arg === '--games') {
      a.games = Number(value(i++, arg));
      if (!Number.isInteger(a.games) || a.games < 1) usage('--games takes a whole number of games');
    } else if (arg === '--seed') a.seed = value(i++, arg);
    else if (arg === '--workers') {
      explicitWorkers = true;
      a.workers = Number(value(i++, arg));
      if (!Number.isInteger(a.workers) || a.workers < 1) usage('--workers takes a whole number');
    } else if (arg === '--us' || arg === '--cn') {
      const seat = parseSeat(value(i++, arg));
      if (!seat) usage(`${arg} takes PROFILE/LEVEL, the level one of ${AI_LEVELS.join(', ')}`);
      a[arg === '--us' ? 'us' : 'cn'] = seat;
    } else if (arg.startsWith('-')) usage(`unknown option ${arg}`);
    else if (a.file === undefined) a.file = arg;
    else usage(`one scenario file at a time (also given: ${arg})`);
  }
  if (a.file === undefined) usage('no scenario file');
  return {
    file: a.file,
    games: a.games ?? 100,
    seed: a.seed ?? '1',
    us: a.us ?? null,
    cn: a.cn ?? null,
    json: a.json,
    workers: a.workers ?? Math.max(1, availableParallelism()),
    strength: a.strength,
    why: a.why,
  };
}

/** Progress on stderr: a bar when it is a terminal, a line every tenth otherwise. */
function progress(total: number, label: string) {
  const tty = process.stderr.isTTY === true;
  let lastTenth = -1;
  return (done: number) => {
    if (total < 200) return;
    if (tty) {
      const width = 30;
      const fill = Math.round((width * done) / total);
      process.stderr.write(`\r${label} [${'#'.repeat(fill)}${' '.repeat(width - fill)}] ${done}/${total}`);
      if (done === total) process.stderr.write('\n');
    } else {
      const tenth = Math.floor((10 * done) / total);
      if (tenth !== lastTenth) {
        lastTenth = tenth;
        process.stderr.write(`${label}: ${done}/${total}\n`);
      }
    }
  };
}

let explicitWorkers = false;

/** Whether the games go to worker threads: a short run stays on this one, unless --workers asks. */
const threaded = (workers: number, total: number) => workers > 1 && (total >= 100 || explicitWorkers);

/** Plays every job's games on the worker threads (or this one); results come back in the jobs' order. */
async function runJobs(
  scenario: Scenario,
  jobs: readonly Job[],
  workers: readonly Worker[] | null,
  tick: (n: number) => void,
) {
  const results: GameSummary[][] = new Array(jobs.length);
  if (workers === null) {
    let done = 0;
    for (const job of jobs) {
      results[job.id] = job.seeds.map((seed) => playGame(scenario, seed, job.seats));
      done += job.seeds.length;
      tick(done);
    }
    return results;
  }
  let next = 0;
  let done = 0;
  await Promise.all(
    workers.map(
      (w) =>
        new Promise<void>((resolve, reject) => {
          const send = () => w.postMessage(next < jobs.length ? jobs[next++]! : null);
          w.on('message', (msg: { id: number; games: GameSummary[] }) => {
            results[msg.id] = msg.games;
            done += msg.games.length;
            tick(done);
            send();
          });
          w.on('error', reject);
          w.on('exit', () => resolve());
          // The loaded scenario goes with the first message (a structured copy): a worker need not
          // read the file.
          w.postMessage({ scenario });
          send();
        }),
    ),
  );
  return results;
}

/**
 * The worker threads, started before the scenario is read: each loads its code (about a sixth of a
 * second) while this thread reads the scenario — kept from an earlier run in a few milliseconds, or
 * read and checked afresh in about a third of a second — and waits for it.
 */
function startWorkers(workers: number, total: number): Worker[] | null {
  if (!threaded(workers, total)) return null;
  const boot = workerBoot();
  const wanted = Math.min(workers, Math.ceil(total / CHUNK));
  return Array.from({ length: wanted }, () => new Worker(boot, { eval: true }));
}

/**
 * The code a worker starts with: this same file — the one bundle `npm run simulate` runs
 * (tools/bundled.mjs), or, when run through tsx directly, this TypeScript through tsx's loader.
 */
function workerBoot(): string {
  const self = JSON.stringify(import.meta.url);
  return import.meta.url.endsWith('.ts')
    ? `import('tsx/esm/api').then((t) => { t.register(); return import(${self}); });`
    : `import(${self});`;
}

/** Games a job plays: a worker reports back after each. */
const CHUNK = 10;

/** Chunks of games for one pairing of seats. */
function jobsFor(seats: { us: AiSeat; cn: AiSeat }, seed: string, games: number, firstId: number): Job[] {
  const jobs: Job[] = [];
  for (let from = 0; from < games; from += CHUNK) {
    const seeds: string[] = [];
    for (let i = from; i < Math.min(games, from + CHUNK); i++) seeds.push(`${seed}-${i}`);
    jobs.push({ id: firstId + jobs.length, seats, seeds });
  }
  return jobs;
}

/** A function declaration: main() runs (top-level await) before this line is reached. */
function seatText(s: AiSeat): string {
  return `${s.profile}/${s.level}`;
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const total = args.strength ? args.games * 10 : args.games; // the strength table plays ten pairings
  const workers = startWorkers(args.workers, total);
  let scenario: Scenario;
  try {
    // As loaded before, while its files and this code are as they were (scenario-kept.ts); the
    // workers never read a file, and do not load the reader.
    scenario = (await loadScenarioKept(args.file)).scenario;
  } catch (e) {
    console.error(String(e instanceof Error ? e.message : e));
    process.exit(1);
  }
  const seats = { us: args.us ?? defaultSeat(scenario, 'us'), cn: args.cn ?? defaultSeat(scenario, 'cn') };
  if (!args.strength) {
    const jobs = jobsFor(seats, args.seed, args.games, 0);
    const results = await runJobs(scenario, jobs, workers, progress(args.games, 'simulate'));
    const games = results.flat();
    const report = summarise(scenario, args.seed, seats, games);
    const used = usageOf(scenario, games);
    const spread = spreadOfGames(games);
    const names = { us: scenario.sides.us.name, cn: scenario.sides.cn.name };
    if (args.json) {
      process.stdout.write(`${JSON.stringify({ ...report, spread, usage: used })}\n`);
      return;
    }
    process.stdout.write(`${formatReport(report)}\n${formatSpread(spread, names)}\n${formatUsage(used)}`);
    if (report.checks.some((c) => c.pass === false) && args.why)
      process.stdout.write(await whyLines(args, report));
    return;
  }
  await strength(args, scenario, workers);
}

/** The FAILs a number can move: what each measures, and how far a result is from passing. */
const MOVABLE: readonly {
  readonly check: string;
  readonly what: (j: import('./tune-lib.ts').Judged) => number;
  readonly miss: (x: number) => number;
  readonly say: (x: number) => string;
}[] = [
  {
    check: 'Balance',
    what: (j) => j.usShare,
    miss: (x) => Math.max(0, 0.35 - x, x - 0.65),
    say: (x) => `Washington's win share ${(x * 100).toFixed(1)}%`,
  },
  {
    check: 'AI against AI reaches a deal',
    what: (j) => j.deal,
    miss: (x) => Math.max(0, 0.4 - x, x - 0.8),
    say: (x) => `${(x * 100).toFixed(1)}% deals`,
  },
  {
    check: 'AI against AI collapses',
    what: (j) => j.collapse,
    miss: (x) => Math.max(0, x - 0.15),
    say: (x) => `${(x * 100).toFixed(1)}% collapses`,
  },
];

/** For each FAIL a number can move, the number whose one step moves it most toward passing. */
async function whyLines(args: Args, report: import('../src/ai/report.ts').Report): Promise<string> {
  const { judge, loadText, rewrite, step, tunables } = await import('./tune-lib.ts');
  const { display, readText, resolverFor } = await import('./scenario-files.ts');
  const { resolve } = await import('node:path');
  const text = readText(args.file) ?? '';
  const name = display(resolve(args.file));
  const resolveWorld = resolverFor(args.file, []);
  const failing = MOVABLE.filter((m) =>
    report.checks.some((c) => c.pass === false && c.name.startsWith(m.check)),
  );
  if (failing.length === 0) return '';
  const movable = tunables({ name, text }, resolveWorld);
  if (movable.length === 0)
    return `\nwhat moves the FAILs: no number in ${args.file} is marked as an estimate (estimate: …), so none was tried\n`;
  const games = Math.min(args.games, 40);
  const base = loadText({ name, text }, resolveWorld);
  if (!base) return '';
  const start = judge(base, games, args.seed);
  const best = failing.map(() => ({ gain: 0, line: '' }));
  const t0 = Date.now();
  let cut = false;
  for (const t of movable) {
    for (const dir of [1, -1] as const) {
      if (Date.now() - t0 > 60_000) cut = true;
      if (cut) break;
      const value = step(t, t.value, dir);
      if (value === undefined) continue;
      const sc = loadText({ name, text: rewrite(text, new Map([[t, value]])) }, resolveWorld);
      if (!sc) continue;
      const j = judge(sc, games, args.seed);
      failing.forEach((m, i) => {
        const gain = m.miss(m.what(start)) - m.miss(m.what(j));
        const b = best[i]!;
        if (gain > b.gain)
          best[i] = {
            gain,
            line: `${t.name} (${args.file}:${t.line}): ${value > t.value ? 'raise' : 'lower'} it, ${t.value} → ${value}: ${m.say(m.what(start))} → ${(m.what(j) * 100).toFixed(1)}%`,
          };
      });
    }
  }
  const lines = [
    '',
    `what moves the FAILs most (each number marked as an estimate one step up and down, ${games} games each${cut ? '; stopped after 60 seconds, not every number was tried' : ''}):`,
    ...failing.map((m, i) => `  ${m.check}: ${best[i]!.line || 'no single step moves it toward passing'}`),
    `  npm run tune -- ${args.file} searches for a balance and prints the changes as a diff`,
  ];
  return `${lines.join('\n')}\n`;
}

/** The strength table (see the header). */
async function strength(args: Args, scenario: Scenario, workers: readonly Worker[] | null) {
  const pairings = strengthPairings(scenario);
  const jobs: Job[] = [];
  const ranges: [number, number][] = [];
  for (const p of pairings) {
    const from = jobs.length;
    jobs.push(...jobsFor(p.seats, args.seed, args.games, from));
    ranges.push([from, jobs.length]);
  }
  const total = jobs.reduce((a, j) => a + j.seeds.length, 0);
  const results = await runJobs(scenario, jobs, workers, progress(total, 'strength'));
  const games = new Map(
    pairings.map((p, i) => [p.label, results.slice(ranges[i]![0], ranges[i]![1]).flat()] as const),
  );
  const rows = strengthTable(games).map((r) => ({ ...r, share: Math.round(r.share * 1000) / 1000 }));
  const table = {
    scenario: scenario.id,
    games: args.games,
    seed: args.seed,
    opponents: { us: seatText(defaultSeat(scenario, 'cn')), cn: seatText(defaultSeat(scenario, 'us')) },
    rows,
  };
  if (args.json) {
    process.stdout.write(`${JSON.stringify(table)}\n`);
    return;
  }
  const lines = [
    `${scenario.id}: strength, ${args.games} games a row from seed ${args.seed}; paired rows play the same seeds against the other side's profile at level ${DEFAULT_AI_LEVEL}`,
    '',
    ...rows.map(
      (r) =>
        `  ${r.required ? (r.pass ? 'pass' : 'FAIL') : r.pass ? '(ok)' : '(no)'}  ${r.name.padEnd(44)} ${(r.share * 100).toFixed(1).padStart(5)}%  (needs ${r.need})`,
    ),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

// ---------------------------------------------------------------------------------------------
// A worker: is sent the scenario once, then the chunks of games to play.

if (!isMainThread) {
  let scenario: Scenario | null = null;
  parentPort!.on('message', (msg: { scenario: Scenario } | Job | null) => {
    if (msg === null) {
      parentPort!.close();
      return;
    }
    if ('scenario' in msg) {
      scenario = msg.scenario;
      return;
    }
    const sc = scenario!;
    const games = msg.seeds.map((seed) => playGame(sc, seed, msg.seats));
    parentPort!.postMessage({ id: msg.id, games });
  });
} else {
  await main();
}
