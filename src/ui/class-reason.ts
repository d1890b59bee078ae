// A class game's line of reasoning on the student's game screen: when the class asks for it, one
// line a turn for the team ("Why this move?"), kept by the class server beside the game and shown
// in the debrief. The box is made once per game and kept across the screen's re-renders, so what a
// student is typing survives the room's updates. A game outside a class never shows it.
import type { StudentView } from '../net/class-protocol.ts';
import { button, h } from './dom.ts';

const CLASS_OF = 'upper-hand:class-of:';
const STUDENT = 'upper-hand:class-student:';

interface Box {
  readonly game: string;
  readonly el: HTMLElement;
  asks: boolean | null; // null: not heard yet
  turn: number;
}

let box: Box | null = null;

function session(key: string): string | null {
  try {
    return sessionStorage.getItem(key);
  } catch {
    return null;
  }
}

/** The reasoning box for this game at this turn, or null when the game's class does not ask for it. */
export function reasonBox(
  game: string,
  turn: number,
  over: boolean,
  repaint: () => void,
): HTMLElement | null {
  const cls = session(CLASS_OF + game);
  const token = cls ? session(STUDENT + cls) : null;
  if (!cls || !token || over) return null;
  if (box?.game !== game) box = make(game, cls, token);
  const b = box;
  if (b.turn !== turn) {
    b.turn = turn;
    void load(b, cls, token).then((first) => {
      if (first && b.asks) repaint(); // the screen paints it in
    });
  }
  return b.asks ? b.el : null;
}

function make(game: string, cls: string, token: string): Box {
  const input = h('input', {
    type: 'text',
    id: 'class-reason',
    maxlength: 200,
    autocomplete: 'off',
    placeholder: 'Why this move? One line for the debrief',
  });
  const status = h('p', { class: 'muted', role: 'status', id: 'class-reason-status' });
  const save = async () => {
    const r: { ok: boolean; text?: string; reason?: string } = await fetch('/class/reason', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code: cls, token, text: input.value }),
    })
      .then((x) => x.json() as Promise<{ ok: boolean; text?: string; reason?: string }>)
      .catch(() => ({ ok: false, reason: 'The game server cannot be reached.' }));
    status.textContent = r.ok ? (r.text ?? '') : (r.reason ?? '');
  };
  input.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') void save();
  });
  const el = h(
    'section',
    { class: 'card class-reason', 'aria-labelledby': 'class-reason-title' },
    h('h2', { id: 'class-reason-title', text: 'Your team’s reasoning this turn' }),
    h(
      'label',
      { class: 'field' },
      h('span', { text: 'One line (a teammate’s later line replaces it)' }),
      input,
    ),
    button('Keep this line', () => void save(), { id: 'class-reason-save' }),
    status,
  );
  return { game, el, asks: null, turn: -1 };
}

/** Asks the class for its setting and the team's line this turn; true the first time it answers. */
async function load(b: Box, cls: string, token: string): Promise<boolean> {
  const me = (await fetch(`/class/me/${encodeURIComponent(cls)}?token=${encodeURIComponent(token)}`)
    .then((x) => x.json())
    .catch(() => null)) as (StudentView & { ok: boolean }) | null;
  if (!me?.ok) return false;
  const first = b.asks === null;
  b.asks = me.reasons;
  const input = b.el.querySelector<HTMLInputElement>('#class-reason');
  const status = b.el.querySelector('#class-reason-status');
  if (input && document.activeElement !== input) input.value = me.reason ?? '';
  if (status) status.textContent = me.reason ? 'Your team’s line for this turn is kept.' : '';
  return first;
}
