// The hardest level plays the game on before it proposes or gives orders: after each of its best
// offers or order sets, the game is played on a few turns at the default level (itself with its own
// profile, the other side with the plain one answering in proportion), and it takes what leaves it
// best placed. Whether to make an offer at all is the search's call. What the look-ahead reads is
// its own view only, and its dice are the AI's own.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chooseMove, describeAiMove, PLAIN_PROFILE } from '../../src/ai/index.ts';
import { setupFor } from '../../src/ai/match.ts';
import { nextToMove, type Policy, playOn } from '../../src/ai/rollout.ts';
import type { GameState, Scenario, SideScore } from '../../src/engine/index.ts';
import { applyMove, newGame, rulesFor, score, seedStreams, utility } from '../../src/engine/index.ts';
import { loadScenarioFile } from '../../tools/scenario-files.ts';

const openingBid = loadScenarioFile(
  join(import.meta.dirname, '..', '..', 'scenarios', 'opening-bid.yaml'),
).scenario;
const seatsAt = (level: number) => ({
  us: { profile: 'washington', level: 2 },
  cn: { profile: 'beijing', level },
});
const start = (level: number) => newGame(openingBid, 'look', setupFor(seatsAt(level)));
const policy: Policy = (sc, st, side) => chooseMove(sc, st, side, { profile: PLAIN_PROFILE, level: 2 });

// the look-ahead's scale: utility points over the no-deal line, objectives turned back into them
const total = (x: SideScore) => x.raw + (x.bonus * x.standStillCost) / 100;

describe('playing on', () => {
  it('reads the standing held to the end when it stops before the last turn', () => {
    const s = start(2);
    const rules = rulesFor(openingBid);
    const held =
      total(score(openingBid, s).sides.us) + (utility(rules, s.world.values, 'us') * rules.totalTurns) / 10;
    expect(playOn(openingBid, s, 'us', policy, 'x', 0)).toBeCloseTo(held, 9);
  });

  it('plays to the end and reads the final score when the turns allow, the same for the same seed', () => {
    const s = start(2);
    const a = playOn(openingBid, s, 'cn', policy, 'seed-1', 99);
    expect(playOn(openingBid, s, 'cn', policy, 'seed-1', 99)).toBe(a);
    // by hand: the same policy, the same dice, to the end
    let st: GameState = { ...s, rng: seedStreams('seed-1') };
    const asked = new Set<string>();
    while (st.round.phase !== 'over') {
      const r = applyMove(openingBid, st, policy(openingBid, st, nextToMove(st, asked)));
      if (!r.ok) expect.fail(r.reason);
      st = r.state;
    }
    expect(a).toBe(total(score(openingBid, st).sides.cn));
  });

  it('asks a side with a readout due once, then follows the talks', () => {
    // play until a package is accepted and a readout falls due (in the first game that has one)
    const due = (st: GameState) => st.world.packages.some((p) => p.readouts.us === null);
    let s = start(2);
    for (let g = 0; g < 20 && !due(s); g++) {
      s = newGame(openingBid, g === 0 ? 'look' : `look-${g}`, setupFor(seatsAt(2)));
      const asked = new Set<string>();
      while (s.round.phase !== 'over' && !due(s)) {
        const side = nextToMove(s, asked);
        const r = applyMove(openingBid, s, chooseMove(openingBid, s, side, seatsAt(2)[side]));
        if (!r.ok) expect.fail(r.reason);
        s = r.state;
      }
    }
    const found = s.world.packages.find((p) => p.readouts.us === null);
    expect(found).toBeDefined();
    const fresh = new Set<string>();
    const first = nextToMove(s, fresh);
    expect(s.world.packages.find((p) => p.readouts[first] === null)).toBeDefined();
    expect(fresh.has(`${s.round.turn}/${first}`)).toBe(true);
  });
});

const liberationDay = loadScenarioFile(
  join(import.meta.dirname, '..', '..', 'scenarios', 'liberation-day-to-geneva.yaml'),
).scenario;
const hardUs = { us: { profile: 'washington', level: 3 }, cn: { profile: 'beijing', level: 2 } };

/** The state before Washington's first orders at the hardest level that playing on chose (the first game that has them). */
function beforeLookedAheadOrders(): GameState {
  for (let g = 0; g < 20; g++) {
    let s = newGame(liberationDay, `look-${g}`, setupFor(hardUs));
    const asked = new Set<string>();
    while (s.round.phase !== 'over') {
      const side = nextToMove(s, asked);
      const m = chooseMove(liberationDay, s, side, hardUs[side]);
      if (side === 'us' && m.type === 'orders' && m.ai?.code === 'search:look-ahead') return s;
      const r = applyMove(liberationDay, s, m);
      if (!r.ok) expect.fail(r.reason);
      s = r.state;
    }
  }
  return expect.fail('no orders chosen by playing on');
}

describe('the hardest level looks ahead', () => {
  // Beijing speaks first in the Opening Bid. The default level finds no offer worth its threshold
  // and opens with an anchor short of it (its first talks: it does not wait); the hardest level
  // rates offers against what waiting would bring it (the line it accepts at), so it opens with one
  // it would sign.
  it('opens at every level: an anchor at the default level, an offer it would sign at the hardest', () => {
    const two = chooseMove(openingBid, start(2), 'cn', seatsAt(2).cn);
    expect(two.type).toBe('propose');
    expect(applyMove(openingBid, start(2), two).ok).toBe(true);
    const three = chooseMove(openingBid, start(3), 'cn', seatsAt(3).cn);
    expect(three.type).toBe('propose');
    expect(applyMove(openingBid, start(3), three).ok).toBe(true);
  });

  it('chooses its orders by playing on, and says so when that changed the choice', () => {
    const s = beforeLookedAheadOrders();
    const three = chooseMove(liberationDay, s, 'us', hardUs.us);
    const two = chooseMove(liberationDay, s, 'us', { ...hardUs.us, level: 2 });
    expect(three.type).toBe('orders');
    expect(three.ai?.code).toBe('search:look-ahead');
    expect(describeAiMove(liberationDay, three)).toContain('played on a few turns');
    // the same standing, the same dice: the same orders
    expect(chooseMove(liberationDay, s, 'us', hardUs.us)).toEqual(three);
    expect(two.ai?.code).not.toBe('search:look-ahead');
  });

  it('looks ahead from its own view: the other side’s private data does not change its orders', () => {
    const changed: Scenario = structuredClone(liberationDay);
    changed.profiles = changed.profiles.map((p) =>
      p.side === 'cn' ? { ...p, rules: [], templates: [], params: { ...p.params, patience: 0.9 } } : p,
    );
    changed.objectives = changed.objectives.map((o) => (o.side === 'cn' ? { ...o, points: 99 } : o));
    changed.redLines = changed.redLines.filter((r) => r.side !== 'cn');
    const s = beforeLookedAheadOrders();
    expect(chooseMove(changed, s, 'us', hardUs.us)).toEqual(chooseMove(liberationDay, s, 'us', hardUs.us));
  });
});

describe('the look-ahead in words', () => {
  it('says an offer, orders or holding still were chosen by playing on', () => {
    const offer = describeAiMove(openingBid, {
      type: 'propose',
      side: 'cn',
      clauses: [],
      ai: { code: 'search:look-ahead' },
    });
    expect(offer).toBe('Beijing makes the offer that, played on a few turns, leaves it best placed.');
    const still = describeAiMove(openingBid, {
      type: 'orders',
      side: 'us',
      orders: [],
      ai: { code: 'search:look-ahead' },
    });
    expect(still).toContain('gives no orders');
    const orders = describeAiMove(openingBid, {
      type: 'orders',
      side: 'us',
      orders: [{ kind: 'build', alternative: 'us-minerals-deals' }],
      ai: { code: 'search:look-ahead' },
    });
    expect(orders).toContain(
      'Washington gives the orders that, played on a few turns, leave it best placed.',
    );
    expect(orders).toContain('Its orders: an alternative built:');
  });
});
