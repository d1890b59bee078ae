// The AI as a negotiator (issue 17), on small states of the tutorial built move by move: it opens,
// accepts by its condition, refuses a lowball before its last talks, counters from the offer,
// concedes toward the deadline, escalates by character (Beijing never first), acts after a deal,
// and says all of it in plain words.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chooseMove, describeAiMove } from '../../src/ai';
import { characterAllows, provoked } from '../../src/ai/decide';
import { setupFor } from '../../src/ai/match';
import { makeModel } from '../../src/ai/model';
import { findProfile } from '../../src/ai/profile';
import { packageKey } from '../../src/ai/worth';
import type { Clause, GameState, Move, Side } from '../../src/engine';
import { applyMove, newGame, rulesFor } from '../../src/engine';
import { loadScenarioFile } from '../../tools/scenario-files';
import { endTurn, play } from './helpers';

const sc = loadScenarioFile(join(import.meta.dirname, '..', '..', 'scenarios', 'opening-bid.yaml')).scenario;
const rules = rulesFor(sc);
const seats = (level: number) => ({
  us: { profile: 'washington', level },
  cn: { profile: 'beijing', level },
});
const start = (level: number, seed = 'neg') => newGame(sc, seed, setupFor(seats(level)));
const ai = (s: GameState, side: Side, level: number): Move => chooseMove(sc, s, side, seats(level)[side]);

/** Beijing passes its first talks; Washington (the student) proposes these clauses. */
function offered(s0: GameState, clauses: readonly Clause[]): GameState {
  let s = s0;
  if (s.talks.toMove === 'cn') s = play(sc, s, { type: 'pass', side: 'cn' });
  return play(sc, s, { type: 'propose', side: 'us', clauses });
}

/** The last turn of talks, reached by holding still. */
function lastTalks(level: number): GameState {
  let s = start(level);
  while (s.turn < rules.mainTurns - 1) s = endTurn(sc, s);
  return s;
}

// A bare minimum: a statement that costs Washington nothing and is worth little to Beijing.
const LOWBALL: Clause[] = [{ kind: 'statement', statement: 'st-fair-treatment' }];
// What Beijing asks for most: the tariff gone and the chip controls eased.
const GENEROUS: Clause[] = [
  { kind: 'instrument', instrument: 'us-tariff', level: 0 },
  { kind: 'statement', statement: 'st-fair-treatment' },
  { kind: 'statement', statement: 'st-oppose-independence' },
];

describe('it opens', () => {
  it('Beijing proposes in its first talks at every level, a package the engine accepts', () => {
    for (const level of [1, 2, 3]) {
      const s = start(level);
      expect(s.talks.toMove).toBe('cn');
      const m = ai(s, 'cn', level);
      expect(m.type).toBe('propose');
      expect(applyMove(sc, s, m).ok).toBe(true);
      expect(m.ai?.code).toMatch(/^say:open\./);
    }
  });

  it('Washington proposes in its first talks too', () => {
    for (const level of [1, 2, 3]) {
      const s = play(sc, start(level), { type: 'pass', side: 'cn' });
      expect(ai(s, 'us', level).type).toBe('propose');
    }
  });

  it('varies its opening with the game: at least three different packages across 20 seeds', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 20; i++) {
      const m = ai(start(2, `open-${i}`), 'cn', 2);
      if (m.type === 'propose') seen.add(packageKey(m.clauses));
    }
    expect(seen.size).toBeGreaterThanOrEqual(3);
  });
});

describe('it answers the offer on the table', () => {
  it('accepts an offer at least as good as its own next proposal (AC_next)', () => {
    for (const level of [2, 3]) {
      const s = offered(start(level), GENEROUS);
      const m = ai(s, 'cn', level);
      expect(m.type).toBe('accept');
      expect(m.ai?.code).toMatch(/^say:accept\.\d:\d+:next/);
    }
  });

  it('refuses a bare-minimum offer before its last talks at levels 2 and 3, and says what it needs', () => {
    for (const level of [2, 3]) {
      const s = offered(start(level), LOWBALL);
      const m = ai(s, 'cn', level);
      expect(m.type).toBe('reject');
      const line = describeAiMove(sc, m);
      expect(line).toMatch(/^Beijing (wants|rejects)/);
      expect(line).toMatch(/worth -?\d+ points to it; it asks about \d+/);
      expect(line).not.toMatch(/too-little|say:|\.txt/);
    }
  });

  it('counters from the offer it rejected: keeps at least half, changes it, never repeats itself', () => {
    for (const level of [2, 3]) {
      const offer: Clause[] = [
        { kind: 'statement', statement: 'st-fair-treatment' },
        { kind: 'pledge', item: 'cn-energy-pledge', size: 'large' },
      ];
      let s = offered(start(level), offer);
      const answer = ai(s, 'cn', level);
      expect(answer.type).toBe('reject');
      s = play(sc, s, answer);
      const counter = ai(s, 'cn', level);
      expect(counter.type).toBe('propose');
      if (counter.type !== 'propose') continue;
      const key = (c: Clause) => packageKey([c]);
      const kept = offer.filter((c) => counter.clauses.some((d) => key(d) === key(c)));
      expect(kept.length * 2).toBeGreaterThanOrEqual(offer.length);
      expect(packageKey(counter.clauses)).not.toBe(packageKey(offer));
      expect(counter.ai?.code).toMatch(/^say:counter\./);
      expect(applyMove(sc, s, counter).ok).toBe(true);
    }
  });

  it('concedes toward the deadline: in its last talks it takes an offer it refused at the start', () => {
    const offer: Clause[] = [{ kind: 'statement', statement: 'st-oppose-independence' }];
    const early = ai(offered(start(2), offer), 'cn', 2);
    const late = ai(offered(lastTalks(2), offer), 'cn', 2);
    expect(early.type).toBe('reject');
    expect(late.type).toBe('accept');
  });

  it('level 1 is the forgiving one: it takes a small offer that levels 2 and 3 refuse', () => {
    const offer: Clause[] = [{ kind: 'statement', statement: 'st-oppose-independence' }];
    expect(ai(offered(start(1), offer), 'cn', 1).type).toBe('accept');
    expect(ai(offered(start(2), offer), 'cn', 2).type).toBe('reject');
  });

  it('an offer that breaks the rules is refused by the engine, and the AI answers the next valid one', () => {
    const s = play(sc, start(2), { type: 'pass', side: 'cn' });
    const bad = applyMove(sc, s, {
      type: 'propose',
      side: 'us',
      clauses: [{ kind: 'instrument', instrument: 'no-such-thing', level: 0 }],
    });
    expect(bad.ok).toBe(false);
    const next = play(sc, s, { type: 'propose', side: 'us', clauses: GENEROUS });
    expect(['accept', 'reject']).toContain(ai(next, 'cn', 2).type);
  });
});

describe('it escalates by character', () => {
  /** Talks over (both pass) in the current turn. */
  const toOrders = (s0: GameState) => {
    let s = s0;
    while (s.phase === 'talks') s = play(sc, s, { type: 'pass', side: s.talks.toMove });
    return s;
  };
  const escalates = (s: GameState, m: Move) =>
    m.type === 'orders' &&
    m.orders.some(
      (o) => o.kind === 'announce' || (o.kind === 'shift' && o.level > (s.levels[o.instrument] ?? 0)),
    );

  it('Beijing does not escalate first: no rise or announcement in the first two turns, unprovoked', () => {
    for (const level of [1, 2, 3])
      for (let i = 0; i < 5; i++) {
        let s = toOrders(start(level, `calm-${i}`));
        for (let turn = 0; turn < 2; turn++) {
          const m = ai(s, 'cn', level);
          expect(escalates(s, m)).toBe(false);
          s = toOrders(play(sc, s, { type: 'orders', side: 'us', orders: [] }, m));
        }
      }
  });

  it('Beijing may answer a rise, but no harder than it hit; unprovoked it may not escalate at all', () => {
    const s = toOrders(start(2));
    const cn = findProfile(sc.profiles, 'beijing', 'cn') ?? null;
    const m = makeModel(rules, s, 'cn', cn, 2);
    expect(provoked(m)).toBe(false);
    const top = rules.instruments.get('cn-rare-earths');
    expect(top).toBeDefined();
    const stoppage = {
      kind: 'shift' as const,
      instrument: 'cn-rare-earths',
      level: (top?.levels.length ?? 1) - 1,
    };
    expect(characterAllows(m, [stoppage], cn)).toBe(false);
    expect(characterAllows(m, [{ kind: 'build', alternative: 'cn-brazil-soy' }], cn)).toBe(true);
  });

  it('Washington, unprovoked, escalates only by announcement, and never with its own offer on the table', () => {
    const us = findProfile(sc.profiles, 'washington', 'us') ?? null;
    const quiet = toOrders(start(2));
    const m = makeModel(rules, quiet, 'us', us, 2);
    const tariff = rules.instruments.get('us-tariff');
    const up = Math.min((quiet.levels['us-tariff'] ?? 0) + 1, (tariff?.levels.length ?? 1) - 1);
    expect(characterAllows(m, [{ kind: 'shift', instrument: 'us-tariff', level: up }], us)).toBe(false);
    const announce = { kind: 'announce' as const, instrument: 'us-tariff', level: up, turn: 2 };
    expect(characterAllows(m, [announce], us)).toBe(true);
    // Washington proposed this turn: no escalation at all.
    let s = play(sc, start(2), { type: 'pass', side: 'cn' });
    s = play(
      sc,
      s,
      { type: 'propose', side: 'us', clauses: LOWBALL },
      { type: 'reject', side: 'cn', reason: 'timing' },
    );
    s = toOrders(s);
    expect(characterAllows(makeModel(rules, s, 'us', us, 2), [announce], us)).toBe(false);
  });

  it('an announcement names its demand in words', () => {
    const line = describeAiMove(sc, {
      type: 'orders',
      side: 'us',
      orders: [{ kind: 'announce', instrument: 'us-tariff', level: 2, turn: 2 }],
      ai: { code: 'say:announce.0:c.cn-fentanyl-cooperation' },
    });
    expect(line).toMatch(/^Washington announces .+ unless Beijing agrees to .+ first/);
  });
});

describe('the game stays alive after a deal', () => {
  it('with two or more talks turns left, each side then makes a move that is not a pass', () => {
    for (const level of [1, 2]) {
      // Beijing opens; Washington (here the test) signs it.
      let s = start(level);
      s = play(sc, s, ai(s, 'cn', level), { type: 'accept', side: 'us' });
      expect(rules.mainTurns - 1 - s.turn).toBeGreaterThanOrEqual(2);
      const acted = { us: false, cn: false };
      while (s.phase !== 'over' && s.turn < 3) {
        const side: Side = s.phase === 'talks' ? s.talks.toMove : s.drafts.us === null ? 'us' : 'cn';
        const m = chooseMove(sc, s, side, seats(level)[side]);
        if (m.type === 'pass') expect(m.ai?.code).toMatch(/^say:pass\.\d:(made|deal|hold)/);
        if (
          m.type === 'propose' ||
          (m.type === 'orders' && m.orders.some((o) => o.kind === 'build' || o.kind === 'extend'))
        )
          acted[side] = true;
        s = play(sc, s, m);
      }
      expect(acted).toEqual({ us: true, cn: true });
    }
  });
});
