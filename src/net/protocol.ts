// What travels between a browser and a game room, both ways. Everything a client sends is parsed
// with the zod schemas here before it reaches the room's handlers, so a malformed message is refused
// with a reason and never reaches the engine. What the room sends is typed here too; the browser
// imports these types only (no code), so the menu's bundle does not grow with the server. It sits
// outside src/server, which nothing imports: the room and the browser both import this module.
import { z } from 'zod';
import type { BySide, Clause, GameRecord, Order, Side } from '../engine/index.ts';
import type { View } from '../engine/view.ts';
import { ConditionSchema } from '../model/basics.ts';
import type { GameSignature } from './game-signature.ts';

/** The room kind's name, as the browser asks for it. */
export const GAME_ROOM = 'game';
/** Room codes: six characters with no look-alikes (no 0/O, 1/I/L, 2/Z, 5/S, 8/B). */
export const CODE_ALPHABET = 'ACDEFGHJKMNPQRTUVWXY34679';
export const CODE_LENGTH = 6;
/** A message's size cap, measured on its JSON text. */
export const MESSAGE_CAP = 16 * 1024;

const Id = z.string().min(1).max(80);
const SideSchema = z.enum(['us', 'cn']);
const Level = z.number().int().min(0).max(100);

const ClauseSchema = z.union([
  z.strictObject({ kind: z.literal('instrument'), instrument: Id, level: Level }),
  z.strictObject({
    kind: z.literal('pledge'),
    item: Id,
    size: z.enum(['small', 'medium', 'large']),
    condition: ConditionSchema.optional(),
  }),
  z.strictObject({ kind: z.literal('commitment'), item: Id, condition: ConditionSchema.optional() }),
  z.strictObject({ kind: z.literal('statement'), statement: Id }),
]);

export const OrderSchema = z.union([
  z.strictObject({ kind: z.literal('shift'), instrument: Id, level: Level }),
  z.strictObject({
    kind: z.literal('announce'),
    instrument: Id,
    level: Level,
    turn: z.number().int().min(0).max(1000),
    unless: ClauseSchema.optional(), // what would lift it
  }),
  z.strictObject({ kind: z.literal('withdraw'), instrument: Id }),
  z.strictObject({ kind: z.literal('build'), alternative: Id }),
  z.strictObject({ kind: z.literal('extend') }),
]);

/** A player's move as a client may send it: no AI note, no `control` injects. */
export const MoveSchema = z.union([
  z.strictObject({ type: z.literal('propose'), side: SideSchema, clauses: z.array(ClauseSchema).max(8) }),
  z.strictObject({ type: z.literal('accept'), side: SideSchema }),
  z.strictObject({
    type: z.literal('reject'),
    side: SideSchema,
    reason: z.enum(['too-little', 'distrust', 'timing', 'face', 'linkage']),
  }),
  z.strictObject({ type: z.literal('pass'), side: SideSchema }),
  z.strictObject({ type: z.literal('orders'), side: SideSchema, orders: z.array(OrderSchema).max(8) }),
  z.strictObject({ type: z.literal('readout'), side: SideSchema, style: z.enum(['trumpet', 'modest']) }),
]);

// ---------------------------------------------------------------------------------------------
// Client → room

export const MoveMessageSchema = z.strictObject({
  move: MoveSchema,
  seq: z.number().int().min(0).optional(),
});
export const DraftMessageSchema = z.strictObject({ orders: z.array(OrderSchema).max(8) });
export const HandoverMessageSchema = z.strictObject({
  side: SideSchema,
  level: z.number().int().min(1).max(3),
});

const Name = z
  .string()
  .max(40)
  .transform((s) =>
    [...s]
      .filter((c) => c >= ' ' && c !== '\u007f')
      .join('')
      .trim(),
  );
const Token = z.string().regex(/^[A-Za-z0-9_-]{22,64}$/);

/** Options to create a game: a shipped scenario and the settings the host chose. */
export const CreateOptionsSchema = z.strictObject({
  scenarioId: Id,
  randomEvents: z.boolean().default(true),
  leverage: z.enum(['live', 'own', 'after']).default('live'),
  graceMinutes: z.number().int().min(1).max(240).default(10),
  side: z.enum(['us', 'cn', 'observer']).optional(), // the creator's own seat
  name: Name.optional(),
});
export type CreateOptions = z.output<typeof CreateOptionsSchema>;

/** Options to join: a seat token kept from before, or a side to take (a team key for a taken side). */
export const JoinOptionsSchema = z.strictObject({
  token: Token.optional(),
  side: z.enum(['us', 'cn', 'observer']).optional(),
  team: Token.optional(),
  name: Name.optional(),
});
export type JoinOptions = z.output<typeof JoinOptionsSchema>;

// ---------------------------------------------------------------------------------------------
// Room → client

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

/** What `/online/open/<code>` answers for a game that exists: what a student needs to pick a seat. */
export interface OpenRoom {
  readonly ok: true;
  readonly scenario: string; // the scenario's title
  readonly free: readonly Side[]; // the sides no one has taken yet (a taken side's team joins by its link)
  readonly over: boolean; // the game has ended: only its record can be seen
}

/** The room's listing, shared by every process: what `/online/open` reads. */
export interface RoomListing {
  readonly scenarioId: string;
  readonly free: readonly Side[];
  readonly over: boolean;
}

/** The engine's view of the state for a seat, without the seed before the end. */
export type OnlineState = Omit<View['state'], 'meta'> & {
  readonly meta: Omit<View['state']['meta'], 'seed'> & { readonly seed?: string };
};

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
  /** The server's signature of the record (its file carries it: "verified by the class server"). */
  readonly signature: GameSignature;
}
