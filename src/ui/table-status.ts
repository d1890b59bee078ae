// What a class needs to see at a glance: the phase and the time left in it (when the game carries a
// timer), the date, the turns left to the summit or the deadline; and the "last turn" strip shown
// after each reveal — both sides' orders, the turn's events and each side's standing (its projected
// final score if both hold still) with its change over the turn.
import type { GameRecord, GameState, NewsItem, Side } from '../engine/index.ts';
import { isEpilogue, replayStates, rulesFor, SIDES } from '../engine/index.ts';
import { fmtDate, newsLine, orderText, sideMark, sideName, turnDate } from '../present/text.ts';
import type { GameSession } from '../store/game-store.ts';
import { h } from './dom.ts';
import { type Standing, standingIn, standingNow } from './projections.ts';

/** A phase timer, when the game carries one (online and class sessions): when the phase ends. */
type Timed = GameState & { readonly timer?: { readonly endsAt: number } | null };

/** Milliseconds left in the phase, or null when no timer runs. */
export function timeLeft(s: GameState, now = Date.now()): number | null {
  const t = (s as Timed).timer;
  return t && typeof t.endsAt === 'number' ? Math.max(0, t.endsAt - now) : null;
}

export const clock = (ms: number) => {
  const sec = Math.ceil(ms / 1000);
  return `${Math.floor(sec / 60)}:${String(sec % 60).padStart(2, '0')}`;
};

const PHASE = { talks: 'Talks', orders: 'Orders', over: 'Game over' } as const;

/** "Talks", the date, and "3 turns to the summit (30 Oct 2025)" or the epilogue's turns left. */
export function calendarLine(game: Pick<GameSession, 'scenario' | 'state'>): {
  phase: string;
  date: string;
  left: string;
} {
  const sc = game.scenario;
  const s = game.state;
  const rules = rulesFor(sc);
  const turn = Math.min(s.round.turn, rules.totalTurns - 1);
  const n = (k: number, what: string) => `${k} turn${k === 1 ? '' : 's'} ${what}`;
  let left: string;
  if (isEpilogue(rules, turn)) left = `epilogue: ${n(rules.totalTurns - turn, 'left')}`;
  else if (rules.summitTurn !== null && turn <= rules.summitTurn)
    left =
      turn === rules.summitTurn
        ? `${sc.calendar.summit?.name ?? 'the summit'} this turn`
        : `${n(rules.summitTurn - turn, 'to')} ${sc.calendar.summit?.name ?? 'the summit'}`;
  else
    left =
      turn === rules.mainTurns - 1
        ? `deadline ${fmtDate(sc.calendar.deadline)}: last turn of talks`
        : `${n(rules.mainTurns - turn, 'to the deadline')} (${fmtDate(sc.calendar.deadline)})`;
  return { phase: PHASE[s.round.phase], date: turnDate(sc, turn), left };
}

const standingAt = new Map<string, GameState>(); // game id and turn → the state that turn began in

/** The state the previous turn began in: remembered as turns begin, else found by replaying. */
function previousTurnStart(game: GameSession): GameState | null {
  const s = game.state;
  if (s.round.turn === 0) return null;
  standingAt.set(`${game.id}:${s.round.turn}`, game.turnStates[0] ?? s);
  const known = standingAt.get(`${game.id}:${s.round.turn - 1}`);
  if (known) return known;
  const record: GameRecord = {
    scenarioId: s.meta.scenarioId,
    scenarioHash: game.hash,
    seed: game.seed,
    setup: game.setup,
    moves: game.moves.slice(0, game.turnStart),
  };
  try {
    const found = replayStates(game.scenario, record).find((x) => x.round.turn === s.round.turn - 1) ?? null;
    if (found) standingAt.set(`${game.id}:${s.round.turn - 1}`, found);
    return found;
  } catch {
    return null;
  }
}

const signed = (x: number) => `${x >= 0.5 ? '+' : x <= -0.5 ? '−' : '±'}${Math.abs(Math.round(x))}`;

const EVENT_KINDS: ReadonlySet<NewsItem['kind']> = new Set([
  'event',
  'announcement-effective',
  'announcement-lifted',
  'snapback',
  'summit',
  'crisis',
  'collapse',
  'breach',
  'delivery',
]);

/** The strip above the moves: each side's standing, and after a reveal what the last turn did. */
export function lastTurnStrip(game: GameSession, viewer: Side | null): HTMLElement {
  const sc = game.scenario;
  const s = game.state;
  const now = viewer ? standingNow(game, viewer) : null;
  const start = game.turnStates[0] ?? s;
  const prev = viewer && now ? previousTurnStart(game) : null;
  const before = prev && viewer ? standingIn(sc, prev, viewer) : null;
  const atStart = viewer && before ? standingIn(sc, start, viewer) : null;
  const whole = (x: number) => {
    const n = Math.round(x);
    return n < 0 ? `−${-n}` : String(n);
  };
  const range = (x: Standing) => (x.high - x.low >= 1 ? ` (${whole(x.low)} to ${whole(x.high)})` : '');
  const standingLine = now
    ? h(
        'p',
        { class: 'standing' },
        h('strong', { text: 'Standing' }),
        h('span', { class: 'hint', text: ' (projected final score if both hold still)' }),
        ': ',
        SIDES.map((side: Side) =>
          h(
            'span',
            { class: `who side-${side}` },
            h('span', { class: 'badge', text: sideMark(side) }),
            ` ${sideName(sc, side)} ${whole(now[side].median)}`,
            h('span', { class: 'hint', text: range(now[side]) }),
            before && atStart ? ` last turn ${signed(atStart[side].median - before[side].median)}` : '',
          ),
        ),
      )
    : null;
  const parts: (HTMLElement | null)[] = [];
  if (s.round.revealed) {
    const events = s.round.lastNews.filter((n) => EVENT_KINDS.has(n.kind)).map((n) => newsLine(sc, n).title);
    parts.push(
      h(
        'h2',
        { class: 'strip-title', tabindex: '-1', 'data-key': 'last-turn' },
        `Last turn (${turnDate(sc, s.round.turn - 1)})`,
      ),
      h(
        'section',
        { 'aria-label': 'Orders revealed last turn' },
        h(
          'ul',
          { class: 'revealed' },
          SIDES.map((side) => {
            const orders = s.round.revealed?.[side] ?? [];
            return h(
              'li',
              { class: `side-${side}` },
              h('span', { class: 'badge', text: sideMark(side) }),
              h('strong', { text: ` ${sideName(sc, side)}: ` }),
              orders.length
                ? orders
                    .map((o) => orderText(sc, { levels: {} }, o).replace(/^(Raise|Lower)/, 'Set'))
                    .join('; ')
                : 'no orders',
            );
          }),
        ),
      ),
      events.length
        ? h('p', { class: 'events' }, h('strong', { text: 'Events: ' }), events.join(' · '))
        : null,
    );
  }
  return h(
    'section',
    { class: 'last-turn', 'aria-label': s.round.revealed ? 'Last turn' : 'Standing' },
    ...[...parts, standingLine].filter((p): p is HTMLElement => p !== null),
  );
}
