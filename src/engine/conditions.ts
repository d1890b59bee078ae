// The condition language shared by events, conditional clauses and objectives (and the AI's
// rules): each form reads one fact of the state; every bound a condition gives must hold.
import type { Condition, Package, Tally, World } from './types.ts';
import { tallyKey } from './types.ts';

type Readable = Pick<World, 'values' | 'levels' | 'tension' | 'packages' | 'collapsed' | 'fired' | 'tallies'>;

/** One package's record of a promise: what it owed and delivered so far, and whether it counts. */
export interface PromiseRecord {
  readonly package: Package;
  readonly tally: Tally | null; // null: nothing owed yet (signed this turn, or its condition never held)
  readonly share: number | null; // delivered ÷ owed so far
  // In force, or ended by the other side's breach: the promiser kept its word while the deal stood.
  readonly counts: boolean;
}

/**
 * Whether a package is in force. The state's arrays are frozen, and V8 walks a frozen array by
 * index several times faster than through for…of or its own methods (some, find, forEach), which
 * fall back to a slow path and allocate: the engine's loops over them are written by index.
 */
export function dealInForce(s: Pick<World, 'packages'>): boolean {
  const ps = s.packages;
  for (let i = 0; i < ps.length; i++) if (ps[i]!.status === 'active') return true;
  return false;
}

/** Every package that holds the promise `item`, latest first. */
export function promiseRecords(s: Pick<World, 'packages' | 'tallies'>, item: string): PromiseRecord[] {
  const out: PromiseRecord[] = [];
  for (let i = s.packages.length - 1; i >= 0; i--) {
    const p = s.packages[i]!;
    if (!p.clauses.some((c) => (c.kind === 'pledge' || c.kind === 'commitment') && c.item === item)) continue;
    const tally = s.tallies[tallyKey(p.id, item)] ?? null;
    const share = tally && tally.promised > 0 ? tally.delivered / tally.promised : null;
    const counts =
      p.status === 'active' || (p.status === 'broken' && p.brokenBy !== null && p.brokenBy !== tally?.by);
    out.push({ package: p, tally, share, counts });
  }
  return out;
}

// Shares are ratios of sums rounded to thousandths: a hair under the threshold is the threshold.
const EPSILON = 1e-9;

/** Whether a package record meets a delivery threshold. */
export const deliveredEnough = (r: PromiseRecord, atLeast: number) =>
  r.counts && r.share !== null && r.share + EPSILON >= atLeast;

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
  if ('deal' in c) return dealInForce(s) === c.deal;
  if ('statement' in c) {
    // the state's arrays are frozen: walked by index (see dealInForce)
    for (let i = 0; i < s.packages.length; i++) {
      const p = s.packages[i]!;
      if (p.status !== 'active') continue;
      for (let j = 0; j < p.clauses.length; j++) {
        const cl = p.clauses[j]!;
        if (cl.kind === 'statement' && cl.statement === c.statement) return true;
      }
    }
    return false;
  }
  if ('collapsed' in c) return s.collapsed === c.collapsed;
  if ('commitment' in c)
    return promiseRecords(s, c.commitment).some((r) => deliveredEnough(r, c.deliveredAtLeast));
  return s.fired[c.event] !== undefined;
}
