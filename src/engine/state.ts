// A new game: the opening state a scenario describes, with the seed's random streams, and the
// first turn's calendar and events already applied.
import { freeze } from 'immer';
import { seedStreams } from './rng.ts';
import type { Rules } from './rules.ts';
import { rulesFor, turnOf } from './rules.ts';
import { startTurn } from './turn.ts';
import type { GameState, Scenario, Setup, Working } from './types.ts';
import { DEFAULT_SETUP } from './types.ts';

export function openingState(rules: Rules, seed: string, setup: Setup): Working {
  const sc = rules.scenario;
  const levels: Record<string, number> = {};
  for (const i of sc.instruments) levels[i.id] = i.level;
  const values: Record<string, number> = {};
  const alt: Record<string, number> = {};
  for (const i of sc.indicators) {
    values[i.id] = i.start;
    alt[i.id] = i.alt;
  }
  const announcements: Working['world']['announcements'] = {};
  for (const a of sc.announcements) {
    const owner = rules.instruments.get(a.instrument)?.owner;
    if (owner) announcements[a.instrument] = { level: a.level, turn: turnOf(rules, a.date), by: owner };
  }
  const truce = sc.calendar.truce;
  return {
    meta: { scenarioId: sc.id, scenarioHash: rules.hash, seed, setup, moveCount: 0 },
    world: {
      levels,
      values,
      alt,
      resolve: { us: sc.sides.us.resolve, cn: sc.sides.cn.resolve },
      reliability: { us: sc.sides.us.reliability, cn: sc.sides.cn.reliability },
      tension: sc.params.tension.start,
      announcements,
      builds: {},
      packages: [],
      tallies: {},
      totals: { util: { us: 0, cn: 0 }, promised: { us: 0, cn: 0 }, delivered: { us: 0, cn: 0 } },
      fired: {},
      truce: truce ? { endTurn: turnOf(rules, truce.end), expired: false, extensions: 0 } : null,
      summit: sc.calendar.summit ? 'pending' : null,
      collapsed: false,
      pressuredOn: { us: -1, cn: -1 },
    },
    round: {
      turn: 0,
      phase: 'talks',
      talks: {
        first: sc.calendar.firstInTalks,
        toMove: sc.calendar.firstInTalks,
        made: { us: 0, cn: 0 },
        open: null,
        passed: { us: false, cn: false },
      },
      drafts: { us: null, cn: null },
      revealed: null,
      news: [],
      lastNews: [],
    },
    rng: seedStreams(seed),
  };
}

/** A new game of a scenario: turn 0 with its events fired and the talks open. */
export function newGame(scenario: Scenario, seed: string, setup: Setup = DEFAULT_SETUP): GameState {
  const rules = rulesFor(scenario);
  const s = openingState(rules, seed, setup); // fresh plain data, so the first turn starts on it directly
  startTurn(rules, s);
  return freeze(s, true);
}
