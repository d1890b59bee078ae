// A student plays the tutorial (Opening Bid) as Washington against the computer at level 1: Beijing
// opens with an offer, the student turns it down and sends a small package of its own, Beijing
// rejects it saying what it needs and counters from it, and the student signs the counter.
import { expect, test } from '@playwright/test';
import { draftPackage, openMenu, shot, tableReady, watchErrors } from './helpers';

test('tutorial against level 1: an opening offer, a counter and a deal', async ({ page }) => {
  test.setTimeout(180_000);
  const errors = watchErrors(page);
  await openMenu(page);
  const solo = page.getByLabel('Against the computer');
  await expect(solo).toBeEnabled({ timeout: 20_000 });
  await page.getByRole('radio', { name: 'Play Opening Bid (tutorial)' }).check();
  await page.getByRole('radio', { name: /^Washington/ }).check();
  await solo.check();
  await page.getByRole('combobox', { name: 'Pace of the computer' }).selectOption({ label: 'Instant' });
  await page.getByRole('combobox', { name: 'Computer’s level' }).selectOption({ label: 'Level 1 (gentle)' });
  await page.getByLabel('Seed').fill('tutorial-1');
  await page.getByRole('button', { name: 'Start game' }).click();
  await expect(page.getByRole('heading', { name: /Briefing: Washington/ })).toBeVisible();
  await page.getByRole('button', { name: 'To the table', exact: true }).click();
  await tableReady(page);

  // Beijing speaks first, with an opening offer in plain words.
  const computer = page.getByRole('region', { name: 'The computer’s moves' });
  await expect(computer).toContainText(
    /Beijing (opens the talks|makes its opening bid|puts its first offer)/,
  );
  await expect(computer).not.toContainText(/say:|too-little|\.txt/);
  await shot(page, 'tutorial-opening-offer');
  await page.getByRole('button', { name: 'Reject' }).click();

  // A small package of the student's own: Beijing rejects it and counters from it.
  await draftPackage(
    page,
    'Washington',
    'Openness to Chinese investment in US battery and EV plants',
    'Soybean purchase pledge (large)',
  );
  await page.getByRole('button', { name: 'Send proposal' }).click();
  await expect(computer).toContainText(
    /Beijing (counters from|answers with its own version of|reworks) Washington’s/,
  );
  await shot(page, 'tutorial-counter');

  // The student signs the counter: a deal.
  const accept = page.getByRole('button', { name: 'Accept' });
  await expect(accept).toBeEnabled();
  await accept.click();
  await expect(page.getByRole('region', { name: 'News' })).toContainText('Washington accepts the package');
  await shot(page, 'tutorial-deal');
  expect(errors).toEqual([]);
});
