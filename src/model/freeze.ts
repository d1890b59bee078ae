// Freezing a value and everything in it: what the scenario loader, the browser's catalogue and the
// tools' kept scenarios hand on is frozen whole. A module of its own, free of the schemas (as
// thresholds.ts): the catalogue is in the menu's first chunk, and a kept scenario is read without
// loading the loader.

/** Freezes a value and everything in it. */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const k of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[k]);
  }
  return value;
}
