// Secrets on the wire: every message each seat receives during a whole game (two sides, each with a
// shared draft every turn, and an observer) is searched for the other side's private values — its
// objectives, red lines, private briefing and AI profiles, and its orders before the reveal — and,
// before the game ends, for the seed and any random-stream state.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Move, Scenario, Side } from '../../src/engine/index.ts';
import { newGame, other, replay, viewFor } from '../../src/engine/index.ts';
import type { SeatUpdate } from '../../src/net/protocol.ts';
import type { RunningServer } from '../../src/server/server.ts';
import { type Received, Seat, startTestServer, testScenarios } from './helpers.ts';

let server: RunningServer;
beforeAll(async () => {
  // A whole game played as fast as the seats can send: the rate limit (room.test) is not what this
  // test is about, and a busy machine bunches the messages past it.
  server = await startTestServer({ limits: { burst: 10_000, perSecond: 10_000, hardPerSecond: 10_000 } });
});
afterAll(async () => {
  await server?.close();
});

/** Every string in a value, recursively. */
function strings(x: unknown, out: Set<string> = new Set()): Set<string> {
  if (typeof x === 'string') out.add(x);
  else if (Array.isArray(x)) for (const v of x) strings(v, out);
  else if (typeof x === 'object' && x !== null) for (const v of Object.values(x)) strings(v, out);
  return out;
}

/** The other side's private texts that appear nowhere in what `side` may see. */
function secretsOf(scenario: Scenario, side: Side): string[] {
  const them = other(side);
  const theirs = strings([
    scenario.objectives.filter((o) => o.side === them),
    scenario.redLines.filter((r) => r.side === them),
    scenario.briefings[them],
    scenario.profiles.filter((p) => p.side === them),
  ]);
  const visible = JSON.stringify([viewFor(scenario, newGame(scenario, 'x', defaultSetup()), side)]);
  return [...theirs].filter((s) => s.length >= 12 && !visible.includes(JSON.stringify(s).slice(1, -1)));
}

const defaultSetup = () => ({
  seats: { us: { kind: 'human' as const }, cn: { kind: 'human' as const } },
  randomEvents: true,
  leverage: 'live' as const,
});

it('no seat receives the other side’s secrets, the seed or a random stream before the end', async () => {
  const us = await Seat.create(server.port, { scenarioId: 'opening-bid', side: 'us', leverage: 'own' });
  const code = us.welcome!.code;
  const cn = await Seat.join(server.port, code, { side: 'cn' });
  const obs = await Seat.join(server.port, code, { side: 'observer' });
  const seats = { us, cn };

  // Play the whole game: a proposal now and then, a shared draft and then the orders every turn.
  for (let i = 0; i < 300 && us.update!.state.round.phase !== 'over'; i++) {
    const s = us.update!.state;
    if (s.round.phase === 'talks') {
      const side = s.round.talks.toMove;
      const seat = seats[side];
      await seat.until(() => seat.update!.moveCount === us.update!.moveCount);
      const u = seat.update!;
      const move: Move = u.state.round.talks.open
        ? i % 4 === 0
          ? { type: 'accept', side }
          : { type: 'reject', side, reason: 'timing' }
        : u.proposals[0] && u.state.round.talks.made[side] === 0 && i % 3 === 0
          ? { type: 'propose', side, clauses: u.proposals[0] as never }
          : { type: 'pass', side };
      const r = await seat.move(move);
      if (r) await seat.move({ type: 'pass', side }); // a readout or an answer the stand-in got wrong
    } else {
      for (const side of ['us', 'cn'] as const) {
        const seat = seats[side];
        await seat.until(() => seat.update!.moveCount === us.update!.moveCount);
        if (seat.update!.state.round.drafts.submitted[side]) continue;
        const pick =
          seat.update!.choices[(i + (side === 'cn' ? 1 : 0)) % Math.max(1, seat.update!.choices.length)];
        const orders = pick ? [pick] : [];
        seat.room.send('draft', { orders });
        await seat.until(() => seat.update?.draft !== null);
        await seat.move({ type: 'orders', side, orders });
      }
    }
    await us.until(
      () => us.update!.moveCount === cn.update!.moveCount || us.update!.state.round.phase === 'over',
    );
  }
  await Promise.all([us, cn, obs].map((s) => s.until(() => s.finished !== null)));
  const record = us.finished!.record;
  expect(us.update!.state.round.phase).toBe('over');
  expect(record.moves.length).toBeGreaterThan(10);

  const scenario = testScenarios()[0]!.scenario;
  const states = replay(scenario, record.seed, record.setup, record.moves, true);
  if (!states.ok) throw new Error(states.reason);
  const rngValues = new Set<string>();
  for (const st of states.states ?? [])
    for (const r of Object.values(st.rng)) for (const n of [r.s0, r.s1, r.s2]) rngValues.add(String(n));

  // The orders each side gave each turn, which the other side may see only once the turn is over.
  const ordersByTurn: { side: Side; turn: number; text: string }[] = [];
  record.moves.forEach((m, k) => {
    if (m.type === 'orders' && m.orders.length > 0)
      ordersByTurn.push({
        side: m.side,
        turn: states.states![k]!.round.turn,
        text: JSON.stringify(m.orders),
      });
  });
  expect(ordersByTurn.length).toBeGreaterThan(2);

  const check = (received: readonly Received[], viewer: Side | 'observer') => {
    const secrets =
      viewer === 'observer'
        ? [...new Set([...secretsOf(scenario, 'us'), ...secretsOf(scenario, 'cn')])]
        : secretsOf(scenario, viewer);
    expect(secrets.length).toBeGreaterThan(3);
    let turn = 0;
    for (const r of received) {
      if (r.type === 'finished') break; // the seed and the whole record, once it is over
      if (r.type === 'update') {
        const st = (r.payload as SeatUpdate).state;
        if (st.round.phase === 'over') break;
        turn = st.round.turn;
      }
      for (const s of secrets)
        expect(r.raw.includes(JSON.stringify(s).slice(1, -1)), `${viewer} saw “${s}”`).toBe(false);
      expect(r.raw.includes(record.seed), `${viewer} saw the seed`).toBe(false);
      expect(/"(rng|s0|s1|s2)"/.test(r.raw), `${viewer} saw a random stream`).toBe(false);
      for (const n of rngValues) expect(r.raw.includes(n), `${viewer} saw a stream's state`).toBe(false);
      for (const o of ordersByTurn)
        if (o.side !== viewer && o.turn === turn)
          expect(r.raw.includes(o.text), `${viewer} saw ${o.side}'s orders before the reveal`).toBe(false);
    }
  };
  check(us.received, 'us');
  check(cn.received, 'cn');
  check(obs.received, 'observer');
  // the end reveals the seed to everyone, so the game file replays
  expect(obs.finished!.record.seed).toBe(record.seed);
  await Promise.all([us.leave(), cn.leave(), obs.leave()]);
});
