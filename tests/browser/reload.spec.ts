// A reload in the middle of a game resumes it exactly (from its save in IndexedDB); saves kept in
// localStorage by an earlier version move over on the next start; a corrupt or outdated save is
// reported and skipped while the others stay listed.
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
} from './helpers.ts';

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

  // back to the menu: saves an earlier version kept in localStorage move to IndexedDB on the next
  // start; the menu lists them from their headers; a broken and an outdated one are reported, and one
  // the rules refuse says so when it is opened
  await page.getByRole('button', { name: 'Menu' }).click();
  const hash = await page.getByRole('radio', { name: 'Play Road to Busan' }).getAttribute('value');
  await page.evaluate((scenarioHash) => {
    const save = (id: string, title: string, extra: object) =>
      localStorage.setItem(
        `upper-hand:save:${id}`,
        JSON.stringify({
          format: 1,
          id,
          scenarioId: 'road-to-busan',
          scenarioHash,
          title,
          seed: 'legacy',
          setup: {
            seats: { us: { kind: 'human' }, cn: { kind: 'human' } },
            randomEvents: true,
            leverage: 'live',
          },
          moves: [{ type: 'pass', side: 'us' }],
          savedAt: '2026-11-30T10:00:00.000Z',
          turn: 0,
          over: false,
          ...extra,
        }),
      );
    save('legacy1', 'Old Busan', {});
    save('outdated', 'Outdated Busan', { scenarioHash: '0000000000000000' });
    save('refused', 'Refused Busan', { moves: [{ type: 'accept', side: 'cn' }] });
    localStorage.setItem('upper-hand:save:broken', '{"format":1, "id": "broken", ');
  }, hash);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Upper Hand', level: 1 })).toBeVisible();
  expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes(':save:')))).toEqual(
    [],
  );
  const saves = page.getByRole('region', { name: 'Saved games' });
  await expect(
    saves.getByRole('button', { name: /^Continue Road to Busan — Washington and Beijing, turn 2/ }),
  ).toHaveCount(1);
  await expect(saves.getByRole('button', { name: /^Continue Old Busan/ })).toHaveCount(1);
  await expect(saves).toContainText(
    'Saved game “broken” cannot be opened here: it was damaged before it was moved here',
  );
  await expect(saves).toContainText(
    'Saved game “Outdated Busan” cannot be opened here: it was played on another version of “Road to Busan”',
  );
  // The menu is built afresh after this reload, and rebuilt once the computer opponent's code has
  // loaded (a cold dev server may take seconds): wait for that before handling its elements.
  await expect(page.getByLabel('Against the computer')).toBeEnabled();
  await saves.scrollIntoViewIfNeeded();
  await shot(page, 'menu-saves');
  await saves.getByRole('button', { name: /^Continue Refused Busan/ }).click();
  await expect(
    page.getByText(/The saved game “Refused Busan” cannot be opened: move 1 is refused by the rules/),
  ).toBeVisible();
  await saves.getByRole('button', { name: 'Delete saved game broken' }).click();
  await expect(saves).not.toContainText('Saved game “broken”');
  await expect(saves).toContainText('Saved game “Outdated Busan”');
  await saves.getByRole('button', { name: /^Continue Road to Busan/ }).click();
  await lift(page, 'Washington');
  expect(await words.textContent()).toBe(before);
  expect(errors).toEqual([]);
});
