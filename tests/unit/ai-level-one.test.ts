// Level 1 is the gentle level, also outside the tutorial: a student who opens with what level 2
// would propose for its side and signs the computer's answer does about as well against level 1 as
// against level 2. As Washington: in Liberation Day, level 1's Beijing held out for 2.2 of its target
// and such a student scored 13 against 86; in Road to Busan, at 1.3, 52 against 103; in the London
// Licences, at 1.3, 42 against 78. As Beijing: in Chips and Soybeans, level 1's Washington held out
// for 1.6 and such a student scored −2 against 67.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chooseMove, defaultSeat } from '../../src/ai/index.ts';
import type { Clause, GameState, Move, Scenario, Side } from '../../src/engine/index.ts';
import { applyMove, DEFAULT_SETUP, newGame, score } from '../../src/engine/index.ts';
import { loadScenarioFile } from '../../tools/scenario-files.ts';

const SEEDS = ['gentle-1', 'gentle-2', 'gentle-3', 'gentle-4', 'gentle-5', 'gentle-6'];

/** The student's final score, playing `me`, against the computer at `level` on the other side. */
function student(sc: Scenario, me: Side, level: number, seed: string): number {
  const ai: Side = me === 'us' ? 'cn' : 'us';
  const computer = { ...defaultSeat(sc, ai), level };
  const model = { ...defaultSeat(sc, me), level: 2 }; // what the student's opening copies
  const seat = { kind: 'ai' as const, ...computer };
  const seats = me === 'us' ? { us: HUMAN, cn: seat } : { us: seat, cn: HUMAN };
  let s: GameState = newGame(sc, seed, { ...DEFAULT_SETUP, seats });
  let offer: Clause[] | null = null;
  let proposed = false;
  let signed = false;
  const apply = (m: Move) => {
    const r = applyMove(sc, s, m);
    if (!r.ok) throw new Error(`${r.reason}: ${JSON.stringify(m)}`);
    if (r.state.world.packages.length > s.world.packages.length) signed = true;
    s = r.state;
  };
  while (s.round.phase !== 'over') {
    const t = s.round.talks;
    if (s.round.phase === 'orders')
      apply(
        s.round.drafts[me] === null
          ? { type: 'orders', side: me, orders: [] }
          : chooseMove(sc, s, ai, computer),
      );
    else if (t.toMove === ai) apply(chooseMove(sc, s, ai, computer));
    else if (t.open?.by === ai) {
      const take: Move = { type: 'accept', side: me };
      // it signs the answer to its offer (an answer it cannot sign, over a red line, it turns down)
      apply(
        proposed && !signed && applyMove(sc, s, take).ok
          ? take
          : { type: 'reject', side: me, reason: 'too-little' },
      );
    } else if (!proposed && !signed && t.made[me] === 0) {
      if (!offer) {
        const m = chooseMove(sc, s, me, model);
        if (m.type === 'propose') offer = [...m.clauses];
      }
      if (offer) {
        proposed = true;
        apply({ type: 'propose', side: me, clauses: offer });
      } else apply({ type: 'pass', side: me });
    } else apply({ type: 'pass', side: me });
  }
  return score(sc, s).sides[me].score;
}

const HUMAN = { kind: 'human' } as const;

describe('level 1 is gentle to a student who opens as level 2 would', () => {
  const cases: readonly [string, Side][] = [
    ['liberation-day-to-geneva', 'us'],
    ['road-to-busan', 'us'],
    ['london-licences', 'us'],
    ['liberation-day-to-geneva', 'cn'],
    ['road-to-busan', 'cn'],
    ['chips-and-soybeans', 'cn'],
  ];
  for (const [file, me] of cases)
    it(`in ${file}, playing ${me === 'us' ? 'Washington' : 'Beijing'}: about as well off against level 1 as against level 2`, () => {
      const sc = loadScenarioFile(
        join(import.meta.dirname, '..', '..', 'scenarios', `${file}.yaml`),
      ).scenario;
      const mean = (level: number) =>
        SEEDS.reduce((a, seed) => a + student(sc, me, level, seed), 0) / SEEDS.length;
      expect(mean(1)).toBeGreaterThan(0.8 * mean(2));
    });
});
