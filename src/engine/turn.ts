// The turn's fixed order (DESIGN.md "A turn"): at its start, announcements due and the truce's
// expiry, then dated, conditional and random events; after talks and once both sides' orders are in,
// the orders resolve together (withdrawals, shifts by instrument id, announcements, builds,
// extensions), then the levels' effects, deliveries, alternatives, tension and the crisis roll, the
// summit, and the date moves on. All functions work on a draft or a plain working copy; the end of
// a turn is reached only through the kernel (kernel.ts).

import { holds } from './conditions.ts';
import { dropAnnouncement, own } from './copy.ts';
import {
  addTension,
  addToIndicators,
  dealInForce,
  eventDue,
  fireEvent,
  moveInstrument,
  round3,
  utility,
} from './effects.ts';
import { draw } from './rng.ts';
import type { Rules } from './rules.ts';
import { firstInTalks, isEpilogue } from './rules.ts';
import type { Order, Side, Stream, Working } from './types.ts';
import { tallyKey } from './types.ts';
import { demandMet } from './validate.ts';

function roll(s: Working, stream: Stream): number {
  const [x, next] = draw(s.rng[stream]);
  s.rng[stream] = next;
  return x;
}

export function openTalks(rules: Rules, s: Working) {
  const first = firstInTalks(rules, s.round.turn);
  s.round.talks = {
    first,
    toMove: first,
    made: { us: 0, cn: 0 },
    open: null,
    passed: { us: false, cn: false },
  };
  s.round.phase = isEpilogue(rules, s.round.turn) || s.world.collapsed ? 'orders' : 'talks';
}

/** Step 1 of a turn: what the calendar brings, then events. */
export function startTurn(rules: Rules, s: Working) {
  const cred = rules.scenario.params.credibility;
  for (const id of rules.instrumentIds) {
    const a = s.world.announcements[id];
    if (!a || a.turn > s.round.turn) continue;
    dropAnnouncement(s, id);
    // Its demand met, the threat lapses: it worked, which counts for its maker as one carried out.
    const met = a.unless !== undefined && demandMet(s.world, a.unless);
    if (!met) moveInstrument(rules, s, id, a.level);
    own(s, 'resolve')[a.by] = round3(Math.min(1, s.world.resolve[a.by] + cred.announcementCarried));
    s.round.news.push(
      met && a.unless
        ? { kind: 'announcement-lifted', instrument: id, level: a.level, unless: a.unless }
        : { kind: 'announcement-effective', instrument: id, level: a.level },
    );
  }
  const truce = s.world.truce;
  const snap = rules.scenario.calendar.truce?.snapback;
  if (truce && !truce.expired && s.round.turn >= truce.endTurn) {
    own(s, 'truce')!.expired = true;
    if (!dealInForce(s.world) && snap) {
      for (const id in snap) {
        const level = snap[id] ?? 0;
        if ((s.world.levels[id] ?? 0) < level) own(s, 'levels')[id] = level;
      }
      s.round.news.push({ kind: 'snapback' });
    }
  }
  const events = rules.scenario.events;
  for (let i = 0; i < events.length; i++) {
    const e = events[i]!;
    if (!eventDue(rules, s, e.id)) continue;
    if (e.chance !== undefined && roll(s, 'events') >= e.chance) continue;
    fireEvent(rules, s, e.id);
  }
  openTalks(rules, s);
}

const ORDER_RANK: Record<Order['kind'], number> = { withdraw: 0, shift: 1, announce: 2, build: 3, extend: 4 };
const orderKey = (o: Order) => ('instrument' in o ? o.instrument : o.kind === 'build' ? o.alternative : '');

function resolveOrders(rules: Rules, s: Working) {
  const all: { side: Side; order: Order }[] = [];
  for (const side of ['us', 'cn'] as const) {
    const orders = s.round.drafts[side] ?? [];
    for (let i = 0; i < orders.length; i++) all.push({ side, order: orders[i]! });
  }
  all.sort(
    (a, b) =>
      ORDER_RANK[a.order.kind] - ORDER_RANK[b.order.kind] ||
      (orderKey(a.order) < orderKey(b.order) ? -1 : orderKey(a.order) > orderKey(b.order) ? 1 : 0) ||
      (a.side < b.side ? 1 : a.side > b.side ? -1 : 0),
  );
  const { params, calendar } = rules.scenario;
  for (const { side, order } of all) {
    switch (order.kind) {
      case 'withdraw':
        dropAnnouncement(s, order.instrument);
        own(s, 'resolve')[side] = round3(
          Math.max(0, s.world.resolve[side] - params.credibility.withdrawnForNothing),
        );
        break;
      case 'shift':
        moveInstrument(rules, s, order.instrument, order.level);
        break;
      case 'announce':
        own(s, 'announcements')[order.instrument] = order.unless
          ? { level: order.level, turn: order.turn, by: side, unless: order.unless }
          : { level: order.level, turn: order.turn, by: side };
        addTension(rules, s, params.tension.announce);
        break;
      case 'build': {
        const alt = rules.alternatives.get(order.alternative);
        if (!alt) break;
        own(s, 'builds')[alt.id] = alt.turns;
        addToIndicators(rules, s, alt.cost);
        break;
      }
      case 'extend':
        if (s.world.truce && calendar.truce) {
          const truce = own(s, 'truce')!;
          truce.endTurn += Math.ceil(calendar.truce.extendDays / calendar.turnDays);
          truce.extensions += 1;
          own(s, 'resolve')[side] = round3(Math.max(0, s.world.resolve[side] - params.credibility.extension));
        }
        break;
    }
  }
  s.round.revealed = { us: s.round.drafts.us ?? [], cn: s.round.drafts.cn ?? [] };
  s.round.news.push({ kind: 'orders', side: 'us', orders: s.round.revealed.us });
  s.round.news.push({ kind: 'orders', side: 'cn', orders: s.round.revealed.cn });
  s.round.drafts = { us: null, cn: null };
}

/**
 * Each instrument's levels as flat lists, made once per rules: its effects as [indicator, points]
 * pairs and the indicators of the other side it harms (where alternatives creep). The turn reads
 * them every turn of every play-out, where walking the scenario's objects cost the most.
 */
interface LevelRow {
  readonly effects: readonly (readonly [string, number])[];
  readonly hits: readonly string[];
}
const levelTables = new WeakMap<Rules, readonly (readonly [string, readonly LevelRow[]])[]>();
function levelTable(rules: Rules) {
  let t = levelTables.get(rules);
  if (!t) {
    t = rules.instrumentIds.map((id) => {
      const inst = rules.instruments.get(id)!;
      const rows = inst.levels.map((lv) => {
        const effects = Object.entries(lv.effects).map(([k, v]) => [k, v ?? 0] as const);
        const hits = effects
          .filter(([k, v]) => {
            const ind = rules.indicators.get(k);
            return ind !== undefined && ind.side !== inst.owner && v < 0;
          })
          .map(([k]) => k);
        return { effects, hits };
      });
      return [id, rows] as const;
    });
    levelTables.set(rules, t);
  }
  return t;
}

/** The levels' per-turn effects, softened by the alternatives of the indicators they hit. */
function levelEffects(rules: Rules, s: Working, into: Record<string, number>) {
  for (const [id, rows] of levelTable(rules)) {
    const lv = rows[s.world.levels[id] ?? 0];
    if (!lv) continue;
    for (const [k, v] of lv.effects) into[k] = (into[k] ?? 0) + v * (1 - (s.world.alt[k] ?? 0));
  }
}

/** Pledges and structural commitments of packages in force, each at a drawn share of its rate. */
function deliveries(rules: Rules, s: Working, into: Record<string, number>) {
  const sizes = rules.scenario.params.pledgeSizes;
  const learning = rules.scenario.params.credibility.learning;
  const packages = s.world.packages; // frozen arrays: walked by index (see dealInForce)
  for (let i = 0; i < packages.length; i++) {
    const p = packages[i]!;
    if (p.status !== 'active') continue;
    for (let j = 0; j < p.clauses.length; j++) {
      const c = p.clauses[j]!;
      if (c.kind !== 'pledge' && c.kind !== 'commitment') continue;
      const item = rules.commitments.get(c.item);
      if (!item) continue;
      if (c.condition && !holds(c.condition, s.world)) continue; // tied to a condition that fails: not owed
      const size = c.kind === 'pledge' ? sizes[c.size] : 1;
      const u = roll(s, 'compliance');
      const share = Math.min(1, Math.max(0, item.rate + item.spread * (2 * u - 1)));
      const promiser = item.side;
      const { promised, delivered } = own(s, 'totals');
      promised[promiser] = round3(promised[promiser] + size);
      delivered[promiser] = round3(delivered[promiser] + size * share);
      const key = tallyKey(p.id, item.id);
      const was = s.world.tallies[key] ?? { by: promiser, promised: 0, delivered: 0 };
      // the tally and the news item are made frozen: the reducer's freeze then steps over them
      own(s, 'tallies')[key] = Object.freeze({
        by: promiser,
        promised: round3(was.promised + size),
        delivered: round3(was.delivered + size * share),
      });
      own(s, 'reliability')[promiser] = round3(
        s.world.reliability[promiser] + learning * (share - s.world.reliability[promiser]),
      );
      for (const k in item.effects)
        into[k] = (into[k] ?? 0) + (item.effects[k] ?? 0) * size * share * (1 - (s.world.alt[k] ?? 0));
      s.round.news.push(
        Object.freeze({ kind: 'delivery', side: promiser, item: item.id, share: round3(share) }),
      );
    }
  }
}

/** Building alternatives, and the creep of alternatives under restrictions held against a side. */
function alternatives(rules: Rules, s: Working) {
  const altMax = rules.scenario.params.altMax;
  for (const id in s.world.builds) {
    const left = s.world.builds[id] ?? 0;
    const alt = rules.alternatives.get(id);
    if (left <= 0 || !alt) continue;
    for (const k in alt.gains)
      own(s, 'alt')[k] = round3(Math.min(altMax, (s.world.alt[k] ?? 0) + (alt.gains[k] ?? 0) / alt.turns));
    own(s, 'builds')[id] = left - 1;
  }
  const hit = new Set<string>();
  for (const [id, rows] of levelTable(rules)) {
    const level = s.world.levels[id] ?? 0;
    if (level === 0) continue;
    for (const k of rows[level]?.hits ?? []) hit.add(k);
  }
  for (const k of hit) {
    const ind = rules.indicators.get(k)!;
    const a = s.world.alt[k] ?? 0;
    if (a < ind.altCap) own(s, 'alt')[k] = round3(Math.min(ind.altCap, a + ind.altCreep));
  }
}

/** Tension's drift, the crisis roll above the risk line, and collapse at the top. */
function tensionAndCrisis(rules: Rules, s: Working) {
  const t = rules.scenario.params.tension;
  addTension(rules, s, t.decay);
  if (s.world.tension > t.risk && !s.world.collapsed) {
    const chance = (t.crisisChance * (s.world.tension - t.risk)) / (t.max - t.risk);
    if (roll(s, 'crisis') < chance) {
      s.round.news.push({ kind: 'crisis' });
      addTension(rules, s, t.crisis);
      addToIndicators(rules, s, t.crisisEffects);
    }
  }
  if (s.world.tension >= t.max && !s.world.collapsed) collapse(rules, s);
}

/** The talks collapse: every instrument to its top level, every package void, no more talks. */
export function collapse(rules: Rules, s: Working) {
  s.world.collapsed = true;
  const levels = own(s, 'levels');
  for (const id of rules.instrumentIds) levels[id] = rules.instruments.get(id)!.levels.length - 1;
  s.world.announcements = {};
  s.world.packages = s.world.packages.map((p) => (p.status === 'active' ? { ...p, status: 'collapsed' } : p));
  s.round.news.push({ kind: 'collapse' });
}

function summit(rules: Rules, s: Working) {
  const def = rules.scenario.calendar.summit;
  if (!def || s.world.summit !== 'pending' || rules.summitTurn === null || s.round.turn < rules.summitTurn)
    return;
  const deal = dealInForce(s.world);
  s.world.summit = deal ? 'deal' : 'no-deal';
  addToIndicators(rules, s, deal ? def.deal : def.noDeal);
  s.round.news.push({ kind: 'summit', deal });
}

/**
 * Steps 3 (resolution) to 5 of a turn on a plain mutable state whose drafts hold both sides' orders;
 * then the next turn starts. Only the kernel (kernel.ts) calls it: it is the body of `advance`.
 */
export function endTurn(rules: Rules, s: Working) {
  resolveOrders(rules, s);
  const deltas: Record<string, number> = {};
  levelEffects(rules, s, deltas);
  deliveries(rules, s, deltas);
  const indicators = rules.scenario.indicators;
  for (let i = 0; i < indicators.length; i++) {
    const ind = indicators[i]!;
    if (ind.drift !== 0) deltas[ind.id] = (deltas[ind.id] ?? 0) + ind.drift;
  }
  addToIndicators(rules, s, deltas);
  alternatives(rules, s);
  tensionAndCrisis(rules, s);
  summit(rules, s);
  const util = own(s, 'totals').util;
  for (const side of ['us', 'cn'] as const)
    util[side] = Math.round(util[side] + utility(rules, s.world.values, side));
  s.round.lastNews = s.round.news;
  s.round.news = [];
  s.round.turn += 1;
  if (s.round.turn >= rules.totalTurns) {
    s.round.phase = 'over';
    return;
  }
  startTurn(rules, s);
}
