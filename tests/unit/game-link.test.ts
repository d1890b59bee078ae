// Games as links: a round trip gives the identical record, moves written out whole; a 30-turn game of
// the long test scenario stays under 2,000 characters; a damaged link, one with anything after it, an
// old unprotected link and one holding a number that is not finite are refused with one plain clause.
import { describe, expect, it } from 'vitest';
import type { GameRecord, GameState, Move, Scenario } from '../../src/engine/index.ts';
import {
  applyMove,
  DEFAULT_SETUP,
  legalMoves,
  newGame,
  RULES_VERSION,
  rulesFor,
} from '../../src/engine/index.ts';
import { decodeLink, encodeGame, packLink, peekGame } from '../../src/store/game-link.ts';
import { fromBase64Url, toBase64Url } from '../../src/store/integrity.ts';
import { longCampaign } from '../fixtures/shipped.ts';
import { rulesScenario } from '../fixtures/worked.ts';

/** A busy game: proposals, answers, orders every turn, a hand-built package and AI notes. */
function playGame(sc: Scenario, seed: string, turns: number): { moves: Move[]; state: GameState } {
  let s = newGame(sc, seed);
  const moves: Move[] = [];
  let n = 0;
  const take = (m: Move) => {
    const r = applyMove(sc, s, m);
    if (!r.ok) throw new Error(`${r.code}: ${r.reason}`);
    moves.push(m);
    s = r.state;
  };
  while (s.round.phase !== 'over' && s.round.turn < turns) {
    n += 1;
    if (s.round.phase === 'talks') {
      const side = s.round.talks.toMove;
      const legal = legalMoves(sc, s, side);
      const answer =
        legal.find((m) => m.type === (n % 3 === 0 ? 'accept' : 'reject')) ??
        legal.find((m) => m.type === 'reject');
      const props = legal.filter((m) => m.type === 'propose');
      if (answer) take({ ...answer, ai: { code: n % 2 ? 'rule:answer' : 'search:utility', value: n } });
      else if (props.length && s.round.talks.made[side] === 0 && n % 2 === 0)
        take(props[(n * 13) % props.length]!);
      else take({ type: 'pass', side });
    } else {
      for (const side of ['us', 'cn'] as const) {
        const sets = legalMoves(sc, s, side).filter((m) => m.type === 'orders');
        take({ ...sets[(n * 7) % sets.length]!, ai: { code: 'search:utility' } });
      }
    }
  }
  return { moves, state: s };
}

const recordOf = (sc: Scenario, seed: string, moves: Move[]): GameRecord => ({
  scenarioId: sc.id,
  scenarioHash: rulesFor(sc).hash,
  seed,
  setup: DEFAULT_SETUP,
  moves,
});

describe('game links', () => {
  it('round-trip to the identical record, hand-built packages and injects included', () => {
    const sc = rulesScenario();
    const { moves } = playGame(sc, 'r', 3);
    const custom: Move[] = [{ type: 'inject', side: 'control', event: 'inject-only' }];
    const all = [...custom, ...moves];
    const text = encodeGame(recordOf(sc, 'r', all));
    expect(text).toMatch(/^[A-Za-z0-9_-]+$/);
    const back = decodeLink(text);
    expect(back).toEqual({ ok: true, record: { ...recordOf(sc, 'r', all), rules: RULES_VERSION } });
    expect(peekGame(text)).toEqual({ scenarioId: sc.id, scenarioHash: rulesFor(sc).hash });
  });

  it('keep a 30-turn game of the long test scenario under 2,000 characters', () => {
    const sc = longCampaign();
    const { moves, state } = playGame(sc, 'long', 30);
    expect(state.round.turn).toBe(30);
    const text = encodeGame(recordOf(sc, 'long', moves));
    expect(text.length).toBeLessThan(2000);
    const back = decodeLink(text);
    expect(back.ok && back.record.moves).toEqual(moves);
  });

  it.each([
    ['a cut link', (t: string) => t.slice(0, -6), /damaged or incomplete/],
    ['a character a link cannot hold', (t: string) => `${t}!`, /damaged or incomplete/],
    ['anything after it', (t: string) => `${t}A`, /damaged or incomplete/],
    ['two links run together', (t: string) => `${t}${t}`, /damaged or incomplete/],
    ['junk', () => 'AAAA', /damaged or incomplete/],
    ['nothing', () => '', /holds no game/],
    [
      'an old link, which had no checksum',
      () => toBase64Url(Uint8Array.from([1, 5, 65, 66])),
      /earlier version/,
    ],
  ])('refuse %s with a plain reason', (_what, tamper, reason) => {
    const sc = rulesScenario();
    const { moves } = playGame(sc, 'r', 2);
    const r = decodeLink(tamper(encodeGame(recordOf(sc, 'r', moves))));
    expect(r).toEqual({ ok: false, reason: expect.stringMatching(reason) });
  });

  it('refuse a link whose last character is not the canonical one for its bytes', () => {
    const sc = rulesScenario();
    const text = encodeGame(recordOf(sc, 'r', playGame(sc, 'r', 1).moves));
    const bytes = fromBase64Url(text);
    expect(bytes).not.toBeNull();
    const spare = (text.length * 6) % 8; // unused low bits in the last character
    if (spare === 0) return; // this length has none to set; the corruption test covers the rest
    const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const last = B64.indexOf(text.charAt(text.length - 1));
    const odd = `${text.slice(0, -1)}${B64[last | 1]}`;
    expect(fromBase64Url(odd)).toBeNull();
    expect(decodeLink(odd).ok).toBe(false);
  });

  it('refuse a number that is not finite where the record enters, naming where', () => {
    const sc = rulesScenario();
    const record = recordOf(sc, 'r', [{ type: 'pass', side: 'us', ai: { code: 'rule:x', value: 1 } }]);
    const json = JSON.stringify({ ...record, rules: RULES_VERSION }).replace('"value":1', '"value":1e999');
    expect(decodeLink(packLink(json))).toEqual({
      ok: false,
      reason: 'the link holds a number that is not finite (at moves[0].ai.value)',
    });
    const infinite = { ...record.moves[0], ai: { code: 'rule:x', value: Number.NaN } } as Move;
    expect(() => encodeGame({ ...record, moves: [infinite] })).toThrow(/not finite/);
  });
});
