// Hidden information and determinism: a side's view holds none of the other side's secrets and no
// random state; a game replays from (scenario, seed, setup, moves) to the same state; undo.
import { describe, expect, it } from 'vitest';
import type { GameState, Move } from '../../src/engine/index.ts';
import { applyMove, DEFAULT_SETUP, newGame, replay, undo, viewFor } from '../../src/engine/index.ts';
import { rulesScenario } from '../fixtures/worked.ts';
import { play } from './helpers.ts';

const sc = rulesScenario();

const script: Move[] = [
  { type: 'propose', side: 'us', clauses: [{ kind: 'statement', statement: 'joint' }] },
  { type: 'accept', side: 'cn' },
  { type: 'readout', side: 'us', style: 'trumpet' },
  { type: 'pass', side: 'cn' },
  { type: 'pass', side: 'us' },
  { type: 'orders', side: 'cn', orders: [{ kind: 'shift', instrument: 'rare-earths', level: 3 }] },
  {
    type: 'orders',
    side: 'us',
    orders: [{ kind: 'build', alternative: 'minerals-deals' }],
    ai: { code: 'search:utility' },
  },
];

describe('views', () => {
  it.each(['us', 'cn'] as const)('the view for %s holds none of the other side’s private values', (side) => {
    const otherSide = side === 'us' ? 'cn' : 'us';
    let s = newGame(sc, 'seed');
    s = play(sc, s, { type: 'pass', side: 'us' }, { type: 'pass', side: 'cn' });
    s = play(sc, s, { type: 'orders', side: otherSide, orders: [{ kind: 'extend' }] });
    const text = JSON.stringify(viewFor(sc, s, side));
    for (const secret of [`secret-${otherSide}`, '"kind":"extend"', '"rng"', '"s0"', String(s.rng.events.s0)])
      expect(text).not.toContain(secret);
    expect(text).toContain(`secret-${side}-briefing-text`);
  });

  it('the public view holds no side’s secrets', () => {
    const text = JSON.stringify(viewFor(sc, newGame(sc, 'seed'), 'public'));
    expect(text).not.toContain('secret-');
  });

  it('shows leverage as the setting says', () => {
    const s = newGame(sc, 'seed', { ...DEFAULT_SETUP, leverage: 'after' });
    expect(viewFor(sc, s, 'us').leverage).toBeNull();
    const own = newGame(sc, 'seed', { ...DEFAULT_SETUP, leverage: 'own' });
    expect(Object.keys(viewFor(sc, own, 'us').leverage?.hands ?? {})).toEqual(['us']);
    expect(Object.keys(viewFor(sc, newGame(sc, 'seed'), 'us').leverage?.hands ?? {})).toEqual(['us', 'cn']);
  });
});

describe('replay and undo', () => {
  const live = (): GameState => play(sc, newGame(sc, 'seed'), ...script);

  it('replays a game to a state deep-equal to the live one', () => {
    const r = replay(sc, 'seed', DEFAULT_SETUP, script);
    expect(r.ok).toBe(true);
    if (r.ok) expect(JSON.stringify(r.state)).toBe(JSON.stringify(live()));
  });

  it('advances an AI stream only for AI moves: the stream of the side and phase that drew', () => {
    const s = live();
    const fresh = newGame(sc, 'seed').rng;
    // the one AI move of the script is Washington's orders
    expect(s.rng['us-orders']).not.toEqual(fresh['us-orders']);
    for (const k of ['us-talks', 'cn-talks', 'cn-orders'] as const) expect(s.rng[k]).toEqual(fresh[k]);
    expect(newGame(sc, 'other').rng).not.toEqual(fresh);
  });

  it('undoes the last move', () => {
    const r = undo(sc, 'seed', DEFAULT_SETUP, script);
    expect(r.ok && r.state).toEqual(play(sc, newGame(sc, 'seed'), ...script.slice(0, -1)));
  });

  it('stops at the first refused move and says which', () => {
    const bad: Move[] = [...script.slice(0, 2), { type: 'accept', side: 'cn' }];
    const r = replay(sc, 'seed', DEFAULT_SETUP, bad);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.at).toBe(2);
  });

  it('leaves the state untouched when a move is refused', () => {
    const s = newGame(sc, 'seed');
    const before = JSON.stringify(s);
    const r = applyMove(sc, s, { type: 'orders', side: 'us', orders: [] });
    expect(r.ok).toBe(false);
    expect(JSON.stringify(s)).toBe(before);
  });

  it('produces frozen states, so no caller can change one by accident', () => {
    const s = live();
    expect(Object.isFrozen(s)).toBe(true);
    expect(Object.isFrozen(s.world.values)).toBe(true);
  });
});

describe('moves from files', () => {
  it('carry nothing but what the rules read into the state', () => {
    let s = newGame(sc, 'seed');
    const extra = { note: 'x'.repeat(50) };
    s = play(sc, s, {
      type: 'propose',
      side: 'us',
      clauses: [{ kind: 'statement', statement: 'joint', ...extra } as never],
    });
    s = play(
      sc,
      s,
      { type: 'accept', side: 'cn' },
      { type: 'pass', side: 'cn' },
      { type: 'pass', side: 'us' },
    );
    s = play(sc, s, { type: 'orders', side: 'us', orders: [{ kind: 'extend', ...extra } as never] });
    expect(JSON.stringify(s)).not.toContain('xxxxx');
    expect(s.round.drafts.us).toEqual([{ kind: 'extend' }]);
  });
});
