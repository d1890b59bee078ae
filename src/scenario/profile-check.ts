// The meaning checks of a scenario's AI profiles, which the schema alone cannot make: every id a
// profile names (instruments, alternatives, promises, statements, indicators, events) exists, a
// template's levels are in range and its promises are of the right kind, and rule and template ids
// are unique across profiles (a reason code names one of them). Each problem comes with its path in
// the scenario, as the loader's diagnostics do. One is a warning, not an error: a profile whose
// acceptance threshold never falls below its whole target (`thetaStart` and `thetaFloor` both 1 or
// more) accepts only an offer that gives it everything it aims at, which in play is almost never —
// a side that never settles and never meets a student halfway.

import { DEADLINE_MARGIN } from '../model/deadline.ts';
import type { AiCondition, ClauseMatch, MoveMatch } from '../model/profile-schema.ts';
import type { Scenario } from '../model/schema.ts';
import { thresholdsAt } from '../model/thresholds.ts';

export interface ProfileProblem {
  readonly path: readonly (string | number)[];
  readonly message: string;
  /** An error unless said: a warning loads, and `npm run check` prints it. */
  readonly severity?: 'warning';
}

/** Every problem in a scenario's profiles (none: they are sound). */
export function checkProfiles(sc: Scenario): ProfileProblem[] {
  const out: ProfileProblem[] = [];
  const ids = {
    instrument: new Set(sc.instruments.map((i) => i.id)),
    indicator: new Set(sc.indicators.map((i) => i.id)),
    alternative: new Set(sc.alternatives.map((a) => a.id)),
    commitment: new Set(sc.commitments.map((c) => c.id)),
    statement: new Set(sc.statements.map((s) => s.id)),
    event: new Set(sc.events.map((e) => e.id)),
  };
  const known = (kind: keyof typeof ids, id: string, path: (string | number)[]) => {
    if (!ids[kind].has(id)) out.push({ path, message: `expected the id of a ${kind}, found "${id}"` });
  };
  const clauseMatch = (c: ClauseMatch, path: (string | number)[]) => {
    if (c.id === undefined) return;
    const any = ['instrument', 'commitment', 'statement'] as const;
    const kinds =
      c.kind === 'instrument'
        ? ['instrument']
        : c.kind === 'statement'
          ? ['statement']
          : c.kind
            ? ['commitment']
            : any;
    if (!kinds.some((k) => ids[k as keyof typeof ids].has(c.id!)))
      out.push({
        path: [...path, 'id'],
        message: `expected the id of a clause's ${c.kind ?? 'instrument, promise or statement'}, found "${c.id}"`,
      });
  };
  const moveMatch = (m: MoveMatch, path: (string | number)[]) => {
    if (m.instrument !== undefined) known('instrument', m.instrument, [...path, 'instrument']);
    if (m.alternative !== undefined) known('alternative', m.alternative, [...path, 'alternative']);
    if (m.contains !== undefined) {
      const list = Array.isArray(m.contains) ? m.contains : [m.contains];
      list.forEach((c, i) => {
        clauseMatch(c, Array.isArray(m.contains) ? [...path, 'contains', i] : [...path, 'contains']);
      });
    }
  };
  const condition = (c: AiCondition, path: (string | number)[]) => {
    if ('indicator' in c) known('indicator', c.indicator, [...path, 'indicator']);
    else if ('instrument' in c) known('instrument', c.instrument, [...path, 'instrument']);
    else if ('statement' in c) known('statement', c.statement, [...path, 'statement']);
    else if ('event' in c) known('event', c.event, [...path, 'event']);
    else if ('commitment' in c) known('commitment', c.commitment, [...path, 'commitment']);
    else if ('proposal' in c) clauseMatch(c.proposal, [...path, 'proposal']);
  };
  const profileIds = new Set<string>();
  const ruleIds = new Set<string>();
  const templateIds = new Set<string>();
  sc.profiles.forEach((p, pi) => {
    const at = ['profiles', pi];
    if (profileIds.has(p.id))
      out.push({ path: [...at, 'id'], message: `expected a profile id used once, found "${p.id}" again` });
    profileIds.add(p.id);
    if (p.id === 'random' || p.id === 'plain')
      out.push({ path: [...at, 'id'], message: `expected a profile id other than the built-in "${p.id}"` });
    // its thresholds as written, and as each level that restates them plays them
    for (const level of [null, 1, 2, 3] as const) {
      const th = level === null ? p.params : thresholdsAt(p, level);
      if (!th || Math.min(th.thetaStart, th.thetaFloor) < 1) continue;
      const own = level === null ? undefined : p.levels?.[`${level}`];
      out.push({
        path: own
          ? [...at, 'levels', `${level}`, own.thetaFloor !== undefined ? 'thetaFloor' : 'thetaStart']
          : [...at, 'params', 'thetaFloor'],
        message: `expected a threshold that falls below the whole target by the deadline (thetaFloor under 1), so that the profile can accept a fair offer, found thetaFloor ${th.thetaFloor} (with thetaStart ${th.thetaStart})${level === null ? '' : ` at level ${level}`}: it accepts less than all it aims at only in its last talks before a deadline, and then only what the engine projects at least ${DEADLINE_MARGIN} points above holding still`,
        severity: 'warning',
      });
    }
    p.rules.forEach((r, ri) => {
      const rp = [...at, 'rules', ri];
      if (ruleIds.has(r.id))
        out.push({
          path: [...rp, 'id'],
          message: `expected a rule id used once in the scenario, found "${r.id}" again`,
        });
      ruleIds.add(r.id);
      r.when.forEach((c, ci) => {
        condition(c, [...rp, 'when', ci]);
      });
      for (const k of ['prefer', 'avoid', 'never'] as const) {
        const m = r[k];
        if (m) moveMatch(m, [...rp, k]);
      }
    });
    p.templates.forEach((t, ti) => {
      const tp = [...at, 'templates', ti];
      if (templateIds.has(t.id))
        out.push({
          path: [...tp, 'id'],
          message: `expected a template id used once in the scenario, found "${t.id}" again`,
        });
      templateIds.add(t.id);
      t.clauses.forEach((c, ci) => {
        const cp = [...tp, 'clauses', ci];
        if ('instrument' in c) {
          const inst = sc.instruments.find((i) => i.id === c.instrument);
          if (!inst) known('instrument', c.instrument, [...cp, 'instrument']);
          else if (c.level >= inst.levels.length)
            out.push({
              path: [...cp, 'level'],
              message: `expected a level of ${inst.id} from 0 to ${inst.levels.length - 1}, found ${c.level}`,
            });
        } else if ('statement' in c) known('statement', c.statement, [...cp, 'statement']);
        else {
          const id = 'pledge' in c ? c.pledge : c.commitment;
          const item = sc.commitments.find((x) => x.id === id);
          const want = 'pledge' in c ? 'purchase' : 'structural';
          if (!item) known('commitment', id, [...cp, 'pledge' in c ? 'pledge' : 'commitment']);
          else if (item.kind !== want)
            out.push({
              path: cp,
              message: `expected a ${want} promise, found ${item.id}, a ${item.kind} one`,
            });
          else if (c.tied && !item.condition)
            out.push({
              path: [...cp, 'tied'],
              message: `expected a promise with a condition to tie, found ${item.id} without one`,
            });
        }
      });
    });
  });
  return out;
}
