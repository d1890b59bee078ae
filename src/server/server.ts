// The game server: one Node process that serves the production build and the game rooms on one
// port. With no configuration it needs no other service (Colyseus' local presence and driver, logs in
// a data folder); with a Redis address, several processes share presence, the room listing and the
// logs, so a client connected to one process joins a room held by another. On start it restores
// every game its logs hold that is not finished, so a server killed mid-game loses no accepted move.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';
import { matchMaker, Server } from '@colyseus/core';
import { RedisDriver } from '@colyseus/redis-driver';
import { RedisPresence } from '@colyseus/redis-presence';
import { WebSocketTransport } from '@colyseus/ws-transport';
import type { Scenario } from '../engine/index.ts';
import { GAME_ROOM, type OpenRoom, type RoomListing } from '../net/protocol.ts';
import { classRoute } from './class-http.ts';
import { ClassLogStore } from './class-log.ts';
import { Classes } from './class-room.ts';
import { isCode, makeToken } from './codes.ts';
import { FileLogStore, type LogStore, RedisLogStore } from './game-log.ts';
import { GameRoom } from './game-room.ts';
import { sendJson } from './http.ts';
import {
  DEFAULT_LIMITS,
  type Limits,
  moveTimes,
  type OperatorLog,
  setRoomServices,
  stderrLog,
} from './services.ts';
import { loadSigner } from './signing.ts';
import { verifyRoute } from './verify-http.ts';

export interface ServerConfig {
  readonly port: number; // 0: any free port
  readonly host: string;
  readonly scenarios: readonly { readonly scenario: Scenario; readonly hash: string }[];
  readonly dataDir: string; // the logs, without Redis
  readonly distDir: string | null; // the production build to serve, if any
  readonly redisUrl?: string | undefined;
  readonly publicAddress?: string | undefined; // how clients reach this very process, when scaled out
  readonly limits?: Partial<Limits>;
  readonly log?: OperatorLog;
  readonly stats?: boolean; // answer /online/stats (memory and CPU), for the benchmark
  readonly fsync?: boolean; // wait for the disk after each logged line (power-cut safe)
  readonly instructorKey?: string | undefined; // opens "Run a class" (made up when not given)
  readonly classTickMs?: number; // how often the class clocks are checked
  readonly signingKey?: string | undefined; // signs finished games (made and kept in dataDir when not given)
}

export interface RunningServer {
  readonly port: number;
  readonly store: LogStore;
  readonly restored: readonly string[]; // the codes of the games restored at start
  readonly instructorKey: string;
  readonly classes: Classes;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ico': 'image/x-icon',
  '.webmanifest': 'application/manifest+json',
  '.txt': 'text/plain; charset=utf-8',
};

/** Serves a file of the build (index.html for the root); false when there is none. */
async function serveStatic(dist: string, req: IncomingMessage, res: ServerResponse): Promise<boolean> {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  const path = decodeURIComponent((req.url ?? '/').split('?')[0] ?? '/');
  const rel = normalize(path === '/' ? '/index.html' : path).replace(/^(\.\.[/\\])+/, '');
  const file = join(dist, rel);
  if (!file.startsWith(dist)) return false;
  try {
    const s = await stat(file);
    if (!s.isFile()) return false;
    res.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'content-length': s.size,
      'cache-control': rel.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
    });
    if (req.method === 'HEAD') res.end();
    else createReadStream(file).pipe(res);
    return true;
  } catch {
    return false;
  }
}

/** Makes sure a live game's room is open somewhere (restoring it from its log here if not). */
async function ensureRoom(store: LogStore, code: string): Promise<'open' | 'none'> {
  const listed = await matchMaker.query({ roomId: code });
  if (listed.length > 0) return 'open';
  const live = await store.live();
  if (!live.includes(code)) return (await store.read(code)) ? 'open' : 'none';
  if (!(await store.claim(code))) return 'open';
  try {
    await matchMaker.createRoom(GAME_ROOM, { restore: code });
  } catch {
    // another process restored it first
  }
  return 'open';
}

/** What a student needs to pick a seat in the game `code` (open somewhere): its scenario, the free sides. */
async function openRoom(code: string, scenarios: ServerConfig['scenarios']): Promise<OpenRoom> {
  const listed = (await matchMaker.query({ roomId: code }))[0]?.metadata as Partial<RoomListing> | undefined;
  const id = listed?.scenarioId;
  const title = scenarios.find((s) => s.scenario.id === id)?.scenario.meta.title ?? '';
  // a finished game whose room is closed: its record only, no seat to take
  if (!listed) return { ok: true, scenario: title, free: [], over: true };
  return { ok: true, scenario: title, free: listed.free ?? [], over: listed.over ?? false };
}

/** Starts the server; resolves once it listens and every live game is restored. */
export async function startServer(config: ServerConfig): Promise<RunningServer> {
  const log = config.log ?? stderrLog;
  const owner = `${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  const store: LogStore = config.redisUrl
    ? new RedisLogStore(config.redisUrl, owner)
    : new FileLogStore(config.dataDir, config.fsync);
  const signer = await loadSigner(config.dataDir, config.signingKey);
  setRoomServices({
    signer,
    scenarios: new Map(config.scenarios.map((s) => [s.scenario.id, s.scenario])),
    hashes: new Map(config.scenarios.map((s) => [s.scenario.id, s.hash])),
    store,
    limits: { ...DEFAULT_LIMITS, ...config.limits },
    log,
  });
  const http = createServer();
  const transport = new WebSocketTransport({ server: http, maxPayload: 64 * 1024 });
  const gameServer = new Server({
    transport,
    greet: false,
    gracefullyShutdown: false,
    ...(config.publicAddress ? { publicAddress: config.publicAddress } : {}),
    ...(config.redisUrl
      ? { presence: new RedisPresence(config.redisUrl), driver: new RedisDriver(config.redisUrl) }
      : {}),
  });
  gameServer.define(GAME_ROOM, GameRoom);
  await gameServer.listen(config.port, config.host);

  // Colyseus answers its own routes (matchmaking, health); everything else is the build.
  const colyseus = http.listeners('request') as ((req: IncomingMessage, res: ServerResponse) => void)[];
  http.removeAllListeners('request');
  const dist = config.distDir ? resolve(config.distDir) : null;
  const instructorKey = config.instructorKey ?? makeToken();
  const classes = new Classes({
    store: new ClassLogStore(config.dataDir),
    games: store,
    scenarios: new Map(config.scenarios.map((s) => [s.scenario.id, s.scenario])),
    hashes: new Map(config.scenarios.map((s) => [s.scenario.id, s.hash])),
    ...(config.classTickMs ? { tickMs: config.classTickMs } : {}),
  });
  http.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const url = req.url ?? '/';
    if (classRoute(classes, instructorKey, req, res)) return;
    if (verifyRoute(signer, req, res)) return;
    if (url.startsWith('/matchmake') || url.startsWith('/__healthcheck')) {
      for (const l of colyseus) l(req, res);
      return;
    }
    const open = /^\/online\/open\/([A-Z0-9]{1,12})$/.exec(url.split('?')[0] ?? '');
    if (open && req.method === 'GET') {
      const code = open[1] ?? '';
      if (!isCode(code)) return sendJson(res, 404, { ok: false, reason: `${code} is not a room code.` });
      ensureRoom(store, code)
        .then((r) => (r === 'open' ? openRoom(code, config.scenarios) : null))
        .then(
          (r) => sendJson(res, r ? 200 : 404, r ?? { ok: false, reason: `No game has the code ${code}.` }),
          () => sendJson(res, 500, { ok: false, reason: 'The server could not open that game.' }),
        );
      return;
    }
    if (config.stats && url === '/online/stats') {
      const gc = (globalThis as { gc?: () => void }).gc;
      gc?.();
      const m = process.memoryUsage();
      // the moves' times inside the server since the last ask (µs), then the count starts again
      const t = moveTimes;
      const moves = { count: t.count, p50: t.percentile(50), p95: t.percentile(95), p99: t.percentile(99) };
      t.reset();
      return sendJson(res, 200, {
        heapUsed: m.heapUsed,
        rss: m.rss,
        cpu: process.cpuUsage(),
        at: Date.now(),
        moves,
      });
    }
    if (url === '/online/scenarios') {
      return sendJson(
        res,
        200,
        config.scenarios.map((s) => ({ id: s.scenario.id, title: s.scenario.meta.title, hash: s.hash })),
      );
    }
    if (!dist) {
      res.writeHead(404).end();
      return;
    }
    serveStatic(dist, req, res).then(
      (done) => {
        if (!done) res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
      },
      () => res.writeHead(500).end(),
    );
  });

  const restored: string[] = [];
  for (const code of await store.live()) {
    try {
      if ((await ensureRoom(store, code)) === 'open') restored.push(code);
    } catch (e) {
      log.warn('restore-failed', { code, error: String(e).slice(0, 200) });
    }
  }
  await classes.restore();
  const port = (http.address() as AddressInfo).port;
  log.info('listening', {
    port,
    host: config.host,
    restored: restored.length,
    redis: Boolean(config.redisUrl),
  });

  return {
    port,
    store,
    restored,
    instructorKey,
    classes,
    async close() {
      classes.close();
      await gameServer.gracefullyShutdown(false);
      await store.close();
      http.closeAllConnections();
      await new Promise<void>((r) => http.close(() => r()));
    },
  };
}
