// The shipped scenarios as the menu gets them from the build: every opening of scenarios/, loaded
// with the worlds beside it, in the year's order with the tutorial first and the campaign last.
import { describe, expect, it } from 'vitest';
import { loadShipped } from '../../tools/vite-scenarios.ts';

describe('the shipped scenarios in the menu', () => {
  const shipped = loadShipped('scenarios');

  it('lists every opening, in the order a class takes them', () => {
    expect(shipped.map((s) => s.id)).toEqual([
      'opening-bid',
      'liberation-day-to-geneva',
      'london-licences',
      'chips-and-soybeans',
      'road-to-busan',
      'whole-of-2025',
    ]);
  });

  it('starts each scenario no earlier than the one before it, the campaign apart', () => {
    const starts = shipped.slice(0, -1).map((s) => s.scenario.calendar.start);
    expect(starts).toEqual([...starts].sort());
  });
});
