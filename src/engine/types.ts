// The engine's vocabulary: sides, setup, moves, the game state and refusals. Everything here is
// plain serialisable data, so a game is fully described by (scenario, seed, setup, moves) and a
// state can be saved, compared and sent as JSON.

import type { Draft, Immutable } from 'immer';
import type { Condition, Scenario, Side } from '../model/schema.ts';

export type { Condition, Scenario, Side };
export const SIDES = ['us', 'cn'] as const satisfies readonly Side[];
export type Actor = Side | 'control';
export type BySide<T> = { us: T; cn: T };

export const other = (side: Side): Side => (side === 'us' ? 'cn' : 'us');

// ---------------------------------------------------------------------------------------------
// Setup: how a game is played, recorded with it.

export type LeverageVisibility = 'live' | 'own' | 'after';
export type Seat = { kind: 'human' } | { kind: 'ai'; profile: string; level: number };

export interface Setup {
  readonly seats: BySide<Seat>;
  readonly randomEvents: boolean; // seeded random events on or off
  readonly leverage: LeverageVisibility;
}

export const DEFAULT_SETUP: Setup = {
  seats: { us: { kind: 'human' }, cn: { kind: 'human' } },
  randomEvents: true,
  leverage: 'live',
};

// ---------------------------------------------------------------------------------------------
// Moves: what a side (or the instructor's `control` actor) does. Plain objects, checked by the
// engine against the state; an AI's move carries the code of the rule that chose it.

export type PledgeSize = 'small' | 'medium' | 'large';
export const PLEDGE_SIZES = ['small', 'medium', 'large'] as const satisfies readonly PledgeSize[];

export type Clause =
  | { readonly kind: 'instrument'; readonly instrument: string; readonly level: number } // set at once
  | {
      readonly kind: 'pledge'; // a purchase: headline, delivered at a drawn rate
      readonly item: string;
      readonly size: PledgeSize;
      readonly condition?: Condition;
    }
  | { readonly kind: 'commitment'; readonly item: string; readonly condition?: Condition } // structural
  | { readonly kind: 'statement'; readonly statement: string }; // text-only terms

export type Order =
  | { readonly kind: 'shift'; readonly instrument: string; readonly level: number }
  | {
      readonly kind: 'announce';
      readonly instrument: string;
      readonly level: number;
      readonly turn: number;
      /** What would lift the threat: a clause of the other side's, met before the date, lapses it. */
      readonly unless?: Clause;
    }
  | { readonly kind: 'withdraw'; readonly instrument: string }
  | { readonly kind: 'build'; readonly alternative: string }
  | { readonly kind: 'extend' };

export const REJECT_REASONS = [
  'too-little', // asks too much for what it gives
  'distrust', // promises the other side will not keep
  'timing', // not now
  'face', // cannot be seen to yield
  'linkage', // ties together what should stay apart
] as const;
export type RejectReason = (typeof REJECT_REASONS)[number];

/** The reason an AI gives for its move: a code the interface renders, never free text. */
export interface AiNote {
  readonly code: string; // "rule:cn-proportional" or "search:utility"
  readonly value?: number;
  /**
   * A rejection's: the clause of its own target, missing from the offer, it values most from the
   * other side. Orders with an announcement: the clause that would lift the threat, the same way.
   */
  readonly needs?: Clause;
  /** A pass's, while a deal is in force: the share the other side has delivered of what it promised. */
  readonly delivered?: number;
  /** An acceptance's, in the last talks before a deadline: what signing is worth to it over holding still (score points). */
  readonly worth?: number;
  /**
   * A rule's that turned the side from the move its search preferred (an `avoid` or `never`): the
   * move made is what it does instead, and its sentence says so.
   */
  readonly instead?: boolean;
}

export type MoveBody =
  | { readonly type: 'propose'; readonly side: Side; readonly clauses: readonly Clause[] }
  | { readonly type: 'accept'; readonly side: Side }
  | { readonly type: 'reject'; readonly side: Side; readonly reason: RejectReason }
  | { readonly type: 'pass'; readonly side: Side } // done talking this turn
  | { readonly type: 'orders'; readonly side: Side; readonly orders: readonly Order[] }
  | { readonly type: 'readout'; readonly side: Side; readonly style: 'trumpet' | 'modest' }
  | { readonly type: 'inject'; readonly side: 'control'; readonly event: string }
  | { readonly type: 'news'; readonly side: 'control'; readonly text: string }; // the instructor's line: no effect

export type Move = MoveBody & { readonly ai?: AiNote };
export type MoveType = Move['type'];

// ---------------------------------------------------------------------------------------------
// State

/** An alea generator's saved state (seedrandom's `{ state: true }`). */
export interface RngState {
  readonly c: number;
  readonly s0: number;
  readonly s1: number;
  readonly s2: number;
}
// Each side's AI draws from streams of its own, one for its talks and one for its orders, so
// nothing the other side does, and nothing said in a turn's talks, shifts the dice of a side's
// orders: games that differ in one side's play deal the other side the same dice, turn by turn.
export const STREAMS = [
  'events',
  'compliance',
  'crisis',
  'us-talks',
  'us-orders',
  'cn-talks',
  'cn-orders',
] as const;
export type Stream = (typeof STREAMS)[number];
/** The stream a side's AI draws from in a phase (the talks' stream when the game is over). */
export const aiStream = (side: Side, phase: Phase): Stream =>
  phase === 'orders' ? `${side}-orders` : `${side}-talks`;

export interface Announcement {
  readonly level: number;
  readonly turn: number; // takes effect at the start of this turn
  readonly by: Side;
  readonly unless?: Clause; // the demand it names: met by then, the announcement lapses
}

export interface Proposal {
  readonly by: Side;
  readonly clauses: readonly Clause[];
}

export type PackageStatus = 'active' | 'broken' | 'collapsed';
export interface Package {
  readonly id: number;
  readonly turn: number; // accepted on
  readonly proposer: Side;
  readonly clauses: readonly Clause[];
  readonly status: PackageStatus;
  readonly brokenBy: Side | null;
  readonly readouts: BySide<'trumpet' | 'modest' | null>; // how each side told it at home
}

/** What one promise of one package has owed and delivered so far, in pledge sizes (thousandths). */
export interface Tally {
  readonly by: Side; // who promised
  readonly promised: number; // owed so far: the clause's size each turn it was in force and its condition held
  readonly delivered: number; // delivered so far
}
/**
 * The key of a clause's tally: the package's id and the promise's item. The same string each time
 * (a package's id is its place in the game's list, a small number): a key made anew is hashed anew
 * at every read of the tallies, and the kernel reads them every turn it plays on.
 */
export function tallyKey(pkg: number, item: string): string {
  let byPackage = tallyKeys.get(item);
  if (!byPackage) {
    byPackage = [];
    tallyKeys.set(item, byPackage);
  }
  let key = byPackage[pkg];
  if (key === undefined) {
    key = `${pkg}:${item}`;
    byPackage[pkg] = key;
  }
  return key;
}
const tallyKeys = new Map<string, string[]>();

export interface Talks {
  first: Side; // who opened this turn's talks
  toMove: Side;
  made: BySide<number>; // proposals made this turn
  open: Proposal | null;
  passed: BySide<boolean>;
}

/** What happened this turn, for the news feed and the explanation of the table's movement. */
export type NewsItem =
  | { readonly kind: 'event'; readonly event: string }
  | { readonly kind: 'instructor'; readonly text: string } // a line of news the instructor posted
  | { readonly kind: 'announcement-effective'; readonly instrument: string; readonly level: number }
  | {
      readonly kind: 'announcement-lifted';
      readonly instrument: string;
      readonly level: number;
      readonly unless: Clause;
    }
  | { readonly kind: 'snapback' }
  | { readonly kind: 'summit'; readonly deal: boolean }
  | { readonly kind: 'crisis' }
  | { readonly kind: 'collapse' }
  | { readonly kind: 'breach'; readonly side: Side; readonly package: number }
  | { readonly kind: 'proposal'; readonly side: Side; readonly clauses: readonly Clause[] }
  | {
      readonly kind: 'answer';
      readonly side: Side;
      readonly accepted: boolean;
      readonly reason?: RejectReason;
    }
  | { readonly kind: 'readout'; readonly side: Side; readonly style: 'trumpet' | 'modest' }
  | { readonly kind: 'orders'; readonly side: Side; readonly orders: readonly Order[] }
  | { readonly kind: 'delivery'; readonly side: Side; readonly item: string; readonly share: number };

export type Phase = 'talks' | 'orders' | 'over';

export interface Truce {
  endTurn: number; // snapback at the start of this turn unless a deal is in force
  expired: boolean;
  extensions: number;
}

/**
 * The game state, in its four parts (docs/state.md places every field): `meta`, what the game is;
 * `world`, the standing the two sides have made; `round`, where the current turn is; `rng`, the
 * random streams. Only the engine's producers write them: everything outside the engine holds a
 * `GameState`, read-only all the way down. A move copies only the parts it changes and shares the
 * rest with the last state — a talks move copies the round (and the meta, for the move count), never
 * the world.
 */
export interface StateFields {
  meta: MetaFields;
  world: WorldFields;
  round: RoundFields;
  rng: Record<Stream, RngState>;
}

/** What the game is: fixed when it starts, but for the count of moves. */
export interface MetaFields {
  readonly scenarioId: string;
  readonly scenarioHash: string;
  readonly seed: string;
  readonly setup: Setup;
  moveCount: number;
}

/** The standing: what the two sides have done to each other and agreed, carried from turn to turn. */
export interface WorldFields {
  levels: Record<string, number>; // instrument → level
  values: Record<string, number>; // indicator → integer tenths of a point
  alt: Record<string, number>; // indicator → 0…altMax
  resolve: BySide<number>;
  reliability: BySide<number>;
  tension: number; // integer tenths, 0…max
  announcements: Record<string, Announcement>; // instrument → pending change
  builds: Record<string, number>; // alternative → turns left (0: done)
  packages: Package[];
  tallies: Record<string, Tally>; // tallyKey(package, item) → what that promise owed and delivered
  totals: { util: BySide<number>; promised: BySide<number>; delivered: BySide<number> };
  fired: Record<string, number>; // event → turn it fired
  truce: Truce | null;
  summit: 'pending' | 'deal' | 'no-deal' | null;
  collapsed: boolean;
  pressuredOn: BySide<number>; // the last turn on which the other side escalated against it
}

/** Where the current turn is: rebuilt at the start of every turn. */
export interface RoundFields {
  turn: number; // 0-based; the date is derived from it
  phase: Phase;
  talks: Talks;
  drafts: BySide<readonly Order[] | null>; // private until both are in
  revealed: BySide<readonly Order[]> | null; // last turn's orders, once both were in
  news: NewsItem[]; // this turn's
  lastNews: NewsItem[]; // the previous turn's, for the feed after a turn ends
}

/** A game state as everything outside the engine's producers sees it: read-only all the way down. */
export type GameState = Immutable<StateFields>;
/** A state being written: an immer draft, or the turn kernel's working copy. Engine-only. */
export type Working = Draft<GameState>;
/** The parts of a state, read-only. */
export type Meta = GameState['meta'];
export type World = GameState['world'];
export type Round = GameState['round'];

// ---------------------------------------------------------------------------------------------
// Refusals: an illegal move is a value, not an exception.

export type RefusalCode =
  | 'MALFORMED'
  | 'GAME_OVER'
  | 'WRONG_PHASE'
  | 'NOT_YOUR_TURN'
  | 'UNKNOWN_ID'
  | 'NOT_OWNER'
  | 'LEVEL_OUT_OF_RANGE'
  | 'NO_CHANGE'
  | 'TOO_MANY_ORDERS'
  | 'SAME_TARGET_TWICE'
  | 'ALREADY_SUBMITTED'
  | 'ANSWER_FIRST'
  | 'NO_OPEN_PROPOSAL'
  | 'OWN_PROPOSAL'
  | 'PROPOSAL_LIMIT'
  | 'BAD_PACKAGE'
  | 'RED_LINE'
  | 'ANNOUNCEMENT_PENDING'
  | 'NOTHING_TO_WITHDRAW'
  | 'BAD_DATE'
  | 'BAD_DEMAND'
  | 'ALREADY_BUILT'
  | 'NO_TRUCE'
  | 'COLLAPSED'
  | 'NO_PACKAGE'
  | 'ALREADY_FIRED';

export interface Refusal {
  readonly ok: false;
  readonly code: RefusalCode;
  readonly reason: string;
}
export type MoveResult = { readonly ok: true; readonly state: GameState } | Refusal;

export const refuse = (code: RefusalCode, reason: string): Refusal => ({ ok: false, code, reason });
