// Two things the hardest level did wrong in Chips and Soybeans, both sides at level 3: Beijing signed
// Washington's opening in its first talks and then never put forward terms of its own (it "opened"
// in none of 400 games), and once the deals had taken all it could still ask for, it turned down
// offers it gained from for falling short of a threshold nothing left could reach, with no counter
// to make. Now a side that signed the other's opening opens in its second talks, and an offer
// holding everything it may still ask for — and nothing it gives or that costs it — is signed.
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { chooseMove, defaultSeat } from '../../src/ai/index.ts';
import { setupFor } from '../../src/ai/match.ts';
import { nextToMove } from '../../src/ai/rollout.ts';
import type { GameState, Move } from '../../src/engine/index.ts';
import { applyMove, clauseGiver, newGame, rulesFor } from '../../src/engine/index.ts';
import { loadScenarioFile } from '../../tools/scenario-files.ts';

const chips = loadScenarioFile(
  join(import.meta.dirname, '..', '..', 'scenarios', 'chips-and-soybeans.yaml'),
).scenario;
const rules = rulesFor(chips);
const seats = {
  us: { ...defaultSeat(chips, 'us'), level: 3 },
  cn: { ...defaultSeat(chips, 'cn'), level: 3 },
};

/** A whole game, both sides at level 3: each move with the state it was made in. */
function play(seed: string): { s: GameState; move: Move }[] {
  let s = newGame(chips, seed, setupFor(seats));
  const out: { s: GameState; move: Move }[] = [];
  const asked = new Set<string>();
  while (s.round.phase !== 'over' && out.length < 600) {
    const side = nextToMove(s, asked);
    if (!side) break;
    const move = chooseMove(chips, s, side, seats[side]) as Move;
    out.push({ s, move });
    const r = applyMove(chips, s, move);
    expect(r.ok, `seed ${seed}: ${r.ok ? '' : r.reason}`).toBe(true);
    if (!r.ok) break;
    s = r.state;
  }
  return out;
}

describe('Chips and Soybeans at level 3', () => {
  let games: { seed: string; moves: { s: GameState; move: Move }[] }[] = [];
  beforeAll(() => {
    games = ['utmost-1', 'utmost-2', 'utmost-3', 'utmost-4'].map((seed) => ({ seed, moves: play(seed) }));
  });

  it('Beijing puts forward terms of its own in its first two talks', () => {
    for (const { seed, moves } of games) {
      const opened = moves.some(
        ({ s, move }) => move.type === 'propose' && move.side === 'cn' && s.round.turn < 2,
      );
      expect(opened, `seed ${seed}`).toBe(true);
    }
  });

  it('signs an offer that holds all it can still ask for, and only such an offer on that ground', () => {
    let utmost = 0;
    for (const { seed, moves } of games)
      for (const { s, move } of moves) {
        if (move.type !== 'accept' || move.ai?.code !== 'search:utmost') continue;
        utmost += 1;
        const offer = s.round.talks.open!;
        // nothing in it is the accepting side's to give
        for (const c of offer.clauses) expect(clauseGiver(rules, c), `seed ${seed}`).not.toBe(move.side);
      }
    expect(utmost, 'such an offer comes up in these games').toBeGreaterThan(0);
  });

  it('rejects no offer with a proposal left without countering it', () => {
    for (const { seed, moves } of games) {
      let due: { side: string; turn: number } | null = null;
      for (const { s, move } of moves) {
        if (due && (s.round.turn !== due.turn || (move.side === due.side && move.type !== 'propose'))) {
          if (s.round.turn === due.turn && move.type === 'pass')
            expect.fail(`seed ${seed}: ${due.side} rejected on turn ${due.turn} and passed`);
          due = null;
        }
        if (due && move.side === due.side && move.type === 'propose') due = null;
        // A demand of one clause the rejecting side would give has no counter once nothing is
        // left that it may ask for (here the memory chips its character never asks for): a counter
        // keeps half the offer — that clause — and takes nothing back, so it could only add an ask.
        const offer = s.round.talks.open?.clauses ?? [];
        const demand = offer.length === 1 && clauseGiver(rules, offer[0]!) === move.side;
        if (move.type === 'reject' && s.round.talks.made[move.side] < 2 && !demand)
          due = { side: move.side, turn: s.round.turn };
      }
    }
  });
});
