// Copies for writing: the engine writes plain data (the reducer's move copy, the turn kernel's
// working copy) and copies only the containers it is about to write to; everything else is frozen
// and shared with the state it came from.
import type { Draft } from 'immer';

/**
 * A part of a state with each container it holds copied, one level down: the items inside them
 * (packages, announcements, tallies…) are frozen and shared, and a writer replaces them, never edits
 * them. A container inside a container (the totals' three) is copied by whoever writes it.
 */
export function copyContainers<T extends object>(part: T): Draft<T> {
  const c = { ...part } as Record<string, unknown>;
  for (const k in c) {
    const v = c[k];
    if (typeof v === 'object' && v !== null) c[k] = Array.isArray(v) ? [...v] : { ...v };
  }
  return c as Draft<T>;
}
