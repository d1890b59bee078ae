// The production build, built here and served by a small static server on a free port (its pages load
// in a moment, so the tests below can open many).
// - Its Content-Security-Policy: a turn is played with not one violation reported, and the policy is
//   shown to be on (an inline event handler and a WebSocket to another host are refused, a WebSocket
//   to the page's own server is not).
// - Storage full (the quota lowered through the DevTools protocol, so the browser itself refuses the
//   writes): a game started then says it is not being saved; a move made then is shown, the player
//   told at once and offered the game file, which holds every move.
// - Two tabs, one game — with Web Locks and without them (plain http has none): the second tab is
//   told and may take the game over; the first is then told and plays no more; no move is lost.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';
import { chromium, expect, type Page, test } from '@playwright/test';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../../tools/chromium.ts';
import {
  calendar,
  lift,
  openMenu,
  passTheTurn,
  shot,
  startHotSeat,
  tableReady,
  toTheTable,
  watchErrors,
} from './helpers.ts';

const site = resolve('test-results/site');
const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};
let server: Server;
let origin = '';

test.beforeAll(async () => {
  test.setTimeout(240_000);
  execFileSync('npx', ['vite', 'build', '--outDir', site, '--emptyOutDir', '--logLevel', 'error'], {
    stdio: 'inherit',
  });
  server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
    const file = join(site, path === '/' ? 'index.html' : path);
    try {
      const body = readFileSync(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

test.afterAll(() => new Promise<void>((r) => server.close(() => r())));

/** Every violation the page reports, from its first script on. */
async function watchViolations(page: Page) {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __violations: string[] }).__violations = seen;
    document.addEventListener('securitypolicyviolation', (e) =>
      seen.push(`${e.effectiveDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`),
    );
  });
  return () => page.evaluate(() => (window as unknown as { __violations: string[] }).__violations);
}

test('the production build plays a turn with its policy on and no violation', async ({ page }) => {
  const errors = watchErrors(page);
  const violations = await watchViolations(page);
  await page.goto(`${origin}/`);
  await expect(page.getByRole('heading', { name: 'Upper Hand', level: 1 })).toBeVisible();
  const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(policy).toContain("script-src 'self';");
  expect(policy).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline/);
  await startHotSeat(page, 'csp-1');
  await toTheTable(page);
  await passTheTurn(page);
  await expect(calendar(page)).toContainText('Turn 2 of 11');
  await page.waitForTimeout(500); // the table's animations of the new turn
  expect(await violations()).toEqual([]);
  expect(errors).toEqual([]);

  // the policy is on: an inline handler and a socket to another host are refused, the page's own
  // server is not
  const probe = await page.evaluate(async () => {
    const w = window as unknown as { __violations: string[]; __ran?: number };
    w.__violations.length = 0;
    const img = document.createElement('img');
    img.setAttribute('onerror', 'window.__ran = 1');
    img.src = 'data:,broken';
    document.body.append(img);
    const own = new WebSocket(`ws://${location.host}/online`);
    own.onerror = () => {};
    let foreign = 'opened';
    try {
      const ws = new WebSocket('ws://example.invalid/online');
      ws.onerror = () => {};
    } catch (e) {
      foreign = String((e as Error).name);
    }
    await new Promise((r) => setTimeout(r, 300));
    img.remove();
    own.close();
    return { ran: w.__ran ?? 0, violations: [...w.__violations], foreign };
  });
  expect(probe.ran).toBe(0);
  expect(probe.violations.some((v) => v.startsWith('script-src-attr'))).toBe(true);
  expect(probe.violations.some((v) => v.startsWith('connect-src ws://example.invalid'))).toBe(true);
  expect(probe.violations.filter((v) => v.includes(origin.replace('http', 'ws')))).toEqual([]);
});

const alert = (page: Page, kind: string) => page.locator(`[data-alert="${kind}"]`);
const pass = (page: Page) => page.getByRole('button', { name: 'Done talking (pass)' }).click();

/**
 * A browser on a profile of its own. Chromium takes an origin's quota when the origin first writes in
 * a session, so a lowered quota is set before the page is opened, and a session ends to change it.
 */
async function session(profile: string, baseURL: string, quotaSize?: number) {
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_FLAGS,
    baseURL,
    viewport: { width: 1280, height: 720 },
    acceptDownloads: true,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  if (quotaSize !== undefined) {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Storage.overrideQuotaForOrigin', { origin: new URL(baseURL).origin, quotaSize });
  }
  return { context, page, errors: watchErrors(page) };
}

test('storage full: the player is told at once, offered the file, and nothing is lost', async () => {
  test.setTimeout(240_000);
  const profile = mkdtempSync(join(resolve('test-results'), 'profile-'));
  // a game saved move by move…
  let s = await session(profile, origin);
  await openMenu(s.page, `${origin}/`);
  await startHotSeat(s.page, 'full-1');
  await toTheTable(s.page);
  await pass(s.page);
  await expect(alert(s.page, 'full')).toHaveCount(0);
  await expect(s.page).toHaveURL(/#game=[a-z0-9]+$/);
  const address = new URL(s.page.url()).hash;
  await s.context.close();

  // …and the browser's storage full: a game started now says at once that it is not being saved
  s = await session(profile, origin, 1);
  await openMenu(s.page, `${origin}/`);
  await startHotSeat(s.page, 'full-0');
  await expect(alert(s.page, 'full')).toContainText('storage is full, so this game is not being saved');
  await shot(s.page, 'storage-full-start');
  // the saved game goes on: its next move is shown, the player told at once and offered the game
  await s.page.goto(`${origin}/${address}`);
  await lift(s.page, 'Beijing');
  await tableReady(s.page);
  await pass(s.page);
  await expect(alert(s.page, 'full')).toContainText('your last move was not saved');
  await expect(s.page.getByRole('button', { name: 'I am Washington: show my side' })).toBeVisible();
  await shot(s.page, 'storage-full-move');
  const download = s.page.waitForEvent('download');
  await alert(s.page, 'full').getByRole('button', { name: 'Save the game file' }).click();
  const file = JSON.parse(readFileSync((await (await download).path()) ?? '', 'utf8')) as {
    moves: unknown[];
  };
  expect(file.moves).toHaveLength(2);
  expect(s.errors).toEqual([]);
  await s.context.close();
  rmSync(profile, { recursive: true, force: true });
});

for (const locks of [true, false])
  test(`two tabs, one game (${locks ? 'Web Locks' : 'no Web Locks: the channel alone'})`, async ({
    page,
  }) => {
    if (!locks)
      await page.context().addInitScript(() => {
        Object.defineProperty(Navigator.prototype, 'locks', { get: () => undefined, configurable: true });
      });
    const errors = watchErrors(page);
    await openMenu(page, `${origin}/`);
    expect(await page.evaluate(() => 'locks' in navigator && navigator.locks !== undefined)).toBe(locks);
    await startHotSeat(page, `tabs-${locks}`);
    await toTheTable(page);
    await pass(page);
    await expect(page).toHaveURL(/#game=[a-z0-9]+$/);

    // the same game opened in a second tab: told, shown read-only, offered to take it over
    const second = await page.context().newPage();
    const errors2 = watchErrors(second);
    await second.goto(page.url());
    await expect(alert(second, 'elsewhere')).toContainText('This game is open in another tab');
    await lift(second, 'Beijing');
    await expect(second.getByRole('button', { name: 'Done talking (pass)' })).toBeDisabled();
    await shot(second, `tabs-elsewhere-${locks}`);
    await alert(second, 'elsewhere').getByRole('button', { name: 'Play it here instead' }).click();
    // the first tab is told and plays no more; the second has every move the first made
    await expect(alert(page, 'taken')).toContainText('now being played in another tab');
    await expect(alert(second, 'elsewhere')).toHaveCount(0);
    await lift(second, 'Beijing');
    await pass(second);
    await expect(second.getByRole('button', { name: 'I am Washington: show my side' })).toBeVisible();
    await shot(page, `tabs-taken-${locks}`);
    await lift(page, 'Beijing');
    // read-only: the moves are shown disabled, each with the reason, and the reason once in words
    const reason = 'This game is played in another tab: take it over to play here.';
    const passButton = page.getByRole('button', { name: 'Done talking (pass)' });
    await expect(passButton).toBeDisabled();
    await expect(passButton).toHaveAttribute('title', reason);
    await expect(page.getByRole('button', { name: 'Undo my last move' })).toBeDisabled();
    await expect(page.locator('[data-key="read-only"]')).toHaveText(reason);
    const enabledMoves = page.locator(
      '#tab-body button:enabled, #tab-body input:enabled, #tab-body select:enabled',
    );
    await expect(enabledMoves).toHaveCount(0);
    // a click does nothing: the screen does not pass to Washington
    await passButton.click({ force: true });
    await expect(passButton).toBeVisible();
    await expect(page.getByRole('button', { name: 'I am Washington: show my side' })).toHaveCount(0);
    // and taking it back brings the second tab's move with it (once is enough: the same code runs)
    expect(errors).toEqual([]);
    expect(errors2).toEqual([]);
    if (!locks) return;
    await alert(page, 'taken').getByRole('button', { name: 'Play it here again' }).click();
    await expect(alert(second, 'taken')).toBeVisible();
    await expect(alert(page, 'taken')).toHaveCount(0);
    await lift(page, 'Washington');
    await expect(page.getByRole('button', { name: 'Pass: no orders' })).toBeVisible();
    expect(errors).toEqual([]);
    expect(errors2).toEqual([]);
  });
