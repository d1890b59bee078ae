// What a class server signs of a game it hosted, shared by the server (which signs and checks) and
// the browser (which carries the signature in the game file and asks the server to check it). The
// signed text is the record's canonical JSON under the file format's header, so a file's signature
// holds exactly when its game (rules, scenario, seed, setup and every move) is the one the server saw.
import type { GameRecord } from '../engine/index.ts';
import { canonicalJson, RULES_VERSION } from '../engine/index.ts';

export const GAME_FILE_FORMAT = 'upper-hand-game';
export const GAME_FILE_VERSION = 2;

/**
 * A class server's signature of a game it hosted: an HMAC of `signedText(record)` with the server's
 * key. Only the server can check it; a file opened offline carries it, and a checker given by the
 * server says whether it holds.
 */
export interface GameSignature {
  readonly by: string; // "class-server"
  readonly alg: string; // "HMAC-SHA256"
  readonly value: string; // base64url
}
export type SignatureCheck = (signedText: string, signature: GameSignature) => Promise<boolean>;

/** A record with the rules version it was played under. */
export type RulesRecord = GameRecord & { readonly rules: string };

/** The record's fields in the file's order: what a signature covers. */
export function signedBody(record: GameRecord | RulesRecord) {
  return {
    format: GAME_FILE_FORMAT,
    version: GAME_FILE_VERSION,
    rules: 'rules' in record ? record.rules : RULES_VERSION,
    scenarioId: record.scenarioId,
    scenarioHash: record.scenarioHash,
    seed: record.seed,
    setup: record.setup,
    moves: record.moves,
  };
}

/** The text a class server signs: the record's canonical JSON (under today's rules unless it names its own). */
export const signedText = (record: GameRecord | RulesRecord): string => canonicalJson(signedBody(record));

/** The server's answer to "does this signature hold?" (POST /online/verify). */
export interface VerifyRequest {
  readonly signedText: string;
  readonly signature: GameSignature;
}
export interface VerifyAnswer {
  readonly holds: boolean;
}
