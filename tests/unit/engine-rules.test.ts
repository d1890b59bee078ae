// The rules, one by one, on a small scenario whose every number is worked out by hand here.
import { describe, expect, it } from 'vitest';
import type { Clause, Move, Order } from '../../src/engine/index.ts';
import {
  applyMove,
  legalMoves,
  newGame,
  orderSets,
  rulesFor,
  singleOrders,
  viewFor,
} from '../../src/engine/index.ts';
import { rulesScenario } from '../fixtures/worked.ts';
import { endTurn, passTurns, play, refused } from './helpers.ts';

const sc = rulesScenario();
const start = () => newGame(sc, 'seed-1');
const propose = (side: 'us' | 'cn', ...clauses: Clause[]): Move => ({ type: 'propose', side, clauses });

describe('the opening', () => {
  it('starts on turn 0 in the talks, Washington first, values in integer tenths', () => {
    const s = start();
    expect(s.round.turn).toBe(0);
    expect(s.round.phase).toBe('talks');
    expect(s.round.talks.toMove).toBe('us');
    expect(s.world.values['us-farm']).toBe(500);
    expect(s.world.levels['us-tariff']).toBe(3);
    expect(s.world.announcements['us-tariff']).toEqual({ level: 5, turn: 7, by: 'us' });
    expect(rulesFor(sc).mainTurns).toBe(7);
    expect(rulesFor(sc).totalTurns).toBe(11);
  });

  it('fires the seeded random event of turn 0 only when random events are on', () => {
    expect(start().world.fired.storm).toBe(0);
    expect(start().world.values['cn-exports']).toBe(490);
    const off = newGame(sc, 'seed-1', { ...start().meta.setup, randomEvents: false });
    expect(off.world.fired.storm).toBeUndefined();
    expect(off.world.values['cn-exports']).toBe(500);
  });
});

describe('a turn with nothing done: effects, drift, alternatives, tension, events', () => {
  const s1 = endTurn(sc, start());
  it.each([
    ['us-farm', 435], // −6 boycott, −0.5 drift
    ['us-industry', 478], // −3 × (1 − 0.25) = −2.25, rounded
    ['us-prices', 490], // the tariff's cost to its owner
    ['cn-exports', 463], // 49 − (3 + 1) × 0.6 − 0.3
    ['cn-face', 500],
  ])('%s ends turn 0 at %d tenths', (id, v) => {
    expect(s1.world.values[id]).toBe(v);
  });
  it.each([
    ['us-farm', 0.02],
    ['us-industry', 0.27],
    ['cn-exports', 0.42],
    ['us-prices', 0],
  ])('alternatives creep where the other side hits: %s → %d', (id, a) => {
    expect(s1.world.alt[id]).toBe(a);
  });
  it('tension decays, the date moves on, the lobby fires below its threshold', () => {
    expect(s1.world.tension).toBe(290);
    expect(s1.round.turn).toBe(1);
    expect(s1.world.fired['farm-lobby']).toBe(1);
    expect(s1.world.values['us-capital']).toBe(480);
  });
  it('alternates who opens the talks', () => {
    expect(s1.round.talks.toMove).toBe('cn');
    expect(endTurn(sc, s1).round.talks.toMove).toBe('us');
  });
  it('sums utility each turn', () => {
    const u = 0.25 * 435 + 0.3 * 478 + 0.25 * 490 + 0.2 * 500;
    expect(s1.world.totals.util.us).toBe(Math.round(u));
  });
});

describe('talks', () => {
  it('ends when both sides pass, then orders', () => {
    let s = play(sc, start(), { type: 'pass', side: 'us' });
    expect(s.round.talks.toMove).toBe('cn');
    s = play(sc, s, { type: 'pass', side: 'cn' });
    expect(s.round.phase).toBe('orders');
  });

  it('requires an answer before anything else, and refuses the wrong side', () => {
    const s = play(sc, start(), propose('us', { kind: 'instrument', instrument: 'us-tariff', level: 2 }));
    expect(refused(sc, s, { type: 'pass', side: 'cn' })).toBe('ANSWER_FIRST');
    expect(refused(sc, s, propose('cn', { kind: 'instrument', instrument: 'soybeans', level: 2 }))).toBe(
      'ANSWER_FIRST',
    );
    expect(refused(sc, s, { type: 'accept', side: 'us' })).toBe('NOT_YOUR_TURN');
    expect(refused(sc, start(), { type: 'accept', side: 'us' })).toBe('NO_OPEN_PROPOSAL');
  });

  it('allows two proposals a side a turn', () => {
    const clause: Clause = { kind: 'instrument', instrument: 'us-tariff', level: 2 };
    let s = start();
    for (let i = 0; i < 2; i++) {
      s = play(
        sc,
        s,
        propose('us', clause),
        { type: 'reject', side: 'cn', reason: 'too-little' },
        { type: 'pass', side: 'cn' },
      );
    }
    expect(refused(sc, s, propose('us', clause))).toBe('PROPOSAL_LIMIT');
  });

  it('refuses packages that raise, repeat or name unknown things', () => {
    const s = start();
    expect(refused(sc, s, propose('us', { kind: 'instrument', instrument: 'us-tariff', level: 4 }))).toBe(
      'BAD_PACKAGE',
    );
    expect(refused(sc, s, propose('us', { kind: 'instrument', instrument: 'nope', level: 0 }))).toBe(
      'BAD_PACKAGE',
    );
    expect(refused(sc, s, propose('us'))).toBe('BAD_PACKAGE');
    expect(
      refused(
        sc,
        s,
        propose(
          'us',
          { kind: 'instrument', instrument: 'us-tariff', level: 2 },
          { kind: 'instrument', instrument: 'us-tariff', level: 1 },
        ),
      ),
    ).toBe('BAD_PACKAGE');
    expect(refused(sc, s, propose('us', { kind: 'pledge', item: 'fentanyl', size: 'large' }))).toBe(
      'BAD_PACKAGE',
    );
  });

  it('refuses a promise or statement already agreed in a deal in force, and allows it once that deal is gone', () => {
    const soy: Clause = { kind: 'pledge', item: 'soy-pledge', size: 'medium' };
    const joint: Clause = { kind: 'statement', statement: 'joint' };
    const s = play(
      sc,
      start(),
      propose('us', soy, joint),
      { type: 'accept', side: 'cn' },
      { type: 'pass', side: 'cn' },
    );
    const again = (c: Clause) => applyMove(sc, s, propose('us', c));
    for (const c of [joint, { ...soy, size: 'large' } as Clause]) {
      const r = again(c);
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.code).toBe('BAD_PACKAGE');
        expect(r.reason).toMatch(/already .* in the deal of turn 0/);
      }
    }
    const offered = legalMoves(sc, s, 'us').flatMap((m) => (m.type === 'propose' ? m.clauses : []));
    expect(offered.some((c) => c.kind === 'statement' || c.kind === 'pledge')).toBe(false);
    const broken = {
      ...s,
      world: { ...s.world, packages: s.world.packages.map((p) => ({ ...p, status: 'broken' as const })) },
    };
    expect(applyMove(sc, broken, propose('us', joint)).ok).toBe(true);
  });

  it('applies an accepted package at once: levels, concession costs, statements, tension', () => {
    const s = play(
      sc,
      start(),
      propose(
        'us',
        { kind: 'instrument', instrument: 'us-tariff', level: 1 },
        { kind: 'instrument', instrument: 'soybeans', level: 1 },
        { kind: 'statement', statement: 'joint' },
      ),
      { type: 'accept', side: 'cn' },
    );
    expect(s.world.levels['us-tariff']).toBe(1);
    expect(s.world.levels.soybeans).toBe(1);
    expect(s.world.announcements['us-tariff']).toBeUndefined(); // withdrawn inside a package
    expect(s.world.resolve.us).toBe(0.6); // …at no cost in resolve
    expect(s.world.values['us-capital']).toBe(500 - 5 * 2 + 10); // 0.5 a level, two levels; joint +1
    expect(s.world.values['cn-face']).toBe(500 - 10 * 2 + 10); // 1 a level, two levels; joint +1
    expect(s.world.tension).toBe(300 - 80);
    expect(s.world.packages).toHaveLength(1);
    expect(s.round.talks.toMove).toBe('cn');
  });

  it('doubles Beijing’s concession cost in the turn after it was escalated against', () => {
    const quiet = rulesScenario((i) => ({ ...i, announcements: [] }));
    const s1 = endTurn(quiet, newGame(quiet, 'seed-1'));
    const pressured = endTurn(quiet, newGame(quiet, 'seed-1'), {
      us: [{ kind: 'shift', instrument: 'us-tariff', level: 4 }],
    });
    expect(pressured.world.pressuredOn.cn).toBe(0);
    const give = (s: typeof s1) =>
      play(
        quiet,
        s,
        { type: 'pass', side: 'cn' },
        propose('us', { kind: 'instrument', instrument: 'soybeans', level: 2 }),
        {
          type: 'accept',
          side: 'cn',
        },
      );
    const calm = give(s1);
    const after = give(pressured);
    expect(s1.world.values['cn-face']! - calm.world.values['cn-face']!).toBe(10);
    expect(pressured.world.values['cn-face']! - after.world.values['cn-face']!).toBe(20);
  });

  it('refuses to accept across a red line, with RED_LINE and the line’s text', () => {
    const s = play(
      sc,
      play(sc, start(), { type: 'pass', side: 'us' }),
      propose('cn', { kind: 'instrument', instrument: 'chips', level: 0 }),
    );
    const r = applyMove(sc, s, { type: 'accept', side: 'us' });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.code).toBe('RED_LINE');
      expect(r.reason).toContain('no HBM loosening');
    }
    expect(refused(sc, start(), propose('us', { kind: 'statement', statement: 'taiwan' }))).toBe('RED_LINE');
    // Lowering chips one step is not below the line.
    const ok = play(
      sc,
      play(sc, start(), { type: 'pass', side: 'us' }),
      propose('cn', { kind: 'instrument', instrument: 'chips', level: 1 }),
    );
    expect(play(sc, ok, { type: 'accept', side: 'us' }).world.levels.chips).toBe(1);
  });

  it('lets each side trumpet or keep modest once after a package', () => {
    let s = play(sc, start(), propose('us', { kind: 'statement', statement: 'joint' }), {
      type: 'accept',
      side: 'cn',
    });
    const t0 = s.world.tension;
    s = play(sc, s, { type: 'readout', side: 'us', style: 'trumpet' });
    expect(s.world.values['us-capital']).toBe(510 + 20);
    expect(s.world.values['cn-face']).toBe(510 - 20);
    expect(s.world.tension).toBe(t0 + 30);
    expect(refused(sc, s, { type: 'readout', side: 'us', style: 'modest' })).toBe('NO_PACKAGE');
    s = play(sc, s, { type: 'readout', side: 'cn', style: 'modest' });
    expect(s.world.values['cn-face']).toBe(490);
    expect(refused(sc, start(), { type: 'readout', side: 'us', style: 'trumpet' })).toBe('NO_PACKAGE');
  });
});

describe('orders', () => {
  const toOrders = (s = start()) => play(sc, s, { type: 'pass', side: 'us' }, { type: 'pass', side: 'cn' });

  it('are hidden until both are in, then revealed together', () => {
    const secret = { kind: 'shift', instrument: 'chips', level: 0 } as const;
    const s = play(sc, toOrders(), { type: 'orders', side: 'us', orders: [secret] });
    expect(JSON.stringify(viewFor(sc, s, 'cn'))).not.toContain('"kind":"shift"');
    expect(viewFor(sc, s, 'cn').state.round.drafts).toEqual({
      mine: null,
      submitted: { us: true, cn: false },
    });
    expect(viewFor(sc, s, 'us').state.round.drafts.mine).toEqual([secret]);
    expect(refused(sc, s, { type: 'orders', side: 'us', orders: [] })).toBe('ALREADY_SUBMITTED');
    const done = play(sc, s, { type: 'orders', side: 'cn', orders: [] });
    expect(done.round.revealed?.us).toEqual([secret]);
  });

  it('shift any number of levels, each level up adding tension and pressure', () => {
    const s = endTurn(sc, start(), { cn: [{ kind: 'shift', instrument: 'rare-earths', level: 4 }] });
    expect(s.world.levels['rare-earths']).toBe(4);
    expect(s.world.tension).toBe(300 + 2 * 40 - 10);
    expect(s.world.pressuredOn.us).toBe(0);
  });

  it.each([
    [{ kind: 'shift', instrument: 'rare-earths', level: 1 }, 'NOT_OWNER'],
    [{ kind: 'shift', instrument: 'chips', level: 3 }, 'LEVEL_OUT_OF_RANGE'],
    [{ kind: 'shift', instrument: 'chips', level: 2 }, 'NO_CHANGE'],
    [{ kind: 'shift', instrument: 'us-tariff', level: 4 }, 'ANNOUNCEMENT_PENDING'],
    [{ kind: 'announce', instrument: 'chips', level: 2, turn: 3 }, 'LEVEL_OUT_OF_RANGE'],
    [{ kind: 'announce', instrument: 'us-tariff', level: 6, turn: 3 }, 'ANNOUNCEMENT_PENDING'],
    [{ kind: 'withdraw', instrument: 'chips' }, 'NOTHING_TO_WITHDRAW'],
    [{ kind: 'build', alternative: 'brazil-soy' }, 'NOT_OWNER'],
    [{ kind: 'build', alternative: 'nothing' }, 'UNKNOWN_ID'],
    [{ kind: 'fly' }, 'MALFORMED'],
  ] as const)('refuse %o with %s', (order, code) => {
    expect(refused(sc, toOrders(), { type: 'orders', side: 'us', orders: [order as never] })).toBe(code);
  });

  it('are at most k, on distinct targets', () => {
    const s = toOrders();
    expect(
      refused(sc, s, {
        type: 'orders',
        side: 'us',
        orders: [{ kind: 'extend' }, { kind: 'build', alternative: 'minerals-deals' }],
      }),
    ).toBe('TOO_MANY_ORDERS');
  });

  it('refuse orders during the talks', () => {
    expect(refused(sc, start(), { type: 'orders', side: 'us', orders: [] })).toBe('WRONG_PHASE');
  });

  it('announce: tension now, the level on its turn, resolve when carried out; withdraw costs resolve', () => {
    const s = endTurn(sc, start());
    const a = endTurn(sc, start(), {
      cn: [{ kind: 'announce', instrument: 'rare-earths', level: 3, turn: 2 }],
    });
    expect(a.world.announcements['rare-earths']).toEqual({ level: 3, turn: 2, by: 'cn' });
    expect(a.world.tension).toBe(s.world.tension + 30);
    const carried = endTurn(sc, a);
    expect(carried.world.levels['rare-earths']).toBe(3);
    expect(carried.world.resolve.cn).toBe(0.95);
    const w = endTurn(sc, a, { cn: [{ kind: 'withdraw', instrument: 'rare-earths' }] });
    expect(w.world.announcements['rare-earths']).toBeUndefined();
    expect(w.world.resolve.cn).toBe(0.8);
    expect(endTurn(sc, w).world.levels['rare-earths']).toBe(2);
  });

  it('the opening announcement takes effect on its date (turn 7)', () => {
    const s6 = passTurns(sc, start(), 6);
    expect(s6.world.levels['us-tariff']).toBe(3);
    const s7 = endTurn(sc, s6);
    expect(s7.round.turn).toBe(7);
    expect(s7.world.levels['us-tariff']).toBe(5);
    expect(s7.world.resolve.us).toBe(0.65);
  });

  it('build an alternative over its turns, paying its cost once', () => {
    let s = endTurn(sc, start(), { us: [{ kind: 'build', alternative: 'minerals-deals' }] });
    expect(s.world.values['us-capital']).toBe(480 - 10); // lobby −2 on turn 1, cost −1
    expect(s.world.builds['minerals-deals']).toBe(2);
    expect(
      refused(sc, play(sc, s, { type: 'pass', side: 'cn' }, { type: 'pass', side: 'us' }), {
        type: 'orders',
        side: 'us',
        orders: [{ kind: 'build', alternative: 'minerals-deals' }],
      }),
    ).toBe('ALREADY_BUILT');
    s = passTurns(sc, s, 2);
    expect(s.world.builds['minerals-deals']).toBe(0);
    // 0.25 start, three creeps of 0.02 capped by nothing, and 0.25 built: 0.25 + 0.25 + 0.06
    expect(s.world.alt['us-industry']).toBeCloseTo(0.56, 2);
  });
});

describe('the calendar', () => {
  it('is epilogue from the deadline: orders, no talks', () => {
    const s = passTurns(sc, start(), 7);
    expect(s.round.phase).toBe('orders');
    expect(legalMoves(sc, s, 'us').every((m) => m.type === 'orders')).toBe(true);
  });

  it('charges both sides at a summit without a deal', () => {
    const s6 = passTurns(sc, start(), 6);
    const s7 = endTurn(sc, s6);
    expect(s7.world.summit).toBe('no-deal');
    // us-capital: −5 at the summit
    expect(s6.world.values['us-capital']! - s7.world.values['us-capital']!).toBe(50);
  });

  it('pays both sides a visible win at a summit with a deal', () => {
    let s = passTurns(sc, start(), 6);
    s = play(sc, s, propose('us', { kind: 'statement', statement: 'joint' }), { type: 'accept', side: 'cn' });
    const before = s.world.values['cn-face']!;
    s = endTurn(sc, s);
    expect(s.world.summit).toBe('deal');
    expect(s.world.values['cn-face']! - before).toBe(30);
  });

  it('snaps the tariffs back when the truce expires with no deal; an extension avoids it', () => {
    const s10 = passTurns(sc, start(), 10);
    expect(s10.world.truce?.expired).toBe(true);
    expect(s10.world.levels['us-tariff']).toBe(6);
    expect(s10.round.news.some((n) => n.kind === 'snapback')).toBe(true);
    let e = endTurn(sc, start(), { us: [{ kind: 'extend' }] });
    expect(e.world.resolve.us).toBe(0.55);
    e = passTurns(sc, e, 9);
    expect(e.world.truce?.expired).toBe(false);
    expect(e.world.levels['us-tariff']).toBe(5); // the announced 130% only
  });

  it('ends after the epilogue and refuses any further move', () => {
    const s = passTurns(sc, start(), 11);
    expect(s.round.phase).toBe('over');
    expect(refused(sc, s, { type: 'pass', side: 'us' })).toBe('GAME_OVER');
    expect(legalMoves(sc, s, 'us')).toEqual([]);
  });

  it('fires dated events on their turn', () => {
    const s = passTurns(sc, start(), 5);
    expect(s.world.fired['kl-talks']).toBe(5);
  });
});

describe('promises and breaches', () => {
  const deal = (...clauses: Clause[]) =>
    play(sc, start(), propose('us', ...clauses), { type: 'accept', side: 'cn' });

  it('delivers a pledge each turn while its condition holds, and counts delivered ÷ promised', () => {
    const cond: Clause = {
      kind: 'pledge',
      item: 'soy-pledge',
      size: 'large',
      condition: { instrument: 'us-tariff', atMost: 2 },
    };
    const held = endTurn(sc, deal(cond));
    expect(held.world.totals.promised.cn).toBe(0); // tariff at 30%: the condition fails, nothing owed
    const met = endTurn(sc, deal({ kind: 'instrument', instrument: 'us-tariff', level: 2 }, cond));
    expect(met.world.totals.promised.cn).toBe(1.5);
    const share = met.world.totals.delivered.cn / 1.5;
    expect(share).toBeGreaterThanOrEqual(0.38);
    expect(share).toBeLessThanOrEqual(0.78);
    expect(met.round.news.length + met.round.lastNews.length).toBeGreaterThan(0);
    expect(met.round.lastNews.some((n) => n.kind === 'delivery')).toBe(true);
    // Reliability moves toward what was delivered.
    expect(met.world.reliability.cn).not.toBe(0.58);
  });

  it('breaks a package when its owner raises a bound instrument, releasing the other side', () => {
    const s = deal(
      { kind: 'instrument', instrument: 'us-tariff', level: 2 },
      { kind: 'commitment', item: 'fentanyl' },
    );
    const broken = endTurn(sc, s, { us: [{ kind: 'shift', instrument: 'us-tariff', level: 3 }] });
    expect(broken.world.packages[0]?.status).toBe('broken');
    expect(broken.world.packages[0]?.brokenBy).toBe('us');
    expect(broken.world.reliability.us).toBe(0.65);
    expect(broken.world.totals.promised.cn).toBe(0); // released: no delivery owed that turn
  });
});

describe('tension, crises and collapse', () => {
  it('collapses at the top: every instrument to its maximum, no more talks, only builds', () => {
    const hot = rulesScenario((i) => ({
      ...i,
      params: { ...i.params, tension: { start: 100, decay: 0, max: 100 } },
    }));
    const s = endTurn(hot, newGame(hot, 'x'));
    expect(s.world.collapsed).toBe(true);
    expect(s.world.levels).toEqual({ 'us-tariff': 6, 'rare-earths': 4, soybeans: 3, chips: 2 });
    expect(s.round.phase).toBe('orders');
    expect(
      refused(hot, s, {
        type: 'orders',
        side: 'us',
        orders: [{ kind: 'shift', instrument: 'chips', level: 0 }],
      }),
    ).toBe('COLLAPSED');
    expect(singleOrders(rulesFor(hot), s, 'us')).toEqual([{ kind: 'build', alternative: 'minerals-deals' }]);
  });

  it('rolls crises in the risk band with the crisis stream, deterministically per seed', () => {
    const risky = rulesScenario((i) => ({
      ...i,
      params: { ...i.params, tension: { start: 95, decay: 0, max: 100, crisisChance: 1, crisis: 1 } },
    }));
    const a = endTurn(risky, newGame(risky, 'a'));
    const b = endTurn(risky, newGame(risky, 'a'));
    expect(a).toEqual(b);
    const crises = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'].map(
      (seed) => endTurn(risky, newGame(risky, seed)).round.lastNews.filter((n) => n.kind === 'crisis').length,
    );
    expect(crises.some((c) => c === 1)).toBe(true);
    expect(crises.some((c) => c === 0)).toBe(true);
  });
});

describe('the control role', () => {
  it('injects an event as a logged move, once', () => {
    const s = play(sc, start(), { type: 'inject', side: 'control', event: 'inject-only' });
    expect(s.world.values['us-capital']).toBe(460);
    expect(refused(sc, s, { type: 'inject', side: 'control', event: 'inject-only' })).toBe('ALREADY_FIRED');
    expect(refused(sc, start(), { type: 'inject', side: 'us' as never, event: 'inject-only' })).toBe(
      'NOT_OWNER',
    );
  });
});

describe('legal moves', () => {
  it('lists every order set exhaustively for k = 1 (each single order, and passing)', () => {
    const s = play(sc, start(), { type: 'pass', side: 'us' }, { type: 'pass', side: 'cn' });
    const r = rulesFor(sc);
    expect(orderSets(r, s, 'us')).toHaveLength(singleOrders(r, s, 'us').length + 1);
    const moves = legalMoves(sc, s, 'us');
    expect(moves).toHaveLength(singleOrders(r, s, 'us').length + 1);
    for (const m of moves) expect(applyMove(sc, s, m).ok).toBe(true);
  });

  it('narrows the order sets to the single orders kept, in the order they come among all', () => {
    const two = { ...sc, params: { ...sc.params, k: 2 } };
    const s = play(two, newGame(two, 'keep'), { type: 'pass', side: 'us' }, { type: 'pass', side: 'cn' });
    const r = rulesFor(two);
    const keep = (o: Order) => o.kind !== 'shift' || o.level === 0;
    const all = orderSets(r, s, 'us');
    expect(all.some((set) => set.length === 2)).toBe(true);
    const kept = orderSets(r, s, 'us', keep);
    expect(kept.length).toBeLessThan(all.length);
    expect(kept).toEqual(all.filter((set) => set.every(keep)));
  });

  it('offers only the answer when a proposal is open', () => {
    const s = play(sc, start(), propose('us', { kind: 'statement', statement: 'joint' }));
    const kinds = new Set(legalMoves(sc, s, 'cn').map((m) => m.type));
    expect(kinds).toEqual(new Set(['accept', 'reject']));
    expect(legalMoves(sc, s, 'us')).toEqual([]);
  });

  it('never proposes across the proposer’s own red line', () => {
    const props = legalMoves(sc, start(), 'us').filter((m) => m.type === 'propose');
    expect(props.length).toBeGreaterThan(10);
    expect(props.length).toBeLessThanOrEqual(401);
    for (const m of props)
      if (m.type === 'propose')
        expect(m.clauses.some((c) => c.kind === 'statement' && c.statement === 'taiwan')).toBe(false);
  });
});
