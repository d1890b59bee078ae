// Numbers that are not finite (NaN, ±Infinity, or `1e999` in JSON) are refused where they enter: a
// move, at the engine; a record read from a save, a file or a link, at its shape check, naming where.
import { describe, expect, it } from 'vitest';
import type { Move } from '../../src/engine/index.ts';
import { applyMove, newGame, RULES_VERSION } from '../../src/engine/index.ts';
import { parseRecord } from '../../src/store/game-record.ts';
import { firstNonFinite } from '../../src/store/integrity.ts';
import { HOT_SEAT, shippedBusan } from './store-fixtures.ts';

describe('finite numbers only', () => {
  const busan = shippedBusan();

  it.each([Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY])(
    'a move whose note holds %s is refused, the state unchanged',
    (value) => {
      const s = newGame(busan, 's', HOT_SEAT);
      const move = { type: 'pass', side: 'us', ai: { code: 'rule:x', value } } as Move;
      expect(applyMove(busan, s, move)).toMatchObject({ ok: false, code: 'MALFORMED' });
      expect(applyMove(busan, s, { type: 'pass', side: 'us', ai: { code: 'rule:x', value: 0.5 } }).ok).toBe(
        true,
      );
    },
  );

  it('a record read from outside with a number that is not finite is refused, naming where', () => {
    const record = JSON.parse(
      `{"rules":${RULES_VERSION},"scenarioId":"a","scenarioHash":"b","seed":"c","setup":${JSON.stringify(HOT_SEAT)},"moves":[{"type":"pass","side":"us","ai":{"code":"x","value":-1e999}}]}`,
    );
    expect(parseRecord(record)).toEqual({
      reason: 'it holds a number that is not finite (at moves[0].ai.value)',
    });
    expect(firstNonFinite({ a: [1, { b: 2 }], c: 'NaN' })).toBeNull();
  });
});
