// npm run simulate -- FILE --games N --seed S [--us PROFILE/LEVEL] [--cn PROFILE/LEVEL] [--json]
//                     [--workers N] [--strength]
//
// AI against AI on a scenario file: by default the scenario's own profiles for both sides at the
// default level (`random` is a profile too). Prints the report of src/ai/report.ts — win shares,
// outcomes, leverage and tension per turn, scores, value created and claimed, the moves played most
// and the character checks — as text, or as one JSON object with --json. The same arguments give
// the same report, byte for byte: game i is played from seed `S-i`, games are shared among worker
// threads (one per core unless --workers says) and their results put back in order. A progress bar
// goes to stderr for long runs.
//
// --strength plays the strength table instead: for each side, its profile at the hardest level
// against the `random` profile head to head, and paired comparisons (same seat, same seeds, same
// opponent — the other side's profile at the default level): hardest level against `random`, and
// each level against the one below.
import { availableParallelism } from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';

// The engine's immer runs without its development checks here (set before anything imports it).
process.env.NODE_ENV ??= 'production';

const { loadScenarioFile } = await import('./scenario-files');
const { playGame } = await import('../src/ai/match');
const { summarise, formatReport } = await import('../src/ai/report');
const { defaultSeat, parseSeat, AI_LEVELS, DEFAULT_AI_LEVEL, RANDOM_PROFILE } = await import('../src/ai');
type AiSeat = import('../src/ai').AiSeat;
type GameSummary = import('../src/ai/match').GameSummary;
type Side = 'us' | 'cn';

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
  --strength   the strength table: hardest level against random, each level against the one below`;

function usage(problem: string): never {
  console.error(`simulate: ${problem}\n\n${USAGE}`);
  process.exit(2);
}

// ---------------------------------------------------------------------------------------------
// A worker: loads the scenario once, then plays the chunks of games it is sent.

if (!isMainThread) {
  const { file } = workerData as { file: string };
  const { scenario } = loadScenarioFile(file);
  parentPort!.on('message', (job: Job | null) => {
    if (job === null) {
      parentPort!.close();
      return;
    }
    const games = job.seeds.map((seed) => playGame(scenario, seed, job.seats));
    parentPort!.postMessage({ id: job.id, games });
  });
} else {
  await main();
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
}

function parseArgs(argv: readonly string[]): Args {
  const a: Partial<Args> & { json: boolean; strength: boolean } = { json: false, strength: false };
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
    else if (arg === '--games') {
      a.games = Number(value(i++, arg));
      if (!Number.isInteger(a.games) || a.games < 1) usage('--games takes a whole number of games');
    } else if (arg === '--seed') a.seed = value(i++, arg);
    else if (arg === '--workers') {
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

/** Plays every job's games on the worker threads; results come back in the jobs' order. */
async function runJobs(file: string, jobs: readonly Job[], workers: number, tick: (n: number) => void) {
  const results: GameSummary[][] = new Array(jobs.length);
  const total = jobs.reduce((a, j) => a + j.seeds.length, 0);
  if (workers <= 1 || total < 100) {
    const { scenario } = loadScenarioFile(file);
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
    Array.from({ length: Math.min(workers, jobs.length) }, () => {
      // The worker runs this same file; under tsx it first registers tsx's loader in its thread.
      const self = JSON.stringify(import.meta.url);
      const boot = import.meta.url.endsWith('.ts')
        ? `import('tsx/esm/api').then((t) => { t.register(); return import(${self}); });`
        : `import(${self});`;
      const w = new Worker(boot, { eval: true, workerData: { file } });
      return new Promise<void>((resolve, reject) => {
        const send = () => w.postMessage(next < jobs.length ? jobs[next++]! : null);
        w.on('message', (msg: { id: number; games: GameSummary[] }) => {
          results[msg.id] = msg.games;
          done += msg.games.length;
          tick(done);
          send();
        });
        w.on('error', reject);
        w.on('exit', () => resolve());
        send();
      });
    }),
  );
  return results;
}

/** Chunks of games for one pairing of seats. */
function jobsFor(
  seats: { us: AiSeat; cn: AiSeat },
  seed: string,
  games: number,
  firstId: number,
  chunk = 25,
): Job[] {
  const jobs: Job[] = [];
  for (let from = 0; from < games; from += chunk) {
    const seeds: string[] = [];
    for (let i = from; i < Math.min(games, from + chunk); i++) seeds.push(`${seed}-${i}`);
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
  let scenario: ReturnType<typeof loadScenarioFile>['scenario'];
  try {
    scenario = loadScenarioFile(args.file).scenario;
  } catch (e) {
    console.error(String(e instanceof Error ? e.message : e));
    process.exit(1);
  }
  const seats = { us: args.us ?? defaultSeat(scenario, 'us'), cn: args.cn ?? defaultSeat(scenario, 'cn') };
  if (!args.strength) {
    const jobs = jobsFor(seats, args.seed, args.games, 0);
    const results = await runJobs(args.file, jobs, args.workers, progress(args.games, 'simulate'));
    const report = summarise(scenario, args.seed, seats, results.flat());
    process.stdout.write(args.json ? `${JSON.stringify(report)}\n` : formatReport(report));
    return;
  }
  await strength(args, scenario);
}

type Pairing = { readonly label: string; readonly seats: { us: AiSeat; cn: AiSeat } };

/** The strength table (see the header). */
async function strength(args: Args, scenario: Parameters<typeof summarise>[0]) {
  const top = AI_LEVELS[AI_LEVELS.length - 1]!;
  const random: AiSeat = { profile: RANDOM_PROFILE, level: top };
  const pairings: Pairing[] = [];
  for (const side of ['us', 'cn'] as const) {
    const other: Side = side === 'us' ? 'cn' : 'us';
    const own = { ...defaultSeat(scenario, side) };
    const opp = defaultSeat(scenario, other);
    const seatAt = (s: AiSeat) => (side === 'us' ? { us: s, cn: opp } : { us: opp, cn: s });
    pairings.push({
      label: `${side} h2h`,
      seats:
        side === 'us'
          ? { us: { ...own, level: top }, cn: random }
          : { us: random, cn: { ...own, level: top } },
    });
    pairings.push({ label: `${side} random`, seats: seatAt(random) });
    for (const level of AI_LEVELS)
      pairings.push({ label: `${side} ${level}`, seats: seatAt({ ...own, level }) });
  }
  const jobs: Job[] = [];
  const ranges: [number, number][] = [];
  for (const p of pairings) {
    const from = jobs.length;
    jobs.push(...jobsFor(p.seats, args.seed, args.games, from));
    ranges.push([from, jobs.length]);
  }
  const results = await runJobs(
    args.file,
    jobs,
    args.workers,
    progress(
      jobs.reduce((a, j) => a + j.seeds.length, 0),
      'strength',
    ),
  );
  const gamesOf = (i: number) => results.slice(ranges[i]![0], ranges[i]![1]).flat();
  const byLabel = new Map(pairings.map((p, i) => [p.label, gamesOf(i)] as const));
  const rows: { name: string; share: number; need: string; pass: boolean }[] = [];
  for (const side of ['us', 'cn'] as const) {
    const h2h = byLabel.get(`${side} h2h`)!;
    const wins =
      h2h.reduce((a, g) => a + (g.winner === side ? 1 : g.winner === 'tie' ? 0.5 : 0), 0) / h2h.length;
    rows.push({
      name: `${side}: level ${top} against random, head to head`,
      share: wins,
      need: '≥ 90%',
      pass: wins >= 0.9,
    });
    const paired = (a: string, b: string) => {
      const ga = byLabel.get(`${side} ${a}`)!;
      const gb = byLabel.get(`${side} ${b}`)!;
      let s = 0;
      for (let i = 0; i < ga.length; i++) {
        const x = ga[i]!.totalNormalised[side];
        const y = gb[i]!.totalNormalised[side];
        s += x > y + 1e-9 ? 1 : Math.abs(x - y) <= 1e-9 ? 0.5 : 0;
      }
      return s / ga.length;
    };
    const vsRandom = paired(String(top), 'random');
    rows.push({
      name: `${side}: level ${top} against random, paired`,
      share: vsRandom,
      need: '≥ 90%',
      pass: vsRandom >= 0.9,
    });
    for (let i = AI_LEVELS.length - 1; i > 0; i--) {
      const hi = AI_LEVELS[i]!;
      const lo = AI_LEVELS[i - 1]!;
      const s = paired(String(hi), String(lo));
      rows.push({
        name: `${side}: level ${hi} against level ${lo}, paired`,
        share: s,
        need: '> 50%',
        pass: s > 0.5,
      });
    }
  }
  const table = {
    scenario: scenario.id,
    games: args.games,
    seed: args.seed,
    opponents: { us: seatText(defaultSeat(scenario, 'cn')), cn: seatText(defaultSeat(scenario, 'us')) },
    rows: rows.map((r) => ({ ...r, share: Math.round(r.share * 1000) / 1000 })),
  };
  if (args.json) {
    process.stdout.write(`${JSON.stringify(table)}\n`);
    return;
  }
  const lines = [
    `${scenario.id}: strength, ${args.games} games a row from seed ${args.seed}; paired rows play the same seeds against the other side's profile at level ${DEFAULT_AI_LEVEL}`,
    '',
    ...table.rows.map(
      (r) =>
        `  ${r.pass ? 'pass' : 'FAIL'}  ${r.name.padEnd(44)} ${(Math.round(r.share * 1000) / 10).toFixed(1).padStart(5)}%  (needs ${r.need})`,
    ),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}
