// Two tabs, one game: a game is played in one tab at a time. The tab that opens a game holds it —
// a Web Lock named after the game where the browser has Web Locks, and otherwise (plain http, as on
// a school network, is not a secure context and has none) an answer to a question asked on a
// BroadcastChannel. A tab that opens a game held elsewhere is told, and may take it over: the holder
// is asked on the channel, finishes writing its moves, lets go and is told it no longer plays the
// game; only then does the taker read the game from storage. Where neither exists every tab holds
// its games, and the saves' revision check still refuses to write over another tab's moves.

const CHANNEL = 'upper-hand-games';
const ANSWER_WAIT_MS = 250; // how long a question on the channel waits for the holder's answer
const RELEASE_WAIT_MS = 2500; // how long a take-over waits before it takes the game regardless

type Message =
  | { readonly type: 'who-holds'; readonly game: string; readonly from: string }
  | { readonly type: 'held'; readonly game: string; readonly from: string }
  | { readonly type: 'take'; readonly game: string; readonly from: string }
  | { readonly type: 'released'; readonly game: string; readonly from: string };

/** The browser's Web Locks, as far as this module uses them. */
export interface Locks {
  request(
    name: string,
    options: { ifAvailable?: boolean; steal?: boolean },
    callback: (lock: unknown) => Promise<void> | undefined,
  ): Promise<unknown>;
}

export interface TabOptions {
  readonly locks: Locks | null;
  readonly channel: BroadcastChannel | null;
  /** Before this tab lets a game go: its moves written (and no more taken). */
  readonly letGo: (game: string) => Promise<void>;
  /** Another tab has taken the game over. */
  readonly lost: (game: string) => void;
}

const lockName = (game: string) => `upper-hand:game:${game}`;
const isMessage = (x: unknown): x is Message =>
  typeof x === 'object' &&
  x !== null &&
  typeof (x as Message).game === 'string' &&
  typeof (x as Message).from === 'string' &&
  ['who-holds', 'held', 'take', 'released'].includes((x as Message).type);

export class TabGames {
  private readonly id = Math.random().toString(36).slice(2, 10);
  private readonly held = new Map<string, () => void>(); // game → let go of its lock
  private readonly listeners = new Set<(m: Message) => void>();

  constructor(private readonly opts: TabOptions) {
    opts.channel?.addEventListener('message', (e: MessageEvent) => {
      if (isMessage(e.data) && e.data.from !== this.id) this.heard(e.data);
    });
  }

  /** Whether the channel or the locks can tell tabs apart at all. */
  get coordinated(): boolean {
    return this.opts.locks !== null || this.opts.channel !== null;
  }

  holds = (game: string): boolean => this.held.has(game);

  /** Holds the game if no other tab does: 'held', or 'elsewhere' when another tab plays it. */
  async claim(game: string): Promise<'held' | 'elsewhere'> {
    if (this.held.has(game)) return 'held';
    const { locks } = this.opts;
    if (locks) return (await this.lock(game, { ifAvailable: true })) ? 'held' : 'elsewhere';
    if (await this.ask({ type: 'who-holds', game, from: this.id }, 'held', ANSWER_WAIT_MS))
      return 'elsewhere';
    this.held.set(game, () => {});
    return 'held';
  }

  /** Takes the game over from the tab holding it; resolves once it is held here. */
  async takeOver(game: string): Promise<void> {
    if (this.held.has(game)) return;
    const { locks } = this.opts;
    const released = this.ask({ type: 'take', game, from: this.id }, 'released', RELEASE_WAIT_MS);
    if (!locks) {
      await released;
      this.held.set(game, () => {});
      return;
    }
    // the holder lets go once its moves are written; a tab that never answers loses the lock anyway
    const waited = this.lock(game, {});
    const timer = new Promise<'late'>((r) => setTimeout(() => r('late'), RELEASE_WAIT_MS));
    if ((await Promise.race([waited, timer])) === 'late' && !this.held.has(game))
      await this.lock(game, { steal: true });
  }

  /** Lets a game go (the player left it). */
  release(game: string) {
    this.held.get(game)?.();
    this.held.delete(game);
  }

  private lock(game: string, options: { ifAvailable?: boolean; steal?: boolean }): Promise<boolean> {
    const locks = this.opts.locks;
    if (!locks) return Promise.resolve(false);
    return new Promise<boolean>((resolve) => {
      locks
        .request(lockName(game), options, (lock) => {
          if (!lock) {
            resolve(false);
            return undefined;
          }
          return new Promise<void>((letGo) => {
            this.held.set(game, letGo);
            resolve(true);
          });
        })
        .catch(() => {
          // stolen by a tab that took the game over without an answer from this one
          if (this.held.delete(game)) this.opts.lost(game);
          resolve(false);
        });
    });
  }

  /** Posts a message and waits for an answer of the given type about the same game. */
  private ask(m: Message, answer: Message['type'], waitMs: number): Promise<boolean> {
    const channel = this.opts.channel;
    if (!channel) return Promise.resolve(false);
    return new Promise((resolve) => {
      const done = (yes: boolean) => {
        clearTimeout(timer);
        this.listeners.delete(listen);
        resolve(yes);
      };
      const listen = (reply: Message) => {
        if (reply.type === answer && reply.game === m.game) done(true);
      };
      const timer = setTimeout(() => done(false), waitMs);
      this.listeners.add(listen);
      channel.postMessage(m);
    });
  }

  private heard(m: Message) {
    for (const l of this.listeners) l(m);
    if (!this.held.has(m.game)) return;
    if (m.type === 'who-holds') this.opts.channel?.postMessage({ type: 'held', game: m.game, from: this.id });
    if (m.type === 'take') void this.letGo(m.game);
  }

  private async letGo(game: string) {
    const release = this.held.get(game);
    this.held.delete(game);
    this.opts.lost(game); // no move is taken here from now on
    try {
      await this.opts.letGo(game);
    } finally {
      release?.();
      this.opts.channel?.postMessage({ type: 'released', game, from: this.id });
    }
  }
}

/** This browser's coordination: Web Locks where there are any, the channel where there is one. */
export function browserTabGames(letGo: TabOptions['letGo'], lost: TabOptions['lost']): TabGames {
  const locks = (globalThis.navigator as { locks?: Locks } | undefined)?.locks ?? null;
  const channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(CHANNEL) : null;
  return new TabGames({ locks, channel, letGo, lost });
}
