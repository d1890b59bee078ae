// The spread of scores and the bounds a class can read: the percentiles simulate prints, and the
// warnings check gives an author when a side too often falls below −100 or one package moves a
// score by hundreds.
import { describe, expect, it } from 'vitest';
import { chooseMove, defaultSeat } from '../../src/ai/index.ts';
import { setupFor } from '../../src/ai/match.ts';
import type { BySide } from '../../src/engine/index.ts';
import { newGame, proposalCandidates, SIDES } from '../../src/engine/index.ts';
import {
  checkOpening,
  goodPackageMove,
  MAX_BELOW,
  MAX_PACKAGE_MOVE,
  spreadOf,
  spreadWarnings,
} from '../../tools/score-spread.ts';
import { shippedScenarios } from '../fixtures/shipped.ts';
import { rulesScenario } from '../fixtures/worked.ts';

const sc = rulesScenario();

describe('the spread of scores', () => {
  it('reads the share below −100 and the 10th, 50th and 90th percentiles by nearest rank', () => {
    const xs = Array.from({ length: 20 }, (_, i) => (i - 2) * 10 - (i < 2 ? 200 : 0)); // two far below
    const s = spreadOf(xs);
    expect(s.below100).toBe(0.1);
    expect(s.p10).toBe(-210); // the second of twenty
    expect(s.p50).toBe(70); // the tenth
    expect(s.p90).toBe(150); // the eighteenth
  });

  it('warns when a side is below −100 in more than 5% of games, or a package moves it by hundreds', () => {
    const fine = { below100: MAX_BELOW, p10: -50, p50: 10, p90: 60 };
    const wide = { ...fine, below100: MAX_BELOW + 0.01 };
    expect(spreadWarnings(sc, { us: fine, cn: fine }, { us: 80, cn: MAX_PACKAGE_MOVE })).toEqual([]);
    const w = spreadWarnings(sc, { us: wide, cn: fine }, { us: 40, cn: MAX_PACKAGE_MOVE + 1 });
    expect(w.map((x) => x.side)).toEqual(['us', 'cn']);
    expect(w[0]?.found).toBe('6.0%');
    expect(w[1]?.found).toBe('101 points');
  });
});

const smaller = (g: BySide<number>) => Math.min(g.us, g.cn);

describe('the one good package an author is warned about', () => {
  const shipped = shippedScenarios();
  const tutorial = shipped.find(([, s]) => s.id === 'opening-bid')![1];

  it('is searched beyond the short packages, as far as the packages the computer proposes', () => {
    const found = goodPackageMove(tutorial)!;
    // the engine's bounded generator alone: one, two and four clauses
    const { rules, s, weigh } = checkOpening(tutorial);
    let short = Number.NEGATIVE_INFINITY;
    for (const by of SIDES)
      for (const clauses of proposalCandidates(rules, s, by)) {
        const g = weigh(by, clauses);
        if (g) short = Math.max(short, smaller(g));
      }
    expect(smaller(found)).toBeGreaterThan(short + 1);
    // the computer's first proposal of a game, at each level, moves no side further than the check's
    for (const level of [1, 2, 3]) {
      const seats = {
        us: { ...defaultSeat(tutorial, 'us'), level },
        cn: { ...defaultSeat(tutorial, 'cn'), level },
      };
      const start = newGame(tutorial, 'check', setupFor(seats));
      const side = start.round.talks.toMove;
      const move = chooseMove(tutorial, start, side, seats[side]);
      expect(move.type).toBe('propose');
      if (move.type !== 'propose') continue;
      const g = weigh(side, move.clauses)!;
      expect(smaller(found)).toBeGreaterThanOrEqual(smaller(g) - 0.05);
    }
  });

  it.each(shipped)('moves no side of %s by hundreds', (_, scenario) => {
    const move = goodPackageMove(scenario)!;
    expect(Math.abs(move.us)).toBeLessThanOrEqual(MAX_PACKAGE_MOVE);
    expect(Math.abs(move.cn)).toBeLessThanOrEqual(MAX_PACKAGE_MOVE);
    expect(smaller(move)).toBeGreaterThan(0); // and one package does help both
  });
});
