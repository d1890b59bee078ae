// Objectives credit what was delivered: each promise of a package keeps a tally of what it owed and
// delivered, a delivery condition reads it, and every objective's verdict comes with the fact that
// decided it, which the results put in words.
import { describe, expect, it } from 'vitest';
import type { Clause, Condition, GameState, Scenario } from '../../src/engine/index.ts';
import { applyMove, holds, newGame, objectiveStatus, score, tallyKey } from '../../src/engine/index.ts';
import { objectiveWhyText } from '../../src/present/text.ts';
import { loadScenario } from '../../src/scenario/load.ts';
import { rulesScenario } from '../fixtures/worked.ts';
import { endTurn, play } from './helpers.ts';
import { fixture } from './scenario-fixtures.ts';

const fentanyl: Clause = { kind: 'commitment', item: 'fentanyl' };
const delivered = (atLeast: number): Condition => ({ commitment: 'fentanyl', deliveredAtLeast: atLeast });

/** A scenario whose one US objective is the fentanyl promise delivered at least `atLeast`. */
const withObjective = (atLeast: number, rate = 0.9, spread = 0.05): Scenario =>
  rulesScenario((i) => ({
    ...i,
    commitments: (i.commitments ?? []).map((c) => (c.id === 'fentanyl' ? { ...c, rate, spread } : c)),
    objectives: [
      {
        id: 'us-fentanyl',
        side: 'us',
        text: 'Fentanyl controls kept',
        condition: delivered(atLeast),
        points: 10,
        estimate: 'test figure',
      },
    ],
  }));

/** Washington lowers its tariff a level for Beijing's fentanyl controls, accepted on the first turn. */
function signed(sc: Scenario, seed = 's'): GameState {
  return play(
    sc,
    newGame(sc, seed),
    {
      type: 'propose',
      side: 'us',
      clauses: [{ kind: 'instrument', instrument: 'us-tariff', level: 2 }, fentanyl],
    },
    { type: 'accept', side: 'cn' },
  );
}

const turns = (sc: Scenario, s: GameState, n: number) => {
  let state = s;
  for (let i = 0; i < n; i++) state = endTurn(sc, state);
  return state;
};

describe('delivery tallies', () => {
  it('are written each turn for each promise of a package in force, and agree with the totals', () => {
    const sc = withObjective(0.6);
    const s0 = signed(sc);
    const id = s0.world.packages[0]!.id;
    expect(s0.world.tallies[tallyKey(id, 'fentanyl')]).toBeUndefined(); // nothing owed before the turn ends
    const s1 = endTurn(sc, s0);
    const t1 = s1.world.tallies[tallyKey(id, 'fentanyl')]!;
    expect(t1).toMatchObject({ by: 'cn', promised: 1 });
    expect(t1.delivered).toBeGreaterThan(0.84);
    expect(t1.delivered).toBeLessThanOrEqual(0.95);
    const s3 = turns(sc, s1, 2);
    const t3 = s3.world.tallies[tallyKey(id, 'fentanyl')]!;
    expect(t3.promised).toBe(3);
    expect(t3.delivered).toBeCloseTo(s3.world.totals.delivered.cn, 6);
    expect(s3.world.totals.promised.cn).toBe(3);
  });

  it('owe nothing while a tied promise’s condition fails', () => {
    const sc = rulesScenario();
    // the soybean pledge is tied to the US tariff at most level 2; it stays at 3
    const s = play(
      sc,
      newGame(sc, 's'),
      {
        type: 'propose',
        side: 'us',
        clauses: [
          {
            kind: 'pledge',
            item: 'soy-pledge',
            size: 'large',
            condition: { instrument: 'us-tariff', atMost: 2 },
          },
        ],
      },
      { type: 'accept', side: 'cn' },
    );
    const after = turns(sc, s, 2);
    expect(after.world.tallies[tallyKey(after.world.packages[0]!.id, 'soy-pledge')]).toBeUndefined();
    expect(holds({ commitment: 'soy-pledge', deliveredAtLeast: 0 }, after.world)).toBe(false);
  });
});

describe('the delivery condition', () => {
  it('holds once a package in force has delivered at least the share, and not before it is signed', () => {
    const sc = withObjective(0.6);
    expect(holds(delivered(0.6), turns(sc, newGame(sc, 's'), 2).world)).toBe(false); // never signed
    const s = turns(sc, signed(sc), 2);
    expect(holds(delivered(0.6), s.world)).toBe(true);
    expect(holds(delivered(0.99), s.world)).toBe(false); // 0.9 ± 0.05 a turn never reaches 99%
  });

  it('reads the tally, not the rate: a promise delivered below the threshold misses', () => {
    const sc = withObjective(0.6, 0.3, 0.05);
    const s = turns(sc, signed(sc), 3);
    const t = s.world.tallies[tallyKey(s.world.packages[0]!.id, 'fentanyl')]!;
    expect(t.delivered / t.promised).toBeLessThan(0.36);
    expect(holds(delivered(0.6), s.world)).toBe(false);
    expect(holds(delivered(0.25), s.world)).toBe(true);
  });

  it('still counts when the other side broke the package, not when the promiser did', () => {
    const sc = withObjective(0.6);
    const kept = turns(sc, signed(sc), 2);
    // Washington raises the tariff the package lowered: it breaks the deal, Beijing kept its word
    const brokenByUs = endTurn(sc, kept, { us: [{ kind: 'shift', instrument: 'us-tariff', level: 4 }] });
    expect(brokenByUs.world.packages[0]).toMatchObject({ status: 'broken', brokenBy: 'us' });
    expect(holds(delivered(0.6), brokenByUs.world)).toBe(true);
    // the same package marked broken by Beijing, the promiser: its promise no longer counts
    const brokenByCn: GameState = {
      ...brokenByUs,
      world: {
        ...brokenByUs.world,
        packages: brokenByUs.world.packages.map((p) => ({ ...p, brokenBy: 'cn' as const })),
      },
    };
    expect(holds(delivered(0.6), brokenByCn.world)).toBe(false);
  });

  it('is refused in a move when it names an unknown promise or carries a stray key, and kept when sound', () => {
    const sc = rulesScenario();
    const s = newGame(sc, 's');
    const bad = applyMove(sc, s, {
      type: 'propose',
      side: 'us',
      clauses: [
        { kind: 'commitment', item: 'fentanyl', condition: { commitment: 'nothing', deliveredAtLeast: 0.5 } },
      ],
    });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.reason).toContain('no known commitment');
    const stray = applyMove(sc, s, {
      type: 'propose',
      side: 'us',
      clauses: [
        {
          kind: 'commitment',
          item: 'fentanyl',
          condition: { commitment: 'soy-pledge', deliveredAtLeast: 0.5, extra: 1 } as unknown as Condition,
        },
      ],
    });
    expect(stray.ok).toBe(false);
    const tied: Condition = { commitment: 'soy-pledge', deliveredAtLeast: 0.5 };
    const good = play(sc, s, {
      type: 'propose',
      side: 'us',
      clauses: [{ kind: 'commitment', item: 'fentanyl', condition: tied }],
    });
    expect(good.round.talks.open?.clauses[0]).toEqual({
      kind: 'commitment',
      item: 'fentanyl',
      condition: { commitment: 'soy-pledge', deliveredAtLeast: 0.5 },
    });
  });

  it('naming an unknown commitment in a scenario is an error at its line', () => {
    const f = fixture('mini.yaml');
    const text = f.text.replace(
      'condition: { instrument: soybeans, atMost: 1 }',
      'condition: { commitment: soy-pledgee, deliveredAtLeast: 0.6 }',
    );
    expect(text).not.toBe(f.text);
    const r = loadScenario([{ ...f, text }]);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const line = text.split('\n').findIndex((l) => l.includes('soy-pledgee')) + 1;
    expect(r.errors.map((e) => [e.path, e.line])).toContainEqual([
      'objectives[0].condition.commitment',
      line,
    ]);
    expect(r.errors.find((e) => e.path === 'objectives[0].condition.commitment')?.expected).toBe(
      'the id of a commitment',
    );
  });
});

describe('why an objective was met or missed', () => {
  it('gives the signed turn and the delivered share, and scoring counts the same verdict', () => {
    const sc = withObjective(0.6);
    const end = turns(sc, signed(sc), 3);
    const objective = sc.objectives[0]!;
    const st = objectiveStatus(end.world, objective);
    const t = end.world.tallies[tallyKey(end.world.packages[0]!.id, 'fentanyl')]!;
    expect(st).toEqual({
      met: true,
      condition: objective.condition,
      why: {
        kind: 'delivered',
        item: 'fentanyl',
        atLeast: 0.6,
        signed: 0,
        share: t.delivered / t.promised,
        ended: null,
        brokenBy: null,
      },
    });
    const shown = score(sc, end).sides.us.objectives[0]!;
    expect(shown).toMatchObject({ id: 'us-fentanyl', met: true, why: st.why });
    const pct = Math.round((t.delivered / t.promised) * 100);
    expect(objectiveWhyText(sc, st)).toBe(`met: signed turn 1, ${pct}% delivered, counts from 60%`);
  });

  it('says a promise was never signed, or broken by whom', () => {
    const sc = withObjective(0.6);
    const never = objectiveStatus(turns(sc, newGame(sc, 's'), 2).world, sc.objectives[0]!);
    expect(never.met).toBe(false);
    expect(objectiveWhyText(sc, never)).toBe(
      'missed: “Precursor controls” never signed, counts from 60% delivered',
    );
    const kept = turns(sc, signed(sc), 2);
    const broken = endTurn(sc, kept, { us: [{ kind: 'shift', instrument: 'us-tariff', level: 4 }] });
    const st = objectiveStatus(broken.world, sc.objectives[0]!);
    expect(st.why).toMatchObject({ kind: 'delivered', signed: 0, ended: 'broken', brokenBy: 'us' });
    expect(objectiveWhyText(sc, st)).toMatch(
      /^met: signed turn 1, \d+% delivered, then broken by \S+, counts from 60%$/,
    );
  });

  it('reads the level, the value or the deal that other conditions looked at', () => {
    const sc = rulesScenario();
    const s = newGame(sc, 's');
    const level = objectiveStatus(s.world, { condition: { instrument: 'us-tariff', atMost: 2 } });
    expect(level).toMatchObject({
      met: false,
      why: { kind: 'instrument', instrument: 'us-tariff', level: 3 },
    });
    expect(objectiveWhyText(sc, level)).toMatch(
      /^missed: .+ at “.+” at the end; counts when .+ at most “.+”$/,
    );
    const value = objectiveStatus(s.world, { condition: { indicator: 'us-farm', above: 0 } });
    expect(value).toMatchObject({ met: true, why: { kind: 'indicator', indicator: 'us-farm' } });
    const deal = objectiveStatus(signed(sc).world, { condition: { deal: true } });
    expect(deal).toMatchObject({ met: true, why: { kind: 'deal', signed: 0 } });
    expect(objectiveWhyText(sc, deal)).toBe('met: the deal signed turn 1 in force at the end');
    const none = objectiveStatus(s.world, { condition: { deal: true } });
    expect(objectiveWhyText(sc, none)).toBe('missed: no deal in force at the end');
  });
});
