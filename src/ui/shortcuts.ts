// The table's keyboard shortcuts, listed in a help dialog (opened with ? or the Keys button). Single
// keys, ignored while typing in a field or while a dialog is open, so they never steal a letter.
import { openDialog } from './dialog.ts';
import { dataTable } from './dom.ts';

export const SHORTCUTS: readonly (readonly [key: string, what: string])[] = [
  ['N', 'Go to the next thing to do'],
  ['T', 'The Talks tab'],
  ['O', 'The Orders tab'],
  ['B', 'The Briefing tab'],
  ['L', 'Who has the upper hand? (the leverage explanation)'],
  ['W', 'The table in words, or the full table on a small screen'],
  ['U', 'Undo my last move'],
  ['S', 'Save or share the game'],
  ['?', 'This list of shortcuts'],
  ['← →', 'Between the tabs, when a tab has the focus'],
  ['Esc', 'Close a dialog'],
];

export function openShortcuts() {
  openDialog({
    title: 'Keyboard shortcuts',
    class: 'shortcuts',
    body: () => [
      dataTable({
        caption: 'On the table',
        head: ['Key', 'What it does'],
        rows: SHORTCUTS.map(([k, what]) => [k, what] as const),
      }),
    ],
  });
}

/** True when a key press belongs to a field or a dialog rather than to the shortcuts. */
export function typing(e: KeyboardEvent): boolean {
  const t = e.target;
  if (e.ctrlKey || e.metaKey || e.altKey) return true;
  if (document.querySelector('dialog[open]')) return true;
  return t instanceof HTMLElement && (t.isContentEditable || /^(INPUT|SELECT|TEXTAREA)$/.test(t.tagName));
}
