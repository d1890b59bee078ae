// Copies for writing: the engine writes plain data (the reducer's move copy, the turn kernel's
// working copy) and copies only the containers it is about to write to; everything else is frozen
// and shared with the state it came from. The items inside a container (packages, announcements,
// tallies…) are frozen and shared too: a writer replaces them, never edits them.
//
// The parts of a state with fixed fields (the world, the round, the talks, the meta, the streams) are
// copied field by field, written out: V8 copies a frozen object given to a spread ({ ...x }) key by
// key through its slow path, several times slower than an object literal, and the copy it makes
// then freezes slower too. The compiler checks each literal has every field of its part.

import type { Meta, RngState, Round, Stream, Talks, Working, World } from './types.ts';

type W = Working;
/** Every field of a part, each of any type: what a literal copy is checked against before its cast. */
type Fields<T> = { [K in keyof T]-?: unknown };

/** The meta, for writing (a move writes its count). */
export const metaCopy = (m: Meta): W['meta'] => ({
  scenarioId: m.scenarioId,
  scenarioHash: m.scenarioHash,
  seed: m.seed,
  setup: m.setup,
  moveCount: m.moveCount,
});

/** The random streams, for writing (each stream's state is replaced, never edited). */
export const streamsCopy = (r: Readonly<Record<Stream, RngState>>): W['rng'] => ({
  events: r.events,
  compliance: r.compliance,
  crisis: r.crisis,
  'us-talks': r['us-talks'],
  'us-orders': r['us-orders'],
  'cn-talks': r['cn-talks'],
  'cn-orders': r['cn-orders'],
});

/** The round, one level: its containers stay shared (a writer copies the ones it writes). */
export const roundCopy = (r: Round): W['round'] =>
  ({
    turn: r.turn,
    phase: r.phase,
    talks: r.talks,
    drafts: r.drafts,
    revealed: r.revealed,
    news: r.news,
    lastNews: r.lastNews,
  }) satisfies Fields<Round> as W['round'];

/** The news of the round, for adding to (the items are shared). */
export const newsCopy = (news: Round['news']): W['round']['news'] => [...news] as W['round']['news'];

/** The talks, one level. */
export const talksCopy = (t: Talks | Round['talks']): W['round']['talks'] =>
  ({
    first: t.first,
    toMove: t.toMove,
    made: t.made,
    open: t.open,
    passed: t.passed,
  }) satisfies Fields<Talks> as W['round']['talks'];

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
  const copy = {
    levels: world.levels,
    values: world.values,
    alt: world.alt,
    resolve: world.resolve,
    reliability: world.reliability,
    tension: world.tension,
    announcements: world.announcements,
    builds: world.builds,
    packages: world.packages,
    tallies: world.tallies,
    totals: world.totals,
    fired: world.fired,
    truce: world.truce,
    summit: world.summit,
    collapsed: world.collapsed,
    pressuredOn: world.pressuredOn,
  } satisfies Fields<World> as Containers;
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
