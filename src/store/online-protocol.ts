// What a game room sends the browser, as the online client reads it. The server declares the same
// shapes beside its schemas (src/server/protocol.ts); the browser may not import the server, so the
// types are written here too, and a type check in the server's tests keeps the two the same.
import type { BySide, Clause, GameRecord, Order, Side, View } from '../engine';

export type SeatName = Side | 'observer';

export interface Welcome {
  readonly code: string;
  readonly token: string; // keep it in the tab: it takes this seat back after a reload
  readonly seat: SeatName;
  readonly name: string;
  readonly team: string | null; // the side's team key: a teammate's link carries it
  readonly scenarioHash: string;
  readonly graceMinutes: number;
  readonly scenario: View['scenario']; // the public scenario, sent once
  readonly mine: View['mine']; // the seat's private parts (empty for an observer)
}

export interface SideStatus {
  readonly members: readonly { readonly name: string; readonly connected: boolean }[];
  readonly reconnecting: boolean; // every member dropped, inside the grace period
  readonly ai: number | null; // the computer plays it, at this level
  readonly free: boolean; // no one has taken it yet
}

/** The engine's view of the state for a seat, without the seed before the end. */
export type OnlineState = Omit<View['state'], 'seed'> & { readonly seed?: string };

/** What a seat receives after each change. */
export interface SeatUpdate {
  readonly state: OnlineState;
  readonly leverage: View['leverage'];
  readonly seats: BySide<SideStatus>;
  readonly moveCount: number;
  readonly draft: { readonly orders: readonly Order[]; readonly by: string } | null; // own side's shared draft
  readonly submittedBy: string | null; // who in own team submitted this turn's orders
  readonly choices: readonly Order[]; // own side's legal single orders now (empty for an observer)
  readonly proposals: readonly (readonly Clause[])[]; // a few legal packages own side may propose now
  readonly seq?: number; // the client's number of the move this answers, when it does
}

export interface Refused {
  readonly code: string;
  readonly reason: string;
  readonly seq?: number;
}

export interface Finished {
  readonly record: GameRecord;
}
