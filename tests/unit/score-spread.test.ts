// The spread of scores and the bounds a class can read: the percentiles simulate prints, and the
// warnings check gives an author when a side too often falls below −100 or one package moves a
// score by hundreds.
import { describe, expect, it } from 'vitest';
import { MAX_BELOW, MAX_PACKAGE_MOVE, spreadOf, spreadWarnings } from '../../tools/score-spread';
import { rulesScenario } from '../fixtures/worked';

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
