// The store around the engine: moves dispatched to applyMove (a refusal keeps the state and the
// engine's reason; saving is in store-saving.test.ts), undo of one's own last move within the turn, the
// hot-seat curtain, the computer's moves back in the feed after a resume, and the package preview
// computed on copies of the game.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Move, Scenario, Setup } from '../../src/engine/index.ts';
import {
  applyMove,
  contentHash,
  newGame,
  previewPackage,
  RULES_VERSION,
  SIDES,
  viewFor,
  waitingOn,
} from '../../src/engine/index.ts';
import { restoreFeed } from '../../src/store/ai-driver.ts';
import {
  type AppStore,
  confirmCurtain,
  dispatch,
  finishBriefing,
  makeAppStore,
  nextHumanActor,
  resumeGame,
  startGame,
  undo,
  undoableIndex,
  useSaves,
} from '../../src/store/game-store.ts';
import { HOT_SEAT, shippedBusan } from './store-fixtures.ts';

let busan: Scenario;

beforeAll(() => {
  busan = shippedBusan();
});

function hotSeat(): AppStore {
  useSaves(null);
  const store = makeAppStore({ pace: 0, muted: true });
  startGame(
    store,
    { id: busan.id, hash: contentHash(busan), scenario: busan, origin: 'shipped' },
    { seed: 's', setup: HOT_SEAT },
  );
  confirmCurtain(store); // Washington's briefing
  finishBriefing(store);
  confirmCurtain(store); // Beijing's briefing
  finishBriefing(store);
  return store;
}

describe('the game store', () => {
  it('starts behind the curtain for the side that opens the talks, then shows the table', () => {
    const store = hotSeat();
    expect(store.getState().screen).toBe('table');
    expect(store.getState().curtain).toBe('us');
    expect(store.getState().viewer).toBeNull();
    confirmCurtain(store);
    expect(store.getState().viewer).toBe('us');
  });

  it('in hot-seat briefs the side chosen in the menu first, then the other, then shows the table', () => {
    const store = makeAppStore({ pace: 0, muted: true });
    useSaves(null);
    startGame(
      store,
      { id: busan.id, hash: contentHash(busan), scenario: busan, origin: 'shipped' },
      { seed: 's', setup: HOT_SEAT, first: 'cn' },
    );
    const seen: (string | null)[] = [];
    for (let i = 0; i < 2; i++) {
      expect(store.getState().screen).toBe('briefing');
      expect(store.getState().curtain).toBe(store.getState().briefing);
      seen.push(store.getState().briefing);
      confirmCurtain(store);
      finishBriefing(store);
    }
    expect(seen).toEqual(['cn', 'us']);
    expect(store.getState().screen).toBe('table');
  });

  it('dispatches moves to the engine and keeps the engine’s reason for a refusal', () => {
    const store = hotSeat();
    confirmCurtain(store);
    const before = store.getState().game!.state;
    const refused = dispatch(store, { type: 'pass', side: 'cn' });
    expect(refused.ok).toBe(false);
    expect(store.getState().game!.state).toBe(before);
    expect(store.getState().refusal).toMatch(/other side’s turn/);
    expect(dispatch(store, { type: 'pass', side: 'us' }).ok).toBe(true);
    expect(store.getState().game!.moves).toEqual([{ type: 'pass', side: 'us' }]);
    // the screen passes to Beijing behind the curtain
    expect(store.getState().curtain).toBe('cn');
    expect(store.getState().viewer).toBeNull();
  });

  it('undoes one’s own last move within the turn, and not the other side’s', () => {
    const store = hotSeat();
    confirmCurtain(store);
    const proposal = {
      type: 'propose',
      side: 'us',
      clauses: [{ kind: 'instrument', instrument: 'us-tariff', level: 2 }],
    } as const;
    expect(dispatch(store, proposal).ok).toBe(true);
    // Beijing is now to answer: Washington no longer has the screen
    expect(undoableIndex(store.getState().game!, 'cn')).toBe(-1);
    confirmCurtain(store);
    expect(dispatch(store, { type: 'reject', side: 'cn', reason: 'timing' }).ok).toBe(true);
    expect(undoableIndex(store.getState().game!, 'cn')).toBe(1);
    expect(undo(store)).toBe(true);
    const g = store.getState().game!;
    expect(g.moves).toHaveLength(1);
    expect(g.state.round.talks.open?.by).toBe('us');
  });

  it('names the human who must act next', () => {
    const s = newGame(busan, 's', HOT_SEAT);
    expect(nextHumanActor(s)).toBe('us');
    const solo = newGame(busan, 's', {
      ...HOT_SEAT,
      seats: { us: { kind: 'ai', profile: 'x', level: 1 }, cn: { kind: 'human' } },
    });
    expect(nextHumanActor(solo)).toBeNull();
  });

  it('names the side the game waits on: the talks’ side to move, then the orders not in, in the order asked', () => {
    const solo: Setup = {
      ...HOT_SEAT,
      seats: { us: { kind: 'ai', profile: 'x', level: 1 }, cn: { kind: 'human' } },
    };
    let s = newGame(busan, 's', solo);
    expect(waitingOn(s, { order: SIDES, seats: 'any' })).toBe(s.round.talks.toMove);
    expect(waitingOn(s, { order: SIDES, seats: 'ai' })).toBe(s.round.talks.toMove === 'us' ? 'us' : null);
    expect(waitingOn(s, { order: SIDES, seats: 'human' })).toBe(s.round.talks.toMove === 'cn' ? 'cn' : null);
    while (s.round.phase === 'talks') {
      const r = applyMove(busan, s, { type: 'pass', side: s.round.talks.toMove });
      if (!r.ok) throw new Error(r.reason);
      s = r.state;
    }
    expect(s.round.phase).toBe('orders');
    expect(waitingOn(s, { order: ['cn', 'us'], seats: 'any' })).toBe('cn');
    expect(waitingOn(s, { order: SIDES, seats: 'any' })).toBe('us');
    expect(waitingOn(s, { order: SIDES, seats: 'ai' })).toBe('us');
    expect(waitingOn(s, { order: SIDES, seats: 'human' })).toBe('cn');
    const r = applyMove(busan, s, { type: 'orders', side: 'us', orders: [] });
    if (!r.ok) throw new Error(r.reason);
    expect(waitingOn(r.state, { order: SIDES, seats: 'any' })).toBe('cn');
    expect(waitingOn(r.state, { order: SIDES, seats: 'ai' })).toBeNull();
    // hot-seat: the side that opened the talks drafts its orders first
    const both = { ...s, meta: { ...s.meta, setup: HOT_SEAT } };
    expect(nextHumanActor(both)).toBe(s.round.talks.first);
    expect(nextHumanActor({ ...both, round: { ...both.round, phase: 'over' } })).toBeNull();
  });

  it('puts the computer’s recent moves back in the feed from the states it is given, as from a replay', async () => {
    const setup: Setup = {
      ...HOT_SEAT,
      seats: { us: { kind: 'human' }, cn: { kind: 'ai', profile: 'x', level: 1 } },
    };
    let s = newGame(busan, 's', setup);
    const states = [s];
    const moves: Move[] = [];
    while (s.round.turn < 2) {
      const side = waitingOn(s, { order: SIDES, seats: 'any' })!;
      const body: Move =
        s.round.phase === 'talks' ? { type: 'pass', side } : { type: 'orders', side, orders: [] };
      const m: Move = side === 'cn' ? { ...body, ai: { code: 'hold' } } : body;
      const r = applyMove(busan, s, m);
      if (!r.ok) throw new Error(r.reason);
      s = r.state;
      states.push(s);
      moves.push(m);
    }
    const store = makeAppStore({ pace: 0, muted: true });
    useSaves(null);
    const save = {
      id: 'fed',
      rev: 1,
      rules: RULES_VERSION,
      scenarioId: busan.id,
      scenarioHash: contentHash(busan),
      seed: 's',
      setup,
      moves,
    };
    resumeGame(store, { save, scenario: busan, state: s });
    await restoreFeed(store);
    const replayed = store.getState().feed;
    expect(replayed.length).toBeGreaterThan(0);
    expect(replayed.map((f) => f.turn)).toContain(1);
    await restoreFeed(store, states);
    expect(store.getState().feed).toEqual(replayed);
    // the states given are read as they are, not replayed
    await restoreFeed(
      store,
      states.map((x) => ({ ...x, round: { ...x.round, turn: x.round.turn + 10 } })),
    );
    expect(store.getState().feed.every((f) => f.turn >= 10)).toBe(true);
  });
});

describe('the package preview', () => {
  it('projects both branches from the side’s own view and compares them, with leverage', () => {
    const s = newGame(busan, 's', HOT_SEAT);
    const p = previewPackage(busan, viewFor(busan, s, 'us'), 'us', [
      { kind: 'instrument', instrument: 'us-tariff', level: 2 },
      { kind: 'instrument', instrument: 'cn-soybeans', level: 2 },
    ]);
    expect(p.ok).toBe(true);
    if (!p.ok) return;
    expect(p.worth.us).toBeGreaterThan(0); // soybeans back for farmers
    expect(p.worth.us).toBeCloseTo(p.signed.us.median - p.unsigned.us.median, 1);
    for (const x of [p.signed.us, p.signed.cn, p.unsigned.us, p.unsigned.cn]) {
      expect(x.low).toBeLessThanOrEqual(x.median);
      expect(x.median).toBeLessThanOrEqual(x.high);
    }
    expect(p.leverage.before).not.toBe(p.leverage.after);
  });

  it('reports the engine’s refusal instead of a preview', () => {
    const s = newGame(busan, 's', HOT_SEAT);
    const p = previewPackage(busan, viewFor(busan, s, 'us'), 'us', [
      { kind: 'instrument', instrument: 'us-tariff', level: 6 },
    ]);
    expect(p.ok).toBe(false);
    if (!p.ok) expect(p.reason).toMatch(/only lower/);
  });
});
