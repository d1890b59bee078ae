// The durable log of each online game: the game file's own format, one JSON value a line — a header
// (the game file's fields: scenario id and hash, seed, setup; and the room's: code, team keys, grace
// period), then one line per accepted move, and a line per seat given (its token) or handed to the
// computer. A room appends a move here before it tells anyone of it, so a server killed at any
// moment restarts with every accepted move. One file per game in a data folder (live games in
// `live/`, finished ones moved to `done/`), or one Redis list per game when the server is scaled out.

import { closeSync, fdatasync, openSync, writeSync } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { mkdir, open, readdir, readFile, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import type { BySide, GameRecord, Move, Setup, Side } from '../engine/index.ts';
import { isSetup } from '../engine/index.ts';

export const LOG_FORMAT = 'upper-hand-game';
export const LOG_VERSION = 1;

export interface LogHeader {
  readonly format: typeof LOG_FORMAT;
  readonly version: typeof LOG_VERSION;
  readonly scenarioId: string;
  readonly scenarioHash: string;
  readonly seed: string;
  readonly setup: Setup;
  readonly room: {
    readonly code: string;
    readonly teams: BySide<string>; // each side's team key
    readonly graceMinutes: number;
    readonly created: string; // ISO time, for the operator only
  };
}

export interface SeatLine {
  readonly seat: { readonly token: string; readonly side: Side | 'observer'; readonly name: string };
}
export interface HandoverLine {
  readonly handover: { readonly side: Side; readonly level: number | null }; // null: back to its team
}
export type LogLine = Move | SeatLine | HandoverLine;

/** A game read back from its log. */
export interface LoggedGame {
  readonly header: LogHeader;
  readonly moves: Move[];
  readonly seats: SeatLine['seat'][];
  readonly handovers: BySide<number | null>;
}

const isObj = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);

/** Parses a log's lines; a torn last line (a write cut short) is dropped, anything else damaged is an error. */
export function parseLog(lines: readonly string[]): LoggedGame | { reason: string } {
  const values: unknown[] = [];
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i]!.trim();
    if (!text) continue;
    try {
      values.push(JSON.parse(text));
    } catch {
      if (i === lines.length - 1) break;
      return { reason: `line ${i + 1} is not JSON` };
    }
  }
  const [header, ...rest] = values;
  if (!isObj(header) || header.format !== LOG_FORMAT || !isObj(header.room) || !isSetup(header.setup))
    return { reason: 'its header is missing or damaged' };
  const moves: Move[] = [];
  const seats: SeatLine['seat'][] = [];
  const handovers: BySide<number | null> = { us: null, cn: null };
  for (const v of rest) {
    if (!isObj(v)) return { reason: 'a line holds no object' };
    if (typeof v.type === 'string') moves.push(v as unknown as Move);
    else if (isObj(v.seat)) seats.push(v.seat as unknown as SeatLine['seat']);
    else if (isObj(v.handover)) {
      const h = v.handover as unknown as HandoverLine['handover'];
      handovers[h.side] = h.level;
    }
  }
  return { header: header as unknown as LogHeader, moves, seats, handovers };
}

/** The game file's record of a logged game. */
export function recordOfLog(g: Pick<LoggedGame, 'header' | 'moves'>): GameRecord {
  const { scenarioId, scenarioHash, seed, setup } = g.header;
  return { scenarioId, scenarioHash, seed, setup, moves: g.moves };
}

/** Where logs are kept. */
export interface LogStore {
  /** Starts a log; false when the code is taken. */
  create(code: string, header: LogHeader): Promise<boolean>;
  /** Appends one line; resolves once it is written. */
  append(code: string, line: LogLine): Promise<void>;
  read(code: string): Promise<string[] | null>;
  /** The codes of games not yet finished. */
  live(): Promise<string[]>;
  /** The game is over: its log leaves the live list (it is kept). */
  finish(code: string): Promise<void>;
  /** Claims a live game to restore it in this process (false: another process has it). */
  claim(code: string): Promise<boolean>;
  close(): Promise<void>;
}

/**
 * One file per game: `live/CODE.jsonl` while it is played, `done/CODE.jsonl` after. A line is written
 * (handed to the operating system, which keeps it whatever becomes of this process) before the
 * room tells anyone of the move; with `fsync`, the room also waits for the disk, so that a power
 * cut loses nothing either, at the cost of a disk flush per move.
 *
 * The line is written synchronously to the game's open file: a write into the page cache takes
 * microseconds, far less than handing it to the thread pool and waking up again when it is done
 * (which, on a busy machine, is a second wait for the scheduler in every move's round trip).
 */
export class FileLogStore implements LogStore {
  readonly #dir: string;
  readonly #fsync: boolean;
  readonly #open = new Map<string, number>(); // live games' files, open for appending
  #ready: Promise<unknown> | null = null;

  constructor(dir: string, fsync = false) {
    this.#dir = dir;
    this.#fsync = fsync;
  }

  #paths(code: string) {
    return { live: join(this.#dir, 'live', `${code}.jsonl`), done: join(this.#dir, 'done', `${code}.jsonl`) };
  }

  #mkdirs() {
    this.#ready ??= Promise.all([
      mkdir(join(this.#dir, 'live'), { recursive: true }),
      mkdir(join(this.#dir, 'done'), { recursive: true }),
    ]);
    return this.#ready;
  }

  #fd(code: string): number {
    let fd = this.#open.get(code);
    if (fd === undefined) {
      fd = openSync(this.#paths(code).live, 'a');
      this.#open.set(code, fd);
    }
    return fd;
  }

  async create(code: string, header: LogHeader) {
    await this.#mkdirs();
    const p = this.#paths(code);
    if ((await this.read(code)) !== null) return false;
    let h: FileHandle;
    try {
      h = await open(p.live, 'wx');
    } catch {
      return false;
    }
    await h.writeFile(`${JSON.stringify(header)}\n`);
    await h.datasync();
    await h.close();
    return true;
  }

  async append(code: string, line: LogLine) {
    const fd = this.#fd(code);
    const bytes = Buffer.from(`${JSON.stringify(line)}\n`);
    for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at);
    if (this.#fsync) await new Promise<void>((res, rej) => fdatasync(fd, (e) => (e ? rej(e) : res())));
  }

  async read(code: string) {
    const p = this.#paths(code);
    for (const path of [p.live, p.done]) {
      try {
        return (await readFile(path, 'utf8')).split('\n');
      } catch {
        // not there: the other folder
      }
    }
    return null;
  }

  async live() {
    await this.#mkdirs();
    const names = await readdir(join(this.#dir, 'live'));
    return names.filter((n) => n.endsWith('.jsonl')).map((n) => n.slice(0, -'.jsonl'.length));
  }

  async finish(code: string) {
    const fd = this.#open.get(code);
    this.#open.delete(code);
    if (fd !== undefined) closeSync(fd);
    const p = this.#paths(code);
    await rename(p.live, p.done).catch(() => undefined);
  }

  async claim() {
    return true;
  }

  async close() {
    for (const fd of this.#open.values())
      try {
        closeSync(fd);
      } catch {
        // already closed
      }
    this.#open.clear();
  }
}

/** One Redis list per game (`upper-hand:log:CODE`), and the set of live codes. */
export class RedisLogStore implements LogStore {
  readonly #redis: Redis;
  readonly #owner: string;

  constructor(url: string, owner: string) {
    // commands issued in one turn of the event loop (a backlog of moves handled after a wait for a
    // core) travel in one write, and come back in one
    this.#redis = new Redis(url, { lazyConnect: false, maxRetriesPerRequest: 3, enableAutoPipelining: true });
    this.#owner = owner;
  }

  async create(code: string, header: LogHeader) {
    const key = `upper-hand:log:${code}`;
    // the code is taken atomically: two processes never start two games under one code
    if ((await this.#redis.set(`upper-hand:code:${code}`, this.#owner, 'NX')) !== 'OK') return false;
    await this.#redis.multi().rpush(key, JSON.stringify(header)).sadd('upper-hand:live', code).exec();
    return true;
  }

  async append(code: string, line: LogLine) {
    await this.#redis.rpush(`upper-hand:log:${code}`, JSON.stringify(line));
  }

  async read(code: string) {
    const lines = await this.#redis.lrange(`upper-hand:log:${code}`, 0, -1);
    return lines.length ? lines : null;
  }

  live() {
    return this.#redis.smembers('upper-hand:live');
  }

  async finish(code: string) {
    await this.#redis.srem('upper-hand:live', code);
  }

  async claim(code: string) {
    const r = await this.#redis.set(`upper-hand:claim:${code}`, this.#owner, 'EX', 60, 'NX');
    return r === 'OK';
  }

  async close() {
    await this.#redis.quit().catch(() => undefined);
  }
}

/** Reads the header's fields back out of a log's first line (for listing). */
export async function readLogged(store: LogStore, code: string): Promise<LoggedGame | { reason: string }> {
  const lines = await store.read(code);
  if (!lines) return { reason: `no game has the code ${code}` };
  return parseLog(lines);
}
