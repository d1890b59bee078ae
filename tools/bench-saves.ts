// `npm run bench:saves`: the time to save one move in headless Debian Chromium — the saves' writer
// (one IndexedDB transaction: the game and its header, after the revision check) bundled on its own
// and run on a page of a local origin, writing a game of 300 moves one move at a time (the moves of
// the pinned Road to Busan game, repeated), as the store writes every move before showing it.
// Prints the median, 95th percentile and maximum milliseconds a write, early and late in the game.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { build } from 'vite';
import type { Move, Setup } from '../src/engine/index.ts';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from './chromium.ts';

const root = resolve(import.meta.dirname, '..');
const MOVES = 300;

const bundle = await build({
  configFile: false,
  logLevel: 'error',
  build: {
    write: false,
    minify: true,
    lib: { entry: join(root, 'tools/bench-saves/page.ts'), formats: ['iife'], name: 'bench' },
  },
});
const outputs = (Array.isArray(bundle) ? bundle : [bundle]).flatMap((b) => ('output' in b ? b.output : []));
const code = outputs.find((o) => o.type === 'chunk')?.code;
if (!code) throw new Error('the bench page did not build');

const pinned = JSON.parse(readFileSync(join(root, 'tests/fixtures/pinned/game.upper-hand.json'), 'utf8')) as {
  moves: Move[];
  setup: Setup;
};
const moves = Array.from({ length: MOVES }, (_, i) => pinned.moves[i % pinned.moves.length] as Move);

const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS });
const page = await browser.newPage();
await page.route('http://bench.local/**', (route) =>
  route.fulfill({ contentType: 'text/html', body: `<!doctype html><script>${code}</script>` }),
);
await page.goto('http://bench.local/');
const times = await page.evaluate(
  ([m, s]) =>
    (globalThis as unknown as { saveBench: (m: unknown, s: unknown) => Promise<number[]> }).saveBench(m, s),
  [moves, pinned.setup] as const,
);
await browser.close();

const stats = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? 0;
  return `median ${at(0.5).toFixed(2)} ms, p95 ${at(0.95).toFixed(2)} ms, max ${(s[s.length - 1] ?? 0).toFixed(2)} ms`;
};
console.log(`save per move, moves 1–50:    ${stats(times.slice(0, 50))}`);
console.log(`save per move, moves 251–300: ${stats(times.slice(250))}`);
console.log(`save per move, all ${MOVES}:       ${stats(times)}`);
