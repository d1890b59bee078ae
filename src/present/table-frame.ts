// What the drawn table is fed: the scenario and the engine's view of the game for the eyes it is
// drawn for — never the state itself (no random streams, no draft orders but the viewer's own).
// A leaf both the screens (which make the feeds) and the Phaser scene (which reads them) import.
import type { GameState, Scenario, View, Viewer } from '../engine/index.ts';
import { viewFor } from '../engine/index.ts';

/** What the table shows. */
export interface TableFrame {
  readonly scenario: Scenario;
  readonly view: View;
}

/** Where the table's frames come from: the live game or a replay. */
export interface TableFeed {
  current(): TableFrame | null;
  /** Calls `changed` whenever the frame (its state or viewer) changes; returns the unsubscribe. */
  subscribe(changed: () => void): () => void;
}

/**
 * A frame maker for a feed: the same scenario, state and viewer give the same frame (one view made
 * per change, and the scene tells "nothing changed" by identity).
 */
export function framer(): (scenario: Scenario, state: GameState, viewer: Viewer) => TableFrame {
  let last: { scenario: Scenario; state: GameState; viewer: Viewer; frame: TableFrame } | null = null;
  return (scenario, state, viewer) => {
    if (last?.scenario === scenario && last.state === state && last.viewer === viewer) return last.frame;
    const frame = { scenario, view: viewFor(scenario, state, viewer) };
    last = { scenario, state, viewer, frame };
    return frame;
  };
}
