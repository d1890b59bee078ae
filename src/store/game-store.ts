// The app's one store (zustand vanilla): the screen, the game being played — scenario, seed, setup,
// moves and the engine's state — who is at the screen, the hot-seat curtain, and the computer's
// moves with their reasons. Every change to a game is a move object dispatched to the engine's
// applyMove; a refused move leaves everything as it was and keeps the engine's reason. Each accepted
// move is written to the saves before the screen shows it (when the browser refuses the write, the
// player is told at once and offered the game file); a game is played in one tab at a time. Undo
// takes back one's last action within the turn from a stack of this turn's states. The DOM and the
// Phaser table render from here and hold no rules.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { GameRecord, GameState, Move, Refusal, Scenario, Setup, Side } from '../engine/index.ts';
import { applyMove, newGame, other, RULES_VERSION, SIDES, waitingOn } from '../engine/index.ts';
import type { CatalogEntry } from './catalog.ts';
import type { VersionedRecord } from './game-record.ts';
import { type SaveDb, type SaveHeader, writeGame } from './save-db.ts';
import type { ResumableSave } from './saves.ts';
import type { TabGames } from './tab-lock.ts';

export type Screen = 'menu' | 'briefing' | 'table' | 'results' | 'debrief' | 'replay' | 'class';

export interface GameSession {
  readonly id: string; // the save's id
  readonly scenario: Scenario;
  readonly hash: string;
  readonly seed: string;
  readonly setup: Setup;
  readonly moves: readonly Move[];
  readonly state: GameState;
  readonly turnStart: number; // index of this turn's first move
  readonly turnStates: readonly GameState[]; // [0]: the state when this turn began, then after each move
}

export interface FeedItem {
  readonly turn: number;
  readonly side: Side;
  readonly text: string;
}

export interface Settings {
  readonly pace: number; // ms between the computer's moves
  readonly muted: boolean;
}

export interface AppState {
  readonly screen: Screen;
  readonly game: GameSession | null;
  readonly viewer: Side | null; // whose private text may be shown now
  readonly curtain: Side | null; // hot-seat: the screen waits for this side to take over
  readonly briefing: Side | null; // the side whose briefing is on screen
  readonly briefingNext: Side | null; // hot-seat: the side whose briefing comes after it
  readonly feed: readonly FeedItem[];
  readonly refusal: string | null; // the engine's reason for the last refused move
  readonly notice: string | null; // problems opening a scenario, a save or a link, and the like
  readonly saveAlert: SaveAlert | null; // the game on screen is not being saved, or not played here
  readonly refusedGame: RefusedGameOffer | null; // a link or save refused, offered as a file to keep
  readonly settings: Settings;
  readonly replay: ReplayView | null; // the game in the replay viewer
}

/** A game in the replay viewer: every state kept, and the position shown. */
export interface ReplayView {
  readonly scenario: Scenario;
  readonly hash: string;
  readonly record: GameRecord;
  readonly states: readonly GameState[]; // [0] the opening, then after each move
  readonly at: number; // index into states
  readonly from: Screen; // where Back goes
  readonly verified?: 'class-server'; // opened from a file the class server signed, and it holds
}

/**
 * Why the game on screen is not being saved: the browser's storage is full (`started`: since the
 * game began) or unavailable; or why it is not played in this tab: another tab holds it, took it
 * over, or wrote it since this tab last did.
 */
export type SaveAlert =
  | { readonly kind: 'full'; readonly started: boolean }
  | { readonly kind: 'failed' }
  | { readonly kind: 'elsewhere' | 'taken' | 'conflict' };

/** A game that could not be opened here (other rules, another scenario version): its file to keep. */
export interface RefusedGameOffer {
  readonly text: string; // one sentence: what was refused and why
  readonly file?: { readonly name: string; readonly text: string };
}

/** Why a move is refused in a tab that shows a game played in another. */
export const READ_ONLY_REASON = 'This game is played in another tab: take it over to play here.';

/** The game is shown but not played in this tab. */
export const isReadOnly = (s: Pick<AppState, 'saveAlert'>) =>
  s.saveAlert?.kind === 'elsewhere' || s.saveAlert?.kind === 'taken' || s.saveAlert?.kind === 'conflict';

export type AppStore = StoreApi<AppState>;

export const DEFAULT_SETTINGS: Settings = { pace: 1200, muted: false };

/** The menu with no game open: where a new store starts and where leaving a game returns. */
const AT_MENU = {
  screen: 'menu',
  game: null,
  viewer: null,
  curtain: null,
  briefing: null,
  briefingNext: null,
  feed: [],
  refusal: null,
  saveAlert: null,
} as const satisfies Partial<AppState>;

export function makeAppStore(settings: Settings = DEFAULT_SETTINGS): AppStore {
  return createStore<AppState>()(() => ({
    ...AT_MENU,
    notice: null,
    refusedGame: null,
    settings,
    replay: null,
  }));
}

// ---------------------------------------------------------------------------------------------
// Reading the game

export const humanSides = (setup: Setup): Side[] => SIDES.filter((s) => setup.seats[s].kind === 'human');
export const isHotSeat = (setup: Setup) => humanSides(setup).length === 2;

/**
 * The human side that must act next, or null (the computer's turn, or the game is over). In the
 * orders the side that opened the talks is asked first, so it takes the screen first.
 */
export const nextHumanActor = (state: GameState): Side | null =>
  waitingOn(state, { order: [state.round.talks.first, other(state.round.talks.first)], seats: 'human' });

/** The side whose move this is (a control inject has none). */
const moverOf = (m: Move): Side | null => (m.side === 'us' || m.side === 'cn' ? m.side : null);

/** The index of the move `side` could take back now, or -1. */
export function undoableIndex(game: GameSession, side: Side | null): number {
  if (!side || game.state.round.phase === 'over') return -1;
  for (let i = game.moves.length - 1; i >= game.turnStart; i--) {
    const m = game.moves[i]!;
    if (moverOf(m) === side && !m.ai) return i;
    if (!m.ai) return -1; // another player acted since
  }
  return -1;
}

// ---------------------------------------------------------------------------------------------
// Changing it

let saves: SaveDb | null = null;
let tabs: TabGames | null = null;
/** Where games are saved (IndexedDB in the browser; none in unit tests unless given). */
export function useSaves(db: SaveDb | null, tabGames: TabGames | null = null) {
  saves = db;
  tabs = tabGames;
}

/** Per store: the newest accepted game not yet shown (its write under way), the chain of writes. */
interface Writing {
  latest: GameSession | null;
  chain: Promise<void>;
  readonly revs: Map<string, number>; // game id → revision last written or read
}
const writing = new WeakMap<AppStore, Writing>();
function writingOf(store: AppStore): Writing {
  let w = writing.get(store);
  if (!w) {
    w = { latest: null, chain: Promise.resolve(), revs: new Map() };
    writing.set(store, w);
  }
  return w;
}

/** A move is being written: the screen does not show it yet. */
export const isSaving = (store: AppStore) => writingOf(store).latest !== null;

/** Resolves once every accepted move has been written (or refused by the browser). */
export const writesDone = (store: AppStore): Promise<void> => writingOf(store).chain;

/** The game as the next move must find it: the newest accepted, shown or still being written. */
const latestGame = (store: AppStore) => writingOf(store).latest ?? store.getState().game;

function headerOf(g: GameSession): SaveHeader {
  const side = (s: Side) => ({ name: g.scenario.sides[s].name, seat: g.setup.seats[s].kind });
  return {
    id: g.id,
    scenarioId: g.scenario.id,
    scenarioHash: g.hash,
    rules: RULES_VERSION,
    title: g.scenario.meta.title,
    sides: { us: side('us'), cn: side('cn') },
    turn: g.state.round.turn,
    moves: g.moves.length,
    over: g.state.round.phase === 'over',
    savedAt: new Date().toISOString(),
  };
}

/**
 * Shows `next` (with `also`) once it is written to the saves; at once when there are none. A write
 * the browser refuses still shows the move, with the reason and the game file offered; a write over
 * another tab's moves is never made, and this tab stops playing the game.
 */
function commit(store: AppStore, next: GameSession, also: Partial<AppState> = {}, first = false) {
  const db = saves;
  if (!db || isReadOnly(store.getState())) {
    store.setState({ game: next, ...also });
    settle(store);
    return;
  }
  const w = writingOf(store);
  w.latest = next;
  w.chain = w.chain.then(async () => {
    const after = w.revs.get(next.id) ?? 0;
    const r = await writeGame(db, headerOf(next), recordOf(next, RULES_VERSION), after);
    if (r.ok) w.revs.set(next.id, r.rev);
    if (w.latest === next) w.latest = null;
    const { game, saveAlert } = store.getState();
    if (game?.id !== next.id) return; // the player has left this game
    const alert: SaveAlert | null = r.ok
      ? saveAlert && !isReadOnly(store.getState())
        ? null
        : saveAlert
      : r.kind === 'conflict'
        ? { kind: 'conflict' }
        : r.kind === 'full'
          ? { kind: 'full', started: first || (saveAlert?.kind === 'full' && saveAlert.started) }
          : { kind: 'failed' };
    store.setState({ game: next, ...also, saveAlert: alert });
    settle(store);
  });
}

/** After any change: who is at the screen, the curtain, the results. */
function settle(store: AppStore) {
  const { game, viewer, screen } = store.getState();
  if (!game) return;
  if (game.state.round.phase === 'over') {
    store.setState({ screen: 'results', curtain: null, viewer: humanSides(game.setup)[0] ?? null });
    return;
  }
  if (screen !== 'table') return;
  if (!isHotSeat(game.setup)) {
    store.setState({ viewer: humanSides(game.setup)[0] ?? null, curtain: null });
    return;
  }
  const actor = nextHumanActor(game.state);
  if (actor && actor !== viewer) store.setState({ viewer: null, curtain: actor });
}

const randomId = () => Math.random().toString(36).slice(2, 10);

export interface StartOptions {
  readonly seed: string;
  readonly setup: Setup;
  /** Hot-seat: the side briefed first (Washington unless told). */
  readonly first?: Side;
}

function session(
  entry: Pick<CatalogEntry, 'scenario' | 'hash'>,
  id: string,
  seed: string,
  setup: Setup,
  moves: readonly Move[],
  state: GameState,
): GameSession {
  return {
    id,
    scenario: entry.scenario,
    hash: entry.hash,
    seed,
    setup,
    moves,
    state,
    turnStart: moves.length,
    turnStates: [state],
  };
}

/** A new game: the briefing first (in hot-seat, behind the curtain for the first side). */
export function startGame(store: AppStore, entry: CatalogEntry, opts: StartOptions): GameSession {
  const state = newGame(entry.scenario, opts.seed, opts.setup);
  const game = session(entry, randomId(), opts.seed, opts.setup, [], state);
  const humans = humanSides(opts.setup);
  const first = opts.first && humans.includes(opts.first) ? opts.first : (humans[0] ?? 'us');
  store.setState({
    game,
    screen: 'briefing',
    briefing: first,
    briefingNext: humans.find((side) => side !== first) ?? null,
    viewer: isHotSeat(opts.setup) ? null : first,
    curtain: isHotSeat(opts.setup) ? first : null,
    feed: [],
    refusal: null,
    notice: null,
    saveAlert: null,
  });
  void tabs?.claim(game.id);
  commit(store, game, {}, true);
  return game;
}

/** Resumes a saved game at the table (in hot-seat, behind the curtain). */
export function resumeGame(store: AppStore, r: ResumableSave) {
  const entry = { scenario: r.scenario, hash: r.save.scenarioHash };
  const game = session(entry, r.save.id, r.save.seed, r.save.setup, r.save.moves, r.state);
  writingOf(store).revs.set(game.id, r.save.rev);
  store.setState({
    game,
    screen: r.state.round.phase === 'over' ? 'results' : 'table',
    feed: [],
    refusal: null,
    notice: null,
    saveAlert: null,
    viewer: null,
    curtain: null,
    briefing: null,
    briefingNext: null,
  });
  if (!isHotSeat(game.setup)) store.setState({ viewer: humanSides(game.setup)[0] ?? null });
  settle(store);
  if (tabs && r.state.round.phase !== 'over')
    void tabs.claim(game.id).then((where) => {
      if (where === 'elsewhere' && store.getState().game?.id === game.id)
        store.setState({ saveAlert: { kind: 'elsewhere' } });
    });
}

/** This tab stops playing the game: another tab took it over (its moves are written first). */
export function gameTakenAway(store: AppStore, id: string) {
  if (store.getState().game?.id === id) store.setState({ saveAlert: { kind: 'taken' } });
}

/** Takes the game on screen over from the tab that holds it, then shows it as that tab left it. */
export async function takeOverGame(
  store: AppStore,
  reopen: (id: string) => Promise<ResumableSave | { reason: string }>,
): Promise<void> {
  const game = store.getState().game;
  if (!game || !tabs) return;
  await tabs.takeOver(game.id);
  const r = await reopen(game.id);
  if ('reason' in r) {
    store.setState({ notice: `The game could not be taken over: ${r.reason}.` });
    return;
  }
  resumeGame(store, r);
}

/** Leaves the game: the menu, and the game free for another tab. */
export function toMenu(store: AppStore) {
  const id = store.getState().game?.id;
  store.setState(AT_MENU);
  if (id) void writesDone(store).then(() => tabs?.release(id));
}

/** The briefing was read: the next side's briefing (hot-seat) or the table. */
export function finishBriefing(store: AppStore) {
  const { game, briefingNext: next } = store.getState();
  if (!game) return;
  if (next) {
    store.setState({ briefing: next, briefingNext: null, viewer: null, curtain: next });
    return;
  }
  store.setState({ screen: 'table', briefing: null });
  settle(store);
}

/** The next player has the screen: lift the curtain. */
export function confirmCurtain(store: AppStore) {
  const { curtain } = store.getState();
  if (curtain) store.setState({ viewer: curtain, curtain: null });
}

/** Sends a move to the engine. Accepted: the new state, autosaved. Refused: the reason, nothing else. */
export function dispatch(store: AppStore, move: Move): { ok: true } | Refusal {
  const game = latestGame(store);
  if (!game) return { ok: false, code: 'MALFORMED', reason: 'No game is being played.' };
  if (isReadOnly(store.getState()))
    return {
      ok: false,
      code: 'NOT_YOUR_TURN',
      reason: READ_ONLY_REASON,
    };
  const r = applyMove(game.scenario, game.state, move);
  if (!r.ok) {
    store.setState({ refusal: r.reason });
    return r;
  }
  const moves = [...game.moves, move];
  const newTurn = r.state.round.turn !== game.state.round.turn;
  const next: GameSession = newTurn
    ? { ...game, moves, state: r.state, turnStart: moves.length, turnStates: [r.state] }
    : { ...game, moves, state: r.state, turnStates: [...game.turnStates, r.state] };
  commit(store, next, { refusal: null });
  return { ok: true };
}

/** Takes back the viewer's last move of this turn (and the computer's answers to it). */
export function undo(store: AppStore): boolean {
  const game = latestGame(store);
  const { viewer } = store.getState();
  if (!game || isReadOnly(store.getState())) return false;
  const i = undoableIndex(game, viewer);
  if (i < 0) return false;
  const kept = i - game.turnStart;
  const state = game.turnStates[kept]!;
  commit(
    store,
    { ...game, moves: game.moves.slice(0, i), state, turnStates: game.turnStates.slice(0, kept + 1) },
    {
      refusal: null,
      feed: store.getState().feed.slice(0, countFeedBefore(store.getState().feed, game, i)),
    },
  );
  return true;
}

/** How many feed items came from the computer's moves before move `i`. */
function countFeedBefore(feed: readonly FeedItem[], game: GameSession, i: number) {
  const aiAfter = game.moves.slice(i).filter((m) => m.ai).length;
  return Math.max(0, feed.length - aiAfter);
}

export function addFeed(store: AppStore, item: FeedItem) {
  store.setState({ feed: [...store.getState().feed, item] });
}

/** Opens a game in the replay viewer at its opening. */
export function openReplay(store: AppStore, view: Omit<ReplayView, 'at' | 'from'>) {
  const from = store.getState().screen;
  store.setState({ screen: 'replay', replay: { ...view, at: 0, from: from === 'replay' ? 'menu' : from } });
}

/** Moves the replay viewer to a position (clamped). */
export function replayTo(store: AppStore, at: number) {
  const r = store.getState().replay;
  if (!r) return;
  const to = Math.max(0, Math.min(r.states.length - 1, at));
  if (to !== r.at) store.setState({ replay: { ...r, at: to } });
}

/** Leaves the replay viewer for where it was opened from. */
export function closeReplay(store: AppStore) {
  const r = store.getState().replay;
  const back = r?.from ?? 'menu';
  if (back === 'menu' || !store.getState().game) toMenu(store);
  else store.setState({ screen: back });
  store.setState({ replay: null });
}

/** The class results page. */
export function toClassResults(store: AppStore) {
  store.setState({ screen: 'class' });
}

/** The debrief of the game on screen (from its results). */
export function toDebrief(store: AppStore) {
  if (store.getState().game) store.setState({ screen: 'debrief' });
}

/** Back to the results of the game on screen. */
export function toResults(store: AppStore) {
  if (store.getState().game) store.setState({ screen: 'results' });
}

/** The game on screen as a record: what a game file and a link carry. */
/**
 * The game as it may be shared while it is played: orders drafted this turn but not yet resolved
 * are hidden from the other side, so a file or link made now leaves them out (they are this turn's
 * `orders` moves; the game replays to the same turn, with no orders in).
 */
export function shareableRecord(game: Pick<GameSession, 'moves' | 'state' | 'turnStart'> & RecordParts) {
  const record = recordOf(game);
  if (game.state.round.phase !== 'orders') return record;
  const moves = game.moves.filter((m, i) => i < game.turnStart || m.type !== 'orders');
  return moves.length === game.moves.length ? record : { ...record, moves };
}

type RecordParts = Pick<GameSession, 'scenario' | 'hash' | 'seed' | 'setup' | 'moves'>;

export function recordOf(game: RecordParts): GameRecord;
export function recordOf(game: RecordParts, rules: number): VersionedRecord;
export function recordOf(game: RecordParts, rules?: number): GameRecord | VersionedRecord {
  const record = {
    scenarioId: game.scenario.id,
    scenarioHash: game.hash,
    seed: game.seed,
    setup: game.setup,
    moves: game.moves,
  };
  return rules === undefined ? record : { ...record, rules };
}
