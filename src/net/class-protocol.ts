// What the class pages and the class room exchange over http: a row of the instructor's dashboard
// and what a student's page is told. Types only, shared by the server and the browser.
import type { BySide, Side } from '../engine/index.ts';

export interface DashboardRow {
  readonly letter: string;
  readonly code: string | null;
  readonly players: BySide<readonly { readonly name: string; readonly connected: boolean }[]>;
  readonly computer: BySide<number | null>;
  readonly moves: number; // moves made so far
  readonly turn: number; // 1-based
  readonly turns: number;
  readonly date: string;
  readonly phase: string; // waiting (not started), talks, orders, over
  readonly waitingOn: readonly Side[];
  readonly waitingMs: number;
  readonly leverage: number | null; // Washington's share, 0–1
  readonly tension: number;
  readonly deals: number;
  readonly standing: BySide<number | null>; // each side's projected score (median), or its score when over
  readonly clockMs: number | null; // left on this phase's clock
  readonly ended: string | null; // "ended at turn 5 of 9"
}

export interface StudentView {
  readonly name: string;
  readonly className: string; // the scenario's title
  readonly game: {
    readonly letter: string;
    readonly code: string | null;
    readonly seat: string | null;
    readonly side: Side;
  } | null;
  readonly closed: boolean;
  readonly reasons: boolean; // the class asks each team for one line of reasoning a turn
  readonly reason: string | null; // the team's line for the turn being played, if written
}
