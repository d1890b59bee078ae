// The live class in the browser, loaded only from its address: `#class` is the instructor's page
// (the instructor key, the class's settings, then the dashboard — one row per game, sortable,
// refreshed every second — and the class's controls: pair, start, clocks, pause, injects, end, and
// the results with their CSV), `#join` (or `#join=CODE`) the student's (the class code and a
// display name, then a wait until the instructor starts the game, which opens in the online screen
// with the seat the class gave). A student's page never reaches the dashboard: the server refuses
// every dashboard request without the instructor key. Text from the server goes in as textContent.
import './class-live.css';
import { strToU8, zipSync } from 'fflate';
import qrcode from 'qrcode-generator';
import type { GameRecord } from '../engine/index.ts';
import { rulesFor } from '../engine/index.ts';
import type { DashboardRow } from '../net/class-protocol.ts';
import type { ClassDebrief } from '../present/class-debrief.ts';
import type { TurnReasoning } from '../present/class-reasoning.ts';
import { COLUMN_LABELS, type GameSummary, SUMMARY_COLUMNS } from '../present/class-summary.ts';
import { fmtDate } from '../present/text.ts';
import { findScenario } from '../store/catalog.ts';
import { gameFileText } from '../store/game-file.ts';
import { encodeGame } from '../store/game-link.ts';
import { classPlan } from './class-plan.ts';
import {
  drawDebrief,
  drawProjector,
  type ProjectorAnswer,
  reasoningTable,
  standingsChart,
} from './class-views.ts';
import { button, h, select } from './dom.ts';
import { download } from './export.ts';

const KEY = 'upper-hand:instructor-key';
const CLASS = 'upper-hand:class-code';
const STUDENT = 'upper-hand:class-student:';
const SEAT = 'upper-hand:online-seat:'; // the online screen's own seat-token key
const CLASS_OF = 'upper-hand:class-of:'; // a class game's code → its class's code (class-reason.ts)

interface Answer {
  ok: boolean;
  reason?: string;
  [k: string]: unknown;
}

async function call(method: 'GET' | 'POST', path: string, body?: unknown, key?: string): Promise<Answer> {
  try {
    const r = await fetch(`/class/${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...(key ? { 'x-instructor-key': key } : {}) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return (await r.json()) as Answer;
  } catch {
    return { ok: false, reason: 'The game server cannot be reached: is “npm run serve” still running?' };
  }
}

const store = (() => {
  try {
    return sessionStorage;
  } catch {
    return null;
  }
})();

function field(label: string, input: HTMLElement) {
  return h('label', { class: 'field' }, h('span', { text: label }), input);
}

/**
 * The class archive: every game file (named by its letter) and the results' CSV in one zip, made in
 * this page from what the server sent; the students' names are in it only if the instructor chose them.
 */
export function classArchive(
  code: string,
  games: readonly { letter: string; record: GameRecord }[],
  csv: string,
) {
  const files: Record<string, Uint8Array> = { [`class-${code}/results.csv`]: strToU8(csv) };
  for (const g of games) files[`class-${code}/game-${g.letter}.json`] = strToU8(gameFileText(g.record));
  return zipSync(files, { level: 6, mtime: new Date('2025-01-01T00:00:00Z') });
}

function downloadArchive(
  code: string,
  games: readonly { letter: string; record: GameRecord }[],
  csv: string,
) {
  const zip = classArchive(code, games, csv);
  const url = URL.createObjectURL(new Blob([zip as Uint8Array<ArrayBuffer>], { type: 'application/zip' }));
  const a = h('a', { href: url, download: `class-${code}.zip`, style: 'display:none' });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

interface Briefing {
  readonly leftMs: number;
  readonly ready: readonly string[];
  readonly teams: readonly string[];
}

const teamName = (k: string) => {
  const [letter, side] = k.split(':');
  return `${letter} ${side === 'us' ? 'Washington' : 'Beijing'}`;
};

/** " Briefing: 4:10 left; ready: 2 of 3 teams (A Washington, A Beijing)." */
function briefingText(b: Briefing | null): string {
  if (!b) return '';
  const ready = b.teams.filter((k) => b.ready.includes(k));
  return ` Briefing: ${minutes(b.leftMs)} left; ready: ${ready.length} of ${b.teams.length} teams${
    ready.length ? ` (${ready.map(teamName).join(', ')})` : ''
  }.`;
}

const minutes = (ms: number) => {
  const s = Math.max(0, Math.round(ms / 1000));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
};

/** Mounts the class page the address names. */
export function mountClass(root: HTMLElement) {
  document.body.dataset.screen = 'class-live';
  const main = h('main', { class: 'online class-live', id: 'class-live' });
  root.replaceChildren(main);
  const join = /^#join(?:=([A-Za-z0-9]+))?/.exec(location.hash);
  if (join) studentPage(main, join[1] ?? '');
  else instructorPage(main);
}

// ---------------------------------------------------------------------------------------------
// The student

function studentPage(main: HTMLElement, given: string) {
  document.title = 'Upper Hand — join a class';
  const error = h('p', { class: 'online-error', role: 'alert' });
  const code = h('input', {
    type: 'text',
    id: 'class-code',
    maxlength: 8,
    autocomplete: 'off',
    value: given,
  });
  const name = h('input', { type: 'text', id: 'class-name', maxlength: 40, autocomplete: 'nickname' });
  const wait = (c: string, token: string) => {
    main.replaceChildren(
      h('h1', { text: 'You are in the class' }),
      h('p', { id: 'class-wait', text: 'Waiting for your instructor to start your game…' }),
    );
    const poll = async () => {
      const me = await call('GET', `me/${c}?token=${encodeURIComponent(token)}`);
      const game = me.game as
        | { letter: string; code: string | null; seat: string | null; side: string }
        | null
        | undefined;
      if (!me.ok) {
        main.replaceChildren(
          h('h1', { text: 'Join a class' }),
          h('p', { class: 'online-error', role: 'alert', text: me.reason ?? '' }),
        );
        return;
      }
      if (game?.code && game.seat) {
        store?.setItem(SEAT + game.code, game.seat);
        store?.setItem(CLASS_OF + game.code, c); // the game's screen asks the class for the reasoning line
        location.hash = `#room=${game.code}`;
        return;
      }
      const p = main.querySelector('#class-wait');
      if (p)
        p.textContent = game
          ? `You play in game ${game.letter}, for ${game.side === 'us' ? 'Washington' : 'Beijing'}: it starts when your instructor says so.`
          : 'Waiting for your instructor to pair you with a partner…';
      setTimeout(() => void poll(), 2000);
    };
    void poll();
  };
  const saved = given ? store?.getItem(STUDENT + given.toUpperCase()) : null;
  if (saved) return wait(given.toUpperCase(), saved);
  main.replaceChildren(
    h('h1', { text: 'Join a class' }),
    h('p', {
      text: 'Type the class code your instructor shows and the name your classmates know you by. No account is needed.',
    }),
    field('Class code', code),
    field('Your name', name),
    button(
      'Join',
      async () => {
        const r = await call('POST', 'join', { code: code.value, name: name.value });
        if (!r.ok) {
          error.textContent = r.reason ?? 'The class could not be joined.';
          return;
        }
        const c = String(r.code);
        store?.setItem(STUDENT + c, String(r.token));
        history.replaceState(null, '', `#join=${c}`);
        wait(c, String(r.token));
      },
      { id: 'class-join', class: 'primary' },
    ),
    error,
  );
}

// ---------------------------------------------------------------------------------------------
// The instructor

function instructorPage(main: HTMLElement) {
  document.title = 'Upper Hand — run a class';
  const key = store?.getItem(KEY);
  if (!key) return askKey(main);
  const code = store?.getItem(CLASS);
  if (code) return dashboard(main, key, code);
  setup(main, key);
}

function askKey(main: HTMLElement) {
  const error = h('p', { class: 'online-error', role: 'alert' });
  const input = h('input', { type: 'password', id: 'class-key', autocomplete: 'off' });
  main.replaceChildren(
    h('h1', { text: 'Run a class' }),
    h('p', { text: 'Type the instructor key that “npm run serve” printed when it started.' }),
    field('Instructor key', input),
    button(
      'Open',
      async () => {
        const r = await call('GET', 'key', undefined, input.value.trim());
        if (!r.ok) {
          error.textContent = r.reason ?? 'That key is not right.';
          return;
        }
        store?.setItem(KEY, input.value.trim());
        instructorPage(main);
      },
      { id: 'class-key-open', class: 'primary' },
    ),
    error,
  );
}

async function setup(main: HTMLElement, key: string) {
  const list = await fetch('/online/scenarios')
    .then((r) => r.json() as Promise<{ id: string; title: string; hash: string }[]>)
    .catch(() => []);
  const o = {
    scenarioId: list[0]?.id ?? '',
    sides: 'both',
    level: '2',
    randomEvents: true,
    leverage: 'live',
    sameSeed: true,
  };
  const capacity = h('input', { type: 'number', id: 'class-capacity', min: 1, max: 200, value: 80 });
  const events = h('input', { type: 'checkbox', id: 'class-events', checked: true });
  const seed = h('input', { type: 'checkbox', id: 'class-seed', checked: true });
  const reasons = h('input', { type: 'checkbox', id: 'class-reasons' });
  const error = h('p', { class: 'online-error', role: 'alert' });
  const length = h('input', { type: 'number', id: 'class-length', min: 10, max: 240, value: 50 });
  const plan = h('p', { id: 'class-plan', role: 'status' });
  /** The period's plan for the scenario chosen (untimed: the clocks are set on the dashboard). */
  const showPlan = async () => {
    const hash = list.find((x) => x.id === o.scenarioId)?.hash ?? '';
    const entry = await findScenario(hash, null);
    if (!entry) {
      plan.textContent = '';
      return;
    }
    const rules = rulesFor(entry.scenario);
    const p = classPlan({
      classMinutes: Number(length.value) || 50,
      mainTurns: rules.mainTurns,
      totalTurns: rules.totalTurns,
      talks: null,
      orders: null,
    });
    plan.textContent = `The plan: ${p.steps.map((x) => `${x.label.toLowerCase()} ${x.minutes}`).join(', ')} minutes — ${p.total} in all.${
      p.warning ? ` ${p.warning}` : ''
    }`;
    plan.classList.toggle('class-plan-warn', !p.fits);
  };
  length.addEventListener('input', () => void showPlan());
  void showPlan();
  main.replaceChildren(
    h('h1', { text: 'Run a class' }),
    select(
      'Scenario',
      list.map((s) => [s.id, s.title] as const),
      o.scenarioId,
      (v) => {
        o.scenarioId = v;
        void showPlan();
      },
    ),
    field('Class length (minutes)', length),
    plan,
    select(
      'Students play',
      [
        ['both', 'Both sides'],
        ['us', 'Washington (the computer plays Beijing)'],
        ['cn', 'Beijing (the computer plays Washington)'],
      ],
      o.sides,
      (v) => {
        o.sides = v;
      },
    ),
    select(
      'Computer level',
      [
        ['1', '1 — easy'],
        ['2', '2 — fair'],
        ['3', '3 — hard'],
      ],
      o.level,
      (v) => {
        o.level = v;
      },
    ),
    select(
      'Leverage shown',
      [
        ['live', 'Live, both sides'],
        ['own', 'Own side only'],
        ['after', 'After the game'],
      ],
      o.leverage,
      (v) => {
        o.leverage = v;
      },
    ),
    h('label', { class: 'class-check' }, events, h('span', { text: ' Random events' })),
    h(
      'label',
      { class: 'class-check' },
      seed,
      h('span', { text: ' One seed for every game (the games are comparable)' }),
    ),
    h(
      'label',
      { class: 'class-check' },
      reasons,
      h('span', { text: ' Each team writes one line of reasoning a turn (shown in the debrief)' }),
    ),
    field('Students at most', capacity),
    button(
      'Create the class',
      async () => {
        const r = await call(
          'POST',
          'create',
          {
            scenarioId: o.scenarioId,
            sides: o.sides,
            levels: [Number(o.level)],
            randomEvents: events.checked,
            leverage: o.leverage,
            sameSeed: seed.checked,
            capacity: Number(capacity.value),
            reasons: reasons.checked,
          },
          key,
        );
        if (!r.ok) {
          error.textContent = r.reason ?? 'The class could not be made.';
          return;
        }
        store?.setItem(CLASS, String(r.code));
        dashboard(main, key, String(r.code));
      },
      { id: 'class-create', class: 'primary' },
    ),
    error,
  );
}

type SortKey = 'letter' | 'turn' | 'phase' | 'waitingMs' | 'leverage' | 'tension' | 'deals' | 'us' | 'cn';

function dashboard(main: HTMLElement, key: string, code: string) {
  document.title = `Upper Hand — class ${code}`;
  const link = `${location.origin}${location.pathname}#join=${code}`;
  const qr = qrcode(0, 'M');
  qr.addData(link);
  qr.make();
  const qrImg = h('img', { src: qr.createDataURL(4, 2), alt: `QR code of ${link}`, class: 'class-qr' });
  const status = h('p', { class: 'online-error', role: 'alert', id: 'class-status' });
  const body = h('div', { id: 'class-board' });
  const resultsBox = h('section', { id: 'class-results-table', 'aria-label': 'Class results' });
  let sort: SortKey = 'letter';
  let desc = false;
  let teamSize = '1';
  let event = '';
  const briefMinutes = h('input', { type: 'number', id: 'class-brief-minutes', min: 1, max: 30, value: 6 });
  const talks = h('input', { type: 'number', id: 'class-talks', min: 1, max: 3600, placeholder: 'none' });
  const orders = h('input', { type: 'number', id: 'class-orders', min: 1, max: 3600, placeholder: 'none' });
  const act =
    (path: string, b: unknown = {}) =>
    async () => {
      const r = await call('POST', `${code}/${path}`, b, key);
      status.textContent = r.ok ? '' : (r.reason ?? 'That did not work.');
      status.classList.remove('class-ok');
      void refresh();
    };
  const events = h('span');
  // the three views: the dashboard, the projector (public state, large), the debrief
  let view: 'dashboard' | 'projector' | 'debrief' = 'dashboard';
  let follow: string | null = null;
  let reveal = false;
  let names: boolean | null = null;
  let closed = false;
  let debriefShown = '';
  const projBox = h('section', {
    id: 'class-projector',
    class: 'class-projector',
    'aria-label': 'Projector view',
    hidden: true,
  });
  const debriefBox = h('section', {
    id: 'class-debrief',
    class: 'class-debrief',
    'aria-label': 'Class debrief',
    hidden: true,
  });
  const dashBox = h('div', { id: 'class-dashboard-view', class: 'class-dash-grid' });
  const viewButtons = (['dashboard', 'projector', 'debrief'] as const).map((v) =>
    button(
      v === 'dashboard' ? 'Dashboard' : v === 'projector' ? 'Projector' : 'Debrief',
      () => {
        view = v;
        debriefShown = '';
        show();
        void refresh();
      },
      { id: `class-view-${v}`, 'aria-pressed': String(v === view) },
    ),
  );
  const show = () => {
    dashBox.hidden = view !== 'dashboard';
    projBox.hidden = view !== 'projector';
    debriefBox.hidden = view !== 'debrief';
    document.body.classList.toggle('class-projecting', view === 'projector');
    viewButtons.forEach((b, i) => {
      b.setAttribute('aria-pressed', String(['dashboard', 'projector', 'debrief'][i] === view));
    });
  };
  const drawDebriefView = async () => {
    const q = `reveal=${reveal ? 1 : 0}${names === null ? '' : `&names=${names ? 1 : 0}`}`;
    const r = await call('GET', `${code}/debrief?${q}`, undefined, key);
    if (!r.ok) {
      status.textContent = r.reason ?? '';
      return;
    }
    closed = r.closed === true;
    const text = JSON.stringify(r);
    if (text === debriefShown) return;
    debriefShown = text;
    drawDebrief(debriefBox, r as unknown as ClassDebrief, {
      closed,
      reveal,
      names: names ?? false,
      setReveal: (on) => {
        reveal = on;
        void drawDebriefView();
      },
      setNames: (on) => {
        names = on;
        void drawDebriefView();
      },
    });
  };
  // an inject or a line of news goes to every game, or to the one chosen
  let target = '';
  const aim = () => (target ? { letter: target } : {});
  const targetBox = h('span', { id: 'class-target' });
  // pairing by hand: one game a line, "Ana, Bo v Cy" (an empty side, or "computer", is the computer's)
  const byHand = h('textarea', {
    id: 'class-by-hand',
    rows: 3,
    placeholder: 'Ana, Bo v Cy\nDee v computer',
  });
  const pairByHand = async () => {
    const games = byHand.value
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean)
      .map((l) => {
        const [us = '', cn = ''] = l.split(/\s+v\s+/i);
        const names = (x: string) =>
          x
            .split(',')
            .map((n) => n.trim())
            .filter((n) => n && n.toLowerCase() !== 'computer');
        return { us: names(us), cn: names(cn) };
      });
    if (!games.length) {
      status.textContent = 'Write one game a line: the Washington team, “v”, the Beijing team.';
      return;
    }
    const r = await call('POST', `${code}/pair`, { games }, key);
    status.textContent = r.ok ? '' : (r.reason ?? 'That did not work.');
    status.classList.remove('class-ok');
    if (r.ok) byHand.value = '';
    void refresh();
  };
  // late joiners: a student not in a started game, seated on a side of a game in progress
  const lateBox = h('div', { id: 'class-late', class: 'class-late' });
  let lateShown = '';
  const drawLate = (unpaired: readonly string[], rows: readonly DashboardRow[]) => {
    const playing = rows.filter((r) => r.code && !r.ended && r.phase !== 'over');
    const sig = JSON.stringify([
      unpaired,
      playing.map((r) => [r.letter, r.players.us.length, r.players.cn.length, r.computer]),
    ]);
    if (sig === lateShown) return;
    lateShown = sig;
    if (!unpaired.length || !playing.length) {
      lateBox.replaceChildren();
      return;
    }
    let who = unpaired[0] ?? '';
    const places = playing.flatMap((r) =>
      (['us', 'cn'] as const).map((side) => {
        const team = r.players[side].map((p) => p.name).join(', ');
        const label = `Game ${r.letter} · ${side === 'us' ? 'Washington' : 'Beijing'} (${team || 'the computer: taken over at the next phase'})`;
        return [`${r.letter}:${side}`, label] as const;
      }),
    );
    let where = places[0]?.[0] ?? '';
    lateBox.replaceChildren(
      h('h2', { text: 'Late joiners' }),
      select(
        'Student',
        unpaired.map((n) => [n, n] as const),
        who,
        (v) => {
          who = v;
        },
      ),
      select('Seat them in', places, where, (v) => {
        where = v;
      }),
      button(
        'Seat them',
        async () => {
          const [letter = '', side = 'us'] = where.split(':');
          const r = await call('POST', `${code}/place`, { name: who, letter, side }, key);
          status.textContent = r.ok ? String(r.text) : (r.reason ?? 'That did not work.');
          status.classList.toggle('class-ok', r.ok);
          lateShown = '';
          void refresh();
        },
        { id: 'class-seat' },
      ),
    );
  };
  const newsText = h('input', {
    type: 'text',
    id: 'class-news',
    maxlength: 200,
    placeholder: 'A line of news',
  });
  const postNews = async () => {
    const r = await call('POST', `${code}/news`, { text: newsText.value, ...aim() }, key);
    status.textContent = r.ok ? '' : (r.reason ?? 'That did not work.');
    status.classList.remove('class-ok');
    if (r.ok) newsText.value = '';
  };
  const title = h('h1', { text: `Class ${code}` });
  const chartBox = h('div', { class: 'class-chart-box' });
  main.replaceChildren(
    h(
      'div',
      { class: 'class-top' },
      title,
      h('nav', { class: 'class-views', 'aria-label': 'Views' }, viewButtons),
    ),
    projBox,
    debriefBox,
    dashBox,
  );
  dashBox.replaceChildren(
    h(
      'div',
      { class: 'class-overview' },
      h(
        'div',
        { class: 'class-join-card' },
        h('p', { class: 'class-code', id: 'class-code-shown', text: code }),
        h(
          'div',
          {},
          h('p', { text: 'Students open' }),
          h('p', { class: 'class-link', text: link }),
          h('p', { text: 'or scan the code.' }),
        ),
        qrImg,
      ),
      chartBox,
    ),
    h(
      'div',
      { class: 'class-controls' },
      select(
        'Team size',
        [
          ['1', 'One a side'],
          ['2', 'Two a side'],
          ['3', 'Three a side'],
          ['4', 'Four a side'],
        ],
        teamSize,
        (v) => {
          teamSize = v;
        },
      ),
      button('Pair the students', () => void act('pair', { teamSize: Number(teamSize) })(), {
        id: 'class-pair',
      }),
      button('Start all games', () => void act('start')(), { id: 'class-start', class: 'primary' }),
      field('Briefing (min)', briefMinutes),
      button(
        'Start the briefing',
        () => void act('briefing', { minutes: Number(briefMinutes.value) || 6 })(),
        {
          id: 'class-briefing',
        },
      ),
      targetBox, // the clocks, an inject or the news: for every game, or one
      field('Talks clock (s)', talks),
      field('Orders clock (s)', orders),
      button(
        'Set the clocks',
        () =>
          void act('clocks', {
            talks: talks.value ? Number(talks.value) : null,
            orders: orders.value ? Number(orders.value) : null,
            ...aim(), // one game's clocks, or the class's
          })(),
        { id: 'class-clocks' },
      ),
      button('Pause', () => void act('pause')(), { id: 'class-pause' }),
      button('Resume', () => void act('resume')(), { id: 'class-resume' }),
      events,
      field('Your news', newsText),
      button('Post the news', () => void postNews(), { id: 'class-post-news' }),
      button('End the games', () => void act('end', { warningSeconds: 120 })(), { id: 'class-end' }),
      button('Results', () => void results(), { id: 'class-results' }),
      button('Leave this class', () => {
        store?.removeItem(CLASS);
        instructorPage(main);
      }),
    ),
    status, // the games' table right under the controls: the room at a glance
    body,
    h(
      'details',
      { class: 'class-by-hand' },
      h('summary', { text: 'Pair by hand' }),
      field('One game a line: the Washington team “v” the Beijing team', byHand),
      button('Pair as written', () => void pairByHand(), { id: 'class-pair-by-hand' }),
    ),
    lateBox,
    resultsBox,
  );
  /** The class-results table from the games on the server, the CSV, and each game's debrief. */
  const results = async () => {
    const r = await call('GET', `${code}/results`, undefined, key);
    if (!r.ok) {
      status.textContent = r.reason ?? '';
      return;
    }
    const games = (r.games ?? []) as {
      letter: string;
      players: string;
      summary: GameSummary;
      record: GameRecord;
      reasoning?: readonly TurnReasoning[];
    }[];
    const cols = SUMMARY_COLUMNS.filter((c) => !['side', 'mode', 'aiLevel', 'seed', 'scenario'].includes(c));
    const rows = games.map((g) => {
      const url = `${location.origin}${location.pathname}#game=${encodeGame(g.record)}`;
      const cell = h(
        'td',
        {},
        h('a', { href: url, target: '_blank', rel: 'noopener', text: `Debrief of game ${g.letter}` }),
      );
      return h(
        'tr',
        {},
        h('th', { scope: 'row', text: g.players ? `${g.letter} (${g.players})` : g.letter }),
        cols.map((c) => h('td', { text: String(g.summary[c]) })),
        cell,
      );
    });
    resultsBox.replaceChildren(
      h('h2', { text: 'Results' }),
      h(
        'table',
        { class: 'data-table class-results' },
        h('caption', {
          text: `${games.length} game${games.length === 1 ? '' : 's'}, from the server's game logs`,
        }),
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            h('th', { scope: 'col', text: 'Game' }),
            cols.map((c) => h('th', { scope: 'col', text: COLUMN_LABELS[c] })),
            h('th', { scope: 'col', text: 'Debrief' }),
          ),
        ),
        h('tbody', {}, rows),
      ),
      ...games
        .filter((g) => g.reasoning?.length)
        .map((g) =>
          h(
            'details',
            { class: 'class-reasoning-box' },
            h('summary', { text: `Game ${g.letter}: the teams’ reasoning` }),
            reasoningTable(g.players ? `${g.letter} (${g.players})` : g.letter, g.reasoning ?? []),
          ),
        ),
      button('Download the CSV', () => download(`class-${code}.csv`, String(r.csv), 'text/csv'), {
        id: 'class-csv',
      }),
      button('Download the class archive (zip)', () => downloadArchive(code, games, String(r.csv)), {
        id: 'class-archive',
      }),
    );
  };
  const col = (label: string, k: SortKey) =>
    h(
      'th',
      { scope: 'col', 'aria-sort': sort === k ? (desc ? 'descending' : 'ascending') : 'none' },
      button(label, () => {
        desc = sort === k ? !desc : false;
        sort = k;
        void refresh();
      }),
    );
  const value = (r: DashboardRow, k: SortKey): number | string =>
    k === 'letter' || k === 'phase'
      ? r[k]
      : k === 'us' || k === 'cn'
        ? (r.standing[k] ?? -1e9)
        : k === 'turn'
          ? r.turn
          : ((r[k] as number | null) ?? -1);
  let eventsShown = false;
  let targetsShown: string | null = null;
  const refresh = async () => {
    if (view === 'projector') {
      const p = await call(
        'GET',
        `${code}/projector${follow ? `?letter=${encodeURIComponent(follow)}` : ''}`,
        undefined,
        key,
      );
      if (p.ok && view === 'projector')
        drawProjector(projBox, p as unknown as ProjectorAnswer, (letter) => {
          follow = letter;
          void refresh();
        });
      return;
    }
    if (view === 'debrief') {
      await drawDebriefView();
      return;
    }
    const d = await call('GET', `${code}/dashboard`, undefined, key);
    if (!d.ok) {
      status.textContent = d.reason ?? '';
      return;
    }
    closed = d.closed === true;
    title.textContent = `${String(d.scenario)}: class ${code}`;
    chartBox.replaceChildren(standingsChart(d.rows as DashboardRow[]));
    if (names === null) names = (d.settings as { names?: boolean } | undefined)?.names ?? false;
    if (!eventsShown) {
      eventsShown = true;
      const list = (d.events as string[]) ?? [];
      const titles = (d.eventTitles as Record<string, string> | undefined) ?? {};
      event = list[0] ?? '';
      events.replaceChildren(
        select(
          'Event',
          list.map((e) => [e, titles[e] ?? e] as const), // the instructor reads the event's title
          event,
          (v) => {
            event = v;
          },
        ),
        button('Inject the event', () => void act('inject', { event, ...aim() })(), { id: 'class-inject' }),
      );
    }
    const letters = (d.rows as DashboardRow[]).filter((r) => r.code).map((r) => r.letter);
    drawLate(d.unpaired as string[], d.rows as DashboardRow[]);
    if (letters.join() !== targetsShown) {
      targetsShown = letters.join();
      if (!letters.includes(target)) target = '';
      targetBox.replaceChildren(
        select(
          'Send to',
          [['', 'Every game'] as const, ...letters.map((l) => [l, `Game ${l}`] as const)],
          target,
          (v) => {
            target = v;
          },
        ),
      );
    }
    const rows = [...(d.rows as DashboardRow[])].sort((a, b) => {
      const x = value(a, sort);
      const y = value(b, sort);
      const c = x < y ? -1 : x > y ? 1 : 0;
      return desc ? -c : c;
    });
    const who = (r: DashboardRow, side: 'us' | 'cn') =>
      r.computer[side] !== null && r.players[side].length === 0
        ? `computer (${r.computer[side]})`
        : r.players[side].map((p) => `${p.name}${p.connected ? '' : ' (away)'}`).join(', ');
    const waitingToStart = rows.some((r) => !r.code); // the Start column, while a game waits
    const students = (d.students as string[]).length;
    const unpaired = d.unpaired as string[];
    body.replaceChildren(
      h('p', {
        id: 'class-summary',
        text: `${students} student${students === 1 ? '' : 's'} joined${unpaired.length ? `; waiting to be paired: ${unpaired.join(', ')}` : ''}.${d.paused ? ' The games are paused.' : ''}${
          d.ending && !d.closed
            ? ` The games end in ${minutes((d.ending as { leftMs: number }).leftMs)}.`
            : ''
        }${d.closed ? ' The games are over.' : ''}${briefingText(d.briefing as Briefing | null)}`,
      }),
      h(
        'table',
        { class: 'data-table class-dashboard' },
        h('caption', { text: 'Every game of the class (click a heading to sort)' }),
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            col('Game', 'letter'),
            h('th', { scope: 'col', text: 'Washington' }),
            h('th', { scope: 'col', text: 'Beijing' }),
            col('Turn', 'turn'),
            col('Phase', 'phase'),
            col('Waiting', 'waitingMs'),
            col('Leverage (US)', 'leverage'),
            col('Tension', 'tension'),
            col('Deals', 'deals'),
            col('US standing', 'us'),
            col('China standing', 'cn'),
            h('th', { scope: 'col', text: 'Clock' }),
            waitingToStart ? h('th', { scope: 'col', text: 'Start' }) : null,
          ),
        ),
        h(
          'tbody',
          {},
          rows.map((r) =>
            h(
              'tr',
              { 'data-letter': r.letter },
              h('th', { scope: 'row', text: r.letter }),
              h('td', { text: who(r, 'us') }),
              h('td', { text: who(r, 'cn') }),
              h('td', { class: 'nowrap', text: `${r.turn} of ${r.turns} · ${fmtDate(r.date)}` }),
              h('td', { text: r.ended ?? r.phase }),
              h('td', {
                text: r.waitingOn.length
                  ? `${r.waitingOn.map((s) => (s === 'us' ? 'Washington' : 'Beijing')).join(' and ')}, ${minutes(r.waitingMs)}`
                  : '—',
              }),
              h('td', { text: r.leverage === null ? '—' : `${Math.round(r.leverage * 100)}%` }),
              h('td', { text: r.tension.toFixed(1) }),
              h('td', { text: String(r.deals) }),
              h('td', { text: r.standing.us === null ? '—' : r.standing.us.toFixed(0) }),
              h('td', { text: r.standing.cn === null ? '—' : r.standing.cn.toFixed(0) }),
              h('td', { text: r.clockMs === null ? '—' : minutes(r.clockMs) }),
              waitingToStart
                ? h(
                    'td',
                    {},
                    r.code
                      ? ''
                      : button(`Start ${r.letter}`, () => void act('start', { letter: r.letter })()),
                  )
                : null,
            ),
          ),
        ),
      ),
    );
  };
  void refresh();
  let ticks = 0;
  const timer = setInterval(() => {
    if (!main.isConnected) {
      clearInterval(timer);
      document.body.classList.remove('class-projecting');
    } else if (view !== 'debrief' || ++ticks % 5 === 0) void refresh(); // the debrief: every 5 s
  }, 1000);
}
