// axe-core on every screen of a game: the menu, the file loader's error list, the hot-seat curtain,
// the briefing, the talks, the orders, the leverage explanation, save/share, the shortcuts, the
// results, the debrief, the replay viewer and the class results; the storage warning of a game open in
// another tab, over its read-only table; and, on the production build served by
// the game server, the online screens (the lobby, the join form with its free sides, the room, the talks
// and the orders). Any serious or critical violation fails the test, named with the nodes it was found on.
import { readFileSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { spawnServer } from '../server/spawn.ts';
import {
  fitsAPhone,
  lift,
  noSeriousViolations,
  openMenu,
  playAgainstComputer,
  startHotSeat,
  tableReady,
  toTheTable,
  turnDownOffers,
  watchErrors,
} from './helpers.ts';

/** axe-core on the screen as it is, then the same screen on a phone: nothing runs past its edge. */
async function checked(page: Page, screen: string) {
  await noSeriousViolations(page, screen);
  await fitsAPhone(page, screen);
}

test('axe: no serious or critical violation on any screen', async ({ page }) => {
  test.setTimeout(240_000);
  const errors = watchErrors(page);
  await page.addInitScript(() =>
    localStorage.setItem('upper-hand:settings', JSON.stringify({ pace: 0, muted: true })),
  );
  await openMenu(page);
  await expect(page.getByRole('button', { name: 'Start game', exact: true })).toBeEnabled({
    timeout: 20_000,
  });
  await checked(page, 'menu');

  // the file loader's error list
  const broken = readFileSync('scenarios/road-to-busan.yaml', 'utf8').replace(
    /^ {2}minutes: \d+$/m,
    '  minutes: lots',
  );
  await page
    .getByLabel('Load scenario files')
    .setInputFiles([
      { name: 'busan-broken.yaml', mimeType: 'application/yaml', buffer: Buffer.from(broken) },
    ]);
  await expect(page.getByRole('alert', { name: 'Problems in the scenario files' })).toBeVisible({
    timeout: 30_000,
  });
  await checked(page, 'file errors');

  // hot-seat: the curtain, the briefing
  await startHotSeat(page, 'a11y-1');
  await expect(page.getByRole('dialog', { name: 'Pass the screen to Washington' })).toBeVisible();
  await checked(page, 'curtain');
  await lift(page, 'Washington');
  await expect(page.getByRole('heading', { name: /^Briefing: Washington/ })).toBeVisible();
  await checked(page, 'briefing');
  await page.goto('/');

  // against the computer: the talks, the dialogs, the orders, then to the end
  await openMenu(page);
  await expect(page.getByLabel('Against the computer')).toBeEnabled({ timeout: 20_000 });
  await page.getByLabel('Against the computer').check();
  await page.getByRole('button', { name: 'Start game', exact: true }).click();
  await page.getByRole('button', { name: 'To the table', exact: true }).click();
  await tableReady(page);
  // the computer opens the talks with an offer: checked, then turned down, and the talks are ours
  await turnDownOffers(page, () => checked(page, 'an offer'));
  await checked(page, 'talks');
  // the builder: the player's red lines are marked and cannot be added; the maximum shows at once
  const marked = page.locator('select option', { hasText: 'crosses your red line' });
  expect(await marked.count()).toBeGreaterThan(0);
  await expect(marked.first()).toBeDisabled();
  await expect(page.getByText('Marked clauses cross your red lines')).toBeVisible();
  await expect(page.getByText('0 of at most 6 clauses.')).toBeVisible();
  await page.getByRole('tab', { name: 'Briefing' }).click();
  await checked(page, 'briefing tab');
  await page.getByRole('tab', { name: 'Talks' }).click();
  for (const [open, name] of [
    ['Who has the upper hand?', 'Who has the upper hand?'],
    ['Save or share', 'Save or share this game'],
    ['Keyboard shortcuts', 'Keyboard shortcuts'],
  ] as const) {
    await page.getByRole('button', { name: open }).click();
    await expect(page.getByRole('dialog', { name })).toBeVisible();
    await checked(page, name);
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog', { name })).toHaveCount(0);
  }
  await page.getByRole('button', { name: 'Done talking (pass)' }).click();
  await expect(page.getByRole('button', { name: 'Pass: no orders' })).toBeVisible();
  await checked(page, 'orders');
  await page.getByRole('button', { name: 'Pass: no orders' }).click();
  await expect(page.getByRole('region', { name: 'Orders revealed last turn' })).toBeVisible();
  await checked(page, 'last turn');
  await playAgainstComputer(page);
  await checked(page, 'results');
  await page.getByRole('button', { name: 'Debrief' }).click();
  await expect(page.getByRole('heading', { name: /^Debrief/, level: 1 })).toBeVisible();
  await checked(page, 'debrief');
  await page.getByRole('button', { name: 'Replay this game' }).click();
  await expect(page.getByRole('heading', { name: /^Replay/, level: 1 })).toBeVisible();
  await checked(page, 'replay');
  await page.getByRole('button', { name: 'Leave the replay' }).click();
  await page.goto('/');
  await openMenu(page);
  await page.getByRole('button', { name: 'Class results' }).click();
  await expect(page.getByRole('heading', { name: 'Class results', level: 1 })).toBeVisible();
  await checked(page, 'class results');
  expect(errors).toEqual([]);
});

test('axe: a game open in another tab — the storage warning over a read-only table', async ({ page }) => {
  const errors = watchErrors(page);
  await openMenu(page);
  await startHotSeat(page, 'a11y-tabs');
  await toTheTable(page);
  await page.getByRole('button', { name: 'Done talking (pass)' }).click();
  await expect(page).toHaveURL(/#game=[a-z0-9]+$/);
  const second = await page.context().newPage();
  const errors2 = watchErrors(second);
  await second.goto(page.url());
  await expect(second.locator('[data-alert="elsewhere"]')).toBeVisible();
  await checked(second, 'game open in another tab');
  await lift(second, 'Beijing');
  await expect(second.getByRole('button', { name: 'Done talking (pass)' })).toBeDisabled();
  await checked(second, 'read-only table');
  expect(errors).toEqual([]);
  expect(errors2).toEqual([]);
});

test.describe('online', () => {
  let server: Awaited<ReturnType<typeof spawnServer>> | null = null;
  test.beforeAll(async () => {
    test.setTimeout(300_000);
    // serve builds the site first when the build is missing or older than the sources
    server = await spawnServer(
      // the server's files under Playwright's output folder, which every run empties first
      ['--port', '0', '--data', 'test-results/browser/a11y-online-data'],
      {},
      true,
    );
  });
  test.afterAll(async () => {
    await server?.stop();
  });

  test('axe: no serious or critical violation on the online screens', async ({ browser }) => {
    test.setTimeout(180_000);
    const base = `http://127.0.0.1:${server?.port}`;
    const us = await (await browser.newContext()).newPage();
    const cn = await (await browser.newContext()).newPage();
    const errors = [...watchErrors(us), ...watchErrors(cn)];
    await us.goto(`${base}/#online`);
    await expect(us.getByRole('region', { name: 'Create a game' })).toBeVisible({ timeout: 20_000 });
    await checked(us, 'online lobby');
    const create = us.getByRole('region', { name: 'Create a game' });
    await create.getByLabel('Your side').selectOption('us');
    await create.getByRole('button', { name: 'Create game' }).click();
    const code = ((await us.getByTestId('room-code').textContent()) ?? '').trim();
    await checked(us, 'online room, waiting');

    await cn.goto(`${base}/#room=${code}`);
    await expect(cn.getByTestId('free-seats')).toContainText('Beijing is free');
    await checked(cn, 'online join form');
    const join = cn.getByRole('region', { name: 'Join a game' });
    await join.getByRole('button', { name: 'Join game' }).click();
    await expect(cn.getByTestId('room-code')).toHaveText(code);
    await checked(cn, 'online talks');

    // both end the talks, whoever the room waits on first: the orders
    const when = us.getByTestId('online-when');
    for (let i = 0; i < 40 && !/orders/.test((await when.textContent()) ?? ''); i++)
      for (const p of [us, cn]) {
        const done = p.getByRole('button', { name: 'Done talking' });
        if (await done.isVisible()) await done.click({ timeout: 3_000 }).catch(() => undefined);
        else await p.waitForTimeout(100);
      }
    await expect(when).toContainText('orders');
    await checked(us, 'online orders');
    expect(errors).toEqual([]);
  });
});
