// Scale-out: two game-server processes — this test's own and a child — share one real redis-server
// (started here on a loopback port and stopped after). A game created on the child process is joined
// through this one, both laptops play on it, and its log is in Redis, one line per accepted move
// after its header.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server/server.ts';
import { Seat, spawnServer, startTestServer, tempDir } from './helpers.ts';

const REDIS_PORT = 26711;
const PORTS = [25721, 25722] as const;
const REDIS_URL = `redis://127.0.0.1:${REDIS_PORT}`;
let redis: ChildProcess | null = null;
const stops: (() => Promise<void>)[] = [];
let local: RunningServer | null = null;

beforeAll(async () => {
  const found = spawnSync('redis-server', ['--version']);
  if (found.status !== 0) throw new Error('redis-server is not installed (apt-get install -y redis-server)');
  redis = spawn(
    'redis-server',
    ['--port', String(REDIS_PORT), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    {
      stdio: 'ignore',
    },
  );
  for (let i = 0; ; i++) {
    const probe = new Redis(REDIS_URL, { lazyConnect: true, retryStrategy: () => null });
    probe.on('error', () => undefined);
    try {
      await probe.connect();
      await probe.ping();
      probe.disconnect();
      break;
    } catch (e) {
      probe.disconnect();
      if (i > 50) throw e;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
});

afterAll(async () => {
  await Promise.all(stops.map((s) => s()));
  await local?.close();
  if (redis) {
    const r = redis;
    await new Promise<void>((res) => {
      r.once('exit', () => res());
      r.kill('SIGTERM');
    });
  }
});

it('a client on one process joins a room held by another, through Redis', async () => {
  const [pa, pb] = PORTS;
  const [a, b] = await Promise.all([
    spawnServer(['--port', String(pa), '--data', tempDir('redis')], {
      REDIS_URL,
      PUBLIC_ADDRESS: `127.0.0.1:${pa}`,
    }),
    startTestServer({ port: pb, redisUrl: REDIS_URL, publicAddress: `127.0.0.1:${pb}` }),
  ]);
  stops.push(a.stop);
  local = b;
  const us = await Seat.create(a.port, { scenarioId: 'opening-bid', side: 'us', name: 'Ana' });
  const code = us.welcome!.code;
  // the other laptop knows only process B's address
  const open = await fetch(`http://127.0.0.1:${b.port}/online/open/${code}`);
  expect(open.status).toBe(200);
  const cn = await Seat.join(b.port, code, { side: 'cn', name: 'Bo' });
  expect(cn.welcome!.code).toBe(code);
  await us.until(() => us.update?.seats.cn.members[0]?.name === 'Bo');

  const opener = us.update!.state.round.talks.toMove === 'us' ? us : cn;
  const answerer = opener === us ? cn : us;
  expect(await opener.move({ type: 'pass', side: opener.side })).toBeNull();
  expect(await answerer.move({ type: 'pass', side: answerer.side })).toBeNull();
  await Promise.all([us.untilMoves(2), cn.untilMoves(2)]);
  expect(cn.update!.state.round.phase).toBe('orders');

  const client = new Redis(REDIS_URL);
  const lines = await client.lrange(`upper-hand:log:${code}`, 0, -1);
  const live = await client.smembers('upper-hand:live');
  client.disconnect();
  expect(JSON.parse(lines[0]!).room.code).toBe(code);
  const moves = lines
    .slice(1)
    .map((l) => JSON.parse(l))
    .filter((x) => typeof x.type === 'string');
  expect(moves.map((m) => m.type)).toEqual(['pass', 'pass']);
  expect(live).toContain(code);
  await Promise.all([us.leave(), cn.leave()]);
});
