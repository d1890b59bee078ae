// Scenario files loaded in the menu: a broken file shows its located errors and starts no game; a
// scenario whose text holds markup shows it literally and runs no script.
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { lift, openMenu, shot, watchErrors } from './helpers.ts';

// Road to Busan is an opening of the 2025 world: it is loaded together with the world file.
const busan = readFileSync('scenarios/road-to-busan.yaml', 'utf8');
const world = {
  name: 'world-2025.yaml',
  mimeType: 'application/yaml',
  buffer: Buffer.from(readFileSync('scenarios/world-2025.yaml', 'utf8')),
};

test('a broken scenario file shows its located errors and no game starts', async ({ page }) => {
  const errors = watchErrors(page);
  await openMenu(page);
  const broken = busan
    .replace(/^ {2}minutes: \d+$/m, '  minutes: lots')
    .replace(/^( {2}- \{ id: us-tariff, level: )3( \})/m, '$19$2');
  expect(broken).toContain('{ id: us-tariff, level: 9 }');
  await page
    .getByLabel('Load scenario files')
    .setInputFiles([
      world,
      { name: 'busan-broken.yaml', mimeType: 'application/yaml', buffer: Buffer.from(broken) },
    ]);
  const report = page.getByRole('alert', { name: 'Problems in the scenario files' });
  await expect(report).toBeVisible({ timeout: 30_000 });
  await expect(report).toContainText('the scenario was not loaded');
  await expect(report).toContainText(/busan-broken\.yaml:\d+:\d+/);
  await expect(report).toContainText('meta.minutes');
  await expect(report).toContainText('expected');
  await report.scrollIntoViewIfNeeded();
  await shot(page, 'menu-broken-file');
  // nothing was added to the scenarios, and no game started
  await expect(page.getByRole('region', { name: 'Road to Busan' })).toHaveCount(1);
  await expect(page.getByRole('region', { name: 'Saved games' })).toContainText('No saved games yet');
  await expect(page.getByRole('heading', { name: 'Upper Hand', level: 1 })).toBeVisible();
  expect(errors).toEqual([]);
});

test('scenario text that holds markup is shown literally and runs no script', async ({ page }) => {
  const errors = watchErrors(page);
  await openMenu(page);
  const evil = '<img src=x onerror=alert(1)>';
  const text = busan
    .replace(/^ {2}title: Road to Busan$/m, `  title: "Busan ${evil}"`)
    .replace(/^ {6}You are Washington\./m, `      ${evil} You are Washington.`);
  await page
    .getByLabel('Load scenario files')
    .setInputFiles([
      world,
      { name: 'busan-markup.yaml', mimeType: 'application/yaml', buffer: Buffer.from(text) },
    ]);
  await expect(page.getByText(/^Loaded “Busan <img/)).toBeVisible({ timeout: 30_000 });
  const card = page.getByRole('region', { name: `Busan ${evil}` });
  await expect(card.getByRole('heading', { name: `Busan ${evil}` })).toBeVisible();
  await shot(page, 'menu-markup');
  await page.getByLabel('Two players at one screen').check();
  await page.getByRole('button', { name: 'Start game' }).click();
  await lift(page, 'Washington');
  await expect(page.getByText(`${evil} You are Washington.`, { exact: false })).toBeVisible();
  expect(await page.locator('img[src="x"]').count()).toBe(0);
  await shot(page, 'briefing-markup');
  expect(errors).toEqual([]);
});

test('a broken file dropped on the menu is reported the same way', async ({ page }) => {
  const errors = watchErrors(page);
  await openMenu(page);
  const broken = busan.replace(/^( {2}- \{ id: us-tariff, level: )3( \})/m, '$19$2');
  const dt = await page.evaluateHandle(
    ([text, worldText]) => {
      const d = new DataTransfer();
      d.items.add(new File([worldText], 'world-2025.yaml', { type: 'application/yaml' }));
      d.items.add(new File([text], 'dropped.yaml', { type: 'application/yaml' }));
      return d;
    },
    [broken, world.buffer.toString('utf8')] as const,
  );
  await page
    .getByRole('group', { name: 'Drop scenario files here' })
    .dispatchEvent('drop', { dataTransfer: dt });
  const report = page.getByRole('alert', { name: 'Problems in the scenario files' });
  await expect(report).toContainText(/dropped\.yaml:\d+:\d+/, { timeout: 30_000 });
  await expect(report).toContainText('instruments[0].level');
  expect(errors).toEqual([]);
});

test('a world and its opening, loaded together, make one playable scenario', async ({ page }) => {
  const errors = watchErrors(page);
  await openMenu(page);
  await page
    .getByLabel('Load scenario files')
    .setInputFiles([
      'tests/fixtures/scenarios/mini-world.yaml',
      'tests/fixtures/scenarios/mini-opening.yaml',
    ]);
  await expect(
    page.getByText(/^Loaded “Mini opening” from mini-world\.yaml, mini-opening\.yaml/),
  ).toBeVisible({
    timeout: 30_000,
  });
  const card = page.getByRole('region', { name: 'Mini opening' });
  await expect(card.getByRole('radio', { name: 'Play Mini opening' })).toBeChecked();
  await page.getByLabel('Two players at one screen').check();
  await page.getByRole('button', { name: 'Start game' }).click();
  await lift(page, 'Washington');
  await expect(page.getByRole('heading', { name: /^Briefing: / })).toBeVisible();
  expect(errors).toEqual([]);
});

test('an opening loaded on its own finds the shipped world it extends', async ({ page }) => {
  const errors = watchErrors(page);
  await openMenu(page);
  // a shipped opening under a new id and title: it names `extends: world-2025` and nothing else
  const text = readFileSync('scenarios/opening-bid.yaml', 'utf8')
    .replace(/^id: opening-bid$/m, 'id: my-opening')
    .replace(/^ {2}title: .*$/m, '  title: My Opening');
  await page
    .getByLabel('Load scenario files')
    .setInputFiles({ name: 'my-opening.yaml', mimeType: 'text/yaml', buffer: Buffer.from(text) });
  await expect(page.getByText(/^Loaded “My Opening” from my-opening\.yaml/)).toBeVisible({
    timeout: 30_000,
  });
  await expect(
    page.getByRole('region', { name: 'My Opening' }).getByRole('radio', { name: 'Play My Opening' }),
  ).toBeChecked();
  await page.getByLabel('Two players at one screen').check();
  await page.getByRole('button', { name: 'Start game' }).click();
  await lift(page, 'Washington');
  await expect(page.getByRole('heading', { name: /^Briefing: / })).toBeVisible();
  expect(errors).toEqual([]);
});
