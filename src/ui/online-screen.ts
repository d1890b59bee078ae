// The online screens, loaded only when a player chooses online play or opens a room's link: the lobby
// (create a game and take a seat, or join one by its code), then the room — its code, link and QR
// code, who sits where ("Beijing is reconnecting"), the table as this seat may see it, the talks and
// the orders (a draft shared with the team as it is made, each order with its effect on the seat's
// projected score), the news (the instructor's lines and injects among it), and the game file at the end. Everything
// shown comes from the room's messages; scenario text goes in through textContent only.
import './online.css';
import qrcode from 'qrcode-generator';
import type { Clause, Move, Order, OrdersBaseline, Scenario, Side, View } from '../engine/index.ts';
import { ordersBaseline, previewOrders, previewPackage, REJECT_REASONS, standing } from '../engine/index.ts';
import { CODE_LENGTH, type SeatName, type SeatUpdate, type SideStatus } from '../net/protocol.ts';
import { clauseText, instName, levelLabel, orderText, REASON_TEXT, turnDate } from '../present/text.ts';
import { findScenario } from '../store/catalog.ts';
import { gameFileName, gameFileText } from '../store/game-file.ts';
import { encodeGame } from '../store/game-link.ts';
import {
  createOnlineGame,
  joinOnlineGame,
  lookUpRoom,
  makeOnlineStore,
  normaliseCode,
  type OnlineConnection,
  type OnlineState,
  onlineScenarios,
  savedToken,
  seatScenario,
} from '../store/online.ts';
import { reasonBox } from './class-reason.ts';
import { button, h, select } from './dom.ts';
import { newsFeed } from './news-feed.ts';

const SIDE: Record<SeatName, string> = { us: 'Washington', cn: 'Beijing', observer: 'Observer' };

/** What the address says: `#room=CODE` (a team link adds `&team=KEY`), or `#online` for the lobby. */
function fromHash(): { code: string | null; team: string | null; side: Side | null } {
  const m = /^#room=([A-Za-z0-9]+)(?:&team=([\w-]+)&side=(us|cn))?/.exec(location.hash);
  const side = m?.[3] === 'us' || m?.[3] === 'cn' ? m[3] : null;
  return { code: m?.[1] ? normaliseCode(m[1]) : null, team: m?.[2] ?? null, side };
}

const roomLink = (code: string, team?: { key: string; side: Side }) =>
  `${location.origin}${location.pathname}#room=${code}${team ? `&team=${team.key}&side=${team.side}` : ''}`;

/** Mounts the online screens in the app's root. */
export function mountOnline(root: HTMLElement) {
  document.body.dataset.screen = 'online';
  document.title = 'Upper Hand — online';
  const store = makeOnlineStore();
  let conn: OnlineConnection | null = null;
  const main = h('main', { class: 'online', id: 'online' });
  root.replaceChildren(main);

  const start = fromHash();
  const connected = (c: OnlineConnection | null) => {
    conn = c;
    if (!c) return;
    c.store.subscribe(() => paint());
    paint();
  };

  // -- the lobby --------------------------------------------------------------------------------
  const lobby = async () => {
    const scenarios = await onlineScenarios();
    const back = button('Back to the menu', () => location.assign(location.pathname));
    if (!scenarios) {
      main.replaceChildren(
        h('h1', { text: 'Play online' }),
        h('p', {
          text: 'Online play needs the game server, which this page did not come from. The instructor starts it with “npm run serve” and gives the class its address.',
        }),
        back,
      );
      return;
    }
    let scenarioId = scenarios[0]?.id ?? '';
    let side: SeatName = 'us';
    let leverage: 'live' | 'own' | 'after' = 'live';
    const name = h('input', { type: 'text', id: 'online-name', maxlength: 40, autocomplete: 'nickname' });
    const grace = h('input', { type: 'number', id: 'online-grace', min: 1, max: 240, value: 10 });
    const code = h('input', {
      type: 'text',
      id: 'online-code',
      maxlength: 8,
      autocomplete: 'off',
      autocapitalize: 'characters',
      value: start.code ?? '',
    });
    let joinSide: SeatName = start.side ?? 'cn';
    const error = h('p', { class: 'online-error', role: 'alert' });
    store.subscribe((s) => {
      error.textContent = s.error ?? '';
    });
    const sideChoices: [string, string][] = [
      ['us', 'Washington'],
      ['cn', 'Beijing'],
      ['observer', 'Watch (public view only)'],
    ];
    const create = h(
      'section',
      { class: 'card', 'aria-labelledby': 'online-create' },
      h('h2', { id: 'online-create', text: 'Create a game' }),
      select(
        'Scenario',
        scenarios.map((s) => [s.id, s.title] as const),
        scenarioId,
        (v) => {
          scenarioId = v;
        },
      ),
      select('Your side', sideChoices, side, (v) => {
        side = v as SeatName;
      }),
      h('label', { class: 'field' }, h('span', { text: 'Your name (optional)' }), name),
      select(
        'Leverage shown',
        [
          ['live', 'Live, to both sides'],
          ['own', 'Each side its own explanation'],
          ['after', 'Only after the game'],
        ],
        leverage,
        (v) => {
          leverage = v as typeof leverage;
        },
      ),
      h('label', { class: 'field' }, h('span', { text: 'Minutes a dropped seat is kept' }), grace),
      h(
        'div',
        { class: 'start-row' },
        button('Create game', async () => {
          connected(
            await createOnlineGame(store, {
              scenarioId,
              side: side === 'observer' ? 'observer' : side,
              name: name.value.trim(),
              leverage,
              graceMinutes: Math.max(1, Math.min(240, Math.round(Number(grace.value) || 10))),
            }),
          );
        }),
      ),
    );
    const joinName = h('input', {
      type: 'text',
      id: 'online-join-name',
      maxlength: 40,
      autocomplete: 'nickname',
    });
    const joinPick = select('Your side', sideChoices, joinSide, (v) => {
      joinSide = v as SeatName;
    });
    // Which sides are free, looked up as soon as a whole code is typed or comes with the link: a
    // taken side is shown so and cannot be picked (its team joins by the team link instead).
    const seats = h('p', { class: 'online-free', role: 'status', 'data-testid': 'free-seats' });
    let asked = '';
    const showFree = async () => {
      const typed = normaliseCode(code.value);
      if (typed === asked) return;
      asked = typed;
      const options = [...joinPick.querySelectorAll('option')];
      for (const o of options) {
        o.disabled = false;
        o.textContent = sideChoices.find(([v]) => v === o.value)?.[1] ?? o.value;
      }
      if (typed.length !== CODE_LENGTH) {
        seats.textContent = '';
        return;
      }
      const r = await lookUpRoom(typed);
      if (asked !== typed) return; // the code changed meanwhile
      if (!r.ok) {
        seats.textContent = r.reason;
        return;
      }
      const names = r.free.map((x) => SIDE[x]);
      const title = r.scenario ? `${r.scenario}: ` : '';
      if (start.team) {
        seats.textContent = `${title}you join ${SIDE[start.side ?? 'us']}’s team.`;
        return;
      }
      seats.textContent = r.over
        ? `${title}this game is over; you can still watch it.`
        : names.length === 2
          ? `${title}both sides are free.`
          : names.length === 1
            ? `${title}${names[0]} is free; ${SIDE[r.free[0] === 'us' ? 'cn' : 'us']} is taken.`
            : `${title}both sides are taken: you can watch, or join a team with the link a member gives you.`;
      for (const o of options) {
        if (o.value === 'observer' || r.free.includes(o.value as Side)) continue;
        o.disabled = true;
        o.textContent = `${SIDE[o.value as Side]} (taken)`;
      }
      const sel = joinPick.querySelector('select');
      if (sel && joinSide !== 'observer' && !r.free.includes(joinSide)) {
        joinSide = r.free[0] ?? 'observer';
        sel.value = joinSide;
      }
    };
    code.addEventListener('input', () => void showFree());
    if (start.code) void showFree();
    const join = h(
      'section',
      { class: 'card', 'aria-labelledby': 'online-join' },
      h('h2', { id: 'online-join', text: start.team ? 'Join your team' : 'Join a game' }),
      h('label', { class: 'field' }, h('span', { text: 'Room code' }), code),
      seats,
      joinPick,
      h('label', { class: 'field' }, h('span', { text: 'Your name (optional)' }), joinName),
      h(
        'div',
        { class: 'start-row' },
        button('Join game', async () => {
          connected(
            await joinOnlineGame(store, {
              code: code.value,
              side: joinSide,
              ...(start.team ? { team: start.team } : {}),
              name: joinName.value.trim(),
            }),
          );
        }),
      ),
    );
    main.replaceChildren(
      h('h1', { text: 'Play online' }),
      h('p', {
        class: 'muted',
        text: 'Each side at its own laptop: one creates the game and reads out its code; the other joins with it.',
      }),
      error,
      h('div', { class: 'online-lobby' }, start.code ? join : create, start.code ? create : join),
      back,
    );
  };

  // -- the room ---------------------------------------------------------------------------------
  // Previews run here, from this seat's own view with the preview dice: never the game's seed.
  let preview: { at: number; text: string } | null = null;
  let seatSc: { of: unknown; sc: Scenario } | null = null;
  const scenarioOf = (s: OnlineState) => {
    const w = s.welcome!;
    if (seatSc?.of !== w) seatSc = { of: w, sc: seatScenario(w) };
    return seatSc.sc;
  };
  const viewOf = (s: OnlineState): View => {
    const w = s.welcome!;
    const u = s.update!;
    return {
      viewer: w.seat === 'observer' ? 'public' : w.seat,
      scenario: w.scenario,
      mine: w.mine,
      state: { ...u.state, meta: { ...u.state.meta, seed: u.state.meta.seed ?? '' } },
      leverage: u.leverage,
    };
  };
  const showPreview = (make: (sc: Scenario, view: View) => string) => {
    const s = conn?.store.getState();
    if (!s?.welcome || !s.update) return;
    let text: string;
    try {
      text = make(scenarioOf(s), viewOf(s));
    } catch (e) {
      text = `No preview: ${e instanceof Error ? e.message : String(e)}`;
    }
    preview = { at: s.update.moveCount, text };
    paint();
  };
  const signed = (x: number) => `${x > 0 ? '+' : x < 0 ? '−' : '±'}${Math.abs(x).toFixed(1)}`;
  // Each order's effect on this seat's projected score, from its own view with the preview dice:
  // worked out once per update of the room (the no-orders line once), a few orders between frames.
  let effects: {
    at: number;
    base: OrdersBaseline | null;
    done: Map<string, string>;
    queue: Order[];
    shown: Map<string, HTMLElement>;
  } | null = null;
  const effectSlice = () => {
    const s = conn?.store.getState();
    const e = effects;
    if (!s?.welcome || !s.update || !e || e.at !== s.update.moveCount || s.welcome.seat === 'observer')
      return;
    const side = s.welcome.seat;
    const sc = scenarioOf(s);
    const view = viewOf(s);
    const until = performance.now() + 25;
    if (!e.base) {
      const b = ordersBaseline(sc, view);
      if (!b.ok) return;
      e.base = b;
    }
    while (e.queue.length && performance.now() < until) {
      const o = e.queue.shift()!;
      const key = JSON.stringify(o);
      const p = previewOrders(sc, view, side, [o], e.base);
      const text = p.ok
        ? `your score ${signed(p.effect[side].median)}${p.effect[side].low === p.effect[side].high ? '' : ` (${signed(p.effect[side].low)} to ${signed(p.effect[side].high)})`}`
        : '';
      e.done.set(key, text);
      const el = e.shown.get(key);
      if (el && text) el.textContent = ` — ${text}`;
    }
    if (e.queue.length) setTimeout(effectSlice, 0);
  };
  /** The element that shows `o`'s effect: filled now if it is known, else once it is worked out. */
  const effectOf = (at: number, o: Order) => {
    if (effects?.at !== at) {
      effects = { at, base: null, done: new Map(), queue: [], shown: new Map() };
      setTimeout(effectSlice, 0);
    }
    const key = JSON.stringify(o);
    const known = effects.done.get(key);
    const el = h('span', { class: 'muted order-effect', text: known ? ` — ${known}` : '' });
    effects.shown.set(key, el);
    if (known === undefined && !effects.queue.some((q) => JSON.stringify(q) === key)) {
      if (!effects.queue.length) setTimeout(effectSlice, 0); // the last slice may have ended
      effects.queue.push(o);
    }
    return el;
  };
  const previewRow = (label: string, make: (sc: Scenario, view: View) => string) =>
    button(label, () => showPreview(make), { 'data-key': label });
  const previewLine = (u: SeatUpdate) =>
    preview && preview.at === u.moveCount
      ? h('p', { class: 'online-preview', role: 'status', 'data-testid': 'preview', text: preview.text })
      : null;
  const standingText = (sc: Scenario, view: View) => {
    const st = standing(sc, view);
    const one = (x: Side) =>
      `${SIDE[x]} ${st[x].median.toFixed(0)} (${st[x].low.toFixed(0)} to ${st[x].high.toFixed(0)})`;
    return `If both sides hold still from here, the scores would end near: ${one('us')}, ${one('cn')}.`;
  };

  let draftPick: Order[] = [];
  let draftTurn = -1;
  let proposalIndex = 0;
  let reason: (typeof REJECT_REASONS)[number] = 'too-little';
  let handLevel = 1;

  const paint = () => {
    if (!conn) return;
    const s = conn.store.getState();
    const w = s.welcome;
    const u = s.update;
    if (!w || !u) {
      main.replaceChildren(h('p', { role: 'status', text: 'Connecting to the room…' }));
      return;
    }
    if (location.hash !== `#room=${w.code}`) history.replaceState(null, '', `#room=${w.code}`);
    const sc = scenarioOf(s);
    const seat = w.seat;
    const mySide = seat === 'observer' ? null : seat;
    if (u.state.round.turn !== draftTurn || u.draft === null) {
      draftTurn = u.state.round.turn;
      draftPick = u.draft ? [...u.draft.orders] : [];
    } else draftPick = [...u.draft.orders];
    const active = document.activeElement as HTMLElement | null;
    const focusKey = active?.dataset.key;
    main.replaceChildren(
      header(s, sc),
      h('p', { class: 'online-refusal', role: 'alert', text: s.refusal ?? '' }),
      h(
        'div',
        { class: 'online-room' },
        h(
          'div',
          { class: 'online-side' },
          tableOf(sc, u, mySide),
          h('div', { class: 'start-row' }, previewRow('Where things stand', standingText)),
          previewLine(u),
          h(
            'section',
            { class: 'card news online-news', 'aria-label': 'News', 'data-testid': 'online-news' },
            ...newsFeed({ scenario: sc, state: u.state }),
          ),
        ),
        h(
          'div',
          { class: 'online-side' },
          actions(sc, u, mySide),
          mySide ? reasonBox(w.code, u.state.round.turn, s.finished !== null, paint) : null,
          privateParts(sc, seat),
        ),
      ),
      ...(s.finished ? [finishedPanel(sc, s)] : []),
    );
    if (focusKey) main.querySelector<HTMLElement>(`[data-key="${focusKey}"]`)?.focus();
  };

  const header = (s: OnlineState, sc: Scenario) => {
    const w = s.welcome!;
    const u = s.update!;
    const link = roomLink(w.code);
    const status = SIDES_OF.map((side) => seatLine(side, u.seats[side]));
    const mine = w.seat === 'observer' ? 'You are watching' : `You play ${SIDE[w.seat]} as ${w.name}`;
    return h(
      'header',
      { class: 'online-head' },
      h(
        'div',
        {},
        h(
          'h1',
          {},
          `${sc.meta.title} — room `,
          h('span', { class: 'room-code', 'data-testid': 'room-code', text: w.code }),
        ),
        h('p', { text: `${mine}.` }),
        h(
          'p',
          {},
          'Link for the other side: ',
          h('a', { href: link, text: link, 'data-testid': 'room-link' }),
        ),
        w.team
          ? h(
              'p',
              {},
              'Link for your teammates: ',
              h('a', {
                href: roomLink(w.code, { key: w.team, side: w.seat === 'cn' ? 'cn' : 'us' }),
                text: 'team link',
                'data-testid': 'team-link',
              }),
            )
          : null,
        h('p', { class: 'online-seats', role: 'status', 'data-testid': 'seats' }, ...status),
        s.status === 'reconnecting'
          ? h('p', { role: 'status', text: 'The connection dropped: reconnecting…' })
          : null,
        s.status === 'closed' && !s.finished
          ? h(
              'p',
              { role: 'status' },
              'You have left the room. ',
              button('Join again', () => location.reload()),
            )
          : null,
        handoverControl(w.seat, u),
      ),
      qrCanvas(link),
    );
  };

  const handoverControl = (seat: SeatName, u: SeatUpdate) => {
    if (seat === 'observer' || u.state.round.phase === 'over') return null;
    const empty = SIDES_OF.filter(
      (side) => !u.seats[side].members.some((m) => m.connected) && u.seats[side].ai === null,
    );
    if (empty.length === 0) return null;
    const side = empty[0]!;
    return h(
      'div',
      { class: 'start-row' },
      select(
        `Computer level for ${SIDE[side]}`,
        [
          ['1', 'Level 1'],
          ['2', 'Level 2'],
          ['3', 'Level 3'],
        ],
        String(handLevel),
        (v) => {
          handLevel = Number(v);
        },
      ),
      button(`Hand ${SIDE[side]} to the computer`, () => conn?.handover(side, handLevel)),
    );
  };

  const actions = (sc: Scenario, u: SeatUpdate, side: Side | null) => {
    const s = u.state;
    const box = h('section', { class: 'card', 'aria-labelledby': 'online-actions' });
    box.append(
      h('h2', {
        id: 'online-actions',
        text:
          s.round.phase === 'talks' ? 'Talks' : s.round.phase === 'orders' ? 'Orders' : 'The game is over',
      }),
    );
    if (!side) {
      box.append(h('p', { text: 'You are watching: the players make the moves.' }));
      return box;
    }
    const send = (m: Move) => conn?.send(m);
    if (u.seats[side].ai !== null)
      box.append(
        h('p', { role: 'status', text: `The computer plays ${SIDE[side]} until the end of this phase.` }),
      );
    if (s.round.phase === 'talks') {
      if (s.round.talks.open)
        box.append(
          h('p', { text: `Proposal from ${SIDE[s.round.talks.open.by]}:` }),
          clauseList(sc, s.round.talks.open.clauses),
        );
      if (s.round.talks.toMove !== side) {
        box.append(h('p', { role: 'status', text: `Waiting for ${SIDE[s.round.talks.toMove]}.` }));
        return box;
      }
      if (s.round.talks.open && s.round.talks.open.by !== side) {
        box.append(
          h(
            'div',
            { class: 'start-row' },
            button('Accept', () => send({ type: 'accept', side }), { 'data-key': 'accept' }),
            select(
              'Reason',
              REJECT_REASONS.map((r) => [r, REASON_TEXT[r] ?? r] as const),
              reason,
              (v) => {
                reason = v as typeof reason;
              },
            ),
            button('Reject', () => send({ type: 'reject', side, reason }), { 'data-key': 'reject' }),
            previewRow('Preview accepting', (psc, view) =>
              packageText(psc, view, s.round.talks.open!.by, null, side),
            ),
          ),
        );
        return box;
      }
      if (u.proposals.length > 0) {
        const props = u.proposals as readonly (readonly Clause[])[];
        proposalIndex = Math.min(proposalIndex, props.length - 1);
        box.append(
          select(
            'A package to propose',
            props.map((p, i) => [String(i), p.map((c) => clauseText(sc, c)).join('; ')] as const),
            String(proposalIndex),
            (v) => {
              proposalIndex = Number(v);
            },
          ),
          button('Propose', () => send({ type: 'propose', side, clauses: props[proposalIndex] ?? [] }), {
            'data-key': 'propose',
          }),
          previewRow('Preview this package', (psc, view) =>
            packageText(psc, view, side, props[proposalIndex] ?? [], side),
          ),
        );
      }
      box.append(
        h(
          'div',
          { class: 'start-row' },
          button('Done talking', () => send({ type: 'pass', side }), { 'data-key': 'pass' }),
        ),
      );
      return box;
    }
    if (s.round.phase === 'orders') {
      if (s.round.drafts.submitted[side]) {
        box.append(
          h('p', {
            role: 'status',
            text: `Your orders are in${u.submittedBy ? ` (submitted by ${u.submittedBy})` : ''}. Waiting for ${SIDE[side === 'us' ? 'cn' : 'us']}.`,
          }),
        );
        return box;
      }
      const k = sc.params.k;
      box.append(
        h('p', {
          text: `Choose up to ${k} order${k > 1 ? 's' : ''}; your team sees your draft as you make it.`,
        }),
      );
      if (u.draft)
        box.append(
          h('p', { class: 'muted', 'data-testid': 'draft-by', text: `Draft last changed by ${u.draft.by}.` }),
        );
      const list = h('ul', { class: 'online-orders' });
      u.choices.forEach((o, i) => {
        const key = JSON.stringify(o);
        const box2 = h('input', { type: 'checkbox', id: `order-${i}`, 'data-key': `order-${i}` });
        box2.checked = draftPick.some((p) => JSON.stringify(p) === key);
        box2.addEventListener('change', () => {
          draftPick = box2.checked ? [...draftPick, o] : draftPick.filter((p) => JSON.stringify(p) !== key);
          conn?.draft(draftPick);
        });
        list.append(
          h(
            'li',
            {},
            box2,
            h('label', { for: `order-${i}`, text: orderText(sc, s.world, o) }),
            effectOf(u.moveCount, o),
          ),
        );
      });
      box.append(
        list,
        h(
          'div',
          { class: 'start-row' },
          button(
            draftPick.length ? 'Submit orders' : 'Submit: hold still',
            () => send({ type: 'orders', side, orders: draftPick }),
            {
              'data-key': 'submit',
            },
          ),
          previewRow('Preview these orders', (psc, view) => {
            const p = previewOrders(psc, view, side, draftPick);
            if (!p.ok) return `No preview: ${p.reason}`;
            const them = side === 'us' ? 'cn' : 'us';
            return `If ${SIDE[them]} holds still, these orders change your projected score by ${signed(p.scoreDelta[side])} and ${SIDE[them]}'s by ${signed(p.scoreDelta[them])}; next turn, tension ${p.tensionNext.toFixed(1)} and Washington's share of the upper hand ${Math.round(p.leverageNext * 100)}%.`;
          }),
        ),
      );
    }
    return box;
  };

  const packageText = (sc: Scenario, view: View, by: Side, clauses: readonly Clause[] | null, me: Side) => {
    const p = previewPackage(sc, view, by, clauses);
    if (!p.ok) return `No preview: ${p.reason}`;
    const them = me === 'us' ? 'cn' : 'us';
    return `Signed, it would be worth ${signed(p.worth[me])} points to you and ${signed(p.worth[them])} to ${SIDE[them]}; Washington's share of the upper hand would go from ${Math.round(p.leverage.before * 100)}% to ${Math.round(p.leverage.after * 100)}%.`;
  };

  void (async () => {
    if (start.code && savedToken(start.code)) connected(await joinOnlineGame(store, { code: start.code }));
    else await lobby();
  })();
}

const SIDES_OF = ['us', 'cn'] as const;

function seatLine(side: Side, st: SideStatus): HTMLElement {
  let text: string;
  if (st.ai !== null) text = `${SIDE[side]}: the computer (level ${st.ai})`;
  else if (st.free) text = `${SIDE[side]}: free`;
  else if (st.reconnecting) text = `${SIDE[side]} is reconnecting`;
  else if (!st.members.some((m) => m.connected)) text = `${SIDE[side]}: away`;
  else text = `${SIDE[side]}: ${st.members.map((m) => m.name + (m.connected ? '' : ' (away)')).join(', ')}`;
  return h('span', { class: `seat seat-${side}`, text });
}

function clauseList(sc: Scenario, clauses: readonly Clause[]) {
  return h('ul', {}, ...clauses.map((c) => h('li', { text: clauseText(sc, c) })));
}

/** The table as this seat may see it: date, tension, leverage, levers and pressures, last orders. */
function tableOf(sc: Scenario, u: SeatUpdate, side: Side | null) {
  const s = u.state;
  const when =
    s.round.phase === 'over'
      ? 'The game is over'
      : `Turn ${s.round.turn + 1}, ${turnDate(sc, s.round.turn)} — ${s.round.phase}`;
  const lev = u.leverage ? `Washington holds ${Math.round(u.leverage.us * 100)}% of the upper hand` : null;
  const levers = h(
    'table',
    { class: 'online-table' },
    h('caption', { text: 'Levers' }),
    ...sc.instruments.map((i) =>
      h(
        'tr',
        {},
        h('th', { scope: 'row', text: instName(sc, i.id) }),
        h('td', { text: SIDE[i.owner] }),
        h('td', { text: levelLabel(sc, i.id, s.world.levels[i.id] ?? 0) }),
      ),
    ),
  );
  const pressures = h(
    'table',
    { class: 'online-table' },
    h('caption', { text: 'Pressures at home' }),
    ...sc.indicators.map((i) =>
      h(
        'tr',
        {},
        h('th', { scope: 'row', text: i.name }),
        h('td', { text: SIDE[i.side] }),
        h('td', { text: ((s.world.values[i.id] ?? 0) / 10).toFixed(1) }),
      ),
    ),
  );
  const revealed = s.round.revealed
    ? h(
        'section',
        {},
        h('h3', { text: 'Last turn’s orders' }),
        ...SIDES_OF.map((x) =>
          h('p', {
            text: `${SIDE[x]}: ${s.round.revealed![x].length ? s.round.revealed![x].map((o) => orderText(sc, s.world, o)).join('; ') : 'held still'}`,
          }),
        ),
      )
    : null;
  const others = SIDES_OF.filter((x) => x !== side).map((x) =>
    s.round.phase === 'orders'
      ? h('p', { text: `${SIDE[x]}’s orders: ${s.round.drafts.submitted[x] ? 'in' : 'not yet'}.` })
      : null,
  );
  return h(
    'section',
    { class: 'card online-state', 'aria-labelledby': 'online-when' },
    h('h2', { id: 'online-when', 'data-testid': 'online-when', text: when }),
    h('p', { text: `Tension ${(s.world.tension / 10).toFixed(1)}` }),
    lev ? h('p', { text: lev }) : null,
    ...others,
    revealed,
    levers,
    pressures,
  );
}

/** This seat's private parts: briefing, objectives, red lines (an observer has none). */
function privateParts(sc: Scenario, seat: SeatName) {
  if (seat === 'observer') return null;
  const b = sc.briefings[seat];
  return h(
    'details',
    { class: 'card online-private', 'data-testid': 'private' },
    h('summary', { text: `${SIDE[seat]}’s briefing, objectives and red lines (private)` }),
    h('p', { text: b.text }),
    sc.objectives.length ? h('ul', {}, ...sc.objectives.map((o) => h('li', { text: o.text }))) : null,
    sc.redLines.length
      ? h('ul', {}, ...sc.redLines.map((r) => h('li', { text: `Red line: ${r.text}` })))
      : null,
  );
}

const finishedPanels = new WeakMap<object, HTMLElement>();

/** The end: the game file and a replay link, made once per game. */
function finishedPanel(sc: Scenario, s: OnlineState) {
  const record = s.finished!;
  const made = finishedPanels.get(record);
  if (made) return made;
  const panel = makeFinishedPanel(sc, s);
  finishedPanels.set(record, panel);
  return panel;
}

function makeFinishedPanel(sc: Scenario, s: OnlineState) {
  const record = s.finished!;
  const text = gameFileText(record, s.signature ?? undefined);
  const href = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = h('p', { 'data-testid': 'game-link' });
  // the link replays the game, so it is made from the whole scenario, found by its content hash
  void findScenario(record.scenarioHash, null).then((entry) => {
    if (!entry) {
      link.textContent = 'This scenario is not shipped with the game: keep the game file.';
      return;
    }
    try {
      const url = `${location.origin}${location.pathname}#game=${encodeGame(record)}`;
      link.replaceChildren(
        h('a', { href: url, target: '_blank', rel: 'noopener', text: 'Link to the replay' }),
      );
    } catch (e) {
      link.textContent = `No link: ${String(e).slice(0, 120)}`;
    }
  });
  return h(
    'section',
    { class: 'card', 'aria-labelledby': 'online-over' },
    h('h2', { id: 'online-over', text: `${sc.meta.title}: the game is over` }),
    h('p', {
      text: 'Keep the game file: it opens in the replay viewer and in the class results, like any game.',
    }),
    h('a', {
      href,
      download: gameFileName(record),
      'data-testid': 'game-file',
      text: 'Download the game file',
    }),
    link,
  );
}

/** The room's link as a QR code, drawn on a canvas (no markup from a string). */
function qrCanvas(text: string) {
  const qr = qrcode(0, 'M');
  qr.addData(text);
  qr.make();
  const n = qr.getModuleCount();
  const cell = 4;
  const c = h('canvas', {
    width: (n + 8) * cell,
    height: (n + 8) * cell,
    'aria-label': `QR code of ${text}`,
    role: 'img',
  });
  const g = c.getContext('2d');
  if (g) {
    g.fillStyle = '#fff';
    g.fillRect(0, 0, c.width, c.height);
    g.fillStyle = '#000';
    for (let r = 0; r < n; r++)
      for (let k = 0; k < n; k++) if (qr.isDark(r, k)) g.fillRect((k + 4) * cell, (r + 4) * cell, cell, cell);
  }
  return c;
}
