// How often the games used each part of a scenario: each instrument moved (a lever), each
// alternative built, each item offered in a package (a clause), each event fired — as the share of
// games that used it at least once — and the parts never used, which an author should look at (a
// lever no one pulls, an event that never fires). Pure: the same games give the same lines.
import type { Scenario } from '../engine/index.ts';
import type { GameSummary } from './match.ts';

export interface UsageRow {
  readonly kind: 'instrument' | 'alternative' | 'clause' | 'event';
  readonly id: string;
  readonly share: number; // of games that used it at least once
}

/** Every lever, alternative, clause item and event of the scenario, with the share of games using it. */
export function usage(scenario: Scenario, games: readonly GameSummary[]): UsageRow[] {
  const count = new Map<string, number>();
  for (const g of games) for (const k of g.used ?? []) count.set(k, (count.get(k) ?? 0) + 1);
  const n = Math.max(1, games.length);
  const row = (kind: UsageRow['kind'], key: string, id: string): UsageRow => ({
    kind,
    id,
    share: Math.round(((count.get(`${key} ${id}`) ?? 0) / n) * 1000) / 1000,
  });
  return [
    ...scenario.instruments.map((i) => row('instrument', 'instrument', i.id)),
    ...scenario.alternatives.map((a) => row('alternative', 'alternative', a.id)),
    // A clause names an instrument lowered, a commitment or pledge, or a statement.
    ...scenario.instruments.map((i) => row('clause', 'clause', i.id)),
    ...scenario.commitments.map((c) => row('clause', 'clause', c.id)),
    ...scenario.statements.map((s) => row('clause', 'clause', s.id)),
    ...scenario.events.map((e) => row('event', 'event', e.id)),
  ];
}

const NAMES: Record<UsageRow['kind'], string> = {
  instrument: 'levers (instruments moved)',
  alternative: 'alternatives built',
  clause: 'clauses (items offered in a package)',
  event: 'events fired',
};

/** The usage lines of the simulator's text report. */
export function formatUsage(rows: readonly UsageRow[]): string {
  const lines = ['used in games (share of games; "never" marks what no game used)'];
  for (const kind of ['instrument', 'alternative', 'clause', 'event'] as const) {
    const mine = rows.filter((r) => r.kind === kind);
    if (mine.length === 0) continue;
    lines.push(`  ${NAMES[kind]}`);
    for (const r of mine)
      lines.push(`    ${r.share === 0 ? ' never' : `${(r.share * 100).toFixed(1).padStart(5)}%`}  ${r.id}`);
  }
  const never = rows.filter((r) => r.share === 0);
  lines.push(
    never.length === 0
      ? '  every part was used'
      : `  never used: ${never.map((r) => `${r.kind} ${r.id}`).join(', ')}`,
  );
  return `${lines.join('\n')}\n`;
}
