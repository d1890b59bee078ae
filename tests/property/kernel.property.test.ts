// The turn kernel against the reducer, in every shipped scenario: holding still from the opening, or
// from any state reached by passes alone, is the no-deal line itself under the same dice (the empty
// package scores exactly the engine's zero); wherever a package can be proposed and accepted, its
// evaluation is what the reducer produces when it is signed and both sides then hold still; where it
// cannot, the evaluation is refused with the reducer's own reason. Previews read a side's view only:
// the game's seed and streams do not change them.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Clause, GameState, Move, Scenario, Setup, Side } from '../../src/engine/index.ts';
import {
  applyMove,
  DEFAULT_SETUP,
  evaluateUnder,
  legalMoves,
  newGame,
  noDealFinal,
  noDealLine,
  objectivesOf,
  previewPackage,
  proposalCandidates,
  rulesFor,
  score,
  seedStreams,
  viewFor,
  waitingOn,
} from '../../src/engine/index.ts';
import { shippedScenarios } from '../fixtures/shipped.ts';

const scenarios = shippedScenarios();
const setupOf = (randomEvents: boolean): Setup => ({ ...DEFAULT_SETUP, randomEvents });

function mustApply(sc: Scenario, s: GameState, m: Move): GameState {
  const r = applyMove(sc, s, m);
  if (!r.ok) throw new Error(`refused ${JSON.stringify(m)}: ${r.reason}`);
  return r.state;
}

/** A pass in the talks (rejecting what is open), or empty orders: the reducer's holding still. */
function stillMove(s: GameState): Move | null {
  const side = waitingOn(s, { order: ['us', 'cn'], seats: 'any' });
  if (!side) return null;
  if (s.round.phase === 'orders') return { type: 'orders', side, orders: [] };
  if (s.round.talks.open && s.round.talks.open.by !== side) return { type: 'reject', side, reason: 'timing' };
  return { type: 'pass', side };
}

function holdStillByReducer(sc: Scenario, s: GameState): GameState {
  let st = s;
  for (let m = stillMove(st); m; m = stillMove(st)) st = mustApply(sc, st, m);
  return st;
}

describe.each(scenarios)('the kernel in %s', (_file, sc) => {
  it('scores signing nothing, from the opening or after passes alone, at exactly the no-deal line', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 6 }), fc.boolean(), fc.nat({ max: 40 }), (seed, events, passes) => {
        const setup = setupOf(events);
        let s = newGame(sc, seed, setup);
        for (let i = 0; i < passes && s.round.phase !== 'over'; i++) s = mustApply(sc, s, stillMove(s)!);
        fc.pre(s.round.phase !== 'over');
        const line = noDealLine(sc, seed, setup);
        const lineFinal = noDealFinal(sc, seed, setup);
        const by: Side = s.round.phase === 'talks' ? s.round.talks.toMove : 'us';
        const r = evaluateUnder(sc, s, by, [], s.rng, line.util);
        expect(r.ok).toBe(true);
        if (!r.ok) return;
        expect(r.final.world.totals).toEqual(lineFinal.world.totals);
        // the game's own score points are exactly zero: what is left is the objectives met
        for (const side of ['us', 'cn'] as const)
          expect(r.score[side]).toBe(objectivesOf(sc.objectives, side, lineFinal).bonus);
        expect(score(sc, r.final)).toEqual(score(sc, lineFinal));
      }),
      { numRuns: 12 },
    );
  });

  it('evaluates a package as the reducer plays it signed and then held still, or refuses as it does', () => {
    let signed = 0;
    fc.assert(
      fc.property(
        fc.string({ maxLength: 6 }),
        fc.boolean(),
        fc.array(fc.nat(), { maxLength: 10 }),
        fc.nat(),
        (seed, events, picks, pick) => {
          const setup = setupOf(events);
          let s = newGame(sc, seed, setup);
          for (const p of picks) {
            if (s.round.phase === 'over') break;
            const side = waitingOn(s, { order: ['us', 'cn'], seats: 'any' });
            if (!side) break;
            const moves = legalMoves(sc, s, side);
            if (moves.length === 0) break;
            s = mustApply(sc, s, moves[p % moves.length]!);
          }
          fc.pre(s.round.phase === 'talks');
          const by = s.round.talks.toMove;
          const options = proposalCandidates(rulesFor(sc), s, by);
          fc.pre(options.length > 0);
          const clauses: Clause[] = options[pick % options.length]!;
          const zero = noDealLine(sc, seed, setup).util;
          const r = evaluateUnder(sc, s, by, clauses, s.rng, zero);

          // the reducer: a counter-proposal rejects what is open first, then propose, accept, hold still
          let st = s;
          if (st.round.talks.open && st.round.talks.open.by !== by)
            st = mustApply(sc, st, { type: 'reject', side: by, reason: 'too-little' });
          const proposed = applyMove(sc, st, { type: 'propose', side: by, clauses });
          const accepted = proposed.ok
            ? applyMove(sc, proposed.state, { type: 'accept', side: by === 'us' ? 'cn' : 'us' })
            : proposed;
          if (!accepted.ok) {
            expect(r).toEqual({ ok: false, reason: accepted.reason });
            return;
          }
          expect(r.ok).toBe(true);
          if (!r.ok) return;
          signed += 1;
          const played = holdStillByReducer(sc, accepted.state);
          expect(r.final.world.totals).toEqual(played.world.totals);
          expect(r.final.world.values).toEqual(played.world.values);
          expect(score(sc, r.final)).toEqual(score(sc, played));
        },
      ),
      { numRuns: 10 },
    );
    expect(signed, 'some packages were signed and compared').toBeGreaterThan(0);
  });

  it('previews from a side’s view alone: the game’s seed and streams change nothing', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 6 }), fc.string({ maxLength: 6 }), fc.nat(), (seed, other, pick) => {
        const s = newGame(sc, seed);
        const by = s.round.talks.toMove;
        const options = proposalCandidates(rulesFor(sc), s, by);
        const clauses = options[pick % options.length] ?? [];
        const elsewhere = { ...s, meta: { ...s.meta, seed: other }, rng: seedStreams(other) };
        const a = previewPackage(sc, viewFor(sc, s, by), by, clauses);
        expect(previewPackage(sc, viewFor(sc, elsewhere, by), by, clauses)).toEqual(a);
      }),
      { numRuns: 3 },
    );
  });
});
