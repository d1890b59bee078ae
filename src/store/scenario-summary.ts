// What the menu shows of a scenario before it is chosen — id, content hash, meta, the sides' names and
// who holds the upper hand at the opening. One function for both makers of it: the scenarios plugin
// (tools/vite-scenarios.ts, at build time, for the shipped ones) and the catalog (in the browser, for
// one loaded from a file). It uses the engine alone, so the menu's bundle gets neither the YAML
// parser nor zod from it.
import type { Scenario } from '../engine/index.ts';
import { headline, leverage, newGame, rulesFor } from '../engine/index.ts';

export interface ScenarioSummary {
  readonly id: string;
  readonly hash: string;
  readonly meta: Scenario['meta'];
  readonly sides: { readonly us: { readonly name: string }; readonly cn: { readonly name: string } };
  readonly headline: string;
}

export function scenarioSummary(id: string, hash: string, scenario: Scenario): ScenarioSummary {
  const rules = rulesFor(scenario);
  return {
    id,
    hash,
    meta: scenario.meta,
    sides: { us: { name: scenario.sides.us.name }, cn: { name: scenario.sides.cn.name } },
    headline: headline(rules, leverage(rules, newGame(scenario, 'menu').world)),
  };
}
