// The debrief, replays and class results: a hot-seat game passed through to its end opens its
// debrief (charts, outcome plot, a timeline with one item per move played and per event); the game
// exported to a file and to a link reopens in the replay viewer, whose last position shows the live
// game's final scores; an instructor imports three game files (and a tampered one, refused as
// damaged) and downloads a CSV with three rows.
import { readFile } from 'node:fs/promises';
import { expect, type Locator, type Page, test } from '@playwright/test';
import { canonicalJson } from '../../src/engine/hash.ts';
import { crc32Text } from '../../src/store/integrity.ts';
import {
  chooseSolo,
  openMenu,
  PHONE,
  PROJECTOR,
  playAgainstComputer,
  SCREENS,
  shot,
  shotAt,
  startHotSeat,
  tableReady,
  throughBriefings,
  watchErrors,
} from './helpers.ts';

/** Passes every action of both sides until the results; returns how many moves were made. */
async function passToTheEnd(page: Page): Promise<number> {
  const results = page.getByRole('heading', { name: /^Results/ });
  let moves = 0;
  for (let step = 0; step < 600; step++) {
    if (await results.isVisible()) break;
    const lift = page.getByRole('button', { name: /^I am (Washington|Beijing): show my side$/ });
    const toTable = page.getByRole('button', { name: 'To the table', exact: true });
    const pass = page.getByRole('button', { name: 'Done talking (pass)' });
    const passOrders = page.getByRole('button', { name: 'Pass: no orders' });
    // A move is saved before the screen moves on, so a button seen a moment ago may be gone by the
    // click: a click that does not land soon is given up, and the loop looks again.
    const click = (l: Locator) =>
      l.click({ timeout: 3_000 }).then(
        () => true,
        () => false,
      );
    if (await lift.isVisible()) await click(lift);
    else if (await toTable.isVisible()) await click(toTable);
    else if (await pass.isVisible()) {
      if (await click(pass)) moves++;
    } else if (await passOrders.isVisible()) {
      if (await click(passOrders)) moves++;
    } else await page.waitForTimeout(50);
  }
  await expect(results).toBeVisible();
  return moves;
}

const usScore = async (page: Page) =>
  (
    (await page
      .getByRole('region', { name: 'Washington’s score' })
      .getByText(/^Score: −?\d+$/)
      .textContent()) ?? ''
  ).slice('Score: '.length);

test('a finished game: debrief, export to a file and a link, replay, class results', async ({ page }) => {
  test.setTimeout(180_000);
  const errors = watchErrors(page);
  await openMenu(page);
  await startHotSeat(page, 'debrief-1');
  const moves = await passToTheEnd(page);
  const finalScore = (await usScore(page)).trim();
  expect(finalScore).toMatch(/^−?\d+$/);

  // the game's summary, as CSV
  const sumDl = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download summary (CSV)' }).click();
  const summary = await readFile((await (await sumDl).path())!, 'utf8');
  expect(summary.trim().split(/\r\n/)).toHaveLength(2);

  // the debrief
  await page.getByRole('button', { name: 'Debrief' }).click();
  await expect(page.getByRole('heading', { name: /^Debrief/, level: 1 })).toBeVisible();
  await expect(page.getByRole('figure', { name: 'Leverage over time' })).toBeVisible();
  await expect(page.getByRole('figure', { name: 'Tension over time' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Leverage over time: the figures' })).toBeAttached();
  await expect(page.getByRole('figure', { name: /^Outcomes/ })).toBeVisible();
  await expect(page.getByText(/Efficiency/).first()).toBeVisible();
  const timeline = page.getByRole('list', { name: 'Moves and events' });
  const items = timeline.getByRole('listitem').filter({ hasText: /^Turn \d+ · (move|event): / });
  const moveItems = timeline.getByRole('listitem').filter({ hasText: /^Turn \d+ · move: / });
  const eventItems = timeline.getByRole('listitem').filter({ hasText: /^Turn \d+ · event: / });
  expect(await moveItems.count()).toBe(moves);
  expect(await items.count()).toBe(moves + (await eventItems.count()));
  await expect(page.getByRole('region', { name: 'Discussion prompts' })).toContainText('58%');
  await expect(page.getByRole('region', { name: 'What happened in 2025' })).toBeVisible();
  await shot(page, 'debrief');
  await page.screenshot({ path: `${SCREENS}/debrief-full.png`, fullPage: true });
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('button', { name: 'Print the debrief' })).toBeHidden();
  await page.screenshot({ path: `${SCREENS}/debrief-print.png`, fullPage: true });
  await page.emulateMedia({ media: 'screen' });

  // export: a file and a link
  const dl = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Save game file' }).click();
  const file = await dl;
  const text = await readFile((await file.path())!, 'utf8');
  expect(JSON.parse(text).moves.length).toBe(moves);
  await page.getByRole('button', { name: 'Copy link to this game' }).click();
  const link = await page.getByRole('textbox', { name: 'Link to this game' }).inputValue();
  expect(link).toMatch(/#game=[\w-]{20,}$/);

  // the link reopens in the replay viewer, in a fresh page
  const other = await page.context().newPage();
  const otherErrors = watchErrors(other);
  await other.goto(link);
  await expect(other.getByRole('heading', { name: /^Replay/ })).toBeVisible({ timeout: 30_000 });
  const jump = other.getByRole('combobox', { name: 'Jump to turn' });
  await jump.selectOption({ label: 'The end of the game' });
  await expect(other.getByRole('status', { name: 'Replay position' })).toContainText('The end of the game');
  await expect(other.getByRole('region', { name: 'Washington at this point' })).toContainText(
    `Score: ${finalScore} (`,
  );
  // the table as it was, drawn by the game's own table
  await tableReady(other);
  await expect(other.getByRole('img', { name: /^The table at this point/ }).locator('canvas')).toHaveCount(1);
  await other.getByRole('button', { name: 'Back one turn' }).click();
  await expect(other.getByRole('status', { name: 'Replay position' })).not.toContainText(
    'The end of the game',
  );
  await shot(other, 'replay');
  expect(otherErrors).toEqual([]);
  await other.close();

  // the file reopens from the menu, stepped forward to its end
  await page.getByRole('button', { name: 'Back to the results' }).click();
  await page.getByRole('button', { name: 'New game' }).click();
  await page.getByLabel('Open a game file').setInputFiles({
    name: 'game.json',
    mimeType: 'application/json',
    buffer: Buffer.from(text),
  });
  await expect(page.getByRole('heading', { name: /^Replay/ })).toBeVisible();
  const fwd = page.getByRole('button', { name: 'Forward one turn' });
  for (let i = 0; i < 40 && (await fwd.isEnabled()); i++) await fwd.click();
  await expect(page.getByRole('status', { name: 'Replay position' })).toContainText('The end of the game');
  await expect(page.getByRole('region', { name: 'Washington at this point' })).toContainText(
    `Score: ${finalScore} (`,
  );
  await page.getByRole('button', { name: 'Leave the replay' }).click();
  // a saved game (finished or not) replays, and saves to a file, from the menu's list
  await page.getByRole('button', { name: /^Replay Road to Busan/ }).click();
  await expect(page.getByRole('heading', { name: /^Replay/ })).toBeVisible();
  await page.getByRole('button', { name: 'Leave the replay' }).click();
  const saveDl = page.waitForEvent('download');
  await page.getByRole('button', { name: /^Save a game file of Road to Busan/ }).click();
  expect(JSON.parse(await readFile((await (await saveDl).path())!, 'utf8')).moves).toHaveLength(moves);

  // a naively edited file (a move swapped) is refused as damaged: its checksum no longer matches
  const tampered = JSON.parse(text);
  tampered.moves[0] = { type: 'accept', side: 'us' };
  await page.getByLabel('Open a game file').setInputFiles({
    name: 'tampered.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(tampered)),
  });
  await expect(page.getByRole('status').filter({ hasText: 'tampered.json' })).toContainText(
    /refused: it is damaged or has been edited/,
  );

  // a game of a scenario that is not here names the file it needs (a sound file: its checksum made
  // over the changed content, as a file written elsewhere would carry it)
  const { checksum: _old, ...content } = {
    ...JSON.parse(text),
    scenarioId: 'far-away',
    scenarioHash: 'f'.repeat(64),
  };
  const elsewhere = { ...content, checksum: crc32Text(canonicalJson(content)) };
  await page.getByLabel('Open a game file').setInputFiles({
    name: 'elsewhere.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(elsewhere)),
  });
  await expect(page.getByRole('status').filter({ hasText: 'elsewhere.json' })).toContainText(
    'it needs the scenario file “far-away.yaml”',
  );

  // the class results: three games and one tampered file
  await page.getByRole('button', { name: 'Class results' }).click();
  await expect(page.getByRole('heading', { name: 'Class results' })).toBeVisible();
  const files = ['a', 'b', 'c'].map((n) => ({
    name: `${n}.json`,
    mimeType: 'application/json',
    buffer: Buffer.from(text),
  }));
  files.push({
    name: 'bad.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(tampered)),
  });
  await page.getByLabel('Game files', { exact: true }).setInputFiles(files);
  await expect(page.getByRole('status', { name: 'Games imported' })).toHaveText('3 games imported.');
  await expect(page.getByRole('alert', { name: 'Files that could not be read' })).toContainText(
    'bad.json: it is damaged or has been edited',
  );
  const table = page.getByRole('table', { name: 'The class’s games' });
  await expect(table.getByRole('row')).toHaveCount(4);
  await page.getByRole('button', { name: 'Sort by US score' }).click();
  await expect(page.getByRole('figure', { name: 'Distribution of outcomes' })).toBeVisible();
  const csvDl = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download CSV' }).click();
  const csv = await readFile((await (await csvDl).path())!, 'utf8');
  const lines = csv.trim().split(/\r\n/);
  expect(lines).toHaveLength(4);
  expect(lines[0]).toBe(
    'scenario,side,mode,aiLevel,seed,winner,scoreUs,scoreCn,rawUs,rawCn,objectivesUs,objectivesCn,deal,dealTerms,turns',
  );
  await shot(page, 'class-results');
  expect(errors).toEqual([]);
});

test('a game against the computer: its debrief gives the computer’s reasons and plots the proposals', async ({
  page,
}) => {
  test.setTimeout(150_000);
  const errors = watchErrors(page);
  await openMenu(page);
  await chooseSolo(page, 'debrief-solo');
  await page.getByRole('button', { name: 'Start game' }).click();
  await page.getByRole('button', { name: 'To the table', exact: true }).click();
  await playAgainstComputer(page);
  await page.getByRole('button', { name: 'Debrief' }).click();
  const timeline = page.getByRole('list', { name: 'Moves and events' });
  await expect(timeline).toContainText('The computer’s reason:');
  await expect(page.getByRole('table', { name: /^Outcomes.*the points/ })).toContainText(
    'Start and no-deal line',
  );
  await expect(page.getByRole('region', { name: 'The upper hand and the slice' })).toContainText(
    'Share of the two scores',
  );
  const plot = page.getByRole('region', { name: 'Outcome plot' });
  await plot.screenshot({ path: `${SCREENS}/debrief-outcome.png` });
  await shotAt(page, PROJECTOR, plot, 'debrief-outcome');
  await shotAt(page, PHONE, plot, 'debrief-outcome');
  // the replay's timeline follows its cursor
  await page.getByRole('button', { name: 'Replay this game' }).click();
  await expect(page.getByRole('heading', { name: /^Replay/ })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Moves and events' }).getByRole('listitem')).toHaveCount(0);
  await page.getByRole('button', { name: 'Forward one turn' }).click();
  await expect(page.getByRole('list', { name: 'Moves and events' })).toContainText('Turn 1 · move');
  await expect(page.getByRole('list', { name: 'Moves and events' })).not.toContainText('Turn 2 · move');
  await shot(page, 'replay-solo');
  expect(errors).toEqual([]);
});

test('a game in progress saves and shares from the table, without the orders not yet revealed', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const errors = watchErrors(page);
  await openMenu(page);
  await startHotSeat(page, 'share-1');
  await throughBriefings(page);
  await tableReady(page);
  const lift = page.getByRole('button', { name: /^I am (Washington|Beijing): show my side$/ });
  const pass = page.getByRole('button', { name: 'Done talking (pass)' });
  const passOrders = page.getByRole('button', { name: 'Pass: no orders' });
  let passes = 0;
  // A button seen may be gone by the click (the curtain comes down between sides): a click that
  // finds nothing within a second is given up, and the loop looks again.
  const tryClick = (button: typeof pass) =>
    button.click({ timeout: 1000 }).then(
      () => true,
      () => false,
    );
  for (let step = 0; step < 100 && !(await passOrders.isVisible()); step++) {
    if (await lift.isVisible()) await tryClick(lift);
    else if (await pass.isVisible()) {
      if (await tryClick(pass)) passes++;
    } else await page.waitForTimeout(50);
  }
  await passOrders.click(); // the first side's orders, hidden from the other until both are in
  for (let step = 0; step < 40 && !(await lift.isVisible()); step++) await page.waitForTimeout(50);
  await lift.click();

  await page.getByRole('button', { name: 'Save or share' }).click();
  const dialog = page.getByRole('dialog', { name: 'Save or share this game' });
  await expect(dialog).toContainText('Orders not yet revealed are left out.');
  await shot(page, 'share-dialog');
  const dl = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Save game file' }).click();
  const saved = JSON.parse(await readFile((await (await dl).path())!, 'utf8')) as {
    moves: { type: string }[];
  };
  expect(saved.moves).toHaveLength(passes);
  expect(saved.moves.every((m) => m.type === 'pass')).toBe(true);
  await dialog.getByRole('button', { name: 'Copy link to this game' }).click();
  const link = await dialog.getByRole('textbox', { name: 'Link to this game' }).inputValue();
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toHaveCount(0);

  // the link opens where the game stands, on the table as it was
  const other = await page.context().newPage();
  const otherErrors = watchErrors(other);
  await other.goto(link);
  await expect(other.getByRole('heading', { name: /^Replay/ })).toBeVisible({ timeout: 30_000 });
  await tableReady(other);
  const position = other.getByRole('status', { name: 'Replay position' });
  await expect(position).toContainText('(position 1 of 2)');
  // the arrow keys step, as the buttons do
  await other.getByRole('heading', { name: /^Replay/ }).click();
  await other.keyboard.press('ArrowRight');
  await expect(position).toContainText('Where the game stopped (turn 1) (position 2 of 2)');
  await other.keyboard.press('ArrowLeft');
  await expect(position).toContainText('(position 1 of 2)');
  await other
    .getByRole('combobox', { name: 'Jump to turn' })
    .selectOption({ label: 'Where the game stopped (turn 1)' });
  await expect(position).toContainText('Where the game stopped');
  await shot(other, 'replay-in-progress');
  expect(otherErrors).toEqual([]);
  await other.close();
  expect(errors).toEqual([]);
});
