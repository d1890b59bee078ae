// Nothing lost: a game server (a child process) is killed with SIGKILL in the middle of a turn, one
// side's orders in; a server started again on the same port and data folder (here, in this process)
// restores the room from its log, both laptops take their seats back with their tokens, every
// accepted move is there, and the game finishes normally.
import { afterAll, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server/server.ts';
import { playOut, Seat, spawnServer, startTestServer, tempDir } from './helpers.ts';

const PORT = 25711;
const data = tempDir('restart');
let stop: (() => Promise<void>) | null = null;
let restarted: RunningServer | null = null;
afterAll(async () => {
  await stop?.();
  await restarted?.close();
});

it('restores every room after a SIGKILL, with no accepted move lost', async () => {
  const first = await spawnServer(['--port', String(PORT), '--data', data]);
  stop = first.stop;
  const us = await Seat.create(first.port, { scenarioId: 'opening-bid', side: 'us', name: 'Ana' });
  const code = us.welcome!.code;
  const cn = await Seat.join(first.port, code, { side: 'cn', name: 'Bo' });
  for (const s of [us, cn]) s.room.reconnection.enabled = false;

  // the talks of turn 0, then Beijing's orders: the room is mid-turn
  const opener = us.update!.state.round.talks.toMove === 'us' ? us : cn;
  const answerer = opener === us ? cn : us;
  expect(await opener.move({ type: 'pass', side: opener.side })).toBeNull();
  expect(await answerer.move({ type: 'pass', side: answerer.side })).toBeNull();
  await cn.until(() => cn.update?.state.round.phase === 'orders');
  const pick = cn.update!.choices[0]!;
  expect(await cn.move({ type: 'orders', side: 'cn', orders: [pick] })).toBeNull();
  const accepted = cn.update!.moveCount;
  expect(accepted).toBe(3);

  first.child.kill('SIGKILL');
  await new Promise((r) => first.child.once('exit', r));

  stop = null;
  const second = await startTestServer({ port: PORT, dataDir: data });
  restarted = second;
  expect(second.restored).toEqual([code]);
  const us2 = await Seat.join(second.port, code, { token: us.welcome!.token });
  const cn2 = await Seat.join(second.port, code, { token: cn.welcome!.token });
  expect(us2.welcome!.name).toBe('Ana');
  expect(cn2.welcome!.seat).toBe('cn');
  expect(us2.update!.moveCount).toBe(accepted);
  expect(us2.update!.state.round.phase).toBe('orders');
  expect(us2.update!.state.round.drafts.submitted).toEqual({ us: false, cn: true });
  expect(cn2.update!.state.round.drafts.mine).toEqual([pick]);
  // Beijing's orders are in: a second submission is refused
  expect((await cn2.move({ type: 'orders', side: 'cn', orders: [] }))?.code).toBe('ALREADY_SUBMITTED');

  await playOut(us2, cn2);
  await us2.until(() => us2.finished !== null);
  const record = us2.finished!.record;
  expect(record.moves[2]).toEqual({ type: 'orders', side: 'cn', orders: [pick] });
  expect(record.moves.length).toBe(us2.update!.moveCount);
  await Promise.all([us2.leave(), cn2.leave()]);
});
