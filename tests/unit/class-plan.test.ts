// The class period's plan: the tutorial's five turns fit a 50-minute class untimed; the twenty-turn
// whole of 2025 does not, and the warning says how long play may last.
import { describe, expect, it } from 'vitest';
import { classPlan } from '../../src/ui/class-plan.ts';

describe('the plan of a class period', () => {
  it('fits the tutorial in 50 minutes: join 3, briefing 6, play, debrief 12', () => {
    const p = classPlan({ classMinutes: 60, mainTurns: 5, totalTurns: 6, talks: null, orders: null });
    expect(p.steps.map((s) => s.minutes)).toEqual([3, 6, 36, 12]);
    expect(p.fits).toBe(true);
    expect(p.warning).toBeNull();
  });

  it('warns when twenty turns do not fit in 50 minutes, and says what would', () => {
    const p = classPlan({ classMinutes: 50, mainTurns: 19, totalTurns: 20, talks: null, orders: null });
    expect(p.fits).toBe(false);
    expect(p.warning).toMatch(
      /^The plan takes \d+ minutes: more than the 50-minute class\. Play must fit in 29 minutes/,
    );
  });

  it('counts the clocks when they are set', () => {
    const p = classPlan({ classMinutes: 50, mainTurns: 5, totalTurns: 6, talks: 120, orders: 60 });
    expect(p.steps[2]?.minutes).toBe(16); // 5 × 3 minutes + one epilogue minute
    expect(p.total).toBe(37);
  });
});
