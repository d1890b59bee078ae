// The production build with its Content-Security-Policy on: built here, served by a small static
// server on a free port, and played for a turn with not one violation reported. The policy is shown
// to be on: an inline event handler and a WebSocket to another host are refused, a WebSocket to the
// page's own server is not.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { calendar, passTheTurn, startHotSeat, toTheTable, watchErrors } from './helpers';

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
