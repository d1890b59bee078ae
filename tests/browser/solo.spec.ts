// A new player against the computer: a whole game of Road to Busan from the menu to the results
// screen, the computer's moves shown with their reasons (pace: instant).
import { expect, test } from '@playwright/test';
import { calendar, openMenu, shot, tableReady, watchErrors } from './helpers';

test('solo: a full game of Road to Busan against the computer, to the results', async ({ page }) => {
  test.setTimeout(300_000);
  const errors = watchErrors(page);
  await openMenu(page);
  const solo = page.getByLabel('Against the computer');
  await expect(solo).toBeVisible();
  await page.waitForFunction(
    () => !document.querySelector('input[value="solo"]')?.hasAttribute('data-loading'),
  );
  await expect(page.getByText('The computer opponent is not in this build yet.')).toHaveCount(0);
  await expect(solo).toBeEnabled({ timeout: 20_000 });
  await page.getByRole('radio', { name: 'Play Road to Busan' }).check();
  await page.getByRole('radio', { name: /^Washington/ }).check();
  await solo.check();
  await page.getByRole('combobox', { name: 'Pace of the computer' }).selectOption({ label: 'Instant' });
  await page.getByLabel('Seed').fill('solo-1');
  await shot(page, 'menu-solo');
  await page.getByRole('button', { name: 'Start game' }).click();
  await expect(page.getByRole('heading', { name: /Briefing: Washington/ })).toBeVisible();
  await page.getByRole('button', { name: 'To the table', exact: true }).click();
  await tableReady(page);
  const results = page.getByRole('heading', { name: /^Results/ });
  let sentPackage = false;
  let sawComputer = false;
  for (let step = 0; step < 400; step++) {
    if (await results.isVisible()) break;
    const accept = page.getByRole('button', { name: 'Accept' });
    const pass = page.getByRole('button', { name: 'Done talking (pass)' });
    const passOrders = page.getByRole('button', { name: 'Pass: no orders' });
    const modest = page.getByRole('button', { name: 'Keep it modest' });
    if (!sawComputer && (await page.getByRole('region', { name: 'The computer’s moves' }).isVisible())) {
      sawComputer = true;
      await shot(page, 'solo-computer-moves');
    }
    if (await modest.isVisible()) await modest.click();
    else if ((await accept.isVisible()) && (await accept.isEnabled())) await accept.click();
    else if (await accept.isVisible()) await page.getByRole('button', { name: 'Reject' }).click();
    else if (!sentPackage && (await pass.isVisible())) {
      // one offer on the first turn: a cut in the US tariff for Beijing's soybean purchases
      await page
        .getByRole('combobox', { name: 'You offer' })
        .selectOption({ label: 'US tariff to “20% (fentanyl tariff)”' });
      await page.getByRole('button', { name: 'Add: You offer' }).click();
      await page
        .getByRole('combobox', { name: 'You ask Beijing for' })
        .selectOption({ label: 'Soybeans to “reduced purchases”' });
      await page.getByRole('button', { name: 'Add: You ask Beijing for' }).click();
      await page.getByRole('button', { name: 'Send proposal' }).click();
      sentPackage = true;
      // the computer answers with its reason; the player takes the proposal back (undo)
      const news = page.getByRole('region', { name: 'News' });
      await expect(news).toContainText(/Beijing (accepts|rejects)/);
      await expect(page.getByRole('region', { name: 'The computer’s moves' })).toBeVisible();
      await page.getByRole('button', { name: 'Undo my last move' }).click();
      await expect(news).not.toContainText('Washington proposes');
      await shot(page, 'solo-after-undo');
    } else if (await pass.isVisible()) await pass.click();
    else if (await passOrders.isVisible()) await passOrders.click();
    else await page.waitForTimeout(100);
  }
  await expect(results).toBeVisible();
  await expect(calendar(page)).toHaveCount(0);
  const verdict = page.getByRole('status').first();
  await expect(verdict).toContainText(/did better|draw/);
  await expect(page.getByRole('region', { name: 'Washington’s score' })).toContainText(
    'Score against the no-deal line',
  );
  await expect(page.getByRole('region', { name: 'Beijing’s score' })).toContainText('Normalised');
  await expect(page.getByText(/Value created/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'New game' })).toBeVisible();
  await shot(page, 'results');
  expect(sawComputer).toBe(true);
  expect(errors).toEqual([]);
});
