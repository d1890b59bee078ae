import { describe, expect, it } from 'vitest';
import { recentCache } from '../../src/engine/recent.ts';

describe('recentCache', () => {
  it('finds a key by identity, not by value', () => {
    const c = recentCache<object, number>(4);
    const a = { id: 1 };
    c.set(a, 7);
    expect(c.get(a)).toBe(7);
    expect(c.get({ id: 1 })).toBeUndefined();
  });

  it('keeps the last `size` keys and lets the oldest go', () => {
    const c = recentCache<object, number>(3);
    const keys = [{}, {}, {}, {}];
    for (const [i, k] of keys.entries()) c.set(k, i);
    expect(c.get(keys[0]!)).toBeUndefined();
    expect(keys.slice(1).map((k) => c.get(k))).toEqual([1, 2, 3]);
  });

  it('replaces the value of a key set again without taking another place', () => {
    const c = recentCache<object, string>(2);
    const a = {};
    const b = {};
    c.set(a, 'first');
    c.set(b, 'b');
    c.set(a, 'second');
    expect(c.get(a)).toBe('second');
    expect(c.get(b)).toBe('b');
  });
});
