// Two tabs, one game, where the browser has no Web Locks (plain http): the tabs ask each other on a
// BroadcastChannel. The second tab to open a game is told another holds it; taking it over waits
// until the first has written its moves, and the first is told it no longer plays the game.
import { describe, expect, it } from 'vitest';
import { TabGames } from '../../src/store/tab-lock.ts';

function tab(name: string, events: string[], letGoMs = 0) {
  return new TabGames({
    locks: null,
    channel: new BroadcastChannel(name),
    letGo: async (game) => {
      await new Promise((r) => setTimeout(r, letGoMs));
      events.push(`written ${game}`);
    },
    lost: (game) => events.push(`lost ${game}`),
  });
}

describe('two tabs without Web Locks', () => {
  it('tells the second tab, and hands the game over only after the first has written its moves', async () => {
    const events: string[] = [];
    const first = tab('t1', events, 30);
    const second = tab('t1', []);
    expect(await first.claim('g1')).toBe('held');
    expect(await second.claim('g1')).toBe('elsewhere');
    expect(await second.claim('other')).toBe('held');
    await second.takeOver('g1');
    events.push('taken');
    expect(events).toEqual(['lost g1', 'written g1', 'taken']);
    expect(first.holds('g1')).toBe(false);
    expect(second.holds('g1')).toBe(true);
    expect(await first.claim('g1')).toBe('elsewhere');
  });

  it('lets a game go when the player leaves it, so another tab opens it freely', async () => {
    const first = tab('t2', []);
    const second = tab('t2', []);
    expect(await first.claim('g2')).toBe('held');
    first.release('g2');
    expect(await second.claim('g2')).toBe('held');
  });
});
