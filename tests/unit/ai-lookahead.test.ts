// The hardest level plays the talks on before it proposes: after each of its best offers, and after
// holding back, the game is played on a few turns at the default level (itself with its own profile,
// the other side with the plain one), and it takes what leaves it best placed. What that look-ahead
// reads is its own view only, and its dice are the AI's own.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chooseMove, describeAiMove, PLAIN_PROFILE } from '../../src/ai';
import { setupFor } from '../../src/ai/match';
import { nextToMove, type Policy, playOn } from '../../src/ai/rollout';
import type { GameState, Scenario } from '../../src/engine';
import { applyMove, newGame, rulesFor, score, seedStreams, utility } from '../../src/engine';
import { loadScenarioFile } from '../../tools/scenario-files';

const openingBid = loadScenarioFile(
  join(import.meta.dirname, '..', '..', 'scenarios', 'opening-bid.yaml'),
).scenario;
const seatsAt = (level: number) => ({
  us: { profile: 'washington', level: 2 },
  cn: { profile: 'beijing', level },
});
const start = (level: number) => newGame(openingBid, 'look', setupFor(seatsAt(level)));
const policy: Policy = (sc, st, side) => chooseMove(sc, st, side, { profile: PLAIN_PROFILE, level: 2 });

describe('playing on', () => {
  it('reads the standing held to the end when it stops before the last turn', () => {
    const s = start(2);
    const rules = rulesFor(openingBid);
    const held =
      score(openingBid, s).sides.us.total + (utility(rules, s.values, 'us') * rules.totalTurns) / 10;
    expect(playOn(openingBid, s, 'us', policy, 'x', 0)).toBeCloseTo(held, 9);
  });

  it('plays to the end and reads the final score when the turns allow, the same for the same seed', () => {
    const s = start(2);
    const a = playOn(openingBid, s, 'cn', policy, 'seed-1', 99);
    expect(playOn(openingBid, s, 'cn', policy, 'seed-1', 99)).toBe(a);
    // by hand: the same policy, the same dice, to the end
    let st: GameState = { ...s, rng: seedStreams('seed-1') };
    const asked = new Set<string>();
    while (st.phase !== 'over') {
      const r = applyMove(openingBid, st, policy(openingBid, st, nextToMove(st, asked)));
      if (!r.ok) expect.fail(r.reason);
      st = r.state;
    }
    expect(a).toBe(score(openingBid, st).sides.cn.total);
  });

  it('asks a side with a readout due once, then follows the talks', () => {
    let s = start(2);
    const asked = new Set<string>();
    // play until a package is accepted and a readout falls due
    for (let i = 0; i < 400 && !s.packages.some((p) => p.readouts.us === null); i++) {
      const side = nextToMove(s, asked);
      const r = applyMove(openingBid, s, chooseMove(openingBid, s, side, seatsAt(2)[side]));
      if (!r.ok) expect.fail(r.reason);
      s = r.state;
    }
    const due = s.packages.find((p) => p.readouts.us === null);
    expect(due).toBeDefined();
    const fresh = new Set<string>();
    const first = nextToMove(s, fresh);
    expect(s.packages.find((p) => p.readouts[first] === null)).toBeDefined();
    expect(fresh.has(`${s.turn}/${first}`)).toBe(true);
  });
});

describe('the hardest level in the talks', () => {
  // Beijing speaks first in the Opening Bid: the search alone finds no offer worth making and holds
  // back; playing on shows an offer leaves it better placed than waiting for Washington's.
  it('opens with an offer where the default level holds back', () => {
    const two = chooseMove(openingBid, start(2), 'cn', seatsAt(2).cn);
    expect(two.type).toBe('pass');
    const three = chooseMove(openingBid, start(3), 'cn', seatsAt(3).cn);
    expect(three.type).toBe('propose');
    // the offer it makes is the look-ahead's, or one its rules prefer among those it looked at
    expect(three.ai?.code).toMatch(/^(search:look-ahead|rule:)/);
  });

  it('looks ahead from its own view: the other side’s private data does not change its offer', () => {
    const changed: Scenario = structuredClone(openingBid);
    changed.profiles = changed.profiles.map((p) =>
      p.side === 'us' ? { ...p, rules: [], templates: [], params: { ...p.params, patience: 0.9 } } : p,
    );
    changed.objectives = changed.objectives.map((o) => (o.side === 'us' ? { ...o, points: 99 } : o));
    changed.redLines = changed.redLines.filter((r) => r.side !== 'us');
    const s = start(3);
    expect(chooseMove(changed, s, 'cn', seatsAt(3).cn)).toEqual(
      chooseMove(openingBid, s, 'cn', seatsAt(3).cn),
    );
  });
});

describe('the look-ahead in words', () => {
  it('says an offer or a held-back offer was chosen by playing on', () => {
    const offer = describeAiMove(openingBid, {
      type: 'propose',
      side: 'cn',
      clauses: [],
      ai: { code: 'search:look-ahead' },
    });
    expect(offer).toBe('Beijing makes the offer that, played on a few turns, leaves it best placed');
    const held = describeAiMove(openingBid, { type: 'pass', side: 'us', ai: { code: 'search:look-ahead' } });
    expect(held).toContain('holds back its offer');
  });
});
