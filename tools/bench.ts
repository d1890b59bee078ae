// npm run bench — how fast the engine applies accepted moves through its public reducer (legality,
// effects and calendar included), early and late in the long test scenario. The moves are a
// recorded game; each window replays its moves from their recorded states, so both windows measure
// the same work: one accepted move.
//
// `npm run bench` runs it under `node --single-threaded`: with V8's compiler and collector on
// background threads, which code a process ends up running depends on how their work interleaves
// with this one's, and the same tree measured either about 72,000 or about 120,000 moves a second
// for moves that end a turn, process by process (on one thread, 121,000-125,000 in eight runs).
import type { GameState, Move, Scenario, Side } from '../src/engine/index.ts';
import { applyMove, legalMoves, newGame, rulesFor } from '../src/engine/index.ts';
import { loadScenarioFile } from './scenario-files.ts';

/** A deterministic game that exercises talks, packages, shifts and builds on every turn. */
function recordGame(sc: Scenario): { states: GameState[]; moves: Move[] } {
  let s = newGame(sc, 'bench');
  const states: GameState[] = [];
  const moves: Move[] = [];
  let n = 0;
  const take = (m: Move) => {
    const r = applyMove(sc, s, m);
    if (!r.ok) throw new Error(`bench script refused: ${r.code} ${r.reason}`);
    states.push(s);
    moves.push(m);
    s = r.state;
  };
  while (s.round.phase !== 'over') {
    n += 1;
    if (s.round.phase === 'talks') {
      const side = s.round.talks.toMove;
      const legal = legalMoves(sc, s, side);
      const answers = legal.filter((m) => m.type === 'accept' || m.type === 'reject');
      const answer = answers.find((m) => m.type === (n % 3 === 0 ? 'accept' : 'reject')) ?? answers[0];
      const proposal = legal.filter((m) => m.type === 'propose');
      if (answer) take(answer);
      else if (proposal.length && s.round.talks.made[side] === 0 && n % 2 === 0)
        take(proposal[n % proposal.length]!);
      else take({ type: 'pass', side });
    } else {
      for (const side of ['us', 'cn'] as Side[]) {
        const sets = legalMoves(sc, s, side).filter((m) => m.type === 'orders');
        const nonEmpty = sets.filter((m) => m.type === 'orders' && m.orders.length > 0);
        take(nonEmpty.length && n % 4 !== 0 ? nonEmpty[(n * 7) % nonEmpty.length]! : sets[0]!);
      }
    }
  }
  return { states, moves };
}

function rate(
  sc: Scenario,
  states: GameState[],
  moves: Move[],
  from: number,
  to: number,
  total: number,
): number {
  const t0 = performance.now();
  let done = 0;
  while (done < total) {
    for (let i = from; i < to && done < total; i++, done++) applyMove(sc, states[i]!, moves[i]!);
  }
  return total / ((performance.now() - t0) / 1000);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function engineBench() {
  const sc = loadScenarioFile(
    new URL('../tests/fixtures/scenarios/long-campaign.yaml', import.meta.url).pathname,
  ).scenario;
  const { states, moves } = recordGame(sc);
  const turns = states[states.length - 1]!.round.turn + 1;
  const main = rulesFor(sc).mainTurns;
  // Early and late windows hold the same mix of moves (talks and orders); the epilogue has orders only.
  const earlyEnd = states.findIndex((s) => s.round.turn >= 4);
  const lateStart = states.findIndex((s) => s.round.turn >= main - 4);
  const lateEnd = states.findIndex((s) => s.round.turn >= main);
  const epilogueEnd = states.length;
  const N = 100_000;
  rate(sc, states, moves, 0, earlyEnd, 20_000); // warm up
  const early = median([0, 1, 2].map(() => rate(sc, states, moves, 0, earlyEnd, N)));
  const late = median([0, 1, 2].map(() => rate(sc, states, moves, lateStart, lateEnd, N)));
  const epilogue = median([0, 1, 2].map(() => rate(sc, states, moves, lateEnd, epilogueEnd, N)));
  const fmt = (x: number) => Math.round(x).toLocaleString('en').padStart(8);
  console.log(
    `engine: long-campaign, ${turns} turns (${main} before the deadline), ${moves.length} moves recorded`,
  );
  console.log(`  accepted moves/s, early (turns 0–3):               ${fmt(early)}`);
  console.log(`  accepted moves/s, late (turns ${main - 4}–${main - 1}):             ${fmt(late)}`);
  console.log(
    `  late ÷ early:                                      ${(late / early).toFixed(2).padStart(8)}`,
  );
  console.log(`  accepted moves/s, epilogue (orders only, each pair ends a turn): ${fmt(epilogue)}`);
}

engineBench();
