// What every game room of a server process shares: the scenarios it offers, where logs are kept,
// the limits on what a client may send, and the operator's log. Colyseus builds rooms itself (and,
// scaled out, on whichever process it chooses), so a room finds these here rather than in its options.
import { createHistogram } from 'node:perf_hooks';
import type { Scenario } from '../engine/index.ts';
import type { LogStore } from './game-log.ts';
import type { Signer } from './signing.ts';

export interface Limits {
  readonly burst: number; // messages a client may send at once
  readonly perSecond: number; // and then this many a second
  readonly hardPerSecond: number; // past this many a second, Colyseus closes the connection
  readonly aiDelayMs: number; // how long the computer waits before each of its moves
}

export const DEFAULT_LIMITS: Limits = { burst: 20, perSecond: 10, hardPerSecond: 200, aiDelayMs: 600 };

export interface OperatorLog {
  info(event: string, data?: Record<string, unknown>): void;
  warn(event: string, data?: Record<string, unknown>): void;
}

/** One line of JSON per event on stderr: what an operator greps. */
export const stderrLog: OperatorLog = {
  info: (event, data) =>
    process.stderr.write(`${JSON.stringify({ t: new Date().toISOString(), event, ...data })}\n`),
  warn: (event, data) =>
    process.stderr.write(
      `${JSON.stringify({ t: new Date().toISOString(), level: 'warn', event, ...data })}\n`,
    ),
};

export const quietLog: OperatorLog = { info: () => undefined, warn: () => undefined };

export interface RoomServices {
  readonly scenarios: ReadonlyMap<string, Scenario>; // by id
  readonly hashes: ReadonlyMap<string, string>; // scenario id → content hash
  readonly store: LogStore;
  readonly limits: Limits;
  readonly log: OperatorLog;
  readonly signer: Signer; // signs each finished game's record
}

let current: RoomServices | null = null;

export function setRoomServices(s: RoomServices) {
  current = s;
}

export function roomServices(): RoomServices {
  if (!current) throw new Error('the game server is not configured');
  return current;
}

/**
 * How long each move took inside this process, from its message arriving to its answer (its update or
 * the refusal) handed to the socket — the room's queue, the reducer, the log and every seat's update
 * included; in microseconds. The benchmark reads it from /online/stats, to tell the server's share
 * of a round trip from the clients' and the network's.
 */
export const moveTimes = createHistogram();
