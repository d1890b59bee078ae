// Shared steps of the browser tests: everything by role and label, as a player would find it.
import AxeBuilder from '@axe-core/playwright';
import { expect, type Locator, type Page } from '@playwright/test';

export const SCREENS = 'test-results/screens';

type Side = 'Washington' | 'Beijing';

/** axe-core on the page as it is: any serious or critical violation fails, named with its nodes. */
export async function noSeriousViolations(page: Page, screen: string) {
  const r = await new AxeBuilder({ page }).analyze();
  const bad = r.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${screen}: ${v.id} (${v.impact}) on ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(bad).toEqual([]);
}

export async function shot(page: Page, name: string) {
  await page.screenshot({ path: `${SCREENS}/${name}.png` });
}

export const PROJECTOR = { width: 1280, height: 800 } as const;
export const PHONE = { width: 390, height: 844 } as const;

/**
 * Photographs `target` as a window of `size` shows it (`NAME-WIDTHxHEIGHT.png`), then gives the
 * window its size back.
 */
export async function shotAt(
  page: Page,
  size: { width: number; height: number },
  target: Locator,
  name: string,
) {
  const was = page.viewportSize();
  await page.setViewportSize(size);
  await target.scrollIntoViewIfNeeded();
  await shot(page, `${name}-${size.width}x${size.height}`);
  if (was) await page.setViewportSize(was);
}

/** On a phone the screen scrolls up and down only: nothing runs past its right edge. */
export async function fitsAPhone(page: Page, screen: string) {
  const was = page.viewportSize();
  await page.setViewportSize(PHONE);
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => done(null))));
  const wide = await page.evaluate((width) => {
    if (document.documentElement.scrollWidth <= width) return [];
    return [...document.querySelectorAll('body *')]
      .filter((e) => e.getBoundingClientRect().right > width + 1)
      .slice(0, 4)
      .map(
        (e) =>
          `${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ''}.${e.className}${e.getAttribute('type') ? `[${e.getAttribute('type')}]` : ''} (${Math.round(e.getBoundingClientRect().right)} px)`,
      );
  }, PHONE.width);
  // what ran past the edge, photographed for the failure's report
  if (wide.length > 0)
    await page.screenshot({ path: `${SCREENS}/too-wide-${screen.replace(/\W+/g, '-')}.png` });
  if (was) await page.setViewportSize(was);
  expect(wide, `${screen} on a phone`).toEqual([]);
}

/** Fails the test on any page error or any alert/confirm dialog. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('dialog', (d) => {
    errors.push(`a dialog opened: ${d.message()}`);
    void d.dismiss();
  });
  return errors;
}

export async function openMenu(page: Page, url = '/') {
  await page.goto(url);
  await expect(page.getByRole('heading', { name: 'Upper Hand', level: 1 })).toBeVisible();
}

/** Starts a two-player game of the selected scenario with the given seed. */
export async function startHotSeat(page: Page, seed = 'test-seed', scenario = 'Road to Busan') {
  await page.getByRole('radio', { name: `Play ${scenario}` }).check();
  await page.getByLabel('Two players at one screen').check();
  await page.getByLabel('Seed').fill(seed);
  await page.getByRole('button', { name: 'Start game' }).click();
}

/** The next player takes the screen. */
export async function lift(page: Page, side: Side) {
  await page.getByRole('button', { name: `I am ${side}: show my side` }).click();
  await expect(page.getByRole('dialog', { name: /Pass the screen/ })).toHaveCount(0);
}

/** Both briefings read (hot-seat), up to the table. */
export async function throughBriefings(page: Page) {
  await lift(page, 'Washington');
  await expect(page.getByRole('heading', { name: /Briefing: Washington/ })).toBeVisible();
  await page.getByRole('button', { name: 'To the table', exact: true }).click();
  await lift(page, 'Beijing');
  await expect(page.getByRole('heading', { name: /Briefing: Beijing/ })).toBeVisible();
  await page.getByRole('button', { name: 'To the table', exact: true }).click();
}

/** Lifts the curtain if it is up for `side`. */
export async function liftIfAsked(page: Page, side: Side) {
  const b = page.getByRole('button', { name: `I am ${side}: show my side` });
  if (await b.isVisible()) await lift(page, side);
}

export async function tableReady(page: Page) {
  await expect(page.locator('body[data-table="ready"]')).toHaveCount(1, { timeout: 30_000 });
}

export const calendar = (page: Page) => page.getByRole('status', { name: 'Calendar' });

const OTHER: Record<Side, Side> = { Washington: 'Beijing', Beijing: 'Washington' };

/**
 * Puts one clause from each side into the package being drafted (on the table, or within the
 * counter-proposal's region): what `side` offers, and what it asks of the other side.
 */
export async function draftPackage(scope: Page | Locator, side: Side, offer: string, ask: string) {
  await scope.getByRole('combobox', { name: 'You offer' }).selectOption({ label: offer });
  await scope.getByRole('button', { name: 'Add: You offer' }).click();
  const asks = `You ask ${OTHER[side]} for`;
  await scope.getByRole('combobox', { name: asks }).selectOption({ label: ask });
  await scope.getByRole('button', { name: `Add: ${asks}` }).click();
}

/** Road to Busan's first offer in these tests: Washington cuts its tariff for Beijing's soybean purchases. */
export const draftTariffForSoybeans = (scope: Page | Locator) =>
  draftPackage(
    scope,
    'Washington',
    'US tariff to “20% (fentanyl tariff)”',
    'Soybeans to “reduced purchases”',
  );

/** The side at the screen gives one order (the first) and submits its orders. */
export async function giveOrder(page: Page, order: string) {
  // orders are grouped by lever: a list of orders on each instrument, a box for each of the others;
  // wait for the one that holds this order (the orders may still be drawing after the talks end)
  // an option's text adds the order's effect on the score once it is worked out: " — your score …"
  const box = page.getByRole('checkbox', { name: order, exact: true });
  const named = new RegExp(`^${order.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}( — |$)`);
  const lever = page
    .getByRole('combobox', { name: /^Order on / })
    .filter({ has: page.locator('option', { hasText: named }) })
    .first();
  await expect(box.or(lever).first()).toBeVisible();
  if ((await box.count()) > 0) await box.check();
  else {
    const value = await lever.locator('option', { hasText: named }).first().getAttribute('value');
    await lever.selectOption(value ?? '');
  }
  await page.getByRole('button', { name: 'Submit orders' }).click();
}

/** Hot-seat, from the menu's start to Washington at the table: both briefings read, the curtain lifted. */
export async function toTheTable(page: Page) {
  await throughBriefings(page);
  await lift(page, 'Washington');
  await tableReady(page);
}

/** Hot-seat, Washington at the screen: both sides pass the talks, and Washington has the screen again. */
export async function bothPassTheTalks(page: Page) {
  await page.getByRole('button', { name: 'Done talking (pass)' }).click();
  await lift(page, 'Beijing');
  await page.getByRole('button', { name: 'Done talking (pass)' }).click();
  await lift(page, 'Washington');
}

/** Hot-seat, Washington at the screen: both sides pass the talks and give no orders, ending the turn. */
export async function passTheTurn(page: Page) {
  await bothPassTheTalks(page);
  await page.getByRole('button', { name: 'Pass: no orders' }).click();
  await lift(page, 'Beijing');
  await page.getByRole('button', { name: 'Pass: no orders' }).click();
}

/**
 * On the menu: a scenario (Road to Busan unless named) as Washington against the computer (at its
 * default level unless named), at instant pace, with this seed.
 */
export async function chooseSolo(page: Page, seed: string, opts: { scenario?: string; level?: string } = {}) {
  const solo = page.getByLabel('Against the computer');
  await expect(solo).toBeEnabled({ timeout: 20_000 });
  await page.getByRole('radio', { name: `Play ${opts.scenario ?? 'Road to Busan'}` }).check();
  await page.getByRole('radio', { name: /^Washington/ }).check();
  await solo.check();
  if (opts.level)
    await page.getByRole('combobox', { name: 'Computer’s level' }).selectOption({ label: opts.level });
  await page.getByRole('combobox', { name: 'Pace of the computer' }).selectOption({ label: 'Instant' });
  await page.getByLabel('Seed').fill(seed);
}

/**
 * Plays Washington against the computer up to the results: keeps it modest when asked, answers a
 * proposal (accepts it if `accept` and the button is enabled, else rejects it), passes the talks and
 * gives no orders. `everyStep` runs first at each step; `talk`, when the talks are Washington's, may
 * make a move instead of passing (it returns true when it did).
 */
export async function playAgainstComputer(
  page: Page,
  opts: { accept?: boolean; everyStep?: () => Promise<void>; talk?: () => Promise<boolean> } = {},
) {
  const results = page.getByRole('heading', { name: /^Results/ });
  for (let step = 0; step < 400; step++) {
    if (await results.isVisible()) break;
    const accept = page.getByRole('button', { name: 'Accept' });
    const pass = page.getByRole('button', { name: 'Done talking (pass)' });
    const passOrders = page.getByRole('button', { name: 'Pass: no orders' });
    const modest = page.getByRole('button', { name: 'Keep it modest' });
    await opts.everyStep?.();
    // The computer moves while this loop looks: a button seen a moment ago may be gone by the click,
    // so a click that does not land soon is given up and the loop looks again.
    const click = (l: Locator) => l.click({ timeout: 3_000 }).catch(() => undefined);
    if (await modest.isVisible()) await click(modest);
    else if (
      opts.accept &&
      (await accept.isVisible()) &&
      (await accept.isEnabled({ timeout: 1000 }).catch(() => false))
    )
      await click(accept);
    else if (await accept.isVisible()) await click(page.getByRole('button', { name: 'Reject' }));
    else if (await pass.isVisible()) {
      if (!(await opts.talk?.())) await click(pass);
    } else if (await passOrders.isVisible()) await click(passOrders);
    else await page.waitForTimeout(100);
  }
  await expect(results).toBeVisible();
}

/** From the menu's first screen, the default game (as the menu offers it) up to the table. */
export async function startDefaultGame(page: Page) {
  await openMenu(page);
  const start = page.getByRole('button', { name: 'Start game' });
  await expect(start).toBeEnabled({ timeout: 20_000 });
  await start.click();
  await page.getByRole('button', { name: 'To the table', exact: true }).click();
  await tableReady(page);
  await turnDownOffers(page);
}

/**
 * The computer may open the talks with an offer: each offer on the table is turned down until the
 * talks are the player's (its "Done talking (pass)" shows). `onOffer` runs at the first offer seen.
 */
export async function turnDownOffers(page: Page, onOffer?: () => Promise<void>) {
  const pass = page.getByRole('button', { name: 'Done talking (pass)' });
  const reject = page.getByRole('button', { name: 'Reject' });
  await expect(pass.or(reject).first()).toBeVisible();
  for (let i = 0; i < 5 && (await reject.isVisible()); i++) {
    if (i === 0) await onOffer?.();
    await reject.click({ timeout: 3_000 }).catch(() => undefined);
    await expect(pass.or(reject).first()).toBeVisible();
  }
  await expect(pass).toBeVisible();
}
