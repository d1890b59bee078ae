// Shared by the store tests: an in-memory Storage, the hot-seat setup and Road to Busan as shipped.
import type { Scenario, Setup } from '../../src/engine/index.ts';
import { shippedScenarios } from '../fixtures/shipped.ts';

/** A Storage held in a Map, so each test starts with its own empty localStorage. */
export class MemoryStorage implements Storage {
  private map = new Map<string, string>();
  get length() {
    return this.map.size;
  }
  clear() {
    this.map.clear();
  }
  getItem(k: string) {
    return this.map.get(k) ?? null;
  }
  key(i: number) {
    return [...this.map.keys()][i] ?? null;
  }
  removeItem(k: string) {
    this.map.delete(k);
  }
  setItem(k: string, v: string) {
    this.map.set(k, v);
  }
}

/** Two humans at one screen, no random events, leverage shown live. */
export const HOT_SEAT: Setup = {
  seats: { us: { kind: 'human' }, cn: { kind: 'human' } },
  randomEvents: false,
  leverage: 'live',
};

/** Road to Busan, loaded as the game loads it. */
export function shippedBusan(): Scenario {
  const found = shippedScenarios().find(([, s]) => s.id === 'road-to-busan');
  if (!found) throw new Error('road-to-busan is not shipped');
  return found[1];
}
