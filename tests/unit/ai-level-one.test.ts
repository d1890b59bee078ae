// Level 1 is the gentle level, also outside the tutorial: a student who opens with what level 2
// would propose for its side and signs the computer's answer does about as well against level 1 as
// against level 2. As Washington: in Liberation Day, level 1's Beijing held out for 2.2 of its target
// and such a student scored 13 against 86; in Road to Busan, at 1.3, 52 against 103; in the London
// Licences, at 1.3, 42 against 78. As Beijing: in Chips and Soybeans, level 1's Washington held out
// for 1.6 and such a student scored −2 against 67. In the Whole of 2025, level 1 raised its measures
// turn after turn though a deal was in force and the student never escalated (as Beijing: −9
// against 43 over 12 seeds; as Washington, 12 against 25; in the London Licences as Beijing, 45
// against 69): it now keeps the peace it signed.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chooseMove, defaultSeat } from '../../src/ai/index.ts';
import type { Scenario, Side } from '../../src/engine/index.ts';
import { loadScenarioFile } from '../../tools/scenario-files.ts';
import { studentGame } from './student.ts';

const SEEDS = ['gentle-1', 'gentle-2', 'gentle-3', 'gentle-4', 'gentle-5', 'gentle-6'];

/** The student's final score, playing `me`, against the computer at `level` on the other side. */
function student(sc: Scenario, me: Side, level: number, seed: string): number {
  const ai: Side = me === 'us' ? 'cn' : 'us';
  const model = { ...defaultSeat(sc, me), level: 2 }; // what the student's opening copies
  return studentGame(sc, seed, {
    me,
    computer: { ...defaultSeat(sc, ai), level },
    offer: (s) => {
      const m = chooseMove(sc, s, me, model);
      return m.type === 'propose' ? m.clauses : null;
    },
    everyTurn: false,
    signs: true,
  }).score;
}

describe('level 1 is gentle to a student who opens as level 2 would', () => {
  const cases: readonly [string, Side][] = [
    ['liberation-day-to-geneva', 'us'],
    ['road-to-busan', 'us'],
    ['london-licences', 'us'],
    ['liberation-day-to-geneva', 'cn'],
    ['road-to-busan', 'cn'],
    ['chips-and-soybeans', 'cn'],
    ['whole-of-2025', 'us'],
    ['whole-of-2025', 'cn'],
    ['london-licences', 'cn'],
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
