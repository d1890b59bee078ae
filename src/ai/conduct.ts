// How a side negotiated and escalated over one game, counted move by move for the simulator
// (issue "An opponent that negotiates", its definitions):
// - opens: it made a proposal of its own in its first two talks (and which: its opening package);
// - counters: its proposals after a rejection, among the rejections it made while it still had a
//   proposal left that turn (the rules allow two a turn);
// - acts after a deal: with two or more talks turns left after the first deal, it made a proposal,
//   an extension, a build, an easing of a measure of its own (the "purchases": a lever
//   moved to a milder level, such as soybean purchases resumed or rare-earth licences approved, or
//   an announced rise withdrawn) or an answer to a breach (orders in the turn it learnt of the
//   other side's breach or the next) before the epilogue — passes and escalations alone do not
//   count;
// - unprovoked escalation: a raise or announcement of its own instrument harsher than anything it
//   answers, by the measure the AI's rule of conduct uses (src/ai/escalation.ts): the other side's
//   measures on opening day, in force or announced, and the dated events fired so far that hurt it.
//   Harshness is the share of the instrument's range its level reaches, so with nothing to answer
//   every escalation is unprovoked, and a top restriction needs a top measure to answer. What a
//   side may answer is the harshest it has seen in any state of the game so far: a raise the other
//   side has since lowered, or an announcement it withdrew, may still be answered.
// Pure: it reads states and moves and writes only its own counts.
import type { BySide, GameState, Move, Order, Scenario, Side } from '../engine/index.ts';
import { other, PROPOSALS_PER_TURN, rulesFor } from '../engine/index.ts';
import { escalationOf, provocation, unprovoked } from './escalation.ts';
import { packageKey } from './talks.ts';

export interface Conduct {
  readonly opened: boolean;
  readonly opening: string | null; // its first proposal in its first two talks, as a package key
  readonly rejections: number; // rejections made with a proposal left that turn
  readonly counters: number; // … followed by its own proposal in the same talks
  readonly afterDeal: boolean | null; // null: no deal with two or more talks turns left after it
  readonly unprovoked: number;
  readonly unprovokedEarly: number; // in the first two turns
  readonly unprovokedBy: Readonly<Record<string, number>>; // instrument → unprovoked escalations
}

const EARLY_TURNS = 2;

/**
 * An order that is a step after a deal: a build, an extension of the truce, or an easing of a
 * measure of its own — a lever moved to a milder level, or its announced rise withdrawn.
 */
function nextStep(s: GameState, side: Side, o: Order): boolean {
  switch (o.kind) {
    case 'build':
    case 'extend':
      return true;
    case 'shift':
      return o.level < (s.world.levels[o.instrument] ?? 0);
    case 'withdraw': {
      const pending = s.world.announcements[o.instrument];
      return pending?.by === side && pending.level > (s.world.levels[o.instrument] ?? 0);
    }
    case 'announce':
      return false;
  }
}

export function conductTracker(scenario: Scenario, start: GameState) {
  const rules = rulesFor(scenario);
  const owner = (instrument: string) => rules.instruments.get(instrument)?.owner;
  // What each side may answer, and how hard: the harshest provocation seen so far.
  const bite: Record<Side, number> = { us: 0, cn: 0 };
  // It reads the world and the turn only: a talks move, which leaves both, changes nothing.
  let seenWorld: GameState['world'] | null = null;
  let seenTurn = -1;
  const see = (s: GameState) => {
    if (s.world === seenWorld && s.round.turn === seenTurn) return;
    seenWorld = s.world;
    seenTurn = s.round.turn;
    for (const side of ['us', 'cn'] as const) bite[side] = Math.max(bite[side], provocation(rules, s, side));
  };
  const count = () => ({
    opened: false,
    opening: null as string | null,
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

  const seeNews = (items: GameState['round']['news'], from: number) => {
    for (let i = from; i < items.length; i++) {
      const n = items[i]!;
      if (n.kind === 'breach') breachSeen[other(n.side)] = Math.max(breachSeen[other(n.side)], turn);
    }
  };

  see(start);
  return {
    before(s: GameState, m: Move) {
      if (m.type === 'propose') {
        if (s.round.turn < EARLY_TURNS) {
          c[m.side].opened = true;
          c[m.side].opening ??= packageKey(m.clauses);
        }
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
        if (answersBreach || m.orders.some((o) => nextStep(s, side, o))) c[side].acted = true;
      }
      for (const o of m.orders) {
        const e = escalationOf(s, o);
        if (!e || owner(e.instrument) !== side) continue;
        if (unprovoked(rules, bite[side], e)) {
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
        counterDue.us = -1;
        counterDue.cn = -1;
      }
      seeNews(s.round.news, newsSeen);
      newsSeen = s.round.news.length;
      see(s);
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
