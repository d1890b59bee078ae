// A game played on the class server comes back signed: the finished message carries the server's
// HMAC of the record, the game file keeps it, and the file brought back to the server opens as
// "verified by the class server". A file edited after signing — even with its checksum recomputed —
// is refused; where no server answers, a signed file opens unverified; the key outlives a restart.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { canonicalJson } from '../../src/engine/index.ts';
import { type GameSignature, signedText } from '../../src/net/game-signature.ts';
import type { RunningServer } from '../../src/server/server.ts';
import { loadSigner } from '../../src/server/signing.ts';
import { playOut, Seat, startTestServer, tempDir, testScenarios } from './helpers.ts';

vi.mock('virtual:scenarios', () => ({ default: [] })); // the scenario comes "from a file", below

const { addLoadedScenario } = await import('../../src/store/catalog.ts');
const { gameFileText, openGameFile } = await import('../../src/store/game-file.ts');
const { crc32Text } = await import('../../src/store/integrity.ts');

let server: RunningServer;
beforeAll(async () => {
  server = await startTestServer();
  const [bid] = testScenarios();
  addLoadedScenario(bid!.scenario, bid!.hash, null);
});
afterAll(async () => {
  await server?.close();
});

/** Asks the test server, as the page served by it does. */
const askServer = async (text: string, signature: GameSignature) => {
  const r = await fetch(`http://127.0.0.1:${server.port}/online/verify`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ signedText: text, signature }),
  });
  if (!r.ok) throw new Error(String(r.status));
  return ((await r.json()) as { holds: boolean }).holds;
};

/** A file's text with one field changed and its checksum made to match again. */
function edited(text: string, change: (data: Record<string, unknown>) => void): string {
  const { checksum: _c, ...content } = JSON.parse(text) as Record<string, unknown>;
  change(content);
  return JSON.stringify({ ...content, checksum: crc32Text(canonicalJson(content)) });
}

describe('games signed by the class server', () => {
  it('signs a finished game; the file opens verified, and an edit that fixes the checksum is refused', async () => {
    const us = await Seat.create(server.port, { scenarioId: 'opening-bid', side: 'us', name: 'Ana' });
    const cn = await Seat.join(server.port, us.welcome!.code, { side: 'cn', name: 'Bo' });
    await playOut(us, cn);
    await us.until(() => us.finished !== null);
    const { record, signature } = us.finished!;
    expect(signature).toMatchObject({ by: 'class-server', alg: 'HMAC-SHA256' });
    expect(await askServer(signedText(record), signature)).toBe(true);

    const file = gameFileText(record, signature);
    const opened = await openGameFile(file, null, askServer);
    expect(opened.ok && opened.verified).toBe('class-server');

    // a different seed with a recomputed checksum passes the file's own check, not the server's
    const reseeded = await openGameFile(
      edited(file, (d) => {
        d.seed = `${String(d.seed)}x`;
      }),
      null,
      askServer,
    );
    expect(reseeded).toMatchObject({ ok: false, reason: expect.stringMatching(/signature does not hold/) });
    // a move dropped, likewise
    const shorter = await openGameFile(
      edited(file, (d) => {
        d.moves = (d.moves as unknown[]).slice(0, -1);
      }),
      null,
      askServer,
    );
    expect(shorter.ok).toBe(false);
    // the same file with no server to ask opens, unverified
    const offline = await openGameFile(file, null, () => Promise.reject(new Error('no server')));
    expect(offline.ok && offline.verified).toBe(undefined);
    expect(offline.ok).toBe(true);
    await Promise.all([us.leave(), cn.leave()]);
  });

  it('refuses a request that is not a game to check, and a forged signature', async () => {
    const post = (body: string) =>
      fetch(`http://127.0.0.1:${server.port}/online/verify`, { method: 'POST', body });
    expect((await post('not json')).status).toBe(400);
    expect((await post(JSON.stringify({ signedText: 'x' }))).status).toBe(400);
    const forged = { by: 'class-server', alg: 'HMAC-SHA256', value: 'A'.repeat(43) };
    expect(await askServer('{"format":"upper-hand-game"}', forged)).toBe(false);
    expect((await fetch(`http://127.0.0.1:${server.port}/online/verify`)).status).toBe(405);
  });

  it('keeps its key in the data folder, so a signature outlives a restart; a given key is used as is', async () => {
    const dir = tempDir('key');
    const a = await loadSigner(dir);
    const b = await loadSigner(dir);
    const sig = a.sign('a game');
    expect(b.holds('a game', sig)).toBe(true);
    expect(b.holds('another game', sig)).toBe(false);
    const other = await loadSigner(tempDir('key'));
    expect(other.holds('a game', sig)).toBe(false);
    const given = await loadSigner(dir, 'k'.repeat(40));
    expect(given.holds('a game', sig)).toBe(false);
    await expect(loadSigner(dir, 'short')).rejects.toThrow(/at least 32 characters/);
  });
});
