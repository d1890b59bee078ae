// A rule of conduct never moves a side to break a deal in force. In Chips and Soybeans at the default
// level Washington's rule "answers escalation with an announced tariff or control" answered Beijing's
// rare-earth licence valve by announcing the entity list back up, a turn after signing it down:
// it broke its own fresh deal in 14 of 30 games. Only its own reckoning of what a breach costs and
// brings may make a side break its word, or the other side's breach.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chooseMove, defaultSeat } from '../../src/ai';
import { setupFor } from '../../src/ai/match';
import { nextToMove } from '../../src/ai/rollout';
import type { GameState, Move } from '../../src/engine';
import { applyMove, newGame } from '../../src/engine';
import { loadScenarioFile } from '../../tools/scenario-files';

const chips = loadScenarioFile(
  join(import.meta.dirname, '..', '..', 'scenarios', 'chips-and-soybeans.yaml'),
).scenario;
const seats = { us: defaultSeat(chips, 'us'), cn: defaultSeat(chips, 'cn') };

/**
 * The breaches of a game, each with the code of the orders that caused it (the latest of the
 * breaker's orders to raise or announce an instrument the broken package binds: an announcement
 * takes effect turns later) and whether the breaker's opponent had broken a deal before.
 */
function breachesIn(seed: string) {
  let s: GameState = newGame(chips, seed, setupFor(seats));
  const asked = new Set<string>();
  const orders: { move: Extract<Move, { type: 'orders' }>; s: GameState }[] = [];
  const out: { side: 'us' | 'cn'; code: string; answered: boolean }[] = [];
  while (s.round.phase !== 'over') {
    const side = nextToMove(s, asked);
    const move = chooseMove(chips, s, side, seats[side]);
    if (move.type === 'orders') orders.push({ move, s });
    const r = applyMove(chips, s, move);
    if (!r.ok) expect.fail(r.reason);
    for (const n of r.state.round.news)
      if (n.kind === 'breach' && !s.round.news.includes(n)) {
        const pkg = r.state.world.packages.find((p) => p.id === n.package)!;
        const bound = new Set(pkg.clauses.flatMap((c) => (c.kind === 'instrument' ? [c.instrument] : [])));
        const by = orders.findLast(
          (o) =>
            o.move.side === n.side &&
            o.move.orders.some(
              (x) => (x.kind === 'announce' || x.kind === 'shift') && bound.has(x.instrument),
            ),
        );
        expect(by, `seed ${seed}: the orders that broke package ${n.package}`).toBeDefined();
        const answered = by!.s.world.packages.some((p) => p.status === 'broken' && p.brokenBy !== n.side);
        out.push({ side: n.side, code: by!.move.ai?.code ?? '', answered });
      }
    s = r.state;
  }
  return out;
}

describe('a side keeps its word', () => {
  const seeds = Array.from({ length: 10 }, (_, i) => `balance-${i}`);

  it('no rule of conduct breaks a deal in force the other side has kept (Chips and Soybeans, default level)', () => {
    for (const seed of seeds)
      for (const b of breachesIn(seed))
        if (!b.answered)
          expect(b.code.startsWith('rule:'), `seed ${seed}: ${b.side} by ${b.code}`).toBe(false);
  });

  it('Washington does not break its fresh deals over a licence valve', () => {
    const broken = seeds.flatMap((seed) => breachesIn(seed).filter((b) => b.side === 'us' && !b.answered));
    expect(broken).toEqual([]);
  });
});
