// The online client's store: one connection to a game room and what the room last said — the seat,
// the public scenario and this seat's private parts (once), then the engine's view after each change,
// the seats' status, the team's shared draft, refusals with the engine's reasons, and the game file at
// the end. It never runs the reducer: moves go to the room, and the screen renders what comes back.
// The seat token is kept in sessionStorage (the tab), so a reload takes the same seat back; nothing
// here needs a secure context (no Web Crypto, no Web Locks), so plain http on a school network works.
import { Client, type Room } from '@colyseus/sdk';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { GameRecord, Move, Order, Scenario, Side } from '../engine/index.ts';
import type { GameSignature } from '../net/game-signature.ts';
import type { Finished, OpenRoom, Refused, SeatUpdate, Welcome } from '../net/protocol.ts';

export type OnlineStatus = 'idle' | 'connecting' | 'connected' | 'reconnecting' | 'closed';

export interface OnlineState {
  readonly status: OnlineStatus;
  readonly welcome: Welcome | null;
  readonly update: SeatUpdate | null;
  readonly refusal: string | null; // the last refusal's reason, until the next accepted change
  readonly error: string | null; // a failed create or join
  readonly finished: GameRecord | null;
  readonly signature: GameSignature | null; // the server's, of the finished record
}

export type OnlineStore = StoreApi<OnlineState>;

/**
 * A class game's clock as the class last told it: the phase, when it runs out (this page's own
 * time, from the milliseconds left), whether the class is paused, and the last announcement ("One
 * minute left for the talks.", "Time ran out…"). Games outside a class never hear of it.
 */
export interface ClassClock {
  readonly phase: string | null;
  readonly endsAt: number | null;
  readonly leftMs: number | null; // while paused
  readonly paused: boolean;
  readonly classCode: string | null; // the class's code (a briefing's ready mark is sent with it)
  readonly notice: { readonly kind: string; readonly text: string; readonly at: number } | null;
}

export const classClock: StoreApi<ClassClock> = createStore<ClassClock>()(() => ({
  phase: null,
  endsAt: null,
  leftMs: null,
  paused: false,
  classCode: null,
  notice: null,
}));

interface ClockMessage {
  kind?: unknown;
  text?: unknown;
  phase?: unknown;
  leftMs?: unknown;
  paused?: unknown;
  class?: unknown;
}

/** One clock message from the class, into `classClock`. */
export function hearClock(m: ClockMessage, now = Date.now()) {
  const left = typeof m.leftMs === 'number' && Number.isFinite(m.leftMs) ? Math.max(0, m.leftMs) : null;
  if (typeof m.class === 'string') classClock.setState({ classCode: m.class.slice(0, 12) });
  if (m.kind === 'clock') {
    const paused = m.paused === true;
    classClock.setState({
      phase: typeof m.phase === 'string' ? m.phase : null,
      endsAt: !paused && left !== null ? now + left : null,
      leftMs: paused ? left : null,
      paused,
    });
    return;
  }
  if (typeof m.text !== 'string' || typeof m.kind !== 'string') return;
  const text = m.text.slice(0, 300);
  if (m.kind === 'expired' || m.kind === 'ended') classClock.setState({ endsAt: null, leftMs: null });
  if (m.kind === 'paused') {
    const s = classClock.getState();
    classClock.setState({ paused: true, leftMs: s.endsAt === null ? null : Math.max(0, s.endsAt - now) });
  }
  if (m.kind === 'resumed') classClock.setState({ paused: false });
  if (m.kind === 'briefing')
    classClock.setState({
      phase: 'briefing',
      endsAt: left === null ? null : now + left,
      leftMs: null,
      paused: false,
    });
  if (m.kind === 'briefed') classClock.setState({ phase: null, endsAt: null, leftMs: null });
  classClock.setState({ notice: { kind: m.kind, text, at: now } });
}

const TOKEN_KEY = 'upper-hand:online-seat:';
const GAME_ROOM = 'game';

/** The server's address: the page's own host, over ws: or wss: as the page is http: or https:. */
export const serverEndpoint = () => `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}`;

/** Reads a room code as typed: upper case, no spaces or dashes. */
export const normaliseCode = (text: string) => text.toUpperCase().replace(/[^A-Z0-9]/g, '');

export function makeOnlineStore(): OnlineStore {
  return createStore<OnlineState>()(() => ({
    status: 'idle',
    welcome: null,
    update: null,
    refusal: null,
    error: null,
    finished: null,
    signature: null,
  }));
}

export interface OnlineConnection {
  readonly store: OnlineStore;
  send(move: Move): void;
  draft(orders: readonly Order[]): void;
  handover(side: Side, level: number): void;
  leave(): Promise<void>;
}

function tokenStore(): Storage | null {
  try {
    return sessionStorage;
  } catch {
    return null;
  }
}

export const savedToken = (code: string) => tokenStore()?.getItem(TOKEN_KEY + code) ?? null;

function connect(store: OnlineStore, room: Room): OnlineConnection {
  store.setState({ status: 'connected', error: null });
  room.onMessage('welcome', (w: Welcome) => {
    tokenStore()?.setItem(TOKEN_KEY + w.code, w.token);
    store.setState({ welcome: w });
  });
  room.onMessage('update', (u: SeatUpdate) => {
    const before = store.getState().update;
    const changed = !before || before.moveCount !== u.moveCount;
    store.setState(changed ? { update: u, refusal: null } : { update: u });
  });
  room.onMessage('refused', (r: Refused) => store.setState({ refusal: r.reason }));
  room.onMessage('clock', (m: ClockMessage) => hearClock(m));
  room.onMessage('finished', (f: Finished) => store.setState({ finished: f.record, signature: f.signature }));
  room.onDrop(() => store.setState({ status: 'reconnecting' }));
  room.onReconnect(() => store.setState({ status: 'connected' }));
  room.onLeave(() => store.setState({ status: 'closed' }));
  return {
    store,
    send: (move) => room.send('move', { move }),
    draft: (orders) => room.send('draft', { orders }),
    handover: (side, level) => room.send('handover', { side, level }),
    leave: async () => {
      await room.leave(true).catch(() => 0);
    },
  };
}

const reasonOf = (e: unknown) => {
  const m = e instanceof Error ? e.message : String(e);
  return m || 'the server could not be reached';
};

export interface CreateRequest {
  readonly scenarioId: string;
  readonly side: Side | 'observer';
  readonly name: string;
  readonly leverage: 'live' | 'own' | 'after';
  readonly graceMinutes: number;
}

/** Creates a game on the server this page came from, taking the chosen seat. */
export async function createOnlineGame(
  store: OnlineStore,
  req: CreateRequest,
): Promise<OnlineConnection | null> {
  store.setState({ status: 'connecting', error: null });
  try {
    const room = await new Client(serverEndpoint()).create(GAME_ROOM, { ...req, randomEvents: true });
    return connect(store, room);
  } catch (e) {
    store.setState({ status: 'idle', error: reasonOf(e) });
    return null;
  }
}

export interface JoinRequest {
  readonly code: string;
  readonly side?: Side | 'observer';
  readonly team?: string;
  readonly name?: string;
}

/** The game with this code as a student about to join sees it: its scenario and the sides still free. */
export async function lookUpRoom(
  text: string,
): Promise<OpenRoom | { readonly ok: false; readonly reason: string }> {
  const code = normaliseCode(text);
  try {
    const r = await fetch(`/online/open/${code}`);
    const body = (await r.json().catch(() => null)) as (OpenRoom | { reason?: string }) | null;
    if (r.ok && body && 'free' in body) return body;
    return {
      ok: false,
      reason: (body && 'reason' in body && body.reason) || `No game has the code ${code}.`,
    };
  } catch {
    return { ok: false, reason: 'The server could not be reached.' };
  }
}

/** Joins a game by its code: with this tab's seat token if it has one, else taking the side asked for. */
export async function joinOnlineGame(store: OnlineStore, req: JoinRequest): Promise<OnlineConnection | null> {
  const code = normaliseCode(req.code);
  store.setState({ status: 'connecting', error: null });
  try {
    const open = await fetch(`/online/open/${code}`);
    if (!open.ok) {
      const body = (await open.json().catch(() => null)) as { reason?: string } | null;
      throw new Error(body?.reason ?? `No game has the code ${code}.`);
    }
    const token = savedToken(code);
    const options = token
      ? { token }
      : {
          ...(req.side ? { side: req.side } : {}),
          ...(req.team ? { team: req.team } : {}),
          ...(req.name ? { name: req.name } : {}),
        };
    const room = await new Client(serverEndpoint()).joinById(code, options);
    return connect(store, room);
  } catch (e) {
    store.setState({ status: 'idle', error: reasonOf(e) });
    return null;
  }
}

/** The scenarios the server offers. */
export async function onlineScenarios(): Promise<{ id: string; title: string }[] | null> {
  try {
    const r = await fetch('/online/scenarios');
    if (!r.ok) return null;
    return (await r.json()) as { id: string; title: string }[];
  } catch {
    return null;
  }
}

/** The scenario as this seat knows it: the public parts, and its own private parts only. */
export function seatScenario(w: Welcome): Scenario {
  const none = { text: '', sources: [] };
  const briefing = w.mine.briefing ?? none;
  return {
    ...w.scenario,
    objectives: w.mine.objectives,
    redLines: w.mine.redLines,
    profiles: w.mine.profiles,
    briefings: { us: briefing, cn: briefing },
  } as Scenario;
}
