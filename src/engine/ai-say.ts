// The data an AI move's note carries for its sentence: a code `say:KIND.VARIANT:FIELD:FIELD…`, each
// field a comma list of clause tokens or a number. The code holds ids only (never text), so a game
// record stays small and its sentence is rendered in the reader's scenario (describe.ts); the
// variant picks one of a kind's phrasings, so the same kind of move reads differently within a
// game. Clause tokens: `i.INSTRUMENT.LEVEL`, `p.ITEM.SIZE` (`.t` when tied to its condition),
// `c.ITEM` (`.t`), `s.STATEMENT` — ids are lower-case letters, digits and hyphens, so `.`, `,` and
// `:` never occur inside one.
import type { Clause, Scenario } from './types';

export type SayKind =
  | 'open'
  | 'bid'
  | 'counter'
  | 'next'
  | 'accept'
  | 'reject'
  | 'pass'
  | 'announce'
  | 'answer'
  | 'orders';

/** A clause as a token. */
export function clauseToken(c: Clause): string {
  switch (c.kind) {
    case 'instrument':
      return `i.${c.instrument}.${c.level}`;
    case 'statement':
      return `s.${c.statement}`;
    case 'pledge':
      return `p.${c.item}.${c.size}${c.condition ? '.t' : ''}`;
    case 'commitment':
      return `c.${c.item}${c.condition ? '.t' : ''}`;
  }
}

/** A token back as a clause (a tied promise's condition taken from the scenario), or null. */
export function tokenClause(scenario: Scenario, token: string): Clause | null {
  const [k, id, a, b] = token.split('.');
  if (!id) return null;
  const condition = (item: string) => scenario.commitments.find((c) => c.id === item)?.condition;
  if (k === 'i') {
    const level = Number(a);
    return Number.isInteger(level) ? { kind: 'instrument', instrument: id, level } : null;
  }
  if (k === 's') return { kind: 'statement', statement: id };
  if (k === 'p' && (a === 'small' || a === 'medium' || a === 'large')) {
    const cond = b === 't' ? condition(id) : undefined;
    return cond
      ? { kind: 'pledge', item: id, size: a, condition: cond }
      : { kind: 'pledge', item: id, size: a };
  }
  if (k === 'c') {
    const cond = a === 't' ? condition(id) : undefined;
    return cond ? { kind: 'commitment', item: id, condition: cond } : { kind: 'commitment', item: id };
  }
  return null;
}

/** A note's code from its kind, variant and fields. */
export function sayCode(
  kind: SayKind,
  variant: number,
  ...fields: (string | number | readonly Clause[])[]
): string {
  const f = fields.map((x) =>
    typeof x === 'number' ? String(Math.round(x)) : typeof x === 'string' ? x : x.map(clauseToken).join(','),
  );
  return ['say', `${kind}.${variant}`, ...f].join(':');
}

export interface Said {
  readonly kind: SayKind;
  readonly variant: number;
  readonly fields: readonly string[];
}

/** A `say:` code read back, or null if it is not one. */
export function readSay(code: string): Said | null {
  const parts = code.split(':');
  if (parts[0] !== 'say' || !parts[1]) return null;
  const [kind, v] = parts[1].split('.');
  return { kind: kind as SayKind, variant: Number(v) || 0, fields: parts.slice(2) };
}
