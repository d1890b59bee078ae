// Meaning checks on a scenario the schema accepted: every name used must exist (indicators,
// instruments, statements, events, sources), every level must be on its instrument's ladder,
// every date inside the scenario, each side's weights must sum to 1. Errors for what would break
// a game, warnings for what is merely suspicious (an indicator nothing moves, a tiny weight).
// Returns findings by field path; the loader locates them in the files.
import { dateOfDay, dayNumber } from '../engine/rules.ts';
import type { Condition, Effects, Scenario, Side } from '../model/schema.ts';
import { SIDES } from '../model/schema.ts';
import { closest, type Finding, type Path, showTenths } from './diagnostic.ts';

const WEIGHT_TOLERANCE = 0.001;
const TINY_WEIGHT = 0.05;
/**
 * The scenario's span in day numbers: turn t covers [start + t·turnDays, start + (t+1)·turnDays),
 * so the last day inside is `end − 1` (the engine puts a date in the turn whose span holds it).
 * Worked out with the engine's own day arithmetic and turn count, so the loader and the engine
 * agree on which dates fall inside the game.
 */
export function scenarioSpan(s: Scenario): {
  start: number;
  mainTurns: number;
  totalTurns: number;
  end: number;
} {
  const start = dayNumber(s.calendar.start);
  const deadline = dayNumber(s.calendar.deadline);
  const mainTurns = Math.max(1, Math.ceil((deadline - start) / s.calendar.turnDays));
  const totalTurns = mainTurns + s.calendar.epilogueTurns;
  return { start, mainTurns, totalTurns, end: start + totalTurns * s.calendar.turnDays };
}

export const sideName = (s: Scenario, side: Side) => `${s.sides[side].name} (${side})`;

/** The lists whose ids share one namespace: an effect or a condition names them unambiguously. */
const SHARED_IDS = [
  'indicators',
  'instruments',
  'commitments',
  'statements',
  'events',
  'alternatives',
] as const;
const OWN_IDS = ['objectives', 'redLines'] as const;

export function checkCrossRefs(s: Scenario): Finding[] {
  const out: Finding[] = [];
  const err = (path: Path, expected: string, found: string, extra: Partial<Finding> = {}) =>
    out.push({ severity: 'error', path, expected, found, ...extra });
  const warn = (path: Path, expected: string, found: string, extra: Partial<Finding> = {}) =>
    out.push({ severity: 'warning', path, expected, found, ...extra });

  // Ids: unique in each list, and unique across the lists effects and conditions refer to.
  const shared = new Map<string, string>(); // id → where it was first seen
  for (const list of [...SHARED_IDS, ...OWN_IDS]) {
    const seen = new Map<string, number>();
    s[list].forEach((item, i) => {
      const first = seen.get(item.id);
      if (first !== undefined) {
        err(
          [list, i, 'id'],
          `an id used once in \`${list}\``,
          `duplicate id ${item.id}, also at ${list}[${first}]`,
        );
        return;
      }
      seen.set(item.id, i);
      if ((SHARED_IDS as readonly string[]).includes(list)) {
        const other = shared.get(item.id);
        if (other !== undefined) {
          err(
            [list, i, 'id'],
            'an id that no other indicator, instrument, commitment, statement, event or alternative has',
            `"${item.id}", also the id of ${other}`,
          );
        } else shared.set(item.id, `${list}[${i}]`);
      }
    });
  }
  const docFiles = new Map<string, number>();
  s.documents.forEach((d, i) => {
    if (docFiles.has(d.file)) err(['documents', i, 'file'], 'each document listed once', `"${d.file}" again`);
    else docFiles.set(d.file, i);
  });

  const indicators = new Map(s.indicators.map((x) => [x.id, x]));
  const instruments = new Map(s.instruments.map((x) => [x.id, x]));
  const statements = new Set(s.statements.map((x) => x.id));
  const events = new Set(s.events.map((x) => x.id));
  const commitments = new Set(s.commitments.map((x) => x.id));
  const indicatorIds = [...indicators.keys()];
  const instrumentIds = [...instruments.keys()];

  const unknownName = (path: Path, kind: string, id: string, known: string[], at: 'key' | 'value') => {
    const guess = closest(id, known);
    err(path, `the id of ${kind}`, `"${id}", which no ${kind.replace(/^an? /, '')} has`, {
      at,
      ...(guess === undefined ? {} : { hint: `did you mean "${guess}"?` }),
    });
  };
  const effects = (e: Effects, path: Path) => {
    for (const key of Object.keys(e)) {
      if (!indicators.has(key)) unknownName([...path, key], 'an indicator', key, indicatorIds, 'key');
    }
  };
  const levelOf = (instrumentId: string, level: number, path: Path, what = 'a level') => {
    const inst = instruments.get(instrumentId);
    if (!inst) return;
    const top = inst.levels.length - 1;
    if (level > top) {
      err(path, `${what} from 0 to ${top} (${inst.name} has ${inst.levels.length} levels)`, String(level));
    }
  };
  const instrumentRef = (id: string, path: Path, at: 'key' | 'value') => {
    if (!instruments.has(id)) {
      unknownName(path, 'an instrument', id, instrumentIds, at);
      return false;
    }
    return true;
  };
  const shifts = (m: Record<string, number>, path: Path) => {
    for (const [id, level] of Object.entries(m)) {
      if (instrumentRef(id, [...path, id], 'key')) levelOf(id, level, [...path, id]);
    }
  };
  const condition = (c: Condition, path: Path) => {
    if ('indicator' in c) {
      if (!indicators.has(c.indicator))
        unknownName([...path, 'indicator'], 'an indicator', c.indicator, indicatorIds, 'value');
    } else if ('instrument' in c) {
      if (instrumentRef(c.instrument, [...path, 'instrument'], 'value')) {
        if (c.atMost !== undefined) levelOf(c.instrument, c.atMost, [...path, 'atMost']);
        if (c.atLeast !== undefined) levelOf(c.instrument, c.atLeast, [...path, 'atLeast']);
      }
    } else if ('statement' in c) {
      if (!statements.has(c.statement))
        unknownName([...path, 'statement'], 'a statement', c.statement, [...statements], 'value');
    } else if ('event' in c) {
      if (!events.has(c.event)) unknownName([...path, 'event'], 'an event', c.event, [...events], 'value');
    } else if ('commitment' in c) {
      if (!commitments.has(c.commitment))
        unknownName([...path, 'commitment'], 'a commitment', c.commitment, [...commitments], 'value');
    }
  };

  // Sides and indicators.
  for (const side of SIDES) {
    const own = s.indicators.map((x, i) => ({ x, i })).filter(({ x }) => x.side === side);
    if (own.length === 0) {
      err(['indicators'], `at least one indicator for ${sideName(s, side)}`, 'none');
      continue;
    }
    const sum = own.reduce((t, { x }) => t + x.weight, 0);
    if (Math.abs(sum - 1) > WEIGHT_TOLERANCE) {
      const terms = own.map(({ x }) => `${x.id} ${x.weight}`).join(' + ');
      err(
        ['indicators', own[0]?.i ?? 0, 'weight'],
        `the weights of the indicators of ${sideName(s, side)} to sum to 1`,
        `${Number(sum.toFixed(4))} (${terms})`,
      );
    }
    const politics = s.sides[side].politics;
    const p = indicators.get(politics);
    if (!p) unknownName(['sides', side, 'politics'], 'an indicator', politics, indicatorIds, 'value');
    else if (p.side !== side)
      err(
        ['sides', side, 'politics'],
        `one of ${sideName(s, side)}'s own indicators`,
        `"${politics}", an indicator of ${p.side}`,
      );
  }
  s.indicators.forEach((x, i) => {
    if (x.min >= x.max) {
      err(['indicators', i, 'max'], `a maximum above the minimum (${showTenths(x.min)})`, showTenths(x.max));
    } else if (x.start < x.min || x.start > x.max) {
      err(
        ['indicators', i, 'start'],
        `a value from ${showTenths(x.min)} to ${showTenths(x.max)} (its min and max)`,
        showTenths(x.start),
      );
    }
    if (x.weight < TINY_WEIGHT) {
      warn(
        ['indicators', i, 'weight'],
        `a weight of at least ${TINY_WEIGHT} (smaller barely counts)`,
        String(x.weight),
      );
    }
  });

  // Everything that names indicators.
  s.instruments.forEach((inst, i) => {
    const top = inst.levels.length - 1;
    if (inst.level > top) {
      err(
        ['instruments', i, 'level'],
        `a level from 0 to ${top} (it has ${inst.levels.length} levels)`,
        String(inst.level),
      );
    }
    inst.levels.forEach((lv, j) => {
      effects(lv.effects, ['instruments', i, 'levels', j, 'effects']);
    });
  });
  s.events.forEach((ev, i) => {
    effects(ev.effects, ['events', i, 'effects']);
    for (const key of Object.keys(ev.alt)) {
      if (!indicators.has(key))
        unknownName(['events', i, 'alt', key], 'an indicator', key, indicatorIds, 'key');
    }
    shifts(ev.shifts, ['events', i, 'shifts']);
    if (ev.condition) condition(ev.condition, ['events', i, 'condition']);
    if (ev.date === undefined && ev.condition === undefined && ev.chance === undefined) {
      warn(
        ['events', i],
        'a `date`, a `condition` or a `chance` (otherwise the event never fires)',
        'none of them',
      );
    }
  });
  s.alternatives.forEach((alt, i) => {
    effects(alt.cost, ['alternatives', i, 'cost']);
    for (const key of Object.keys(alt.gains)) {
      const ind = indicators.get(key);
      if (!ind) unknownName(['alternatives', i, 'gains', key], 'an indicator', key, indicatorIds, 'key');
      else if (ind.side !== alt.side) {
        err(
          ['alternatives', i, 'gains', key],
          `one of ${sideName(s, alt.side)}'s own indicators`,
          `"${key}", an indicator of ${ind.side}`,
          {
            at: 'key',
          },
        );
      }
    }
  });
  s.commitments.forEach((c, i) => {
    effects(c.effects, ['commitments', i, 'effects']);
    if (c.condition) condition(c.condition, ['commitments', i, 'condition']);
    const other = Object.keys(c.effects).some((k) => {
      const ind = indicators.get(k);
      return ind !== undefined && ind.side !== c.side;
    });
    if (!other) {
      warn(
        ['commitments', i, 'effects'],
        "an effect on the other side's indicators (what the promise is worth to them)",
        'none',
      );
    }
  });
  s.statements.forEach((st, i) => {
    effects(st.effects, ['statements', i, 'effects']);
  });
  s.objectives.forEach((o, i) => {
    condition(o.condition, ['objectives', i, 'condition']);
  });
  effects(s.params.tension.crisisEffects, ['params', 'tension', 'crisisEffects']);
  if (s.calendar.summit) {
    effects(s.calendar.summit.deal, ['calendar', 'summit', 'deal']);
    effects(s.calendar.summit.noDeal, ['calendar', 'summit', 'noDeal']);
  }

  // Everything that names instruments and levels.
  s.announcements.forEach((a, i) => {
    if (instrumentRef(a.instrument, ['announcements', i, 'instrument'], 'value'))
      levelOf(a.instrument, a.level, ['announcements', i, 'level']);
  });
  if (s.calendar.truce) shifts(s.calendar.truce.snapback, ['calendar', 'truce', 'snapback']);
  s.history?.steps.forEach((st, i) => {
    shifts(st.shifts, ['history', 'steps', i, 'shifts']);
  });
  s.redLines.forEach((r, i) => {
    if (r.statement !== undefined && !statements.has(r.statement))
      unknownName(['redLines', i, 'statement'], 'a statement', r.statement, [...statements], 'value');
    if (r.instrument !== undefined && instrumentRef(r.instrument, ['redLines', i, 'instrument'], 'value')) {
      const inst = instruments.get(r.instrument);
      const top = (inst?.levels.length ?? 1) - 1;
      if (r.below === undefined) {
        err(
          ['redLines', i],
          `\`below\`: the level ${inst?.name ?? r.instrument} must not be lowered below`,
          'nothing',
        );
      } else if (r.below < 1 || r.below > top) {
        err(
          ['redLines', i, 'below'],
          `a level from 1 to ${top} (${inst?.name ?? r.instrument} cannot go below 0)`,
          String(r.below),
        );
      }
    }
  });

  // Dates.
  const span = scenarioSpan(s);
  const deadline = dayNumber(s.calendar.deadline);
  if (deadline <= span.start) {
    err(['calendar', 'deadline'], `a date after the start (${s.calendar.start})`, s.calendar.deadline);
  } else {
    const first = s.calendar.start;
    const last = dateOfDay(span.end - 1);
    const inside = (date: string, path: Path, historyMayPrecede = false) => {
      const d = dayNumber(date);
      if ((d < span.start && !historyMayPrecede) || d >= span.end) {
        const range = historyMayPrecede ? `a date up to ${last}` : `a date from ${first} to ${last}`;
        err(
          path,
          `${range} (the scenario's ${historyMayPrecede ? '' : 'start to the '}end of its epilogue)`,
          date,
        );
      }
    };
    s.events.forEach((ev, i) => {
      if (ev.date !== undefined) inside(ev.date, ['events', i, 'date']);
    });
    s.announcements.forEach((a, i) => {
      inside(a.date, ['announcements', i, 'date']);
    });
    s.history?.steps.forEach((st, i) => {
      inside(st.date, ['history', 'steps', i, 'date'], true);
    });
    if (s.calendar.summit) inside(s.calendar.summit.date, ['calendar', 'summit', 'date']);
    if (s.calendar.truce) inside(s.calendar.truce.end, ['calendar', 'truce', 'end']);
  }

  // Sources: every file cited is listed in `documents`.
  const cite = (v: unknown, path: Path) => {
    if (Array.isArray(v)) {
      for (const [i, x] of v.entries()) cite(x, [...path, i]);
    } else if (typeof v === 'object' && v !== null) {
      const o = v as Record<string, unknown>;
      if (typeof o.source === 'string' && !docFiles.has(o.source)) {
        err([...path, 'source'], 'a file listed in `documents`', `"${o.source}"`);
      }
      for (const k of Object.keys(o)) if (k !== 'source') cite(o[k], [...path, k]);
    }
  };
  for (const k of Object.keys(s) as (keyof Scenario)[]) if (k !== 'documents') cite(s[k], [k]);

  // An indicator nothing moves makes its weight meaningless.
  const moved = new Set<string>();
  const mark = (e: Effects) => {
    for (const [k, v] of Object.entries(e)) if (v !== 0) moved.add(k);
  };
  for (const inst of s.instruments) for (const lv of inst.levels) mark(lv.effects);
  for (const ev of s.events) mark(ev.effects);
  for (const c of s.commitments) mark(c.effects);
  for (const st of s.statements) mark(st.effects);
  for (const a of s.alternatives) mark(a.cost);
  mark(s.params.tension.crisisEffects);
  if (s.calendar.summit) {
    mark(s.calendar.summit.deal);
    mark(s.calendar.summit.noDeal);
  }
  for (const side of SIDES) moved.add(s.sides[side].politics); // concessions and readouts move it
  s.indicators.forEach((x, i) => {
    if (!moved.has(x.id) && x.drift === 0) {
      warn(
        ['indicators', i, 'id'],
        `something that moves "${x.id}" (an effect of a level, event, promise, statement or the summit, or a drift)`,
        'nothing: its weight only adds a constant',
      );
    }
  });
  return out;
}
