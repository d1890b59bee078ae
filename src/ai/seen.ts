// What the AI may know: its own side's view (viewFor), rebuilt as a state and a scenario the engine's
// functions accept. The other side's draft orders become "submitted, contents unknown", the random
// streams are blanked, and the scenario keeps only this side's red lines, objectives, briefing and
// profiles — so nothing the AI computes can depend on the other side's private data.
import type { GameState, Rules, Scenario, Side } from '../engine/index.ts';
import { other, rulesFor, STREAMS, viewFor } from '../engine/index.ts';

export interface Seen {
  readonly side: Side;
  readonly opp: Side;
  readonly scenario: Scenario; // this side's scenario: public parts and its own private ones
  readonly rules: Rules;
  readonly s: GameState; // the visible state (no random streams, the other's draft hidden)
}

const BLANK = { c: 0, s0: 0, s1: 0, s2: 0 };
const BLANK_RNG = Object.fromEntries(STREAMS.map((k) => [k, BLANK])) as GameState['rng'];

const scenarios = new WeakMap<Scenario, Partial<Record<Side, Scenario>>>();

function sideScenario(full: Scenario, side: Side, view: ReturnType<typeof viewFor>): Scenario {
  let bySide = scenarios.get(full);
  if (!bySide) {
    bySide = {};
    scenarios.set(full, bySide);
  }
  const hit = bySide[side];
  if (hit) return hit;
  const own = view.mine.briefing ?? { text: '-', sources: [] };
  const made: Scenario = {
    ...view.scenario,
    objectives: view.mine.objectives,
    redLines: view.mine.redLines,
    briefings: { us: own, cn: own },
    profiles: view.mine.profiles,
  };
  bySide[side] = made;
  return made;
}

/** The game as `side` sees it. */
export function seeFor(full: Scenario, state: GameState, side: Side): Seen {
  const opp = other(side);
  let scenario = scenarios.get(full)?.[side];
  if (!scenario) {
    // The view as the 'after' setting shows it: the AI computes leverage itself from the public
    // tables, so the view need not (it would be the same number, and it costs a tenth of a decision).
    const quiet =
      state.meta.setup.leverage === 'after'
        ? state
        : { ...state, meta: { ...state.meta, setup: { ...state.meta.setup, leverage: 'after' as const } } };
    scenario = sideScenario(full, side, viewFor(full, quiet, side));
  }
  // The view's state (viewFor's: every part public but the random streams and the drafts, of which
  // it shows its own and whether the other side's are in), rebuilt here in one copy: a decision
  // takes it afresh, and viewFor's copies of the whole state were a tenth of a decision.
  const { drafts } = state.round;
  const hidden = drafts[opp] !== null ? [] : null;
  const s: GameState = {
    meta: state.meta,
    world: state.world,
    round: {
      ...state.round,
      drafts: side === 'us' ? { us: drafts.us, cn: hidden } : { us: hidden, cn: drafts.cn },
    },
    rng: BLANK_RNG,
  };
  return { side, opp, scenario, rules: rulesFor(scenario), s };
}
