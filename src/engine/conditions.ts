// The condition language shared by events, conditional clauses and objectives (and the AI's
// rules): each form reads one fact of the state; every bound a condition gives must hold.
import type { Condition, GameState } from './types';

type Readable = Pick<GameState, 'values' | 'levels' | 'tension' | 'packages' | 'collapsed' | 'fired'>;

export function holds(c: Condition, s: Readable): boolean {
  if ('indicator' in c) {
    const v = s.values[c.indicator] ?? 0;
    return (c.below === undefined || v < c.below) && (c.above === undefined || v > c.above);
  }
  if ('instrument' in c) {
    const l = s.levels[c.instrument] ?? 0;
    return (c.atMost === undefined || l <= c.atMost) && (c.atLeast === undefined || l >= c.atLeast);
  }
  if ('tension' in c) {
    const { above, below } = c.tension;
    return (above === undefined || s.tension > above) && (below === undefined || s.tension < below);
  }
  if ('deal' in c) return s.packages.some((p) => p.status === 'active') === c.deal;
  if ('statement' in c)
    return s.packages.some(
      (p) =>
        p.status === 'active' &&
        p.clauses.some((cl) => cl.kind === 'statement' && cl.statement === c.statement),
    );
  if ('collapsed' in c) return s.collapsed === c.collapsed;
  return s.fired[c.event] !== undefined;
}
