// `npm run history -- FILE [--seed S]` — plays a scenario's history script through the engine and
// prints the historical line turn by turn: each turn's date, tension and instrument levels, which
// script step was played when (or skipped, and why), anything the engine refused, and the line's
// score against the no-deal line. For an instructor writing a script: it shows what the debrief will
// set a class's game against. Exit status: 0 the script plays, 1 a step was refused or the file is
// broken, 2 the command was used wrongly.
import { dateOf, historyLine, levelLabel, rulesFor } from '../src/engine/index.ts';
import { loadScenarioFile } from './scenario-files.ts';

const USAGE = `usage: npm run history -- FILE [--seed S]

Plays the scenario's history script (history.script) through the engine and prints the historical
line: the levels turn by turn, when each step was played, and the line's score.`;

function main(argv: readonly string[]): number {
  let seed = 'history';
  const files: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? '';
    if (a === '--seed') seed = argv[++i] ?? seed;
    else if (a.startsWith('--seed=')) seed = a.slice('--seed='.length);
    else if (a === '-h' || a === '--help') {
      console.log(USAGE);
      return 0;
    } else if (a.startsWith('-')) {
      console.error(`history: unknown option ${a}\n\n${USAGE}`);
      return 2;
    } else files.push(a);
  }
  if (files.length !== 1) {
    console.error(`history: give one scenario file\n\n${USAGE}`);
    return 2;
  }
  let scenario: ReturnType<typeof loadScenarioFile>['scenario'];
  try {
    scenario = loadScenarioFile(files[0]!).scenario;
  } catch (e) {
    console.log(String(e instanceof Error ? e.message : e));
    return 1;
  }
  const rules = rulesFor(scenario);
  const h = historyLine(scenario, seed);
  const ids = scenario.instruments.map((i) => i.id);
  console.log(`${scenario.meta.title}: the historical line (seed "${seed}")\n`);
  h.turns.forEach((s, t) => {
    const when = t < h.turns.length - 1 ? `turn ${t + 1}, ${dateOf(rules, t)}` : `end, ${dateOf(rules, t)}`;
    const levels = ids.map((id) => `${id} ${levelLabel(scenario, s, id)}`).join(' · ');
    const pending = Object.entries(s.world.announcements)
      .map(
        ([id, a]) =>
          ` · announced: ${id} ${levelLabel(scenario, { ...s, world: { ...s.world, levels: { ...s.world.levels, [id]: a.level } } }, id)} from ${dateOf(rules, a.turn)}`,
      )
      .join('');
    console.log(
      `${when} · tension ${(s.world.tension / 10).toFixed(1)}${s.world.collapsed ? ' · COLLAPSED' : ''}\n  ${levels}${pending}`,
    );
    const played = h.steps.filter((st) => st.turn === t && st.status !== 'before');
    for (const st of played) console.log(`  ${st.status}: ${st.id} (${st.date})`);
  });
  const before = h.steps.filter((st) => st.status === 'before').length;
  const other = h.steps.filter((st) => st.turn === null && st.status !== 'before');
  console.log(`\n${before} step(s) dated before the start are part of the opening.`);
  if (other.length > 0) console.log(`Not played: ${other.map((st) => `${st.id} (${st.status})`).join(', ')}`);
  for (const side of ['us', 'cn'] as const) {
    const sc = h.score.sides[side];
    console.log(
      `${scenario.sides[side].name}: score ${sc.score} (${sc.raw} utility points over standing still)`,
    );
  }
  if (h.problems.length > 0) {
    console.log(`\n${h.problems.length} step(s) refused:`);
    for (const p of h.problems) console.log(`  ${p}`);
    return 1;
  }
  return 0;
}

process.exitCode = main(process.argv.slice(2));
