// The Orders tab: up to k orders, grouped by lever — one group per instrument the side owns (shift
// it now, announce a dated change — naming, if the player likes, the demand that would lift it —
// withdraw an announcement), then its alternatives to build and
// the truce to extend. Every kind of order is listed; those the rules forbid now are shown disabled
// with the engine's reason (checkMove); every other one shows its effect on the side's projected score
// if the other side holds still (the median over the preview dice, and its 10–90 % range), worked
// out from the side's own view once per state, a few orders at a time. The chosen order of each
// group, and the whole set, carry a one-line preview: the change in both sides' projected scores and
// the next turn's leverage and tension if the other side holds still. Draft orders are shown only to their own side; both
// sides' orders are revealed together once both are in.
import type { Clause, GameState, Order, OrdersPreview, Scenario, Side } from '../engine/index.ts';
import { checkMove, clauseGiver, clauseOptions, other, rulesFor, viewFor } from '../engine/index.ts';
import { play } from '../present/sound.ts';
import {
  clauseText,
  instName,
  levelLabel,
  orderText,
  pct,
  sideName,
  turnDate,
  unlessText,
} from '../present/text.ts';
import { type AppStore, dispatch, type GameSession } from '../store/game-store.ts';
import { button, h } from './dom.ts';
import { dropWaitingPreviews, orderPreviewSoon, previewOrderSet } from './projections.ts';

const drafts = new Map<string, Map<string, Order>>(); // a turn's draft: group → its chosen order

interface Candidate {
  readonly order: Order;
  readonly label: string;
  readonly refused: string | null; // the engine's reason, when the rules forbid it now
}

interface Lever {
  readonly id: string; // the group's key
  readonly title: string;
  readonly now: string; // where the lever stands
  readonly kind: 'one' | 'each'; // one order of the list, or each on its own
  readonly candidates: readonly Candidate[];
}

const keyOf = (o: Order) => JSON.stringify(o);

type Announce = Extract<Order, { kind: 'announce' }>;

/** An announcement without the demand it names. */
function withoutDemand(o: Announce): Announce {
  const { unless: _demand, ...plain } = o;
  return plain;
}

/** An order as the list offers it: each announcement's date and level once, whatever its demand. */
const demandless = (o: Order): Order => (o.kind === 'announce' ? withoutDemand(o) : o);

/** Every order of every kind for `side`'s levers, each with the engine's verdict on it alone. */
function levers(sc: Scenario, s: GameState, side: Side): Lever[] {
  const rules = rulesFor(sc);
  const verdict = (o: Order) => checkMove(rules, s, { type: 'orders', side, orders: [o] })?.reason ?? null;
  const cand = (o: Order, label = orderText(sc, s.world, o)): Candidate => ({
    order: o,
    label,
    refused: verdict(o),
  });
  const out: Lever[] = [];
  const lastTurn = rules.totalTurns - 1;
  for (const inst of sc.instruments) {
    if (inst.owner !== side) continue;
    const now = s.world.levels[inst.id] ?? 0;
    const list: Candidate[] = [];
    inst.levels.forEach((_, l) => {
      if (l !== now) list.push(cand({ kind: 'shift', instrument: inst.id, level: l }));
    });
    for (let l = now + 1; l < inst.levels.length; l++)
      for (let t = s.round.turn + 1; t <= Math.min(s.round.turn + 2, lastTurn); t++)
        list.push(cand({ kind: 'announce', instrument: inst.id, level: l, turn: t }));
    list.push(cand({ kind: 'withdraw', instrument: inst.id }));
    const pending = s.world.announcements[inst.id];
    const announced = pending
      ? `; “${levelLabel(sc, inst.id, pending.level)}” announced from ${turnDate(sc, pending.turn)}${unlessText(sc, pending.unless)}`
      : '';
    out.push({
      id: `i:${inst.id}`,
      title: instName(sc, inst.id),
      now: `now “${levelLabel(sc, inst.id, now)}”${announced}`,
      kind: 'one',
      candidates: list,
    });
  }
  const alts = sc.alternatives.filter((a) => a.side === side);
  if (alts.length)
    out.push({
      id: 'alternatives',
      title: 'Alternatives',
      now: 'build a fallback over several turns',
      kind: 'each',
      candidates: alts.map((a) => cand({ kind: 'build', alternative: a.id })),
    });
  out.push({
    id: 'truce',
    title: 'The truce',
    now:
      s.world.truce && !s.world.truce.expired
        ? `ends ${turnDate(sc, s.world.truce.endTurn)}`
        : 'none running',
    kind: 'each',
    candidates: [cand({ kind: 'extend' }, sc.calendar.truce ? undefined : 'Extend the truce')],
  });
  return out;
}

/** What `side` may name as the demand that lifts an announcement: a clause the other side could give now. */
function demands(sc: Scenario, s: GameState, side: Side): Clause[] {
  const rules = rulesFor(sc);
  return clauseOptions(rules, s, side).filter((c) => clauseGiver(rules, c) === other(side));
}

/**
 * The demand named with an announcement: "— no demand —" or a clause of the other side's. Met
 * before the date, the announcement lapses (the engine's rule), so the threat says what lifts it.
 */
function demandSelect(
  sc: Scenario,
  s: GameState,
  side: Side,
  pick: Announce,
  set: (o: Order) => void,
): HTMLElement {
  const options = demands(sc, s, side);
  const sel = h('select', { 'aria-label': 'What would lift the announcement', 'data-key': 'demand' });
  sel.append(h('option', { value: '', text: '— no demand: it takes effect whatever happens —' }));
  options.forEach((c, i) => {
    const o = h('option', { value: String(i), text: `unless ${clauseText(sc, c)}` });
    if (pick.unless && JSON.stringify(pick.unless) === JSON.stringify(c)) o.selected = true;
    sel.append(o);
  });
  sel.addEventListener('change', () => {
    const c = sel.value === '' ? undefined : options[Number(sel.value)];
    set(c ? { ...withoutDemand(pick), unless: c } : withoutDemand(pick));
  });
  return h(
    'label',
    { class: 'demand' },
    h('span', { class: 'hint', text: 'Lifted if, before that date: ' }),
    sel,
  );
}

const signed = (x: number) => `${x >= 0.05 ? '+' : x <= -0.05 ? '−' : '±'}${Math.abs(x).toFixed(1)}`;

/** One order's effect on the viewer's projected score: "your score +1.2 (−0.3 to +2.5)". */
export function effectText(p: OrdersPreview, side: Side): string | null {
  if (!p.ok) return null;
  const e = p.effect[side];
  const range = e.low === e.high ? '' : ` (${signed(e.low)} to ${signed(e.high)})`;
  return `your score ${signed(e.median)}${range}`;
}

/** Shows the effect of `order` on `side`'s projected score through `show`: now if it is known, or once it is worked out. */
function showEffect(game: GameSession, side: Side, order: Order, show: (text: string) => void) {
  const put = (p: OrdersPreview) => {
    const t = effectText(p, side);
    if (t) show(t);
  };
  const now = orderPreviewSoon(game, side, order, put);
  if (now) put(now);
}

/** "You +1.2, Beijing −0.4; leverage 44% → 47%; tension 26 → 31", or null when there is none. */
export function previewLine(game: GameSession, side: Side, orders: readonly Order[]): string | null {
  const sc = game.scenario;
  const s = game.state;
  const p = previewOrderSet(game, side, orders);
  if (!p.ok) return null;
  const them = other(side);
  const d = signed;
  const parts = [`you ${d(p.scoreDelta[side])}, ${sideName(sc, them)} ${d(p.scoreDelta[them])}`];
  const view = viewFor(sc, s, side);
  if (view.leverage) {
    const mine = (us: number) => (side === 'us' ? us : 1 - us);
    parts.push(`your leverage ${pct(mine(view.leverage.us))} → ${pct(mine(p.leverageNext))}`);
  }
  parts.push(`tension ${Math.round(s.world.tension / 10)} → ${Math.round(p.tensionNext)}`);
  return `If ${sideName(sc, them)} holds still: ${parts.join('; ')}.`;
}

export function ordersPanel(store: AppStore, game: GameSession, viewer: Side): HTMLElement[] {
  const sc = game.scenario;
  const rules = rulesFor(sc);
  const s = game.state;
  const them = other(viewer);
  if (s.round.phase === 'talks')
    return [
      h('p', {
        class: 'status waiting',
        text: 'Orders come after the talks. Finish talking first (Talks tab).',
      }),
    ];
  if (s.round.phase !== 'orders') return [];
  const mine = s.round.drafts[viewer];
  if (mine !== null)
    return [
      h(
        'section',
        { class: 'status', 'aria-label': 'Your orders', tabindex: '-1', 'data-park': '' },
        h('div', {
          text: `Your orders are in: ${mine.length ? mine.map((o) => orderText(sc, s.world, o)).join('; ') : 'none'}.`,
        }),
        s.round.drafts[them] === null
          ? h('div', {
              class: 'hint',
              text: `Waiting for ${sideName(sc, them)}’s orders; both are revealed together.`,
            })
          : null,
      ),
    ];
  const k = rules.scenario.params.k;
  const key = `${game.id}:${viewer}:${s.round.turn}`;
  const draft = drafts.get(key) ?? new Map<string, Order>();
  drafts.set(key, draft);
  const chosen = (): Order[] => [...draft.values()];
  const refusal = chosen().length
    ? checkMove(rules, s, { type: 'orders', side: viewer, orders: chosen() })
    : null;
  const rerun = () => store.setState({}); // re-render with the engine's verdict and the preview
  dropWaitingPreviews(); // the lists drawn before this one are gone: their previews are not needed
  const groups = levers(sc, s, viewer).map((lever, gi) => {
    const head = h(
      'legend',
      {},
      h('span', { text: lever.title }),
      h('span', { class: 'hint', text: ` — ${lever.now}` }),
    );
    if (lever.kind === 'one') {
      const pick = draft.get(lever.id);
      const sel = h('select', { 'aria-label': `Order on ${lever.title}`, 'data-key': `lever-${gi}` });
      sel.append(h('option', { value: '', text: '— no order —' }));
      const kinds: [Order['kind'], string][] = [
        ['shift', 'Shift now'],
        ['announce', 'Announce a dated change'],
        ['withdraw', 'Withdraw'],
      ];
      for (const [kind, label] of kinds) {
        const og = h('optgroup', { label });
        for (const c of lever.candidates.filter((x) => x.order.kind === kind)) {
          const o = h('option', {
            value: keyOf(c.order),
            text: c.refused ? `${c.label} — not now: ${c.refused}` : c.label,
          });
          o.disabled = c.refused !== null;
          if (c.refused === null)
            showEffect(game, viewer, c.order, (t) => {
              o.textContent = `${c.label} — ${t}`;
            });
          if (pick && keyOf(demandless(pick)) === keyOf(c.order)) o.selected = true;
          og.append(o);
        }
        if (og.children.length) sel.append(og);
      }
      sel.addEventListener('change', () => {
        const c = lever.candidates.find((x) => keyOf(x.order) === sel.value);
        if (c) draft.set(lever.id, c.order);
        else draft.delete(lever.id);
        rerun();
      });
      const line = pick ? previewLine(game, viewer, [pick]) : null;
      const demand =
        pick?.kind === 'announce'
          ? demandSelect(sc, s, viewer, pick, (o) => {
              draft.set(lever.id, o);
              rerun();
            })
          : null;
      return h(
        'fieldset',
        { class: 'lever' },
        head,
        sel,
        demand,
        line ? h('p', { class: 'order-preview', text: line }) : null,
      );
    }
    const items = lever.candidates.map((c, ci) => {
      const id = `${lever.id}:${ci}`;
      const box = h('input', { type: 'checkbox', 'data-key': `order-${id}` });
      box.checked = [...draft.values()].some((o) => keyOf(o) === keyOf(c.order));
      box.disabled = c.refused !== null;
      // the effect is the box's description, not part of its name (which is the order alone)
      const effectId = `order-effect-${gi}-${ci}`;
      const effect = h('p', { class: 'hint order-effect', id: effectId });
      if (c.refused === null) box.setAttribute('aria-describedby', effectId);
      if (c.refused === null)
        showEffect(game, viewer, c.order, (t) => {
          effect.textContent = t;
        });
      box.addEventListener('change', () => {
        if (box.checked) draft.set(id, c.order);
        else draft.delete(id);
        rerun();
      });
      const line = box.checked ? previewLine(game, viewer, [c.order]) : null;
      return h(
        'div',
        {},
        h(
          'label',
          { class: 'choice' },
          box,
          h('span', { text: c.label }),
          c.refused ? h('span', { class: 'hint', text: ` — not now: ${c.refused}` }) : null,
        ),
        c.refused ? null : effect,
        line ? h('p', { class: 'order-preview', text: line }) : null,
      );
    });
    return h('fieldset', { class: 'lever' }, head, items);
  });
  const set = chosen();
  const setLine = set.length > 1 && !refusal ? previewLine(game, viewer, set) : null;
  const them2 =
    s.round.drafts[them] !== null
      ? `${sideName(sc, them)}’s orders are in (hidden until yours are).`
      : `${sideName(sc, them)} has not given its orders yet.`;
  return [
    h(
      'section',
      { class: 'orders', 'aria-label': 'Give your orders' },
      h('h3', { text: `Your orders: ${set.length} of at most ${k}` }),
      h('p', { class: 'hint', text: `Orders are secret until both sides have given theirs. ${them2}` }),
      groups,
      setLine ? h('p', { class: 'order-preview', text: `All together: ${setLine}` }) : null,
      refusal ? h('p', { class: 'refusal', role: 'status', text: refusal.reason }) : null,
      h(
        'div',
        { class: 'actions' },
        button(
          set.length ? `Submit ${set.length === 1 ? 'the order' : `${set.length} orders`}` : 'Submit orders',
          () => {
            const r = dispatch(store, { type: 'orders', side: viewer, orders: chosen() });
            play(
              r.ok
                ? set.some((o) => o.kind === 'shift' || o.kind === 'announce')
                  ? 'escalate'
                  : 'move'
                : 'refuse',
            );
          },
          {
            class: 'primary',
            'data-key': 'submit-orders',
            'aria-label': 'Submit orders',
            disabledReason: set.length === 0 ? 'Choose an order, or pass.' : (refusal?.reason ?? null),
          },
        ),
        button(
          'Pass: no orders',
          () => {
            const r = dispatch(store, { type: 'orders', side: viewer, orders: [] });
            play(r.ok ? 'move' : 'refuse');
          },
          { 'data-key': 'pass-orders' },
        ),
      ),
    ),
  ];
}
