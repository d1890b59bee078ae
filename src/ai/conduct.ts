// How a side negotiated and escalated over one game, counted move by move for the simulator
// (issue "An opponent that negotiates", its definitions):
// - opens: it made a proposal of its own in its first two talks;
// - counters: its proposals after a rejection, among the rejections it made while it still had a
//   proposal left that turn (the rules allow two a turn);
// - acts after a deal: with two or more talks turns left after the first deal, it made a proposal,
//   an extension, a build or an answer to a breach (orders in the turn it learnt of the other
//   side's breach or the next) before the epilogue — passes and escalations alone do not count;
// - unprovoked escalation: a raise or announcement of its own instrument harsher than anything it
//   answers. What it may answer, and how hard: the other side's measures in force on opening day,
//   its raises and announcements in earlier turns, and the dated events fired so far that hurt it
//   (one that moves none of the other side's instruments allows any answer short of the top level;
//   one that hurts nobody, such as Beijing's WTO challenge, allows none). Harshness
//   is the share of the instrument's range its level reaches, so with nothing to answer every
//   escalation is unprovoked, and a top restriction needs a top measure to answer.
// Pure: it reads states and moves and writes only its own counts.
import type { BySide, GameState, Move, Order, Scenario, Side } from '../engine';
import { other, PROPOSALS_PER_TURN, rulesFor } from '../engine';

export interface Conduct {
  readonly opened: boolean;
  readonly rejections: number; // rejections made with a proposal left that turn
  readonly counters: number; // … followed by its own proposal in the same talks
  readonly afterDeal: boolean | null; // null: no deal with two or more talks turns left after it
  readonly unprovoked: number;
  readonly unprovokedEarly: number; // in the first two turns
  readonly unprovokedBy: Readonly<Record<string, number>>; // instrument → unprovoked escalations
}

const EARLY_TURNS = 2;
const SHORT_OF_TOP = 0.99; // what an event moving none of the other side's instruments allows

export function conductTracker(scenario: Scenario, start: GameState) {
  const rules = rulesFor(scenario);
  const harshness = (instrument: string, level: number) => {
    const inst = rules.instruments.get(instrument);
    const top = inst ? inst.levels.length - 1 : 1;
    return top > 0 ? level / top : 0;
  };
  const owner = (instrument: string) => rules.instruments.get(instrument)?.owner;
  // What each side may answer, and how hard: opening day's measures of the other side.
  const bite: Record<Side, number> = { us: 0, cn: 0 };
  for (const [id, level] of Object.entries(start.world.levels)) {
    const o = owner(id);
    if (o) bite[other(o)] = Math.max(bite[other(o)], harshness(id, level));
  }
  const pending: { side: Side; h: number }[] = []; // this turn's escalations, known to the other side next turn
  const eventsSeen = new Set<string>();
  const count = () => ({
    opened: false,
    rejections: 0,
    counters: 0,
    acted: false,
    unprovoked: 0,
    unprovokedEarly: 0,
    unprovokedBy: {} as Record<string, number>,
  });
  const c: Record<Side, ReturnType<typeof count>> = { us: count(), cn: count() };
  const counterDue: Record<Side, number> = { us: -1, cn: -1 }; // the turn of a rejection not yet countered
  const breachSeen: Record<Side, number> = { us: -10, cn: -10 }; // the turn it learnt of the other's breach
  let dealTurn: number | null = null;
  let turn = start.round.turn;
  let newsSeen = 0;

  const escalation = (s: GameState, o: Order): { instrument: string; level: number } | null => {
    if (o.kind === 'shift' && o.level > (s.world.levels[o.instrument] ?? 0)) return o;
    if (o.kind === 'announce' && o.level > (s.world.levels[o.instrument] ?? 0)) return o;
    return null;
  };

  const seeEvents = (s: GameState) => {
    for (const [id, firedOn] of Object.entries(s.world.fired)) {
      const e = rules.events.get(id);
      if (eventsSeen.has(id) || !e?.date || firedOn > s.round.turn) continue;
      eventsSeen.add(id);
      for (const side of ['us', 'cn'] as const) {
        let h = -1;
        for (const [inst, level] of Object.entries(e.shifts))
          if (owner(inst) === other(side)) h = Math.max(h, harshness(inst, level));
        const hurts = Object.entries(e.effects).some(
          ([ind, d]) => d < 0 && rules.indicators.get(ind)?.side === side,
        );
        if (h < 0 && hurts) h = SHORT_OF_TOP;
        bite[side] = Math.max(bite[side], h);
      }
    }
  };

  const seeNews = (items: GameState['round']['news'], from: number) => {
    for (const n of items.slice(from))
      if (n.kind === 'breach') breachSeen[other(n.side)] = Math.max(breachSeen[other(n.side)], turn);
  };

  seeEvents(start);
  return {
    before(s: GameState, m: Move) {
      if (m.type === 'propose') {
        if (s.round.turn < EARLY_TURNS) c[m.side].opened = true;
        if (counterDue[m.side] === s.round.turn) {
          c[m.side].counters += 1;
          counterDue[m.side] = -1;
        }
        if (dealTurn !== null && s.round.turn < rules.mainTurns) c[m.side].acted = true;
      }
      if (m.type === 'reject' && s.round.talks.made[m.side] < PROPOSALS_PER_TURN) {
        c[m.side].rejections += 1;
        counterDue[m.side] = s.round.turn;
      }
      if (m.type === 'accept' && dealTurn === null) dealTurn = s.round.turn;
      if (m.type !== 'orders') return;
      const side = m.side;
      if (dealTurn !== null && s.round.turn < rules.mainTurns) {
        const answersBreach = m.orders.length > 0 && s.round.turn - breachSeen[side] <= 1;
        if (answersBreach || m.orders.some((o) => o.kind === 'build' || o.kind === 'extend'))
          c[side].acted = true;
      }
      for (const o of m.orders) {
        const e = escalation(s, o);
        if (!e || owner(e.instrument) !== side) continue;
        const h = harshness(e.instrument, e.level);
        pending.push({ side, h });
        if (h > bite[side] + 1e-9) {
          c[side].unprovoked += 1;
          if (s.round.turn < EARLY_TURNS) c[side].unprovokedEarly += 1;
          c[side].unprovokedBy[e.instrument] = (c[side].unprovokedBy[e.instrument] ?? 0) + 1;
        }
      }
    },
    after(s: GameState) {
      if (s.round.turn !== turn) {
        seeNews(s.round.lastNews, newsSeen);
        turn = s.round.turn;
        newsSeen = 0;
        // Last turn's orders are revealed: the other side may answer them from now on.
        for (const p of pending.splice(0)) bite[other(p.side)] = Math.max(bite[other(p.side)], p.h);
        counterDue.us = -1;
        counterDue.cn = -1;
      }
      seeNews(s.round.news, newsSeen);
      newsSeen = s.round.news.length;
      seeEvents(s);
    },
    result(): BySide<Conduct> {
      const eligible = dealTurn !== null && rules.mainTurns - 1 - dealTurn >= 2;
      const out = (side: Side): Conduct => {
        const { acted, ...rest } = c[side];
        return { ...rest, afterDeal: eligible ? acted : null };
      };
      return { us: out('us'), cn: out('cn') };
    },
  };
}
