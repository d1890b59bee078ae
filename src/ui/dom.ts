// Small DOM helpers. Every piece of scenario text goes in through textContent (never innerHTML), so a
// scenario cannot inject markup or script.
type Attrs = Record<string, string | number | boolean | undefined | null>;
type Child = Node | string | null | undefined | false;

/** An element with attributes (`class`, `aria-*`, `data-*`, properties by name) and children. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: (Child | Child[])[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'text') node.textContent = String(v);
    else if (k === 'class') node.className = String(v);
    else if (v === true) node.setAttribute(k, '');
    else node.setAttribute(k, String(v));
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    node.append(typeof c === 'string' ? document.createTextNode(c) : c);
  }
  return node;
}

/** A cell of a data table: text, or a `td`/`th` built by the caller. */
type Cell = string | HTMLTableCellElement;
const cellOf = (c: Cell, tag: 'td' | 'th', scope?: 'row' | 'col') =>
  typeof c === 'string' ? h(tag, { scope, text: c }) : c;

/**
 * A table a screen reader can read: a caption, column headers (none: `head` left out), and rows
 * whose first cell is their header. Every chart's figures and every results table is one.
 */
export function dataTable(o: {
  readonly caption: string;
  readonly head?: readonly Cell[];
  readonly rows: readonly (readonly [string, ...Cell[]])[];
  readonly class?: string;
}): HTMLTableElement {
  return h(
    'table',
    { class: o.class ? `data-table ${o.class}` : 'data-table' },
    h('caption', { text: o.caption }),
    o.head
      ? h(
          'thead',
          {},
          h(
            'tr',
            {},
            o.head.map((c) => cellOf(c, 'th', 'col')),
          ),
        )
      : null,
    h(
      'tbody',
      {},
      o.rows.map(([first, ...rest]) =>
        h(
          'tr',
          {},
          h('th', { scope: 'row', text: first }),
          rest.map((c) => cellOf(c, 'td')),
        ),
      ),
    ),
  );
}

/** A button that runs `onClick`; disabled ones say why in their description. */
export function button(
  label: string,
  onClick: () => void,
  attrs: Attrs & { disabledReason?: string | null } = {},
): HTMLButtonElement {
  const { disabledReason, ...rest } = attrs;
  const b = h('button', { type: 'button', ...rest, text: label });
  if (disabledReason) {
    b.disabled = true;
    b.title = disabledReason;
  }
  b.addEventListener('click', onClick);
  return b;
}

/** A labelled select; options are [value, label] pairs, or groups of them. */
export function select(
  label: string,
  options: readonly (
    | readonly [string, string]
    | { group: string; options: readonly (readonly [string, string])[] }
  )[],
  value: string,
  onChange: (v: string) => void,
  attrs: Attrs = {},
): HTMLLabelElement {
  const s = h('select', { 'aria-label': label, ...attrs });
  const add = (parent: HTMLElement, [v, l]: readonly [string, string]) => {
    const o = h('option', { value: v, text: l });
    if (v === value) o.selected = true;
    parent.append(o);
  };
  for (const o of options) {
    if ('group' in o) {
      const g = h('optgroup', { label: o.group });
      for (const x of o.options) add(g, x);
      s.append(g);
    } else add(s, o);
  }
  s.addEventListener('change', () => onChange(s.value));
  return h('label', { class: 'field' }, h('span', { text: label }), s);
}

/** Re-renders `root`'s content with `build`, keeping keyboard focus on the control with the same key. */
export function rerender(root: HTMLElement, build: () => (Node | null)[]) {
  const active = document.activeElement as HTMLElement | null;
  const key = active && root.contains(active) ? active.dataset.key : undefined;
  root.replaceChildren(...build().filter((n): n is Node => n !== null));
  if (key) {
    const again = root.querySelector<HTMLElement>(`[data-key="${CSS.escape(key)}"]`);
    again?.focus();
  }
}
