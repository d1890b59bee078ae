// A live class in Debian's Chromium, on the production build served by the game server: the
// instructor opens "Run a class" with the key, makes a class, four students (their own contexts, on
// phones: the compact layout) join with the code and their names, the instructor pairs them into two
// games by hand and starts them, each student lands at the online table with the seat the class gave,
// and the dashboard follows the games with its standings chart; the timed briefing counts down on the
// students' screens and ends when every team is ready; a late joiner is seated in a game in progress;
// a talks clock shows on the students' screens
// and runs out; a line of news reaches one game only; the projector view (no text under 20 px, no
// names, nothing private) and the debrief (nothing private before the reveal) are checked and
// photographed at 1280×800; a student's page refuses the dashboard. The class asks for a line of
// reasoning a turn: a student writes one and the debrief and the results show it beside the moves;
// the instructor's news reaches the student's news feed; the room's QR code fits a phone. axe-core
// checks every class screen (no serious or critical violation).
import { readFileSync } from 'node:fs';
import { type Browser, expect, type Page, test } from '@playwright/test';
import { strFromU8, unzipSync } from 'fflate';
import { spawnServer } from '../server/spawn.ts';
import { fitsAPhone, noSeriousViolations, shot, watchErrors } from './helpers.ts';

const PORT = 25901;
const KEY = 'browser-class-key-0123456789';
let server: Awaited<ReturnType<typeof spawnServer>> | null = null;

test.beforeAll(async () => {
  test.setTimeout(300_000);
  server = await spawnServer(
    // the server's files under Playwright's output folder, which every run empties first
    ['--port', String(PORT), '--data', 'test-results/browser/class-data', '--instructor-key', KEY],
    {},
    true,
  );
});
test.afterAll(async () => {
  await server?.stop();
});

const base = `http://127.0.0.1:${PORT}`;
const word = (name: string) => new RegExp(`\\b${name}\\b`); // a name as a word (“Bo”, not “Both”)

async function laptop(
  browser: Browser,
  width = 1280,
  height = 800,
): Promise<{ page: Page; errors: string[] }> {
  const ctx = await browser.newContext({ viewport: { width, height } });
  const page = await ctx.newPage();
  return { page, errors: watchErrors(page) };
}

test('an instructor runs a class of four students in two games', async ({ browser }) => {
  test.setTimeout(240_000); // a loaded machine; about half of it on a quiet one
  const teacher = await laptop(browser);
  const t = teacher.page;
  await t.goto(`${base}/#class`);
  await t.getByLabel('Instructor key').fill('wrong');
  await t.getByRole('button', { name: 'Open' }).click();
  await expect(t.getByRole('alert')).toContainText('instructor key');
  await t.getByLabel('Instructor key').fill(KEY);
  await t.getByRole('button', { name: 'Open' }).click();
  // the period's plan: the tutorial's six turns untimed overrun 50 minutes, and fit 60
  const plan = t.locator('#class-plan');
  await expect(plan).toContainText('The plan: joining 3, briefing 6, play (6 turns) 36, debrief 12 minutes');
  await expect(plan).toContainText('more than the 50-minute class');
  await noSeriousViolations(t, 'class setup');
  await shot(t, 'class-setup');
  await t.getByLabel('Class length (minutes)').fill('60');
  await t.getByLabel(/one line of reasoning a turn/).check();
  await expect(plan).not.toContainText('more than');
  await t.getByRole('button', { name: 'Create the class' }).click();
  const code = ((await t.locator('#class-code-shown').textContent()) ?? '').trim();
  expect(code).toMatch(/^[A-Z0-9]{6}$/);

  const names = ['Ana', 'Bo', 'Cy', 'Dee'];
  const students: Page[] = [];
  for (const name of names) {
    const s = await laptop(browser, 390, 844); // a phone
    await s.page.goto(`${base}/#join`);
    if (name === 'Ana') await noSeriousViolations(s.page, 'student join');
    await s.page.getByLabel('Class code').fill(code.toLowerCase());
    await s.page.getByLabel('Your name').fill(name);
    await s.page.getByRole('button', { name: 'Join' }).click();
    await expect(s.page.getByRole('heading', { name: 'You are in the class' })).toBeVisible();
    if (name === 'Ana') await noSeriousViolations(s.page, 'student waiting');
    students.push(s.page);
  }
  const [ana, , cy] = students as [Page, Page, Page, Page];
  await expect(t.locator('#class-summary')).toContainText(
    '4 students joined; waiting to be paired: Ana, Bo, Cy, Dee',
  );
  // paired by hand (the automatic pairing has its test on the server)
  await t.getByText('Pair by hand').click();
  await t.getByLabel('One game a line').fill('Ana v Bo\ncy v DEE');
  await t.getByRole('button', { name: 'Pair as written' }).click();
  await expect(t.locator('tr[data-letter="A"]')).toContainText('Ana');
  await expect(t.locator('tr[data-letter="B"]')).toContainText('Dee');
  await t.getByRole('button', { name: 'Start all games' }).click();
  for (const s of students) await expect(s.getByTestId('room-code')).toBeVisible({ timeout: 20_000 });
  for (const letter of ['A', 'B']) {
    await expect(t.locator(`tr[data-letter="${letter}"]`)).toContainText('talks');
    await expect(t.locator(`tr[data-letter="${letter}"]`)).not.toContainText('(away)');
  }
  // the standings chart: both games' points (in its data table), and standing still
  await expect(t.locator('#class-standings tbody tr')).toHaveCount(3);
  await expect(t.locator('#class-standings tbody tr').nth(1)).toContainText('B');

  // a student's browser has no key: the dashboard is refused
  const asked = await ana.evaluate(async (c) => (await fetch(`/class/${c}/dashboard`)).status, code);
  expect(asked).toBe(403);

  // the timed briefing on the students' screens; it ends when every team has marked itself ready
  await t.getByRole('button', { name: 'Start the briefing' }).click();
  await expect(ana.locator('#class-clock-time')).toContainText(/Briefing · [56]:\d\d left/);
  await expect(t.locator('#class-summary')).toContainText('Briefing: ');
  await shot(ana, 'class-student-briefing');
  await fitsAPhone(ana, 'student briefing');
  for (const s of students) await s.getByRole('button', { name: 'Our team is ready' }).click();
  await expect(cy.locator('#class-clock-notice')).toHaveText('The briefing is over: the games are on.');
  // Ana writes Washington's line of reasoning for the turn
  await ana.getByLabel(/One line/).fill('Hold firm: they need the deal more than we do.');
  await ana.getByRole('button', { name: 'Keep this line' }).click();
  await expect(ana.locator('#class-reason-status')).toContainText('reasoning for turn 1 is kept');
  await shot(ana, 'class-student-reasoning');
  await fitsAPhone(ana, 'student reasoning');
  await expect(t.locator('#class-summary')).not.toContainText('Briefing');

  // a late joiner: Eve joins after the start and is seated in game B's Beijing team
  const eve = (await laptop(browser, 390, 844)).page;
  await eve.goto(`${base}/#join=${code}`);
  await eve.getByLabel('Your name').fill('Eve');
  await eve.getByRole('button', { name: 'Join' }).click();
  await expect(eve.getByRole('heading', { name: 'You are in the class' })).toBeVisible();
  await expect(t.locator('#class-late')).toContainText('Late joiners');
  await t.getByLabel('Seat them in').selectOption('B:cn');
  await t.getByRole('button', { name: 'Seat them' }).click();
  await expect(t.locator('#class-status')).toHaveText("Eve joins Beijing's team in game B.");
  await expect(eve.getByTestId('room-code')).toBeVisible({ timeout: 20_000 });
  await expect(t.locator('tr[data-letter="B"]')).toContainText('Dee, Eve');

  // a line of news to game A only: Ana reads it, Cy (game B) does not
  await t.getByLabel('Send to').selectOption('A');
  await t.getByLabel('Your news').fill('The press asks about soybeans.');
  await t.getByRole('button', { name: 'Post the news' }).click();
  await expect(ana.locator('#class-clock-notice')).toHaveText(
    'From your instructor: The press asks about soybeans.',
  );
  await expect(ana.getByTestId('online-news')).toContainText(
    'From your instructor: The press asks about soybeans.',
  );
  await expect(cy.getByTestId('online-news')).not.toContainText('soybeans');
  await t.getByLabel('Send to').selectOption('');

  // a talks clock for the class: on the students' screens, then it runs out and the games move on
  await t.getByLabel('Talks clock (s)').fill('4');
  await t.getByRole('button', { name: 'Set the clocks' }).click();
  await expect(cy.locator('#class-clock-time')).toContainText(/Talks · 0:0\d left/);
  await expect(cy.locator('#class-clock-notice')).toHaveText('Time ran out for the talks.', {
    timeout: 20_000,
  });
  await expect(cy.locator('#class-clock-notice')).not.toContainText('soybeans');
  for (const letter of ['A', 'B'])
    await expect(t.locator(`tr[data-letter="${letter}"]`)).toContainText('orders', { timeout: 20_000 });
  await noSeriousViolations(t, 'class dashboard');
  await t.evaluate(() => window.scrollTo(0, 0));
  await shot(t, 'class-dashboard');
  // the dashboard on a phone: the class code and its QR code whole on the screen
  await t.setViewportSize({ width: 390, height: 844 });
  const cardQr = await t.locator('.class-qr').boundingBox();
  expect(cardQr && cardQr.x >= 0 && cardQr.x + cardQr.width <= 390).toBe(true);
  await shot(t, 'class-dashboard-phone');
  await fitsAPhone(t, 'class dashboard');
  await t.setViewportSize({ width: 1280, height: 800 });
  // the student's room on a phone: the QR code whole on the screen, no serious axe violation
  const qr = await ana.locator('.online-head canvas').boundingBox();
  expect(qr && qr.x >= 0 && qr.x + qr.width <= 390).toBe(true);
  await noSeriousViolations(ana, 'student room');
  await shot(ana, 'class-student-room');
  await fitsAPhone(ana, 'student room');

  // the projector: the game followed, large, public; no names
  await t.getByRole('button', { name: 'Projector' }).click();
  const proj = t.locator('#class-projector');
  await expect(proj.locator('h2')).toHaveText('Game A');
  await expect(proj).toContainText('From your instructor: The press asks about soybeans.');
  const smallest = await t.evaluate(() => {
    let min = 1000;
    for (const el of document.querySelectorAll<HTMLElement>('#class-live *')) {
      if (!el.offsetParent && el.tagName !== 'BODY') continue; // not shown
      const own = [...el.childNodes].some((n) => n.nodeType === 3 && (n.textContent ?? '').trim());
      if (own) min = Math.min(min, Number.parseFloat(getComputedStyle(el).fontSize));
    }
    return min;
  });
  expect(smallest).toBeGreaterThanOrEqual(20);
  await noSeriousViolations(t, 'class projector');
  await shot(t, 'class-projector');
  await proj.getByRole('button', { name: /^B ·/ }).click();
  await expect(proj.locator('h2')).toHaveText('Game B');
  const projected = (await proj.textContent()) ?? '';
  for (const n of names) expect(projected).not.toMatch(word(n));

  // the end (its warning cut to nothing), then the debrief: nothing private before the reveal
  const ended = await t.evaluate(
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
  await expect(proj).toContainText(/ended at turn \d+ of 6/, { timeout: 30_000 });
  await t.getByRole('button', { name: 'Debrief' }).click();
  const debrief = t.locator('#class-debrief');
  await expect(debrief.locator('#class-scores tbody tr').nth(1)).toContainText('B', { timeout: 15_000 });
  await expect(debrief).toContainText('Which Washington scored highest');
  await expect(t.getByLabel('Reveal every side’s objectives and red lines')).toBeEnabled({ timeout: 10_000 });
  const before = (await debrief.textContent()) ?? '';
  for (const n of names) expect(before).not.toMatch(word(n));
  await expect(debrief.locator('#class-reasoning')).toContainText('Hold firm: they need the deal more');
  await noSeriousViolations(t, 'class debrief');
  await shot(t, 'class-debrief');
  await t.getByLabel('Reveal every side’s objectives and red lines').check();
  await expect(t.locator('#class-revealed li').first()).toBeVisible(); // the server's answer is in
  const secrets = await t.locator('#class-revealed li').allTextContents();
  expect(secrets.length).toBeGreaterThan(2);
  for (const x of secrets) {
    expect(before).not.toContain(x);
    expect(projected).not.toContain(x);
  }
  await t.locator('#class-revealed').scrollIntoViewIfNeeded();
  await shot(t, 'class-debrief-revealed');

  // the results from the server, by letter
  await t.getByRole('button', { name: 'Dashboard' }).click();
  await expect(t.locator('#class-summary')).toContainText('The games are over');
  await expect(t.locator('tr[data-letter="A"]')).toContainText(/ended at turn \d+ of 6/);
  await t.getByRole('button', { name: 'Results' }).click();
  await expect(t.locator('#class-results-table table.class-results > tbody > tr')).toHaveCount(2);
  await expect(t.getByRole('link', { name: 'Debrief of game A' })).toBeVisible();
  await expect(t.locator('#class-results-table')).not.toContainText('Ana');
  await t.getByText('Game A: the teams’ reasoning').click();
  await expect(t.locator('#class-results-table .class-reasoning')).toContainText('Hold firm');
  // the class archive: every game file and the CSV in one zip, by letter, no names
  const [download] = await Promise.all([
    t.waitForEvent('download'),
    t.getByRole('button', { name: 'Download the class archive (zip)' }).click(),
  ]);
  const zip = unzipSync(readFileSync(await download.path()));
  expect(Object.keys(zip).sort()).toEqual([
    `class-${code}/game-A.json`,
    `class-${code}/game-B.json`,
    `class-${code}/results.csv`,
  ]);
  for (const bytes of Object.values(zip))
    for (const n of names) expect(strFromU8(bytes)).not.toMatch(word(n));
  expect(
    JSON.parse(strFromU8(zip[`class-${code}/game-A.json`] ?? new Uint8Array())).moves.length,
  ).toBeGreaterThan(3);
  expect(teacher.errors).toEqual([]);
});
