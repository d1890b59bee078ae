// Modal dialogs: the browser's own <dialog> opened with showModal() (the rest of the page inert, so
// the page behind cannot be reached; Escape closes it), labelled by its heading, with a Close
// button first. Tab and Shift+Tab cycle inside it (the browser alone would let the focus leave the
// page from its last control). When it closes, the focus returns to what had it before, or to `returnTo`
// if that is gone, unless a key pressed since has moved it.
import { button, h } from './dom.ts';

const FOCUSABLE = 'button, [href], input, select, textarea, summary, [tabindex]:not([tabindex="-1"])';

export function openDialog(o: {
  readonly title: string;
  readonly class: string;
  readonly body: (close: () => void) => (HTMLElement | null)[];
  readonly returnTo?: () => HTMLElement | null;
}): HTMLDialogElement {
  const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  const id = `dialog-${Math.random().toString(36).slice(2, 8)}`;
  const dialog = h('dialog', { class: o.class, 'aria-labelledby': id });
  const close = button('Close', () => dialog.close(), { class: 'primary' });
  dialog.append(
    h('header', {}, h('h2', { id, text: o.title }), close),
    ...o.body(() => dialog.close()).filter((x): x is HTMLElement => x !== null),
  );
  dialog.addEventListener('keydown', (e) => {
    if (e.key !== 'Tab') return;
    const stops = [...dialog.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
      (x) => !x.hasAttribute('disabled') && x.getClientRects().length > 0,
    );
    const first = stops[0];
    const last = stops[stops.length - 1];
    if (!first || !last) return;
    if (e.shiftKey && document.activeElement === first) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && document.activeElement === last) {
      e.preventDefault();
      first.focus();
    }
  });
  dialog.addEventListener('close', () => {
    // The close event comes a task after the dialog has closed: a key pressed in between (a
    // shortcut such as n) may already have put the focus where the player wants it.
    const active = document.activeElement;
    const moved =
      active !== null && active !== document.body && active !== opener && !dialog.contains(active);
    dialog.remove();
    if (moved) return;
    const back = opener?.isConnected ? opener : (o.returnTo?.() ?? null);
    back?.focus();
  });
  document.body.append(dialog);
  dialog.showModal();
  close.focus();
  return dialog;
}
