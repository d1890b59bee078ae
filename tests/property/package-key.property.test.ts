// A package's key (src/ai/talks.ts) names its clauses whatever their order: the AI's searches and
// memos compare packages by it. It sorts a handful of texts by hand, in place, and keeps the key of a
// frozen list (a proposal in the state) with it; this holds both to what sorting the texts with the
// language's own sort and joining them gives.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clauseKey, packageKey } from '../../src/ai/talks.ts';
import type { Clause } from '../../src/engine/index.ts';

const id = fc.constantFrom('us-tariff', 'us-chips', 'cn-re-licences', 'cn-soybeans', 'a', 'b', 'ü-ç');
const clause: fc.Arbitrary<Clause> = fc.oneof(
  fc.record({
    kind: fc.constant('instrument' as const),
    instrument: id,
    level: fc.integer({ min: 0, max: 6 }),
  }),
  fc.record({ kind: fc.constant('statement' as const), statement: id }),
  fc.record({ kind: fc.constant('commitment' as const), item: id }),
  fc.record({
    kind: fc.constant('pledge' as const),
    item: id,
    size: fc.constantFrom('small' as const, 'medium' as const, 'large' as const),
  }),
);

describe('packageKey', () => {
  it('is the clauses’ texts sorted and joined, the same for every order of them', () => {
    fc.assert(
      fc.property(fc.array(clause, { maxLength: 8 }), fc.array(fc.nat()), (clauses, swaps) => {
        const key = packageKey(clauses);
        expect(key).toBe(clauses.map(clauseKey).sort().join(';'));
        const shuffled = [...clauses];
        for (let i = 0; i < swaps.length && shuffled.length > 1; i++) {
          const a = i % shuffled.length;
          const b = swaps[i]! % shuffled.length;
          [shuffled[a], shuffled[b]] = [shuffled[b]!, shuffled[a]!];
        }
        expect(packageKey(shuffled)).toBe(key);
        // a proposal in the state: a frozen list of the engine's own copies, its key kept with it
        const inState = Object.freeze(shuffled.map((c) => ({ ...c })));
        expect(packageKey(inState)).toBe(key);
        expect(packageKey(inState)).toBe(key);
      }),
      { numRuns: 500 },
    );
  });
});
