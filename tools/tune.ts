// `npm run tune -- FILE [--games N] [--confirm-games M] [--seed S] [--max-changes K]
//                      [--max-games G] [--max-seconds T] [--level L] [--write]`
//
// Searches the numbers of a scenario file marked as design estimates (tools/tune-lib.ts says which:
// never a sourced figure, never a number of another file) for a balance between the two sides'
// computer opponents at equal levels: Washington winning 45–55% of games, with every character
// check that passed still passing. The search is greedy: each round tries every number one step up
// and one step down on the same games (so the comparison is not luck), keeps the change that brings
// the win share nearest to even, follows it while it keeps helping, and stops as soon as the share
// is in the band — so the set of changes is small. The result is confirmed on a fresh seed with
// more games. It prints the win shares before and after and the changes as a unified diff the
// author can accept (`git apply`, `patch -p1`, or `--write`, which writes the file whole or not at
// all). With `--level L` both sides play at level L and only the thresholds the file's profiles
// restate for that level move (tools/tune-lib.ts), a trial looking several steps on: the balance of
// the other levels stays as it was. Bounded: at most K changes (default 4), G games (default
// 60,000) and T seconds (default 600).
// Exit status: 0 balanced and confirmed, 1 no balance found within the bounds (the best found is
// still shown), 2 the command was used wrongly or the file does not load.
import { resolve } from 'node:path';

process.env.NODE_ENV ??= 'production';

const { display, readText, resolverFor } = await import('./scenario-files.ts');
const {
  brokenChecks,
  judge,
  levelOrder,
  loadText,
  rewrite,
  sidesToCheck,
  step,
  strides,
  tunables,
  unifiedDiff,
} = await import('./tune-lib.ts');
const { writeWhole } = await import('./write-whole.ts');
const { AI_LEVELS, DEFAULT_AI_LEVEL } = await import('../src/ai/profile.ts');
type Tunable = import('./tune-lib.ts').Tunable;
type Judged = import('./tune-lib.ts').Judged;

const USAGE = `usage: npm run tune -- FILE [--games N] [--confirm-games M] [--seed S] [--max-changes K]
                       [--max-games G] [--max-seconds T] [--level L] [--write]

Searches the numbers marked as estimates for a balance (Washington winning 45–55% between equal
computer levels, every character check still passing) and prints the changes as a diff.
  --games N          games per trial (default 60)
  --confirm-games M  games of the confirmation on a fresh seed (default 300)
  --seed S           the trials' seed (default tune)
  --max-changes K    at most K numbers changed (default 4)
  --max-games G      stop after G games in all (default 60000)
  --max-seconds T    stop after T seconds (default 600)
  --level L          both sides at level L (1 to 3), moving only the thresholds the profiles
                     restate for it (profiles[].levels.L.thetaStart, thetaFloor); the result must
                     also keep level L above L-1 and below L+1 in paired games
  --write            write the changes into FILE (whole or not at all)`;

function usage(problem: string): never {
  console.error(`tune: ${problem}\n\n${USAGE}`);
  process.exit(2);
}

interface Args {
  file: string;
  games: number;
  confirm: number;
  seed: string;
  maxChanges: number;
  maxGames: number;
  maxSeconds: number;
  level: number | undefined;
  write: boolean;
}

function parseArgs(argv: readonly string[]): Args {
  const a: Args = {
    file: '',
    games: 60,
    confirm: 300,
    seed: 'tune',
    maxChanges: 4,
    maxGames: 60_000,
    maxSeconds: 600,
    level: undefined,
    write: false,
  };
  const whole = (i: number, name: string) => {
    const v = Number(argv[i + 1]);
    if (!Number.isInteger(v) || v < 1) usage(`${name} takes a whole number above 0`);
    return v;
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '-h' || arg === '--help') {
      console.log(USAGE);
      process.exit(0);
    } else if (arg === '--games') a.games = whole(i++, arg);
    else if (arg === '--confirm-games') a.confirm = whole(i++, arg);
    else if (arg === '--max-changes') a.maxChanges = whole(i++, arg);
    else if (arg === '--max-games') a.maxGames = whole(i++, arg);
    else if (arg === '--max-seconds') a.maxSeconds = whole(i++, arg);
    else if (arg === '--level') {
      const v = Number(argv[++i]);
      if (!(AI_LEVELS as readonly number[]).includes(v))
        usage(`--level takes one of ${AI_LEVELS.join(', ')}`);
      a.level = v;
    } else if (arg === '--seed') {
      const v = argv[++i];
      if (v === undefined) usage('--seed needs a value');
      a.seed = v;
    } else if (arg === '--write') a.write = true;
    else if (arg.startsWith('-')) usage(`unknown option ${arg}`);
    else if (a.file === '') a.file = arg;
    else usage(`one FILE (also given: ${arg})`);
  }
  if (a.file === '') usage('no FILE');
  return a;
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const off = (j: Judged) => Math.abs(j.usShare - 0.5);
const inBand = (j: Judged) => j.usShare >= 0.45 && j.usShare <= 0.55;

function main(): number {
  const a = parseArgs(process.argv.slice(2));
  const t0 = Date.now();
  const text = readText(a.file);
  if (text === undefined) usage(`${a.file}: cannot be read`);
  const name = display(resolve(a.file));
  const resolveWorld = resolverFor(a.file, []);
  const at = (changes: ReadonlyMap<Tunable, number>) => ({ name, text: rewrite(text, changes) });
  const base = loadText({ name, text }, resolveWorld, true);
  if (!base) usage(`${a.file} does not load: run npm run check -- ${a.file}`);
  const movable = tunables({ name, text }, resolveWorld, a.level);
  const atLevel = a.level === undefined ? '' : `, both sides at level ${a.level}`;
  if (a.level !== undefined && movable.length === 0) {
    console.log(
      `tune: ${name}: no threshold is restated for level ${a.level}. Write one under a profile first (docs/authoring.md, "The computer opponents"):\n  levels:\n    ${a.level}:\n      thetaStart: 1\n      estimate: <what it stands for>`,
    );
    return 1;
  }
  let played = 0;
  const play = (changes: ReadonlyMap<Tunable, number>, games: number, seed: string) => {
    const sc = loadText(at(changes), resolveWorld);
    if (!sc) return undefined;
    played += games;
    return judge(sc, games, seed, a.level);
  };
  const spent = () => played >= a.maxGames || Date.now() - t0 > a.maxSeconds * 1000;

  console.log(
    a.level === undefined
      ? `tune: ${name}: ${movable.length} numbers marked as estimates may move; sourced numbers and other files' numbers never do.`
      : `tune: ${name}: ${movable.length} ${movable.length === 1 ? 'threshold' : 'thresholds'} restated for level ${a.level} may move; no other number does.`,
  );
  const before = judge(base, a.games, a.seed, a.level);
  played += a.games;
  console.log(
    `before: Washington wins ${pct(before.usShare)} (${a.games} games from seed ${a.seed}${atLevel})`,
  );

  const changes = new Map<Tunable, number>();
  let current = before;
  let games = a.games;
  let seed = a.seed;
  let round = 0;
  let confirmed: Judged | undefined;
  let stopped = '';
  while (!confirmed) {
    if (inBand(current)) {
      const fresh = play(changes, a.confirm, `${a.seed}-fresh`);
      if (fresh && inBand(fresh) && brokenChecks(before, fresh).length === 0) {
        confirmed = fresh;
        break;
      }
      // The trials' games were too few to tell: search on with twice as many, from another seed.
      games = Math.min(a.confirm, games * 2);
      seed = `${a.seed}-${++round}`;
      console.log(
        `  not confirmed on a fresh seed (${fresh ? pct(fresh.usShare) : 'does not load'} in ${a.confirm} games): searching on with ${games} games a trial`,
      );
      const again = play(changes, games, seed);
      if (!again) break;
      // Search on from the larger sample, even if it reads in band: the same confirmation would
      // only fail again.
      current = again;
    }
    if (spent()) {
      stopped = 'the bound on games or time';
      break;
    }
    // One round: every number one step either way, on the same games.
    let best: { t: Tunable; dir: 1 | -1; value: number; j: Judged } | undefined;
    for (const t of movable) {
      if (!changes.has(t) && changes.size >= a.maxChanges) continue;
      for (const dir of [1, -1] as const) {
        const tried = new Set<number>(); // strides past a bound all land on it: play it once
        for (const times of strides(t)) {
          if (spent()) break;
          const value = step(t, changes.get(t) ?? t.value, dir, times);
          if (value === undefined || tried.has(value)) continue;
          tried.add(value);
          const trial = new Map(changes).set(t, value);
          const j = play(trial, games, seed);
          if (!j || brokenChecks(before, j).length > 0) continue;
          if (!best || off(j) < off(best.j)) best = { t, dir, value, j };
        }
      }
    }
    if (!best || off(best.j) >= off(current) - 0.5 / games) {
      stopped = spent() ? 'the bound on games or time' : 'no single step brings the share nearer to even';
      break;
    }
    // Follow the best move while it keeps helping (a lever may need several steps).
    let { value, j } = best;
    while (!inBand(j) && !spent()) {
      const further = step(best.t, value, best.dir);
      if (further === undefined) break;
      const next = play(new Map(changes).set(best.t, further), games, seed);
      if (!next || brokenChecks(before, next).length > 0 || off(next) >= off(j)) break;
      value = further;
      j = next;
    }
    changes.set(best.t, value);
    current = j;
    console.log(
      `  ${best.t.name} (line ${best.t.line}) ${best.t.value} → ${value}: Washington wins ${pct(j.usShare)}`,
    );
  }

  // A level's restated thresholds must also leave the level between its neighbours (the strength
  // table's paired rows, which npm run balance requires): a side that holds out longer to balance
  // two equal seats can sign so late that its own score falls below the level under it.
  let outOfOrder = false;
  if (a.level !== undefined) {
    const sc = loadText(at(changes), resolveWorld);
    const sides = sc ? sidesToCheck(sc, a.level) : [];
    if (sc && sides.length > 0) {
      const seed = `${a.seed}-order`;
      const rows = levelOrder(sc, a.level, sides, a.games, seed);
      played += a.games * new Set(rows.flatMap((r) => [`${r.side} ${r.hi}`, `${r.side} ${r.lo}`])).size;
      console.log(
        `level order (each side's seat a level apart on the same ${a.games} seeds from ${seed}, the other side at level ${DEFAULT_AI_LEVEL}):`,
      );
      for (const r of rows)
        console.log(
          `  ${r.side === 'us' ? 'Washington' : 'Beijing'}: level ${r.hi} scores more than level ${r.lo} on ${pct(r.share)} of seeds${r.pass ? '' : ' (needs more than 50%)'}`,
        );
      outOfOrder = rows.some((r) => !r.pass);
    }
  }
  const seconds = ((Date.now() - t0) / 1000).toFixed(1);
  if (changes.size > 0) {
    console.log(
      `after: Washington wins ${pct(current.usShare)} (${games} games from seed ${seed})${confirmed ? `; confirmed on a fresh seed: ${pct(confirmed.usShare)} (${a.confirm} games from seed ${a.seed}-fresh), every character check that passed still passes` : ''}`,
    );
  }
  console.log(`${played} games in ${seconds} s.`);
  if (!confirmed) {
    const advice =
      a.level === undefined
        ? "move a number the guide's rules of thumb name, or mark more numbers as estimates."
        : `restate the other side's threshold for level ${a.level} too, or the other of its two (thetaStart, thetaFloor).`;
    console.log(
      `No balance of 45–55% found${stopped ? ` (stopped: ${stopped})` : ''}. ${
        changes.size > 0 ? `The best found is below; ${advice}` : advice[0]!.toUpperCase() + advice.slice(1)
      }`,
    );
  }
  if (outOfOrder)
    console.log(
      `Not a balance to keep: level ${a.level} no longer sits between its neighbours (npm run balance would fail its strength rows). Restate the other side's threshold instead, or the other of the two.`,
    );
  if (changes.size === 0) {
    if (confirmed && !outOfOrder) console.log('Already balanced: nothing to change.');
    return confirmed && !outOfOrder ? 0 : 1;
  }
  const after = at(changes).text;
  process.stdout.write(`\n${unifiedDiff(a.file.replace(/^\.\//, ''), text, after)}`);
  if (a.write && outOfOrder) {
    console.log(`\nnot written: level ${a.level} is out of order`);
    return 1;
  }
  if (a.write) {
    // The whole file checked as the game loads it before it is written.
    if (!loadText({ name, text: after }, resolveWorld, true)) {
      console.log(`\nnot written: the changed file does not pass the checker`);
      return 1;
    }
    writeWhole(resolve(a.file), after);
    console.log(`\nwrote ${a.file}`);
  } else {
    console.log(`\nAccept it with --write, or save the diff and apply it with git apply.`);
  }
  return confirmed && !outOfOrder ? 0 : 1;
}

process.exitCode = main();
