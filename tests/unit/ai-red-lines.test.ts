// What a side must never give in a package it does not give by order either: the engine lets a
// player loosen an instrument past their own red line by order (their choice), but the computer
// keeps to its briefing. Washington at level 3 in the Whole of 2025 lifted its chip controls, the
// memory chips' included ("No package may loosen the controls on high-bandwidth memory chips"), in its
// first orders of 20 games in 40, its search rating the chip sales above the hawks' rule.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chooseMove, defaultSeat } from '../../src/ai/index.ts';
import { setupFor } from '../../src/ai/match.ts';
import { nextToMove } from '../../src/ai/rollout.ts';
import type { GameState } from '../../src/engine/index.ts';
import { applyMove, crossedRedLine, newGame, rulesFor } from '../../src/engine/index.ts';
import { loadScenarioFile } from '../../tools/scenario-files.ts';

const whole = loadScenarioFile(
  join(import.meta.dirname, '..', '..', 'scenarios', 'whole-of-2025.yaml'),
).scenario;
const rules = rulesFor(whole);

describe("the computer's orders keep to its red lines", () => {
  it('no loosening past its own line, at any level (the Whole of 2025, its first two turns)', () => {
    let orders = 0;
    for (const level of [1, 2, 3]) {
      const seats = {
        us: { ...defaultSeat(whole, 'us'), level },
        cn: { ...defaultSeat(whole, 'cn'), level },
      };
      for (let i = 0; i < 6; i++) {
        let s: GameState = newGame(whole, `balance-${i}`, setupFor(seats));
        const asked = new Set<string>();
        while (s.round.turn < 2) {
          const side = nextToMove(s, asked);
          const move = chooseMove(whole, s, side, seats[side]);
          if (move.type === 'orders')
            for (const o of move.orders) {
              orders += 1;
              if (o.kind !== 'shift' || o.level >= (s.world.levels[o.instrument] ?? 0)) continue;
              const line = crossedRedLine(rules, side, [
                { kind: 'instrument', instrument: o.instrument, level: o.level },
              ]);
              expect(
                line?.id,
                `level ${level}, seed balance-${i}: ${side} ${o.instrument} to ${o.level}`,
              ).toBeUndefined();
            }
          const r = applyMove(whole, s, move);
          if (!r.ok) expect.fail(r.reason);
          s = r.state;
        }
      }
    }
    expect(orders).toBeGreaterThan(0); // the games did give orders
  });
});
