// Escalation by character (issue "An opponent that negotiates": it escalates by character), one
// measure for the AI and for the simulator's conduct counts (src/ai/conduct.ts).
//
// The measure: an escalation — a rise of a side's own instrument, ordered now or announced for a
// later date — is as harsh as the share of its instrument's range its level reaches. What a side
// may answer, and how hard, is the harshest of: the other side's measures on opening day, its
// measures in force now and its announced ones (the raises and announcements of earlier turns: this
// turn's orders are not yet known), and the dated events fired so far that hurt it (one that moves
// none of the other side's instruments allows any answer short of the top level; one that hurts
// nobody, such as Beijing's WTO challenge, allows none). An escalation harsher than that is made
// first, unprovoked.
//
// The rule of conduct a profile's `escalates` sets: `in-answer` (Beijing: "an initial response
// without much bite", its rare-earth controls only after April's tariffs) never escalates first; a
// profile that escalates `first` (Washington) does so only by an announcement that names what it
// wants (a threat a package can withdraw), and never in a turn in which it made a proposal. A
// profile without the field escalates as its search and rules choose. Every announcement it makes
// names its demand in the order (`unless`): met before the date, the threat lapses.
//
// Level 1, the forgiving level, also keeps the peace it signs: with a deal in force it raises
// nothing unless the other side escalated against it this turn or the last.
import type { Clause, GameState, MoveBody, Order, Rules, Side } from '../engine/index.ts';
import { other } from '../engine/index.ts';
import type { ScenarioEvent } from '../model/schema.ts';
import { escalatedAgainst } from './character.ts';
import type { Model } from './model.ts';
import type { Profile } from './profile.ts';

/** What an event that moves none of the other side's instruments, but hurts a side, lets it answer. */
export const SHORT_OF_TOP = 0.99;

const EPS = 1e-9;

/** The share of its instrument's range a level reaches: 0 at the bottom, 1 at the top. */
export function harshness(rules: Rules, instrument: string, level: number): number {
  const inst = rules.instruments.get(instrument);
  const top = inst ? inst.levels.length - 1 : 1;
  return top > 0 ? level / top : 0;
}

/** How hard a dated event lets `side` answer: −1 when it neither moves the other side nor hurts `side`. */
export function eventBite(rules: Rules, e: ScenarioEvent, side: Side): number {
  let h = -1;
  for (const inst in e.shifts)
    if (rules.instruments.get(inst)?.owner === other(side))
      h = Math.max(h, harshness(rules, inst, e.shifts[inst]!));
  let hurts = false;
  for (const ind in e.effects)
    if (e.effects[ind]! < 0 && rules.indicators.get(ind)?.side === side) hurts = true;
  return h < 0 && hurts ? SHORT_OF_TOP : h;
}

/** The harshest measure `side` may answer in state `s` (a share of an instrument's range). */
export function provocation(rules: Rules, s: GameState, side: Side): number {
  const opp = other(side);
  let h = 0;
  for (const inst of rules.scenario.instruments) {
    if (inst.owner !== opp) continue;
    h = Math.max(
      h,
      harshness(rules, inst.id, inst.level),
      harshness(rules, inst.id, s.world.levels[inst.id] ?? 0),
    );
    const a = s.world.announcements[inst.id];
    if (a) h = Math.max(h, harshness(rules, inst.id, a.level));
  }
  for (const id in s.world.fired) {
    const e = rules.events.get(id);
    if (e?.date && s.world.fired[id]! <= s.round.turn) h = Math.max(h, eventBite(rules, e, side));
  }
  return h;
}

/** The escalation an order makes in state `s` (a rise, now or announced), or null. */
export function escalationOf(s: GameState, o: Order): { instrument: string; level: number } | null {
  if ((o.kind === 'shift' || o.kind === 'announce') && o.level > (s.world.levels[o.instrument] ?? 0))
    return o;
  return null;
}

/** Is this escalation by `side` harsher than anything it may answer (`bite`, from provocation)? */
export function unprovoked(rules: Rules, bite: number, e: { instrument: string; level: number }): boolean {
  return harshness(rules, e.instrument, e.level) > bite + EPS;
}

/** Did `side` make a proposal in this turn's talks? */
const proposedThisTurn = (s: GameState, side: Side) =>
  s.round.news.some((n) => n.kind === 'proposal' && n.side === side);

/**
 * A profile's candidate order sets under its rule of conduct for escalation. `demand`: the clause
 * it would want of the other side (asked only when an announcement is among the candidates); an
 * announcement made first carries it, and is dropped when there is none to name. Every set left
 * with an escalating announcement carries the demand, so its sentence says what would lift it.
 */
export function byCharacter<C extends { readonly move: MoveBody; readonly needs?: Clause | undefined }>(
  m: Pick<Model, 'rules' | 's' | 'side' | 'depth' | 'dealNow' | 'turn'>,
  profile: Profile | null,
  cands: readonly C[],
  demand: () => Clause | undefined,
): C[] {
  const { rules, s, side } = m;
  const rule = profile?.params.escalates;
  const peace = m.depth.keepsPeace && m.dealNow && !escalatedAgainst(m);
  const bite = provocation(rules, s, side);
  const proposed = rule === 'first' && proposedThisTurn(s, side);
  let wanted: Clause | undefined | null = null; // null: not asked yet
  const want = () => {
    if (wanted === null) wanted = demand();
    return wanted;
  };
  const out: C[] = [];
  for (const c of cands) {
    if (c.move.type !== 'orders') {
      out.push(c);
      continue;
    }
    let rises = false;
    let first = false;
    let firstShift = false;
    let announces = false;
    for (const o of c.move.orders) {
      const e = escalationOf(s, o);
      if (!e || rules.instruments.get(e.instrument)?.owner !== side) continue;
      rises = true;
      if (o.kind === 'announce') announces = true;
      if (unprovoked(rules, bite, e)) {
        first = true;
        if (o.kind === 'shift') firstShift = true;
      }
    }
    if (rises && peace) continue;
    if (first && (rule === 'in-answer' || (rule === 'first' && (firstShift || proposed)))) continue;
    if (!announces) {
      out.push(c);
      continue;
    }
    const needs = want();
    if (first && rule === 'first' && !needs) continue;
    out.push(needs ? { ...c, move: naming(c.move, needs), needs } : c);
  }
  return out;
}

/** Orders whose announcements name the demand that lifts them (the engine lapses one met in time). */
function naming(move: MoveBody, needs: Clause): MoveBody {
  if (move.type !== 'orders') return move;
  return { ...move, orders: move.orders.map((o) => (o.kind === 'announce' ? { ...o, unless: needs } : o)) };
}
