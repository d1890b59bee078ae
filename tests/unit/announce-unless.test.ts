// An announcement may name its demand (`unless`): a clause of the other side's that, met before the
// date, lifts the threat — it lapses, the instrument stays where it is, and the side that made it
// gains the credibility of a threat carried out (it worked). Unmet, it takes effect as before. A
// demand that is not the other side's to give, or not a clause a package could hold now, is
// refused with the engine's reason and the state is unchanged. The computer's announcements name
// the demand their sentence states, and a game with one survives a link's round trip.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chooseMove } from '../../src/ai/index.ts';
import { setupFor } from '../../src/ai/match.ts';
import { nextToMove } from '../../src/ai/rollout.ts';
import type { Clause, GameState, Move, Order } from '../../src/engine/index.ts';
import { applyMove, newGame, replay } from '../../src/engine/index.ts';
import { decodeLink, encodeGame } from '../../src/store/game-link.ts';
import { loadScenarioFile } from '../../tools/scenario-files.ts';
import { endTurn, QUIET_HOT_SEAT, refused, seatsAt } from './helpers.ts';

const sc = loadScenarioFile(join(import.meta.dirname, '..', '..', 'scenarios', 'opening-bid.yaml')).scenario;
const DEMAND: Clause = { kind: 'instrument', instrument: 'us-tariff', level: 0 };
const THREAT: Order = { kind: 'announce', instrument: 'cn-tariff', level: 2, turn: 2, unless: DEMAND };

/** Beijing announces its farm tariff for turn 2 unless Washington puts its tariff at 0%. */
function threatened(): GameState {
  const s0 = newGame(sc, 'unless', QUIET_HOT_SEAT);
  expect(s0.world.levels['us-tariff']).toBeGreaterThan(0);
  const s1 = endTurn(sc, s0, { cn: [THREAT] });
  expect(s1.world.announcements['cn-tariff']).toEqual({ level: 2, turn: 2, by: 'cn', unless: DEMAND });
  return s1;
}

describe('an announcement that names its demand', () => {
  it('lapses when the demand is met before its date, and counts as carried out', () => {
    const s1 = threatened();
    const s2 = endTurn(sc, s1, { us: [{ kind: 'shift', instrument: 'us-tariff', level: 0 }] });
    expect(s2.world.levels['cn-tariff']).toBe(0);
    expect(s2.world.announcements['cn-tariff']).toBeUndefined();
    expect(s2.round.news).toContainEqual({
      kind: 'announcement-lifted',
      instrument: 'cn-tariff',
      level: 2,
      unless: DEMAND,
    });
    expect(s2.world.resolve.cn).toBeGreaterThan(s1.world.resolve.cn);
  });

  it('takes effect when the demand is not met', () => {
    const s2 = endTurn(sc, threatened());
    expect(s2.world.levels['cn-tariff']).toBe(2);
    expect(s2.round.news).toContainEqual({
      kind: 'announcement-effective',
      instrument: 'cn-tariff',
      level: 2,
    });
  });

  it('refuses a demand that is not the other side’s to give, or not a clause a package could hold', () => {
    let s = newGame(sc, 'unless', QUIET_HOT_SEAT);
    while (s.round.phase === 'talks') {
      const r = applyMove(sc, s, { type: 'pass', side: s.round.talks.toMove });
      if (!r.ok) throw new Error(r.reason);
      s = r.state;
    }
    const own: Clause = { kind: 'instrument', instrument: 'cn-soybeans', level: 0 };
    const raise: Clause = { kind: 'instrument', instrument: 'us-tariff', level: 5 };
    for (const unless of [own, raise]) {
      const m: Move = { type: 'orders', side: 'cn', orders: [{ ...THREAT, unless }] };
      expect(refused(sc, s, m)).toBe('BAD_DEMAND');
    }
  });

  it('is named by the computer’s announcement, and a game with one survives a link', () => {
    // Washington's announcement at level 2 in this game carries the demand its sentence names.
    const seats = seatsAt(2);
    const setup = { ...setupFor(seats), randomEvents: false };
    let s = newGame(sc, 'unless-ai', setup);
    const moves: Move[] = [];
    const asked = new Set<string>();
    let named: Order | undefined;
    for (let i = 0; i < 400 && s.round.phase !== 'over' && !named; i++) {
      const side = nextToMove(s, asked);
      const m = chooseMove(sc, s, side, seats[side]);
      if (m.type === 'orders') {
        named = m.orders.find((o) => o.kind === 'announce');
        if (named?.kind === 'announce') expect(named.unless).toEqual(m.ai?.needs);
      }
      const r = applyMove(sc, s, m);
      if (!r.ok) throw new Error(r.reason);
      moves.push(m);
      s = r.state;
    }
    expect(named, 'an announcement by the computer within the game').toBeDefined();
    const link = decodeLink(
      encodeGame({ scenarioId: sc.id, scenarioHash: 'x', seed: 'unless-ai', setup, moves }),
    );
    if (!link.ok) throw new Error(link.reason);
    const again = replay(sc, link.record.seed, link.record.setup, link.record.moves);
    if (!again.ok) throw new Error(again.reason);
    expect(again.state.world).toEqual(s.world);
  });
});
