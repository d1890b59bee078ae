// The AI sees only its own side's view: what it computes from holds none of the other side's private
// data (its profiles, red lines, objectives, briefing, orders not yet revealed) nor any random
// stream, and changing that data never changes the move it chooses.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chooseMove } from '../../src/ai/index.ts';
import { setupFor } from '../../src/ai/match.ts';
import { seeFor } from '../../src/ai/seen.ts';
import type { GameState, Scenario, Side } from '../../src/engine/index.ts';
import { newGame, other } from '../../src/engine/index.ts';
import { loadScenarioFile } from '../../tools/scenario-files.ts';
import { play } from './helpers.ts';

const busan = loadScenarioFile(
  join(import.meta.dirname, '..', '..', 'scenarios', 'road-to-busan.yaml'),
).scenario;
const seats = { us: { profile: 'washington', level: 3 }, cn: { profile: 'beijing', level: 3 } };

/** Orders phase of turn 0, the other side's orders already in. */
function ordersIn(side: Side, orders: GameState['round']['drafts']['us'] & object): GameState {
  const s = play(
    busan,
    newGame(busan, 'view', setupFor(seats)),
    { type: 'pass', side: 'us' },
    { type: 'pass', side: 'cn' },
  );
  return play(busan, s, { type: 'orders', side: other(side), orders });
}

/** The other side's secrets, rewritten. */
function otherSecretsChanged(side: Side): Scenario {
  const sc = structuredClone(busan);
  const o = other(side);
  sc.profiles = sc.profiles.map((p) =>
    p.side === o
      ? { ...p, rules: p.rules.map((r) => ({ ...r, weight: r.weight * 3 + 7 })), templates: [] }
      : p,
  );
  sc.redLines = sc.redLines.filter((r) => r.side !== o);
  sc.objectives = sc.objectives.map((x) => (x.side === o ? { ...x, points: 99 } : x));
  sc.briefings = { ...sc.briefings, [o]: { text: 'changed', sources: [] } };
  return sc;
}

describe.each(['us', 'cn'] as const)('the AI for %s', (side) => {
  const o = other(side);
  // A dated threat nobody made in history (whose public line the scenario carries): its text can
  // only come from the hidden draft.
  const draft = [
    o === 'us'
      ? { kind: 'announce' as const, instrument: 'us-chips', level: 4, turn: 2 }
      : { kind: 'announce' as const, instrument: 'cn-tiktok', level: 2, turn: 2 },
  ];

  it('computes from a view that holds none of the other side’s private data', () => {
    const s = ordersIn(side, draft);
    const seen = seeFor(busan, s, side);
    const text = JSON.stringify({ scenario: seen.scenario, state: seen.s });
    expect(JSON.stringify(busan)).not.toContain(JSON.stringify(draft[0]));
    const secrets = [
      // (the seat's profile id is public, in the setup; what the profile holds is not)
      ...busan.profiles
        .filter((p) => p.side === o)
        .flatMap((p) => [...p.rules.map((r) => r.text), ...p.templates.map((t) => `"${t.id}"`), p.name]),
      ...busan.redLines.filter((r) => r.side === o).map((r) => r.text),
      ...busan.objectives.filter((x) => x.side === o).map((x) => x.text),
      busan.briefings[o].text.slice(0, 60),
      JSON.stringify(draft),
      String(s.rng['us-talks'].s0),
      String(s.rng['cn-orders'].s0),
      String(s.rng.events.s0),
    ];
    for (const secret of secrets) expect(text).not.toContain(secret);
    expect(seen.s.round.drafts[o]).toEqual([]); // submitted, contents unknown
    expect(text).toContain(busan.briefings[side].text.slice(0, 60));
  });

  it('chooses the same move whatever the other side’s secrets and hidden orders are', () => {
    const a = ordersIn(side, draft);
    const b = ordersIn(side, []);
    for (const level of [1, 2, 3]) {
      const seat = { profile: seats[side].profile, level };
      const move = chooseMove(busan, a, side, seat);
      expect(chooseMove(busan, b, side, seat)).toEqual(move);
      expect(chooseMove(otherSecretsChanged(side), a, side, seat)).toEqual(move);
    }
  });
});
