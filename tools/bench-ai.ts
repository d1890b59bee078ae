// npm run bench:ai — how fast the scripted opponent decides, and how long the simulator takes
// (`-- --decisions`: the decisions only).
// 1. One AI decision at the hardest level: the median, 90th and 99th percentile time of chooseMove
//    over the states of recorded games of each shipped scenario, hardest level against hardest
//    level, each state decided afresh (its memo of the game's standing cleared by deciding other
//    states in between); then the same over all six scenarios together.
// 2. `npm run simulate` of 1,000 AI-against-AI games of road-to-busan at the default level, no-deal
//    lines and scoring included, timed from the outside as a user runs it.
import { execFileSync } from 'node:child_process';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';

process.env.NODE_ENV ??= 'production';

const { applyMove, newGame } = await import('../src/engine/index.ts');
const { chooseMove, defaultSeat, AI_LEVELS } = await import('../src/ai/index.ts');
const { setupFor } = await import('../src/ai/match.ts');
const { nextToMove } = await import('../src/ai/rollout.ts');
const { loadScenarioFile, shippedDir, shippedOpenings } = await import('./scenario-files.ts');
type GameState = import('../src/engine/index.ts').GameState;
type Scenario = import('../src/engine/index.ts').Scenario;
type AiSeat = import('../src/ai/index.ts').AiSeat;
type Side = 'us' | 'cn';

const root = join(import.meta.dirname, '..');
const file = join(root, 'scenarios', 'road-to-busan.yaml');
const top = AI_LEVELS[AI_LEVELS.length - 1]!;
const hardest = (scenario: Scenario) => ({
  us: { ...defaultSeat(scenario, 'us'), level: top },
  cn: { ...defaultSeat(scenario, 'cn'), level: top },
});

/** Every state in which a side decided, from a few whole games. */
function record(
  scenario: Scenario,
  seats: Record<Side, AiSeat>,
  games: number,
): { s: GameState; side: Side }[] {
  const out: { s: GameState; side: Side }[] = [];
  for (let g = 0; g < games; g++) {
    let s = newGame(scenario, `bench-${g}`, setupFor(seats));
    const asked = new Set<string>();
    while (s.round.phase !== 'over') {
      const side = nextToMove(s, asked);
      out.push({ s, side });
      const r = applyMove(scenario, s, chooseMove(scenario, s, side, seats[side]));
      if (!r.ok) throw new Error(`the AI chose an illegal move: ${r.reason}`);
      s = r.state;
    }
  }
  return out;
}

const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.floor(q * (xs.length - 1))]!;

const ms = (x: number) => `${x.toFixed(2)} ms`;
const line = (times: number[]) =>
  `median ${ms(quantile(times, 0.5))}   90th percentile ${ms(quantile(times, 0.9))}   99th percentile ${ms(quantile(times, 0.99))}   max ${ms(Math.max(...times))}`;

/** The time of each decision of six recorded games of a scenario, hardest level against hardest. */
function decisionsOf(name: string): number[] {
  const { scenario } = loadScenarioFile(join(shippedDir, name));
  const seats = hardest(scenario);
  const states = record(scenario, seats, 6);
  // Warm up, then time each decision in an order that interleaves games, so no decision finds the
  // memo of its own standing left by the one before.
  for (const { s, side } of states.slice(0, 200)) chooseMove(scenario, s, side, seats[side]);
  const order = states.map((_, i) => i).sort((a, b) => (a % 7) - (b % 7) || a - b);
  const times: number[] = [];
  for (const i of order) {
    const { s, side } = states[i]!;
    const t0 = performance.now();
    chooseMove(scenario, s, side, seats[side]);
    times.push(performance.now() - t0);
  }
  console.log(`  ${name.padEnd(32)} ${String(states.length).padStart(5)} decisions   ${line(times)}`);
  return times;
}

function decisions() {
  console.log(`AI decisions at level ${top} (each shipped scenario, 6 games, hardest level against hardest)`);
  const all = shippedOpenings().flatMap(decisionsOf);
  console.log(`  ${'all six'.padEnd(32)} ${String(all.length).padStart(5)} decisions   ${line(all)}`);
}

function simulate() {
  const t0 = performance.now();
  execFileSync(
    'npm',
    ['run', '--silent', 'simulate', '--', file, '--games', '1000', '--seed', '1', '--json'],
    { cwd: root, stdio: ['ignore', 'ignore', 'ignore'] },
  );
  const s = (performance.now() - t0) / 1000;
  const load = loadavg()[0]!.toFixed(2);
  console.log(
    `npm run simulate: 1,000 games of road-to-busan at the default level in ${s.toFixed(1)} s (wall, start-up included; load average ${load} on ${availableParallelism()} cores)`,
  );
}

decisions();
if (!process.argv.includes('--decisions')) simulate();
