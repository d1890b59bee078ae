// The debrief screen (from the results): the game's debrief sections under a heading, with buttons
// to print it, export the game as a file or a link, replay it, and go back. The analysis is computed
// once per game and moves, and the replay viewer opened from here reuses it and the game's states; the
// print stylesheet keeps the charts and timeline and drops the buttons.
import { type AppStore, recordOf, toResults } from '../store/game-store.ts';
import { type DebriefData, debriefData, debriefSections } from './debrief.ts';
import { button, h } from './dom.ts';
import { exportButtons } from './export.ts';
import { openReplayOf } from './replay-screen.ts';

let cached: { key: string; data: DebriefData } | null = null;

export function debriefFor(store: AppStore): DebriefData | null {
  const { game } = store.getState();
  if (!game) return null;
  const key = `${game.id}:${game.moves.length}`;
  if (cached?.key !== key) cached = { key, data: debriefData(game.scenario, recordOf(game)) };
  return cached.data;
}

export function renderDebrief(root: HTMLElement, store: AppStore) {
  const { game } = store.getState();
  if (!game) return;
  let d: DebriefData | null = null;
  let body: HTMLElement[];
  try {
    d = debriefFor(store)!;
    body = debriefSections(d);
  } catch (e) {
    body = [
      h('p', {
        role: 'alert',
        text: `The debrief cannot be built: ${e instanceof Error ? e.message : String(e)}`,
      }),
    ];
  }
  root.replaceChildren(
    h(
      'main',
      { class: 'debrief', 'aria-label': 'Debrief' },
      h('h1', { text: `Debrief — ${game.scenario.meta.title}` }),
      h(
        'div',
        { class: 'actions no-print' },
        button('Back to the results', () => toResults(store)),
        // the viewer takes the debrief's record and states, so its charts and timeline are the debrief's
        button('Replay this game', () =>
          openReplayOf(store, game.scenario, game.hash, d?.record ?? recordOf(game), d?.states),
        ),
        button('Print the debrief', () => window.print()),
        ...exportButtons(game.scenario, recordOf(game)),
      ),
      ...body,
    ),
  );
}
