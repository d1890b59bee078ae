// An instructor's class: students join with a class code and a display name, the instructor pairs
// them into games (automatically or by hand), starts them, sets the phase clocks, pauses, injects
// the scenario's control events and ends every game fairly; the dashboard reads every game's state
// from its room. The games themselves are ordinary game rooms (the engine stays the authority); a
// class only writes their logs' first lines (seed, seats, computer sides) and then moves through
// each room's `control`, so every move it makes is logged and replayed like a player's. Everything
// the class decides is in its own log (class-log.ts), so it survives a server restart.
import { matchMaker } from '@colyseus/core';
import type { BySide, GameState, Move, Order, Scenario, Side } from '../engine/index.ts';
import {
  checkMove,
  isNewsText,
  rulesFor,
  SIDES,
  score,
  standing,
  viewFor,
  waitingOn,
} from '../engine/index.ts';
import { dateOf, type Rules } from '../engine/rules.ts';
import type { DashboardRow, StudentView } from '../net/class-protocol.ts';
import { GAME_ROOM } from '../net/protocol.ts';
import { classDebrief } from '../present/class-debrief.ts';
import { type ReasonLine, reasoningByTurn } from '../present/class-reasoning.ts';
import type { GameSummary } from '../present/class-summary.ts';
import { summariesCsv, summariseRecord } from '../present/class-summary.ts';
import { fmtDate, newsLine } from '../present/text.ts';
import { watchGames } from './class-hooks.ts';
import {
  CLASS_FORMAT,
  type ClassHeader,
  type ClassLine,
  type ClassLogStore,
  type ClassSettings,
  type Clocks,
  type Pairing,
} from './class-log.ts';
import { isCode, makeCode, makeSeed, makeToken } from './codes.ts';
import { LOG_FORMAT, LOG_VERSION, type LogHeader, type LogStore, parseLog, recordOfLog } from './game-log.ts';
import type { GameRoom } from './game-room.ts';
import { HttpError } from './http.ts';

/** A refusal the instructor or a student reads as it is. */
export class ClassError extends HttpError {}

const SIDE_NAME: BySide<string> = { us: 'Washington', cn: 'Beijing' };
const LETTERS = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
export const letterOf = (i: number) =>
  i < LETTERS.length
    ? (LETTERS[i] ?? '?')
    : `${LETTERS[Math.floor(i / LETTERS.length) - 1]}${LETTERS[i % LETTERS.length]}`;
const MINUTE = 60_000;
const EXPIRES_MS = 24 * 60 * MINUTE; // a class code is good for a day

interface ClassGame {
  pairing: Pairing;
  code: string | null; // the game room's code, once started
  seats: Record<string, string>; // class token → game seat token
  clocks: Clocks | null; // this game's own clocks (else the class's)
  phaseKey: string;
  phaseSince: number;
  deadline: number | null;
  left: number | null; // ms left on the clock while paused
  warned: boolean;
  toldAt: number; // when the clock was last told to the game's seats
  ended: { turn: number; of: number } | null;
  reasons: Map<string, ReasonLine>; // "3:us": a team's line of reasoning for turn 3 (the last kept)
}

interface LiveClass {
  readonly header: ClassHeader;
  readonly students: Map<string, { readonly token: string; readonly name: string }>;
  games: ClassGame[];
  clocks: Clocks;
  paused: number | null;
  end: { at: number; closeAt: number } | null;
  briefing: { endsAt: number; ready: Set<string> } | null; // "A:us": that team has marked itself ready
  closed: boolean;
}

export interface ClassesConfig {
  readonly store: ClassLogStore;
  readonly games: LogStore;
  readonly scenarios: ReadonlyMap<string, Scenario>;
  readonly hashes: ReadonlyMap<string, string>;
  readonly tickMs?: number;
  readonly now?: () => number;
}

function room(code: string): GameRoom | null {
  return (matchMaker.getLocalRoomById(code) as GameRoom | undefined) ?? null;
}

const phaseKey = (s: GameState) => `${s.round.turn}:${s.round.phase}`;

/** Every class this server process holds. */
export class Classes {
  readonly #cfg: ClassesConfig;
  readonly #classes = new Map<string, LiveClass>();
  readonly #rules = new Map<string, Rules>();
  readonly #standing = new Map<string, { moves: number; value: BySide<number | null> }>();
  readonly #timer: ReturnType<typeof setInterval>;
  readonly #unwatch: () => void;
  #busy = new Set<string>(); // games a clock or the end is moving now

  constructor(cfg: ClassesConfig) {
    this.#cfg = cfg;
    this.#timer = setInterval(() => this.tick(), cfg.tickMs ?? 500);
    this.#unwatch = watchGames((code) => this.#changed(code));
  }

  #now() {
    return this.#cfg.now?.() ?? Date.now();
  }

  #rulesOf(id: string): Rules {
    let r = this.#rules.get(id);
    if (!r) {
      const s = this.#cfg.scenarios.get(id);
      if (!s) throw new ClassError(404, `This server has no scenario “${id}”.`);
      r = rulesFor(s);
      this.#rules.set(id, r);
    }
    return r;
  }

  close() {
    clearInterval(this.#timer);
    this.#unwatch();
  }

  // ---------------------------------------------------------------------------------------------
  // Restoring

  /** Rebuilds every class from its log (after a restart); the game rooms restore from their own. */
  async restore(): Promise<string[]> {
    const out: string[] = [];
    for (const { header, lines } of await this.#cfg.store.all()) {
      const c = this.#fresh(header);
      for (const line of lines) this.#applyLine(c, line);
      this.#classes.set(header.code, c);
      out.push(header.code);
    }
    return out;
  }

  #fresh(header: ClassHeader): LiveClass {
    return {
      header,
      students: new Map(),
      games: [],
      clocks: { talks: null, orders: null },
      paused: null,
      end: null,
      briefing: null,
      closed: false,
    };
  }

  #game(p: Pairing): ClassGame {
    return {
      pairing: p,
      code: null,
      seats: {},
      clocks: null,
      phaseKey: '',
      phaseSince: this.#now(),
      deadline: null,
      left: null,
      warned: false,
      toldAt: 0,
      ended: null,
      reasons: new Map(),
    };
  }

  /** One line of the class log applied to the class in memory (when written and when replayed). */
  #applyLine(c: LiveClass, line: ClassLine) {
    if ('join' in line) c.students.set(line.join.token, line.join);
    else if ('pair' in line) {
      const started = c.games.filter((g) => g.code !== null);
      c.games = [...started, ...line.pair.games.map((p) => this.#game(p))];
    } else if ('start' in line) {
      const g = c.games.find((x) => x.pairing.letter === line.start.letter);
      if (g) {
        g.code = line.start.code;
        g.seats = { ...line.start.seats };
      }
    } else if ('late' in line) {
      const { token, letter, side, seat } = line.late;
      const g = c.games.find((x) => x.pairing.letter === letter);
      if (g) {
        g.pairing = { ...g.pairing, [side]: [...g.pairing[side], token] };
        g.seats = { ...g.seats, [token]: seat };
      }
    } else if ('reason' in line) {
      const { letter, side, turn, text } = line.reason;
      c.games.find((x) => x.pairing.letter === letter)?.reasons.set(`${turn}:${side}`, { turn, side, text });
    } else if ('briefing' in line) {
      c.briefing = { endsAt: line.briefing.endsAt, ready: new Set() };
      for (const g of c.games) {
        g.deadline = null; // the phase clocks wait for the briefing's end
        g.left = null;
      }
    } else if ('ready' in line) c.briefing?.ready.add(`${line.ready.letter}:${line.ready.side}`);
    else if ('briefed' in line) {
      c.briefing = null;
      for (const g of c.games) g.phaseKey = ''; // the phase clocks start now
    } else if ('clocks' in line) {
      const { letter, clocks } = line.clocks;
      if (letter === null) {
        c.clocks = clocks;
        for (const g of c.games) g.clocks = null;
      } else {
        const g = c.games.find((x) => x.pairing.letter === letter);
        if (g) g.clocks = clocks;
      }
      for (const g of c.games) g.phaseKey = ''; // the new clock starts now
    } else if ('pause' in line) c.paused = line.pause.at;
    else if ('resume' in line) {
      // the briefing's time stood still while the class was paused
      if (c.briefing && c.paused !== null) c.briefing.endsAt += line.resume.at - c.paused;
      c.paused = null;
    } else if ('end' in line) c.end = line.end;
    else if ('ended' in line) {
      const g = c.games.find((x) => x.pairing.letter === line.ended.letter);
      if (g) g.ended = { turn: line.ended.turn, of: line.ended.of };
      if (c.games.every((x) => x.code === null || x.ended)) c.closed = true;
    }
  }

  async #write(c: LiveClass, line: ClassLine) {
    await this.#cfg.store.append(c.header.code, line);
    this.#applyLine(c, line);
  }

  // ---------------------------------------------------------------------------------------------
  // The class

  /** A class by its code, as a student typed it; a plain sentence when there is none. */
  /** The student a link's token belongs to. */
  #member(c: LiveClass, token: string) {
    const me = c.students.get(token);
    if (!me)
      throw new ClassError(
        403,
        'This link does not belong to anyone in this class: join again with the class code.',
      );
    return me;
  }

  /** The started game a student plays in. */
  #startedGameOf(c: LiveClass, token: string) {
    const g = c.games.find((x) => x.code && (x.pairing.us.includes(token) || x.pairing.cn.includes(token)));
    if (!g) throw new ClassError(409, 'You are not in a game yet.');
    return g;
  }

  #get(raw: string): LiveClass {
    const code = raw.trim().toUpperCase();
    const c = this.#classes.get(code);
    if (!c || !isCode(code))
      throw new ClassError(
        404,
        `No class has the code ${code || '(empty)'}: check the code on the board, or ask your instructor.`,
      );
    return c;
  }

  async create(settings: ClassSettings): Promise<{ code: string; seed: string | null }> {
    const scenario = this.#cfg.scenarios.get(settings.scenarioId);
    if (!scenario) throw new ClassError(404, `This server has no scenario “${settings.scenarioId}”.`);
    for (let attempt = 0; attempt < 20; attempt++) {
      const code = makeCode();
      if (this.#classes.has(code) || (await this.#cfg.games.read(code))) continue;
      const header: ClassHeader = {
        format: CLASS_FORMAT,
        version: 1,
        code,
        created: new Date(this.#now()).toISOString(),
        settings,
      };
      if (!(await this.#cfg.store.create(header))) continue;
      this.#classes.set(code, this.#fresh(header));
      return { code, seed: settings.seed };
    }
    throw new ClassError(503, 'No free class code was found: try again.');
  }

  async join(rawCode: string, rawName: string): Promise<{ code: string; token: string; name: string }> {
    const c = this.#get(rawCode);
    if (c.closed || c.end)
      throw new ClassError(410, 'This class has ended: ask your instructor for the next class code.');
    if (this.#now() - Date.parse(c.header.created) > EXPIRES_MS)
      throw new ClassError(
        410,
        `The class code ${c.header.code} has expired: ask your instructor for today's code.`,
      );
    const name = [...rawName]
      .filter((ch) => ch >= ' ' && ch !== '\u007f')
      .join('')
      .trim()
      .slice(0, 40);
    if (!name) throw new ClassError(400, 'Type a display name: your first name is enough.');
    const taken = [...c.students.values()].some((s) => s.name.toLowerCase() === name.toLowerCase());
    if (taken)
      throw new ClassError(
        409,
        `Someone in this class is already called ${name}: add an initial, or choose another name.`,
      );
    if (c.students.size >= c.header.settings.capacity)
      throw new ClassError(
        409,
        `This class is full (${c.header.settings.capacity} students): ask your instructor to make room.`,
      );
    const token = makeToken();
    await this.#write(c, { join: { token, name } });
    return { code: c.header.code, token, name };
  }

  /** What a student's page shows: their game, once paired and started (never the dashboard). */
  student(rawCode: string, token: string): StudentView {
    const c = this.#get(rawCode);
    const me = this.#member(c, token);
    const scenario = this.#cfg.scenarios.get(c.header.settings.scenarioId);
    const g = c.games.find((x) => x.pairing.us.includes(token) || x.pairing.cn.includes(token));
    const side: Side = g?.pairing.us.includes(token) ? 'us' : 'cn';
    const turn = g?.code ? room(g.code)?.snapshot().state.round.turn : undefined;
    return {
      name: me.name,
      className: scenario?.meta.title ?? c.header.settings.scenarioId,
      game: g
        ? {
            letter: g.pairing.letter,
            code: g.code,
            seat: g.seats[token] ?? null,
            side,
          }
        : null,
      closed: c.closed,
      reasons: c.header.settings.reasons === true,
      reason: g && turn !== undefined ? (g.reasons.get(`${turn}:${side}`)?.text ?? null) : null,
    };
  }

  /**
   * Pairs the students not yet in a started game: automatically (teams of `teamSize` a side, the
   * computer taking the empty side of an odd student's game) or as the instructor listed them.
   */
  async pair(
    rawCode: string,
    how:
      | { teamSize: number }
      | {
          games: readonly {
            us: readonly string[];
            cn: readonly string[];
            ai?: { us?: number | undefined; cn?: number | undefined } | undefined;
          }[];
        },
  ): Promise<readonly Pairing[]> {
    const c = this.#get(rawCode);
    this.#notEnded(c);
    const s = c.header.settings;
    const level = s.levels[0] ?? 2;
    const inStarted = new Set(
      c.games.filter((g) => g.code).flatMap((g) => [...g.pairing.us, ...g.pairing.cn]),
    );
    const free = [...c.students.values()].filter((x) => !inStarted.has(x.token));
    const first = c.games.filter((g) => g.code).length;
    let games: Pairing[];
    if ('teamSize' in how) {
      const t = how.teamSize;
      if (!Number.isInteger(t) || t < 1 || t > 4)
        throw new ClassError(400, 'A team has one to four students a side.');
      if (free.length === 0) throw new ClassError(409, 'No student is waiting to be paired.');
      const bothSides = s.sides === 'both';
      const count = Math.max(1, Math.ceil(free.length / (bothSides ? 2 * t : t)));
      const teams = Array.from({ length: count }, () => ({ us: [] as string[], cn: [] as string[] }));
      free.forEach((st, i) => {
        const side: Side = bothSides ? (i % 2 === 0 ? 'us' : 'cn') : s.sides === 'cn' ? 'cn' : 'us';
        const game = teams[(bothSides ? Math.floor(i / 2) : i) % count];
        game?.[side].push(st.token);
      });
      games = teams.map((t2, i) => ({
        letter: letterOf(first + i),
        us: t2.us,
        cn: t2.cn,
        ai: { us: t2.us.length ? null : level, cn: t2.cn.length ? null : level },
      }));
    } else {
      const byName = new Map([...c.students.values()].map((x) => [x.name.toLowerCase(), x.token]));
      const seen = new Set<string>();
      games = how.games.map((g, i) => {
        const tokens = (names: readonly string[]) =>
          names.map((n) => {
            const tok = byName.get(n.trim().toLowerCase());
            if (!tok) throw new ClassError(400, `No student in this class is called ${n}.`);
            if (inStarted.has(tok)) throw new ClassError(409, `${n} is already playing in a started game.`);
            if (seen.has(tok)) throw new ClassError(400, `${n} is listed twice.`);
            seen.add(tok);
            return tok;
          });
        const us = tokens(g.us);
        const cn = tokens(g.cn);
        const ai = { us: us.length ? null : (g.ai?.us ?? level), cn: cn.length ? null : (g.ai?.cn ?? level) };
        for (const side of SIDES) {
          const n = side === 'us' ? us.length : cn.length;
          if (n > 4) throw new ClassError(400, `Game ${letterOf(first + i)}: at most four students a side.`);
          const l = ai[side];
          if (l !== null && !s.levels.includes(l))
            throw new ClassError(
              400,
              `Computer level ${l} is not allowed in this class (allowed: ${s.levels.join(', ')}).`,
            );
        }
        if (!us.length && !cn.length)
          throw new ClassError(400, `Game ${letterOf(first + i)} has no student.`);
        return { letter: letterOf(first + i), us, cn, ai };
      });
    }
    await this.#write(c, { pair: { games } });
    return games;
  }

  #notEnded(c: LiveClass) {
    if (c.closed) throw new ClassError(409, 'This class has ended: its games are over.');
    if (c.end) throw new ClassError(409, 'The games are ending: nothing can change now.');
  }

  /** Starts one game (by letter) or every game not yet started. */
  async start(rawCode: string, letter?: string): Promise<string[]> {
    const c = this.#get(rawCode);
    this.#notEnded(c);
    const targets = letter ? [this.#byLetter(c, letter)] : c.games.filter((g) => g.code === null);
    if (letter && targets[0]?.code) throw new ClassError(409, `Game ${letter} has already started.`);
    if (!targets.length)
      throw new ClassError(409, 'Every game has started already: pair the students who joined since.');
    const s = c.header.settings;
    const scenario = this.#cfg.scenarios.get(s.scenarioId);
    const hash = this.#cfg.hashes.get(s.scenarioId);
    if (!scenario || !hash) throw new ClassError(404, `This server has no scenario “${s.scenarioId}”.`);
    const started: string[] = [];
    for (const g of targets) {
      let code: string | null = null;
      const seed = s.seed ?? makeSeed();
      for (let attempt = 0; attempt < 20 && !code; attempt++) {
        const header: LogHeader = {
          format: LOG_FORMAT,
          version: LOG_VERSION,
          scenarioId: scenario.id,
          scenarioHash: hash,
          seed,
          setup: {
            seats: { us: { kind: 'human' }, cn: { kind: 'human' } },
            randomEvents: s.randomEvents,
            leverage: s.leverage,
          },
          room: {
            code: makeCode(),
            teams: { us: makeToken(), cn: makeToken() },
            graceMinutes: 30,
            created: new Date(this.#now()).toISOString(),
          },
        };
        if (!this.#classes.has(header.room.code) && (await this.#cfg.games.create(header.room.code, header)))
          code = header.room.code;
      }
      if (!code) throw new ClassError(503, 'No free game code was found: try again.');
      const seats: Record<string, string> = {};
      for (const side of SIDES)
        for (const tok of g.pairing[side]) {
          seats[tok] = makeToken();
          const name = c.students.get(tok)?.name ?? SIDE_NAME[side];
          await this.#cfg.games.append(code, { seat: { token: seats[tok], side, name } });
        }
      for (const side of SIDES) {
        const level = g.pairing.ai[side];
        if (level !== null) await this.#cfg.games.append(code, { handover: { side, level } });
      }
      await matchMaker.createRoom(GAME_ROOM, { restore: code });
      await this.#write(c, { start: { letter: g.pairing.letter, code, seats } });
      started.push(g.pairing.letter);
    }
    return started;
  }

  #byLetter(c: LiveClass, letter: string): ClassGame {
    const g = c.games.find((x) => x.pairing.letter === letter.toUpperCase());
    if (!g) throw new ClassError(404, `This class has no game ${letter}.`);
    return g;
  }

  /** A started game that is not over, for an instructor's action on it. */
  #playing(c: LiveClass, g: ClassGame): GameRoom {
    if (!g.code) throw new ClassError(409, `Game ${g.pairing.letter} has not started.`);
    if (g.ended)
      throw new ClassError(
        409,
        `Game ${g.pairing.letter} is over: it ended at turn ${g.ended.turn} of ${g.ended.of}.`,
      );
    const r = room(g.code);
    if (!r) throw new ClassError(503, `Game ${g.pairing.letter} is not open on this server.`);
    if (r.snapshot().finished)
      throw new ClassError(409, `Game ${g.pairing.letter} is over: nothing can change it now.`);
    void c;
    return r;
  }

  async setClocks(rawCode: string, clocks: Clocks, letter?: string) {
    const c = this.#get(rawCode);
    this.#notEnded(c);
    if (letter) this.#playingOrWaiting(this.#byLetter(c, letter));
    await this.#write(c, { clocks: { letter: letter?.toUpperCase() ?? null, clocks } });
    this.tick();
  }

  #playingOrWaiting(g: ClassGame) {
    if (g.ended)
      throw new ClassError(
        409,
        `Game ${g.pairing.letter} is over: it ended at turn ${g.ended.turn} of ${g.ended.of}.`,
      );
  }

  async pause(rawCode: string) {
    const c = this.#get(rawCode);
    this.#notEnded(c);
    if (c.paused !== null) throw new ClassError(409, 'The games are already paused.');
    const now = this.#now();
    for (const g of c.games) g.left = g.deadline === null ? null : Math.max(0, g.deadline - now);
    await this.#write(c, { pause: { at: now } });
    this.#tellAll(c, {
      kind: 'paused',
      text: 'Your instructor has paused the games: the clocks are stopped.',
    });
  }

  async resume(rawCode: string) {
    const c = this.#get(rawCode);
    if (c.paused === null) throw new ClassError(409, 'The games are not paused.');
    const now = this.#now();
    for (const g of c.games) {
      if (g.left !== null) g.deadline = now + g.left;
      else if (g.deadline !== null) g.deadline += now - (c.paused ?? now);
      g.left = null;
    }
    await this.#write(c, { resume: { at: now } });
    this.#tellAll(c, { kind: 'resumed', text: 'The games go on: the clocks run again.' });
    if (c.briefing) {
      for (const g of c.games) g.toldAt = 0; // the briefing's clock, told again on the next tick
      this.tick();
    } else for (const g of c.games) this.#tellClock(c, g);
  }

  /** Fires a scenario's control event (the engine's inject move) in one game or all. */
  async inject(rawCode: string, event: string, letter?: string): Promise<string[]> {
    const c = this.#get(rawCode);
    this.#notEnded(c);
    const rules = this.#rulesOf(c.header.settings.scenarioId);
    if (!rules.events.has(event)) throw new ClassError(400, `This scenario has no event “${event}”.`);
    const { done, problems } = await this.#control(
      c,
      letter,
      { type: 'inject', side: 'control', event },
      (g) => this.#write(c, { inject: { letter: g.pairing.letter, event } }),
    );
    if (!done.length) throw new ClassError(409, `The event reached no game (${problems.join('; ')}).`);
    return done;
  }

  /**
   * Sends one control move to the game `letter` names, or to every game being played: each game's
   * room applies it once, then `logged` records it in the class log. A refusal in the one game named
   * is an error; in several, it is listed and the others go on.
   */
  async #control(
    c: LiveClass,
    letter: string | undefined,
    move: Move,
    logged: (g: ClassGame) => Promise<void>,
  ): Promise<{ done: string[]; problems: string[]; rooms: GameRoom[] }> {
    const targets = letter ? [this.#byLetter(c, letter)] : c.games.filter((g) => g.code && !g.ended);
    if (!targets.length) throw new ClassError(409, 'No game is being played.');
    const done: string[] = [];
    const problems: string[] = [];
    const rooms: GameRoom[] = [];
    for (const g of targets) {
      const r = this.#playing(c, g);
      let sent = false;
      const refused = await r.control(() => {
        if (sent) return null;
        sent = true;
        return move;
      });
      if (refused) {
        if (letter) throw new ClassError(409, `Game ${g.pairing.letter}: ${refused.reason}`);
        problems.push(`${g.pairing.letter}: ${refused.reason}`);
        continue;
      }
      await logged(g);
      done.push(g.pairing.letter);
      rooms.push(r);
    }
    return { done, problems, rooms };
  }

  /**
   * A late joiner seated in a game in progress: on a side with students, they join its team; on a
   * side the computer plays, they take it over at the next phase (once their page is connected).
   */
  async place(rawCode: string, rawName: string, letter: string, side: Side): Promise<string> {
    const c = this.#get(rawCode);
    this.#notEnded(c);
    const name = rawName.trim().toLowerCase();
    const st = [...c.students.values()].find((x) => x.name.toLowerCase() === name);
    if (!st) throw new ClassError(400, `No student in this class is called ${rawName}.`);
    if (c.games.some((g) => g.code && (g.pairing.us.includes(st.token) || g.pairing.cn.includes(st.token))))
      throw new ClassError(409, `${st.name} is already playing in a started game.`);
    const g = this.#byLetter(c, letter);
    const r = this.#playing(c, g);
    if (g.pairing[side].length >= 4)
      throw new ClassError(
        409,
        `Game ${g.pairing.letter}'s ${SIDE_NAME[side]} team is full (four students).`,
      );
    // out of any game not yet started that listed them
    for (const other of c.games)
      if (!other.code && (other.pairing.us.includes(st.token) || other.pairing.cn.includes(st.token)))
        other.pairing = {
          ...other.pairing,
          us: other.pairing.us.filter((t) => t !== st.token),
          cn: other.pairing.cn.filter((t) => t !== st.token),
        };
    const computer = r.snapshot().seats[side].ai !== null;
    const seat = await r.addSeat(side, st.name);
    await this.#write(c, { late: { token: st.token, letter: g.pairing.letter, side, seat } });
    return computer
      ? `${st.name} takes over ${SIDE_NAME[side]} from the computer in game ${g.pairing.letter} at the next phase.`
      : `${st.name} joins ${SIDE_NAME[side]}'s team in game ${g.pairing.letter}.`;
  }

  /**
   * The timed briefing: the games' phase clocks wait while the teams read, until the time is up or
   * every team in a started game has marked itself ready.
   */
  async brief(rawCode: string, minutes: number) {
    const c = this.#get(rawCode);
    this.#notEnded(c);
    if (!c.games.some((g) => g.code && !g.ended)) throw new ClassError(409, 'Start the games first.');
    if (c.briefing) throw new ClassError(409, 'The briefing is already running.');
    const at = this.#now();
    const endsAt = at + minutes * MINUTE;
    await this.#write(c, { briefing: { at, endsAt } });
    this.#tellAll(c, {
      kind: 'briefing',
      text: `Read your briefing: the clocks start in ${minutes} minute${minutes === 1 ? '' : 's'}, or when every team is ready.`,
      leftMs: endsAt - at,
      class: c.header.code,
    });
  }

  /** A student marks their team ready (the briefing ends when every team is). */
  async ready(rawCode: string, token: string): Promise<string> {
    const c = this.#get(rawCode);
    const me = this.#member(c, token);
    if (!c.briefing) throw new ClassError(409, 'The briefing is over: the games are on.');
    const g = this.#startedGameOf(c, token);
    const side: Side = g.pairing.us.includes(token) ? 'us' : 'cn';
    if (!c.briefing.ready.has(`${g.pairing.letter}:${side}`)) {
      await this.#write(c, { ready: { letter: g.pairing.letter, side } });
      if (g.code)
        room(g.code)?.broadcast('clock', {
          kind: 'ready',
          side,
          text: `${SIDE_NAME[side]} is ready (${me.name}).`,
        });
    }
    if (this.#teams(c).every((k) => c.briefing?.ready.has(k))) await this.#endBriefing(c);
    return `${SIDE_NAME[side]} is ready.`;
  }

  /** Every team in a started game: "A:us". */
  #teams(c: LiveClass): string[] {
    return c.games
      .filter((g) => g.code && !g.ended)
      .flatMap((g) => SIDES.filter((s) => g.pairing[s].length > 0).map((s) => `${g.pairing.letter}:${s}`));
  }

  async #endBriefing(c: LiveClass) {
    if (!c.briefing) return;
    await this.#write(c, { briefed: { at: this.#now() } });
    this.#tellAll(c, { kind: 'briefed', text: 'The briefing is over: the games are on.' });
    this.tick();
  }

  /**
   * A team's one line of reasoning for the turn its game is in (the class must ask for it): kept in
   * the class log beside the game, never as a move, so the game replays as it would without it. A
   * teammate's later line for the same turn replaces it.
   */
  async reason(rawCode: string, token: string, raw: string): Promise<string> {
    const c = this.#get(rawCode);
    const me = this.#member(c, token);
    if (!c.header.settings.reasons)
      throw new ClassError(409, 'This class does not ask for a line of reasoning.');
    const g = this.#startedGameOf(c, token);
    const r = this.#playing(c, g);
    const text = [...raw]
      .filter((ch) => ch >= ' ' && ch !== '\u007f')
      .join('')
      .trim();
    if (!isNewsText(text)) throw new ClassError(400, 'Write one line of reasoning: 1 to 200 characters.');
    const side: Side = g.pairing.us.includes(token) ? 'us' : 'cn';
    const turn = r.snapshot().state.round.turn;
    await this.#write(c, { reason: { letter: g.pairing.letter, side, turn, text } });
    r.broadcast('clock', {
      kind: 'reason',
      side,
      text: `${me.name} wrote ${SIDE_NAME[side]}'s reasoning for turn ${turn + 1}.`,
    });
    return `Your team's reasoning for turn ${turn + 1} is kept.`;
  }

  /** Posts the instructor's own line of news (a control move with no effect) in one game or all. */
  async news(rawCode: string, raw: string, letter?: string): Promise<string[]> {
    const c = this.#get(rawCode);
    this.#notEnded(c);
    const text = [...raw]
      .filter((ch) => ch >= ' ' && ch !== '\u007f')
      .join('')
      .trim();
    if (!isNewsText(text)) throw new ClassError(400, 'Type a line of news: 1 to 200 characters.');
    const { done, rooms } = await this.#control(c, letter, { type: 'news', side: 'control', text }, (g) =>
      this.#write(c, { news: { letter: g.pairing.letter, text } }),
    );
    // on the students' screens too
    for (const r of rooms) r.broadcast('clock', { kind: 'news', text: `From your instructor: ${text}` });
    if (!done.length) throw new ClassError(409, 'The news reached no game.');
    return done;
  }

  /** Ends every game fairly: a warning now, and at `closeAt` the rest is played out as standing still. */
  async endAll(rawCode: string, warningMs = 2 * MINUTE) {
    const c = this.#get(rawCode);
    this.#notEnded(c);
    const at = this.#now();
    await this.#write(c, { end: { at, closeAt: at + warningMs } });
    const minutes = Math.round(warningMs / MINUTE);
    this.#tellAll(c, {
      kind: 'ending',
      text: `The games end in ${minutes >= 1 ? `${minutes} minute${minutes === 1 ? '' : 's'}` : 'a moment'}: then the talks close, open offers lapse, and the remaining turns are played out as standing still.`,
      endsAt: at + warningMs,
    });
    this.tick();
  }

  // ---------------------------------------------------------------------------------------------
  // Clocks

  #clockOf(c: LiveClass, g: ClassGame, phase: string): number | null {
    const clocks = g.clocks ?? c.clocks;
    return phase === 'talks' ? clocks.talks : phase === 'orders' ? clocks.orders : null;
  }

  #tellAll(c: LiveClass, message: Record<string, unknown>) {
    for (const g of c.games) if (g.code && !g.ended) room(g.code)?.broadcast('clock', message);
  }

  #tellClock(c: LiveClass, g: ClassGame) {
    if (!g.code) return;
    g.toldAt = this.#now();
    const phase = g.phaseKey.split(':')[1] ?? '';
    room(g.code)?.broadcast('clock', {
      kind: 'clock',
      phase,
      endsAt: c.paused === null ? g.deadline : null,
      leftMs: c.paused !== null ? g.left : g.deadline === null ? null : g.deadline - this.#now(),
      paused: c.paused !== null,
    });
  }

  #changed(code: string) {
    for (const c of this.#classes.values()) {
      const g = c.games.find((x) => x.code === code);
      if (g) this.#follow(c, g);
    }
  }

  /** Notes a new phase (and starts its clock). */
  #follow(c: LiveClass, g: ClassGame) {
    if (!g.code) return;
    const r = room(g.code);
    if (!r) return;
    const s = r.snapshot().state;
    const key = phaseKey(s);
    if (key === g.phaseKey) return;
    g.phaseKey = key;
    g.phaseSince = this.#now();
    g.warned = false;
    if (c.briefing) {
      // the moves go on during the briefing, the clocks do not: they start when it ends
      g.deadline = null;
      g.left = null;
      return;
    }
    const secs = this.#clockOf(c, g, s.round.phase);
    const ms = secs === null ? null : secs * 1000;
    if (c.paused !== null) {
      g.left = ms;
      g.deadline = null;
    } else g.deadline = ms === null ? null : this.#now() + ms;
    this.#tellClock(c, g);
  }

  /** Runs the clocks: called on a timer, and after each instructor action. */
  tick() {
    const now = this.#now();
    for (const c of this.#classes.values()) {
      if (c.closed) continue;
      if (c.end && now >= c.end.closeAt) {
        this.#closeAll(c);
        continue;
      }
      if (c.paused !== null) continue;
      if (c.briefing) {
        if (now >= c.briefing.endsAt) void this.#endBriefing(c);
        else
          for (const g of c.games) {
            if (!g.code || g.ended || now - g.toldAt < 5000) continue;
            g.toldAt = now; // the briefing's clock, for a page that came in late
            room(g.code)?.broadcast('clock', {
              kind: 'clock',
              phase: 'briefing',
              leftMs: c.briefing.endsAt - now,
              paused: false,
              class: c.header.code,
            });
          }
        continue; // the phase clocks wait for the briefing
      }
      for (const g of c.games) {
        if (!g.code || g.ended || this.#busy.has(g.code)) continue;
        this.#follow(c, g);
        if (g.deadline === null) continue;
        const r = room(g.code);
        if (!r) continue;
        if (now - g.toldAt >= 5000) this.#tellClock(c, g); // a seat that came in late hears it too
        // a clock longer than a minute is announced a minute before it runs out
        if (
          !g.warned &&
          g.deadline - g.phaseSince > MINUTE &&
          now >= g.deadline - MINUTE &&
          now < g.deadline
        ) {
          g.warned = true;
          const phase = g.phaseKey.split(':')[1];
          r.broadcast('clock', {
            kind: 'warning',
            text: `One minute left for the ${phase}.`,
            endsAt: g.deadline,
          });
        }
        if (now >= g.deadline) {
          g.deadline = null;
          void this.#expire(c, g, r);
        }
      }
    }
  }

  /** The clock ran out: the waiting side passes (its team's draft submitted), an open offer lapses. */
  async #expire(c: LiveClass, g: ClassGame, r: GameRoom) {
    const code = g.code ?? '';
    this.#busy.add(code);
    const rules = this.#rulesOf(c.header.settings.scenarioId);
    const start = phaseKey(r.snapshot().state);
    const phase = start.split(':')[1];
    r.broadcast('clock', { kind: 'expired', text: `Time ran out for the ${phase}.` });
    try {
      await r.control((s, drafts) => {
        if (phaseKey(s) !== start) return null;
        return standStill(rules, s, drafts);
      });
    } finally {
      this.#busy.delete(code);
    }
    this.#follow(c, g);
  }

  #closing = new Set<string>();

  /** The end of the class: every game played out as standing still, and its last turn noted. */
  #closeAll(c: LiveClass) {
    if (this.#closing.has(c.header.code)) return;
    this.#closing.add(c.header.code);
    const rules = this.#rulesOf(c.header.settings.scenarioId);
    void (async () => {
      for (const g of c.games) {
        if (!g.code || g.ended) continue;
        const r = room(g.code);
        if (!r) continue;
        const before = r.snapshot();
        const turn = Math.min(before.state.round.turn + 1, rules.totalTurns);
        if (!before.finished) {
          r.broadcast('clock', {
            kind: 'ended',
            text: `The instructor has ended the game at turn ${turn} of ${rules.totalTurns}.`,
          });
          await r.control((s) => standStill(rules, s, { us: null, cn: null }));
        }
        await this.#write(c, {
          ended: {
            letter: g.pairing.letter,
            turn: before.finished ? rules.totalTurns : turn,
            of: rules.totalTurns,
          },
        });
      }
      c.closed = true;
      this.#closing.delete(c.header.code);
    })();
  }

  /** Whether every started game of a class is over (the end is done). */
  isClosed(rawCode: string) {
    return this.#get(rawCode).closed;
  }

  // ---------------------------------------------------------------------------------------------
  // The dashboard and the results

  dashboard(rawCode: string) {
    const c = this.#get(rawCode);
    const scenario = this.#cfg.scenarios.get(c.header.settings.scenarioId);
    const rules = this.#rulesOf(c.header.settings.scenarioId);
    const now = this.#now();
    const names = (tokens: readonly string[]) => tokens.map((t) => c.students.get(t)?.name ?? '?');
    const rows: DashboardRow[] = c.games.map((g) => {
      const r = g.code ? room(g.code) : null;
      const snap = r?.snapshot();
      const ended = g.ended ? `ended at turn ${g.ended.turn} of ${g.ended.of}` : null;
      if (!snap || !scenario) {
        return {
          letter: g.pairing.letter,
          code: g.code,
          players: {
            us: names(g.pairing.us).map((name) => ({ name, connected: false })),
            cn: names(g.pairing.cn).map((name) => ({ name, connected: false })),
          },
          computer: g.pairing.ai,
          moves: 0,
          turn: 1,
          turns: rules.totalTurns,
          date: dateOf(rules, 0),
          phase: g.code ? 'closed' : 'waiting',
          waitingOn: [],
          waitingMs: 0,
          leverage: null,
          tension: 0,
          deals: 0,
          standing: { us: null, cn: null },
          clockMs: null,
          ended,
        };
      }
      const s = snap.state;
      const view = viewFor(scenario, s, 'public');
      const waiting =
        s.round.phase === 'talks'
          ? [s.round.talks.toMove]
          : SIDES.filter((x) => s.round.phase === 'orders' && s.round.drafts[x] === null);
      return {
        letter: g.pairing.letter,
        code: g.code,
        players: { us: snap.seats.us.members, cn: snap.seats.cn.members },
        computer: { us: snap.seats.us.ai, cn: snap.seats.cn.ai },
        moves: snap.moves.length,
        turn: Math.min(s.round.turn + 1, rules.totalTurns),
        turns: rules.totalTurns,
        date: dateOf(rules, s.round.turn),
        phase: s.round.phase,
        waitingOn: waitingOn(s, { order: ['us', 'cn'], seats: 'any' }) === null ? [] : waiting,
        waitingMs: now - g.phaseSince,
        leverage: view.leverage ? view.leverage.us : null,
        tension: s.world.tension / 10,
        deals: s.world.packages.length,
        standing: this.#standingOf(g.code ?? '', scenario, s, snap.moves.length),
        clockMs: c.paused !== null ? g.left : g.deadline === null ? null : Math.max(0, g.deadline - now),
        ended,
      };
    });
    return {
      code: c.header.code,
      scenario: scenario?.meta.title ?? c.header.settings.scenarioId,
      settings: c.header.settings,
      students: [...c.students.values()].map((x) => x.name),
      unpaired: [...c.students.values()]
        .filter((x) => !c.games.some((g) => g.pairing.us.includes(x.token) || g.pairing.cn.includes(x.token)))
        .map((x) => x.name),
      clocks: c.clocks,
      paused: c.paused !== null,
      ending: c.end ? { closeAt: c.end.closeAt, leftMs: Math.max(0, c.end.closeAt - now) } : null,
      briefing: c.briefing
        ? {
            leftMs: Math.max(0, c.briefing.endsAt - now),
            ready: [...c.briefing.ready],
            teams: this.#teams(c),
          }
        : null,
      closed: c.closed,
      events: [...rules.events.keys()].filter((e) => !rules.eventTurns.has(e)), // the undated: the instructor's to fire
      eventTitles: Object.fromEntries([...rules.events].map(([id, e]) => [id, e.title])),
      rows,
    };
  }

  #standingOf(code: string, scenario: Scenario, s: GameState, moves: number): BySide<number | null> {
    const cached = this.#standing.get(code);
    if (cached && cached.moves === moves) return cached.value;
    let value: BySide<number | null> = { us: null, cn: null };
    try {
      if (s.round.phase === 'over') {
        const sc = score(scenario, s);
        value = { us: sc.sides.us.score, cn: sc.sides.cn.score };
      } else {
        const p = standing(scenario, viewFor(scenario, s, 'public'));
        value = { us: p.us.median, cn: p.cn.median };
      }
    } catch {
      // a scenario with no score scale: no standing
    }
    this.#standing.set(code, { moves, value });
    return value;
  }

  /**
   * The class debrief from the games on the server (finished ones only): by letter unless names are
   * chosen; the sides' objectives and red lines only once every game is over.
   */
  async debrief(rawCode: string, reveal: boolean, names?: boolean) {
    const c = this.#get(rawCode);
    if (reveal && !c.closed)
      throw new ClassError(409, 'The objectives and red lines are shown once the games are over.');
    const scenario = this.#cfg.scenarios.get(c.header.settings.scenarioId);
    if (!scenario) throw new ClassError(404, 'This server no longer has the class scenario.');
    const r = await this.results(rawCode, names);
    const done = r.games.filter((g) => this.#over(c, g.letter));
    const d = classDebrief(
      scenario,
      done.map((g) => ({ label: g.players ? `${g.letter} (${g.players})` : g.letter, record: g.record })),
      reveal,
    );
    const reasoning = done
      .filter((g) => g.reasoning.length)
      .map((g) => ({ label: g.players ? `${g.letter} (${g.players})` : g.letter, turns: g.reasoning }));
    return { ...d, reasoning, closed: c.closed };
  }

  #over(c: LiveClass, letter: string) {
    const g = c.games.find((x) => x.pairing.letter === letter);
    if (!g?.code) return false;
    if (g.ended) return true;
    return room(g.code)?.snapshot().finished ?? true;
  }

  /**
   * What the projector shows: every game in one line each (by letter), and the game it follows in
   * public state only — no names, no drafts, no objectives: the view any observer has.
   */
  projector(rawCode: string, rawLetter: string | null) {
    const c = this.#get(rawCode);
    const scenario = this.#cfg.scenarios.get(c.header.settings.scenarioId);
    if (!scenario) throw new ClassError(404, 'This server no longer has the class scenario.');
    const rules = this.#rulesOf(c.header.settings.scenarioId);
    const started = c.games.filter((g) => g.code);
    const letter = rawLetter?.toUpperCase() || started[0]?.pairing.letter || null;
    const games = started.map((g) => {
      const s = g.code ? room(g.code)?.snapshot().state : undefined;
      return {
        letter: g.pairing.letter,
        turn: s ? Math.min(s.round.turn + 1, rules.totalTurns) : 0,
        phase: g.ended ? 'over' : (s?.round.phase ?? 'closed'),
      };
    });
    const g = started.find((x) => x.pairing.letter === letter);
    const snap = g?.code ? room(g.code)?.snapshot() : undefined;
    let game = null;
    if (g && snap) {
      const s = snap.state;
      const view = viewFor(scenario, s, 'public');
      const now = this.#now();
      const news = [...(s.round.news.length ? s.round.news : s.round.lastNews)].reverse().slice(0, 5);
      game = {
        letter: g.pairing.letter,
        turn: Math.min(s.round.turn + 1, rules.totalTurns),
        turns: rules.totalTurns,
        date: fmtDate(dateOf(rules, s.round.turn)),
        phase: s.round.phase,
        ended: g.ended ? `ended at turn ${g.ended.turn} of ${g.ended.of}` : null,
        leverage: view.leverage ? view.leverage.us : null,
        tension: s.world.tension / 10,
        tensionMax: scenario.params.tension.max / 10,
        deals: s.world.packages.filter((p) => p.status === 'active').length,
        open: s.round.talks.open ? SIDE_NAME[s.round.talks.open.by] : null,
        standing: this.#standingOf(g.code ?? '', scenario, s, snap.moves.length),
        clockMs: c.paused !== null ? g.left : g.deadline === null ? null : Math.max(0, g.deadline - now),
        news: news.map((n) => newsLine(scenario, n).title),
      };
    }
    return { code: c.header.code, scenario: scenario.meta.title, games, game, closed: c.closed };
  }

  /** The class-results table from the game files the server keeps: letters, or names if chosen. */
  async results(rawCode: string, names?: boolean) {
    const c = this.#get(rawCode);
    const scenario = this.#cfg.scenarios.get(c.header.settings.scenarioId);
    if (!scenario) throw new ClassError(404, 'This server no longer has the class scenario.');
    const showNames = names ?? c.header.settings.names;
    const games: {
      letter: string;
      players: string;
      summary: GameSummary;
      record: ReturnType<typeof recordOfLog>;
      reasoning: ReturnType<typeof reasoningByTurn>;
    }[] = [];
    for (const g of c.games) {
      if (!g.code) continue;
      const lines = await this.#cfg.games.read(g.code);
      const parsed = lines ? parseLog(lines) : { reason: 'no log' };
      if ('reason' in parsed) continue;
      const record = recordOfLog(parsed);
      const summary = summariseRecord(scenario, record);
      if ('reason' in summary) continue;
      const who = (side: Side) =>
        g.pairing[side].map((t) => c.students.get(t)?.name ?? '?').join(' & ') || 'computer';
      games.push({
        letter: g.pairing.letter,
        players: showNames ? `${who('us')} v ${who('cn')}` : '',
        summary,
        record,
        reasoning: reasoningByTurn(scenario, record, [...g.reasons.values()]),
      });
    }
    const [head, ...body] = summariesCsv(games.map((x) => x.summary)).split('\n');
    const csv = [
      `game${showNames ? ',players' : ''},${head ?? ''}`,
      ...body
        .filter((l) => l)
        .map((l, i) => {
          const x = games[i];
          return `${x?.letter ?? ''}${showNames ? `,"${(x?.players ?? '').replaceAll('"', '""')}"` : ''},${l}`;
        }),
    ].join('\n');
    return { games, csv: `${csv}\n` };
  }
}

/**
 * The move that stands still now: an open offer lapses (rejected: "timing"), a side to talk passes,
 * a side whose orders are not in submits its team's draft (if it is legal) or no orders at all.
 */
export function standStill(rules: Rules, s: GameState, drafts: BySide<readonly Order[] | null>): Move | null {
  if (s.round.phase === 'over') return null;
  if (s.round.phase === 'talks') {
    const side = s.round.talks.toMove;
    return s.round.talks.open ? { type: 'reject', side, reason: 'timing' } : { type: 'pass', side };
  }
  const side = SIDES.find((x) => s.round.drafts[x] === null);
  if (!side) return null;
  const draft = drafts[side];
  if (draft?.length) {
    const move: Move = { type: 'orders', side, orders: draft };
    if (checkMove(rules, s, move) === null) return move;
  }
  return { type: 'orders', side, orders: [] };
}
