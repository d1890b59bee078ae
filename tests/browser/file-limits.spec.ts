// The menu's file loader within the checker's limits: a file with a thousand problems lists the
// first 50 and says how many more; a file over 2 MB is refused without being read; a calendar to
// the year 9999 is refused in a sentence instead of offering millions of turns.
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { openMenu, shot, watchErrors } from './helpers.ts';

const hostile = (name: string) => ({
  name,
  mimeType: 'application/octet-stream',
  buffer: readFileSync(`tests/fixtures/hostile/${name}`),
});

test('a thousand problems: the first 50 listed, the rest counted', async ({ page }) => {
  const errors = watchErrors(page);
  await openMenu(page);
  await page.getByLabel('Load scenario files').setInputFiles(hostile('repeated-keys.json'));
  const report = page.getByRole('alert', { name: 'Problems in the scenario files' });
  await expect(report).toContainText('and 949 more errors of the same kinds.', { timeout: 30_000 });
  await expect(report.getByRole('listitem')).toHaveCount(50);
  await expect(report).toContainText('repeated-keys.json: 50 problems listed — the scenario was not loaded.');
  await report.getByText('and 949 more').scrollIntoViewIfNeeded();
  await shot(page, 'menu-capped-errors');
  expect(errors).toEqual([]);
});

test('a file over 2 MB is refused unread; a calendar to 9999 is refused in a sentence', async ({ page }) => {
  const errors = watchErrors(page);
  await openMenu(page);
  const big = { name: 'big.yaml', mimeType: 'text/yaml', buffer: Buffer.alloc(3 * 1024 * 1024, 'x') };
  await page.getByLabel('Load scenario files').setInputFiles(big);
  const report = page.getByRole('alert', { name: 'Problems in the scenario files' });
  await expect(report).toContainText('big.yaml:1:1 expected a file of at most 2 MB, found 3 MB', {
    timeout: 30_000,
  });
  await page.getByLabel('Load scenario files').setInputFiles(hostile('calendar-9999.yaml'));
  await expect(report).toContainText('expected a game of at most 60 turns', { timeout: 30_000 });
  await expect(report).toContainText('found 2,912,527 turns');
  await expect(report.getByRole('listitem')).toHaveCount(1);
  expect(errors).toEqual([]);
});
