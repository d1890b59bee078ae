// Beijing answers an escalation once, and only while it stands. A US tariff rise that took effect
// at the start of a turn is in that turn's news, before Beijing's orders then; the next turn it is
// in the news of the turn before, and counts again only if Beijing did not answer it then. A rise
// that a package (or Washington itself) has since brought back down is nothing to answer. In the
// tutorial, Beijing at level 2 had signed a deal that put the US tariff at 0% and then announced a
// rare-earth stoppage "in proportion" to the 55% tariff it had answered the turn before.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { escalationHarm } from '../../src/ai/character.ts';
import { entryFor } from '../../src/ai/memo.ts';
import { findProfile } from '../../src/ai/profile.ts';
import { seeFor } from '../../src/ai/seen.ts';
import type { GameState } from '../../src/engine/index.ts';
import { newGame } from '../../src/engine/index.ts';
import { loadScenarioFile } from '../../tools/scenario-files.ts';
import { endTurn, QUIET_HOT_SEAT, seatsAt } from './helpers.ts';

const sc = loadScenarioFile(join(import.meta.dirname, '..', '..', 'scenarios', 'opening-bid.yaml')).scenario;

/** The harm Beijing (level 2) sees itself answering in `s`. */
function harm(s: GameState): number {
  const seen = seeFor(sc, s, 'cn');
  const profile = findProfile(seen.scenario.profiles, 'beijing', 'cn') ?? null;
  return escalationHarm(entryFor(seen, seatsAt(2).cn, profile));
}

/** Washington announces its tariff at 55% for turn 1: it takes effect as turn 1 starts. */
function raised(): GameState {
  const s0 = newGame(sc, 'answer-once', QUIET_HOT_SEAT);
  const s1 = endTurn(sc, s0, { us: [{ kind: 'announce', instrument: 'us-tariff', level: 4, turn: 1 }] });
  expect(s1.world.levels['us-tariff']).toBe(4);
  expect(s1.round.news).toContainEqual({ kind: 'announcement-effective', instrument: 'us-tariff', level: 4 });
  return s1;
}

describe('Beijing answers an escalation once, while it stands', () => {
  it('sees the rise in the turn it takes effect, and again the next turn if it has not answered', () => {
    const s1 = raised();
    expect(harm(s1)).toBeGreaterThan(0.01);
    const s2 = endTurn(sc, s1);
    expect(harm(s2)).toBeGreaterThan(0.01);
  });

  it('does not answer it again once it has answered it', () => {
    const s1 = raised();
    const s2 = endTurn(sc, s1, { cn: [{ kind: 'announce', instrument: 'cn-tariff', level: 2, turn: 3 }] });
    expect(harm(s2)).toBe(0);
  });

  it('does not answer a rise that has been brought back down', () => {
    const s1 = raised();
    const s2 = endTurn(sc, s1, { us: [{ kind: 'shift', instrument: 'us-tariff', level: 0 }] });
    expect(s2.world.levels['us-tariff']).toBe(0);
    expect(harm(s2)).toBe(0);
  });
});
