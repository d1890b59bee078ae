// A game as a small file, and the opening of a game file or a link. A file is JSON: its format and
// version, the rules version, the scenario's id and content hash, seed, setup and moves (each move
// written out whole, never as a position in a list), an optional signature by the class server, and
// a CRC-32 over all of it, so a damaged or naively edited file is refused rather than opened as
// another game. Opening finds the scenario (shipped, loaded, or kept from an earlier visit) and
// replays every move, keeping every state for the replay viewer. Refusals are one plain sentence.
import type { GameRecord, GameState, Scenario } from '../engine/index.ts';
import { canonicalJson, replay } from '../engine/index.ts';
import {
  GAME_FILE_FORMAT,
  GAME_FILE_VERSION,
  type GameSignature,
  type SignatureCheck,
  signedBody,
  signedText,
} from '../net/game-signature.ts';
import { findScenario, knownTitle } from './catalog.ts';
import { decodeLink } from './game-link.ts';
import { parseRecord, rulesProblem, scenarioProblem, type VersionedRecord } from './game-record.ts';
import { crc32Text } from './integrity.ts';

export { GAME_FILE_FORMAT, GAME_FILE_VERSION, type GameSignature, type SignatureCheck, signedText };

const MAX_FILE_CHARS = 5_000_000;

export interface OpenedGame {
  readonly ok: true;
  readonly scenario: Scenario;
  readonly hash: string;
  readonly record: VersionedRecord;
  readonly states: readonly GameState[]; // [0] the opening, then after each move
  readonly verified?: 'class-server'; // its signature was checked and holds
}
export interface RefusedGame {
  readonly ok: false;
  readonly reason: string;
  /** The refused game as a file to keep, when it was read whole (other rules, another scenario). */
  readonly keep?: { readonly name: string; readonly text: string };
}
export type OpenResult = OpenedGame | RefusedGame;

/** The game file's text (under today's rules unless the record names its own). */
export function gameFileText(record: GameRecord | VersionedRecord, signature?: GameSignature): string {
  const content = {
    ...signedBody(record),
    ...(signature && { signature }),
  };
  return `${JSON.stringify({ ...content, checksum: crc32Text(canonicalJson(content)) }, null, 1)}\n`;
}

export const gameFileName = (record: GameRecord) =>
  `${record.scenarioId}-${record.seed.replace(/[^\w-]+/g, '_').slice(0, 40)}.upper-hand.json`;

const isObj = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);

function isSignature(x: unknown): x is GameSignature {
  return (
    isObj(x) &&
    Object.keys(x).length === 3 &&
    typeof x.by === 'string' &&
    typeof x.alg === 'string' &&
    typeof x.value === 'string'
  );
}

export type ParsedFile = VersionedRecord & { readonly signature?: GameSignature };

/** The shape and checksum check of a game file; the reason is a clause for "…: <reason>". */
export function parseGameFile(text: string): ParsedFile | { reason: string } {
  if (text.length > MAX_FILE_CHARS) return { reason: 'it is far too large to be a game file' };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { reason: 'it is not a game file (not valid JSON)' };
  }
  if (!isObj(data) || data.format !== GAME_FILE_FORMAT)
    return { reason: 'it is not an Upper Hand game file' };
  if (data.version === 1)
    return {
      reason:
        'it was made by an earlier version of Upper Hand whose files cannot be checked for damage, so it cannot be opened safely',
    };
  if (data.version !== GAME_FILE_VERSION)
    return { reason: 'it was made by a newer version of Upper Hand: open it there' };
  const { checksum, ...content } = data;
  try {
    if (typeof checksum !== 'string' || crc32Text(canonicalJson(content)) !== checksum)
      return { reason: 'it is damaged or has been edited (its checksum does not match its content)' };
  } catch {
    return { reason: 'it is damaged' };
  }
  const known = new Set([
    'format',
    'version',
    'rules',
    'scenarioId',
    'scenarioHash',
    'seed',
    'setup',
    'moves',
  ]);
  if (content.signature !== undefined && !isSignature(content.signature))
    return { reason: 'its signature is damaged' };
  if (Object.keys(content).some((k) => !known.has(k) && k !== 'signature'))
    return { reason: 'it holds fields a game file does not have' };
  let record: VersionedRecord | { reason: string };
  try {
    record = parseRecord(content);
  } catch {
    return { reason: 'it is damaged' };
  }
  if ('reason' in record) return record;
  return isSignature(content.signature) ? { ...record, signature: content.signature } : record;
}

/** Opens a game record: its rules version, its scenario, then a replay of every move. */
export async function openRecord(record: VersionedRecord, storage: Storage | null): Promise<OpenResult> {
  const keep = { name: gameFileName(record), text: gameFileText(record) };
  const rules = rulesProblem(record.rules);
  if (rules) return { ok: false, reason: rules, keep };
  const entry = await findScenario(record.scenarioHash, storage);
  if (!entry)
    return { ok: false, reason: scenarioProblem(record.scenarioId, knownTitle(record.scenarioId)), keep };
  if (entry.scenario.id !== record.scenarioId)
    return { ok: false, reason: `its scenario id “${record.scenarioId}” does not match its content hash` };
  try {
    const r = replay(entry.scenario, record.seed, record.setup, record.moves, true);
    if (!r.ok) return { ok: false, reason: `move ${r.at + 1} is refused by the rules: ${r.reason}` };
    return {
      ok: true,
      scenario: entry.scenario,
      hash: record.scenarioHash,
      record,
      states: r.states ?? [r.state],
    };
  } catch {
    return { ok: false, reason: 'it could not be replayed' };
  }
}

/**
 * Opens a game file's text; a signature is checked when the caller can (by asking the class server).
 * A checker that cannot reach a server throws: the file then opens unverified.
 */
export async function openGameFile(
  text: string,
  storage: Storage | null,
  checkSignature?: SignatureCheck,
): Promise<OpenResult> {
  const parsed = parseGameFile(text);
  if ('reason' in parsed) return { ok: false, reason: parsed.reason };
  const { signature, ...record } = parsed;
  // the signature first: a signed file changed since says so, whatever its replay would have met;
  // with no server to ask (the check throws), it opens unverified, like an unsigned one
  const holds =
    signature && checkSignature
      ? await checkSignature(signedText(record), signature).catch(() => null)
      : null;
  if (holds === false)
    return {
      ok: false,
      reason: 'its class server signature does not hold: it was changed after the server signed it',
    };
  const opened = await openRecord(record, storage);
  return opened.ok && holds === true ? { ...opened, verified: 'class-server' } : opened;
}

/** Opens a link's text (what follows `#game=`). */
export async function openGameLink(text: string, storage: Storage | null): Promise<OpenResult> {
  const d = decodeLink(text);
  if (!d.ok) return d;
  return openRecord(d.record, storage);
}
