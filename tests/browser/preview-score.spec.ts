// The preview that the end confirms: Washington signs a package whose preview printed its projected
// score and range, both sides then pass to the end with random events off, and Washington's final
// score lies within the range the preview printed.
import { expect, type Locator, type Page, test } from '@playwright/test';
import {
  draftTariffForSoybeans,
  lift,
  openMenu,
  shot,
  tableReady,
  throughBriefings,
  watchErrors,
} from './helpers.ts';

const num = (s: string) => Number(s.replace('−', '-'));

/** Every remaining step held still: curtains lifted, readouts modest, talks passed, no orders. */
async function holdStillToTheEnd(page: Page) {
  const results = page.getByRole('heading', { name: /^Results/ });
  for (let step = 0; step < 400; step++) {
    if (await results.isVisible()) return;
    const curtain = page.getByRole('button', { name: /^I am (Washington|Beijing): show my side$/ });
    const modest = page.getByRole('button', { name: 'Keep it modest' });
    const pass = page.getByRole('button', { name: 'Done talking (pass)' });
    const noOrders = page.getByRole('button', { name: 'Pass: no orders' });
    // A button seen a moment ago may be gone by the click (the move is saved before the screen moves
    // on): a click that does not land soon is given up, and the loop looks again.
    const click = (l: Locator) => l.click({ timeout: 3_000 }).catch(() => undefined);
    if (await curtain.isVisible()) await click(curtain);
    else if (await modest.isVisible()) await click(modest);
    else if (await pass.isVisible()) await click(pass);
    else if (await noOrders.isVisible()) await click(noOrders);
    else await page.waitForTimeout(100);
  }
  await expect(results).toBeVisible();
}

test('a signed package, then nothing: the final score lies within the preview’s range', async ({ page }) => {
  const errors = watchErrors(page);
  await openMenu(page);
  await page.getByRole('radio', { name: 'Play Road to Busan' }).check();
  await page.getByLabel('Two players at one screen').check();
  await page.getByLabel('Random events').uncheck();
  await page.getByLabel('Seed').fill('preview-confirmed');
  await page.getByRole('button', { name: 'Start game' }).click();
  await throughBriefings(page);
  await lift(page, 'Washington');
  await tableReady(page);

  await draftTariffForSoybeans(page);
  const preview = page.getByRole('region', { name: 'Preview of the package' });
  await expect(preview).toContainText('If signed and then neither side moves again: you about');
  await expect(preview).toContainText('If nothing is signed: you');
  await expect(preview).toContainText('This package is worth');
  await shot(page, 'preview-package');
  const text = (await preview.textContent()) ?? '';
  const m = /you about (−?\d+)(?: \(usually (−?\d+)–(−?\d+)\))?/.exec(text);
  expect(m, `a projected score in “${text}”`).not.toBeNull();
  const median = num(m![1]!);
  const low = m![2] === undefined ? median : num(m![2]);
  const high = m![3] === undefined ? median : num(m![3]);

  await page.getByRole('button', { name: 'Send proposal' }).click();
  await lift(page, 'Beijing');
  await page.getByRole('button', { name: 'Accept' }).click();
  await holdStillToTheEnd(page);

  const card = page.getByRole('region', { name: 'Washington’s score' });
  await expect(card).toContainText('Score:');
  await shot(page, 'preview-results');
  const line = (await card.getByText(/^Score: −?\d+$/).textContent()) ?? '';
  const final = num(line.slice('Score: '.length));
  expect(final).toBeGreaterThanOrEqual(low);
  expect(final).toBeLessThanOrEqual(high);
  expect(errors).toEqual([]);
});
