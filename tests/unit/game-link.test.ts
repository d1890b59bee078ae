// Games as links: a round trip gives the identical game; a 30-turn game of the long test scenario
// stays under 2,000 characters; a link that does not fit its scenario is refused with a reason.
import { describe, expect, it } from 'vitest';
import type { GameRecord, GameState, Move, Scenario } from '../../src/engine';
import { applyMove, DEFAULT_SETUP, legalMoves, newGame, rulesFor } from '../../src/engine';
import { decodeGame, encodeGame, peekGame } from '../../src/store/game-link';
import { longCampaign } from '../fixtures/shipped';
import { rulesScenario } from '../fixtures/worked';

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
  while (s.phase !== 'over' && s.turn < turns) {
    n += 1;
    if (s.phase === 'talks') {
      const side = s.talks.toMove;
      const legal = legalMoves(sc, s, side);
      const answer =
        legal.find((m) => m.type === (n % 3 === 0 ? 'accept' : 'reject')) ??
        legal.find((m) => m.type === 'reject');
      const props = legal.filter((m) => m.type === 'propose');
      if (answer) take({ ...answer, ai: { code: n % 2 ? 'rule:answer' : 'search:utility', value: n } });
      else if (props.length && s.talks.made[side] === 0 && n % 2 === 0) take(props[(n * 13) % props.length]!);
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
  it('round-trip to the identical game, hand-built packages and injects included', () => {
    const sc = rulesScenario();
    const { moves } = playGame(sc, 'r', 3);
    const custom: Move[] = [{ type: 'inject', side: 'control', event: 'inject-only' }];
    const all = [...custom, ...moves];
    const text = encodeGame(sc, recordOf(sc, 'r', all));
    expect(text).toMatch(/^[A-Za-z0-9_-]+$/);
    const back = decodeGame(sc, rulesFor(sc).hash, text);
    expect(back.ok).toBe(true);
    if (back.ok) {
      expect(back.record.moves).toEqual(all);
      expect(back.record.seed).toBe('r');
    }
    expect(peekGame(text)).toEqual({ scenarioId: sc.id, scenarioHash: rulesFor(sc).hash });
  });

  it('keep a 30-turn game of the long test scenario under 2,000 characters', () => {
    const sc = longCampaign();
    const { moves, state } = playGame(sc, 'long', 30);
    expect(state.turn).toBe(30);
    const text = encodeGame(sc, recordOf(sc, 'long', moves));
    expect(text.length).toBeLessThan(2000);
    const back = decodeGame(sc, rulesFor(sc).hash, text);
    expect(back.ok).toBe(true);
    if (back.ok) expect(back.state).toEqual(state);
  });

  it.each([
    ['another version of the scenario', (t: string) => t, 'ffffffffffffffff', /another version/],
    ['a cut link', (t: string) => t.slice(0, -6), '', /cut short|ends too soon|refused|not a legal/],
    ['characters a link cannot hold', (t: string) => `${t}!`, '', /cannot/],
    ['junk', () => 'AAAA', '', /format|cannot|ends/],
  ])('refuse %s with a reason', (_what, tamper, hash, reason) => {
    const sc = rulesScenario();
    const { moves } = playGame(sc, 'r', 2);
    const text = encodeGame(sc, recordOf(sc, 'r', moves));
    const r = decodeGame(sc, hash || rulesFor(sc).hash, tamper(text));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(reason);
  });
});
