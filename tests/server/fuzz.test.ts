// Hostile clients: thousands of random and malformed messages (random types and payloads, moves a
// little wrong in every field, raw bytes) and join attempts with random options. The server stays
// up, every one of them is refused and changes nothing, and the game in progress finishes normally.
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server/server.ts';
import { playOut, Seat, startTestServer } from './helpers.ts';

let server: RunningServer;
beforeAll(async () => {
  // a high rate, so that the fuzz reaches the parsers rather than the rate limit
  server = await startTestServer({ limits: { burst: 100_000, perSecond: 100_000, hardPerSecond: 100_000 } });
});
afterAll(async () => {
  await server?.close();
});

const nearMove = fc.record(
  {
    type: fc.constantFrom('propose', 'accept', 'reject', 'pass', 'orders', 'readout', 'inject', 'undo', ''),
    side: fc.constantFrom('us', 'cn', 'control', 'both', 7, null),
    clauses: fc.array(
      fc.record({
        kind: fc.constantFrom('instrument', 'pledge', 'statement', 'x'),
        instrument: fc.string(),
        level: fc.integer(),
      }),
      { maxLength: 12 },
    ),
    orders: fc.array(
      fc.record({ kind: fc.constantFrom('shift', 'build', 'extend', 'y'), level: fc.double() }),
      {
        maxLength: 12,
      },
    ),
    reason: fc.string(),
    style: fc.constantFrom('trumpet', 'modest', 'loud'),
  },
  { requiredKeys: ['type'] },
);

const message = fc.oneof(
  fc.record({ type: fc.constantFrom('move', 'draft', 'handover'), payload: fc.anything() }),
  fc.record({
    type: fc.constant('move'),
    payload: fc.record({ move: nearMove, seq: fc.anything() }, { requiredKeys: ['move'] }),
  }),
  fc.record({ type: fc.constant('draft'), payload: fc.record({ orders: fc.anything() }) }),
  fc.record({
    type: fc.constant('handover'),
    payload: fc.record({
      side: fc.constantFrom('us', 'cn', 'x'),
      level: fc.oneof(fc.integer(), fc.string()),
    }),
  }),
  fc.record({ type: fc.string({ maxLength: 30 }), payload: fc.anything() }),
);

it('thousands of malformed messages change nothing, and the game finishes', async () => {
  const us = await Seat.create(server.port, { scenarioId: 'opening-bid', side: 'us' });
  const code = us.welcome!.code;
  const cn = await Seat.join(server.port, code, { side: 'cn' });
  const hostile = await Seat.join(server.port, code, { side: 'observer' });

  // join attempts with random options: refused, or seated as an observer at most
  const joins = fc.sample(fc.anything(), { numRuns: 30, seed: 7 });
  for (const options of joins) {
    try {
      const s = await Seat.join(server.port, code, options as Record<string, unknown>);
      expect(s.welcome!.seat).toBe('observer');
      await s.leave();
    } catch (e) {
      expect(String(e)).not.toMatch(/timed out/);
    }
  }

  const before = us.update!.moveCount;
  const samples = fc.sample(message, { numRuns: 3000, seed: 42 });
  let sent = 0;
  for (const m of samples) {
    try {
      hostile.room.send(m.type, m.payload);
      sent++;
    } catch {
      // the SDK could not encode it: nothing was sent
    }
    // in batches, so the room's answers keep up
    if (sent % 100 === 0) await hostile.until(() => hostile.refusals.length >= sent);
  }
  for (let i = 0; i < 50; i++) hostile.room.sendBytes('move', new Uint8Array([i, 255, 0, i]));
  await hostile.until(() => hostile.refusals.length >= sent + 50);
  expect(sent).toBeGreaterThan(2500);
  expect(us.update!.moveCount).toBe(before);
  expect(hostile.refusals.every((r) => typeof r.reason === 'string' && r.reason.length > 0)).toBe(true);

  // the players still play, to the end
  await playOut(us, cn);
  await us.until(() => us.finished !== null);
  expect(us.finished!.record.moves.length).toBeGreaterThan(10);
  await Promise.all([us.leave(), cn.leave(), hostile.leave()]);
});
