// The computer's moves in plain words: whole AI-vs-AI games in every shipped opening, every move the
// AI makes rendered as the feed and the debrief render it. No sentence carries an internal code (a
// reject reason's code, a reason code, an id from the scenario) or a source's file name, every move
// has a sentence, and a side's sentences within a game do not repeat word for word more than a
// little (the same kind of move is worded by one of a few templates, with its levers and the time
// left, so a sentence comes back only when the same move is made at the same point of another turn's
// talks — `MAX_REPEATS`).
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AiSeat } from '../../src/ai/index.ts';
import { chooseMove, defaultSeat, describeAiMove } from '../../src/ai/index.ts';
import { setupFor } from '../../src/ai/match.ts';
import { nextToMove } from '../../src/ai/rollout.ts';
import type { BySide, Clause, Scenario, Side } from '../../src/engine/index.ts';
import { applyMove, newGame, REJECT_REASONS } from '../../src/engine/index.ts';
import { clauseText } from '../../src/present/text.ts';
import { loadScenarioFile } from '../../tools/scenario-files.ts';

const DIR = join(import.meta.dirname, '..', '..', 'scenarios');
const OPENINGS = readdirSync(DIR).filter((f) => f.endsWith('.yaml') && f !== 'world-2025.yaml');

/** At most this many times one sentence comes back for one side within a game. */
const MAX_REPEATS = 2;

/** Every sentence the AI's moves of one game render to, by side. */
function sentences(sc: Scenario, seed: string, seats: BySide<AiSeat>): Record<Side, string[]> {
  let s = newGame(sc, seed, setupFor(seats));
  const out: Record<Side, string[]> = { us: [], cn: [] };
  const asked = new Set<string>();
  let index = 0;
  while (s.round.phase !== 'over') {
    const side = nextToMove(s, asked);
    const move = chooseMove(sc, s, side, seats[side]);
    out[side].push(
      describeAiMove(sc, move, { index, turn: s.round.turn, offer: s.round.talks.open?.clauses }),
    );
    const r = applyMove(sc, s, move);
    if (!r.ok) throw new Error(r.reason);
    s = r.state;
    index += 1;
  }
  return out;
}

/** The codes a sentence must never show: reason codes, the scenario's ids, its sources' file names. */
function forbidden(sc: Scenario): string[] {
  const ids = [
    ...sc.instruments,
    ...sc.commitments,
    ...sc.statements,
    ...sc.alternatives,
    ...sc.events,
    ...sc.profiles,
    ...sc.profiles.flatMap((p) => [...p.rules, ...p.templates]),
  ].map((x) => x.id);
  const files = sc.documents.map((d) => d.file);
  return [
    ...REJECT_REASONS.filter((r) => r.includes('-')),
    'search:',
    'rule:',
    'template:',
    '.txt',
    ...ids.filter((id) => id.includes('-')),
    ...files,
    ...files.map((f) => `— ${f.slice(0, 3)}`),
  ];
}

describe('the computer’s moves in plain words', () => {
  for (const file of OPENINGS) {
    it(`${file}: no code or file id, and few repeats`, () => {
      const sc = loadScenarioFile(join(DIR, file)).scenario;
      const bad = forbidden(sc);
      for (const [seed, level] of [
        ['words-1', 1],
        ['words-2', 2],
      ] as const) {
        const seats = {
          us: { ...defaultSeat(sc, 'us'), level },
          cn: { ...defaultSeat(sc, 'cn'), level },
        };
        const lines = sentences(sc, seed, seats);
        for (const side of ['us', 'cn'] as const) {
          const seen = new Map<string, number>();
          for (const line of lines[side]) {
            expect(line.length, 'every move has a sentence').toBeGreaterThan(20);
            for (const b of bad) expect(line, `“${b}” on screen`).not.toContain(b);
            expect(line).not.toMatch(/\b0\d\d(_[0-9a-f]+)?\b/);
            // Orders given are never worded as holding still.
            if (line.includes('Its orders:'))
              expect(line).not.toMatch(/holds its ground|gives no orders|stays put|holds still/);
            seen.set(line, (seen.get(line) ?? 0) + 1);
          }
          const worst = [...seen.entries()].sort((a, b) => b[1] - a[1])[0];
          expect(worst?.[1] ?? 0, `repeated: ${worst?.[0]}`).toBeLessThanOrEqual(MAX_REPEATS);
        }
      }
    });
  }

  it('orders no search term favours read as a close call, also in an older record coded hold', () => {
    const sc = loadScenarioFile(join(DIR, 'opening-bid.yaml')).scenario;
    const orders = [{ kind: 'shift', instrument: 'us-tariff', level: 3 }] as const;
    for (const code of ['search:close', 'search:hold'])
      for (let index = 0; index < 4; index++) {
        const line = describeAiMove(
          sc,
          { type: 'orders', side: 'us', orders, ai: { code } },
          { index, turn: 5 },
        );
        expect(line).toMatch(/close call|marginal move/);
        expect(line).toContain('Its orders: US tariff to');
        expect(line).not.toMatch(/holds its ground|gives no orders|stays put/);
      }
    const none = describeAiMove(
      sc,
      { type: 'orders', side: 'us', orders: [], ai: { code: 'search:hold' } },
      { turn: 2 },
    );
    expect(none).toMatch(/holds its ground|gives no orders|stays put/);
  });

  it('an answer names the offer it says yes or no to, and the reason in words', () => {
    const sc = loadScenarioFile(join(DIR, 'opening-bid.yaml')).scenario;
    const offer = [{ kind: 'instrument', instrument: 'us-tariff', level: 0 }] as const;
    const no = describeAiMove(
      sc,
      { type: 'reject', side: 'cn', reason: 'too-little', ai: { code: 'search:threshold' } },
      { index: 3, turn: 1, offer },
    );
    expect(no).toMatch(/^With 4 turns of talks left, Beijing/);
    expect(no).toContain('The offer on the table: US tariff at “');
    expect(no).toMatch(/too (much|little) for what it (gives|asks)/);
    expect(no).not.toContain('too-little');
    // old records (no place in the game given) still render
    expect(describeAiMove(sc, { type: 'accept', side: 'us', ai: { code: 'search:threshold' } })).toContain(
      'Washington accepts',
    );
  });

  it('a rejection of a demand with nothing in return says so, not that it gives too little', () => {
    const sc = loadScenarioFile(join(DIR, 'opening-bid.yaml')).scenario;
    const reject = {
      type: 'reject',
      side: 'cn',
      reason: 'too-little',
      ai: { code: 'search:threshold' },
    } as const;
    // Beijing's own tariff lowered, and nothing of Washington's: Beijing would give and get nothing.
    const demand = [{ kind: 'instrument', instrument: 'cn-tariff', level: 0 }] as const;
    for (const index of [3, 4, 5, 6]) {
      const line = describeAiMove(sc, reject, { index, turn: 1, offer: demand });
      expect(line).toMatch(/offers nothing in return|get nothing back/);
      expect(line).not.toMatch(/too (much|little)/);
    }
    // A trade, even a poor one, is still "too little".
    const trade = [...demand, { kind: 'instrument', instrument: 'us-tariff', level: 5 }] as const;
    const line = describeAiMove(sc, reject, { index: 3, turn: 1, offer: trade });
    expect(line).toMatch(/too (much|little) for what it (gives|asks)/);
  });

  it('a rejection of a lowball says what the computer needs, in words', () => {
    const sc = loadScenarioFile(join(DIR, 'opening-bid.yaml')).scenario;
    const seats = {
      us: { kind: 'human' as const },
      cn: { kind: 'ai' as const, profile: 'beijing', level: 2 },
    };
    let s = newGame(sc, 'needs', { seats, randomEvents: false, leverage: 'after' });
    const play = (m: Parameters<typeof applyMove>[2]) => {
      const r = applyMove(sc, s, m);
      if (!r.ok) throw new Error(r.reason);
      s = r.state;
    };
    // Beijing opens; Washington turns it down and offers a statement alone.
    play(chooseMove(sc, s, 'cn', { profile: 'beijing', level: 2 }));
    if (s.round.talks.open) play({ type: 'reject', side: 'us', reason: 'too-little' });
    play({
      type: 'propose',
      side: 'us',
      clauses: [{ kind: 'statement', statement: 'st-oppose-independence' }],
    });
    const answer = chooseMove(sc, s, 'cn', { profile: 'beijing', level: 2 });
    expect(answer.type).toBe('reject');
    const needs = answer.ai?.needs;
    expect(needs, 'the rejection names a clause of Beijing’s target').toBeDefined();
    const line = describeAiMove(sc, answer, { index: 3, turn: 0, offer: s.round.talks.open?.clauses });
    expect(line).toMatch(/Beijing wants .+ before it signs\.|Before it signs, Beijing wants .+\./);
    if (needs?.kind === 'instrument')
      expect(line.toLowerCase()).toContain(
        (sc.instruments.find((i) => i.id === needs.instrument)?.short ?? '?').toLowerCase(),
      );
    for (const b of forbidden(sc)) expect(line).not.toContain(b);
    expect(applyMove(sc, s, answer).ok).toBe(true);
  });

  it('a pass while a deal is in force says how the other side’s promises stand', () => {
    const sc = loadScenarioFile(join(DIR, 'chips-and-soybeans.yaml')).scenario;
    const seats = { us: defaultSeat(sc, 'us'), cn: defaultSeat(sc, 'cn') };
    const held: string[] = [];
    for (const seed of ['held-1', 'held-2']) {
      let s = newGame(sc, seed, setupFor(seats));
      const asked = new Set<string>();
      while (s.round.phase !== 'over') {
        const side = nextToMove(s, asked);
        const move = chooseMove(sc, s, side, seats[side]);
        const r = applyMove(sc, s, move);
        if (!r.ok) throw new Error(r.reason);
        const dealInForce = s.world.packages.some((p) => p.status === 'active');
        if (move.type === 'pass' && move.ai?.delivered !== undefined) {
          expect(dealInForce).toBe(true);
          const promised = s.world.totals.promised[side === 'us' ? 'cn' : 'us'];
          const delivered = s.world.totals.delivered[side === 'us' ? 'cn' : 'us'];
          // the share in hundredths: within half a hundredth of the tally (0.715 is said as 72%)
          expect(Math.abs(move.ai.delivered - delivered / promised)).toBeLessThanOrEqual(0.005 + 1e-9);
          held.push(describeAiMove(sc, move, { turn: s.round.turn }));
        }
        s = r.state;
      }
    }
    expect(held.length, 'some pass while a deal was in force').toBeGreaterThan(0);
    for (const line of held)
      expect(line).toMatch(/ Holding: (Washington|Beijing) has delivered \d{1,3}% of what it promised\.$/);
  });

  it('a move a rule turned the side to says it is done instead, and an older record reads as before', () => {
    // The Whole of 2025 at the default level (seed balance-0): Washington's search would ease its chip
    // controls; its hawks' rule sinks that, and the orders it gives are what it does instead.
    const sc = loadScenarioFile(join(DIR, 'whole-of-2025.yaml')).scenario;
    const seats = { us: defaultSeat(sc, 'us'), cn: defaultSeat(sc, 'cn') };
    let s = newGame(sc, 'balance-0', setupFor(seats));
    const asked = new Set<string>();
    let turned: { move: ReturnType<typeof chooseMove>; turn: number } | null = null;
    while (s.round.phase !== 'over' && !turned) {
      const side = nextToMove(s, asked);
      const move = chooseMove(sc, s, side, seats[side]);
      if (move.ai?.code === 'rule:us-hawks') turned = { move, turn: s.round.turn };
      const r = applyMove(sc, s, move);
      if (!r.ok) throw new Error(r.reason);
      s = r.state;
    }
    expect(turned, 'the hawks’ rule decided a move').not.toBeNull();
    if (turned?.move.type !== 'orders') throw new Error('expected orders');
    expect(turned.move.ai?.instead).toBe(true);
    expect(
      turned.move.orders.some(
        (o) => o.kind !== 'build' && o.kind !== 'extend' && o.instrument === 'us-chips',
      ),
    ).toBe(false);
    const line = describeAiMove(sc, turned.move, { turn: turned.turn });
    expect(line).toMatch(
      /^Washington will not ease chip controls for nothing.*\. Instead, (its orders: |it gives no orders\.)/,
    );
    // a record made before the note said so: the rule's words, then its orders, as they were
    const old = describeAiMove(
      sc,
      { ...turned.move, ai: { code: 'rule:us-hawks', value: turned.move.ai?.value ?? 0 } },
      { turn: turned.turn },
    );
    expect(old).not.toContain('Instead');
    // a rule that lifted the move chosen is its reason, not what it was turned from
    const lifted = describeAiMove(
      sc,
      { type: 'orders', side: 'us', orders: turned.move.orders, ai: { code: 'rule:us-hawks' } },
      { turn: turned.turn },
    );
    expect(lifted).not.toContain('Instead');
  });

  it('orders its reckoning says break a deal say so (never that they keep it)', () => {
    // The Whole of 2025 at level 1 (seed balance-6): in its last talks Washington announces port fees
    // back up though it signed them away, unless Beijing orders Boeing aircraft; the fees take effect
    // the turn after and break the deal. Its search coded the orders by the deal's term.
    const sc = loadScenarioFile(join(DIR, 'whole-of-2025.yaml')).scenario;
    const line = (index: number) =>
      describeAiMove(
        sc,
        {
          type: 'orders',
          side: 'us',
          orders: [{ kind: 'announce', instrument: 'us-port-fees', level: 1, turn: 18 }],
          ai: { code: 'search:deal' },
        },
        { index, turn: 17 },
      );
    for (const index of [0, 1]) {
      expect(line(index)).toMatch(/threatens to break the deal|ready to walk away from its promises/);
      expect(line(index)).not.toMatch(/keeps the deal|sticks to the deal/);
    }
    // a shift that breaks it at once
    const shifted = describeAiMove(
      sc,
      {
        type: 'orders',
        side: 'us',
        orders: [{ kind: 'shift', instrument: 'us-port-fees', level: 1 }],
        ai: { code: 'search:deal' },
      },
      { index: 0, turn: 17 },
    );
    expect(shifted).toMatch(/breaks the deal/);
  });

  it('a pass after its offer for the turn says it has had its say, not that it holds back an offer', () => {
    // The tutorial at level 1: Beijing opens each game with a proposal; once that is answered and it
    // has no other proposal to make that turn, its pass closes its talks for the turn.
    const sc = loadScenarioFile(join(DIR, 'opening-bid.yaml')).scenario;
    const seats = { us: { ...defaultSeat(sc, 'us'), level: 1 }, cn: { ...defaultSeat(sc, 'cn'), level: 1 } };
    let checked = 0;
    for (const seed of ['done-1', 'done-2', 'done-3']) {
      let s = newGame(sc, seed, setupFor(seats));
      const asked = new Set<string>();
      while (s.round.phase === 'talks' && s.round.turn === 0) {
        const side = nextToMove(s, asked);
        const move = chooseMove(sc, s, side, seats[side]);
        const proposed = s.round.news.some((n) => n.kind === 'proposal' && n.side === side);
        if (move.type === 'pass' && side === 'cn' && proposed) {
          expect(move.ai?.code).toBe('search:done');
          const line = describeAiMove(sc, move, { turn: 0, index: checked });
          expect(line).toMatch(/has made its offer for this turn|has had its say|rests its case/);
          expect(line).not.toMatch(/holds back its offer|waiting for the other side/);
          checked += 1;
        }
        const r = applyMove(sc, s, move);
        if (!r.ok) throw new Error(r.reason);
        s = r.state;
      }
    }
    expect(checked, 'Beijing passed after its offer').toBeGreaterThan(0);
  });

  it('names are written as a student reads them: a proper noun keeps its capital, a promise its name', () => {
    const sc = loadScenarioFile(join(DIR, 'road-to-busan.yaml')).scenario;
    const reject = (needs: Clause) =>
      describeAiMove(
        sc,
        { type: 'reject', side: 'us', reason: 'too-little', ai: { code: 'search:threshold', needs } },
        { turn: 1 },
      );
    // an instrument named for a firm keeps its capital (“nvidia ban” before)
    expect(reject({ kind: 'instrument', instrument: 'cn-nvidia-ban', level: 0 })).toContain(
      'Washington wants the Nvidia ban moved to “',
    );
    expect(reject({ kind: 'instrument', instrument: 'cn-tiktok', level: 0 })).toContain(
      'wants the TikTok moved to',
    );
    expect(reject({ kind: 'instrument', instrument: 'us-tariff', level: 0 })).toContain(
      'wants the US tariff moved to',
    );
    // a promise is named as the file writes it, with who gives it (“boeing aircraft orders” before)
    expect(reject({ kind: 'pledge', item: 'cn-boeing-pledge', size: 'large' })).toContain(
      'Before it signs, Washington wants this from Beijing: Boeing aircraft orders (large).',
    );
    const threat = describeAiMove(
      sc,
      {
        type: 'orders',
        side: 'us',
        orders: [{ kind: 'announce', instrument: 'us-tariff', level: 3, turn: 3 }],
        ai: { code: 'search:leverage', needs: { kind: 'pledge', item: 'cn-boeing-pledge', size: 'large' } },
      },
      { turn: 1, index: 1 },
    );
    expect(threat).toContain('unless Beijing makes a promise: Boeing aircraft orders (large).');
  });

  it('a promise tied to a condition names the condition, as the package list on the screen does', () => {
    const sc = loadScenarioFile(join(DIR, 'opening-bid.yaml')).scenario;
    const tied: Clause = {
      kind: 'pledge',
      item: 'cn-soy-pledge',
      size: 'large',
      condition: { instrument: 'us-tariff', atMost: 2 },
    };
    const counter = describeAiMove(
      sc,
      { type: 'propose', side: 'cn', clauses: [tied], ai: { code: 'search:counter' } },
      { turn: 0, index: 3 },
    );
    const condition = ', while US tariff at most “20% (fentanyl tariff)”';
    expect(counter).toContain(`Soybean purchase pledge from Beijing (large)${condition}`);
    expect(clauseText(sc, tied)).toContain(condition);
    const reject = describeAiMove(
      sc,
      { type: 'reject', side: 'us', reason: 'too-little', ai: { code: 'search:threshold', needs: tied } },
      { turn: 1 },
    );
    expect(reject).toContain(`Soybean purchase pledge (large)${condition}.`);
  });

  it('an offer of nothing of its own says it asks, not that it trades', () => {
    const sc = loadScenarioFile(join(DIR, 'liberation-day-to-geneva.yaml')).scenario;
    const propose = (clauses: Clause[], index: number) =>
      describeAiMove(
        sc,
        { type: 'propose', side: 'us', clauses, ai: { code: 'search:logroll' } },
        { turn: 4, index },
      );
    const asks: Clause[] = [
      { kind: 'commitment', item: 'cn-yuan-pledge' },
      { kind: 'pledge', item: 'cn-boeing-pledge', size: 'large' },
      { kind: 'statement', statement: 'st-minerals-working-group' },
    ];
    const trade: Clause[] = [...asks, { kind: 'instrument', instrument: 'us-tariff', level: 0 }];
    for (const index of [0, 1, 2]) {
      expect(propose(asks, index)).toMatch(/Washington asks for /);
      expect(propose(asks, index)).not.toMatch(/cheap for it|costs it little|gives what/);
      expect(propose(trade, index)).not.toMatch(/Washington asks for /);
    }
  });
});
