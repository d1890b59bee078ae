// A saved game as it is written to localStorage: `{scenario id, content hash, seed, setup, moves}`
// and, for the list, its title, turn and date. Writing needs nothing of the catalog, so the game
// store (and its unit tests) can autosave without loading any scenario.
import type { Move, Setup } from '../engine';

export const SAVE_PREFIX = 'upper-hand:save:';
export const SAVE_FORMAT = 1;

export interface SaveFile {
  readonly format: number;
  readonly id: string;
  readonly scenarioId: string;
  readonly scenarioHash: string;
  readonly title: string;
  readonly seed: string;
  readonly setup: Setup;
  readonly moves: readonly Move[];
  readonly savedAt: string; // ISO date, for the list
  readonly turn: number;
  readonly over: boolean;
}

export function writeSave(storage: Storage, save: SaveFile): string | null {
  try {
    storage.setItem(SAVE_PREFIX + save.id, JSON.stringify(save));
    return null;
  } catch (e) {
    return `The game could not be saved (${String(e).slice(0, 80)}).`;
  }
}

export function deleteSave(storage: Storage, id: string) {
  storage.removeItem(SAVE_PREFIX + id);
}
