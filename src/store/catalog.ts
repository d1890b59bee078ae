// The scenarios a player can start: the shipped ones (validated at build time; the menu has their
// summaries, and each full scenario is a JSON chunk loaded when it is played) and any loaded from
// disk in this browser, kept in localStorage by content hash so their saved games can be resumed
// (the player is told when the browser refuses to keep one).
import shipped from 'virtual:scenarios';
import type { Scenario } from '../engine/index.ts';
import { contentHash } from '../engine/index.ts';
import { deepFreeze } from '../model/freeze.ts';
import { type ScenarioSummary, scenarioSummary } from './scenario-summary.ts';

/** What the menu shows of a scenario, and where it comes from. */
export interface ScenarioInfo extends ScenarioSummary {
  readonly origin: 'shipped' | 'file';
}

export interface CatalogEntry {
  readonly id: string;
  readonly hash: string;
  readonly scenario: Scenario;
  readonly origin: 'shipped' | 'file';
}

const SCENARIO_PREFIX = 'upper-hand:scenario:';

const shippedInfo: ScenarioInfo[] = shipped.map((s) => ({
  id: s.id,
  hash: s.hash,
  meta: s.meta,
  sides: s.sides,
  headline: s.headline,
  origin: 'shipped',
}));

const loaded = new Map<string, CatalogEntry>();
const fromFiles = new Map<string, ScenarioInfo>();

export function shippedScenarios(): readonly ScenarioInfo[] {
  return shippedInfo;
}

/** Scenarios loaded from files during this visit, for the menu. */
export function fileScenarios(): readonly ScenarioInfo[] {
  return [...fromFiles.values()];
}

export function infoOf(entry: CatalogEntry): ScenarioInfo {
  return { ...scenarioSummary(entry.id, entry.hash, entry.scenario), origin: entry.origin };
}

/**
 * Adds a scenario loaded (and validated) from disk, and keeps it for resuming its saves; `kept` is
 * false when the browser refused to keep it (its storage full), which the player is told.
 */
export function addLoadedScenario(
  scenario: Scenario,
  hash: string,
  storage: Storage | null,
): CatalogEntry & { readonly kept: boolean } {
  const entry: CatalogEntry = { id: scenario.id, hash, scenario: deepFreeze(scenario), origin: 'file' };
  loaded.set(hash, entry);
  fromFiles.set(hash, infoOf(entry));
  let kept = storage !== null;
  try {
    storage?.setItem(SCENARIO_PREFIX + hash, JSON.stringify(scenario));
  } catch {
    kept = false; // the game still plays; its saves need the file again on a later visit
  }
  return { ...entry, kept };
}

/** The scenario with this content hash: shipped, loaded this visit, or kept from an earlier one. */
export async function findScenario(hash: string, storage: Storage | null): Promise<CatalogEntry | undefined> {
  const hit = loaded.get(hash);
  if (hit) return hit;
  const ship = shipped.find((s) => s.hash === hash);
  if (ship) {
    const entry: CatalogEntry = {
      id: ship.id,
      hash,
      scenario: deepFreeze((await ship.load()).default),
      origin: 'shipped',
    };
    loaded.set(hash, entry);
    return entry;
  }
  const text = storage?.getItem(SCENARIO_PREFIX + hash);
  if (!text) return undefined;
  try {
    const scenario = JSON.parse(text) as Scenario;
    if (contentHash(scenario) !== hash) return undefined; // altered since it was checked
    const entry: CatalogEntry = { id: scenario.id, hash, scenario: deepFreeze(scenario), origin: 'file' };
    loaded.set(hash, entry);
    return entry;
  } catch {
    return undefined;
  }
}

/** Whether the scenario with this content hash is here, without loading it. */
export function isKnownHash(hash: string, storage: Storage | null): boolean {
  if (loaded.has(hash) || shipped.some((s) => s.hash === hash)) return true;
  try {
    return storage?.getItem(SCENARIO_PREFIX + hash) != null;
  } catch {
    return false;
  }
}

/** Any known version of a scenario id (to tell an outdated save from an unknown one). */
export function knownTitle(id: string): string | undefined {
  return (shippedInfo.find((e) => e.id === id) ?? [...fromFiles.values()].find((e) => e.id === id))?.meta
    .title;
}
