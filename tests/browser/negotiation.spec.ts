// A student negotiates in the tutorial against the gentlest computer: Beijing opens with its Phase One
// bid, the student turns it down and sends a package of their own through the package builder,
// Beijing rejects it and counters from it, and the student signs the counter. Everything through the
// screen as a student sees it; the seed fixes the game, and every step waits for what the screen shows.
import { expect, type Locator, test } from '@playwright/test';
import { chooseSolo, openMenu, PHONE, shot, shotAt, tableReady, watchErrors } from './helpers.ts';

test.use({ viewport: { width: 1280, height: 800 } });

/** Nothing a student reads may carry an internal code or a source's file id. */
const INTERNAL = /\b(search|template|rule|random):|\b\d{3}_[0-9a-f]{6,}|\.txt\b|too-little/;

const lines = async (list: Locator) => (await list.locator('li').allTextContents()).map((t) => t.trim());

test('tutorial at level 1: Beijing opens, counters the student’s package, and the counter is signed', async ({
  page,
}) => {
  const errors = watchErrors(page);
  await openMenu(page);
  await chooseSolo(page, 'negotiation-1', { scenario: 'Opening Bid (tutorial)', level: 'Level 1 (gentle)' });
  await page.getByRole('button', { name: 'Start game' }).click();
  await expect(page.getByRole('heading', { name: /Briefing: Washington/ })).toBeVisible();
  await page.getByRole('button', { name: 'To the table', exact: true }).click();
  await tableReady(page);

  // 1. Beijing opens: its proposal is on the table, with its reason in plain words.
  const table = page.getByRole('region', { name: 'Proposal on the table' });
  const computer = page.getByRole('region', { name: 'The computer’s moves' });
  await expect(table.getByRole('heading', { name: 'Beijing proposes' })).toBeVisible();
  await expect(table).toContainText('Energy and farm purchases');
  await expect(computer).toContainText(/Beijing (builds its offer on history|offers along the lines)/);
  await expect(computer).toContainText('Phase One');
  expect(await computer.textContent()).not.toMatch(INTERNAL);

  // 2. The student turns it down and builds a package of their own.
  await page.getByRole('button', { name: 'Reject', exact: true }).click();
  const builder = page.getByRole('region', { name: 'Build a package' });
  await expect(builder).toBeVisible();
  const add = async (group: 'You offer' | 'You ask Beijing for', clause: string) => {
    await builder.getByRole('combobox', { name: group }).selectOption({ label: clause });
    await builder.getByRole('button', { name: `Add: ${group}` }).click();
  };
  await add('You offer', 'US tariff to “0%”');
  await add('You offer', 'Chip controls to “downgraded Blackwell allowed, HBM controlled”');
  await add('You ask Beijing for', 'Energy and farm purchases (Phase One style) (large)');
  await add('You ask Beijing for', 'Fentanyl cooperation (precursors and money laundering)');
  const mine = builder.getByRole('list', { name: 'Your package' });
  await expect(mine.locator('li')).toHaveCount(4);
  const offered = (await mine.locator('li > span').allTextContents()).map((t) => t.trim());
  await builder.getByRole('button', { name: 'Send proposal' }).click();

  // Beijing rejects it and counters from it: its own proposal on the table, at least half the offer kept.
  await expect(page.getByRole('region', { name: 'News' })).toContainText('Beijing rejects the proposal');
  await expect(table.getByRole('heading', { name: 'Beijing proposes' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Accept' })).toBeEnabled();
  const counter = await lines(table.getByRole('list'));
  const kept = offered.filter((c) => counter.includes(c));
  expect(
    kept.length,
    `the counter ${JSON.stringify(counter)} keeps half of ${JSON.stringify(offered)}`,
  ).toBeGreaterThanOrEqual(Math.ceil(offered.length / 2));
  expect(counter).not.toEqual(offered);
  const newest = computer.locator('li').first();
  await expect(newest).toContainText(
    /counter-offer|counters from the offer|takes the offer as a starting point and puts back what it needs/,
  );
  expect(await computer.textContent()).not.toMatch(INTERNAL);
  await table.scrollIntoViewIfNeeded(); // the side panel opens at the answer: its top shows the offer
  await shot(page, 'negotiation-counter');
  // the computer's sentence for its counter, on this screen and on a phone
  await newest.scrollIntoViewIfNeeded();
  await shot(page, 'negotiation-counter-reason');
  await shotAt(page, PHONE, newest, 'negotiation-counter-reason');
  await table.scrollIntoViewIfNeeded();

  // 3. The student signs the counter: the deal is made, and the news says so.
  await page.getByRole('button', { name: 'Accept' }).click();
  await expect(page.getByRole('region', { name: 'News' })).toContainText('Washington accepts the package');
  await expect(
    page.getByRole('heading', { name: 'A deal was made: how do you tell it at home?' }),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Keep it modest' }).click();
  await expect(page.getByRole('region', { name: 'News' })).toContainText(
    'Washington keeps its readout modest',
  );
  await shot(page, 'negotiation-deal');
  // the signed clauses took effect at once: the table in words shows the US tariff cut to 0%
  await page.getByRole('button', { name: 'Show the table in words' }).click();
  await expect(
    page
      .getByRole('region', { name: 'Washington on the table' })
      .getByRole('listitem')
      .filter({ hasText: 'US tariff' }),
  ).toContainText('US tariff: 0%');
  // … and lists the deal in force, clause by clause
  const deal = page.getByRole('region', { name: 'Deals in force' });
  await expect(deal).toContainText('Deal in force');
  await expect(deal).toContainText('Signed 4 Feb 2025');
  await expect(deal).toContainText('US tariff');
  await deal.scrollIntoViewIfNeeded();
  await shot(page, 'negotiation-table-in-words');
  // on a phone the table in words stands in for the drawn table: the deal reads there too
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(deal).toContainText('Signed 4 Feb 2025');
  await deal.scrollIntoViewIfNeeded();
  await shot(page, 'negotiation-table-in-words-390x844');
  await page.setViewportSize({ width: 1280, height: 800 });
  expect(errors).toEqual([]);
});
