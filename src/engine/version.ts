// The version of the rules: raised whenever a change to the engine would replay a recorded game
// (the same scenario, seed, setup and moves) into another game. Saves, game files and links carry it
// beside the scenario's content hash, so a game recorded under other rules is refused, never replayed
// into a different game.
export const RULES_VERSION = 1;
