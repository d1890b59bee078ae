// AI profiles as data: the schema accepts the shipped ones and refuses a broken rule with a located
// error, the meaning checks find a dangling id, and the acceptance threshold falls as documented.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chooseMove } from '../../src/ai/index.ts';
import { type Profile, profileAt, theta } from '../../src/ai/profile.ts';
import { type Clause, DEFAULT_SETUP, newGame, rulesFor } from '../../src/engine/index.ts';
import { type LevelParams, ProfileSchema } from '../../src/model/profile-schema.ts';
import { loadScenario } from '../../src/scenario/load.ts';
import { checkProfiles } from '../../src/scenario/profile-check.ts';
import { loadScenarioFile, readText } from '../../tools/scenario-files.ts';
import { play } from './helpers.ts';

const busanPath = join(import.meta.dirname, '..', '..', 'scenarios', 'road-to-busan.yaml');
const busan = loadScenarioFile(busanPath).scenario;
const campaignPath = join(import.meta.dirname, '..', 'fixtures', 'scenarios', 'long-campaign.yaml');

describe('profile schema', () => {
  it('loads both shipped profiles of road-to-busan, one a side', () => {
    expect(busan.profiles.map((p) => [p.id, p.side])).toEqual([
      ['washington', 'us'],
      ['beijing', 'cn'],
    ]);
    expect(busan.profiles.every((p) => p.rules.length > 0 && p.templates.length > 0)).toBe(true);
  });

  it('every rule cites a source and quote, or says it is an estimate', () => {
    for (const p of busan.profiles)
      for (const r of p.rules) expect(r.source !== undefined || r.estimate !== undefined, r.id).toBe(true);
  });

  it('refuses a rule with two actions, and one with none', () => {
    const base = {
      id: 'p',
      side: 'us',
      name: 'P',
      params: { patience: 0.5, reciprocity: 'none', maxTension: 80, estimate: 'test' },
    };
    const two = ProfileSchema.safeParse({
      ...base,
      rules: [
        {
          id: 'r',
          text: 'two',
          weight: 1,
          prefer: { move: 'pass' },
          never: { move: 'accept' },
          estimate: 'x y',
        },
      ],
    });
    expect(two.success).toBe(false);
    const none = ProfileSchema.safeParse({
      ...base,
      rules: [{ id: 'r', text: 'none', weight: 1, estimate: 'x y' }],
    });
    expect(none.success).toBe(false);
    const one = ProfileSchema.safeParse({
      ...base,
      rules: [{ id: 'r', text: 'one', weight: 1, prefer: { move: 'pass' }, estimate: 'x y' }],
    });
    expect(one.success).toBe(true);
  });

  it('the loader locates an error inside a profile to its file, line and field', () => {
    // The long test campaign is a file of its own (no world to extend): its profiles are written in it.
    const original = readText(campaignPath)!;
    const text = original.replace('      reciprocity: proportional', '      reciprocity: sometimes');
    expect(text).not.toBe(original);
    const r = loadScenario([{ name: 'long-campaign.yaml', text }]);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const e = r.errors.find((d) => d.path.includes('reciprocity'));
    expect(e?.file).toBe('long-campaign.yaml');
    expect(text.split('\n')[e!.line - 1]).toContain('reciprocity: sometimes');
  });
});

describe('profile meaning checks', () => {
  it('find nothing wrong in the shipped profiles', () => {
    expect(checkProfiles(busan)).toEqual([]);
  });

  it('name a dangling id and a template level out of range, with their paths', () => {
    const bad = structuredClone(busan);
    const p = bad.profiles[1]!;
    p.rules[0] = {
      ...p.rules[0]!,
      prefer: { move: 'orders', instrument: 'no-such-lever' },
      respond: undefined,
    };
    p.templates[0] = { ...p.templates[0]!, clauses: [{ instrument: 'us-tariff', level: 9 }] };
    const problems = checkProfiles(bad);
    expect(problems.map((x) => x.path.join('.'))).toEqual([
      'profiles.1.rules.0.prefer.instrument',
      'profiles.1.templates.0.clauses.0.level',
    ]);
  });
});

describe('a profile that can never accept', () => {
  it('is warned of, not refused: thetaFloor at 1 with thetaStart at 1 or more', () => {
    const stubborn = structuredClone(busan);
    const p = stubborn.profiles[1]!;
    p.params = { ...p.params, thetaStart: 1.3, thetaFloor: 1 };
    const problems = checkProfiles(stubborn);
    // and at level 3, whose restated start keeps the profile's floor
    expect(problems.map((x) => [x.severity, x.path.join('.')])).toEqual([
      ['warning', 'profiles.1.params.thetaFloor'],
      ['warning', 'profiles.1.levels.3.thetaStart'],
    ]);
    expect(problems[0]?.message).toContain(
      'accepts less than all it aims at only in its last talks before a deadline',
    );
  });

  it('is not warned of when its threshold falls below the whole target by the deadline', () => {
    const fine = structuredClone(busan);
    const p = fine.profiles[1]!;
    p.params = { ...p.params, thetaStart: 1.3, thetaFloor: 0.95 };
    expect(checkProfiles(fine)).toEqual([]);
  });
});

describe('the acceptance threshold θ(t)', () => {
  const rules = rulesFor(busan);
  const [us, cn] = [busan.profiles[0]!, busan.profiles[1]!];

  it('falls monotonically from its start to its floor', () => {
    for (const p of [us, cn]) {
      let last = Number.POSITIVE_INFINITY;
      for (let t = 0; t < rules.totalTurns; t++) {
        const th = theta(rules, p, t);
        expect(th).toBeLessThanOrEqual(last + 1e-12);
        expect(th).toBeGreaterThanOrEqual(p.params.thetaFloor - 1e-12);
        last = th;
      }
      expect(theta(rules, p, 0)).toBeCloseTo(p.params.thetaStart);
    }
  });

  it('falls faster for Washington than for Beijing before the summit', () => {
    const fall = (p: typeof us, t: number) => 1 - theta(rules, p, t) / theta(rules, p, 0);
    for (let t = 1; t < rules.summitTurn!; t++) expect(fall(us, t)).toBeGreaterThan(fall(cn, t));
  });
});

describe('thresholds restated for a level of play', () => {
  const rules = rulesFor(busan);
  const restated = (levels: Profile['levels']): Profile => ({
    ...structuredClone(busan.profiles[1]!),
    levels,
  });

  it('a level that restates a threshold plays by it, every other level by the profile’s own', () => {
    const p = restated({ 3: { thetaStart: 1.4, estimate: 'a test' } });
    const at3 = profileAt(p, 3);
    expect(theta(rules, at3, 0)).toBeCloseTo(1.4);
    expect(at3.params.thetaFloor).toBe(p.params.thetaFloor);
    expect(profileAt(p, 3)).toBe(at3); // one object a level: what is kept by profile stays kept
    expect(profileAt(p, 2)).toBe(profileAt(p, 2));
    expect(profileAt(p, 2).params).toBe(p.params);
    expect(profileAt(p, 1).params).toBe(p.params);
    expect(theta(rules, profileAt(p, 2), 0)).toBeCloseTo(p.params.thetaStart);
  });

  it('keeps every rule as written, each rule and each match in it in one shape', () => {
    const p = busan.profiles[1]!;
    const at2 = profileAt(p, 2);
    expect(at2.rules).toEqual(p.rules); // a field left undefined is one the rule does not have
    expect(new Set(at2.rules.map((r) => Object.keys(r).join())).size).toBe(1);
    const matches = at2.rules.flatMap((r) => [r.prefer, r.avoid, r.never].filter((w) => w !== undefined));
    expect(matches.length).toBeGreaterThan(1);
    expect(new Set(matches.map((w) => Object.keys(w).join())).size).toBe(1);
  });

  it('is warned of when a level’s thresholds never fall below the whole target', () => {
    const stubborn = structuredClone(busan);
    stubborn.profiles[1] = restated({ 1: { thetaStart: 1.2, thetaFloor: 1, estimate: 'a test' } });
    const problems = checkProfiles(stubborn);
    expect(problems.map((x) => [x.severity, x.path.join('.')])).toEqual([
      ['warning', 'profiles.1.levels.1.thetaFloor'],
    ]);
    expect(problems[0]?.message).toContain('at level 1');
  });

  it('the schema refuses a level that is not 1, 2 or 3, and a restated number without its cite', () => {
    const base = busan.profiles[1]!;
    const at = (levels: unknown) => ProfileSchema.safeParse({ ...base, levels }).success;
    expect(at({ 3: { thetaStart: 1.2, estimate: 'a test' } })).toBe(true);
    expect(at({ 4: { thetaStart: 1.2, estimate: 'a test' } })).toBe(false);
    expect(at({ 3: { thetaStart: 1.2 } })).toBe(false);
  });
});

describe('the computer at a level plays by the thresholds restated for it', () => {
  const tutorial = loadScenarioFile(
    join(import.meta.dirname, '..', '..', 'scenarios', 'opening-bid.yaml'),
  ).scenario;
  // Washington's offer on the first day: the tariff and a chip downgrade for energy purchases
  const offer: Clause[] = [
    { kind: 'instrument', instrument: 'us-tariff', level: 0 },
    { kind: 'instrument', instrument: 'us-chips', level: 1 },
    { kind: 'pledge', item: 'cn-energy-pledge', size: 'large' },
  ];
  /** Beijing's answer to the offer at `level`, its profile restating its thresholds for level 2 as given. */
  function answer(level: number, atTwo: LevelParams | undefined): string {
    const sc = structuredClone(tutorial);
    const beijing = sc.profiles.find((p) => p.id === 'beijing')!;
    beijing.levels = { ...beijing.levels, 2: atTwo };
    const seats = { us: { kind: 'human' as const }, cn: { kind: 'ai' as const, profile: 'beijing', level } };
    let s = newGame(sc, 'restated', { ...DEFAULT_SETUP, seats });
    s = play(sc, s, { type: 'pass', side: 'cn' }, { type: 'propose', side: 'us', clauses: offer });
    const m = chooseMove(sc, s, 'cn', { profile: 'beijing', level });
    return `${m.type} ${m.ai?.code}`;
  }
  const humble: LevelParams = { thetaStart: 0.05, thetaFloor: 0.05, estimate: 'a test' };

  it('Beijing turns the offer down on the first day at level 2, and signs it there when level 2 asks little', () => {
    expect(answer(2, undefined)).toMatch(/^reject/);
    expect(answer(2, humble)).toBe('accept search:threshold');
  });

  it('the other levels are left as they were', () => {
    expect(answer(1, humble)).toBe(answer(1, undefined));
    expect(answer(3, humble)).toBe(answer(3, undefined));
  });
});
