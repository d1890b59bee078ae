// `npm run bench:online -- --rooms 200 --clients 400 [--seconds 60] [--json]`: bot games over
// loopback WebSockets against the game server in its own process (this process holds only the
// clients). Each bot moves one second after the game comes to it; the run is bounded in time. It
// prints the move round trip (send → the room's answer: median, p95, p99), accepted moves a second,
// server memory per room (heap after minus before, after a collection, divided by rooms), the
// server's CPU, and lost moves (accepted moves a client never saw); then the same with two server
// processes sharing a redis-server (started here on a loopback port, stopped after). `--no-redis` or
// `--redis-only` runs one of the two; `--cpu-prof DIR` has each server process write a CPU profile.
//
// `npm run bench:online -- --class 40 [--seconds 30] [--json]`: one class of 40 games (80 students)
// made, joined, paired and started through the class's HTTP routes, every student a bot at its seat,
// and the instructor's dashboard asked for as fast as it answers (at most every 100 ms). It prints the
// dashboard's update delay — from a move reaching the game's seats to the first dashboard answer that
// shows it (median, p95; `dashboardP95Ms` in the JSON) — and the dashboard's own answer time. The
// page asks once a second, so what an instructor sees may lag up to a second more.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { Client, type Room } from '@colyseus/sdk';
import type { Move, Side } from '../src/engine/index.ts';
import type { SeatUpdate, Welcome } from '../src/net/protocol.ts';

const root = resolve(import.meta.dirname, '..');
const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const ROOMS = arg('rooms', 200);
const CLIENTS = arg('clients', ROOMS * 2);
const SECONDS = arg('seconds', 45);
const DELAY = arg('delay', 1000); // a bot's thinking time
const JSON_OUT = process.argv.includes('--json');
const BASE_PORT = arg('port', 25780);
const REDIS_PORT = arg('redis-port', 26780);
const CLASS = arg('class', 0);
const CLASS_KEY = 'bench-instructor-key-0123456789';
// `--cpu-prof DIR`: each server process writes a V8 CPU profile there when it stops
const PROF_DIR = (() => {
  const i = process.argv.indexOf('--cpu-prof');
  return i >= 0 ? resolve(process.argv[i + 1] ?? '.') : null;
})();

interface ServerProc {
  child: ChildProcess;
  port: number;
  stop(): Promise<void>;
}

// the servers and redis-server this run started: stopped whatever way it ends
const children = new Set<ChildProcess>();
process.on('exit', () => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
});

function startServer(port: number, env: Record<string, string>): Promise<ServerProc> {
  const data = mkdtempSync(join(tmpdir(), 'uh-bench-'));
  const child = spawn(
    process.execPath,
    [
      '--expose-gc',
      ...(PROF_DIR ? ['--cpu-prof', '--cpu-prof-dir', PROF_DIR] : []),
      '--import',
      'tsx',
      join(root, 'tools/serve.ts'),
      '--no-build',
      '--quiet',
      '--stats',
      '--host',
      '127.0.0.1',
      '--port',
      String(port),
      '--data',
      data,
      '--scenarios',
      'opening-bid',
      '--rate',
      '50',
      ...(CLASS ? ['--instructor-key', CLASS_KEY] : []),
    ],
    { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  children.add(child);
  return new Promise((res, rej) => {
    let out = '';
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      if (/READY \d+/.test(out))
        res({
          child,
          port,
          stop: () =>
            new Promise<void>((r) => {
              child.once('exit', () => {
                rmSync(data, { recursive: true, force: true });
                r();
              });
              child.kill('SIGTERM');
            }),
        });
    });
    child.once('exit', (code) => rej(new Error(`the server exited (${code})`)));
  });
}

interface Stats {
  heapUsed: number;
  cpu: { user: number; system: number };
  at: number;
  moves: { count: number; p50: number; p95: number; p99: number }; // µs inside the server, since the last ask
}
const stats = async (port: number) =>
  (await (await fetch(`http://127.0.0.1:${port}/online/stats`)).json()) as Stats;

/** A bot at one seat: it moves DELAY ms after the game comes to it, and times each answer. */
class Bot {
  update: SeatUpdate | null = null;
  welcome: Welcome | null = null;
  readonly rtts: number[] = [];
  accepted = 0;
  bytes = 0;
  #pending = new Map<number, number>();
  #seq = 0;
  #timer: ReturnType<typeof setTimeout> | null = null;
  #waitingFor = -1;
  stopped = false;

  constructor(readonly room: Room) {
    room.onMessage('welcome', (w: Welcome) => {
      this.welcome = w;
    });
    room.onMessage('update', (u: SeatUpdate) => {
      this.update = u;
      if (u.seq !== undefined) this.#answered(u.seq, true); // the update that answers this bot's move
      this.#schedule();
    });
    room.onMessage('refused', (r: { seq?: number }) => {
      if (r.seq !== undefined) this.#answered(r.seq, false);
    });
    room.onMessage('finished', () => undefined);
  }

  #answered(seq: number, ok: boolean) {
    const t = this.#pending.get(seq);
    if (t === undefined) return;
    this.#pending.delete(seq);
    this.rtts.push(performance.now() - t);
    if (ok) this.accepted++;
  }

  get side(): Side | null {
    const s = this.welcome?.seat;
    return s === 'us' || s === 'cn' ? s : null;
  }

  #next(): Move | null {
    const u = this.update;
    const side = this.side;
    if (!u || !side) return null;
    const s = u.state;
    if (s.round.phase === 'talks') {
      if (s.round.talks.toMove !== side) return null;
      if (s.round.talks.open) return { type: 'reject', side, reason: 'timing' };
      return { type: 'pass', side };
    }
    if (s.round.phase === 'orders' && !s.round.drafts.submitted[side]) {
      const pick = u.choices[u.moveCount % Math.max(1, u.choices.length)];
      return { type: 'orders', side, orders: pick && u.moveCount % 2 === 0 ? [pick] : [] };
    }
    return null;
  }

  #schedule() {
    if (this.stopped || this.#timer || !this.update) return;
    if (this.#next() === null || this.#waitingFor === this.update.moveCount) return;
    this.#waitingFor = this.update.moveCount;
    this.#timer = setTimeout(() => {
      this.#timer = null;
      const m = this.#next();
      if (!m || this.stopped) return;
      const seq = ++this.#seq;
      this.#pending.set(seq, performance.now());
      const payload = { move: m, seq };
      this.bytes += JSON.stringify(payload).length;
      this.room.send('move', payload);
    }, DELAY);
  }

  stop() {
    this.stopped = true;
    if (this.#timer) clearTimeout(this.#timer);
  }
}

async function inBatches<T>(n: number, size: number, make: (i: number) => Promise<T>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < n; i += size)
    out.push(...(await Promise.all(Array.from({ length: Math.min(size, n - i) }, (_, k) => make(i + k)))));
  return out;
}

const pct = (xs: number[], p: number) => {
  if (!xs.length) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
};

interface Result {
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  movesPerSecond: number;
  bytesPerRoom: number;
  lost: number;
  cpuPercent: number;
  serverCpuMsPerMove: number; // the servers' CPU time over accepted moves: the figure load changes least (still ±50% on a busy machine)
  serverP50Ms: number; // a move's time inside the server (message in → answer out); the worst process
  serverP95Ms: number;
  serverP99Ms: number;
  clientCpuPercent: number;
  clientLagP99Ms: number; // how late the clients' event loop ran: a busy client process or machine delays every answer
  clientSaturated: boolean;
  loadAverage: number; // the machine's one-minute load average at the end of the run
  finished: number; // games over by the end: their seats make no more moves, so the load falls off
  rooms: number;
  clients: number;
  seconds: number;
}

/** One run: rooms created through the first server, the second seat joined through the last. */
async function run(servers: ServerProc[]): Promise<Result> {
  const first = servers[0]!;
  const last = servers[servers.length - 1]!;
  const before = await Promise.all(servers.map((s) => stats(s.port)));
  const perRoom = Math.max(1, Math.round(CLIENTS / ROOMS));
  const creators = await inBatches(ROOMS, 20, async () => {
    const room = await new Client(`ws://127.0.0.1:${first.port}`).create('game', {
      scenarioId: 'opening-bid',
      side: 'us',
    });
    const bot = new Bot(room);
    while (!bot.welcome) await new Promise((r) => setTimeout(r, 5));
    return bot;
  });
  const joiners = await inBatches(ROOMS * (perRoom - 1), 20, async (i) => {
    const code = creators[i % ROOMS]!.welcome!.code;
    const side = i < ROOMS ? 'cn' : 'observer';
    const room = await new Client(`ws://127.0.0.1:${last.port}`).joinById(code, { side });
    return new Bot(room);
  });
  const bots = [...creators, ...joiners];
  const lag = monitorEventLoopDelay({ resolution: 10 });
  const playing = await Promise.all(servers.map((s) => stats(s.port))); // every seat taken: the moves begin
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  lag.enable();
  await new Promise((r) => setTimeout(r, SECONDS * 1000));
  for (const b of bots) b.stop();
  await new Promise((r) => setTimeout(r, 1500)); // the last answers and updates arrive
  const seconds = (performance.now() - t0) / 1000;
  const c1 = process.cpuUsage(c0);
  lag.disable();
  const after = await Promise.all(servers.map((s) => stats(s.port)));

  const accepted = bots.reduce((n, b) => n + b.accepted, 0);
  // lost: in each room, accepted moves (the highest count any seat saw) that a seat never saw
  let lost = 0;
  for (let r = 0; r < ROOMS; r++) {
    const inRoom = bots.filter((b) => b.welcome?.code === creators[r]!.welcome!.code);
    const total = Math.max(...inRoom.map((b) => b.update?.moveCount ?? 0));
    const acked = inRoom.reduce((n, b) => n + b.accepted, 0);
    lost += Math.max(0, acked - total) + inRoom.reduce((n, b) => n + (total - (b.update?.moveCount ?? 0)), 0);
  }
  const rtts = bots.flatMap((b) => b.rtts);
  const heap = after.reduce((n, s, i) => n + s.heapUsed - before[i]!.heapUsed, 0);
  // CPU while the games are played (not while the rooms were made and joined)
  const cpuMs = after.reduce(
    (n, s, i) => n + (s.cpu.user + s.cpu.system - playing[i]!.cpu.user - playing[i]!.cpu.system) / 1000,
    0,
  );
  const wall = after[0]!.at - playing[0]!.at;
  const clientCpuPercent = round((c1.user + c1.system) / 10 / (seconds * 1000));
  const clientLagP99Ms = round(lag.percentile(99) / 1e6);
  await Promise.all(bots.map((b) => b.room.leave(true).catch(() => 0)));
  return {
    p50Ms: round(pct(rtts, 50)),
    p95Ms: round(pct(rtts, 95)),
    p99Ms: round(pct(rtts, 99)),
    movesPerSecond: round(accepted / seconds),
    bytesPerRoom: Math.round(heap / ROOMS),
    lost,
    cpuPercent: round((100 * cpuMs) / wall / servers.length),
    serverCpuMsPerMove: Math.round((cpuMs / Math.max(1, accepted)) * 100) / 100,
    serverP50Ms: round(Math.max(...after.map((s) => s.moves.p50)) / 1000),
    serverP95Ms: round(Math.max(...after.map((s) => s.moves.p95)) / 1000),
    serverP99Ms: round(Math.max(...after.map((s) => s.moves.p99)) / 1000),
    clientCpuPercent,
    clientLagP99Ms,
    // one core is all a Node process has: near it, the round trips measure the clients as much as
    // the server
    clientSaturated: clientCpuPercent > 85,
    loadAverage: round(loadavg()[0]!),
    finished: creators.filter((b) => b.update?.state.round.phase === 'over').length,
    rooms: ROOMS,
    clients: bots.length,
    seconds: round(seconds),
  };
}

const round = (x: number) => Math.round(x * 10) / 10;

function print(title: string, r: Result) {
  process.stdout.write(
    `${title}: ${r.rooms} rooms, ${r.clients} clients, ${r.seconds} s\n` +
      `  move round trip: median ${r.p50Ms} ms, p95 ${r.p95Ms} ms, p99 ${r.p99Ms} ms\n` +
      `  of which inside the server (message in → answer out): median ${r.serverP50Ms} ms, p95 ${r.serverP95Ms} ms, p99 ${r.serverP99Ms} ms\n` +
      `  accepted moves a second: ${r.movesPerSecond} (games over by the end: ${r.finished} of ${r.rooms})\n` +
      `  server memory per room: ${(r.bytesPerRoom / 1024).toFixed(1)} KB (heap after minus before, after a collection)\n` +
      `  server CPU: ${r.cpuPercent}% of one core per process, ${r.serverCpuMsPerMove} ms per accepted move\n` +
      `  the clients' process: ${r.clientCpuPercent}% of one core${r.clientSaturated ? ' — SATURATED: the round trips measure the clients too' : ''}; its event loop late by up to ${r.clientLagP99Ms} ms (p99)${!r.clientSaturated && r.clientLagP99Ms > 20 ? ', waiting for a core: the machine is busy' : ''}\n` +
      `  load average (1 min) at the end: ${r.loadAverage} on ${availableParallelism()} cores\n` +
      `  lost (accepted moves a client never saw): ${r.lost}\n`,
  );
}

/** One class of CLASS games on one server: the dashboard's update delay as moves land. */
async function runClass(server: ServerProc) {
  const base = `http://127.0.0.1:${server.port}/class`;
  const post = async (path: string, body: unknown, key = true) => {
    const r = await fetch(`${base}/${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(key ? { 'x-instructor-key': CLASS_KEY } : {}) },
      body: JSON.stringify(body),
    });
    const a = (await r.json()) as { ok: boolean; reason?: string } & Record<string, unknown>;
    if (!a.ok) throw new Error(`${path}: ${a.reason}`);
    return a;
  };
  const made = await post('create', { scenarioId: 'opening-bid', capacity: 2 * CLASS });
  const code = String(made.code);
  const tokens: string[] = [];
  for (let i = 0; i < 2 * CLASS; i++)
    tokens.push(String((await post('join', { code, name: `Student ${i + 1}` }, false)).token));
  await post(`${code}/pair`, { teamSize: 1 });
  await post(`${code}/start`, {});
  const seen = new Map<string, number>(); // "room:moveCount" → when a seat first saw it
  const bots = await inBatches(tokens.length, 20, async (i) => {
    const me = (await (await fetch(`${base}/me/${code}?token=${tokens[i]}`)).json()) as {
      game: { code: string; seat: string };
    };
    const room = await new Client(`ws://127.0.0.1:${server.port}`).joinById(me.game.code, {
      token: me.game.seat,
    });
    const bot = new Bot(room);
    room.onMessage('update', (u: SeatUpdate) => {
      const k = `${me.game.code}:${u.moveCount}`;
      if (!seen.has(k)) seen.set(k, performance.now());
    });
    room.onMessage('clock', () => undefined);
    return bot;
  });
  const shown = new Map<string, number>(); // room → moves the dashboard has shown
  const delays: number[] = [];
  const answers: number[] = [];
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  while (performance.now() - t0 < SECONDS * 1000) {
    const asked = performance.now();
    const d = (await (
      await fetch(`${base}/${code}/dashboard`, { headers: { 'x-instructor-key': CLASS_KEY } })
    ).json()) as { rows: { code: string | null; moves: number }[] };
    const now = performance.now();
    answers.push(now - asked);
    for (const row of d.rows) {
      if (!row.code) continue;
      const from = shown.get(row.code) ?? 0;
      for (let m = from + 1; m <= row.moves; m++) {
        const t = seen.get(`${row.code}:${m}`);
        if (t !== undefined) delays.push(Math.max(0, now - t));
      }
      shown.set(row.code, Math.max(from, row.moves));
    }
    await new Promise((r) => setTimeout(r, Math.max(0, 100 - (performance.now() - asked))));
  }
  const seconds = (performance.now() - t0) / 1000;
  const c1 = process.cpuUsage(c0);
  for (const b of bots) b.stop();
  await Promise.all(bots.map((b) => b.room.leave(true).catch(() => 0)));
  return {
    games: CLASS,
    students: tokens.length,
    seconds: round(seconds),
    movesShown: delays.length,
    dashboardP50Ms: round(pct(delays, 50)),
    dashboardP95Ms: round(pct(delays, 95)),
    dashboardAnswerP95Ms: round(pct(answers, 95)),
    dashboards: answers.length,
    clientCpuPercent: round((c1.user + c1.system) / 10 / (seconds * 1000)),
  };
}

async function main() {
  if (CLASS) {
    const server = await startServer(BASE_PORT, {});
    const r = await runClass(server);
    await server.stop();
    process.stdout.write(
      `One class: ${r.games} games, ${r.students} students, ${r.seconds} s, ${r.movesShown} moves\n` +
        `  dashboard update delay (a move reaching its seats → the dashboard showing it): median ${r.dashboardP50Ms} ms, p95 ${r.dashboardP95Ms} ms\n` +
        `  dashboard answer time: p95 ${r.dashboardAnswerP95Ms} ms (${r.dashboards} answers; the page asks once a second)\n`,
    );
    if (JSON_OUT) process.stdout.write(`${JSON.stringify(r)}\n`);
    process.exit(0);
  }
  let single: Result | null = null;
  if (process.argv.includes('--redis-only'))
    process.stdout.write('The one-process run is skipped (--redis-only).\n');
  else {
    const one = await startServer(BASE_PORT, {});
    single = await run([one]);
    await one.stop();
    print('One process', single);
  }

  let redisResult: Result | null = null;
  if (process.argv.includes('--no-redis'))
    process.stdout.write('The scaled-out run is skipped (--no-redis).\n');
  else if (spawnSync('redis-server', ['--version']).status === 0) {
    const redis = spawn(
      'redis-server',
      ['--port', String(REDIS_PORT), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      {
        stdio: 'ignore',
      },
    );
    children.add(redis);
    await new Promise((r) => setTimeout(r, 500));
    const env = (port: number) => ({
      REDIS_URL: `redis://127.0.0.1:${REDIS_PORT}`,
      PUBLIC_ADDRESS: `127.0.0.1:${port}`,
    });
    const a = await startServer(BASE_PORT + 1, env(BASE_PORT + 1));
    const b = await startServer(BASE_PORT + 2, env(BASE_PORT + 2));
    redisResult = await run([a, b]);
    await Promise.all([a.stop(), b.stop()]);
    redis.kill('SIGTERM');
    print('Two processes and Redis', redisResult);
  } else process.stdout.write('redis-server is not installed: the scaled-out run is skipped.\n');

  if (JSON_OUT) process.stdout.write(`${JSON.stringify({ ...(single ?? {}), redis: redisResult })}\n`);
  process.exit(0);
}

main().catch((e: unknown) => {
  process.stderr.write(`bench:online failed: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
