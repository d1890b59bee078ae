// The simulator's conduct counts (src/ai/conduct.ts) on games played move by move in the tutorial,
// random events off: a rejection with a proposal left and the counter that follows it, an opening
// proposal, escalations with nothing to answer, harsher than what they answer, and in answer, and
// what counts as a step after a deal.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { conductTracker } from '../../src/ai/conduct.ts';
import { packageKey } from '../../src/ai/talks.ts';
import type { GameState, Move, Order, Side } from '../../src/engine/index.ts';
import { applyMove, newGame } from '../../src/engine/index.ts';
import { loadScenarioFile } from '../../tools/scenario-files.ts';
import { QUIET_HOT_SEAT } from './helpers.ts';

const tutorial = loadScenarioFile(
  join(import.meta.dirname, '..', '..', 'scenarios', 'opening-bid.yaml'),
).scenario;

/** Plays the moves in order, feeding the tracker as the simulator does. */
function play(moves: readonly Move[]) {
  let s: GameState = newGame(tutorial, 'conduct', QUIET_HOT_SEAT);
  const t = conductTracker(tutorial, s);
  for (const m of moves) {
    t.before(s, m);
    const r = applyMove(tutorial, s, m);
    if (!r.ok) throw new Error(`${r.code}: ${r.reason} (${JSON.stringify(m)})`);
    s = r.state;
    t.after(s);
  }
  return { s, conduct: t.result() };
}

const pass = (side: Side): Move => ({ type: 'pass', side });
const orders = (side: Side, ...os: Order[]): Move => ({ type: 'orders', side, orders: os });
const shift = (instrument: string, level: number): Order => ({ kind: 'shift', instrument, level });
/**
 * Beijing's offer of the US tariff at 0%, signed in the first talks; then, turn by turn, the talks
 * passed (Washington first) and each side's orders, Washington's then Beijing's.
 */
const afterDeal = (...turns: [Order[], Order[]][]): Move[] => [
  { type: 'propose', side: 'cn', clauses: [{ kind: 'instrument', instrument: 'us-tariff', level: 0 }] },
  { type: 'accept', side: 'us' },
  ...turns.flatMap(([us, cn]) => [pass('us'), pass('cn'), orders('us', ...us), orders('cn', ...cn)]),
];
/** A quiet turn: Beijing opens the tutorial's first talks, then the sides take turns to open. */
const quiet = (first: Side, us: Order[] = [], cn: Order[] = []): Move[] => [
  pass(first),
  pass(first === 'us' ? 'cn' : 'us'),
  orders('us', ...us),
  orders('cn', ...cn),
];

describe('conduct counts', () => {
  it('counts an opening proposal, and a counter to a rejected offer made with a proposal left', () => {
    const offer: Move = {
      type: 'propose',
      side: 'cn',
      clauses: [{ kind: 'instrument', instrument: 'us-tariff', level: 0 }],
    };
    const counter: Move = {
      type: 'propose',
      side: 'us',
      clauses: [{ kind: 'instrument', instrument: 'cn-soybeans', level: 0 }],
    };
    const { conduct } = play([
      offer,
      { type: 'reject', side: 'us', reason: 'too-little' },
      counter,
      { type: 'reject', side: 'cn', reason: 'too-little' },
      pass('cn'),
      pass('us'),
    ]);
    expect(conduct.cn.opened).toBe(true);
    expect(conduct.us.opened).toBe(true);
    // Each side's opening package is its first proposal (a counter, for Washington here).
    expect(conduct.cn.opening).toBe(packageKey(offer.type === 'propose' ? offer.clauses : []));
    expect(conduct.us.opening).toBe(packageKey(counter.type === 'propose' ? counter.clauses : []));
    expect(conduct.us).toMatchObject({ rejections: 1, counters: 1 });
    // Beijing rejected with a proposal left and passed: a rejection not countered.
    expect(conduct.cn).toMatchObject({ rejections: 1, counters: 0 });
    expect(conduct.us.afterDeal).toBeNull();
  });

  it('counts easing a measure of its own after a deal as a next step, and not an escalation or a pass', () => {
    // Turn 0: Beijing offers the US tariff down to 0% and Washington signs; then Beijing resumes
    // soybean purchases (its lever to a milder level) while Washington only raises its chip controls.
    const eased = play(afterDeal([[shift('us-chips', 3)], [shift('cn-soybeans', 0)]]));
    expect(eased.s.world.levels['cn-soybeans']).toBe(0);
    expect(eased.conduct.cn.afterDeal).toBe(true);
    expect(eased.conduct.us.afterDeal).toBe(false);
    // Washington announces a rise of its chip controls after the deal, then withdraws it: the
    // withdrawal is a step (the announcement alone was not).
    const rise: Order = { kind: 'announce', instrument: 'us-chips', level: 3, turn: 2 };
    expect(play(afterDeal([[rise], []])).conduct.us.afterDeal).toBe(false);
    const withdrawn = play(afterDeal([[rise], []], [[{ kind: 'withdraw', instrument: 'us-chips' }], []]));
    expect(withdrawn.s.world.announcements['us-chips']).toBeUndefined();
    expect(withdrawn.conduct.us.afterDeal).toBe(true);
    // The same deal with both sides holding still: neither acts.
    const still = play(afterDeal([[], []]));
    expect(still.conduct.cn.afterDeal).toBe(false);
  });

  it('calls an escalation with nothing of that bite to answer unprovoked, and one in answer provoked', () => {
    // Turn 1: Beijing stops rare earths (the top level) against a 10% tariff: unprovoked, early.
    // Turn 2: Washington raises its tariff to the top (145%). Turn 3: Beijing's top tariff answers it.
    const { conduct } = play([
      ...quiet('cn', [], [shift('cn-rare-earths', 4)]),
      ...quiet('us', [shift('us-tariff', 6)], []),
      ...quiet('cn', [], [shift('cn-tariff', 5)]),
    ]);
    expect(conduct.cn.unprovoked).toBe(1);
    expect(conduct.cn.unprovokedEarly).toBe(1);
    expect(conduct.cn.unprovokedBy).toEqual({ 'cn-rare-earths': 1 });
    // Beijing's stoppage came before Washington's rise, so the rise answers a top measure.
    expect(conduct.us.unprovoked).toBe(0);
  });

  it('lets a side answer opening day’s measures no harder than they hit, and not a rise given the same turn', () => {
    // Opening day's harshest US measure is the chip controls at half their range: Beijing's 10%
    // tariff (a fifth of its range) is in proportion, its 34% (three fifths) is not; Washington's
    // rise given the same turn is not yet known to Beijing, and answers it the turn after.
    const { conduct } = play([
      ...quiet('cn', [shift('us-tariff', 5)], [shift('cn-tariff', 1)]),
      ...quiet('us', [], [shift('cn-tariff', 3)]),
    ]);
    expect(conduct.cn.unprovoked).toBe(0);
    const harsher = play([...quiet('cn', [shift('us-tariff', 2)], [shift('cn-tariff', 3)])]);
    expect(harsher.conduct.cn.unprovoked).toBe(1);
    // Washington answers opening day's fentanyl controls, at the level the US complains of (the top).
    expect(harsher.conduct.us.unprovoked).toBe(0);
  });
});
