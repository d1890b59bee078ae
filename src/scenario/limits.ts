// The limits a scenario must stay within, each with its reason, and the check that enforces them on
// a file's merged value before the schema sees it: a game a class can finish, lists and texts of a
// size a person writes, numbers the engine can add without overflowing. The reader's own limits
// (file size, nesting, aliases) are in parse-common.ts; `LIMITS` lists them all for the guide's
// table, which a test keeps in step with these numbers.
import { dayNumber } from '../engine/rules.ts';
import { describeValue, type Finding, type Path, quoteName } from './diagnostic.ts';
import { MAX_ALIASES, MAX_BYTES, MAX_DEPTH, MAX_LINES, MAX_NODES } from './parse-common.ts';

/** Turns in all (talks and epilogue): a class plays a turn in a few minutes. */
export const MAX_TURNS = 60;
/** Days from the start to the end of the epilogue: three years. */
export const MAX_SPAN_DAYS = 1096;
/** Characters in any one text (the longest field, a briefing, allows 6,000). */
export const MAX_TEXT = 6000;
/** Characters in a field name or a key of a map (ids are at most 64). */
export const MAX_NAME = 64;
/** The largest number, either way: points, levels and shares are far smaller. */
export const MAX_NUMBER = 1_000_000;
/** Entries in a list or map not named in `LIST_LIMITS` (an effects map, an event's shifts). */
export const MAX_ENTRIES = 100;
/** Problems listed for one check; the rest are counted. */
export const MAX_REPORTED = 50;

/** The most entries of the named lists, by path (`*` for any index or side), with the reason. */
const LIST_GROUPS: readonly { paths: readonly string[]; max: number; why: string }[] = [
  {
    paths: [
      'indicators',
      'instruments',
      'alternatives',
      'commitments',
      'statements',
      'announcements',
      'objectives',
      'redLines',
    ],
    max: 40,
    why: 'what a player can weigh in a turn; the shipped scenarios have at most 12',
  },
  {
    paths: ['events', 'history.steps', 'history.script'],
    max: 200,
    why: 'the whole of 2025 has 29 events and 29 scripted moves',
  },
  { paths: ['documents'], max: 100, why: 'the shipped scenarios cite 5' },
  {
    paths: ['profiles.*.rules', 'briefings.*.sources', 'history.outcome.terms'],
    max: 50,
    why: 'a profile has about a dozen rules, a briefing fewer than ten sources',
  },
  { paths: ['profiles.*.templates'], max: 20, why: 'a profile opens from one to three' },
  { paths: ['profiles'], max: 10, why: 'one or two a side' },
];

export const LIST_LIMITS: Readonly<Record<string, number>> = Object.fromEntries(
  LIST_GROUPS.flatMap((g) => g.paths.map((p) => [p, g.max])),
);

const n = (v: number) => v.toLocaleString('en-US');

/** Every limit, for the guide's table: what is limited, the number, and why. */
export const LIMITS: readonly { what: string; limit: string; why: string }[] = [
  {
    what: 'File size',
    limit: `${n(MAX_BYTES / (1024 * 1024))} MB`,
    why: 'the largest shipped file is 80 KB',
  },
  {
    what: 'Turns (talks and epilogue)',
    limit: n(MAX_TURNS),
    why: 'a game a class can finish; the longest shipped scenario has 20',
  },
  {
    what: 'Calendar span (start to the end of the epilogue)',
    limit: `${n(MAX_SPAN_DAYS)} days`,
    why: 'three years; the longest shipped scenario spans 300 days',
  },
  ...LIST_GROUPS.map((g) => ({
    what: `Entries in ${g.paths.map((p) => `\`${p}\``).join(', ')}`,
    limit: g.paths.length > 1 ? `${n(g.max)} each` : n(g.max),
    why: g.why,
  })),
  {
    what: 'Entries in any other list or map',
    limit: n(MAX_ENTRIES),
    why: 'effects, shifts and gains name a few indicators or instruments',
  },
  {
    what: 'Characters in a text',
    limit: n(MAX_TEXT),
    why: "a briefing's length; most fields allow less (the tables above)",
  },
  {
    what: 'Characters in a field name or key',
    limit: n(MAX_NAME),
    why: 'ids are at most 64 characters',
  },
  {
    what: 'Size of a number',
    limit: `−${n(MAX_NUMBER)} to ${n(MAX_NUMBER)}, finite`,
    why: 'no NaN or infinity; sums stay exact',
  },
  { what: 'Lines', limit: n(MAX_LINES), why: 'a long scenario has a few thousand' },
  { what: 'Levels of nesting', limit: n(MAX_DEPTH), why: 'a scenario needs about eight' },
  { what: 'YAML aliases (`*name`)', limit: n(MAX_ALIASES), why: 'an alias bomb stops early' },
  { what: 'Values in one file', limit: n(MAX_NODES), why: 'aliases expanded' },
  {
    what: 'Problems listed',
    limit: n(MAX_REPORTED),
    why: 'the rest are counted: "and N more of the same kinds"',
  },
];

const isMap = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** `['profiles', 0, 'rules']` → `profiles.*.rules`; sides count as `*` too. */
function pattern(path: Path): string {
  return path.map((s) => (typeof s === 'number' || s === 'us' || s === 'cn' ? '*' : s)).join('.');
}

/** The most entries of the list or map at `path` (an own entry of the table: never `constructor`). */
function limitOf(path: Path): number {
  const key = pattern(path);
  return Object.hasOwn(LIST_LIMITS, key) ? (LIST_LIMITS[key] ?? MAX_ENTRIES) : MAX_ENTRIES;
}

const plural = (count: number, word: string) => `${n(count)} ${word}${count === 1 ? '' : 's'}`;

/** The value's size limits: numbers, texts, names, lists and maps, at every depth. */
function checkSizes(root: unknown, out: Finding[]): void {
  const err = (path: Path, expected: string, found: string, at?: 'key') =>
    out.push({ severity: 'error', path, expected, found, ...(at ? { at } : {}) });
  const walk = (v: unknown, path: Path): void => {
    if (typeof v === 'number') {
      if (!Number.isFinite(v)) err(path, 'a finite number', describeValue(v));
      else if (Math.abs(v) > MAX_NUMBER)
        err(path, `a number from −${n(MAX_NUMBER)} to ${n(MAX_NUMBER)}`, describeValue(v));
    } else if (typeof v === 'string') {
      if (v.length > MAX_TEXT)
        err(path, `text of at most ${n(MAX_TEXT)} characters`, `text of ${n([...v].length)} characters`);
    } else if (Array.isArray(v)) {
      const max = limitOf(path);
      if (v.length > max) {
        err(path, `a list of at most ${n(max)} entries`, `${n(v.length)} entries`);
        return; // its items would only repeat the point
      }
      v.forEach((x, i) => {
        walk(x, [...path, i]);
      });
    } else if (isMap(v)) {
      const keys = Object.keys(v);
      const max = limitOf(path);
      if (keys.length > max) {
        err(path, `a map of at most ${n(max)} fields`, `${n(keys.length)} fields`);
        return;
      }
      for (const k of keys) {
        if (k.length > MAX_NAME)
          err([...path, k], `a field name of at most ${MAX_NAME} characters`, quoteName(k), 'key');
        else walk(v[k], [...path, k]);
      }
    }
  };
  walk(root, []);
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const realDate = (v: unknown): v is string =>
  typeof v === 'string' && DATE.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`));
const whole = (v: unknown, min: number): v is number => Number.isInteger(v) && (v as number) >= min;

/**
 * A game a class can finish: at most `MAX_TURNS` turns and `MAX_SPAN_DAYS` days. Worked out from
 * the calendar's fields as written (when they are of the right kind; the schema reports the rest),
 * in constant time whatever the dates, so a calendar to the year 9999 is refused at once.
 */
function checkCalendar(root: unknown, out: Finding[]): void {
  const cal = isMap(root) ? root.calendar : undefined;
  if (!isMap(cal)) return;
  const { start, deadline, turnDays, epilogueTurns } = cal;
  if (!realDate(start) || !realDate(deadline) || !whole(turnDays, 1)) return;
  const first = dayNumber(start);
  const last = dayNumber(deadline);
  if (last <= first) return; // the cross-reference checks say so
  const epilogue = whole(epilogueTurns, 0) ? epilogueTurns : 0;
  const talks = Math.max(1, Math.ceil((last - first) / turnDays));
  const turns = talks + epilogue;
  const days = turns * turnDays;
  if (turns > MAX_TURNS) {
    out.push({
      severity: 'error',
      path: ['calendar', 'deadline'],
      expected: `a game of at most ${MAX_TURNS} turns, one a class can finish (fewer or longer turns, or an earlier deadline)`,
      found: `${plural(turns, 'turn')}: ${plural(talks, 'turn')} of ${plural(turnDays, 'day')} from ${start} to ${deadline}${epilogue > 0 ? `, then ${n(epilogue)} more` : ''}`,
    });
  } else if (days > MAX_SPAN_DAYS) {
    out.push({
      severity: 'error',
      path: ['calendar', 'deadline'],
      expected: `a calendar of at most ${n(MAX_SPAN_DAYS)} days (three years) from the start to the end of the epilogue`,
      found: `${plural(days, 'day')}`,
    });
  }
}

/** Findings for every limit a file's merged value oversteps, located by field path. */
export function checkLimits(root: unknown): Finding[] {
  const out: Finding[] = [];
  checkSizes(root, out);
  checkCalendar(root, out);
  return out;
}
