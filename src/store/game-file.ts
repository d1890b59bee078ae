// A game as a small file (JSON: scenario id and content hash, seed, setup, moves) and the opening of
// a game file or a link: find its scenario (shipped, loaded, or kept from an earlier visit), replay
// it, and keep every state for the replay viewer. A file for a scenario that is not here says which
// scenario file it needs; a broken or tampered file is refused with its reason, never thrown.
import type { GameRecord, GameState, Move, Scenario } from '../engine';
import { isSetup, replay } from '../engine';
import { findScenario, knownTitle } from './catalog';
import { decodeGame, peekGame } from './game-link';

export const GAME_FILE_FORMAT = 'upper-hand-game';
export const GAME_FILE_VERSION = 1;

export interface OpenedGame {
  readonly ok: true;
  readonly scenario: Scenario;
  readonly hash: string;
  readonly record: GameRecord;
  readonly states: readonly GameState[]; // [0] the opening, then after each move
}
export type OpenResult = OpenedGame | { readonly ok: false; readonly reason: string };

/** The game file's text. */
export function gameFileText(record: GameRecord): string {
  return `${JSON.stringify(
    {
      format: GAME_FILE_FORMAT,
      version: GAME_FILE_VERSION,
      scenarioId: record.scenarioId,
      scenarioHash: record.scenarioHash,
      seed: record.seed,
      setup: record.setup,
      moves: record.moves,
    },
    null,
    1,
  )}\n`;
}

export const gameFileName = (record: GameRecord) =>
  `${record.scenarioId}-${record.seed.replace(/[^\w-]+/g, '_').slice(0, 40)}.upper-hand.json`;

const isObj = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);

/** The shape check of a game file (a save from localStorage is accepted too). */
export function parseGameFile(text: string): GameRecord | { reason: string } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { reason: 'it is not a game file (not valid JSON)' };
  }
  if (!isObj(data)) return { reason: 'it holds no game' };
  if (data.format !== GAME_FILE_FORMAT && data.format !== 1)
    return { reason: 'it is not an Upper Hand game file' };
  for (const k of ['scenarioId', 'scenarioHash', 'seed'] as const)
    if (typeof data[k] !== 'string') return { reason: `its field “${k}” is missing or damaged` };
  if (!isSetup(data.setup)) return { reason: 'its setup is missing or damaged' };
  if (!Array.isArray(data.moves) || !data.moves.every(isObj))
    return { reason: 'its list of moves is missing or damaged' };
  return {
    scenarioId: data.scenarioId as string,
    scenarioHash: data.scenarioHash as string,
    seed: data.seed as string,
    setup: data.setup,
    moves: data.moves as Move[],
  };
}

async function scenarioFor(
  id: string,
  hash: string,
  storage: Storage | null,
): Promise<{ scenario: Scenario } | { reason: string }> {
  const entry = await findScenario(hash, storage);
  if (entry) return { scenario: entry.scenario };
  const title = knownTitle(id);
  return {
    reason: title
      ? `it was played on another version of “${title}” (its content hash differs), so it cannot be replayed on this one`
      : `it needs the scenario file “${id}.yaml”, which is not here: load that scenario from the menu first`,
  };
}

/** Opens a game record: its scenario, then a replay of every move. */
export async function openRecord(record: GameRecord, storage: Storage | null): Promise<OpenResult> {
  const found = await scenarioFor(record.scenarioId, record.scenarioHash, storage);
  if ('reason' in found) return { ok: false, reason: found.reason };
  if (found.scenario.id !== record.scenarioId)
    return { ok: false, reason: `its scenario id “${record.scenarioId}” does not match its content hash` };
  try {
    const r = replay(found.scenario, record.seed, record.setup, record.moves, true);
    if (!r.ok) return { ok: false, reason: `move ${r.at + 1} is refused by the rules: ${r.reason}` };
    return {
      ok: true,
      scenario: found.scenario,
      hash: record.scenarioHash,
      record,
      states: r.states ?? [r.state],
    };
  } catch (e) {
    return { ok: false, reason: `it could not be replayed (${String(e).slice(0, 100)})` };
  }
}

/** Opens a game file's text. */
export async function openGameFile(text: string, storage: Storage | null): Promise<OpenResult> {
  const record = parseGameFile(text);
  if ('reason' in record) return { ok: false, reason: record.reason };
  return openRecord(record, storage);
}

/** Opens a link's text (what follows `#game=`). */
export async function openGameLink(text: string, storage: Storage | null): Promise<OpenResult> {
  const peek = peekGame(text);
  if (!peek) return { ok: false, reason: 'the link is not a game link, or it is damaged' };
  const found = await scenarioFor(peek.scenarioId, peek.scenarioHash, storage);
  if ('reason' in found) return { ok: false, reason: found.reason };
  const d = decodeGame(found.scenario, peek.scenarioHash, text);
  if (!d.ok) return { ok: false, reason: d.reason };
  // decoding replayed every move against this scenario already: its states are the game's
  return { ok: true, scenario: found.scenario, hash: peek.scenarioHash, record: d.record, states: d.states };
}
