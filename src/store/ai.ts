// The computer opponent, loaded on demand from src/ai (written separately, to this contract). The
// module is found with import.meta.glob so the game builds and plays hot-seat even where src/ai is
// not there yet; solo play is offered only when it is. The store never decides a move itself.
import type { AiMoveContext, GameState, Move, Scenario, Side } from '../engine/index.ts';

export interface AiSeat {
  profile: string;
  level: number;
}

export interface AiModule {
  readonly AI_LEVELS: readonly number[];
  readonly DEFAULT_AI_LEVEL: number;
  chooseMove(scenario: Scenario, state: GameState, side: Side, seat: AiSeat): Move;
  describeAiMove(scenario: Scenario, move: Move, at?: AiMoveContext): string;
  defaultSeat(scenario: Scenario, side: Side): AiSeat;
}

const found = import.meta.glob<AiModule>('../ai/index.ts');
const loader = Object.values(found)[0];

let loaded: Promise<AiModule | null> | null = null;

function isAiModule(m: unknown): m is AiModule {
  const x = m as Partial<AiModule> | null;
  return (
    typeof x === 'object' &&
    x !== null &&
    typeof x.chooseMove === 'function' &&
    typeof x.describeAiMove === 'function' &&
    typeof x.defaultSeat === 'function'
  );
}

/** The AI module, or null when this build has none (or it lacks the contract's functions). */
export function loadAi(): Promise<AiModule | null> {
  if (!loaded) loaded = loader ? loader().then((m) => (isAiModule(m) ? m : null)) : Promise.resolve(null);
  return loaded;
}
