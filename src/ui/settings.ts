// The player's own preferences, kept in localStorage apart from any game: the pace of the
// computer's moves and the mute. (Game settings — events, leverage, seed — belong to the game.)
import { DEFAULT_SETTINGS, type Settings } from '../store/game-store.ts';

const KEY = 'upper-hand:settings';

export function loadSettings(): Settings {
  try {
    const raw: unknown = JSON.parse(localStorage.getItem(KEY) ?? 'null');
    if (typeof raw !== 'object' || raw === null) return DEFAULT_SETTINGS;
    const r = raw as Partial<Settings>;
    return {
      pace: typeof r.pace === 'number' && r.pace >= 0 && r.pace <= 10_000 ? r.pace : DEFAULT_SETTINGS.pace,
      muted: typeof r.muted === 'boolean' ? r.muted : DEFAULT_SETTINGS.muted,
    };
  } catch {
    return DEFAULT_SETTINGS;
  }
}

export function saveSettings(s: Settings) {
  try {
    localStorage.setItem(KEY, JSON.stringify(s));
  } catch {
    // not kept: the setting still applies to this page
  }
}

export const PACES: readonly (readonly [number, string])[] = [
  [0, 'Instant'],
  [600, 'Quick (0.6 s a move)'],
  [1200, 'Class (1.2 s a move)'],
  [2500, 'Slow (2.5 s a move)'],
];
