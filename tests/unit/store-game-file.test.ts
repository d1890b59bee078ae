// Game files and links opened: a game exported to a file, and to a link, opens to an identical
// record and the same final state; a file for a scenario that is not here names the file it needs;
// a tampered or broken file is refused with its reason; a game of other rules or another version of
// its scenario is refused with one sentence naming what changed, and offered as a file to keep.
import { describe, expect, it, vi } from 'vitest';
import type { Move, Scenario, Setup } from '../../src/engine/index.ts';
import { applyMove, contentHash, legalMoves, newGame, RULES_VERSION } from '../../src/engine/index.ts';
import { shippedScenarios } from '../fixtures/shipped.ts';

const busan = shippedScenarios().find(([, s]) => s.id === 'road-to-busan')?.[1] as Scenario;

vi.mock('virtual:scenarios', () => ({ default: [] })); // no shipped scenarios: this one is "from a file"

const { addLoadedScenario } = await import('../../src/store/catalog.ts');
const { gameFileText, openGameFile, openGameLink, parseGameFile } = await import(
  '../../src/store/game-file.ts'
);
const { encodeGame } = await import('../../src/store/game-link.ts');
const { shareableRecord } = await import('../../src/store/game-store.ts');

const setup: Setup = {
  seats: { us: { kind: 'human' }, cn: { kind: 'human' } },
  randomEvents: true,
  leverage: 'live',
};

/** A few turns of a game: each side takes its first legal move. */
function play(turns: number) {
  let s = newGame(busan, 'file-seed', setup);
  const moves: Move[] = [];
  while (s.round.turn < turns && s.round.phase !== 'over') {
    const side =
      s.round.phase === 'talks'
        ? s.round.talks.toMove
        : s.round.drafts[s.round.talks.first] === null
          ? s.round.talks.first
          : s.round.talks.first === 'us'
            ? 'cn'
            : 'us';
    const m = legalMoves(busan, s, side)[0]!;
    const r = applyMove(busan, s, m);
    if (!r.ok) throw new Error(r.reason);
    s = r.state;
    moves.push(m);
  }
  return {
    record: { scenarioId: busan.id, scenarioHash: contentHash(busan), seed: 'file-seed', setup, moves },
    state: s,
  };
}

describe('game files and links', () => {
  const hash = contentHash(busan);
  const { record, state } = play(3);

  it('a game file round-trips to an identical game', async () => {
    expect(parseGameFile(gameFileText(record))).toEqual({ ...record, rules: RULES_VERSION });
    addLoadedScenario(busan, hash, null);
    const r = await openGameFile(gameFileText(record), null);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.record).toEqual({ ...record, rules: RULES_VERSION });
    expect(r.states[r.states.length - 1]).toEqual(state);
  });

  it('a link round-trips to the same game', async () => {
    addLoadedScenario(busan, hash, null);
    const r = await openGameLink(encodeGame(record), null);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.states[r.states.length - 1]).toEqual(state);
    expect(r.record.moves.length).toBe(record.moves.length);
  });

  it('a link opens to the same states, move by move, as the game file', async () => {
    addLoadedScenario(busan, hash, null);
    const link = await openGameLink(encodeGame(record), null);
    const file = await openGameFile(gameFileText(record), null);
    if (!link.ok || !file.ok) throw new Error('the game does not open');
    expect(link.states).toHaveLength(record.moves.length + 1);
    expect(link.states).toEqual(file.states);
    expect(link.hash).toBe(file.hash);
    expect(link.scenario).toBe(file.scenario);
  });

  it('a game of a scenario that is not here names the file it needs', async () => {
    const r = await openGameFile(
      gameFileText({ ...record, scenarioId: 'far-away', scenarioHash: 'x'.repeat(16) }),
      null,
    );
    expect(r).toMatchObject({ ok: false, reason: expect.stringContaining('“far-away.yaml”') });
  });

  it('a game of another version of its scenario, or of other rules, is refused and offered to keep', async () => {
    addLoadedScenario(busan, hash, null);
    const older = await openGameLink(encodeGame({ ...record, scenarioHash: 'f'.repeat(16) }), null);
    expect(older).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/another version of “Road to Busan” \(the scenario has changed since\)/),
      keep: { name: expect.stringMatching(/\.upper-hand\.json$/) },
    });
    const rules = await openGameLink(encodeGame({ ...record, rules: RULES_VERSION + 1 }), null);
    expect(rules).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/newer version of the game’s rules/),
    });
    // the file offered is the refused game, whole, and reads back as it
    if (rules.ok || !rules.keep) throw new Error('no file offered');
    expect(parseGameFile(rules.keep.text)).toEqual({ ...record, rules: RULES_VERSION + 1 });
  });

  it('a file the rules refuse, or a broken one, is refused with its reason', async () => {
    addLoadedScenario(busan, hash, null);
    const refused = { ...record, moves: [{ type: 'accept', side: 'us' } as Move, ...record.moves.slice(1)] };
    const r = await openGameFile(gameFileText(refused), null);
    expect(r).toEqual({ ok: false, reason: expect.stringMatching(/^move 1 is refused by the rules/) });
    expect(await openGameFile('{ not json', null)).toEqual({
      ok: false,
      reason: expect.stringContaining('not valid JSON'),
    });
    expect(await openGameFile('{"format":"upper-hand-game","scenarioId":"road-to-busan"}', null)).toEqual({
      ok: false,
      reason: expect.stringContaining('newer version of Upper Hand'),
    });
    expect(await openGameFile('{"format":"upper-hand-game","version":1,"moves":[]}', null)).toEqual({
      ok: false,
      reason: expect.stringContaining('cannot be checked for damage'),
    });
  });

  it('a file signed by the class server is verified only by a check that holds', async () => {
    addLoadedScenario(busan, hash, null);
    const signature = { by: 'class-server', alg: 'HMAC-SHA256', value: 'c2lnbmVk' };
    const text = gameFileText(record, signature);
    const holds = await openGameFile(text, null, async (_t, sig) => sig.value === 'c2lnbmVk');
    expect(holds).toMatchObject({ ok: true, verified: 'class-server' });
    const fails = await openGameFile(text, null, async () => false);
    expect(fails).toMatchObject({ ok: false, reason: expect.stringMatching(/signature does not hold/) });
    const unchecked = await openGameFile(text, null);
    expect(unchecked.ok && unchecked.verified).toBe(undefined);
  });

  it('a game shared in the middle of the orders leaves out the orders not yet revealed', () => {
    // play to the first orders phase, then let the side that drafts first submit
    let s = newGame(busan, 'file-seed', setup);
    const moves: Move[] = [];
    const step = (m: Move) => {
      const r = applyMove(busan, s, m);
      if (!r.ok) throw new Error(r.reason);
      s = r.state;
      moves.push(m);
    };
    while (s.round.phase === 'talks') step({ type: 'pass', side: s.round.talks.toMove });
    const turnStart = moves.length;
    step(legalMoves(busan, s, s.round.talks.first).find((m) => m.type === 'orders' && m.orders.length > 0)!);
    const game = { scenario: busan, hash, seed: 'file-seed', setup, moves, state: s, turnStart };
    const shared = shareableRecord(game);
    expect(shared.moves).toEqual(moves.slice(0, turnStart));
    expect(shared.moves.some((m) => m.type === 'orders')).toBe(false);
    // once the turn is resolved nothing is held back
    const other = s.round.talks.first === 'us' ? 'cn' : 'us';
    step({ type: 'orders', side: other, orders: [] });
    expect(shareableRecord({ ...game, moves, state: s, turnStart: moves.length }).moves).toEqual(moves);
  });
});
