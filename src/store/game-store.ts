// The app's one store (zustand vanilla): the screen, the game being played — scenario, seed, setup,
// moves and the engine's state — who is at the screen, the hot-seat curtain, and the computer's
// moves with their reasons. Every change to a game is a move object dispatched to the engine's
// applyMove; a refused move leaves everything as it was and keeps the engine's reason. Each accepted
// move is autosaved. Undo takes back one's last action within the turn from a stack of this turn's
// states. The DOM and the Phaser table render from here and hold no rules.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { GameRecord, GameState, Move, Refusal, Scenario, Setup, Side } from '../engine';
import { applyMove, newGame, other, SIDES, waitingOn } from '../engine';
import type { CatalogEntry } from './catalog';
import { SAVE_FORMAT, writeSave } from './save-file';
import type { ResumableSave } from './saves';

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
  readonly notice: string | null; // saving problems and the like
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
}

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
} as const satisfies Partial<AppState>;

export function makeAppStore(settings: Settings = DEFAULT_SETTINGS): AppStore {
  return createStore<AppState>()(() => ({ ...AT_MENU, notice: null, settings, replay: null }));
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
  waitingOn(state, { order: [state.talks.first, other(state.talks.first)], seats: 'human' });

/** The side whose move this is (a control inject has none). */
const moverOf = (m: Move): Side | null => (m.side === 'us' || m.side === 'cn' ? m.side : null);

/** The index of the move `side` could take back now, or -1. */
export function undoableIndex(game: GameSession, side: Side | null): number {
  if (!side || game.state.phase === 'over') return -1;
  for (let i = game.moves.length - 1; i >= game.turnStart; i--) {
    const m = game.moves[i]!;
    if (moverOf(m) === side && !m.ai) return i;
    if (!m.ai) return -1; // another player acted since
  }
  return -1;
}

// ---------------------------------------------------------------------------------------------
// Changing it

let storage: Storage | null = null;
/** Where autosaves go (localStorage in the browser; none in unit tests unless given). */
export function useStorage(s: Storage | null) {
  storage = s;
}

function persist(store: AppStore) {
  const g = store.getState().game;
  if (!g || !storage) return;
  const problem = writeSave(storage, {
    format: SAVE_FORMAT,
    id: g.id,
    scenarioId: g.scenario.id,
    scenarioHash: g.hash,
    title: g.scenario.meta.title,
    seed: g.seed,
    setup: g.setup,
    moves: g.moves,
    savedAt: new Date().toISOString(),
    turn: g.state.turn,
    over: g.state.phase === 'over',
  });
  if (problem) store.setState({ notice: problem });
}

/** After any change: who is at the screen, the curtain, the results. */
function settle(store: AppStore) {
  const { game, viewer, screen } = store.getState();
  if (!game) return;
  if (game.state.phase === 'over') {
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
  });
  persist(store);
  return game;
}

/** Resumes a saved game at the table (in hot-seat, behind the curtain). */
export function resumeGame(store: AppStore, r: ResumableSave) {
  const entry = { scenario: r.scenario, hash: r.save.scenarioHash };
  const game = session(entry, r.save.id, r.save.seed, r.save.setup, r.save.moves, r.state);
  store.setState({
    game,
    screen: r.state.phase === 'over' ? 'results' : 'table',
    feed: [],
    refusal: null,
    notice: null,
    viewer: null,
    curtain: null,
    briefing: null,
    briefingNext: null,
  });
  if (!isHotSeat(game.setup)) store.setState({ viewer: humanSides(game.setup)[0] ?? null });
  settle(store);
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
  const { game } = store.getState();
  if (!game) return { ok: false, code: 'MALFORMED', reason: 'No game is being played.' };
  const r = applyMove(game.scenario, game.state, move);
  if (!r.ok) {
    store.setState({ refusal: r.reason });
    return r;
  }
  const moves = [...game.moves, move];
  const newTurn = r.state.turn !== game.state.turn;
  const next: GameSession = newTurn
    ? { ...game, moves, state: r.state, turnStart: moves.length, turnStates: [r.state] }
    : { ...game, moves, state: r.state, turnStates: [...game.turnStates, r.state] };
  store.setState({ game: next, refusal: null });
  persist(store);
  settle(store);
  return { ok: true };
}

/** Takes back the viewer's last move of this turn (and the computer's answers to it). */
export function undo(store: AppStore): boolean {
  const { game, viewer } = store.getState();
  if (!game) return false;
  const i = undoableIndex(game, viewer);
  if (i < 0) return false;
  const kept = i - game.turnStart;
  const state = game.turnStates[kept]!;
  store.setState({
    game: { ...game, moves: game.moves.slice(0, i), state, turnStates: game.turnStates.slice(0, kept + 1) },
    refusal: null,
    feed: store.getState().feed.slice(0, countFeedBefore(store.getState().feed, game, i)),
  });
  persist(store);
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

export function toMenu(store: AppStore) {
  store.setState(AT_MENU);
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
  if (game.state.phase !== 'orders') return record;
  const moves = game.moves.filter((m, i) => i < game.turnStart || m.type !== 'orders');
  return moves.length === game.moves.length ? record : { ...record, moves };
}

type RecordParts = Pick<GameSession, 'scenario' | 'hash' | 'seed' | 'setup' | 'moves'>;

export function recordOf(game: RecordParts): GameRecord {
  return {
    scenarioId: game.scenario.id,
    scenarioHash: game.hash,
    seed: game.seed,
    setup: game.setup,
    moves: game.moves,
  };
}
