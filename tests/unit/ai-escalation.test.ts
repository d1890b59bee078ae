// It escalates by character (src/ai/escalation.ts): in the tutorial, random events off, with a rule
// added that pushes each side to escalate, Beijing (`escalates: in-answer`) never raises a measure
// harder than what it answers — no rare-earth stoppage against a 10% tariff — and answers a
// Washington raise no harder than it was hit; Washington (`escalates: first`), with nothing as
// harsh to answer, escalates first only by an announcement that names what it wants, and not in a
// turn in which it made a proposal.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { byCharacter, harshness, provocation } from '../../src/ai/escalation.ts';
import { AI_LEVELS, chooseMove, describeAiMove } from '../../src/ai/index.ts';
import { setupFor } from '../../src/ai/match.ts';
import { depthOf } from '../../src/ai/profile.ts';
import type { GameState, Move, MoveBody, Order, Scenario, Side } from '../../src/engine/index.ts';
import { newGame, rulesFor } from '../../src/engine/index.ts';
import type { Escalates, Rule } from '../../src/model/profile-schema.ts';
import { loadScenarioFile } from '../../tools/scenario-files.ts';
import { endTurn, play, seatsAt } from './helpers.ts';

const tutorial = loadScenarioFile(
  join(import.meta.dirname, '..', '..', 'scenarios', 'opening-bid.yaml'),
).scenario;

/** The tutorial with a rule that makes `side` want to raise `instrument` (by `order`) above all. */
function pushed(
  side: Side,
  want: Rule['prefer'],
  opts: { escalates?: Escalates | null; quietBeijing?: boolean } = {},
): Scenario {
  const sc = structuredClone(tutorial) as Scenario & { profiles: { rules: Rule[] }[] };
  for (const p of sc.profiles) {
    if (p.side !== side) continue;
    p.rules.push({
      id: 'test-push',
      text: 'It wants to escalate',
      when: [],
      weight: 200,
      chance: 1,
      prefer: want,
      estimate: 'a test',
    });
    const params = p.params as { escalates?: Escalates };
    if (opts.escalates === null) delete params.escalates;
    else if (opts.escalates) params.escalates = opts.escalates;
  }
  if (opts.quietBeijing)
    // Beijing's measures well below their top on opening day: Washington has little to answer.
    for (const inst of sc.instruments as { id: string; level: number }[])
      if (inst.id === 'cn-fentanyl' || inst.id === 'cn-tiktok') inst.level = 0;
  return sc;
}

const SETUP = (level: number) => ({ ...setupFor(seatsAt(level)), randomEvents: false });

/** The state at the orders of turn `turn` (0-based), both sides passing in talks and giving `orders` before. */
function ordersOf(sc: Scenario, level: number, before: Partial<Record<Side, Order[]>>[] = []): GameState {
  let s = newGame(sc, `escalation-${level}`, SETUP(level));
  for (const o of before) s = endTurn(sc, s, o);
  while (s.round.phase === 'talks') s = play(sc, s, { type: 'pass', side: s.round.talks.toMove });
  return s;
}

/** The harshest escalation of its own instruments an orders move makes (0: none). */
function harshest(sc: Scenario, s: GameState, move: Move): number {
  if (move.type !== 'orders') return 0;
  const rules = rulesFor(sc);
  let h = 0;
  for (const o of move.orders)
    if ((o.kind === 'shift' || o.kind === 'announce') && o.level > (s.world.levels[o.instrument] ?? 0))
      h = Math.max(h, harshness(rules, o.instrument, o.level));
  return h;
}

const rareEarths = { move: 'orders', order: 'escalate', instrument: 'cn-rare-earths' } as const;

/** A candidate set of Beijing's orders, as the AI lists them. */
const set = (...orders: Order[]): { move: MoveBody } => ({ move: { type: 'orders', side: 'cn', orders } });

/** The sets Beijing's profile keeps in state `s`. */
function kept(sc: Scenario, s: GameState, cands: readonly { move: MoveBody }[]) {
  const m = {
    rules: rulesFor(sc),
    s,
    side: 'cn' as const,
    depth: depthOf(2),
    dealNow: false,
    turn: s.round.turn,
  };
  const beijing = sc.profiles.find((p) => p.id === 'beijing')!;
  return byCharacter(m, beijing, cands, () => undefined);
}

const named = (c: { move: MoveBody }) =>
  c.move.type === 'orders'
    ? c.move.orders.map((o) =>
        o.kind === 'shift' || o.kind === 'announce' ? `${o.instrument}:${o.level}` : o.kind,
      )
    : [];

describe('Beijing escalates only in answer, and in proportion', () => {
  it('does not escalate first: no rare-earth stoppage against opening day’s measures, at any level', () => {
    const sc = pushed('cn', rareEarths);
    for (const level of AI_LEVELS) {
      const s = ordersOf(sc, level);
      const bite = provocation(rulesFor(sc), s, 'cn');
      // Opening day: a 10% tariff and chip controls at half their range.
      expect(bite).toBe(0.5);
      const move = chooseMove(sc, s, 'cn', seatsAt(level).cn);
      expect(move.type).toBe('orders');
      expect(harshest(sc, s, move)).toBeLessThanOrEqual(bite);
    }
    // Without its rule of conduct the same push stops the rare earths outright.
    const free = pushed('cn', rareEarths, { escalates: null });
    const s = ordersOf(free, 2);
    expect(harshest(free, s, chooseMove(free, s, 'cn', seatsAt(2).cn))).toBe(1);
  });

  it('drops every order set harsher than what it answers, and keeps the rest', () => {
    const s = ordersOf(tutorial, 2);
    const cands = [
      set(),
      set({ kind: 'shift', instrument: 'cn-rare-earths', level: 2 }),
      set({ kind: 'shift', instrument: 'cn-rare-earths', level: 4 }),
      set({ kind: 'announce', instrument: 'cn-rare-earths', level: 4, turn: 3 }),
      set({ kind: 'shift', instrument: 'cn-tariff', level: 2 }),
      set({ kind: 'shift', instrument: 'cn-tariff', level: 3 }),
    ];
    expect(kept(tutorial, s, cands).map(named)).toEqual([[], ['cn-rare-earths:2'], ['cn-tariff:2']]);
  });

  it('answers a Washington raise no harder than it was hit', () => {
    // Washington raises its tariff to 145% (the top): now even a stoppage is an answer in kind.
    const top = ordersOf(tutorial, 2, [{ us: [{ kind: 'shift', instrument: 'us-tariff', level: 6 }] }]);
    expect(provocation(rulesFor(tutorial), top, 'cn')).toBe(1);
    const stop = set({ kind: 'shift', instrument: 'cn-rare-earths', level: 4 });
    expect(kept(tutorial, top, [stop])).toHaveLength(1);
    const sc = pushed('cn', rareEarths);
    for (const level of AI_LEVELS) {
      // An announced 54% (two thirds of the range): it answers, and no further than that.
      const announced = ordersOf(sc, level, [
        { us: [{ kind: 'announce', instrument: 'us-tariff', level: 4, turn: 3 }] },
      ]);
      const bite = provocation(rulesFor(sc), announced, 'cn');
      expect(bite).toBeCloseTo(2 / 3);
      expect(kept(sc, announced, [stop])).toHaveLength(0);
      const move = chooseMove(sc, announced, 'cn', seatsAt(level).cn);
      expect(harshest(sc, announced, move)).toBeGreaterThan(0);
      expect(harshest(sc, announced, move)).toBeLessThanOrEqual(bite);
    }
  });
});

describe('Washington escalates first only by a threat that names its demand', () => {
  const tariff = { move: 'orders', order: 'escalate', instrument: 'us-tariff' } as const;

  it('raises nothing past what it answers; its threat says what would lift it', () => {
    const sc = pushed('us', tariff, { quietBeijing: true });
    for (const level of AI_LEVELS) {
      const s = ordersOf(sc, level);
      const bite = provocation(rulesFor(sc), s, 'us');
      expect(bite).toBeLessThan(0.5);
      const move = chooseMove(sc, s, 'us', seatsAt(level).us);
      expect(move.type).toBe('orders');
      if (move.type !== 'orders') continue;
      for (const o of move.orders)
        if (o.kind === 'shift' && o.level > (s.world.levels[o.instrument] ?? 0))
          expect(harshness(rulesFor(sc), o.instrument, o.level)).toBeLessThanOrEqual(bite);
    }
    // Pushed to announce, it announces, and names the clause it wants of Beijing.
    const threat = pushed(
      'us',
      { move: 'orders', order: 'announce', instrument: 'us-tariff' },
      { quietBeijing: true },
    );
    const s = ordersOf(threat, 2);
    const move = chooseMove(threat, s, 'us', seatsAt(2).us);
    expect(move.type === 'orders' && move.orders.some((o) => o.kind === 'announce')).toBe(true);
    expect(harshest(threat, s, move)).toBeGreaterThan(provocation(rulesFor(threat), s, 'us'));
    expect(move.ai?.needs).toBeDefined();
    const line = describeAiMove(threat, move, { turn: s.round.turn });
    expect(line).toMatch(/announced from .* unless Beijing (puts the|makes a promise|agrees)/);
  });

  it('makes no threat of its own in a turn in which it made a proposal', () => {
    const sc = pushed(
      'us',
      { move: 'orders', order: 'announce', instrument: 'us-tariff' },
      { quietBeijing: true },
    );
    for (const level of AI_LEVELS) {
      let s = newGame(sc, `escalation-${level}`, SETUP(level));
      // Beijing opens the tutorial's talks by passing; Washington proposes, Beijing rejects.
      s = play(
        sc,
        s,
        { type: 'pass', side: 'cn' },
        { type: 'propose', side: 'us', clauses: [{ kind: 'pledge', item: 'cn-soy-pledge', size: 'large' }] },
        { type: 'reject', side: 'cn', reason: 'too-little' },
      );
      while (s.round.phase === 'talks') s = play(sc, s, { type: 'pass', side: s.round.talks.toMove });
      const move = chooseMove(sc, s, 'us', seatsAt(level).us);
      expect(harshest(sc, s, move)).toBeLessThanOrEqual(provocation(rulesFor(sc), s, 'us'));
    }
  });
});

describe('level 1 keeps the peace it signed', () => {
  it('raises nothing while a deal is in force, unless the other side has just escalated against it', () => {
    const s = ordersOf(tutorial, 1);
    const calm = { move: { type: 'orders', side: 'us', orders: [] } as MoveBody };
    const raise = {
      move: {
        type: 'orders',
        side: 'us',
        orders: [{ kind: 'shift', instrument: 'us-tariff', level: 6 }],
      } as MoveBody,
    };
    // No profile: no rule of conduct of its own, so only the level decides.
    const kept = (level: number, dealNow: boolean, st: GameState = s) =>
      byCharacter(
        { rules: rulesFor(tutorial), s: st, side: 'us', depth: depthOf(level), dealNow, turn: st.round.turn },
        null,
        [calm, raise],
        () => undefined,
      ).map(named);
    expect(kept(1, true)).toEqual([[]]);
    expect(kept(2, true)).toEqual([[], ['us-tariff:6']]);
    expect(kept(3, true)).toEqual([[], ['us-tariff:6']]);
    expect(kept(1, false)).toEqual([[], ['us-tariff:6']]);
    // Beijing escalated against it this turn: level 1 may answer.
    const hit = { ...s, world: { ...s.world, pressuredOn: { ...s.world.pressuredOn, us: s.round.turn } } };
    expect(kept(1, true, hit)).toEqual([[], ['us-tariff:6']]);
  });
});
