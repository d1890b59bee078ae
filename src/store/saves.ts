// Saved games as the menu sees them and as a game is resumed. The list comes from the stored headers
// alone — no move is read and no game replayed — and names, without loading anything, the saves that
// cannot be opened here (other rules, a scenario version not here, damaged when it was moved from
// localStorage). A game is read and replayed only when it is opened; a save that then fails is
// reported with its reason, and the others stay.
import type { GameState, Scenario } from '../engine/index.ts';
import { replay } from '../engine/index.ts';
import { findScenario, isKnownHash, knownTitle } from './catalog.ts';
import { gameFileName, gameFileText } from './game-file.ts';
import { parseRecord, rulesProblem, scenarioProblem } from './game-record.ts';
import {
  type BrokenSave,
  readGame,
  readHeaders,
  type SaveDb,
  type SaveHeader,
  type StoredGame,
} from './save-db.ts';

export interface ResumableSave {
  readonly save: StoredGame;
  readonly scenario: Scenario;
  readonly state: GameState;
  readonly states?: readonly GameState[]; // every state, when asked for: a save resumed at once
}

export interface SaveProblem {
  readonly id: string;
  readonly title: string;
  readonly reason: string; // a clause: "Saved game … cannot be opened: <reason>."
  readonly broken?: true; // kept as text: no game file can be made of it
}

/** The menu's list: saves that can be opened, newest first, and the problems of those that cannot. */
export async function listSaves(
  db: SaveDb,
  storage: Storage | null,
): Promise<{ saves: SaveHeader[]; problems: SaveProblem[] }> {
  const { headers, broken } = await readHeaders(db);
  const saves: SaveHeader[] = [];
  const problems: SaveProblem[] = broken.map((b: BrokenSave) => ({
    id: b.id,
    title: b.id,
    reason: b.reason,
    broken: true,
  }));
  for (const h of headers) {
    const why =
      rulesProblem(h.rules) ??
      (isKnownHash(h.scenarioHash, storage) ? null : scenarioProblem(h.scenarioId, knownTitle(h.scenarioId)));
    if (why) problems.push({ id: h.id, title: h.title, reason: why });
    else saves.push(h);
  }
  saves.sort((a, b) => (a.savedAt < b.savedAt ? 1 : a.savedAt > b.savedAt ? -1 : 0));
  return { saves, problems };
}

/** A saved game as a game file to keep (nothing replayed), or null when it is not there. */
export async function saveAsFile(db: SaveDb, id: string): Promise<{ name: string; text: string } | null> {
  const game = await readGame(db, id);
  return game ? { name: gameFileName(game), text: gameFileText(game) } : null;
}

/**
 * Reads one save and replays it (keeping every state if asked, for a save about to be resumed); a
 * problem comes back as a readable reason.
 */
export async function readSave(
  db: SaveDb,
  id: string,
  storage: Storage | null,
  keepStates = false,
): Promise<ResumableSave | SaveProblem> {
  let stored: StoredGame | undefined;
  try {
    stored = await readGame(db, id);
  } catch {
    return { id, title: id, reason: 'the browser’s storage could not be read' };
  }
  if (!stored) return { id, title: id, reason: 'it is no longer there' };
  const record = parseRecord(stored);
  if ('reason' in record) return { id, title: id, reason: record.reason };
  const title = knownTitle(record.scenarioId) ?? record.scenarioId;
  const rules = rulesProblem(record.rules);
  if (rules) return { id, title, reason: rules };
  const entry = await findScenario(record.scenarioHash, storage);
  if (!entry) return { id, title, reason: scenarioProblem(record.scenarioId, knownTitle(record.scenarioId)) };
  try {
    const r = replay(entry.scenario, record.seed, record.setup, record.moves, keepStates);
    if (!r.ok) return { id, title, reason: `move ${r.at + 1} is refused by the rules: ${r.reason}` };
    return { save: stored, scenario: entry.scenario, state: r.state, ...(r.states && { states: r.states }) };
  } catch {
    return { id, title, reason: 'it could not be replayed' };
  }
}

export const isProblem = (r: ResumableSave | SaveProblem): r is SaveProblem => 'reason' in r;
