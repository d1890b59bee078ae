// The debrief's analysis: the frontier and missed-deal rules on small hand-computed cases, package
// evaluation, and the timeline, series and swings of a replayed game.
import { describe, expect, it } from 'vitest';
import type { EvaluatedProposal, Outcome } from '../../src/engine/analysis.ts';
import {
  analyseGame,
  evaluatePackage,
  missedDeals,
  paretoFrontier,
  replayStates,
} from '../../src/engine/analysis.ts';
import type { Clause, Move } from '../../src/engine/index.ts';
import { DEFAULT_SETUP, newGame, rulesFor, score } from '../../src/engine/index.ts';
import { rulesScenario } from '../fixtures/worked.ts';
import { passTurns, play } from './helpers.ts';

const sc = rulesScenario();

describe('the Pareto frontier', () => {
  it.each([
    [[{ us: 1, cn: 1 }], [{ us: 1, cn: 1 }]],
    [
      [
        { us: 1, cn: 1 },
        { us: 2, cn: 2 },
      ],
      [{ us: 2, cn: 2 }],
    ],
    [
      [
        { us: 3, cn: 0 },
        { us: 0, cn: 3 },
        { us: 1, cn: 1 },
        { us: 2, cn: 2 },
        { us: 2, cn: 1 },
      ],
      [
        { us: 0, cn: 3 },
        { us: 2, cn: 2 },
        { us: 3, cn: 0 },
      ],
    ],
    [
      [
        { us: -1, cn: 5 },
        { us: -1, cn: 5 },
        { us: 4, cn: -2 },
      ],
      [
        { us: -1, cn: 5 },
        { us: 4, cn: -2 },
      ],
    ],
  ] as [Outcome[], Outcome[]][])('keeps only the points no other beats for both: %j', (points, frontier) => {
    expect(paretoFrontier(points)).toEqual(frontier);
  });
});

describe('missed deals', () => {
  const p = (us: number, cn: number, accepted = false): EvaluatedProposal => ({
    us,
    cn,
    accepted,
    turn: 1,
    index: 0,
    by: 'cn',
    clauses: [],
  });
  it('are the proposals not taken that would have left both better off than the end', () => {
    const final = { us: 2, cn: 1 };
    const props = [p(3, 2), p(3, 1), p(1, 5), p(4, 4, true), p(2.5, 1.5)];
    expect(missedDeals(props, final)).toEqual([p(3, 2), p(2.5, 1.5)]);
  });
});

describe('evaluating a package', () => {
  const quiet = { ...DEFAULT_SETUP, randomEvents: false };
  const soy: Clause[] = [{ kind: 'instrument', instrument: 'soybeans', level: 1 }];

  it('scores signing nothing at the engine’s zero', () => {
    // it once read −4.9 / +49 from a hand-rolled copy of the turn; through the kernel, holding still
    // from the opening is the no-deal line itself
    expect(evaluatePackage(sc, newGame(sc, 'e', quiet), 'us', [])).toEqual({ ok: true, us: 0, cn: 0 });
  });

  it('is the reducer’s game: signed, both sides then hold still, scored on the one scale', () => {
    const s = newGame(sc, 'e', quiet);
    const v = evaluatePackage(sc, s, 'us', soy);
    // events off and no pledge: every preview seed plays the game the reducer plays, so the median
    // is that game's score — lifting the boycott, its face cost to Beijing and the alternatives'
    // creep included (the old copy held alternatives still and left the concession's cost out)
    const game = passTurns(
      sc,
      play(sc, s, { type: 'propose', side: 'us', clauses: soy }, { type: 'accept', side: 'cn' }),
      11,
    );
    const r = score(sc, game);
    expect(v).toEqual({ ok: true, us: r.sides.us.score, cn: r.sides.cn.score });
    expect(r.sides.us.score).toBeGreaterThan(0);
  });

  it('refuses a package the rules do not let be signed, with the engine’s reason', () => {
    const s = newGame(sc, 'e', quiet);
    const v = evaluatePackage(sc, s, 'us', [{ kind: 'instrument', instrument: 'soybeans', level: 9 }]);
    expect(v.ok).toBe(false);
    if (!v.ok) expect(v.reason.length).toBeGreaterThan(0);
  });
});

describe('analysing a game', () => {
  const moves: Move[] = [
    { type: 'propose', side: 'us', clauses: [{ kind: 'instrument', instrument: 'soybeans', level: 1 }] },
    { type: 'reject', side: 'cn', reason: 'too-little' },
    { type: 'pass', side: 'cn' },
    { type: 'pass', side: 'us' },
    { type: 'orders', side: 'us', orders: [] },
    { type: 'orders', side: 'cn', orders: [{ kind: 'shift', instrument: 'rare-earths', level: 4 }] },
  ];
  const all = [...moves]; // then both sides pass to the end
  const record = {
    scenarioId: sc.id,
    scenarioHash: rulesFor(sc).hash,
    seed: 'a',
    setup: DEFAULT_SETUP,
    moves: all,
  };
  let t = play(sc, newGame(sc, 'a'), ...moves);
  while (t.round.phase !== 'over') {
    const m: Move =
      t.round.phase === 'talks'
        ? { type: 'pass', side: t.round.talks.toMove }
        : { type: 'orders', side: t.round.drafts.us === null ? 'us' : 'cn', orders: [] };
    all.push(m);
    t = play(sc, t, m);
  }
  const a = analyseGame(sc, record);

  it('reads the same from states the caller replayed as from its own replay', () => {
    const states = replayStates(sc, record);
    expect(states).toHaveLength(all.length + 1);
    expect(states.at(-1)).toEqual(t);
    expect(analyseGame(sc, record, states)).toEqual(a);
  });

  it('has a timeline as long as the moves and events played', () => {
    const fired = Object.keys(t.world.fired).length;
    expect(a.timeline).toHaveLength(all.length + fired);
    expect(a.timeline.filter((i) => i.kind === 'event')).toHaveLength(fired);
  });

  it('has a leverage and tension point for every turn, and names the biggest swing’s cause', () => {
    expect(a.series).toHaveLength(rulesFor(sc).totalTurns + 1);
    for (const p of a.series) expect(p.leverageUs).toBeGreaterThanOrEqual(0);
    const first = a.swings[0]!;
    expect(Math.abs(first.delta)).toBeGreaterThan(0);
    expect(first.cause).not.toBeNull();
  });

  it('evaluates each proposal, and the frontier holds no point beaten by another', () => {
    expect(a.proposals).toHaveLength(1);
    expect(a.proposals[0]?.accepted).toBe(false);
    for (const p of a.frontier)
      expect(a.frontier.some((q) => q !== p && q.us >= p.us && q.cn >= p.cn)).toBe(false);
    expect(a.efficiency).not.toBeNull();
    expect(a.efficiency!).toBeLessThanOrEqual(1 + 1e-9);
  });
});
