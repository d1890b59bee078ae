// `npm run bench` (second half): the game in headless Debian Chromium, on the production build served
// by `vite preview`. Measures what the issue budgets: JavaScript loaded before the menu is ready
// (gzipped), everything a whole game loads (gzipped), navigation to the menu ready, Start to the
// table ready, frame time while the table animates (95th percentile), and the JS heap after 30
// turns of the long test scenario against after 3. Prints each figure beside its budget; exits 1
// if one is over.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { type Browser, chromium, type Page } from '@playwright/test';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from './chromium.ts';

const root = resolve(import.meta.dirname, '..');
const dist = join(root, 'dist');
const port = Number(process.env.BENCH_PORT ?? 5181); // BENCH_PORT: several checkouts side by side
const base = `http://127.0.0.1:${port}`;
const LONG = join(root, 'tests/fixtures/scenarios/long-campaign.yaml');

/** The gzipped size of a file the page loaded (woff2 and images as they are). */
function gzSize(url: string): number {
  const path = join(dist, decodeURIComponent(new URL(url).pathname));
  if (!existsSync(path) || statSync(path).isDirectory())
    return existsSync(join(dist, 'index.html')) ? gzipSync(readFileSync(join(dist, 'index.html'))).length : 0;
  const bytes = readFileSync(path);
  return /\.(woff2|png|jpe?g|webp)$/.test(path) ? bytes.length : gzipSync(bytes, { level: 9 }).length;
}

async function waitForServer(url: string, ms: number) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`vite preview did not answer at ${url}`);
}

const kb = (b: number) => `${(b / 1024).toFixed(1)} KB`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

async function mark(page: Page, name: string): Promise<number> {
  return page.evaluate((n) => performance.getEntriesByName(n)[0]?.startTime ?? Number.NaN, name);
}

/** Clicks through whatever the game asks next: curtains, the computer's offers (turned down), passes, no orders. */
async function passUntilTurn(page: Page, turn: number, pause = 0) {
  for (let i = 0; i < 5000; i++) {
    const text =
      (await page
        .getByRole('status', { name: 'Calendar' })
        .textContent()
        .catch(() => '')) ?? '';
    const now = Number(/Turn (\d+)/.exec(text)?.[1] ?? 0);
    if (now >= turn || (await page.getByRole('heading', { name: /^Results/ }).count()) > 0) return;
    // a string, not a function: tsx's helpers do not exist in the page
    const clicked = await page.evaluate(`(() => {
      const buttons = [...document.querySelectorAll('button')];
      const b =
        buttons.find((x) => /: show my side$/.test(x.textContent || '')) ||
        buttons.find((x) => x.textContent === 'Reject' && !x.disabled) ||
        buttons.find((x) => x.getAttribute('aria-label') === 'Done talking (pass)' && !x.disabled) ||
        buttons.find((x) => x.textContent === 'Pass: no orders' && !x.disabled);
      if (b) b.click();
      return b !== undefined;
    })()`);
    if (!clicked) await page.waitForTimeout(20);
    else if (pause > 0) await page.waitForTimeout(pause);
  }
}

async function heapMb(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  await page.waitForTimeout(300);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  await cdp.detach();
  return usedSize / 1024 / 1024;
}

async function run(browser: Browser) {
  const results: { name: string; value: string; ok: boolean; budget: string }[] = [];
  const add = (name: string, value: string, ok: boolean, budget: string) =>
    results.push({ name, value, ok, budget });

  // 1. navigation to menu ready, and the JavaScript loaded before it (fresh context each time)
  const navTimes: number[] = [];
  let menuJs = 0;
  for (let i = 0; i < 3; i++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    const page = await context.newPage();
    const js = new Set<string>();
    page.on('response', (r) => {
      if (r.url().endsWith('.js')) js.add(r.url());
    });
    await page.goto(`${base}/`);
    await page.waitForSelector('body[data-ready="true"]');
    navTimes.push(await mark(page, 'menu-ready'));
    const before = await page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .filter(
          (e) =>
            e.name.endsWith('.js') &&
            e.startTime <= (performance.getEntriesByName('menu-ready')[0]?.startTime ?? 0),
        )
        .map((e) => e.name),
    );
    menuJs = [...new Set(before)].reduce((s, u) => s + gzSize(u), 0);
    await context.close();
  }
  add('JS loaded before the menu is ready (gzipped)', kb(menuJs), menuJs < 120 * 1024, '< 120 KB');
  const nav = median(navTimes);
  add('navigation to menu ready (median of 3)', `${nav.toFixed(0)} ms`, nav < 1000, '< 1000 ms');

  // 2. a whole game: Start to table ready, frames while the table animates, everything loaded
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await context.newPage();
  page.on('crash', () => console.log('bench-browser: the page crashed'));
  page.on('pageerror', (e) => console.log(`bench-browser: page error: ${e.message}`));
  const loaded = new Set<string>();
  page.on('response', (r) => {
    if (r.url().startsWith(base)) loaded.add(r.url());
  });
  await page.goto(`${base}/`);
  await page.waitForSelector('body[data-ready="true"]');
  await page.getByRole('radio', { name: 'Play Road to Busan' }).check();
  const solo = page.getByLabel('Against the computer');
  await page.waitForFunction(
    () => !document.querySelector('input[value="solo"]')?.hasAttribute('data-loading'),
  );
  const hasAi = await solo.isEnabled();
  if (hasAi) {
    await solo.check();
    await page
      .getByRole('combobox', { name: 'Pace of the computer' })
      .selectOption({ label: 'Quick (0.6 s a move)' });
  } else await page.getByLabel('Two players at one screen').check();
  await page.getByRole('button', { name: 'Start game' }).click();
  if (!hasAi) await page.getByRole('button', { name: 'I am Washington: show my side' }).click();
  await page.getByRole('button', { name: 'To the table', exact: true }).first().click();
  if (!hasAi) {
    await page.getByRole('button', { name: 'I am Beijing: show my side' }).click();
    await page.getByRole('button', { name: 'To the table', exact: true }).first().click();
    await page.getByRole('button', { name: 'I am Washington: show my side' }).click();
  }
  await page.waitForSelector('body[data-table="ready"]', { timeout: 30_000 });
  const startToTable = (await mark(page, 'table-ready')) - (await mark(page, 'start-clicked'));
  add(
    `Start to table ready (${hasAi ? 'solo' : 'hot-seat'}, the briefing clicked through)`,
    `${startToTable.toFixed(0)} ms`,
    startToTable < 1500,
    '< 1500 ms',
  );

  console.log(`bench-browser: table ready in ${startToTable.toFixed(0)} ms; playing the game to its end…`);
  await passUntilTurn(page, 99);
  await page.getByRole('heading', { name: /^Results/ }).waitFor({ timeout: 120_000 });
  const whole = [...loaded].reduce((s, u) => s + gzSize(u), 0);
  add(
    `everything a whole game loads (gzipped, ${loaded.size} files)`,
    kb(whole),
    whole < 450 * 1024,
    '< 450 KB',
  );
  await context.close();

  // 3. the heap over a long game (the long test scenario, loaded from its file, hot-seat)
  const c2 = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const p2 = await c2.newPage();
  await p2.goto(`${base}/`);
  await p2.waitForSelector('body[data-ready="true"]');
  await p2.getByRole('button', { name: 'Load scenario files' }).setInputFiles(LONG);
  await p2.getByText(/^Loaded “/).waitFor({ timeout: 60_000 });
  await p2.getByLabel('Two players at one screen').check();
  await p2.getByRole('combobox', { name: 'Leverage' }).selectOption('live');
  await p2.getByRole('button', { name: 'Start game' }).click();
  for (const side of ['Washington', 'Beijing']) {
    await p2.getByRole('button', { name: `I am ${side}: show my side` }).click();
    await p2.getByRole('button', { name: 'To the table', exact: true }).first().click();
  }
  await p2.waitForSelector('body[data-table="ready"]', { timeout: 30_000 });
  // frames while the table animates: each move eases markers, gauges, the dial and the calendar
  await p2.evaluate(`(() => {
    window.__frames = [];
    window.__last = performance.now();
    const tick = (t) => {
      window.__frames.push(t - window.__last);
      window.__last = t;
      if (window.__frames.length < 100000) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  })()`);
  await passUntilTurn(p2, 4, 250);
  const frames = (await p2.evaluate('window.__frames.slice(5)')) as number[];
  frames.sort((a, b) => a - b);
  const p95 = frames[Math.floor(frames.length * 0.95)] ?? 0;
  const p50 = frames[Math.floor(frames.length * 0.5)] ?? 0;
  add(
    `frame time while the table animates (3 turns of moves, ${frames.length} frames; p50 ${p50.toFixed(1)} ms)`,
    `p95 ${p95.toFixed(1)} ms`,
    p95 < 20,
    '< 20 ms',
  );
  const heap3 = await heapMb(p2);
  await passUntilTurn(p2, 31);
  const heap30 = await heapMb(p2);
  const growth = heap30 / heap3 - 1;
  add(
    'JS heap after 30 turns of long-campaign vs after 3',
    `${heap3.toFixed(1)} MB → ${heap30.toFixed(1)} MB (${growth >= 0 ? '+' : ''}${(growth * 100).toFixed(1)}%)`,
    growth <= 0.2,
    'within 20%',
  );
  await c2.close();
  return results;
}

async function main() {
  console.log('bench-browser: building the site (vite build)…');
  execFileSync('npx', ['vite', 'build', '--logLevel', 'error'], { cwd: root, stdio: 'inherit' });
  const server: ChildProcess = spawn(
    'npx',
    ['vite', 'preview', '--port', String(port), '--strictPort', '--host', '127.0.0.1'],
    {
      cwd: root,
      stdio: 'ignore',
      detached: true,
    },
  );
  let browser: Browser | null = null;
  try {
    await waitForServer(`${base}/`, 30_000);
    browser = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      args: CHROMIUM_FLAGS,
    });
    const results = await run(browser);
    console.log('\nThe game in Chromium (production build, vite preview, headless):');
    for (const r of results)
      console.log(`  ${r.ok ? 'ok  ' : 'OVER'} ${r.name}: ${r.value} (budget ${r.budget})`);
    if (results.some((r) => !r.ok)) process.exitCode = 1;
  } finally {
    await browser?.close();
    if (server.pid) process.kill(-server.pid);
  }
}

await main();
