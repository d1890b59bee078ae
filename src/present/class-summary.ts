// Class results: one game's summary as JSON and as a CSV row, with the columns an instructor sorts a
// class's games by. A game file is (scenario id and content hash, seed, setup, moves); its summary is
// computed by replaying it and scoring it on the one score scale. Pure: no DOM.
import type { GameRecord, GameState, Scenario, Side } from '../engine/index.ts';
import { replay, score } from '../engine/index.ts';
import { clauseText } from './text.ts';

export const SUMMARY_COLUMNS = [
  'scenario',
  'side', // the side a person played: us, cn, both (hot-seat) or none (computer against computer)
  'mode', // solo, hotseat or computer
  'aiLevel',
  'seed',
  'winner', // us, cn or tie: the higher score
  'scoreUs', // the score: 0 standing still, 100 opening day's conditions held all game (objectives in)
  'scoreCn',
  'rawUs', // the detail: summed utility over the stand-still line, utility points
  'rawCn',
  'objectivesUs', // met / of
  'objectivesCn',
  'deal', // yes or no: a package in force at the end
  'dealTerms',
  'turns',
] as const;
export type SummaryColumn = (typeof SUMMARY_COLUMNS)[number];

/** What the class table calls each column (the CSV keeps the short names above). */
export const COLUMN_LABELS: Record<SummaryColumn, string> = {
  scenario: 'Scenario',
  side: 'Played as',
  mode: 'Mode',
  aiLevel: 'AI level',
  seed: 'Seed',
  winner: 'Winner',
  scoreUs: 'US score',
  scoreCn: 'China score',
  rawUs: 'US utility over standing still',
  rawCn: 'China utility over standing still',
  objectivesUs: 'US objectives',
  objectivesCn: 'China objectives',
  deal: 'Deal',
  dealTerms: 'Deal terms',
  turns: 'Turns',
};
export type GameSummary = Record<SummaryColumn, string | number>;

const humans = (r: GameRecord): Side[] =>
  (['us', 'cn'] as const).filter((s) => r.setup.seats[s].kind === 'human');

/** The summary of a game already replayed to `state`. */
export function summarise(scenario: Scenario, record: GameRecord, state: GameState): GameSummary {
  const sc = score(scenario, state);
  const people = humans(record);
  const ai = (['us', 'cn'] as const).map((s) => record.setup.seats[s]).find((seat) => seat.kind === 'ai');
  const met = (side: Side) =>
    `${sc.sides[side].objectives.filter((o) => o.met).length}/${sc.sides[side].objectives.length}`;
  const terms = state.world.packages
    .filter((p) => p.status === 'active')
    .flatMap((p) => p.clauses.map((c) => clauseText(scenario, c)));
  return {
    scenario: scenario.id,
    side: people.length === 2 ? 'both' : (people[0] ?? 'none'),
    mode: people.length === 2 ? 'hotseat' : people.length === 1 ? 'solo' : 'computer',
    aiLevel: ai?.kind === 'ai' ? ai.level : '',
    seed: record.seed,
    winner: sc.winner,
    scoreUs: sc.sides.us.score,
    scoreCn: sc.sides.cn.score,
    rawUs: sc.sides.us.raw,
    rawCn: sc.sides.cn.raw,
    objectivesUs: met('us'),
    objectivesCn: met('cn'),
    deal: sc.deal ? 'yes' : 'no',
    dealTerms: terms.join('; '),
    turns: state.round.turn,
  };
}

/** Replays a game file and summarises it, or says why it cannot. */
export function summariseRecord(scenario: Scenario, record: GameRecord): GameSummary | { reason: string } {
  if (record.scenarioId !== scenario.id) return { reason: `it is a game of “${record.scenarioId}”` };
  const r = replay(scenario, record.seed, record.setup, record.moves);
  if (!r.ok) return { reason: `move ${r.at + 1} is refused: ${r.reason}` };
  return summarise(scenario, record, r.state);
}

/** A CSV cell: quoted when it must be, and never read as a formula by a spreadsheet. */
function cell(v: string | number): string {
  let s = String(v);
  if (/^[=+\-@\t\r]/.test(s) && typeof v === 'string') s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/** The class's games as one CSV: a header row with the documented columns, then a row a game. */
export function summariesCsv(rows: readonly GameSummary[]): string {
  const lines = [SUMMARY_COLUMNS.join(',')];
  for (const row of rows) lines.push(SUMMARY_COLUMNS.map((c) => cell(row[c])).join(','));
  return `${lines.join('\r\n')}\r\n`;
}
