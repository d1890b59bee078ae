// Online play in Debian's Chromium, on the production build served by the game server: Washington
// and Beijing on their own "laptops" (two browser contexts) join by the room's code, play two turns,
// Beijing reloads in the middle of a turn and carries on with its seat, and an observer (a third
// context) follows the game without ever showing either side's private text.
import { type Browser, type BrowserContext, expect, type Page, test } from '@playwright/test';
import { spawnServer } from '../server/spawn.ts';
import { shot, watchErrors } from './helpers.ts';

const PORT = Number(process.env.PW_ONLINE_PORT ?? 25750);
let server: Awaited<ReturnType<typeof spawnServer>> | null = null;

test.beforeAll(async () => {
  test.setTimeout(300_000);
  // serve builds the site first when the build is missing or older than the sources
  server = await spawnServer(
    // the server's files under Playwright's output folder, which every run empties first
    ['--port', String(PORT), '--data', 'test-results/browser/online-data'],
    {},
    true,
  );
});
test.afterAll(async () => {
  await server?.stop();
});

const base = `http://127.0.0.1:${PORT}`;

async function laptop(browser: Browser): Promise<{ ctx: BrowserContext; page: Page; errors: string[] }> {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await ctx.newPage();
  return { ctx, page, errors: watchErrors(page) };
}

const when = (page: Page) => page.getByTestId('online-when');

/** The private text a player's page shows in its briefing. */
async function privateText(page: Page): Promise<string[]> {
  const details = page.getByTestId('private');
  await details.locator('summary').click();
  const items = await details.locator('p, li').allInnerTexts();
  return items.map((t) => t.replace(/^Red line: /, '').trim()).filter((t) => t.length > 12);
}

async function showsNone(page: Page, texts: readonly string[]) {
  // the page's whole text, hidden parts included: a secret must not reach the page at all
  const shown = (await page.locator('body').textContent()) ?? '';
  for (const t of texts)
    expect(shown.includes(t.slice(0, 60)), `the observer shows “${t.slice(0, 60)}”`).toBe(false);
  await expect(page.getByTestId('private')).toHaveCount(0);
}

/** Both sides end the talks (whoever the room waits on first). */
async function talk(a: Page, b: Page) {
  for (let i = 0; i < 4; i++) {
    if (/orders/.test((await when(a).textContent()) ?? '')) return;
    for (const p of [a, b]) {
      const done = p.getByRole('button', { name: 'Done talking' });
      if (await done.isVisible()) {
        await done.click();
        await expect(done).toHaveCount(0);
      }
    }
    await a.waitForTimeout(100);
  }
  await expect(when(a)).toContainText('orders');
}

test('two laptops join by code, play two turns with a reload, watched by an observer', async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const us = await laptop(browser);
  const cn = await laptop(browser);
  const obs = await laptop(browser);

  await us.page.goto(`${base}/`);
  await us.page.getByRole('button', { name: 'Play online' }).click();
  const create = us.page.getByRole('region', { name: 'Create a game' });
  await create.getByLabel('Your side').selectOption('us');
  await create.getByLabel('Your name (optional)').fill('Ana');
  await create.getByRole('button', { name: 'Create game' }).click();
  const code = ((await us.page.getByTestId('room-code').textContent()) ?? '').trim();
  expect(code).toMatch(/^[A-Z0-9]{6}$/);
  await shot(us.page, 'online-room-created');

  await cn.page.goto(`${base}/#room=${code}`);
  const join = cn.page.getByRole('region', { name: 'Join a game' });
  await expect(join.getByLabel('Room code')).toHaveValue(code);
  // the join form says which side is free, and a taken side cannot be picked
  await expect(cn.page.getByTestId('free-seats')).toContainText('Beijing is free; Washington is taken.');
  await expect(join.getByRole('option', { name: 'Washington (taken)' })).toBeDisabled();
  await expect(join.getByLabel('Your side')).toHaveValue('cn');
  await shot(cn.page, 'online-join-free-side');
  await join.getByLabel('Your side').selectOption('cn');
  await join.getByLabel('Your name (optional)').fill('Bo');
  await join.getByRole('button', { name: 'Join game' }).click();
  await expect(cn.page.getByTestId('room-code')).toHaveText(code);

  await obs.page.goto(`${base}/#online`);
  const watch = obs.page.getByRole('region', { name: 'Join a game' });
  await watch.getByLabel('Room code').fill(code.toLowerCase());
  await expect(obs.page.getByTestId('free-seats')).toContainText('both sides are taken');
  await expect(watch.getByLabel('Your side')).toHaveValue('observer');
  await watch.getByLabel('Your side').selectOption('observer');
  await watch.getByRole('button', { name: 'Join game' }).click();
  await expect(obs.page.getByTestId('seats')).toContainText('Washington: Ana');
  await expect(obs.page.getByTestId('seats')).toContainText('Beijing: Bo');

  const secrets = [...(await privateText(us.page)), ...(await privateText(cn.page))];
  expect(secrets.length).toBeGreaterThan(2);
  await showsNone(obs.page, secrets);

  // turn 1: talks, then orders — Washington picks one, Beijing holds still
  await talk(us.page, cn.page);
  // every order listed shows its effect on the seat's projected score, from its own view
  const effects = us.page.locator('.online-orders .order-effect');
  await expect(effects.first()).toContainText('your score');
  await expect(effects.last()).toContainText('your score');
  await us.page.locator('.online-orders input[type=checkbox]').first().check();
  // previews come from the seat's own view, with the preview dice
  await us.page.getByRole('button', { name: 'Preview these orders' }).click();
  await expect(us.page.getByTestId('preview')).toContainText('projected score');
  await us.page.getByRole('button', { name: 'Submit orders' }).click();
  await expect(us.page.getByText(/Your orders are in/)).toBeVisible();
  await expect(cn.page.getByText('Washington’s orders: in.')).toBeVisible();
  await cn.page.getByRole('button', { name: 'Submit: hold still' }).click();
  await expect(when(us.page)).toContainText('Turn 2');
  await expect(when(cn.page)).toContainText('Turn 2');
  await expect(us.page.getByRole('heading', { name: 'Last turn’s orders' })).toBeVisible();
  await showsNone(obs.page, secrets);

  // turn 2: mid-turn, Beijing reloads its page and takes its seat back
  await talk(us.page, cn.page);
  await us.page.getByRole('button', { name: /Submit/ }).click();
  await cn.page.reload();
  await expect(cn.page.getByTestId('room-code')).toHaveText(code);
  await expect(cn.page.getByText('You play Beijing as Bo.')).toBeVisible();
  await expect(when(cn.page)).toContainText('Turn 2');
  await expect(cn.page.getByText('Washington’s orders: in.')).toBeVisible();
  await shot(cn.page, 'online-after-reload');
  await cn.page.locator('.online-orders input[type=checkbox]').first().check();
  await cn.page.getByRole('button', { name: 'Submit orders' }).click();
  await expect(when(us.page)).toContainText('Turn 3');
  await expect(when(obs.page)).toContainText('Turn 3');
  await obs.page.getByRole('button', { name: 'Where things stand' }).click();
  await expect(obs.page.getByTestId('preview')).toContainText('If both sides hold still');
  await showsNone(obs.page, secrets);
  await shot(obs.page, 'online-observer');
  await shot(us.page, 'online-washington');

  for (const l of [us, cn, obs]) expect(l.errors).toEqual([]);
  await Promise.all([us.ctx.close(), cn.ctx.close(), obs.ctx.close()]);
});
