// The table on every screen a class uses: at each of seven sizes (projector, laptops, a tablet, a
// phone either way up) the default game reaches the table, no control is covered by anything (each
// is the topmost element at its centre), the page never scrolls sideways, and at 1280×800 and above
// no text is smaller than 14 px, on the page or drawn on the table's canvas. A window resized mid-game (1366×768 to a phone and back) reflows
// without a reload. Screenshots of each size go to test-results/screens/.
import { expect, type Page, test } from '@playwright/test';
import { shot, startDefaultGame, watchErrors } from './helpers.ts';

const SIZES = [
  [1920, 1080],
  [1366, 768],
  [1280, 800],
  [1024, 768],
  [820, 1180],
  [390, 844],
  [844, 390],
] as const;

/** Every visible, enabled control whose centre is inside the page and not the topmost element there. */
async function coveredControls(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const controls = document.querySelectorAll<HTMLElement>(
      'button, select, input, summary, a[href], [tabindex="0"], [role="tab"]',
    );
    for (const el of controls) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0 || el.closest('[hidden], .sr-only, dialog:not([open])')) continue;
      if (getComputedStyle(el).visibility === 'hidden') continue;
      // scroll it into view first: a control further down the page is checked where it lands
      el.scrollIntoView({ block: 'center', inline: 'center' });
      const b = el.getBoundingClientRect();
      const x = b.left + b.width / 2;
      const y = b.top + b.height / 2;
      if (x < 0 || y < 0 || x > innerWidth || y > innerHeight) continue; // inside a scrolled box
      const top = document.elementFromPoint(x, y);
      if (
        top &&
        (top === el || el.contains(top) || (el.tagName === 'INPUT' && top.closest('label')?.contains(el)))
      )
        continue;
      out.push(
        `${el.tagName.toLowerCase()} “${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 40)}” under ${top?.tagName.toLowerCase()}.${top?.className}`,
      );
    }
    window.scrollTo(0, 0);
    return out;
  });
}

/** Text nodes drawn smaller than 14 px (the visible ones). */
async function smallText(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!el || !n.textContent?.trim() || el.closest('.sr-only, [hidden], svg, option')) continue;
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      const size = Number.parseFloat(getComputedStyle(el).fontSize);
      if (size < 14) out.push(`${size}px: ${n.textContent.trim().slice(0, 40)}`);
    }
    return out;
  });
}

/**
 * The smallest text the Phaser table draws, in pixels on screen: the scene's smallest type size
 * times the scale the canvas is shown at (the canvas's `data-min-text-px`).
 */
async function smallestCanvasText(page: Page): Promise<number> {
  const canvas = page.locator('.table-canvas canvas');
  await expect(canvas).toHaveAttribute('data-min-text-px', /\d/);
  return Number(await canvas.getAttribute('data-min-text-px'));
}

const sideways = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

/** From 1366×768 to a phone and back, mid-game: the layout and the drawn table follow without a reload. */
async function reflows(page: Page) {
  const canvas = page.locator('.table-canvas canvas');
  const wide = await canvas.boundingBox();
  await page.setViewportSize({ width: 390, height: 844 });
  // the compact summary stands in for the table, and the full table is a tap away
  await expect(page.getByRole('region', { name: 'The table in words' })).toBeVisible();
  expect(await sideways(page)).toBeLessThanOrEqual(0);
  expect(await coveredControls(page)).toEqual([]);
  await page.getByRole('button', { name: 'Show the pressures at home' }).click();
  await expect(page.getByRole('region', { name: 'The table in words' })).toContainText('Farm income');
  await page.getByRole('button', { name: 'Show the full table' }).click();
  await expect(canvas).toBeVisible();
  await expect.poll(async () => (await canvas.boundingBox())?.width ?? 0).toBeGreaterThan(300);
  expect((await canvas.boundingBox())?.width ?? 999).toBeLessThanOrEqual(390);
  await shot(page, 'reflowed-390x844');
  await page.setViewportSize({ width: 1366, height: 768 });
  await expect
    .poll(async () => Math.round((await canvas.boundingBox())?.width ?? 0))
    .toBe(Math.round(wide?.width ?? -1));
  expect(await coveredControls(page)).toEqual([]);
}

for (const [width, height] of SIZES) {
  test(`${width}×${height}: the default game reaches the table, nothing covers a control`, async ({
    page,
  }) => {
    const errors = watchErrors(page);
    await page.setViewportSize({ width, height });
    await startDefaultGame(page);
    await expect(page.getByRole('button', { name: 'Done talking (pass)' })).toBeVisible();
    await shot(page, `table-${width}x${height}`);
    expect(await sideways(page), 'the page scrolls sideways').toBeLessThanOrEqual(0);
    expect(await coveredControls(page)).toEqual([]);
    if (width >= 1280 && height >= 768) {
      expect(await smallText(page)).toEqual([]);
      expect(await smallestCanvasText(page), 'the table draws text under 14 px').toBeGreaterThanOrEqual(14);
    }
    // the orders, as the phase after the talks shows them
    await page.getByRole('button', { name: 'Done talking (pass)' }).click();
    await expect(page.getByRole('button', { name: 'Pass: no orders' })).toBeVisible();
    // every order the rules allow shows its effect on the side's projected score, once worked out
    const options = page.locator('.lever select option:not([disabled]):not([value=""])');
    await expect
      .poll(async () => (await options.allTextContents()).every((t) => /your score [+−±]\d/.test(t)))
      .toBe(true);
    expect(await sideways(page)).toBeLessThanOrEqual(0);
    expect(await coveredControls(page)).toEqual([]);
    if (width >= 1280 && height >= 768) {
      expect(await smallText(page)).toEqual([]);
      expect(await smallestCanvasText(page), 'the table draws text under 14 px').toBeGreaterThanOrEqual(14);
    }
    await shot(page, `orders-${width}x${height}`);
    if (width === 1366) await reflows(page);
    expect(errors).toEqual([]);
  });
}
