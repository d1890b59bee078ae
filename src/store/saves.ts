// Saved games in localStorage: one key per game holding `{scenario id, content hash, seed, setup,
// moves}` (and a title and turn for the list). Reading them back replays the moves through the
// engine; a save that is broken JSON, made with another version of its scenario, or holding a move
// the rules refuse is reported with its reason and skipped — the other saves stay.
import type { GameState, Move, Scenario } from '../engine';
import { isSetup, replay } from '../engine';
import { findScenario, knownTitle } from './catalog';

import { SAVE_FORMAT, SAVE_PREFIX, type SaveFile } from './save-file';

export { deleteSave, SAVE_FORMAT, SAVE_PREFIX, type SaveFile, writeSave } from './save-file';

export interface ResumableSave {
  readonly save: SaveFile;
  readonly scenario: Scenario;
  readonly state: GameState;
  readonly states?: readonly GameState[]; // every state, when asked for: a save resumed at once
}

export interface SaveProblem {
  readonly key: string;
  readonly id: string;
  readonly reason: string;
}

const isObj = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);

/** The shape check: a save must name its scenario, seed, setup and moves. */
function parseSave(text: string): SaveFile | string {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return 'it is not valid JSON (the file is damaged)';
  }
  if (!isObj(data)) return 'it holds no saved game';
  if (data.format !== SAVE_FORMAT) return `it was written in an unknown save format (${String(data.format)})`;
  const strings = ['id', 'scenarioId', 'scenarioHash', 'seed'] as const;
  for (const k of strings) if (typeof data[k] !== 'string') return `its field \`${k}\` is missing or damaged`;
  if (!isSetup(data.setup)) return 'its setup is missing or damaged';
  if (!Array.isArray(data.moves)) return 'its list of moves is missing or damaged';
  return {
    format: SAVE_FORMAT,
    id: data.id as string,
    scenarioId: data.scenarioId as string,
    scenarioHash: data.scenarioHash as string,
    title: typeof data.title === 'string' ? data.title : (data.scenarioId as string),
    seed: data.seed as string,
    setup: data.setup,
    moves: data.moves as Move[],
    savedAt: typeof data.savedAt === 'string' ? data.savedAt : '',
    turn: typeof data.turn === 'number' ? data.turn : 0,
    over: data.over === true,
  };
}

/**
 * Reads one save and replays it (keeping every state if asked, for a save about to be resumed); a
 * problem comes back as a readable reason.
 */
export async function readSave(
  storage: Storage,
  key: string,
  keepStates = false,
): Promise<ResumableSave | SaveProblem> {
  const id = key.slice(SAVE_PREFIX.length);
  const text = storage.getItem(key);
  if (text === null) return { key, id, reason: 'it is no longer there' };
  const save = parseSave(text);
  if (typeof save === 'string') return { key, id, reason: save };
  const entry = await findScenario(save.scenarioHash, storage);
  if (!entry) {
    const title = knownTitle(save.scenarioId);
    return {
      key,
      id,
      reason: title
        ? `it was made with another version of “${title}” and cannot be replayed on this one`
        : `its scenario “${save.scenarioId}” is not available here (load its file first)`,
    };
  }
  try {
    const r = replay(entry.scenario, save.seed, save.setup, save.moves, keepStates);
    if (!r.ok) return { key, id, reason: `move ${r.at + 1} is refused by the rules: ${r.reason}` };
    return { save, scenario: entry.scenario, state: r.state, ...(r.states && { states: r.states }) };
  } catch (e) {
    return { key, id, reason: `it could not be replayed (${String(e).slice(0, 100)})` };
  }
}

export const isProblem = (r: ResumableSave | SaveProblem): r is SaveProblem => 'reason' in r;

/** Every save, newest first, and the problems of those that cannot be resumed. */
export async function listSaves(
  storage: Storage,
): Promise<{ saves: ResumableSave[]; problems: SaveProblem[] }> {
  const saves: ResumableSave[] = [];
  const problems: SaveProblem[] = [];
  const keys: string[] = [];
  for (let i = 0; i < storage.length; i++) {
    const k = storage.key(i);
    if (k?.startsWith(SAVE_PREFIX)) keys.push(k);
  }
  for (const key of keys.sort()) {
    const r = await readSave(storage, key);
    if (isProblem(r)) problems.push(r);
    else saves.push(r);
  }
  saves.sort((a, b) => (a.save.savedAt < b.save.savedAt ? 1 : a.save.savedAt > b.save.savedAt ? -1 : 0));
  return { saves, problems };
}
