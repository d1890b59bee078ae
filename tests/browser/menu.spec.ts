// The first screen: the shipped scenario and who holds the upper hand at its opening.
import { expect, test } from '@playwright/test';

test('the menu names the scenario and who holds the upper hand', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Upper Hand', level: 1 })).toBeVisible();
  const scenario = page.getByRole('region', { name: 'Road to Busan' });
  await expect(scenario.getByRole('heading', { name: 'Road to Busan' })).toBeVisible();
  await expect(scenario.getByText(/^(Washington|Beijing) holds the upper hand: \d+% of/)).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/menu.png' });
  expect(errors).toEqual([]);
});
