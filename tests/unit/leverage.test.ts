// DESIGN.md's worked example, to the second decimal, and its three "what students can try" figures.
import { describe, expect, it } from 'vitest';
import type { LeverageInput } from '../../src/engine/index.ts';
import { explainHand, headline, leverage, newGame, rulesFor } from '../../src/engine/index.ts';
import { ScenarioSchema } from '../../src/model/schema.ts';
import { workedInput, workedScenario } from '../fixtures/worked.ts';

const scenario = workedScenario();
const rules = rulesFor(scenario);
const opening = (): LeverageInput => {
  const s = newGame(scenario, 'seed');
  return {
    levels: { ...s.world.levels },
    alt: { ...s.world.alt },
    resolve: { ...s.world.resolve },
    announcements: {},
  };
};
const r2 = (x: number) => Math.round(x * 100) / 100;

describe('leverage: the worked example (September 2025)', () => {
  const l = leverage(rules, opening());
  const card = (side: 'us' | 'cn', instrument: string, kind: string) =>
    l.hands[side].cards.find((c) => c.instrument === instrument && c.kind === kind)!;

  it.each([
    ['us', 'us-tariff', 'threat', 1.14],
    ['us', 'us-tariff', 'release', 3.6],
    ['cn', 'rare-earths', 'threat', 1.62],
    ['cn', 'rare-earths', 'release', 1.8],
    ['cn', 'soybeans', 'release', 4.8],
  ] as const)('%s %s %s is worth %d', (side, instrument, kind, value) => {
    expect(r2(card(side, instrument, kind).value)).toBe(value);
  });

  it('gives T_us→cn = 3.79, T_cn→us = 9.86 and L_us = 0.28', () => {
    expect(r2(l.hands.us.total)).toBe(3.79);
    expect(r2(l.hands.cn.total)).toBe(9.86);
    expect(r2(l.us)).toBe(0.28);
    expect(r2(l.us + l.cn)).toBe(1);
  });

  it('soybeans at the boycott threaten nothing more', () => {
    expect(l.hands.cn.cards.some((c) => c.instrument === 'soybeans' && c.kind === 'threat')).toBe(false);
  });

  it.each([
    [
      'completing the minerals deals (US industry alt 0.5)',
      (i: LeverageInput) => ({ ...i, alt: { ...i.alt, 'us-industry': 0.5 } }),
      0.31,
    ],
    [
      'raising the tariff to 55%',
      (i: LeverageInput) => ({ ...i, levels: { ...i.levels, 'us-tariff': 4 } }),
      0.39,
    ],
    [
      'the tariff at 55% answered with twelve metals',
      (i: LeverageInput) => ({ ...i, levels: { ...i.levels, 'us-tariff': 4, 'rare-earths': 3 } }),
      0.33,
    ],
  ])('%s gives L_us = %d', (_what, change, expected) => {
    expect(r2(leverage(rules, change(opening())).us)).toBe(expected);
  });

  it('an announcement replaces the one-step threat and is believed resolve + δ', () => {
    const base = opening();
    const announced = leverage(rules, {
      ...base,
      announcements: { 'us-tariff': { level: 5, turn: 2, by: 'us' } },
    });
    const c = announced.hands.us.cards.find((x) => x.kind === 'announced')!;
    // 2 × (min(1, 0.6 + 0.2) × (−1.8 − −4.8) − 0.5 × (−0.3 − −0.9)) = 2 × (2.4 − 0.3) = 4.2
    expect(r2(c.value)).toBe(4.2);
    expect(c.belief).toBeCloseTo(0.8);
    expect(announced.hands.us.cards.some((x) => x.kind === 'threat')).toBe(false);
    expect(announced.us).toBeGreaterThan(leverage(rules, base).us);
  });

  it('is 0.5 when neither side holds anything', () => {
    const i = opening();
    const flat = leverage(rules, {
      ...i,
      levels: { 'us-tariff': 6, 'rare-earths': 4, soybeans: 0 },
      alt: { ...i.alt, 'cn-exports': 1, 'us-industry': 1, 'us-farm': 1, 'us-prices': 1 },
    });
    expect(flat.us).toBe(0.5);
  });

  it('explains each card in words, largest first', () => {
    const lines = explainHand(rules, l.hands.cn);
    expect(lines[0]?.text).toContain('Soybean purchases');
    expect(lines[0]?.text).toContain('4.8');
    const us = explainHand(rules, l.hands.us).find((x) => x.card.kind === 'threat')!;
    expect(us.text).toContain('“55%”');
    expect(us.text).toContain('counts 1.1');
    expect(us.text).toContain('believes it 60%');
    expect(us.text).toContain('cost Washington 0.3 a turn');
    expect(headline(rules, l, 'cn')).toBe('Beijing (you) holds the upper hand: 72% of 13.7 at stake.');
  });

  it('names what a threat hits inside its sentence, the names within a name kept as written', () => {
    const named = ScenarioSchema.parse({
      ...workedInput(),
      indicators: workedInput().indicators.map((i) =>
        i.name === 'Industrial supply' ? { ...i, name: 'Industrial supply (US and EU factories)' } : i,
      ),
    });
    const r = rulesFor(named);
    const hand = leverage(r, opening()).hands.cn;
    const threat = explainHand(r, hand).find((x) => x.card.kind === 'threat')!;
    expect(threat.text).toContain('because it hits industrial supply (US and EU factories),');
  });
});
