// A game record as it is kept outside the engine — in a save, a game file or a link: the engine's
// record (scenario id and content hash, seed, setup, moves) with the rules version it was played
// under. Whatever enters from outside passes one shape check here (finite numbers only), and a
// record of other rules or another version of its scenario is refused with one sentence naming what
// changed, never replayed into a different game.
import type { GameRecord, Move } from '../engine/index.ts';
import { isSetup, RULES_VERSION } from '../engine/index.ts';
import { firstNonFinite } from './integrity.ts';

/** A game record with the version of the rules it was played under. */
export interface VersionedRecord extends GameRecord {
  readonly rules: number;
}

export const versioned = (record: GameRecord, rules = RULES_VERSION): VersionedRecord => ({
  scenarioId: record.scenarioId,
  scenarioHash: record.scenarioHash,
  seed: record.seed,
  setup: record.setup,
  moves: record.moves,
  rules,
});

const isObj = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);

const MAX_TEXT = 200; // an id, a hash or a seed: no real one comes near this
const MAX_MOVES = 20_000;

/** The shape check of a record read from outside; the reason is a clause for "…: <reason>". */
export function parseRecord(data: unknown): VersionedRecord | { reason: string } {
  if (!isObj(data)) return { reason: 'it holds no game' };
  const bad = firstNonFinite(data);
  if (bad) return { reason: `it holds a number that is not finite (at ${bad.slice(0, 60)})` };
  for (const k of ['scenarioId', 'scenarioHash', 'seed'] as const) {
    const v = data[k];
    if (typeof v !== 'string' || v.length === 0 || v.length > MAX_TEXT)
      return { reason: `its field “${k}” is missing or damaged` };
  }
  if (!Number.isInteger(data.rules) || (data.rules as number) < 1)
    return { reason: 'its rules version is missing or damaged' };
  if (!isSetup(data.setup)) return { reason: 'its setup is missing or damaged' };
  if (!Array.isArray(data.moves) || data.moves.length > MAX_MOVES || !data.moves.every(isObj))
    return { reason: 'its list of moves is missing or damaged' };
  return {
    scenarioId: data.scenarioId as string,
    scenarioHash: data.scenarioHash as string,
    seed: data.seed as string,
    setup: data.setup,
    moves: data.moves as Move[],
    rules: data.rules as number,
  };
}

/** Why a record cannot be replayed under these rules, or null. */
export function rulesProblem(rules: number): string | null {
  if (rules === RULES_VERSION) return null;
  return rules < RULES_VERSION
    ? `it was played under an earlier version of the game’s rules (version ${rules}; this copy of Upper Hand plays version ${RULES_VERSION}), so replaying it here would give a different game`
    : `it was played under a newer version of the game’s rules (version ${rules}; this copy of Upper Hand plays version ${RULES_VERSION}): open it in a newer copy of Upper Hand`;
}

/** Why a record's scenario is not the one here: another version of it, or one not loaded. */
export function scenarioProblem(scenarioId: string, knownTitle: string | undefined): string {
  return knownTitle
    ? `it was played on another version of “${knownTitle}” (the scenario has changed since), so replaying it on this one would give a different game`
    : `it needs the scenario file “${scenarioId}.yaml”, which is not here: load that scenario from the menu first`;
}
