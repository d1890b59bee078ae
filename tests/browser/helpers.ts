// Shared steps of the browser tests: everything by role and label, as a player would find it.
import { expect, type Page } from '@playwright/test';

export const SCREENS = 'test-results/screens';

export async function shot(page: Page, name: string) {
  await page.screenshot({ path: `${SCREENS}/${name}.png` });
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
export async function lift(page: Page, side: 'Washington' | 'Beijing') {
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
export async function liftIfAsked(page: Page, side: 'Washington' | 'Beijing') {
  const b = page.getByRole('button', { name: `I am ${side}: show my side` });
  if (await b.isVisible()) await lift(page, side);
}

export async function tableReady(page: Page) {
  await expect(page.locator('body[data-table="ready"]')).toHaveCount(1, { timeout: 30_000 });
}

export const calendar = (page: Page) => page.getByRole('status', { name: 'Calendar' });
