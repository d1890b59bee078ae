// A whole solo game by keyboard alone, from the menu to the debrief: the default game starts in at
// most five key presses; after every action the focus is on the next thing to do (never lost to
// the page); the polite live region reads out the computer's moves; the shortcuts dialog traps the
// focus and gives it back.
import { expect, type Locator, type Page, test } from '@playwright/test';
import { openMenu, shot, watchErrors } from './helpers.ts';

/** The focused element as "role/tag: accessible-ish name", and its data-key. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const a = document.activeElement as HTMLElement | null;
    if (!a || a === document.body) return { name: '', key: '', tag: 'body' };
    return {
      name: (a.getAttribute('aria-label') ?? a.textContent ?? '').trim(),
      key: a.dataset.key ?? (a.dataset.park !== undefined ? 'park' : ''),
      tag: a.tagName.toLowerCase(),
    };
  });

/**
 * Tabs forward until the control named `name` has the focus (keys only). With `target`, gives up
 * (false) once that control is gone: the computer may move on while the keys travel — and once a
 * new screen has put the focus on its heading (the game ended meanwhile: a Tab more would take the
 * focus off the results' heading, which the test reads after).
 */
async function tabTo(page: Page, name: string | RegExp, target?: Locator): Promise<boolean> {
  const seen: string[] = [];
  for (let i = 0; i < 80; i++) {
    const f = await focused(page);
    if (typeof name === 'string' ? f.name === name : name.test(f.name)) return true;
    if (target && f.tag === 'h1') return false;
    if (target && i % 5 === 4 && !(await target.isVisible())) return false;
    seen.push(`${f.tag}:${f.key}:${f.name.slice(0, 24)}`);
    await page.keyboard.press('Tab');
  }
  if (target && !(await target.isVisible())) return false;
  throw new Error(`no control named ${name} within 80 Tabs; the focus went ${seen.join(' | ')}`);
}

// What the table may put the focus on after an action: the next thing to do in each situation.
const NEXT = new Set([
  'last-turn', // the result, when a turn resolves
  'accept',
  'reject', // an offer arrived
  'pick-give', // the talks are the player's: build a package (or pass)
  'pass',
  'lever-0', // the orders
  'pass-orders',
  'trumpet', // a deal was made: how to tell it at home
  'park', // the other side is moving: its status
]);

async function expectFocusOnNext(page: Page) {
  await expect
    .poll(async () => {
      const f = await focused(page);
      return NEXT.has(f.key) || f.tag === 'h1' ? 'next' : `${f.tag} ${f.key} “${f.name.slice(0, 40)}”`;
    })
    .toBe('next');
}

test('a whole solo game by keyboard alone, from the menu to the debrief', async ({ page }) => {
  test.setTimeout(240_000);
  const errors = watchErrors(page);
  await page.addInitScript(() =>
    localStorage.setItem('upper-hand:settings', JSON.stringify({ pace: 0, muted: true })),
  );
  await openMenu(page);
  await expect(page.getByRole('button', { name: 'Start game' })).toBeEnabled({ timeout: 20_000 });
  // the default game from the menu: Tab, Enter (to Start), Enter (start), Enter (to the table)
  let presses = 0;
  const press = async (key: string) => {
    presses++;
    await page.keyboard.press(key);
  };
  await press('Tab');
  expect((await focused(page)).name).toBe('Skip to the Start button');
  await press('Enter');
  expect((await focused(page)).name).toBe('Start game');
  await press('Enter');
  await expect(page.getByRole('heading', { name: /^Briefing: Washington/ })).toBeVisible();
  expect((await focused(page)).name).toBe('To the table');
  await press('Enter');
  await expect(page.getByRole('region', { name: 'Your moves' })).toBeVisible();
  expect(presses).toBeLessThanOrEqual(5);
  await expectFocusOnNext(page);

  // the shortcuts dialog (the Keys button, or ?): the focus goes inside, Tab stays inside, Escape
  // closes it and gives the focus back
  await tabTo(page, 'Keys: keyboard shortcuts');
  await page.keyboard.press('Enter');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help).toBeVisible();
  for (let i = 0; i < 3; i++) {
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => !!document.activeElement?.closest('dialog'))).toBe(true);
  }
  await page.keyboard.press('Escape');
  await expect(help).toHaveCount(0);
  expect((await focused(page)).name).toBe('Keys: keyboard shortcuts');
  await page.keyboard.press('?');
  await expect(help).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(help).toHaveCount(0); // the key after must reach the table, not the closing dialog
  await page.keyboard.press('n'); // back to the next thing to do
  await expectFocusOnNext(page);
  // The dialog's close event comes a task after it has closed: a key pressed in between keeps the
  // focus it gave (the close must not take it back to the Keys button). The key is played by
  // focusing in the same task as the close, which a quick player's Escape then n can do.
  await tabTo(page, 'Keys: keyboard shortcuts');
  await page.keyboard.press('?');
  await expect(help).toBeVisible();
  const kept = await page.evaluate(async () => {
    const target = document.querySelector<HTMLElement>(
      '[data-park], [data-key="pick-give"], [data-key="accept"]',
    );
    document.querySelector('dialog')?.close();
    target?.focus();
    await new Promise((r) => setTimeout(r, 100));
    // (a panel redrawn meanwhile would have taken the target away: then nothing is shown either way)
    return target !== null && (document.activeElement === target || !target.isConnected);
  });
  expect(kept).toBe(true);
  await expectFocusOnNext(page);

  const live = page.locator('#announcer');
  const results = page.getByRole('heading', { name: /^Results/ });
  let ordered = false;
  for (let step = 0; step < 300; step++) {
    if (await results.isVisible()) break;
    const modest = page.getByRole('button', { name: 'Keep it modest' });
    const accept = page.getByRole('button', { name: 'Accept' });
    const pass = page.getByRole('button', { name: 'Done talking (pass)' });
    const passOrders = page.getByRole('button', { name: 'Pass: no orders' });
    // each step tabs to its control and presses Enter; a control gone meanwhile starts the step again
    let pressed = false;
    if (await modest.isVisible()) pressed = await tabTo(page, 'Keep it modest', modest);
    else if (await accept.isVisible()) {
      const ok = await accept.isEnabled({ timeout: 1000 }).catch(() => null);
      if (ok !== null) pressed = await tabTo(page, ok ? 'Accept' : 'Reject', accept);
    } else if (await pass.isVisible()) pressed = await tabTo(page, 'Done talking (pass)', pass);
    else if (await passOrders.isVisible()) {
      if (!ordered) {
        // one order by keyboard: the first lever's list, one step down, then Submit
        const lever = page.getByRole('combobox', { name: /^Order on / }).first();
        const label = await lever.getAttribute('aria-label', { timeout: 1000 }).catch(() => null);
        if (label !== null && (await tabTo(page, label, lever))) {
          await page.keyboard.press('ArrowDown');
          await expect(page.locator('.order-preview').first()).toContainText('holds still');
          await shot(page, 'keyboard-order-preview');
          pressed = await tabTo(page, 'Submit orders', passOrders);
          ordered = pressed;
        }
      } else pressed = await tabTo(page, 'Pass: no orders', passOrders);
    }
    if (!pressed) {
      await page.waitForTimeout(100);
      continue;
    }
    await page.keyboard.press('Enter');
    await expectFocusOnNext(page);
  }
  await expect(results).toBeVisible();
  expect(ordered).toBe(true);
  // the computer's moves were read out, one sentence each
  await expect(live).toContainText('Beijing');
  expect(await live.locator('p').count()).toBeGreaterThan(1);
  // the results take the focus to their heading once drawn (the last Enter's button may hold it
  // for a frame before)
  await expect.poll(async () => (await focused(page)).tag).toBe('h1');
  await tabTo(page, 'Debrief');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: /^Debrief/, level: 1 })).toBeVisible();
  expect((await focused(page)).tag).toBe('h1');
  expect(errors).toEqual([]);
});
