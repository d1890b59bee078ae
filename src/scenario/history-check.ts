// Meaning checks of a scenario's history script (its schema is src/model/history-schema.ts): every
// step id unique, every instrument, alternative, promise and statement named exists, levels on
// their ladders, orders on the ordering side's own instruments.
import { dayNumber } from '../engine/rules.ts';
import type { HistoryScript } from '../model/history-schema.ts';
import type { Scenario } from '../model/schema.ts';
import { scenarioSpan } from './crossref.ts';
import type { Finding, Path } from './diagnostic.ts';

/**
 * Meaning checks of a scenario's script: unique step ids, and every instrument, alternative,
 * promise and statement named exists, with levels on its ladder and orders on the ordering side's
 * own instruments. Only the steps inside the scenario's calendar are checked: a world's script
 * covers the year, and each opening plays (and may `remove`) only the steps inside its own span.
 */
export function checkHistoryScript(s: Scenario): Finding[] {
  const out: Finding[] = [];
  const script = (s.history?.script ?? []) as HistoryScript;
  const err = (path: Path, expected: string, found: string) =>
    out.push({ severity: 'error', path, expected, found });
  const instruments = new Map(s.instruments.map((x) => [x.id, x]));
  const alternatives = new Map(s.alternatives.map((x) => [x.id, x]));
  const commitments = new Map(s.commitments.map((x) => [x.id, x]));
  const statements = new Set(s.statements.map((x) => x.id));
  const level = (id: string, lv: number, path: Path, owner?: string) => {
    const inst = instruments.get(id);
    if (!inst) {
      err([...path, 'instrument'], 'the id of an instrument', `"${id}", which no instrument has`);
      return;
    }
    if (owner !== undefined && inst.owner !== owner)
      err([...path, 'instrument'], `an instrument that ${owner} owns`, `"${id}", owned by ${inst.owner}`);
    if (lv > inst.levels.length - 1)
      err([...path, 'level'], `a level from 0 to ${inst.levels.length - 1} of ${inst.name}`, String(lv));
  };
  const span = scenarioSpan(s);
  const seen = new Map<string, number>();
  script.forEach((step, i) => {
    const at: Path = ['history', 'script', i];
    const first = seen.get(step.id);
    if (first !== undefined)
      err([...at, 'id'], 'an id used once in the script', `"${step.id}", also at script[${first}]`);
    else seen.set(step.id, i);
    const day = dayNumber(step.date);
    if (day < span.start || day >= span.end) return; // not played here: checked where it is
    step.orders?.forEach((o, j) => {
      const p: Path = [...at, 'orders', j];
      if (o.kind === 'shift' || o.kind === 'announce') level(o.instrument, o.level, p, step.side);
      else if (o.kind === 'withdraw') level(o.instrument, 0, p, step.side);
      else if (o.kind === 'build') {
        const alt = alternatives.get(o.alternative);
        if (!alt)
          err([...p, 'alternative'], 'the id of an alternative', `"${o.alternative}", which none has`);
        else if (alt.side !== step.side)
          err([...p, 'alternative'], `an alternative of ${step.side}`, `"${o.alternative}", of ${alt.side}`);
      }
      if (o.kind === 'announce' && o.date < step.date)
        err([...p, 'date'], `a date on or after the step's own (${step.date})`, o.date);
    });
    step.package?.clauses.forEach((c, j) => {
      const p: Path = [...at, 'package', 'clauses', j];
      if (c.kind === 'instrument') level(c.instrument, c.level, p);
      else if (c.kind === 'statement') {
        if (!statements.has(c.statement))
          err([...p, 'statement'], 'the id of a statement', `"${c.statement}", which none has`);
      } else {
        const item = commitments.get(c.item);
        const kind = c.kind === 'pledge' ? 'purchase' : 'structural';
        if (!item) err([...p, 'item'], 'the id of a commitment', `"${c.item}", which none has`);
        else if (item.kind !== kind)
          err([...p, 'kind'], `a clause kind that fits a ${item.kind} commitment`, c.kind);
      }
    });
  });
  return out;
}
