// Copies for writing: the engine writes plain data (the reducer's move copy, the turn kernel's
// working copy) and copies only the containers it is about to write to; everything else is frozen
// and shared with the state it came from. The items inside a container (packages, announcements,
// tallies…) are frozen and shared too: a writer replaces them, never edits them.

import type { Working, World } from './types';

type Containers = Working['world'];
/** The world each working world was copied from, and the last pair asked about. */
const sources = new WeakMap<Containers, World>();
let lastCopy: Containers | null = null;
let lastSource: World | null = null;

/**
 * A copy of `world` for writing, one level: its containers stay shared until `own` copies the ones
 * written. Every working copy of a world (the turn kernel's, the reducer's) is made here.
 */
export function worldCopy(world: World): Containers {
  const copy = { ...world } as Containers;
  sources.set(copy, world);
  lastCopy = copy;
  lastSource = world;
  return copy;
}

/**
 * The world's container `k`, ready to write: copied (one level down, and the totals' three with it)
 * the first time it is written, found by its still being the one of the world the copy was made from.
 * A turn so copies, and the reducer then freezes, only the containers it writes; the rest stay
 * shared. A world not made by `worldCopy` (a new game's opening data) is written as it is.
 */
export function own<K extends keyof Containers>(s: Working, k: K): NonNullable<Containers[K]> {
  const w = s.world;
  const c = w[k];
  const src = w === lastCopy ? lastSource : sources.get(w);
  if (src === undefined || src === null || typeof c !== 'object' || c === null || c !== src[k])
    return c as NonNullable<Containers[K]>;
  let copy: unknown;
  if (Array.isArray(c)) copy = [...c];
  else if (k === 'totals') {
    const t = c as Containers['totals'];
    copy = { util: { ...t.util }, promised: { ...t.promised }, delivered: { ...t.delivered } };
  } else copy = { ...c };
  w[k] = copy as Containers[K];
  return copy as NonNullable<Containers[K]>;
}

/**
 * Takes instrument `id`'s pending announcement off the world, if there is one. The announcements are
 * copied without it rather than deleted from: an object a key was deleted from turns slow to read
 * and several times slower to copy, which every later turn would pay.
 */
export function dropAnnouncement(s: Working, id: string) {
  const pending = s.world.announcements;
  if (pending[id] === undefined) return;
  const { [id]: _dropped, ...rest } = pending;
  s.world.announcements = rest;
}
