// The game's facts in words: sides, clauses, conditions, orders, news and dates, all rendered from
// the scenario and the engine's state (the engine stores codes and ids, never sentences).
import type { Clause, NewsItem, ObjectiveStatus, Order, Scenario, Side, World } from '../engine/index.ts';
import {
  conditionText,
  dateOf,
  eventTitle,
  fmtDate,
  instName,
  levelText,
  pct,
  promiseName,
  rulesFor,
} from '../engine/index.ts';

export { conditionText, fmtDate, instName, pct } from '../engine/index.ts';

export const turnDate = (sc: Scenario, turn: number) => fmtDate(dateOf(rulesFor(sc), turn));

export const sideName = (sc: Scenario, side: Side) => sc.sides[side].name;
/** The badge that tells the sides apart without colour: a shape and a label. */
export const sideMark = (side: Side) => (side === 'us' ? '■ US' : '● CN');

export const pts = (x: number) => `${x > 0 ? '+' : x < 0 ? '−' : '±'}${Math.abs(x).toFixed(1)}`;
/** A score on the one scale, as a whole number with a true minus sign. */
export const score0 = (x: number) => {
  const n = Math.round(x);
  return n < 0 ? `−${-n}` : `${n}`;
};
/**
 * A score to a tenth, with a true minus sign: the parts of a score (from the game, from the
 * objectives), so that they visibly add up to the whole-number score beside them, and the
 * debrief's table of outcome points.
 */
export const score1 = (x: number) => {
  const n = Math.round(x * 10) / 10;
  return n < 0 ? `−${(-n).toFixed(1)}` : n.toFixed(1);
};
/** What the score's scale means, in a sentence a student reads at the end of a game. */
export const SCORE_MEANING =
  '0 is where you would be had neither side made a deal or a move all game; 100 is as well off as if opening day’s conditions had lasted all game; below 0, worse than standing still.';

export const levelLabel = levelText;

/**
 * Why an objective was met or missed, in one line: "met: signed turn 3, 77% delivered, counts from
 * 60%"; "missed: Face at 55.0 at the end; counts when Face above 58".
 */
export function objectiveWhyText(
  sc: Scenario,
  st: Pick<ObjectiveStatus, 'met' | 'why' | 'condition'>,
): string {
  const verdict = st.met ? 'met' : 'missed';
  const w = st.why;
  const turn = (t: number) => `turn ${t + 1}`;
  const rule = `counts when ${conditionText(sc, st.condition)}`;
  switch (w.kind) {
    case 'delivered': {
      const from = `counts from ${pct(w.atLeast)}`;
      if (w.signed === null)
        return `${verdict}: “${promiseName(sc, w.item)}” never signed, ${from} delivered`;
      const parts = [
        `signed ${turn(w.signed)}`,
        w.share === null ? 'nothing owed yet' : `${pct(w.share)} delivered`,
      ];
      if (w.ended === 'broken')
        parts.push(`then broken by ${w.brokenBy ? sideName(sc, w.brokenBy) : 'a side'}`);
      if (w.ended === 'collapsed') parts.push('void since the talks collapsed');
      return `${verdict}: ${parts.join(', ')}, ${from}`;
    }
    case 'instrument':
      return `${verdict}: ${instName(sc, w.instrument)} at “${levelLabel(sc, w.instrument, w.level)}” at the end; ${rule}`;
    case 'indicator': {
      const name = sc.indicators.find((i) => i.id === w.indicator)?.name ?? w.indicator;
      return `${verdict}: ${name} at ${(w.value / 10).toFixed(1)} at the end; ${rule}`;
    }
    case 'tension':
      return `${verdict}: tension at ${(w.value / 10).toFixed(1)} at the end; ${rule}`;
    case 'deal':
      return `${verdict}: ${w.signed === null ? 'no deal in force at the end' : `the deal signed ${turn(w.signed)} in force at the end`}`;
    case 'statement':
      return `${verdict}: ${w.signed === null ? 'no deal in force holds the statement' : `the statement signed ${turn(w.signed)} stands at the end`}`;
    case 'collapsed':
      return `${verdict}: the talks ${w.collapsed ? 'collapsed' : 'did not collapse'}`;
    case 'event':
      return `${verdict}: “${eventTitle(sc, w.event)}” ${w.fired === null ? 'never happened' : `happened ${turn(w.fired)}`}`;
  }
}

/** A clause without its giver, for a list already grouped by who gives it. */
export function clauseShort(sc: Scenario, c: Clause): string {
  switch (c.kind) {
    case 'instrument':
      return `${instName(sc, c.instrument)} to “${levelLabel(sc, c.instrument, c.level)}”`;
    case 'pledge':
    case 'commitment': {
      const item = sc.commitments.find((x) => x.id === c.item);
      const size = c.kind === 'pledge' ? ` (${c.size})` : '';
      const cond = c.condition ? `, while ${conditionText(sc, c.condition)}` : '';
      return `${item?.name ?? c.item}${size}${cond}`;
    }
    case 'statement':
      return sc.statements.find((s) => s.id === c.statement)?.name ?? c.statement;
  }
}

export function clauseText(sc: Scenario, c: Clause): string {
  switch (c.kind) {
    case 'instrument': {
      const inst = rulesFor(sc).instruments.get(c.instrument);
      const owner = inst ? sideName(sc, inst.owner) : '';
      return `${owner} sets ${instName(sc, c.instrument)} to “${levelLabel(sc, c.instrument, c.level)}”`;
    }
    case 'pledge':
    case 'commitment': {
      const item = sc.commitments.find((x) => x.id === c.item);
      const who = item ? sideName(sc, item.side) : '';
      const size = c.kind === 'pledge' ? ` (${c.size})` : '';
      const cond = c.condition ? `, while ${conditionText(sc, c.condition)}` : '';
      return `${who} ${c.kind === 'pledge' ? 'pledges' : 'commits to'} ${item?.name ?? c.item}${size}${cond}`;
    }
    case 'statement':
      return `Statement: ${sc.statements.find((s) => s.id === c.statement)?.name ?? c.statement}`;
  }
}

/** What would lift an announcement, as the end of its line: ", unless Beijing sets …", or nothing. */
export const unlessText = (sc: Scenario, unless: Clause | undefined): string =>
  unless ? `, unless ${clauseText(sc, unless)}` : '';

export function orderText(sc: Scenario, state: Pick<World, 'levels'>, o: Order): string {
  switch (o.kind) {
    case 'shift': {
      const now = state.levels[o.instrument] ?? 0;
      const verb = o.level > now ? 'Raise' : 'Lower';
      return `${verb} ${instName(sc, o.instrument)} to “${levelLabel(sc, o.instrument, o.level)}”`;
    }
    case 'announce':
      return `Announce ${instName(sc, o.instrument)} at “${levelLabel(sc, o.instrument, o.level)}” from ${turnDate(sc, o.turn)}${unlessText(sc, o.unless)}`;
    case 'withdraw':
      return `Withdraw the announced change to ${instName(sc, o.instrument)}`;
    case 'build':
      return `Build an alternative: ${sc.alternatives.find((a) => a.id === o.alternative)?.name ?? o.alternative}`;
    case 'extend':
      return `Extend the truce by ${sc.calendar.truce?.extendDays ?? 0} days`;
  }
}

export const REASON_TEXT: Record<string, string> = {
  'too-little': 'it asks too much for what it gives',
  distrust: 'they will not keep these promises',
  timing: 'not now',
  face: 'we cannot be seen to yield',
  linkage: 'it ties together what should stay apart',
};

export interface NewsLine {
  readonly title: string;
  readonly text?: string;
  readonly source?: {
    readonly title: string;
    readonly outlet: string;
    readonly date: string;
    readonly quote: string;
  };
  readonly side?: Side;
}

export function documentOf(sc: Scenario, file: string | undefined) {
  return file ? sc.documents.find((d) => d.file === file) : undefined;
}

/** A news item as a headline, a line of text and its source, if it has one. */
export function newsLine(sc: Scenario, n: NewsItem): NewsLine {
  switch (n.kind) {
    case 'event': {
      const e = sc.events.find((x) => x.id === n.event);
      if (!e) return { title: n.event };
      const doc = documentOf(sc, e.source);
      return {
        title: e.title,
        text: e.text,
        ...(doc && e.quote
          ? { source: { title: doc.title, outlet: doc.outlet, date: doc.date, quote: e.quote } }
          : {}),
      };
    }
    case 'instructor':
      return { title: `From your instructor: ${n.text}` };
    case 'announcement-effective':
      return {
        title: `${instName(sc, n.instrument)} goes to “${levelLabel(sc, n.instrument, n.level)}” as announced`,
      };
    case 'announcement-lifted':
      return {
        title: `${instName(sc, n.instrument)} stays where it is: the announced “${levelLabel(sc, n.instrument, n.level)}” is lifted, its demand met (${clauseText(sc, n.unless)})`,
      };
    case 'snapback':
      return { title: 'The truce has run out: tariffs snap back to their April levels' };
    case 'summit':
      return {
        title: n.deal
          ? `${sc.calendar.summit?.name ?? 'The summit'}: the leaders meet with a deal in force`
          : `${sc.calendar.summit?.name ?? 'The summit'}: the leaders meet with nothing to sign`,
      };
    case 'crisis':
      return { title: 'A crisis strikes: tension was in the risk band' };
    case 'collapse':
      return { title: 'The talks collapse: every instrument goes to its maximum' };
    case 'breach':
      return { title: `${sideName(sc, n.side)} breaks package ${n.package}`, side: n.side };
    case 'proposal':
      return {
        title: `${sideName(sc, n.side)} proposes: ${n.clauses.map((c) => clauseText(sc, c)).join('; ')}`,
        side: n.side,
      };
    case 'answer':
      return {
        title: n.accepted
          ? `${sideName(sc, n.side)} accepts the package`
          : `${sideName(sc, n.side)} rejects the proposal: ${REASON_TEXT[n.reason ?? ''] ?? n.reason ?? ''}`,
        side: n.side,
      };
    case 'readout':
      return {
        title:
          n.style === 'trumpet'
            ? `${sideName(sc, n.side)} trumpets the deal at home`
            : `${sideName(sc, n.side)} keeps its readout modest`,
        side: n.side,
      };
    case 'orders':
      return {
        title: `${sideName(sc, n.side)}’s orders: ${n.orders.length === 0 ? 'none (holds still)' : n.orders.map((o) => orderText(sc, { levels: {} }, o).replace(/^Raise|^Lower/, 'Set')).join('; ')}`,
        side: n.side,
      };
    case 'delivery': {
      const item = sc.commitments.find((x) => x.id === n.item);
      return {
        title: `${item?.name ?? n.item}: ${Math.round(n.share * 100)}% delivered this turn`,
        side: n.side,
      };
    }
  }
}
