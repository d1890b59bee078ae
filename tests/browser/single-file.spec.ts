// The self-contained upper-hand.html an instructor hands out: built here with the single-file config,
// opened from a file:// address, and played for a turn with nothing fetched from a server and its
// Content-Security-Policy (the inline script allowed by its hash) reporting no violation.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, test } from '@playwright/test';
import { calendar, passTheTurn, shot, toTheTable, watchErrors } from './helpers.ts';

const out = resolve('test-results/single/upper-hand.html');

test.beforeAll(() => {
  test.setTimeout(240_000);
  execFileSync('npx', ['vite', 'build', '-c', 'vite.single.config.ts', '--logLevel', 'error'], {
    env: { ...process.env, UPPER_HAND_SINGLE_OUT: out },
    stdio: 'inherit',
  });
});

test('the single-file build plays a turn from a file:// address', async ({ page }) => {
  expect(existsSync(out)).toBe(true);
  const errors = watchErrors(page);
  const requests: string[] = [];
  page.on('request', (r) => {
    if (!r.url().startsWith('file:') && !r.url().startsWith('data:') && !r.url().startsWith('blob:'))
      requests.push(r.url());
  });
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __violations: string[] }).__violations = seen;
    document.addEventListener('securitypolicyviolation', (e) =>
      seen.push(`${e.effectiveDirective} ${e.blockedURI}`),
    );
  });
  await page.goto(pathToFileURL(out).href);
  await expect(page.getByRole('heading', { name: 'Upper Hand', level: 1 })).toBeVisible();
  const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(policy).toMatch(/script-src 'self' 'sha256-[A-Za-z0-9+/=]+';/);
  await page.getByRole('radio', { name: 'Play Road to Busan' }).check();
  await page.getByLabel('Two players at one screen').check();
  await page.getByRole('button', { name: 'Start game' }).click();
  await toTheTable(page);
  await passTheTurn(page);
  await expect(calendar(page)).toContainText('Turn 2 of 11');
  await page.waitForTimeout(600);
  await shot(page, 'single-file-table');
  expect(requests).toEqual([]);
  expect(await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations)).toEqual(
    [],
  );
  expect(errors).toEqual([]);
});
