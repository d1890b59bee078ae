// A cache by identity of the last few keys, for values worked out from short-lived objects (a turn's
// alternatives, for the AI's tables). A WeakMap there costs more than it saves: V8 kept the entries
// of a WeakMap keyed by such objects alive through young-generation collections, so every value was
// copied and then promoted to the old generation with its key, to be freed only by a full
// collection. Measured in `simulate` (500 games of Road to Busan on one core): with the AI's memo,
// each turn's leverage and the AI's public tables kept in WeakMaps, 709 KB a game was promoted and
// the young-generation collections took 1.46 s of the 6.5 s; the memo kept on the model, 257 KB and
// 0.54 s; the simulator's leverage not kept and the tables in this cache as well, 94 KB and 0.40 s.
// What a screen reads again across a whole game (each state's leverage, for its charts) stays in a
// WeakMap: a few recent keys would miss every time.

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
