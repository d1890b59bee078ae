// Modal dialogs: the browser's own <dialog> opened with showModal() (the rest of the page inert, so
// the keyboard stays inside it; Escape closes it), labelled by its heading, with a Close button
// first. When it closes, the focus returns to what had it before, or to `returnTo` if that is gone.
import { button, h } from './dom';

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
  dialog.addEventListener('close', () => {
    dialog.remove();
    const back = opener?.isConnected ? opener : (o.returnTo?.() ?? null);
    back?.focus();
  });
  document.body.append(dialog);
  dialog.showModal();
  close.focus();
  return dialog;
}
