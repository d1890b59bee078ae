// Test helpers for the game server: a server in this process on a free loopback port, a server as a
// child process (to kill it), and seats — SDK clients that keep every message their room sends.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Client, type Room } from '@colyseus/sdk';
import type { Move, Side } from '../../src/engine/index.ts';
import type { Finished, Refused, SeatUpdate, Welcome } from '../../src/net/protocol.ts';
import { type RunningServer, startServer } from '../../src/server/server.ts';
import { type Limits, quietLog } from '../../src/server/services.ts';
import { loadScenarioFile, shippedDir } from '../../tools/scenario-files.ts';

export const root = resolve(import.meta.dirname, '../..');
/** A fresh folder for a test's files, inside the run's own (tests/temp-folder.ts), which the run's end removes. */
export const tempDir = (name: string) =>
  mkdtempSync(join(process.env.UPPER_HAND_TEST_TMP ?? tmpdir(), `${name}-`));

let scenarios: ReturnType<typeof loadScenarioFile>[] | null = null;
export function testScenarios() {
  scenarios ??= [loadScenarioFile(join(shippedDir, 'opening-bid.yaml'))];
  return scenarios;
}

export interface TestServerOptions {
  readonly limits?: Partial<Limits>;
  readonly dataDir?: string;
  readonly port?: number;
  readonly redisUrl?: string;
  readonly publicAddress?: string;
}

/** A game server in this process (one per test file: Colyseus' matchmaker is one per process). */
export function startTestServer(o: TestServerOptions = {}): Promise<RunningServer> {
  return startServer({
    port: o.port ?? 0,
    host: '127.0.0.1',
    scenarios: testScenarios(),
    dataDir: o.dataDir ?? tempDir('data'),
    distDir: null,
    redisUrl: o.redisUrl,
    publicAddress: o.publicAddress,
    limits: { aiDelayMs: 20, ...o.limits },
    log: quietLog,
  });
}

export interface Received {
  readonly type: string;
  readonly payload: unknown;
  readonly raw: string;
}

/** A seat at an online game, as a laptop holds it: its room, and every message received. */
export class Seat {
  readonly received: Received[] = [];
  welcome: Welcome | null = null;
  update: SeatUpdate | null = null;
  refusals: Refused[] = [];
  finished: Finished | null = null;
  #waiters: (() => void)[] = [];

  constructor(readonly room: Room) {
    room.onMessage('*', (type: string | number, payload: unknown) => {
      this.received.push({ type: String(type), payload, raw: JSON.stringify(payload) });
      if (type === 'welcome') this.welcome = payload as Welcome;
      if (type === 'update') this.update = payload as SeatUpdate;
      if (type === 'refused') this.refusals.push(payload as Refused);
      if (type === 'finished') this.finished = payload as Finished;
      for (const w of this.#waiters.splice(0)) w();
    });
  }

  static async create(port: number, options: Record<string, unknown>) {
    const room = await new Client(`ws://127.0.0.1:${port}`).create('game', options);
    const s = new Seat(room);
    await s.until(() => s.welcome !== null && s.update !== null);
    return s;
  }

  static async join(port: number, code: string, options: Record<string, unknown>) {
    const room = await new Client(`ws://127.0.0.1:${port}`).joinById(code, options);
    const s = new Seat(room);
    await s.until(() => s.welcome !== null && s.update !== null);
    return s;
  }

  get side(): Side {
    const seat = this.welcome?.seat;
    if (seat !== 'us' && seat !== 'cn') throw new Error('this seat is an observer');
    return seat;
  }

  /** Resolves once the condition holds (checked after each message); fails after `ms`. */
  until(cond: () => boolean, ms = 15_000): Promise<void> {
    if (cond()) return Promise.resolve();
    return new Promise((res, rej) => {
      // checked after each message, and every few milliseconds for conditions on other seats
      const poll = setInterval(() => check(), 10);
      const timer = setTimeout(() => {
        clearInterval(poll);
        const u = this.update;
        const where = u
          ? `turn ${u.state.round.turn}, ${u.state.round.phase}, ${u.moveCount} moves`
          : 'no update';
        const last = this.refusals.at(-1)?.reason ?? 'none';
        rej(
          new Error(
            `timed out waiting for the room (${this.welcome?.seat}: ${where}; last refusal: ${last})`,
          ),
        );
      }, ms);
      let done = false;
      const check = () => {
        if (done) return;
        if (cond()) {
          done = true;
          clearTimeout(timer);
          clearInterval(poll);
          res();
        } else this.#waiters.push(check);
      };
      this.#waiters.push(check);
    });
  }

  /** Sends a move; resolves with the refusal, or null once the room has accepted it. */
  async move(move: Move): Promise<Refused | null> {
    const seq = Math.floor(Math.random() * 1e9);
    const before = this.received.length;
    this.room.send('move', { move, seq });
    // the answer: the update that carries the seq (accepted), or the refusal that does
    const answers = (r: { type: string; payload: unknown }) =>
      (r.type === 'update' || r.type === 'refused') && (r.payload as { seq?: number }).seq === seq;
    await this.until(() => this.received.slice(before).some(answers));
    const hit = this.received.slice(before).find(answers);
    return hit?.type === 'refused' ? (hit.payload as Refused) : null;
  }

  /** Waits for the update that follows the move count. */
  untilMoves(n: number) {
    return this.until(() => (this.update?.moveCount ?? 0) >= n);
  }

  leave() {
    return this.room.leave(true).catch(() => 0);
  }
}

/** A simple human stand-in: passes the talks, answers any proposal by rejecting, orders the first choice or nothing. */
export function plainMove(seat: Seat, i = 0): Move | null {
  const u = seat.update;
  if (!u) return null;
  const s = u.state;
  const side = seat.side;
  if (s.round.phase === 'over') return null;
  if (s.round.phase === 'talks') {
    if (s.round.talks.toMove !== side) return null;
    if (s.round.talks.open) return { type: 'reject', side, reason: 'too-little' };
    if (i % 3 === 1 && u.proposals[0] && s.round.talks.made[side] === 0)
      return { type: 'propose', side, clauses: u.proposals[0] as never };
    return { type: 'pass', side };
  }
  if (s.round.drafts.submitted[side]) return null;
  const pick = u.choices[i % Math.max(1, u.choices.length)];
  return { type: 'orders', side, orders: pick && i % 2 === 0 ? [pick] : [] };
}

/** Plays both seats to the end (or `maxMoves`), each moving when the game waits on it. */
export async function playOut(a: Seat, b: Seat, maxMoves = 400) {
  for (let i = 0; i < maxMoves; i++) {
    if (a.update?.state.round.phase === 'over' && b.update?.state.round.phase === 'over') return;
    let moved = false;
    for (const s of [a, b]) {
      const m = plainMove(s, i);
      if (!m) continue;
      const r = await s.move(m);
      if (r && r.code !== 'ALREADY_SUBMITTED') throw new Error(`refused: ${r.reason}`);
      moved = true;
      const n = s.update?.moveCount ?? 0;
      await Promise.all([a.untilMoves(n), b.untilMoves(n)]);
    }
    if (!moved) await Promise.all([a.until(() => true), new Promise((r) => setTimeout(r, 20))]);
  }
}

export { spawnServer } from './spawn.ts';
