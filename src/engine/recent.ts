// A cache by identity of the last few keys, for values worked out from short-lived objects — a
// game's states, a turn's world. A WeakMap there costs more than it saves: V8 kept the entries of a
// WeakMap keyed by such objects alive through young-generation collections, so every value was
// copied and then promoted to the old generation with its key, to be freed only by a full collection.
// Measured in `simulate` (500 games of Road to Busan on one core): with the AI's memo and the
// leverage of each world kept in WeakMaps, 709 KB a game was promoted and the young-generation
// collections took 1.46 s of the 6.5 s; the memo kept on the model and these caches instead, 257 KB
// and 0.54 s.

export interface Recent<K extends object, V> {
  get(key: K): V | undefined;
  set(key: K, value: V): void;
}

/** The last `size` keys set, held strongly; a key set again takes the oldest one's place. */
export function recentCache<K extends object, V>(size: number): Recent<K, V> {
  const keys: (K | null)[] = new Array<K | null>(size).fill(null);
  const values: (V | undefined)[] = new Array<V | undefined>(size).fill(undefined);
  let next = 0;
  return {
    get(key) {
      for (let i = 0; i < size; i++) if (keys[i] === key) return values[i];
      return undefined;
    },
    set(key, value) {
      for (let i = 0; i < size; i++)
        if (keys[i] === key) {
          values[i] = value;
          return;
        }
      keys[next] = key;
      values[next] = value;
      next = (next + 1) % size;
    },
  };
}
