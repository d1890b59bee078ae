// Conditions that can hold: a warning for each event that can never fire by itself, and for each
// condition no state of the game can satisfy. An event never fires when its chance is 0, when its
// condition's bounds contradict each other or the indicator's range ("above 70 and below 30"), or
// when it waits (through `event:` conditions) for itself or for events that never fire by
// themselves — a circle of events each waiting for the next. Events with no trigger at all are
// fired by the instructor, so an event waiting for one of them can fire. Warnings, not errors: the
// instructor may still fire such an event by hand.
import type { Condition, Scenario } from '../model/schema.ts';
import { type Finding, type Path, showTenths } from './diagnostic.ts';

/** Why the bounds of a condition can never hold together, or null. Values in tenths. */
function boundsProblem(c: Condition, s: Scenario): string | null {
  const range = (
    what: string,
    above: number | undefined,
    below: number | undefined,
    min: number,
    max: number,
  ): string | null => {
    if (above !== undefined && below !== undefined && above >= below)
      return `above ${showTenths(above)} and below ${showTenths(below)} on ${what}, which no value is`;
    if (above !== undefined && above >= max)
      return `above ${showTenths(above)} on ${what}, which never goes above ${showTenths(max)}`;
    if (below !== undefined && below <= min)
      return `below ${showTenths(below)} on ${what}, which never goes below ${showTenths(min)}`;
    return null;
  };
  if ('indicator' in c) {
    const x = s.indicators.find((i) => i.id === c.indicator);
    return x ? range(`"${c.indicator}"`, c.above, c.below, x.min, x.max) : null;
  }
  if ('tension' in c) return range('tension', c.tension.above, c.tension.below, 0, s.params.tension.max);
  if ('instrument' in c && c.atLeast !== undefined && c.atMost !== undefined && c.atLeast > c.atMost)
    return `at least level ${c.atLeast} and at most level ${c.atMost} of "${c.instrument}", which no level is`;
  return null;
}

const plainTrigger = (e: Scenario['events'][number]) =>
  e.date === undefined && e.condition === undefined && e.chance === undefined;

export function checkConditions(s: Scenario): Finding[] {
  const out: Finding[] = [];
  const warn = (path: Path, expected: string, found: string) =>
    out.push({ severity: 'warning', path, expected, found });
  const byId = new Map(s.events.map((e, i) => [e.id, { e, i }] as const));

  // The events that can happen: fired by the instructor (no trigger), then, round by round, those
  // whose own trigger can hold given the events found so far.
  const happens = new Set(s.events.filter(plainTrigger).map((e) => e.id));
  const blocked = (e: Scenario['events'][number]): boolean => {
    if (e.chance === 0) return true;
    const c = e.condition;
    if (!c) return false;
    if (boundsProblem(c, s) !== null) return true;
    return 'event' in c && (c.event === e.id || (byId.has(c.event) && !happens.has(c.event)));
  };
  for (let changed = true; changed; ) {
    changed = false;
    for (const e of s.events) {
      if (!happens.has(e.id) && !blocked(e)) {
        happens.add(e.id);
        changed = true;
      }
    }
  }

  /** The chain of events `id` waits for, up to the first one seen twice or one blocked on its own. */
  const chain = (id: string): string[] => {
    const seen: string[] = [];
    let cur: string | undefined = id;
    while (cur !== undefined && !seen.includes(cur)) {
      seen.push(cur);
      const c: Condition | undefined = byId.get(cur)?.e.condition;
      cur = c && 'event' in c ? c.event : undefined;
      if (cur !== undefined && seen.includes(cur)) seen.push(cur);
    }
    return seen;
  };

  s.events.forEach((e, i) => {
    if (happens.has(e.id) || plainTrigger(e)) return;
    const at: Path = ['events', i];
    const never = `otherwise the event "${e.id}" never fires by itself`;
    const expected = `a condition that can hold (${never})`;
    if (e.chance === 0) {
      warn([...at, 'chance'], `a \`chance\` above 0 (${never})`, '0');
      return;
    }
    const c = e.condition;
    if (!c) return;
    const bounds = boundsProblem(c, s);
    if (bounds !== null) {
      warn([...at, 'condition'], expected, bounds);
      return;
    }
    if (!('event' in c)) return;
    if (c.event === e.id) {
      warn([...at, 'condition', 'event'], expected, `"${e.id}" waits for itself to have fired`);
      return;
    }
    const links = chain(e.id).map((x) => `"${x}"`);
    warn(
      [...at, 'condition', 'event'],
      expected,
      links.at(-1) === links[0]
        ? `a circle of events, each waiting for the next to have fired: ${links.join(' → ')}`
        : `it waits for "${c.event}", which never fires by itself (${links.join(' → ')})`,
    );
  });

  // Conditions elsewhere (promises, objectives): bounds that never hold, events that never fire.
  const elsewhere = (c: Condition, path: Path, what: string) => {
    const expected = `a condition that can hold (otherwise ${what})`;
    const bounds = boundsProblem(c, s);
    if (bounds !== null) warn(path, expected, bounds);
    else if ('event' in c && byId.has(c.event) && !happens.has(c.event))
      warn([...path, 'event'], expected, `"${c.event}", an event that never fires by itself`);
  };
  s.commitments.forEach((c, i) => {
    if (c.condition)
      elsewhere(
        c.condition,
        ['commitments', i, 'condition'],
        `the promise "${c.id}" is never owed when tied to it`,
      );
  });
  s.objectives.forEach((o, i) => {
    elsewhere(o.condition, ['objectives', i, 'condition'], `the objective "${o.id}" is never met`);
  });
  return out;
}
