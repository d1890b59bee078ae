// Talks go on after a deal: a promise or statement already in a deal in force cannot be agreed again
// (the engine refuses it), so the AI's table of clauses leaves it out, and its target and offers
// are packages it may still put on the table.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chooseMove, defaultSeat } from '../../src/ai/index.ts';
import { setupFor } from '../../src/ai/match.ts';
import { entryFor, planFor } from '../../src/ai/memo.ts';
import { leverageFor } from '../../src/ai/model.ts';
import { findProfile } from '../../src/ai/profile.ts';
import { nextToMove } from '../../src/ai/rollout.ts';
import { seeFor } from '../../src/ai/seen.ts';
import { clausesOf } from '../../src/ai/talks.ts';
import type { Clause, GameState, Side } from '../../src/engine/index.ts';
import { agreedIn, applyMove, newGame, rulesFor } from '../../src/engine/index.ts';
import { loadScenarioFile } from '../../tools/scenario-files.ts';

const whole = loadScenarioFile(
  join(import.meta.dirname, '..', '..', 'scenarios', 'whole-of-2025.yaml'),
).scenario;
const chips = loadScenarioFile(
  join(import.meta.dirname, '..', '..', 'scenarios', 'chips-and-soybeans.yaml'),
).scenario;
const seats = { us: { profile: 'washington', level: 2 }, cn: { profile: 'beijing', level: 3 } };

const agreed = (s: GameState, c: Clause) =>
  c.kind === 'statement'
    ? agreedIn(s.world, 'statement', c.statement) !== undefined
    : c.kind !== 'instrument' && agreedIn(s.world, 'commitment', c.item) !== undefined;

/** The game played by the AI seats until `stop` holds before a move (or it ends). */
function playUntil(seed: string, stop: (s: GameState, side: Side) => boolean) {
  let s = newGame(chips, seed, setupFor(seats));
  const asked = new Set<string>();
  const proposals: { s: GameState; clauses: readonly Clause[] }[] = [];
  while (s.round.phase !== 'over') {
    const side = nextToMove(s, asked);
    if (stop(s, side)) return { s, side, proposals };
    const m = chooseMove(chips, s, side, seats[side]);
    if (m.type === 'propose') proposals.push({ s, clauses: m.clauses });
    const r = applyMove(chips, s, m);
    if (!r.ok) expect.fail(r.reason);
    s = r.state;
  }
  return { s, side: null, proposals };
}

describe('after a deal', () => {
  it('leaves what is already agreed out of its table and its target', () => {
    // Washington's opening offer is accepted in the first turn; Beijing opens the next talks
    const { s, side } = playUntil(
      'balance-2',
      (st, sd) => st.round.turn === 1 && st.round.phase === 'talks' && sd === 'cn' && !st.round.talks.open,
    );
    expect(side).toBe('cn');
    expect(s.world.packages.some((p) => p.status === 'active')).toBe(true);
    const seen = seeFor(chips, s, 'cn');
    const profile = findProfile(seen.scenario.profiles, 'beijing', 'cn') ?? null;
    const m = entryFor(seen, seats.cn, profile);
    const plan = planFor(m, leverageFor(m, m.s.world, 'cn'), profile);
    expect(plan.tgt.pkg.length).toBeGreaterThan(0);
    expect(clausesOf(plan.table, plan.tgt.pkg).filter((c) => agreed(s, c))).toEqual([]);
    expect(plan.table.options.filter((o) => agreed(s, o.clause))).toEqual([]);
  });

  it('goes on trading: a second package is agreed, and no offer repeats what is in force', () => {
    const { s, proposals } = playUntil('balance-2', () => false);
    expect(s.world.packages.length).toBeGreaterThan(1);
    for (const p of proposals) expect(p.clauses.filter((c) => agreed(p.s, c))).toEqual([]);
  });
});

// The tutorial at the default level: where the first deal leaves two or more talks turns, Beijing
// makes a next step after it — an offer it gains from — instead of passing to the end (seeds on
// which it used to sit the calendar out).
const tutorial = loadScenarioFile(
  join(import.meta.dirname, '..', '..', 'scenarios', 'opening-bid.yaml'),
).scenario;

describe('the next step after a deal', () => {
  for (const seed of ['p-6', 'p-45', 'p-65'])
    it(`Beijing proposes again after the deal (seed ${seed})`, () => {
      const tseats = { us: defaultSeat(tutorial, 'us'), cn: defaultSeat(tutorial, 'cn') };
      const { mainTurns } = rulesFor(tutorial);
      let s = newGame(tutorial, seed, setupFor(tseats));
      const asked = new Set<string>();
      let dealTurn = -1;
      const after: string[] = [];
      while (s.round.phase !== 'over') {
        const side = nextToMove(s, asked);
        const m = chooseMove(tutorial, s, side, tseats[side]);
        if (side === 'cn' && dealTurn >= 0 && s.round.turn > dealTurn && s.round.phase === 'talks')
          after.push(m.type);
        if (m.type === 'accept' && dealTurn < 0) dealTurn = s.round.turn;
        const r = applyMove(tutorial, s, m);
        if (!r.ok) expect.fail(r.reason);
        s = r.state;
      }
      expect(dealTurn, 'a deal with two or more talks turns left').toBeLessThanOrEqual(mainTurns - 3);
      expect(after).toContain('propose');
    });
});

// The lowest level offers its templates as they stand; after a deal it proposes the ones it still
// gains from, as the higher levels' next step does (both sides at level 1, in the Whole of 2025,
// whose level-1 deals leave talks turns to spare).
describe('the next step after a deal, at the lowest level', () => {
  it('both sides propose again after the deal (the Whole of 2025, seed balance-0)', () => {
    const l1 = {
      us: { ...defaultSeat(whole, 'us'), level: 1 },
      cn: { ...defaultSeat(whole, 'cn'), level: 1 },
    };
    const { mainTurns } = rulesFor(whole);
    let s = newGame(whole, 'balance-0', setupFor(l1));
    const asked = new Set<string>();
    let dealTurn = -1;
    const proposed = new Set<Side>();
    while (s.round.phase !== 'over') {
      const side = nextToMove(s, asked);
      const m = chooseMove(whole, s, side, l1[side]);
      if (m.type === 'propose' && dealTurn >= 0 && s.round.turn > dealTurn) proposed.add(side);
      if (m.type === 'accept' && dealTurn < 0) dealTurn = s.round.turn;
      const r = applyMove(whole, s, m);
      if (!r.ok) expect.fail(r.reason);
      s = r.state;
    }
    expect(dealTurn, 'a deal with two or more talks turns left').toBeLessThanOrEqual(mainTurns - 3);
    expect([...proposed].sort()).toEqual(['cn', 'us']);
  });
});
