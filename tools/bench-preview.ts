// npm run bench:preview — how long the projections take on the shipped scenarios: the standing, a
// package's preview and an order's preview from a side's view at the opening (each twenty play-outs
// of the kernel to the end of the game), and the debrief's analysis of a game held still from the
// opening (its proposals, the frontier of the opening's packages). Milliseconds, the mean of a few
// runs after one to warm up; the figures depend on the machine and on what else it is doing.
import type { Order, Scenario } from '../src/engine/index.ts';
import {
  analyseGame,
  applyMove,
  DEFAULT_SETUP,
  newGame,
  previewOrders,
  previewPackage,
  proposalCandidates,
  rulesFor,
  singleOrders,
  standing,
  viewFor,
} from '../src/engine/index.ts';
import { loadScenarioFile, shippedDir, shippedOpenings } from './scenario-files.ts';

process.env.NODE_ENV ??= 'production';

function timed(runs: number, f: (i: number) => unknown): number {
  f(0);
  const t = performance.now();
  for (let i = 0; i < runs; i++) f(i);
  return (performance.now() - t) / runs;
}

function heldStill(sc: Scenario) {
  let s = newGame(sc, 'bench');
  const moves = [];
  while (s.round.phase !== 'over') {
    const m =
      s.round.phase === 'talks'
        ? ({ type: 'pass', side: s.round.talks.toMove } as const)
        : ({ type: 'orders', side: s.round.drafts.us === null ? 'us' : 'cn', orders: [] } as const);
    const r = applyMove(sc, s, m);
    if (!r.ok) throw new Error(r.reason);
    moves.push(m);
    s = r.state;
  }
  return { scenarioId: sc.id, scenarioHash: rulesFor(sc).hash, seed: 'bench', setup: DEFAULT_SETUP, moves };
}

const f1 = (x: number) => x.toFixed(1).padStart(8);
console.log('scenario                      turns  standing   package    order   debrief (ms)');
for (const file of shippedOpenings()) {
  const sc = loadScenarioFile(`${shippedDir}/${file}`).scenario;
  const rules = rulesFor(sc);
  const s = newGame(sc, 'bench');
  const view = viewFor(sc, s, 'us');
  const packages = proposalCandidates(rules, s, 'us');
  const orders: Order[] = singleOrders(rules, { ...s, round: { ...s.round, phase: 'orders' } }, 'us');
  const st = timed(5, () => standing(sc, view));
  const pk = timed(5, (i) => previewPackage(sc, view, 'us', packages[i % packages.length] ?? []));
  const od = timed(5, (i) =>
    previewOrders(sc, view, 'us', orders.length ? [orders[i % orders.length]!] : []),
  );
  const record = heldStill(sc);
  const an = timed(1, () => analyseGame(sc, record));
  console.log(
    `${sc.id.padEnd(28)} ${String(rules.totalTurns).padStart(6)} ${f1(st)}  ${f1(pk)} ${f1(od)} ${f1(an)}`,
  );
}
