// A rule of conduct never moves a side to break a deal in force. In Chips and Soybeans at the default
// level Washington's rule "answers escalation with an announced tariff or control" answered Beijing's
// rare-earth licence valve by announcing the entity list back up, a turn after signing it down:
// it broke its own fresh deal in 14 of 30 games. Only its own reckoning of what a breach costs and
// brings may make a side break its word, or the other side's breach.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chooseMove, defaultSeat } from '../../src/ai/index.ts';
import { setupFor } from '../../src/ai/match.ts';
import { nextToMove } from '../../src/ai/rollout.ts';
import type { GameState, Move, Scenario } from '../../src/engine/index.ts';
import { applyMove, newGame, rulesFor } from '../../src/engine/index.ts';
import { loadScenarioFile } from '../../tools/scenario-files.ts';

const chips = loadScenarioFile(
  join(import.meta.dirname, '..', '..', 'scenarios', 'chips-and-soybeans.yaml'),
).scenario;
/**
 * The breaches of a game, each with the code of the orders that caused it (the latest of the
 * breaker's orders to raise or announce an instrument the broken package binds: an announcement
 * takes effect turns later) and whether the breaker's opponent had broken a deal before.
 */
function breachesIn(seed: string, sc: Scenario = chips, level?: number) {
  const seats = level
    ? { us: { ...defaultSeat(sc, 'us'), level }, cn: { ...defaultSeat(sc, 'cn'), level } }
    : { us: defaultSeat(sc, 'us'), cn: defaultSeat(sc, 'cn') };
  let s: GameState = newGame(sc, seed, setupFor(seats));
  const asked = new Set<string>();
  const orders: { move: Extract<Move, { type: 'orders' }>; s: GameState }[] = [];
  const out: { side: 'us' | 'cn'; code: string; answered: boolean }[] = [];
  while (s.round.phase !== 'over') {
    const side = nextToMove(s, asked);
    const move = chooseMove(sc, s, side, seats[side]);
    if (move.type === 'orders') orders.push({ move, s });
    const r = applyMove(sc, s, move);
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

  // Nor a threat, for the leverage it seems to win (Liberation Day, seed balance-6: Washington
  // announced hundreds of firms blacklisted a turn after signing "no new listings", and it took
  // effect), nor a close call at the lowest level, taken on its tie-breaking (Road to Busan, seed
  // balance-0: Beijing announced TikTok back up in the epilogue).
  it('no threat for leverage and no close call breaks a deal the other side has kept', () => {
    const openings = [
      ['liberation-day-to-geneva.yaml', 2],
      ['road-to-busan.yaml', 1],
    ] as const;
    for (const [file, level] of openings) {
      const sc = loadScenarioFile(join(import.meta.dirname, '..', '..', 'scenarios', file)).scenario;
      for (let i = 0; i < 10; i++)
        for (const b of breachesIn(`balance-${i}`, sc, level))
          if (!b.answered)
            expect(['search:leverage', 'search:close'], `${file} seed balance-${i}: ${b.side}`).not.toContain(
              b.code,
            );
    }
  });

  it('Washington does not break its fresh deals over a licence valve', () => {
    const broken = seeds.flatMap((seed) => breachesIn(seed).filter((b) => b.side === 'us' && !b.answered));
    expect(broken).toEqual([]);
  });
});

// An escalation a signed package has brought back down is no longer one to answer: Beijing's
// licence valve ("tightens rare-earth licences") answered Washington's entity listings in the turn
// the two sides had signed them away (seed balance-2, turn 3), and Washington answered that in turn.
describe('an escalation undone by a deal', () => {
  it('is not answered by a rule about escalation (Chips and Soybeans and the Whole of 2025, default level)', () => {
    let answered = 0;
    for (const file of ['chips-and-soybeans.yaml', 'whole-of-2025.yaml']) {
      const sc = loadScenarioFile(join(import.meta.dirname, '..', '..', 'scenarios', file)).scenario;
      const rules = rulesFor(sc);
      const st = { us: defaultSeat(sc, 'us'), cn: defaultSeat(sc, 'cn') };
      // the rules that answer the other side's escalation
      const answering = new Set(
        sc.profiles.flatMap((p) =>
          p.rules
            .filter((r) => r.when.some((c) => 'opponent' in c && c.opponent === 'escalated'))
            .map((r) => `rule:${r.id}`),
        ),
      );
      for (let i = 0; i < 10; i++) {
        let s: GameState = newGame(sc, `balance-${i}`, setupFor(st));
        const asked = new Set<string>();
        while (s.round.phase !== 'over') {
          const side = nextToMove(s, asked);
          const move = chooseMove(sc, s, side, st[side]);
          if (move.type === 'orders' && answering.has(move.ai?.code ?? '')) {
            answered += 1;
            const opp = side === 'us' ? 'cn' : 'us';
            // what the other side raised last turn, or made take effect lately, still standing now
            const raised = [
              ...(s.round.revealed?.[opp] ?? []).flatMap((o) =>
                o.kind === 'shift' ? [[o.instrument, o.level] as const] : [],
              ),
              ...[...s.round.lastNews, ...s.round.news].flatMap((n) =>
                n.kind === 'announcement-effective' && rules.instruments.get(n.instrument)?.owner === opp
                  ? [[n.instrument, n.level] as const]
                  : [],
              ),
            ];
            const stands =
              raised.length === 0 || raised.some(([id, level]) => (s.world.levels[id] ?? 0) >= level);
            expect(stands, `${file} seed balance-${i}, turn ${s.round.turn + 1}: ${move.ai?.code}`).toBe(
              true,
            );
          }
          const r = applyMove(sc, s, move);
          if (!r.ok) expect.fail(r.reason);
          s = r.state;
        }
      }
    }
    expect(answered, 'escalations that stand are still answered').toBeGreaterThan(0);
  });
});
