// How a class hears that one of its games changed: a game room calls `gameChanged` after each
// change it tells its seats of, and the class that holds the game (if any) refreshes its dashboard
// and its clocks. A plain registry, so game rooms know nothing of classes.
type Watcher = (code: string) => void;

const watchers = new Set<Watcher>();

export function watchGames(w: Watcher): () => void {
  watchers.add(w);
  return () => watchers.delete(w);
}

export function gameChanged(code: string) {
  for (const w of watchers) w(code);
}
