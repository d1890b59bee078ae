// One online game: a Colyseus room that holds the game's record (scenario, seed, setup, moves), its
// seats and their connections — never a rule. Each message is parsed with its zod schema, then
// handed to the engine's reducer; an accepted move is written to the durable log before anyone hears
// of it, then every seat receives the engine's view for its side (the public view for an observer).
// The seed and the random streams stay here until the game is over. A side may have several
// members (a team) sharing a draft of their orders; a seat left empty can be handed to the computer
// and is taken back by its team at the next phase.
import { type Client, matchMaker, Room, ServerError } from '@colyseus/core';
import { chooseMove, defaultSeat } from '../ai/index.ts';
import type { BySide, GameState, Move, Order, Scenario, Side } from '../engine/index.ts';
import {
  applyMove,
  proposalCandidates,
  replay,
  rulesFor,
  SIDES,
  singleOrders,
  viewFor,
  waitingOn,
} from '../engine/index.ts';
import type { Rules } from '../engine/rules.ts';
import { signedText } from '../net/game-signature.ts';
import {
  CreateOptionsSchema,
  DraftMessageSchema,
  type Finished,
  HandoverMessageSchema,
  JoinOptionsSchema,
  MESSAGE_CAP,
  MoveMessageSchema,
  type Refused,
  type RoomListing,
  type SeatName,
  type SeatUpdate,
  type SideStatus,
  type Welcome,
} from '../net/protocol.ts';
import { gameChanged } from './class-hooks.ts';
import { makeCode, makeSeed, makeToken } from './codes.ts';
import {
  LOG_FORMAT,
  LOG_VERSION,
  type LoggedGame,
  type LogHeader,
  type LogLine,
  readLogged,
  recordOfLog,
} from './game-log.ts';
import { moveTimes, type RoomServices, roomServices } from './services.ts';

const SIDE_NAME: BySide<string> = { us: 'Washington', cn: 'Beijing' };

interface Member {
  readonly token: string;
  readonly seat: SeatName;
  readonly name: string;
  readonly clients: Set<string>; // session ids connected as this member
  dropped: number | null; // when its last connection dropped (ms), while it may come back
}

interface Bucket {
  tokens: number;
  at: number;
  warned: number;
}

/** What onAuth hands to onJoin. */
interface Admission {
  readonly member: Member;
  readonly fresh: boolean; // a seat given now (logged already)
}

/** The client a move came from, and its number for it: the answer is that client's update. */
interface Answer {
  readonly session: string;
  readonly seq: number;
}

/** Options the server passes to restore a logged game (never a client's). */
interface RestoreOptions {
  readonly restore: string;
}
const isRestore = (o: unknown): o is RestoreOptions =>
  typeof o === 'object' && o !== null && typeof (o as { restore?: unknown }).restore === 'string';

export class GameRoom extends Room {
  #svc!: RoomServices;
  #scenario!: Scenario;
  #rules!: Rules;
  #header!: LogHeader;
  #state!: GameState;
  #moves: Move[] = [];
  readonly #members = new Map<string, Member>(); // by token
  readonly #bySession = new Map<string, Member>();
  readonly #buckets = new Map<string, Bucket>();
  #ai: BySide<number | null> = { us: null, cn: null };
  #aiBack: BySide<string | null> = { us: null, cn: null }; // the phase at whose end a team takes its seat back
  #drafts: BySide<{ orders: readonly Order[]; by: string } | null> = { us: null, cn: null };
  #submittedBy: BySide<string | null> = { us: null, cn: null };
  #queue: Promise<unknown> = Promise.resolve();
  #aiTimer: ReturnType<typeof setTimeout> | null = null;
  #finished = false;

  get code() {
    return this.#header.room.code;
  }

  /** For a class's dashboard: the game as this room holds it (never sent to a seat as it is). */
  snapshot() {
    return {
      header: this.#header,
      scenario: this.#scenario,
      state: this.#state,
      moves: this.#moves as readonly Move[],
      seats: { us: this.#status('us'), cn: this.#status('cn') },
      drafts: this.#drafts,
      finished: this.#finished,
    };
  }

  /**
   * The server's own moves (an instructor's inject, a clock that ran out, the end of a class): one
   * job in the room's queue, so no player's move lands between two of them. `next` names each move
   * in turn from the state (null: done); each is applied like a player's, logged and told to all.
   */
  control(
    next: (s: GameState, drafts: BySide<readonly Order[] | null>) => Move | null,
  ): Promise<Refused | null> {
    return new Promise((resolve) => {
      this.#enqueue(async () => {
        let refused: Refused | null = null;
        for (let i = 0; i < 2000 && !this.#finished; i++) {
          const move = next(this.#state, {
            us: this.#drafts.us?.orders ?? null,
            cn: this.#drafts.cn?.orders ?? null,
          });
          if (!move) break;
          refused = await this.#apply(move, move.side, 'the instructor', true);
          if (refused) break;
        }
        resolve(refused);
      });
    });
  }

  /**
   * A seat the server makes (a class's late joiner, named by the class): logged like any seat. On a
   * side the computer holds, the student takes it over at the next phase once connected.
   */
  async addSeat(side: Side, name: string): Promise<string> {
    const member: Member = { token: makeToken(), seat: side, name, clients: new Set(), dropped: null };
    await this.#append({ seat: { token: member.token, side, name } });
    this.#members.set(member.token, member);
    this.#broadcastUpdates();
    return member.token;
  }

  // ---------------------------------------------------------------------------------------------
  // Life cycle

  override async onCreate(options: unknown) {
    this.#svc = roomServices();
    this.autoDispose = false; // a game waits for its players however long the grace period is
    this.maxClients = 64;
    this.maxMessagesPerSecond = this.#svc.limits.hardPerSecond;
    // The game travels in messages, not in Colyseus' synchronised state: the patch timer only ticks
    // the room's clock (the grace check, the hard rate limit's one-second window), so four times a
    // second is enough — at Colyseus' default twenty, 200 idle rooms cost 4,000 wake-ups a second.
    this.patchRate = 250;
    if (isRestore(options)) await this.#restore(options.restore);
    else await this.#start(options);
    this.roomId = this.code;
    await this.#list();

    this.onMessage('move', (client, data) => this.#guard(client, data, () => this.#onMove(client, data)));
    this.onMessage('draft', (client, data) => this.#guard(client, data, () => this.#onDraft(client, data)));
    this.onMessage('handover', (client, data) =>
      this.#guard(client, data, () => this.#onHandover(client, data)),
    );
    this.onMessage('*', (client, type) =>
      this.#guard(client, null, () =>
        this.#refuse(client, {
          code: 'UNKNOWN_MESSAGE',
          reason: `There is no message “${String(type).slice(0, 40)}”.`,
        }),
      ),
    );
    this.clock.setInterval(() => this.#expireGrace(), 15_000);
    this.#svc.log.info('room-open', {
      code: this.code,
      scenario: this.#header.scenarioId,
      moves: this.#moves.length,
    });
    this.#kickAi();
  }

  override async onAuth(_client: Client, raw: unknown): Promise<Admission> {
    const parsed = JoinOptionsSchema.safeParse(stripCreate(raw));
    if (!parsed.success) throw new ServerError(400, 'The join options are not understood.');
    const o = parsed.data;
    if (o.token) {
      const m = this.#members.get(o.token);
      if (m) return { member: m, fresh: false };
      throw new ServerError(403, 'This seat token does not belong to this game.');
    }
    const seat = o.side;
    if (!seat) throw new ServerError(400, 'Choose Washington, Beijing or to watch.');
    if (seat !== 'observer') {
      const taken = [...this.#members.values()].some((m) => m.seat === seat);
      if (taken && o.team !== this.#header.room.teams[seat])
        throw new ServerError(
          409,
          `${SIDE_NAME[seat]} is taken. To join its team, use the team link one of its members can give you; or watch.`,
        );
    }
    const count = [...this.#members.values()].filter((m) => m.seat === seat).length;
    const name =
      o.name || (seat === 'observer' ? `Observer ${count + 1}` : `${SIDE_NAME[seat]} ${count + 1}`);
    const member: Member = { token: makeToken(), seat, name, clients: new Set(), dropped: null };
    await this.#append({ seat: { token: member.token, side: seat, name } });
    this.#members.set(member.token, member);
    if (seat !== 'observer') await this.#list();
    return { member, fresh: true };
  }

  override onJoin(client: Client, _options: unknown, auth: Admission) {
    const m = auth.member;
    this.#attach(client, m);
    const side = m.seat === 'observer' ? null : m.seat;
    const view = viewFor(this.#scenario, this.#state, side ?? 'public');
    const welcome: Welcome = {
      code: this.code,
      token: m.token,
      seat: m.seat,
      name: m.name,
      team: side ? this.#header.room.teams[side] : null,
      scenarioHash: this.#header.scenarioHash,
      graceMinutes: this.#header.room.graceMinutes,
      scenario: view.scenario,
      mine: view.mine,
    };
    client.send('welcome', welcome);
    if (side && this.#ai[side] !== null && this.#aiBack[side] === null) this.#aiBack[side] = this.#phaseKey();
    this.#svc.log.info('join', { code: this.code, seat: m.seat, fresh: auth.fresh });
    this.#broadcastUpdates();
    if (this.#finished) client.send('finished', this.#finishedMessage());
  }

  override onDrop(client: Client) {
    const m = this.#bySession.get(client.sessionId);
    if (m) this.#detach(client.sessionId, m);
    this.#broadcastUpdates();
    // the same connection may come back within the grace period (a dropped network); past it, or
    // when the seat is taken back by its token from a new page, the wait simply ends
    this.allowReconnection(client, this.#header.room.graceMinutes * 60).catch(() => undefined);
  }

  override onReconnect(client: Client) {
    const m =
      [...this.#members.values()].find((x) => x.clients.has(client.sessionId)) ?? this.#dropped(client);
    if (m) this.#attach(client, m);
    this.#broadcastUpdates();
  }

  override onLeave(client: Client) {
    const m = this.#bySession.get(client.sessionId);
    if (m) this.#detach(client.sessionId, m);
    this.#lastSession.delete(client.sessionId);
    this.#buckets.delete(client.sessionId);
    this.#broadcastUpdates();
    if (this.#finished && this.clients.length === 0) void this.disconnect();
  }

  override async onDispose() {
    if (this.#aiTimer) clearTimeout(this.#aiTimer);
    this.#aiTimer = null;
    await this.#queue.catch(() => undefined);
    this.#svc.log.info('room-closed', { code: this.code, moves: this.#moves.length, over: this.#finished });
  }

  // ---------------------------------------------------------------------------------------------
  // Starting and restoring

  async #start(raw: unknown) {
    const parsed = CreateOptionsSchema.safeParse(raw);
    if (!parsed.success) throw new ServerError(400, 'The game options are not understood.');
    const o = parsed.data;
    const scenario = this.#svc.scenarios.get(o.scenarioId);
    const hash = this.#svc.hashes.get(o.scenarioId);
    if (!scenario || !hash) throw new ServerError(404, `This server has no scenario “${o.scenarioId}”.`);
    const seed = makeSeed();
    const setup = {
      seats: { us: { kind: 'human' as const }, cn: { kind: 'human' as const } },
      randomEvents: o.randomEvents,
      leverage: o.leverage,
    };
    for (let attempt = 0; attempt < 20; attempt++) {
      const header: LogHeader = {
        format: LOG_FORMAT,
        version: LOG_VERSION,
        scenarioId: scenario.id,
        scenarioHash: hash,
        seed,
        setup,
        room: {
          code: makeCode(),
          teams: { us: makeToken(), cn: makeToken() },
          graceMinutes: o.graceMinutes,
          created: new Date().toISOString(),
        },
      };
      if (await this.#svc.store.create(header.room.code, header)) {
        this.#load(scenario, { header, moves: [], seats: [], handovers: { us: null, cn: null } });
        return;
      }
    }
    throw new ServerError(503, 'No free room code was found: try again.');
  }

  async #restore(code: string) {
    // a room code names one room: never a second copy of a game that is open
    if ((await matchMaker.query({ roomId: code })).length > 0)
      throw new ServerError(409, `The game ${code} is already open.`);
    const g = await readLogged(this.#svc.store, code);
    if ('reason' in g) throw new ServerError(404, `The game ${code} cannot be restored: ${g.reason}.`);
    const scenario = this.#svc.scenarios.get(g.header.scenarioId);
    if (!scenario || this.#svc.hashes.get(scenario.id) !== g.header.scenarioHash)
      throw new ServerError(409, `The game ${code} was played on a scenario this server does not have.`);
    this.#load(scenario, g);
  }

  #load(scenario: Scenario, g: LoggedGame) {
    this.#scenario = scenario;
    this.#rules = rulesFor(scenario);
    this.#header = g.header;
    const r = replay(scenario, g.header.seed, g.header.setup, g.moves, true);
    if (!r.ok) throw new ServerError(409, `The game ${g.header.room.code} does not replay: ${r.reason}`);
    this.#state = r.state;
    this.#moves = [...g.moves];
    for (const s of g.seats)
      this.#members.set(s.token, {
        token: s.token,
        seat: s.side,
        name: s.name,
        clients: new Set(),
        dropped: null,
      });
    this.#ai = { ...g.handovers };
    // Who submitted this turn's orders, from the states the replay kept.
    const states = r.states ?? [];
    for (let i = g.moves.length - 1; i >= 0; i--) {
      if (states[i]?.round.turn !== this.#state.round.turn) break;
      const m = g.moves[i]!;
      if (m.type === 'orders') this.#submittedBy[m.side] = m.ai ? 'the computer' : SIDE_NAME[m.side];
    }
    this.#finished = this.#state.round.phase === 'over';
  }

  // ---------------------------------------------------------------------------------------------
  // Messages

  /** The size cap and the rate limit, before any handler; a handler's failure is logged, never thrown. */
  #guard(client: Client, data: unknown, handle: () => void) {
    const now = Date.now();
    const { burst, perSecond } = this.#svc.limits;
    const b = this.#buckets.get(client.sessionId) ?? { tokens: burst, at: now, warned: 0 };
    b.tokens = Math.min(burst, b.tokens + ((now - b.at) / 1000) * perSecond);
    b.at = now;
    this.#buckets.set(client.sessionId, b);
    if (b.tokens < 1) {
      if (now - b.warned > 1000) {
        b.warned = now;
        this.#svc.log.warn('rate-limited', { code: this.code, session: client.sessionId });
        this.#refuse(client, { code: 'RATE', reason: 'Too many messages: some were dropped. Slow down.' });
      }
      return;
    }
    b.tokens -= 1;
    let size = 0;
    try {
      size = JSON.stringify(data ?? null).length;
    } catch {
      size = Number.POSITIVE_INFINITY;
    }
    if (size > MESSAGE_CAP) {
      this.#svc.log.warn('too-large', { code: this.code, session: client.sessionId, size });
      this.#refuse(client, {
        code: 'TOO_LARGE',
        reason: `A message may hold at most ${MESSAGE_CAP} characters.`,
      });
      return;
    }
    try {
      handle();
    } catch (e) {
      this.#svc.log.warn('handler-error', { code: this.code, error: String(e).slice(0, 200) });
      this.#refuse(client, { code: 'ERROR', reason: 'The server could not handle that message.' });
    }
  }

  #onMove(client: Client, data: unknown) {
    const t0 = performance.now();
    const parsed = MoveMessageSchema.safeParse(data);
    if (!parsed.success) {
      this.#malformed(client, 'move', parsed.error.issues[0]?.message);
      return;
    }
    const { move, seq } = parsed.data;
    const m = this.#bySession.get(client.sessionId);
    if (!m || m.seat === 'observer') {
      this.#refuse(client, {
        code: 'OBSERVER',
        reason: 'An observer watches: it makes no moves.',
        ...seqOf(seq),
      });
      return;
    }
    if (move.side !== m.seat) {
      this.#refuse(client, {
        code: 'NOT_YOUR_SIDE',
        reason: `You play ${SIDE_NAME[m.seat]}: that move is ${SIDE_NAME[move.side]}'s.`,
        ...seqOf(seq),
      });
      return;
    }
    this.#enqueue(async () => {
      // accepted, the mover's own update carries its seq: that is its answer (no message more)
      const answer = seq === undefined ? undefined : { session: client.sessionId, seq };
      const r = await this.#apply(move as Move, m.seat as Side, m.name, false, answer);
      if (r) this.#refuse(client, { ...r, ...seqOf(seq) });
      moveTimes.record(Math.max(1, Math.round((performance.now() - t0) * 1000)));
    });
  }

  #onDraft(client: Client, data: unknown) {
    const parsed = DraftMessageSchema.safeParse(data);
    if (!parsed.success) {
      this.#malformed(client, 'draft', parsed.error.issues[0]?.message);
      return;
    }
    const m = this.#bySession.get(client.sessionId);
    if (!m || m.seat === 'observer') {
      this.#refuse(client, { code: 'OBSERVER', reason: 'An observer has no orders to draft.' });
      return;
    }
    const side = m.seat;
    if (this.#state.round.phase !== 'orders' || this.#state.round.drafts[side] !== null) {
      this.#refuse(client, { code: 'WRONG_PHASE', reason: 'There are no orders to draft now.' });
      return;
    }
    // zod's optional fields admit `undefined`; the engine checks the orders when they are sent
    this.#drafts[side] = { orders: parsed.data.orders as readonly Order[], by: m.name };
    this.#broadcastUpdates(side);
  }

  #onHandover(client: Client, data: unknown) {
    const parsed = HandoverMessageSchema.safeParse(data);
    if (!parsed.success) {
      this.#malformed(client, 'handover', parsed.error.issues[0]?.message);
      return;
    }
    const { side, level } = parsed.data;
    const m = this.#bySession.get(client.sessionId);
    if (!m || m.seat === 'observer') {
      this.#refuse(client, { code: 'OBSERVER', reason: 'Only a player can hand a seat to the computer.' });
      return;
    }
    if (this.#connected(side)) {
      this.#refuse(client, {
        code: 'SEAT_TAKEN',
        reason: `${SIDE_NAME[side]} is at the table: its seat is not empty.`,
      });
      return;
    }
    if (this.#finished) {
      this.#refuse(client, { code: 'GAME_OVER', reason: 'The game is over.' });
      return;
    }
    this.#enqueue(async () => {
      await this.#append({ handover: { side, level } });
      this.#ai[side] = level;
      this.#aiBack[side] = null;
      this.#svc.log.info('handover', { code: this.code, side, level });
      this.#broadcastUpdates();
      this.#kickAi();
    });
  }

  #malformed(client: Client, kind: string, detail: string | undefined) {
    this.#svc.log.warn('malformed', { code: this.code, session: client.sessionId, kind });
    this.#refuse(client, {
      code: 'MALFORMED',
      reason: `That ${kind} is not understood${detail ? ` (${detail})` : ''}.`,
    });
  }

  #refuse(client: Client, r: Refused) {
    client.send('refused', r);
  }

  // ---------------------------------------------------------------------------------------------
  // The game

  #enqueue(work: () => Promise<void>) {
    this.#queue = this.#queue.then(work).catch((e: unknown) => {
      this.#svc.log.warn('queue-error', { code: this.code, error: String(e).slice(0, 300) });
    });
  }

  /**
   * Applies a move through the engine: logged, then told to every seat (`answer`: the session whose
   * message it was hears its seq in its update). Returns the refusal, if any.
   */
  async #apply(
    move: Move,
    side: Side | 'control',
    by: string,
    server = false,
    answer?: Answer,
  ): Promise<Refused | null> {
    if (side !== 'control' && !server && this.#ai[side] !== null && !move.ai)
      return {
        code: 'COMPUTER_PLAYS',
        reason: `The computer plays ${SIDE_NAME[side]} until the end of this phase; your team takes it back then.`,
      };
    const r = applyMove(this.#scenario, this.#state, move);
    if (!r.ok) {
      const who = side === 'control' ? null : this.#submittedBy[side];
      if (side !== 'control' && r.code === 'ALREADY_SUBMITTED' && who)
        return {
          code: r.code,
          reason: `${who} has already submitted ${SIDE_NAME[side]}'s orders this turn.`,
        };
      return { code: r.code, reason: r.reason };
    }
    await this.#append(move); // durable before anyone hears of it
    const before = this.#state;
    this.#state = r.state;
    this.#moves.push(move);
    if (move.type === 'orders') {
      this.#submittedBy[move.side] = by;
      this.#drafts[move.side] = null;
    }
    if (r.state.round.turn !== before.round.turn) {
      this.#submittedBy = { us: null, cn: null };
      this.#drafts = { us: null, cn: null };
    }
    await this.#handBack();
    if (r.state.round.phase === 'over') await this.#finish();
    this.#broadcastUpdates(undefined, answer);
    if (this.#finished) this.broadcast('finished', this.#finishedMessage());
    else this.#kickAi();
    return null;
  }

  /** At a new phase, a team back at the table takes its seat back from the computer. */
  async #handBack() {
    for (const side of SIDES) {
      const at = this.#aiBack[side];
      if (this.#ai[side] === null || at === null || at === this.#phaseKey()) continue;
      if (!this.#connected(side)) continue;
      await this.#append({ handover: { side, level: null } });
      this.#ai[side] = null;
      this.#aiBack[side] = null;
    }
  }

  #phaseKey = () => `${this.#state.round.turn}:${this.#state.round.phase}`;

  /** The finished game's record, signed with the server's key. */
  #finishedMessage(): Finished {
    const record = recordOfLog({ header: this.#header, moves: this.#moves });
    return { record, signature: this.#svc.signer.sign(signedText(record)) };
  }

  async #finish() {
    if (this.#finished) return;
    this.#finished = true;
    await this.#svc.store.finish(this.code);
    await this.#list();
    this.#svc.log.info('game-over', { code: this.code, moves: this.#moves.length });
  }

  /** The computer's next move, after a short pause, when it plays a side the game waits on. */
  #kickAi() {
    if (this.#aiTimer || this.#finished) return;
    const side = SIDES.find((s) => this.#ai[s] !== null && waitsOn(this.#state, s));
    if (!side) return;
    // a timer of its own: the room's clock ticks only with the patch timer, too seldom for this pause
    this.#aiTimer = setTimeout(() => {
      this.#aiTimer = null;
      this.#enqueue(async () => {
        const level = this.#ai[side];
        if (level === null || !waitsOn(this.#state, side) || this.#finished) return;
        const seat = { profile: defaultSeat(this.#scenario, side).profile, level };
        const move = chooseMove(this.#scenario, this.#state, side, seat);
        const refused = await this.#apply(move, side, 'the computer');
        if (refused) this.#svc.log.warn('ai-refused', { code: this.code, side, reason: refused.reason });
        this.#kickAi();
      });
    }, this.#svc.limits.aiDelayMs);
  }

  async #append(line: LogLine) {
    await this.#svc.store.append(this.code, line);
  }

  // ---------------------------------------------------------------------------------------------
  // Seats and what each receives

  readonly #lastSession = new Map<string, Member>(); // a dropped session's member, for onReconnect

  #attach(client: Client, m: Member) {
    m.clients.add(client.sessionId);
    m.dropped = null;
    this.#bySession.set(client.sessionId, m);
    this.#lastSession.set(client.sessionId, m);
  }

  #detach(sessionId: string, m: Member) {
    m.clients.delete(sessionId);
    this.#bySession.delete(sessionId);
    if (m.clients.size === 0) m.dropped = Date.now();
  }

  #dropped(client: Client) {
    return this.#lastSession.get(client.sessionId);
  }

  #connected(side: Side) {
    return [...this.#members.values()].some((m) => m.seat === side && m.clients.size > 0);
  }

  /** Forgets a "reconnecting" once the grace period is over, and tells everyone. */
  #expireGrace() {
    const grace = this.#header.room.graceMinutes * 60_000;
    let changed = false;
    for (const m of this.#members.values())
      if (m.dropped !== null && Date.now() - m.dropped > grace) {
        m.dropped = null;
        changed = true;
      }
    if (changed) this.#broadcastUpdates();
  }

  /** The room's listing: its scenario, the sides still free, whether the game is over. */
  async #list() {
    const listing: RoomListing = {
      scenarioId: this.#header.scenarioId,
      free: SIDES.filter((side) => ![...this.#members.values()].some((m) => m.seat === side)),
      over: this.#finished,
    };
    await this.setMetadata(listing);
  }

  #status(side: Side): SideStatus {
    const members = [...this.#members.values()].filter((m) => m.seat === side);
    const connected = members.some((m) => m.clients.size > 0);
    return {
      members: members.map((m) => ({ name: m.name, connected: m.clients.size > 0 })),
      reconnecting: !connected && members.some((m) => m.dropped !== null),
      ai: this.#ai[side],
      free: members.length === 0,
    };
  }

  /** Sends every connected seat (or only one side's) what it may see now. */
  #broadcastUpdates(only?: Side, answer?: Answer) {
    if (!this.#scenario) return;
    gameChanged(this.code);
    const seats = { us: this.#status('us'), cn: this.#status('cn') };
    const bySeat = new Map<SeatName, SeatUpdate>();
    for (const client of this.clients) {
      const m = this.#bySession.get(client.sessionId);
      if (!m || (only && m.seat !== only)) continue;
      let u = bySeat.get(m.seat);
      if (!u) {
        u = this.#updateFor(m.seat, seats);
        bySeat.set(m.seat, u);
      }
      client.send('update', answer?.session === client.sessionId ? { ...u, seq: answer.seq } : u);
    }
  }

  #updateFor(seat: SeatName, seats: BySide<SideStatus>): SeatUpdate {
    const side = seat === 'observer' ? null : seat;
    const v = viewFor(this.#scenario, this.#state, side ?? 'public');
    const { seed: _seed, ...meta } = v.state.meta;
    const state = this.#finished ? v.state : { ...v.state, meta };
    const s = this.#state;
    const canOrder =
      side !== null && s.round.phase === 'orders' && s.round.drafts[side] === null && this.#ai[side] === null;
    const canPropose =
      side !== null &&
      s.round.phase === 'talks' &&
      s.round.talks.toMove === side &&
      s.round.talks.open === null &&
      this.#ai[side] === null;
    return {
      state,
      leverage: v.leverage,
      seats,
      moveCount: this.#moves.length,
      draft: side ? this.#drafts[side] : null,
      submittedBy: side ? this.#submittedBy[side] : null,
      choices: canOrder ? singleOrders(this.#rules, s, side) : [],
      proposals: canPropose ? proposalCandidates(this.#rules, s, side).slice(0, 6) : [],
    };
  }
}

/** Whether the game waits on this side now. */
const waitsOn = (s: GameState, side: Side) => waitingOn(s, { order: [side], seats: 'any' }) === side;

const seqOf = (seq: number | undefined) => (seq === undefined ? {} : { seq });

/** A creator's options hold the game's settings too: only the seat's fields are join options. */
function stripCreate(raw: unknown): unknown {
  if (typeof raw !== 'object' || raw === null) return raw;
  const { token, side, team, name } = raw as Record<string, unknown>;
  return Object.fromEntries(Object.entries({ token, side, team, name }).filter(([, v]) => v !== undefined));
}
