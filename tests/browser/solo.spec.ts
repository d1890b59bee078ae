// A new player against the computer: a whole game of Road to Busan from the menu to the results
// screen, the computer's moves shown with their reasons (pace: instant).
import { expect, test } from '@playwright/test';
import {
  calendar,
  chooseSolo,
  draftTariffForSoybeans,
  fitsAPhone,
  openMenu,
  PHONE,
  PROJECTOR,
  playAgainstComputer,
  shot,
  shotAt,
  tableReady,
  watchErrors,
} from './helpers.ts';

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
  await chooseSolo(page, 'solo-1');
  await shot(page, 'menu-solo');
  await page.getByRole('button', { name: 'Start game' }).click();
  await expect(page.getByRole('heading', { name: /Briefing: Washington/ })).toBeVisible();
  await page.getByRole('button', { name: 'To the table', exact: true }).click();
  await tableReady(page);
  let sentPackage = false;
  let sawComputer = false;
  await playAgainstComputer(page, {
    accept: true,
    everyStep: async () => {
      if (!sawComputer && (await page.getByRole('region', { name: 'The computer’s moves' }).isVisible())) {
        sawComputer = true;
        await shot(page, 'solo-computer-moves');
      }
    },
    talk: async () => {
      if (sentPackage) return false;
      // one offer on the first turn: a cut in the US tariff for Beijing's soybean purchases
      await draftTariffForSoybeans(page);
      await page.getByRole('button', { name: 'Send proposal' }).click();
      sentPackage = true;
      // the computer answers with its reason; the player takes the proposal back (undo)
      const news = page.getByRole('region', { name: 'News' });
      await expect(news).toContainText(/Beijing (accepts|rejects)/);
      await expect(page.getByRole('region', { name: 'The computer’s moves' })).toBeVisible();
      await page.getByRole('button', { name: 'Undo my last move' }).click();
      await expect(news).not.toContainText('Washington proposes');
      await shot(page, 'solo-after-undo');
      return true;
    },
  });
  await expect(calendar(page)).toHaveCount(0);
  const verdict = page.getByRole('status').first();
  await expect(verdict).toContainText(/did better|draw/);
  // one score on one scale, its meaning said once, the utility behind it one click away
  await expect(page.getByText(/^Your score: −?\d+\. 0 is where you would be had neither side/)).toBeVisible();
  await expect(page.getByRole('region', { name: 'Washington’s score' })).toContainText(/Score: −?\d+/);
  await expect(page.getByRole('region', { name: 'Beijing’s score' })).toContainText(
    'The utility behind the score',
  );
  await expect(page.getByText(/Value created/)).toBeVisible();
  // the parts of a score are shown to a tenth, and add up to the whole-number score beside them
  const num = (t: string) => Number(t.replace('−', '-'));
  for (const side of ['Washington', 'Beijing']) {
    const card = page.getByRole('region', { name: `${side}’s score` });
    const text = (await card.textContent()) ?? '';
    const score = num(/Score: (−?\d+)/.exec(text)![1]!);
    const game = num(/From the game \(score points\)\s*(−?\d+\.\d)/.exec(text)![1]!);
    const bonus = num(/Objectives \(score points, at most 33\)\s*(−?\d+\.\d)/.exec(text)![1]!);
    expect(Math.abs(game + bonus - score)).toBeLessThanOrEqual(0.5 + 1e-9);
  }
  await expect(page.getByRole('button', { name: 'New game' })).toBeVisible();
  await shot(page, 'results');
  // on a phone the results fit the screen's width: nothing to scroll sideways
  await fitsAPhone(page, 'results');
  const usCard = page.getByRole('region', { name: 'Washington’s score' });
  await shotAt(page, PROJECTOR, usCard, 'results');
  await shotAt(page, PHONE, usCard, 'results');
  expect(sawComputer).toBe(true);
  expect(errors).toEqual([]);
});
