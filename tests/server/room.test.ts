// The game room over real WebSocket clients on loopback: seats taken by code and by team link, the
// server as the authority (the other side's moves, out of turn, an observer's move, a finished game),
// shared drafts and the second submission named, a dropped seat shown as reconnecting, taken back by
// its token and handed to the computer meanwhile, and the game file offered at the end; and the
// lookup of a game by its code, which names the sides still free.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CODE_ALPHABET, CODE_LENGTH } from '../../src/net/protocol.ts';
import type { RunningServer } from '../../src/server/server.ts';
import { playOut, Seat, startTestServer } from './helpers.ts';

let server: RunningServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

describe('a game room', () => {
  it('seats two sides, a team and an observer, and keeps the authority', async () => {
    const us = await Seat.create(server.port, { scenarioId: 'opening-bid', side: 'us', name: 'Ana' });
    const code = us.welcome!.code;
    expect(code).toHaveLength(CODE_LENGTH);
    expect([...code].every((c) => CODE_ALPHABET.includes(c))).toBe(true);
    expect(us.welcome!.token.length).toBeGreaterThanOrEqual(22); // ≥ 128 random bits
    expect(us.update!.seats.cn.free).toBe(true);

    const cn = await Seat.join(server.port, code, { side: 'cn', name: 'Bo' });
    expect(cn.welcome!.seat).toBe('cn');
    // a taken side needs its team's link
    await expect(Seat.join(server.port, code, { side: 'us', name: 'Eve' })).rejects.toThrow(
      /Washington is taken/,
    );
    await expect(Seat.join(server.port, code, { token: 'A'.repeat(24) })).rejects.toThrow(/does not belong/);
    const mate = await Seat.join(server.port, code, { side: 'us', team: us.welcome!.team!, name: 'Cy' });
    expect(mate.welcome!.seat).toBe('us');
    const obs = await Seat.join(server.port, code, { side: 'observer' });
    expect(obs.welcome!.mine.objectives).toEqual([]);
    await obs.until(() => obs.update?.seats.us.members.length === 2);

    // the authority: another seat's move, an observer's move, a move out of turn, a malformed one
    const first = us.update!.state.round.talks.toMove;
    const mover = first === 'us' ? us : cn;
    const waiting = first === 'us' ? cn : us;
    expect((await waiting.move({ type: 'pass', side: mover.side }))?.code).toBe('NOT_YOUR_SIDE');
    expect((await obs.move({ type: 'pass', side: 'us' }))?.code).toBe('OBSERVER');
    expect((await waiting.move({ type: 'pass', side: waiting.side }))?.code).toBe('NOT_YOUR_TURN');
    const before = us.update!.moveCount;
    obs.room.send('move', { move: { type: 'inject', side: 'control', event: 'x' } });
    await obs.until(() => obs.refusals.some((r) => r.code === 'MALFORMED'));
    us.room.send('nonsense', { a: 1 });
    await us.until(() => us.refusals.some((r) => r.code === 'UNKNOWN_MESSAGE'));
    us.room.send('draft', { orders: [], padding: 'x'.repeat(20_000) });
    await us.until(() => us.refusals.some((r) => r.code === 'TOO_LARGE'));
    expect(us.update!.moveCount).toBe(before);

    // the talks: both pass, and the orders open
    expect(await mover.move({ type: 'pass', side: mover.side })).toBeNull();
    expect(await waiting.move({ type: 'pass', side: waiting.side })).toBeNull();
    await us.until(() => us.update?.state.round.phase === 'orders');
    expect(us.update!.choices.length).toBeGreaterThan(0);
    expect(obs.update!.choices).toEqual([]);

    // a draft is shared with the team as it is made, and with no one else
    const pick = us.update!.choices[0]!;
    us.room.send('draft', { orders: [pick] });
    await mate.until(() => mate.update?.draft?.by === 'Ana');
    expect(mate.update!.draft!.orders).toEqual([pick]);
    expect(cn.received.some((r) => r.raw.includes('"by":"Ana"'))).toBe(false);
    expect(obs.received.some((r) => r.raw.includes('"by":"Ana"'))).toBe(false);

    // any member submits; the second submission names the teammate who did
    expect(await mate.move({ type: 'orders', side: 'us', orders: [pick] })).toBeNull();
    const second = await us.move({ type: 'orders', side: 'us', orders: [] });
    expect(second?.code).toBe('ALREADY_SUBMITTED');
    expect(second?.reason).toMatch(/Cy has already submitted Washington's orders/);
    expect(cn.update!.state.round.drafts.submitted.us).toBe(true);
    expect(cn.received.some((r) => r.raw.includes(JSON.stringify(pick)))).toBe(false); // hidden until both are in
    expect(await cn.move({ type: 'orders', side: 'cn', orders: [] })).toBeNull();
    await us.until(() => us.update?.state.round.turn === 1);
    expect(us.update!.state.round.revealed?.us).toEqual([pick]);

    // a dropped seat: "reconnecting" for the others, its seat handed to the computer, taken back by token
    cn.room.reconnection.enabled = false;
    await cn.room.leave(false);
    await us.until(() => us.update?.seats.cn.reconnecting === true);
    us.room.send('handover', { side: 'cn', level: 1 });
    await us.until(() => us.update?.seats.cn.ai === 1);
    const back = await Seat.join(server.port, code, { token: cn.welcome!.token });
    expect(back.welcome!.seat).toBe('cn');
    expect(back.welcome!.name).toBe('Bo');
    await us.until(() => us.update?.seats.cn.reconnecting === false);
    // the computer keeps the seat to the end of the phase, then hands it back
    await playUntilHandedBack(us, mate, back);
    expect(back.update!.seats.cn.ai).toBeNull();

    // to the end: the game file is offered, with the seed, and nothing more is accepted
    await playOut(us, back);
    await us.until(() => us.finished !== null);
    await obs.until(() => obs.finished !== null);
    expect(us.finished!.record.scenarioId).toBe('opening-bid');
    expect(us.finished!.record.moves.length).toBe(us.update!.moveCount);
    expect(us.update!.state.meta.seed).toBe(us.finished!.record.seed);
    expect((await us.move({ type: 'pass', side: 'us' }))?.code).toBe('GAME_OVER');

    // a flood past the per-client rate is dropped, logged and told; the connection stays
    for (let i = 0; i < 60; i++) obs.room.send('draft', { orders: [] });
    await obs.until(() => obs.refusals.some((r) => r.code === 'RATE'));
    expect(obs.room.connection.isOpen).toBe(true);
    await Promise.all([us.leave(), mate.leave(), back.leave(), obs.leave()]);
  });

  it('tells a student joining by code which sides are still free', async () => {
    const open = async (code: string) => {
      const r = await fetch(`http://127.0.0.1:${server.port}/online/open/${code}`);
      return { status: r.status, body: (await r.json()) as unknown };
    };
    const us = await Seat.create(server.port, { scenarioId: 'opening-bid', side: 'us', name: 'Ana' });
    const code = us.welcome!.code;
    expect(await open(code)).toEqual({
      status: 200,
      body: { ok: true, scenario: expect.any(String), free: ['cn'], over: false },
    });
    // an observer takes no side; Beijing does
    const obs = await Seat.join(server.port, code, { side: 'observer' });
    expect((await open(code)).body).toMatchObject({ free: ['cn'] });
    const cn = await Seat.join(server.port, code, { side: 'cn', name: 'Bo' });
    expect((await open(code)).body).toMatchObject({ free: [], over: false });
    // a game no one has created
    expect((await open('AAAAAA')).status).toBe(404);
    await Promise.all([us.leave(), cn.leave(), obs.leave()]);
  });
});

/** Washington plays on while the computer holds Beijing, until Beijing's team has it back. */
async function playUntilHandedBack(us: Seat, mate: Seat, back: Seat) {
  for (let i = 0; i < 40 && back.update?.seats.cn.ai !== null; i++) {
    const s = us.update!.state;
    if (s.round.phase === 'talks' && s.round.talks.toMove === 'us')
      await us.move(
        s.round.talks.open ? { type: 'reject', side: 'us', reason: 'timing' } : { type: 'pass', side: 'us' },
      );
    else if (s.round.phase === 'orders' && !s.round.drafts.submitted.us)
      await mate.move({ type: 'orders', side: 'us', orders: [] });
    else await us.until(() => us.update!.moveCount > 0 && us.update!.state !== s);
  }
}
