// A reload in the middle of a game resumes it exactly (from its autosave); a corrupt or outdated save
// is reported and skipped while the others stay listed.
import { expect, test } from '@playwright/test';
import {
  bothPassTheTalks,
  calendar,
  giveOrder,
  lift,
  openMenu,
  shot,
  startHotSeat,
  tableReady,
  toTheTable,
  watchErrors,
} from './helpers';

test('a reload mid-game resumes the same state', async ({ page }) => {
  const errors = watchErrors(page);
  await openMenu(page);
  await startHotSeat(page, 'reload-1');
  await toTheTable(page);
  // turn 1: both pass the talks, Washington raises a tariff, Beijing builds an alternative
  await bothPassTheTalks(page);
  await giveOrder(page, 'Raise Chip controls to “H20 banned”');
  await lift(page, 'Beijing');
  await giveOrder(page, 'Build an alternative: Soybeans from Brazil and Argentina');
  // turn 2, mid-talks: Beijing has spoken
  await expect(calendar(page)).toContainText('Turn 2 of 11');
  await page.getByRole('button', { name: 'Done talking (pass)' }).click();
  await lift(page, 'Washington');
  const words = page.getByRole('region', { name: 'The table in words' });
  const before = await words.textContent();
  const cal = await calendar(page).textContent();
  const news = await page.getByRole('region', { name: 'News' }).textContent();
  await page.reload();
  // the game comes back behind the curtain (hot-seat), then exactly as it was
  await lift(page, 'Washington');
  await tableReady(page);
  await expect(calendar(page)).toHaveText(cal ?? '');
  expect(await words.textContent()).toBe(before);
  expect(await page.getByRole('region', { name: 'News' }).textContent()).toBe(news);
  await expect(page.getByRole('button', { name: 'Done talking (pass)' })).toBeVisible();
  await shot(page, 'reloaded');

  // back to the menu: the game is listed; a broken and an outdated save are reported, not listed
  await page.evaluate(() => {
    localStorage.setItem('upper-hand:save:broken', '{"format":1, "id": "broken", ');
    const good = Object.keys(localStorage).find(
      (k) => k.startsWith('upper-hand:save:') && k !== 'upper-hand:save:broken',
    )!;
    const save = JSON.parse(localStorage.getItem(good)!);
    localStorage.setItem(
      'upper-hand:save:outdated',
      JSON.stringify({ ...save, id: 'outdated', scenarioHash: '0000000000000000' }),
    );
    localStorage.setItem(
      'upper-hand:save:refused',
      JSON.stringify({ ...save, id: 'refused', moves: [{ type: 'accept', side: 'cn' }] }),
    );
  });
  await page.getByRole('button', { name: 'Menu' }).click();
  const saves = page.getByRole('region', { name: 'Saved games' });
  await expect(saves.getByRole('button', { name: /^Continue Road to Busan/ })).toHaveCount(1);
  await expect(saves).toContainText('Saved game broken cannot be resumed: it is not valid JSON');
  await expect(saves).toContainText(
    'Saved game outdated cannot be resumed: it was made with another version of “Road to Busan”',
  );
  await expect(saves).toContainText('Saved game refused cannot be resumed: move 1 is refused by the rules');
  // The menu is built afresh after this reload, and rebuilt once the computer opponent's code has
  // loaded (a cold dev server may take seconds): wait for that before handling its elements.
  await expect(page.getByLabel('Against the computer')).toBeEnabled();
  await saves.scrollIntoViewIfNeeded();
  await shot(page, 'menu-saves');
  await saves.getByRole('button', { name: 'Delete saved game broken' }).click();
  await expect(saves).not.toContainText('Saved game broken');
  await expect(saves).toContainText('Saved game outdated');
  await saves.getByRole('button', { name: /^Continue Road to Busan/ }).click();
  await lift(page, 'Washington');
  expect(await words.textContent()).toBe(before);
  expect(errors).toEqual([]);
});
