// The interface's words for the engine's codes: clauses, conditions, orders, news and dates are
// rendered from the scenario (the engine stores ids and codes, never sentences).
import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../src/engine/index.ts';
import { newGame } from '../../src/engine/index.ts';
import {
  clauseShort,
  clauseText,
  fmtDate,
  newsLine,
  orderText,
  pct,
  pts,
  score0,
  score1,
  turnDate,
} from '../../src/present/text.ts';
import { shippedScenarios } from '../fixtures/shipped.ts';

const busan = shippedScenarios().find(([, s]) => s.id === 'road-to-busan')?.[1] as Scenario;

describe('the words of the interface', () => {
  it('formats dates and points', () => {
    expect(fmtDate('2025-10-10')).toBe('10 Oct 2025');
    expect(turnDate(busan, 1)).toBe('13 Oct 2025');
    expect(pts(1.25)).toBe('+1.3');
    expect(pts(-0.5)).toBe('−0.5');
    expect(pts(0)).toBe('±0.0');
    expect(pct(0.114)).toBe('11%');
    expect(pct(-0.012)).toBe('−1%');
    expect(pct(-0.004)).toBe('0%'); // rounds to nothing: no sign
  });

  it('writes a score whole and its parts to a tenth, with a true minus sign', () => {
    expect(score0(52.6)).toBe('53');
    expect(score0(-1.4)).toBe('−1');
    expect(score1(47.14)).toBe('47.1');
    expect(score1(-1.44)).toBe('−1.4');
    expect(score1(-0.04)).toBe('0.0'); // rounds to nothing: no sign
    expect(score1(5.5)).toBe('5.5');
  });

  it('names each kind of clause, conditions included', () => {
    expect(clauseText(busan, { kind: 'instrument', instrument: 'us-tariff', level: 2 })).toBe(
      'Washington sets US tariff to “20% (fentanyl tariff)”',
    );
    expect(clauseShort(busan, { kind: 'instrument', instrument: 'us-tariff', level: 2 })).toBe(
      'US tariff to “20% (fentanyl tariff)”',
    );
    const pledge = busan.commitments.find((c) => c.id === 'cn-soy-pledge')!;
    expect(
      clauseText(busan, {
        kind: 'pledge',
        item: pledge.id,
        size: 'large',
        ...(pledge.condition ? { condition: pledge.condition } : {}),
      }),
    ).toMatch(
      /^Beijing pledges Soybean purchase pledge \(large\), while US tariff at most “20% \(fentanyl tariff\)”$/,
    );
    expect(clauseText(busan, { kind: 'commitment', item: 'cn-fentanyl-cooperation' })).toMatch(
      /^Beijing commits to Fentanyl/,
    );
    expect(clauseText(busan, { kind: 'statement', statement: 'st-trade-stability' })).toBe(
      'Statement: Joint statement on trade stability',
    );
  });

  it('names orders by what they do', () => {
    const s = newGame(busan, 't');
    expect(orderText(busan, s.world, { kind: 'shift', instrument: 'us-chips', level: 3 })).toBe(
      'Raise Chip controls to “H20 banned”',
    );
    expect(orderText(busan, s.world, { kind: 'shift', instrument: 'us-chips', level: 1 })).toMatch(
      /^Lower Chip controls/,
    );
    expect(orderText(busan, s.world, { kind: 'announce', instrument: 'us-chips', level: 3, turn: 2 })).toBe(
      'Announce Chip controls at “H20 banned” from 16 Oct 2025',
    );
    expect(orderText(busan, s.world, { kind: 'extend' })).toBe('Extend the truce by 90 days');
  });

  it('gives an event its source: title, outlet, date and quote', () => {
    const line = newsLine(busan, { kind: 'event', event: 'ev-rare-earth-rules' });
    expect(line.title).toBe('Beijing adds five rare earths to its controls');
    expect(line.source?.outlet).toMatch(/Al Jazeera/);
    expect(line.source?.quote).toMatch(/five more rare-earth metals/);
  });
});
