// Runs the computer's seats: whenever the game waits on a side the computer plays, it asks src/ai
// for that side's move after the pace setting's delay, dispatches it like any other move, and adds
// the move's reason (rendered by src/ai from its code) to the feed, one move at a time.
import type { GameState, Move, Side } from '../engine/index.ts';
import { replay, SIDES, waitingOn } from '../engine/index.ts';
import { loadAi } from './ai.ts';
import { type AppStore, addFeed, dispatch, type GameSession, isReadOnly, isSaving } from './game-store.ts';

/**
 * The computer's side that must act now, if any: none while a move is being written (the screen
 * does not show it yet) or while the game is played in another tab.
 */
function aiToAct(store: AppStore): Side | null {
  const { game, screen, curtain } = store.getState();
  if (!game || screen !== 'table' || curtain || isSaving(store) || isReadOnly(store.getState())) return null;
  return waitingOn(game.state, { order: SIDES, seats: 'ai' });
}

/** Starts watching the store; returns a function that stops it. */
export function startAiDriver(store: AppStore): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let busy = false;
  const kick = () => {
    if (timer || busy) return;
    const side = aiToAct(store);
    if (!side) return;
    const before = store.getState().game?.state;
    timer = setTimeout(async () => {
      timer = null;
      busy = true;
      try {
        const ai = await loadAi();
        const game = store.getState().game;
        if (!ai || !game || game.state !== before || aiToAct(store) !== side) return;
        const seat = game.setup.seats[side];
        if (seat.kind !== 'ai') return;
        let move: Move;
        try {
          move = ai.chooseMove(game.scenario, game.state, side, { profile: seat.profile, level: seat.level });
        } catch (e) {
          store.setState({ notice: `The computer could not choose a move (${String(e).slice(0, 120)}).` });
          return;
        }
        const r = dispatch(store, move);
        if (!r.ok) {
          store.setState({ notice: `The computer's move was refused: ${r.reason}` });
          return;
        }
        const at = {
          index: game.moves.length,
          turn: game.state.round.turn,
          offer: game.state.round.talks.open?.clauses,
        };
        addFeed(store, {
          turn: game.state.round.turn,
          side,
          text: ai.describeAiMove(game.scenario, move, at),
        });
      } finally {
        busy = false;
        kick();
      }
    }, store.getState().settings.pace);
  };
  const unsubscribe = store.subscribe(kick);
  kick();
  return () => {
    unsubscribe();
    if (timer) clearTimeout(timer);
  };
}

/**
 * After a resumed game: the computer's recent moves and their reasons back in the feed. `known`: the
 * game's states, when the save was just replayed with them, so it is not replayed again.
 */
export async function restoreFeed(store: AppStore, known?: readonly GameState[], count = 6) {
  const game = store.getState().game;
  if (!game?.moves.some((m) => m.ai)) return;
  const ai = await loadAi();
  if (!ai || store.getState().game !== game) return;
  const states = known?.length === game.moves.length + 1 ? known : statesOf(game);
  if (!states) return;
  const items = game.moves
    .map((m, index) => ({ m, index, before: states[index] }))
    .filter(({ m }) => m.ai && (m.side === 'us' || m.side === 'cn'))
    .slice(-count)
    .map(({ m, index, before }) => ({
      turn: before?.round.turn ?? 0,
      side: m.side as Side,
      text: ai.describeAiMove(game.scenario, m, {
        index,
        turn: before?.round.turn ?? 0,
        offer: before?.round.talks.open?.clauses,
      }),
    }));
  store.setState({ feed: items });
}

/** The game's states, replayed: [0] the opening, then after each move (null if it does not replay). */
function statesOf(game: GameSession): readonly GameState[] | null {
  const r = replay(game.scenario, game.seed, game.setup, game.moves, true);
  return r.ok ? (r.states ?? null) : null;
}
