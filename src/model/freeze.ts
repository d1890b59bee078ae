// Freezing a value and everything in it: the reducer freezes what a move made new in a state, and
// the scenario loader, the browser's catalogue and the tools' kept scenarios hand on a scenario
// frozen whole. A module of its own, free of the schemas (as thresholds.ts): the catalogue is in the
// menu's first chunk, and a kept scenario is read without loading the loader.

/**
 * Freezes `value` and every object under it that is not frozen yet, and returns it. Parts already
 * frozen (a state's parts shared with the last state) are not walked again. States and scenarios
 * hold only plain objects, arrays and primitives, so this does immer's deep freeze in a third of the
 * time, and the producer that returns a state then finds it frozen and walks nothing.
 */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && Object.isExtensible(value)) freezeAll(value);
  return value;
}

/**
 * Freezes `x` and every object under it that is not frozen yet. An object here is either frozen or
 * still open to new keys (nothing seals one or closes it to new keys only), so "frozen" is read as
 * "closed to new keys": Object.isExtensible answers at once, where Object.isFrozen reads every key of
 * a frozen object.
 */
function freezeAll(x: object) {
  Object.freeze(x);
  if (Array.isArray(x)) {
    for (let i = 0; i < x.length; i++) {
      const v: unknown = x[i];
      if (typeof v === 'object' && v !== null && Object.isExtensible(v)) freezeAll(v);
    }
    return;
  }
  // for…in over plain data (no prototypes but Object's): no key array made for every object
  const o = x as Record<string, unknown>;
  for (const k in o) {
    const v = o[k];
    if (typeof v === 'object' && v !== null && Object.isExtensible(v)) freezeAll(v);
  }
}
