// The scripted opponent's decisions: a rule decides a move and says so (flip its weight and both the
// move and the reason change), the same state gives the same move, every move names its reason
// and renders as a sentence with its source, and the built-in profiles behave as documented.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  AI_LEVELS,
  chooseMove,
  DEFAULT_AI_LEVEL,
  defaultSeat,
  describeAiMove,
  parseSeat,
} from '../../src/ai/index.ts';
import { playGame, setupFor } from '../../src/ai/match.ts';
import type { GameState, Move, Scenario } from '../../src/engine/index.ts';
import { aiStream, checkMove, legalMoves, newGame, rulesFor, STREAMS } from '../../src/engine/index.ts';
import { loadScenarioFile } from '../../tools/scenario-files.ts';
import { play } from './helpers.ts';

const busan = loadScenarioFile(
  join(import.meta.dirname, '..', '..', 'scenarios', 'road-to-busan.yaml'),
).scenario;
const seats = { us: { profile: 'washington', level: 2 }, cn: { profile: 'beijing', level: 2 } };

/** Turn 1, orders: Washington raised its chip controls last turn; Beijing is to answer. */
function afterChipEscalation(sc: Scenario): GameState {
  return play(
    sc,
    newGame(sc, 'flip', setupFor(seats)),
    { type: 'pass', side: 'us' },
    { type: 'pass', side: 'cn' },
    { type: 'orders', side: 'us', orders: [{ kind: 'shift', instrument: 'us-chips', level: 3 }] },
    { type: 'orders', side: 'cn', orders: [] },
    { type: 'pass', side: 'cn' },
    { type: 'pass', side: 'us' },
  );
}

function withWeight(sc: Scenario, ruleId: string, weight: number): Scenario {
  const copy = structuredClone(sc);
  for (const p of copy.profiles)
    for (const r of p.rules) if (r.id === ruleId) (r as { weight: number }).weight = weight;
  return copy;
}

describe('a rule decides, and says so', () => {
  it('Beijing answers the escalation in proportion; with the rule weighed at nothing it builds instead', () => {
    const s = afterChipEscalation(busan);
    const answer = chooseMove(busan, s, 'cn', seats.cn);
    expect(answer.ai?.code).toBe('rule:cn-proportional');
    expect(
      answer.type === 'orders' &&
        answer.orders.some((o) => o.kind === 'shift' && o.level > (s.world.levels[o.instrument] ?? 0)),
    ).toBe(true);

    const flipped = withWeight(busan, 'cn-proportional', 0);
    const other = chooseMove(flipped, s, 'cn', seats.cn);
    expect(other.ai?.code).not.toBe('rule:cn-proportional');
    expect(JSON.stringify({ ...other, ai: undefined })).not.toBe(
      JSON.stringify({ ...answer, ai: undefined }),
    );
  });

  it('renders the rule with its words and source', () => {
    const s = afterChipEscalation(busan);
    const line = describeAiMove(busan, chooseMove(busan, s, 'cn', seats.cn));
    // by the source's title, never its file name
    expect(line).toMatch(
      /^Beijing answers in proportion \(“.*safeguard our legitimate rights and interests” — [A-Z].*\)\./,
    );
    expect(line).not.toMatch(/\b004\b|\.txt/);
    expect(line).toContain('Its orders:');
  });

  it('never accepts in the turn after being escalated against (a never rule, named)', () => {
    // Washington raises its chip controls again in turn 1; in turn 2 it makes Beijing a generous offer.
    const s = play(
      busan,
      afterChipEscalation(busan),
      { type: 'orders', side: 'us', orders: [{ kind: 'shift', instrument: 'us-chips', level: 4 }] },
      { type: 'orders', side: 'cn', orders: [] },
    );
    expect(s.round.talks.toMove).toBe('us');
    const offer: Move = {
      type: 'propose',
      side: 'us',
      clauses: [
        { kind: 'instrument', instrument: 'us-tariff', level: 0 },
        { kind: 'instrument', instrument: 'us-chips', level: 1 },
        { kind: 'instrument', instrument: 'us-entity', level: 0 },
        { kind: 'instrument', instrument: 'us-port-fees', level: 0 },
        { kind: 'commitment', item: 'us-no-new-restrictions' },
        { kind: 'statement', statement: 'st-oppose-independence' },
      ],
    };
    const pressured = play(busan, s, offer);
    expect(pressured.world.pressuredOn.cn).toBe(pressured.round.turn - 1);
    const reply = chooseMove(busan, pressured, 'cn', seats.cn);
    expect(reply.type).toBe('reject');
    expect(reply.ai?.code).toBe('rule:cn-no-yield');
    // The same offer a turn later, the pressure past, is taken.
    const calm = {
      ...pressured,
      world: {
        ...pressured.world,
        pressuredOn: { ...pressured.world.pressuredOn, cn: pressured.round.turn - 2 },
      },
    };
    expect(chooseMove(busan, calm, 'cn', seats.cn).type).toBe('accept');
  });
});

describe('determinism and legality', () => {
  it('gives the same move for the same state, and for a copy of it', () => {
    const s = afterChipEscalation(busan);
    const copy = JSON.parse(JSON.stringify(s)) as GameState;
    for (const level of AI_LEVELS) {
      const seat = { profile: 'beijing', level };
      const a = chooseMove(busan, s, 'cn', seat);
      expect(chooseMove(busan, s, 'cn', seat)).toEqual(a);
      expect(chooseMove(busan, copy, 'cn', seat)).toEqual(a);
    }
  });

  it('plays a game the same whatever games were played before (its memo of standings is pure)', () => {
    const first = playGame(busan, 'memo-a', seats);
    for (const seed of ['memo-b', 'memo-c', 'memo-d']) playGame(busan, seed, seats);
    expect(playGame(busan, 'memo-a', seats)).toEqual(first);
  });

  it("draws its dice from its own side's stream for the phase only: no other stream changes its choice", () => {
    const s = afterChipEscalation(busan);
    const seat = { profile: 'random', level: 3 };
    const own = aiStream('cn', s.round.phase);
    const moves = new Set<string>();
    let state = s;
    for (let i = 0; i < 8; i++) {
      const m = chooseMove(busan, state, 'cn', seat);
      moves.add(JSON.stringify(m));
      expect(checkMove(rulesFor(busan), state, m)).toBeNull();
      state = {
        ...state,
        rng: { ...state.rng, [own]: { ...state.rng[own], s0: (state.rng[own].s0 + 0.1234567) % 1 } },
      };
    }
    expect(moves.size).toBeGreaterThan(1);
    // every other stream changing changes nothing: the events, and the other side's and phase's dice
    for (const k of STREAMS.filter((x) => x !== own)) {
      const other = { ...s, rng: { ...s.rng, [k]: { ...s.rng[k], s0: (s.rng[k].s0 + 0.5) % 1 } } };
      expect(chooseMove(busan, other, 'cn', seat)).toEqual(chooseMove(busan, s, 'cn', seat));
    }
  });

  it("one side's play never shifts the other side's dice: Beijing's orders draw the same after any talks", () => {
    const start = newGame(busan, 'pairs', setupFor(seats));
    const quiet = play(busan, start, { type: 'pass', side: 'us', ai: { code: 'search:hold' } });
    const busy = play(
      busan,
      start,
      {
        type: 'propose',
        side: 'us',
        clauses: [{ kind: 'statement', statement: 'st-oppose-independence' }],
        ai: { code: 'search:target' },
      },
      { type: 'reject', side: 'cn', reason: 'too-little', ai: { code: 'search:threshold' } },
    );
    expect(busy.rng['us-talks']).toEqual(quiet.rng['us-talks']); // one draw each: a pass, a proposal
    expect(busy.rng['cn-talks']).not.toEqual(quiet.rng['cn-talks']);
    expect(busy.rng['cn-orders']).toEqual(quiet.rng['cn-orders']);
    expect(busy.rng['us-orders']).toEqual(quiet.rng['us-orders']);
  });

  it('every AI move carries a reason code that renders as a sentence', () => {
    let s = newGame(busan, 'codes', setupFor(seats));
    for (let i = 0; i < 40 && s.round.phase !== 'over'; i++) {
      const side =
        s.round.phase === 'talks' ? s.round.talks.toMove : s.round.drafts.us === null ? 'us' : 'cn';
      const m = chooseMove(busan, s, side, seats[side]);
      expect(m.ai?.code).toMatch(/^(rule|search|template):[a-z-]+$|^random$/);
      expect(describeAiMove(busan, m).length).toBeGreaterThan(10);
      s = play(busan, s, m);
    }
  });
});

describe('seats', () => {
  it('defaults to the scenario profile of each side at the default level', () => {
    expect(defaultSeat(busan, 'us')).toEqual({ profile: 'washington', level: DEFAULT_AI_LEVEL });
    expect(defaultSeat(busan, 'cn')).toEqual({ profile: 'beijing', level: DEFAULT_AI_LEVEL });
    expect(defaultSeat({ ...busan, profiles: [] }, 'us').profile).toBe('plain');
    expect(parseSeat('beijing/3')).toEqual({ profile: 'beijing', level: 3 });
    expect(parseSeat('random')).toEqual({ profile: 'random', level: DEFAULT_AI_LEVEL });
    expect(parseSeat('beijing/7')).toBeNull();
  });

  it('the random profile picks a move kind uniformly, then its parameters', () => {
    const s = newGame(busan, 'random', setupFor(seats));
    const kinds = new Map<string, number>();
    let state = s;
    for (let i = 0; i < 200; i++) {
      const m = chooseMove(busan, state, 'us', { profile: 'random', level: 1 });
      expect(m.ai?.code).toBe('random');
      kinds.set(m.type, (kinds.get(m.type) ?? 0) + 1);
      const own = aiStream('us', state.round.phase);
      state = {
        ...state,
        rng: { ...state.rng, [own]: { ...state.rng[own], s0: (state.rng[own].s0 + 0.0618034) % 1 } },
      };
    }
    const types = new Set(legalMoves(busan, s, 'us').map((m) => m.type));
    expect([...kinds.keys()].sort()).toEqual([...types].sort());
    // two kinds (pass, propose) at about half each, though proposals are hundreds of moves
    for (const n of kinds.values()) expect(n).toBeGreaterThan(60);
  });

  it('a seat naming no profile of the scenario plays the plain profile', () => {
    const s = afterChipEscalation(busan);
    const m = chooseMove(busan, s, 'cn', { profile: 'nobody', level: 2 });
    expect(checkMove(rulesFor(busan), s, m)).toBeNull();
    expect(m.ai?.code.startsWith('search:')).toBe(true);
  });
});
