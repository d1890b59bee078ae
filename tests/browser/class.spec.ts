// A live class in Debian's Chromium, on the production build served by the game server: the
// instructor opens "Run a class" with the key, makes a class, two students (their own contexts)
// join with the code and their names, the instructor pairs and starts the game, each student lands
// at the online table with the seat the class gave, and the dashboard follows the game; a student's
// page refuses the dashboard.
import { type Browser, expect, type Page, test } from '@playwright/test';
import { spawnServer } from '../server/spawn';
import { shot, watchErrors } from './helpers';

const PORT = 25901;
const KEY = 'browser-class-key-0123456789';
let server: Awaited<ReturnType<typeof spawnServer>> | null = null;

test.beforeAll(async () => {
  test.setTimeout(300_000);
  server = await spawnServer(
    ['--port', String(PORT), '--data', `test-results/class-data-${Date.now()}`, '--instructor-key', KEY],
    {},
    true,
  );
});
test.afterAll(async () => {
  await server?.stop();
});

const base = `http://127.0.0.1:${PORT}`;

async function laptop(
  browser: Browser,
  width = 1280,
  height = 800,
): Promise<{ page: Page; errors: string[] }> {
  const ctx = await browser.newContext({ viewport: { width, height } });
  const page = await ctx.newPage();
  return { page, errors: watchErrors(page) };
}

test('an instructor runs a class of two students', async ({ browser }) => {
  test.setTimeout(120_000);
  const teacher = await laptop(browser);
  await teacher.page.goto(`${base}/#class`);
  await teacher.page.getByLabel('Instructor key').fill('wrong');
  await teacher.page.getByRole('button', { name: 'Open' }).click();
  await expect(teacher.page.getByRole('alert')).toContainText('instructor key');
  await teacher.page.getByLabel('Instructor key').fill(KEY);
  await teacher.page.getByRole('button', { name: 'Open' }).click();
  // the period's plan: the tutorial's six turns untimed overrun 50 minutes, and fit 60
  const plan = teacher.page.locator('#class-plan');
  await expect(plan).toContainText('The plan: joining 3, briefing 6, play (6 turns) 36, debrief 12 minutes');
  await expect(plan).toContainText('more than the 50-minute class');
  await shot(teacher.page, 'class-setup');
  await teacher.page.getByLabel('Class length (minutes)').fill('60');
  await expect(plan).not.toContainText('more than');
  await teacher.page.getByRole('button', { name: 'Create the class' }).click();
  const code = ((await teacher.page.locator('#class-code-shown').textContent()) ?? '').trim();
  expect(code).toMatch(/^[A-Z0-9]{6}$/);

  const students: Page[] = [];
  for (const name of ['Ana', 'Bo']) {
    const s = await laptop(browser, 390, 844); // a phone
    await s.page.goto(`${base}/#join`);
    await s.page.getByLabel('Class code').fill(code.toLowerCase());
    await s.page.getByLabel('Your name').fill(name);
    await s.page.getByRole('button', { name: 'Join' }).click();
    await expect(s.page.getByRole('heading', { name: 'You are in the class' })).toBeVisible();
    students.push(s.page);
  }
  await expect(teacher.page.locator('#class-summary')).toContainText(
    '2 students joined; waiting to be paired: Ana, Bo',
  );
  await teacher.page.getByRole('button', { name: 'Pair the students' }).click();
  await expect(teacher.page.locator('tr[data-letter="A"]')).toContainText('Ana');
  await teacher.page.getByRole('button', { name: 'Start all games' }).click();
  for (const s of students) await expect(s.getByTestId('room-code')).toBeVisible({ timeout: 20_000 });
  await expect(teacher.page.locator('tr[data-letter="A"]')).toContainText('talks');
  await expect(teacher.page.locator('tr[data-letter="A"]')).not.toContainText('(away)');
  await shot(teacher.page, 'class-dashboard');
  await shot(students[0] as Page, 'class-student-room');

  // a student's browser has no key: the dashboard is refused
  const asked = await (students[0] as Page).evaluate(
    async (c) => (await fetch(`/class/${c}/dashboard`)).status,
    code,
  );
  expect(asked).toBe(403);

  // an inject into every game, then the end (the page's own button gives two minutes' warning)
  await teacher.page.getByRole('button', { name: 'Inject in every game' }).click();
  await expect(teacher.page.locator('#class-status')).toHaveText('');
  const ended = await teacher.page.evaluate(
    async ([c, k]) =>
      (
        await fetch(`/class/${c}/end`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-instructor-key': k ?? '' },
          body: JSON.stringify({ warningSeconds: 0 }),
        })
      ).status,
    [code, KEY],
  );
  expect(ended).toBe(200);
  await expect(teacher.page.locator('#class-summary')).toContainText('The games are over', {
    timeout: 30_000,
  });
  await expect(teacher.page.locator('tr[data-letter="A"]')).toContainText('ended at turn 1 of');
  await teacher.page.getByRole('button', { name: 'Results' }).click();
  await expect(teacher.page.locator('#class-results-table tbody tr')).toHaveCount(1);
  await expect(teacher.page.getByRole('link', { name: 'Debrief of game A' })).toBeVisible();
  await expect(teacher.page.locator('#class-results-table')).not.toContainText('Ana');
  await shot(teacher.page, 'class-results');
  expect(teacher.errors).toEqual([]);
});
