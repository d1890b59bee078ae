// The instructor's class on loopback, from start to finish: a class made with the instructor key
// (refused without it), students joining by code and name (a wrong code and a duplicate name each
// refused with a sentence), automatic pairing with a computer for the odd student, every game
// started at once, late joiners seated (a team, a computer's side), the timed briefing ended by every
// team's ready mark, a phase clock announced a minute before and running out (the waiting side
// passes), the instructor's line of news, an inject replayed
// identically from the game's log, the server killed and restarted from the class log, the games
// ended fairly, the projector in public state only, the debrief (the reveal only after the end), and
// the class results equal to those computed from the game files on disk.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import type { Move } from '../../src/engine/index.ts';
import { checkMove, newGame, replay, rulesFor } from '../../src/engine/index.ts';
import { summariseRecord } from '../../src/present/class-summary.ts';
import { parseLog, recordOfLog } from '../../src/server/game-log.ts';
import { plainMove, Seat, spawnServer, tempDir, testScenarios } from './helpers.ts';

const PORT = 25900;
const KEY = 'instructor-key-for-the-test-0123';
const data = tempDir('class');
let stop: (() => Promise<void>) | null = null;
afterAll(async () => {
  await stop?.();
});

interface Answer {
  ok: boolean;
  reason?: string;
  [k: string]: unknown;
}

function api(port: number) {
  return async (
    method: 'GET' | 'POST',
    path: string,
    body?: unknown,
    key: string | null = KEY,
  ): Promise<Answer & { status: number }> => {
    const r = await fetch(`http://127.0.0.1:${port}/class/${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...(key ? { 'x-instructor-key': key } : {}) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: r.status, ...((await r.json()) as Answer) };
  };
}

interface Row {
  letter: string;
  code: string;
  phase: string;
  turn: number;
  turns: number;
  ended: string | null;
  standing: { us: number | null; cn: number | null };
  players: { us: { name: string }[]; cn: { name: string }[] };
  computer: { us: number | null; cn: number | null };
}

const until = async (cond: () => Promise<boolean>, ms = 20_000) => {
  const t0 = Date.now();
  while (!(await cond())) {
    if (Date.now() - t0 > ms) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 100));
  }
};

it('runs a class: join, pair, start, a clock, an inject, a restart, the end, the results', async () => {
  const first = await spawnServer(['--port', String(PORT), '--data', data, '--instructor-key', KEY]);
  stop = first.stop;
  let call = api(first.port);

  // the dashboard is the instructor's only
  const noKey = await call('POST', 'create', { scenarioId: 'opening-bid' }, null);
  expect(noKey.status).toBe(403);
  expect(noKey.reason).toMatch(/instructor key/);
  const made = await call('POST', 'create', {
    scenarioId: 'opening-bid',
    capacity: 5,
    seed: 'class-seed-1',
    reasons: true,
  });
  expect(made.ok).toBe(true);
  const code = made.code as string;
  expect(code).toMatch(/^[ACDEFGHJKMNPQRTUVWXY34679]{6}$/);

  // students join with the code and a name; bad input gets a sentence
  const wrong = await call('POST', 'join', { code: 'QQQQQQ', name: 'Ana' }, null);
  expect(wrong.status).toBe(404);
  expect(wrong.reason).toMatch(/No class has the code QQQQQQ/);
  const tokens: Record<string, string> = {};
  for (const name of ['Ana', 'Bo', 'Cy']) {
    const j = await call('POST', 'join', { code: code.toLowerCase(), name }, null);
    expect(j.ok).toBe(true);
    tokens[name] = j.token as string;
  }
  const dup = await call('POST', 'join', { code, name: 'ana' }, null);
  expect(dup.reason).toMatch(/already called ana/);
  // a student's token opens the student's page, not the dashboard
  const asStudent = await call('GET', `${code}/dashboard`, undefined, tokens.Ana ?? '');
  expect(asStudent.status).toBe(403);

  // pairs of one: Ana v Bo, Cy v the computer
  const paired = await call('POST', `${code}/pair`, { teamSize: 1 });
  const games = paired.games as {
    letter: string;
    us: string[];
    cn: string[];
    ai: { us: number | null; cn: number | null };
  }[];
  expect(games).toHaveLength(2);
  expect(games[1]?.ai.cn).toBe(2);
  const started = await call('POST', `${code}/start`, {});
  expect(started.started).toEqual(['A', 'B']);

  // late joiners: Dee joins game A's Washington team, Eve takes Beijing over from the computer in B
  for (const name of ['Dee', 'Eve']) {
    const j = await call('POST', 'join', { code, name }, null);
    tokens[name] = j.token as string;
  }
  const full = await call('POST', 'join', { code, name: 'Fay' }, null);
  expect(full.reason).toMatch(/full/);
  expect((await call('POST', `${code}/place`, { name: 'Dee', letter: 'A', side: 'us' })).text).toBe(
    "Dee joins Washington's team in game A.",
  );
  expect((await call('POST', `${code}/place`, { name: 'Eve', letter: 'B', side: 'cn' })).text).toBe(
    'Eve takes over Beijing from the computer in game B at the next phase.',
  );
  expect((await call('POST', `${code}/place`, { name: 'Eve', letter: 'A', side: 'cn' })).reason).toMatch(
    /already playing/,
  );
  const dee = (await call('GET', `me/${code}?token=${tokens.Dee}`, undefined, null)).game as {
    code: string;
    seat: string;
    side: string;
  };
  expect(dee.side).toBe('us');
  const d = await Seat.join(first.port, dee.code, { token: dee.seat });
  expect(d.welcome?.seat).toBe('us');
  expect(d.welcome?.name).toBe('Dee');
  await d.leave();

  const me = await call('GET', `me/${code}?token=${tokens.Ana}`, undefined, null);
  const ana = me.game as { code: string; seat: string; side: string; letter: string };
  expect(ana.letter).toBe('A');
  const bo = (await call('GET', `me/${code}?token=${tokens.Bo}`, undefined, null)).game as typeof ana;
  const a = await Seat.join(first.port, ana.code, { token: ana.seat });
  const b = await Seat.join(first.port, bo.code, { token: bo.seat });
  expect(a.welcome?.name).toBe('Ana');
  expect(a.update?.state.round.phase).toBe('talks');

  // the timed briefing: the clocks wait until every team has marked itself ready; the moves do not
  expect((await call('POST', `${code}/briefing`, { minutes: 6 })).ok).toBe(true);
  expect((await call('POST', `${code}/briefing`, { minutes: 6 })).reason).toMatch(/already running/);
  await a.until(() => a.received.some((r) => r.type === 'clock' && /Read your briefing/.test(r.raw)));
  // a one-second clock on game A's talks, set during the briefing, and a move made while it runs
  expect((await call('POST', `${code}/clocks`, { talks: 1, orders: null, letter: 'A' })).ok).toBe(true);
  const opener = [a, b].find((x) => x.update?.state.round.talks.toMove === x.side);
  expect(await opener?.move({ type: 'pass', side: opener.side })).toBeNull();
  const waiting = ((await call('GET', `${code}/dashboard`)).rows as { clockMs: number | null }[])[0];
  expect(waiting?.clockMs).toBeNull(); // the clock has not started
  expect(a.received.some((r) => r.type === 'clock' && /"phase":"talks"/.test(r.raw))).toBe(false);
  expect(a.update?.state.round.phase).toBe('talks');
  const ready = (name: string) => call('POST', 'ready', { code, token: tokens[name] }, null);
  expect((await call('POST', 'ready', { code, token: 'nobody' }, null)).status).toBe(403);
  expect((await ready('Ana')).text).toBe('Washington is ready.');
  for (const name of ['Bo', 'Cy']) expect((await ready(name)).ok).toBe(true);
  const briefing = (await call('GET', `${code}/dashboard`)).briefing as { ready: string[]; teams: string[] };
  expect(briefing.ready.sort()).toEqual(['A:cn', 'A:us', 'B:us']);
  expect(briefing.teams.sort()).toEqual(['A:cn', 'A:us', 'B:cn', 'B:us']);
  expect((await ready('Eve')).ok).toBe(true);
  await a.until(() => a.received.some((r) => r.type === 'clock' && /briefing is over/.test(r.raw)));
  expect((await call('GET', `${code}/dashboard`)).briefing).toBeNull();
  expect((await ready('Ana')).reason).toMatch(/briefing is over/);

  // once the briefing is over, game A's talks clock runs: it runs out, the side to talk passes
  await a.until(() => a.update?.state.round.phase === 'orders');
  expect(a.received.some((r) => r.type === 'clock' && /Time ran out/.test(r.raw))).toBe(true);

  // a line of reasoning a team a turn, kept in the class log beside the game (a teammate's later
  // line for the same turn replaces it); never a move, so the game's log is untouched
  const reason = (name: string, text: string) =>
    call('POST', 'reason', { code, token: tokens[name] ?? '', text }, null);
  const movesBefore = a.update?.moveCount;
  expect((await reason('Ana', '   ')).reason).toMatch(/one line of reasoning/);
  expect((await call('POST', 'reason', { code, token: 'nobody', text: 'x' }, null)).status).toBe(403);
  expect((await reason('Ana', 'Hold the tariff: they need the deal more.')).text).toMatch(/turn 1 is kept/);
  expect((await reason('Dee', 'Hold the tariffs: they need the deal more than we do.')).ok).toBe(true);
  expect((await reason('Bo', 'Wait for their first offer.')).ok).toBe(true);
  await a.until(() =>
    a.received.some((r) => r.type === 'clock' && /Bo wrote Beijing's reasoning/.test(r.raw)),
  );
  expect(a.update?.moveCount).toBe(movesBefore);

  // Eve, seated late on the computer's side of game B, takes Beijing over at the next phase
  const seatOf = async (name: string) =>
    (await call('GET', `me/${code}?token=${tokens[name]}`, undefined, null)).game as typeof ana;
  const [cyGame, eveGame] = [await seatOf('Cy'), await seatOf('Eve')];
  const cy = await Seat.join(first.port, cyGame.code, { token: cyGame.seat });
  const e = await Seat.join(first.port, eveGame.code, { token: eveGame.seat });
  expect(e.welcome?.seat).toBe('cn');
  expect(e.update?.seats.cn.ai).toBe(2); // the computer holds the seat until the phase ends
  const phaseOf = (x: Seat) => `${x.update?.state.round.turn}:${x.update?.state.round.phase}`;
  const startPhase = phaseOf(e);
  for (let i = 0; i < 40 && phaseOf(e) === startPhase; i++) {
    const m = plainMove(cy, i);
    if (m) await cy.move(m);
    else await e.until(() => phaseOf(e) !== startPhase || plainMove(cy, i) !== null);
  }
  await e.until(() => e.update?.seats.cn.ai === null);
  await e.until(() => plainMove(e) !== null);
  const eveMove = plainMove(e);
  expect(await e.move(eveMove as Move)).toBeNull(); // the student moves for Beijing now
  const bLog = parseLog(readFileSync(join(data, 'live', `${eveGame.code}.jsonl`), 'utf8').split('\n'));
  if ('reason' in bLog) throw new Error(bLog.reason);
  expect(bLog.moves.at(-1)).toEqual(eveMove); // no computer's note: the student's own move
  await cy.leave();
  await e.leave();

  // an inject from the scenario's control events, into game A
  const board = await call('GET', `${code}/dashboard`);
  const event = (board.events as string[])[0] ?? '';
  const injected = await call('POST', `${code}/inject`, { event, letter: 'A' });
  expect(injected).toMatchObject({ games: ['A'] });
  const again = await call('POST', `${code}/inject`, { event, letter: 'A' });
  expect(again.status).toBe(409);
  expect(again.reason).toMatch(/already happened/);
  await a.until(() => (a.update?.moveCount ?? 0) >= 3);
  // the instructor's own line of news: a control move with no effect, logged like the rest
  const before = a.update?.state;
  expect((await call('POST', `${code}/news`, { text: '  ', letter: 'A' })).reason).toMatch(/Type a line/);
  const posted = await call('POST', `${code}/news`, { text: 'The press asks about soybeans.', letter: 'A' });
  expect(posted).toMatchObject({ games: ['A'] });
  await a.until(() => (a.update?.moveCount ?? 0) >= 4);
  expect(a.update?.state.round.news.at(-1)).toEqual({
    kind: 'instructor',
    text: 'The press asks about soybeans.',
  });
  expect(a.update?.state.world.values).toEqual(before?.world.values);
  expect(a.update?.state.world.tension).toBe(before?.world.tension);
  const held = a.update;

  // the students see the clock: told as time left, and announced a minute before it runs out
  expect((await call('POST', `${code}/clocks`, { talks: null, orders: 61, letter: 'A' })).ok).toBe(true);
  await a.until(() => a.received.some((r) => r.type === 'clock' && /"leftMs":6\d{4}/.test(r.raw)));
  await a.until(() =>
    a.received.some((r) => r.type === 'clock' && /One minute left for the orders/.test(r.raw)),
  );

  // the game's log replays to the state the room holds, the inject included
  const logged = parseLog(readFileSync(join(data, 'live', `${ana.code}.jsonl`), 'utf8').split('\n'));
  if ('reason' in logged) throw new Error(logged.reason);
  expect(logged.moves.some((m) => m.type === 'inject' && m.event === event)).toBe(true);
  expect(logged.moves.some((m) => m.type === 'news' && m.text === 'The press asks about soybeans.')).toBe(
    true,
  );
  const [scenario] = testScenarios();
  if (!scenario) throw new Error('no scenario');
  const r = replay(scenario.scenario, logged.header.seed, logged.header.setup, logged.moves);
  if (!r.ok) throw new Error(r.reason);
  expect(r.state.world.fired[event]).toBe(held?.state.world.fired[event]);
  expect(r.state.round.news).toEqual(held?.state.round.news);
  expect(logged.header.seed).toBe('class-seed-1');

  // the server is killed; restarted on the same folder, the class is there with its games
  await a.leave();
  await b.leave();
  first.child.kill('SIGKILL');
  await new Promise((res) => first.child.once('exit', res));
  const second = await spawnServer(['--port', String(PORT), '--data', data, '--instructor-key', KEY]);
  stop = second.stop;
  call = api(second.port);
  const back = await call('GET', `${code}/dashboard`);
  const rows = back.rows as Row[];
  expect(rows.map((x) => x.letter)).toEqual(['A', 'B']);
  expect(rows[0]?.players.us.map((p) => p.name)).toEqual(['Ana', 'Dee']);
  expect(rows[1]?.players.cn.map((p) => p.name)).toEqual(['Eve']);
  expect(rows[0]?.phase).toBe('orders');
  expect(rows[1]?.computer.cn).toBeNull(); // Eve took Beijing over
  const anaBack = await call('GET', `me/${code}?token=${tokens.Ana}`, undefined, null);
  expect(anaBack).toMatchObject({
    reasons: true,
    reason: 'Hold the tariffs: they need the deal more than we do.',
  });
  expect(typeof rows[0]?.standing.us).toBe('number');

  // the class's clocks, paused and resumed: a paused clock stands still
  expect((await call('POST', `${code}/clocks`, { talks: 600, orders: 600 })).ok).toBe(true);
  const clockOf = async () =>
    ((await call('GET', `${code}/dashboard`)).rows as { clockMs: number | null }[])[0]?.clockMs ?? null;
  await until(async () => (await clockOf()) !== null);
  expect((await call('POST', `${code}/pause`, {})).ok).toBe(true);
  expect((await call('POST', `${code}/pause`, {})).reason).toMatch(/already paused/);
  const frozen = await clockOf();
  await new Promise((res) => setTimeout(res, 300));
  expect(await clockOf()).toBe(frozen);
  expect((await call('GET', `${code}/dashboard`)).paused).toBe(true);
  expect((await call('POST', `${code}/resume`, {})).ok).toBe(true);
  expect((await call('GET', `${code}/dashboard`)).paused).toBe(false);

  // the projector follows a game in public state only; the reveal waits for the end
  const [sc0] = testScenarios();
  const secrets = [...(sc0?.scenario.objectives ?? []), ...(sc0?.scenario.redLines ?? [])].map((o) => o.text);
  expect(secrets.length).toBeGreaterThan(0);
  const proj = await call('GET', `${code}/projector?letter=a`);
  expect((proj.game as { letter: string }).letter).toBe('A');
  expect((proj.games as { letter: string }[]).map((g) => g.letter)).toEqual(['A', 'B']);
  const projText = JSON.stringify(proj);
  expect(projText).not.toMatch(/Ana|Bo|Cy/);
  for (const t of secrets) expect(projText).not.toContain(t);
  expect((proj.game as { news: string[] }).news).toContain(
    'From your instructor: The press asks about soybeans.',
  );
  expect((await call('GET', `${code}/debrief?reveal=1`)).reason).toMatch(/once the games are over/);

  // the end, fairly: every game played out as standing still
  expect((await call('POST', `${code}/end`, { warningSeconds: 0 })).ok).toBe(true);
  await until(async () => (await call('GET', `${code}/dashboard`)).closed === true);
  const end = (await call('GET', `${code}/dashboard`)).rows as Row[];
  for (const row of end) {
    expect(row.phase).toBe('over');
    expect(row.ended).toMatch(/^ended at turn \d+ of \d+$/);
  }
  expect(end[0]?.ended).toBe(`ended at turn 1 of ${end[0]?.turns}`);
  const late = await call('POST', 'join', { code, name: 'Gus' }, null);
  expect(late.reason).toMatch(/ended/);
  const refused = await call('POST', `${code}/inject`, { event, letter: 'B' });
  expect(refused.status).toBe(409);
  expect(refused.reason).toMatch(/ended/);

  // the results are those of the game files on disk, by letter (no names)
  const results = await call('GET', `${code}/results`);
  const byFile = readdirSync(join(data, 'done')).map((f) => {
    const g = parseLog(readFileSync(join(data, 'done', f), 'utf8').split('\n'));
    if ('reason' in g) throw new Error(g.reason);
    return summariseRecord(scenario.scenario, recordOfLog(g));
  });
  const fromServer = (results.games as { summary: unknown }[]).map((g) => g.summary);
  expect(fromServer).toHaveLength(2);
  expect(new Set(fromServer.map((x) => JSON.stringify(x)))).toEqual(
    new Set(byFile.map((x) => JSON.stringify(x))),
  );
  // the debrief: each game's two scores as in the results, the objectives only when revealed
  const deb = await call('GET', `${code}/debrief`);
  const pts = deb.points as { label: string; us: number; cn: number; leverage: number }[];
  expect(pts.map((x) => x.label)).toEqual(['A', 'B']);
  for (const [i, x] of pts.entries()) {
    const sm = (results.games as { summary: { scoreUs: number; scoreCn: number } }[])[i]?.summary;
    expect(x.us).toBeCloseTo(sm?.scoreUs ?? Number.NaN, 1);
    expect(x.cn).toBeCloseTo(sm?.scoreCn ?? Number.NaN, 1);
  }
  expect((deb.prompts as string[]).some((x) => /Which Washington scored highest/.test(x))).toBe(true);
  const hidden = JSON.stringify(deb);
  for (const t of secrets) expect(hidden).not.toContain(t);
  const shown = await call('GET', `${code}/debrief?reveal=1`);
  const revealed = shown.revealed as { side: string; objectives: string[] }[];
  expect(revealed[0]?.objectives).toEqual(
    sc0?.scenario.objectives.filter((o) => o.side === 'us').map((o) => o.text),
  );
  expect(JSON.stringify(await call('GET', `${code}/debrief?names=1`))).toMatch(/A \(Ana & Dee v Bo\)/);
  // the teams' reasoning beside their moves, in the results and the debrief
  const reasoningA = (results.games as { letter: string; reasoning: unknown[] }[]).find(
    (g) => g.letter === 'A',
  )?.reasoning[0] as { turn: number; sides: Record<string, { moves: string[]; reason: string | null }> };
  expect(reasoningA.turn).toBe(1);
  expect(reasoningA.sides.us?.reason).toBe('Hold the tariffs: they need the deal more than we do.');
  expect(reasoningA.sides.cn?.reason).toBe('Wait for their first offer.');
  expect(reasoningA.sides.us?.moves.some((m) => m.startsWith('Orders:'))).toBe(true);
  expect(JSON.stringify(deb.reasoning)).toContain('Wait for their first offer.');
  const csv = results.csv as string;
  expect(csv.split('\n')[0]).toMatch(/^game,scenario,/);
  expect(csv).not.toMatch(/Ana|Bo|Cy|Dee|Eve/);
});

it('takes the instructor’s news line from the control role only, as plain text of 1–200 characters', () => {
  const [sc] = testScenarios();
  if (!sc) throw new Error('no scenario');
  const rules = rulesFor(sc.scenario);
  const s = newGame(sc.scenario, 'news-seed');
  expect(checkMove(rules, s, { type: 'news', side: 'control', text: 'The press asks.' })).toBeNull();
  expect(checkMove(rules, s, { type: 'news', side: 'us', text: 'The press asks.' })?.code).toBe('NOT_OWNER');
  for (const text of ['', ' padded ', 'x'.repeat(201), 'line\nbreak'])
    expect(checkMove(rules, s, { type: 'news', side: 'control', text })?.code).toBe('MALFORMED');
});
