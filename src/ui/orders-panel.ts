// The Orders tab: up to k orders from the engine's list of legal single orders (shift, announce,
// withdraw, build an alternative, extend the truce), or none. The engine checks the set before it
// is sent (two orders on one thing, too many) and the refusal is shown. Draft orders are shown only
// to their own side; both sides' orders are revealed together once both are in.
import type { Order, Side } from '../engine';
import { checkMove, rulesFor, singleOrders } from '../engine';
import { play } from '../present/sound';
import { orderText, sideName } from '../present/text';
import { type AppStore, dispatch, type GameSession } from '../store/game-store';
import { button, h, select } from './dom';

const drafts = new Map<string, string[]>();
const KIND_LABEL: Record<Order['kind'], string> = {
  shift: 'Shift an instrument',
  announce: 'Announce a change',
  withdraw: 'Withdraw an announcement',
  build: 'Build an alternative',
  extend: 'Extend the truce',
};

export function ordersPanel(store: AppStore, game: GameSession, viewer: Side): HTMLElement[] {
  const sc = game.scenario;
  const rules = rulesFor(sc);
  const s = game.state;
  const out: HTMLElement[] = [];
  const them = viewer === 'us' ? 'cn' : 'us';
  if (s.revealed) {
    out.push(
      h(
        'section',
        { 'aria-label': 'Orders revealed last turn' },
        h('h3', { text: 'Revealed last turn' }),
        h(
          'ul',
          { class: 'clauses' },
          (['us', 'cn'] as const).map((side) =>
            h(
              'li',
              { class: `side-${side}` },
              h(
                'span',
                {},
                h('strong', { text: `${sideName(sc, side)}: ` }),
                s.revealed![side].length
                  ? s
                      .revealed![side].map((o) =>
                        orderText(sc, { levels: {} }, o).replace(/^(Raise|Lower)/, 'Set'),
                      )
                      .join('; ')
                  : 'no orders',
              ),
            ),
          ),
        ),
      ),
    );
  }
  if (s.phase === 'talks') {
    out.unshift(
      h('p', {
        class: 'status waiting',
        text: 'Orders come after the talks. Finish talking first (Talks tab).',
      }),
    );
    return out;
  }
  if (s.phase !== 'orders') return out;
  const mine = s.drafts[viewer];
  if (mine !== null) {
    out.unshift(
      h(
        'section',
        { class: 'status', role: 'status', 'aria-label': 'Your orders' },
        h('div', {
          text: `Your orders are in: ${mine.length ? mine.map((o) => orderText(sc, s, o)).join('; ') : 'none'}.`,
        }),
        h('div', {
          class: 'hint',
          text:
            s.drafts[them] === null
              ? `Waiting for ${sideName(sc, them)}’s orders; both are revealed together.`
              : '',
        }),
      ),
    );
    return out;
  }
  const k = rules.scenario.params.k;
  const singles = singleOrders(rules, s, viewer);
  const key = `${game.id}:${viewer}:${s.turn}`;
  const draft = drafts.get(key) ?? Array.from({ length: k }, () => '');
  drafts.set(key, draft);
  const groups = (Object.keys(KIND_LABEL) as Order['kind'][])
    .map((kind) => ({
      group: KIND_LABEL[kind],
      options: singles
        .map((o, i) => [o, i] as const)
        .filter(([o]) => o.kind === kind)
        .map(([o, i]) => [String(i), orderText(sc, s, o)] as const),
    }))
    .filter((g) => g.options.length > 0);
  const chosen = (): Order[] => draft.filter((v) => v !== '').map((v) => singles[Number(v)]!);
  const refusal = checkMove(rules, s, { type: 'orders', side: viewer, orders: chosen() });
  const selects = draft.map((v, i) =>
    select(
      `Order ${i + 1}`,
      [['', '— no order —'], ...groups],
      v,
      (nv) => {
        draft[i] = nv;
        store.setState({}); // re-render with the engine's verdict
      },
      { 'data-key': `order-${i}` },
    ),
  );
  const them2 =
    s.drafts[them] !== null
      ? `${sideName(sc, them)}’s orders are in (hidden until yours are).`
      : `${sideName(sc, them)} has not given its orders yet.`;
  out.unshift(
    h(
      'section',
      { 'aria-label': 'Give your orders' },
      h('h3', { text: `Your orders (at most ${k})` }),
      h('p', { class: 'hint', text: `Orders are secret until both sides have given theirs. ${them2}` }),
      selects,
      refusal ? h('p', { class: 'refusal', role: 'status', text: refusal.reason }) : null,
      h(
        'div',
        { class: 'actions' },
        button(
          'Submit orders',
          () => {
            const r = dispatch(store, { type: 'orders', side: viewer, orders: chosen() });
            play(
              r.ok
                ? chosen().some((o) => o.kind === 'shift' || o.kind === 'announce')
                  ? 'escalate'
                  : 'move'
                : 'refuse',
            );
          },
          {
            class: 'primary',
            'data-key': 'submit-orders',
            disabledReason: chosen().length === 0 ? 'Choose an order, or pass.' : (refusal?.reason ?? null),
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
  );
  return out;
}
