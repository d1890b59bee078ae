// npm run bench:check — how long the checker takes on hostile files, and how much memory: every
// file of tests/fixtures/hostile, then the worst cases the limits allow, made here (just under the
// values limit: 95,000 repeated keys, 95,000 unknown fields, 30,000 wrong list entries, and a
// calendar to the year 9999). Each is loaded as `npm run check` loads it (worlds by id, the
// no-deal check); the time is the median of three, the memory the heap's growth.
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { noDealLoss } from '../src/engine/index.ts';
import type { Scenario } from '../src/model/schema.ts';
import { loadScenario } from '../src/scenario/load.ts';
import { readFile, resolverFor } from './scenario-files.ts';

const HOSTILE = resolve(import.meta.dirname, '..', 'tests', 'fixtures', 'hostile');

const made: [string, string][] = [
  [
    '95,000 repeated keys.json',
    `{"id": "dups", ${Array.from({ length: 95_000 }, () => '"meta": 1').join(', ')}}`,
  ],
  [
    '95,000 unknown fields.json',
    `{"id": "wide", ${Array.from({ length: 95_000 }, (_, i) => `"m${i}": 1`).join(', ')}}`,
  ],
  [
    '30,000 wrong events.yaml',
    `id: big\nevents:\n${Array.from({ length: 30_000 }, (_, i) => `  - {id: E${i}, title: ${i}}\n`).join('')}`,
  ],
];

function measure(name: string, text: string, path: string): void {
  const times: number[] = [];
  let grown = 0;
  let line = '';
  for (let run = 0; run < 3; run++) {
    const before = process.memoryUsage().heapUsed;
    const t0 = performance.now();
    const r = loadScenario([{ name, text }], {
      resolveWorld: resolverFor(path, []),
      noDealLoss: (s: Scenario) => noDealLoss(s),
    });
    times.push(performance.now() - t0);
    grown = Math.max(grown, process.memoryUsage().heapUsed - before);
    line = r.ok ? 'loaded' : `${r.errors.length} errors${r.more ? `, ${r.more}` : ''}`;
  }
  const median = [...times].sort((a, b) => a - b)[1] ?? 0;
  const kb = Math.round(text.length / 1024);
  console.log(
    `${name.padEnd(34)} ${String(kb).padStart(5)} KB ${median.toFixed(0).padStart(6)} ms ${(grown / 1e6).toFixed(0).padStart(4)} MB  ${line.slice(0, 70)}`,
  );
}

console.log(`${'file'.padEnd(34)} ${'size'.padStart(8)} ${'time'.padStart(9)} ${'heap'.padStart(7)}  result`);
for (const n of readdirSync(HOSTILE).sort()) {
  const r = readFile(join(HOSTILE, n));
  if (r.ok) measure(n, r.text, join(HOSTILE, n));
}
for (const [n, text] of made) measure(n, text, join(HOSTILE, n));
