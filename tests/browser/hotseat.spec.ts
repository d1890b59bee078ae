// Two players at one screen: three turns with a proposal, an acceptance and orders; the curtain hides
// each side's private text (briefing, red lines, draft orders) from the other until it is lifted,
// and the orders are revealed together.
import { expect, type Page, test } from '@playwright/test';
import {
  bothPassTheTalks,
  calendar,
  draftPackage,
  draftTariffForSoybeans,
  giveOrder,
  lift,
  openMenu,
  PHONE,
  PROJECTOR,
  passTheTurn,
  shot,
  shotAt,
  startHotSeat,
  tableReady,
  throughBriefings,
  toTheTable,
  watchErrors,
} from './helpers.ts';

const US_PRIVATE = [
  'No package may loosen the controls on high-bandwidth memory chips',
  'Close the TikTok deal',
  'You are Washington. It is 10 October 2025.',
];
const CN_PRIVATE = [
  'Beijing keeps its rare-earth export licensing system',
  'Keep the rare-earth leverage',
  'You are Beijing. It is 10 October 2025.',
];

async function domHasNone(page: Page, texts: readonly string[]) {
  const html = await page.content();
  for (const t of texts)
    expect(html, `the page should not hold “${t}”`).not.toContain(t.replace(/'/g, '&#39;'));
}

test('hot-seat: three turns, the curtain hides the other side’s private text', async ({ page }) => {
  const errors = watchErrors(page);
  await openMenu(page);
  await shot(page, 'menu');
  await shotAt(page, PROJECTOR, page.locator('body'), 'menu');
  await shotAt(page, PHONE, page.locator('body'), 'menu');
  // On a phone the scenarios not chosen shrink to their titles: Start is within three screens' scroll
  // (past the sixth summary it stood at 2,915 px, now about 2,350).
  const desk = page.viewportSize()!;
  await page.setViewportSize(PHONE);
  const startAt = await page
    .getByRole('button', { name: 'Start game' })
    .evaluate((b) => b.getBoundingClientRect().top + window.scrollY);
  expect(startAt, 'Start on a phone, px from the top').toBeLessThan(3 * PHONE.height);
  await expect(page.getByRole('region', { name: 'Road to Busan' }).locator('.summary')).toBeHidden();
  await page.setViewportSize(desk);
  await startHotSeat(page, 'hotseat-1');
  // the curtain is up before Washington's briefing: nothing private of either side is in the page
  await expect(page.getByRole('dialog', { name: 'Pass the screen to Washington' })).toBeVisible();
  await shot(page, 'curtain');
  await domHasNone(page, [...US_PRIVATE, ...CN_PRIVATE]);
  await lift(page, 'Washington');
  await expect(page.getByText(US_PRIVATE[0]!)).toBeVisible();
  await shot(page, 'briefing');
  await shotAt(page, PROJECTOR, page.locator('body'), 'briefing');
  await shotAt(page, PHONE, page.locator('body'), 'briefing');
  await domHasNone(page, CN_PRIVATE);
  await page.getByRole('button', { name: 'To the table', exact: true }).click();
  await domHasNone(page, [...US_PRIVATE, ...CN_PRIVATE]);
  await lift(page, 'Beijing');
  await domHasNone(page, US_PRIVATE);
  await page.getByRole('button', { name: 'To the table', exact: true }).click();

  // Turn 1: Washington opens the talks with a package
  await lift(page, 'Washington');
  await tableReady(page);
  await expect(calendar(page)).toContainText('Turn 1 of 11');
  await draftTariffForSoybeans(page);
  const preview = page.getByRole('region', { name: 'Preview of the package' });
  await expect(preview).toContainText('If signed and then neither side moves again');
  await expect(preview).toContainText('Leverage:');
  await shot(page, 'table-package');
  await page.getByRole('button', { name: 'Send proposal' }).click();
  // Beijing's turn to answer: Washington's private text is gone before the curtain lifts
  await expect(page.getByRole('dialog', { name: 'Pass the screen to Beijing' })).toBeVisible();
  await domHasNone(page, US_PRIVATE);
  await lift(page, 'Beijing');
  await domHasNone(page, US_PRIVATE);
  const offer = page.getByRole('region', { name: 'Proposal on the table' });
  await expect(offer).toContainText('Washington proposes');
  await page.getByRole('button', { name: 'Accept' }).click();
  await page.getByRole('button', { name: 'Keep it modest' }).click();
  await page.getByRole('button', { name: 'Done talking (pass)' }).click();
  await lift(page, 'Washington');
  await page.getByRole('button', { name: 'Keep it modest' }).click();
  await page.getByRole('button', { name: 'Done talking (pass)' }).click();
  // orders: Washington, still at the screen, gives them first; they are hidden from Beijing
  await giveOrder(page, 'Build an alternative: Critical-minerals deals with Japan, Malaysia and Thailand');
  await expect(page.getByRole('dialog', { name: 'Pass the screen to Beijing' })).toBeVisible();
  await domHasNone(page, ['Critical-minerals deals with Japan, Malaysia and Thailand', ...US_PRIVATE]);
  await lift(page, 'Beijing');
  await domHasNone(page, ['Your orders are in', 'Critical-minerals deals']);
  await expect(page.getByText('Washington’s orders are in (hidden until yours are).')).toBeVisible();
  await page.getByRole('button', { name: 'Pass: no orders' }).click();

  // Turn 2: Beijing opens; the orders of turn 1 are revealed together
  await expect(calendar(page)).toContainText('Turn 2 of 11');
  await page.getByRole('tab', { name: 'Orders' }).click();
  const revealed = page.getByRole('region', { name: 'Orders revealed last turn' });
  await expect(revealed).toContainText('Critical-minerals deals');
  await expect(revealed).toContainText('Beijing: no orders');
  await page.getByRole('tab', { name: 'Talks' }).click();
  // Beijing proposes; Washington counters (reject with a reason, then its own package)
  await draftPackage(page, 'Beijing', 'TikTok to “sale approved”', 'US tariff to “10%”');
  await page.getByRole('button', { name: 'Send proposal' }).click();
  await lift(page, 'Washington');
  await expect(page.getByRole('region', { name: 'Proposal on the table' })).toContainText('Beijing proposes');
  await page.getByRole('button', { name: 'Counter…' }).click();
  const counter = page.getByRole('region', { name: 'Counter-proposal' });
  await draftPackage(
    counter,
    'Washington',
    'Entity list to “targeted listings”',
    'TikTok to “sale approved”',
  );
  await counter
    .getByRole('combobox', { name: 'Reason for rejecting theirs' })
    .selectOption({ label: 'it asks too much for what it gives' });
  await expect(counter.getByRole('region', { name: 'Preview of the package' })).toBeVisible();
  await shot(page, 'table-counter');
  await counter.getByRole('button', { name: 'Reject and send counter-proposal' }).click();
  await lift(page, 'Beijing');
  const news = page.getByRole('region', { name: 'News' });
  await expect(news).toContainText('Washington rejects the proposal: it asks too much for what it gives');
  await expect(page.getByRole('region', { name: 'Proposal on the table' })).toContainText(
    'Washington proposes',
  );
  await page.getByRole('button', { name: 'Reject' }).click();
  // by keyboard alone: focus the control and press Enter
  await page.getByRole('button', { name: 'Done talking (pass)' }).focus();
  await page.keyboard.press('Enter');
  await lift(page, 'Washington');
  await page.getByRole('button', { name: 'Done talking (pass)' }).click();
  // orders of turn 2: Beijing is first in this turn's order
  await lift(page, 'Beijing');
  await giveOrder(page, 'Raise RE licences to “approvals frozen”');
  await lift(page, 'Washington');
  await domHasNone(page, ['approvals frozen”', ...CN_PRIVATE]);
  await page.getByRole('button', { name: 'Pass: no orders' }).click();

  // Turn 3
  await expect(calendar(page)).toContainText('Turn 3 of 11');
  await expect(page.getByRole('region', { name: 'News' })).toContainText('Beijing’s orders');
  await passTheTurn(page);
  await expect(calendar(page)).toContainText('Turn 4 of 11');
  // who has the upper hand, one click away; closed from the keyboard
  await page.getByRole('button', { name: 'Who has the upper hand?' }).click();
  const why = page.getByRole('dialog', { name: 'Who has the upper hand?' });
  await expect(why).toContainText('Washington’s cards');
  await expect(why).toContainText('Beijing’s cards');
  await shot(page, 'leverage');
  await shotAt(page, PROJECTOR, why, 'leverage');
  await shotAt(page, PHONE, why, 'leverage');
  await page.keyboard.press('Escape');
  await expect(why).toHaveCount(0);
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.waitForTimeout(2000); // let the table's movement settle for the picture
  await shot(page, 'table');
  expect(errors).toEqual([]);
});

test('a readout still owed when the talks end is asked on the orders tab', async ({ page }) => {
  const errors = watchErrors(page);
  await openMenu(page);
  await startHotSeat(page, 'hotseat-readout');
  await throughBriefings(page);
  await lift(page, 'Washington');
  await tableReady(page);
  await draftTariffForSoybeans(page);
  await page.getByRole('button', { name: 'Send proposal' }).click();
  await lift(page, 'Beijing');
  await page.getByRole('button', { name: 'Accept' }).click();
  // both sides leave the talks without telling the deal at home: the orders open
  await page.getByRole('button', { name: 'Done talking (pass)' }).click();
  await lift(page, 'Washington');
  await page.getByRole('button', { name: 'Done talking (pass)' }).click();
  await expect(page.getByRole('tab', { name: 'Orders' })).toHaveAttribute('aria-selected', 'true');
  const readout = page.getByRole('region', { name: 'Readout' });
  await expect(readout).toContainText('A deal was made: how do you tell it at home?');
  await expect(page.getByRole('button', { name: 'Trumpet it' })).toBeFocused();
  // as a projector and a phone show it
  await shotAt(page, PROJECTOR, readout, 'orders-readout');
  await shotAt(page, PHONE, readout, 'orders-readout');
  await page.getByRole('button', { name: 'Keep it modest' }).click();
  await expect(readout).toHaveCount(0);
  await page.getByRole('button', { name: 'Pass: no orders' }).click();
  await lift(page, 'Beijing');
  await expect(page.getByRole('tab', { name: 'Orders' })).toHaveAttribute('aria-selected', 'true');
  await page.getByRole('button', { name: 'Trumpet it' }).click();
  await expect(page.getByRole('region', { name: 'News' })).toContainText('Beijing trumpets');
  expect(errors).toEqual([]);
});

test('an announcement names what would lift it, and both sides read it', async ({ page }) => {
  const errors = watchErrors(page);
  await openMenu(page);
  await startHotSeat(page, 'unless-seed');
  await toTheTable(page);
  await bothPassTheTalks(page);
  // Washington announces tighter chip controls (its tariff has a rise announced already) and names
  // the demand that lifts them
  const lever = page.getByRole('combobox', { name: 'Order on Chip controls' });
  await expect(lever).toBeVisible();
  // the later of the first level's two dates, so that it is still pending next turn
  const announce = lever.locator('optgroup[label="Announce a dated change"] option:not([disabled])').nth(1);
  await lever.selectOption((await announce.getAttribute('value')) ?? '');
  const demand = page.getByRole('combobox', { name: 'What would lift the announcement' });
  const first = demand.locator('option', { hasText: /^unless Beijing/ }).first();
  const named = ((await first.textContent()) ?? '').trim();
  expect(named).toMatch(/^unless Beijing /);
  await demand.selectOption({ label: named });
  await expect(page.getByRole('combobox', { name: 'What would lift the announcement' })).toHaveValue(/\d+/);
  // as a projector and a phone show it: the list under its order, nothing cut
  await shotAt(page, PROJECTOR, demand, 'orders-announce-unless');
  await shotAt(page, PHONE, demand, 'orders-announce-unless');
  await page.getByRole('button', { name: 'Submit orders' }).click();
  await lift(page, 'Beijing');
  await page.getByRole('button', { name: 'Pass: no orders' }).click();
  // turn 2, Beijing first at the screen: the orders revealed and the table in words say what would lift it
  await expect(calendar(page)).toContainText('Turn 2 of 11');
  await page.getByRole('tab', { name: 'Orders' }).click();
  await expect(page.getByRole('region', { name: 'Orders revealed last turn' })).toContainText(named);
  const onTable = page.getByRole('region', { name: 'Washington on the table' });
  await expect(onTable).toContainText(named);
  // on a phone the table in words stands in for the drawn table: the threat and its price read there
  await shotAt(page, PHONE, onTable, 'table-unless');
  expect(errors).toEqual([]);
});
