// A game as a short link: (scenario id and content hash, seed, setup, moves) packed into bytes and
// written in base64url. A move the engine lists among a side's legal moves is stored as its index in
// that list (a byte or two), so a long game stays short; any other move (a package built by hand, an
// instructor's inject) is stored as its JSON. The AI's reason codes come from a small string table.
// Decoding replays the game, so a link that does not fit its scenario is refused with the reason.
import type { GameRecord, GameState, Move, Scenario } from '../engine';
import { applyMove, canonicalJson, isSetup, legalMoves, newGame } from '../engine';

const VERSION = 1;
const ACTORS = ['us', 'cn', 'control'] as const;

class Writer {
  private bytes: number[] = [];
  byte(b: number) {
    this.bytes.push(b & 0xff);
  }
  varint(n: number) {
    let v = n;
    while (v >= 0x80) {
      this.byte((v & 0x7f) | 0x80);
      v = Math.floor(v / 128);
    }
    this.byte(v);
  }
  text(s: string) {
    const b = new TextEncoder().encode(s);
    this.varint(b.length);
    for (const x of b) this.byte(x);
  }
  done(): Uint8Array {
    return Uint8Array.from(this.bytes);
  }
}

class Reader {
  private at = 0;
  constructor(private readonly bytes: Uint8Array) {}
  byte(): number {
    const b = this.bytes[this.at++];
    if (b === undefined) throw new Error('the link ends too soon');
    return b;
  }
  varint(): number {
    let n = 0;
    let scale = 1;
    for (let i = 0; i < 8; i++) {
      const b = this.byte();
      n += (b & 0x7f) * scale;
      if (b < 0x80) return n;
      scale *= 128;
    }
    throw new Error('a number in the link is too long');
  }
  text(): string {
    const len = this.varint();
    if (this.at + len > this.bytes.length) throw new Error('the link ends too soon');
    const s = new TextDecoder('utf-8', { fatal: true }).decode(this.bytes.subarray(this.at, this.at + len));
    this.at += len;
    return s;
  }
  get rest() {
    return this.bytes.length - this.at;
  }
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

function toBase64Url(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = ((bytes[i] ?? 0) << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    const chars = Math.min(4, Math.ceil(((bytes.length - i) * 8) / 6));
    for (let j = 0; j < chars; j++) out += B64[(n >> (18 - 6 * j)) & 63];
  }
  return out;
}

function fromBase64Url(text: string): Uint8Array {
  const out: number[] = [];
  let buf = 0;
  let bits = 0;
  for (const ch of text) {
    const v = B64.indexOf(ch);
    if (v < 0) throw new Error(`the link holds a character it cannot: ${JSON.stringify(ch)}`);
    buf = (buf << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push((buf >> bits) & 0xff);
    }
  }
  return Uint8Array.from(out);
}

const bodyOf = (m: Move): Move => {
  const { ai: _ai, ...body } = m;
  return body as Move;
};

/** The index of a move among the mover's legal moves, or -1. */
function indexAmong(scenario: Scenario, s: GameState, m: Move): number {
  if (m.side === 'control') return -1;
  const key = canonicalJson(bodyOf(m));
  return legalMoves(scenario, s, m.side).findIndex((c) => canonicalJson(c) === key);
}

/** Packs a game record into a link's text (base64url). The moves must replay on the scenario. */
export function encodeGame(scenario: Scenario, record: GameRecord): string {
  const w = new Writer();
  w.byte(VERSION);
  w.text(record.scenarioId);
  w.text(record.scenarioHash);
  w.text(record.seed);
  w.text(canonicalJson(record.setup));
  const codes = [...new Set(record.moves.flatMap((m) => (m.ai ? [m.ai.code] : [])))];
  w.varint(codes.length);
  for (const c of codes) w.text(c);
  w.varint(record.moves.length);
  let s = newGame(scenario, record.seed, record.setup);
  for (const m of record.moves) {
    const index = indexAmong(scenario, s, m);
    const ai = m.ai;
    const hasValue = ai?.value !== undefined;
    w.byte(ACTORS.indexOf(m.side) | (ai ? 4 : 0) | (index < 0 ? 8 : 0) | (hasValue ? 16 : 0));
    if (ai) {
      w.varint(codes.indexOf(ai.code));
      if (hasValue) w.text(String(ai.value));
    }
    if (index < 0) w.text(canonicalJson(bodyOf(m)));
    else w.varint(index);
    const r = applyMove(scenario, s, m);
    if (!r.ok) throw new Error(`move ${record.moves.indexOf(m) + 1} is refused: ${r.reason}`);
    s = r.state;
  }
  return toBase64Url(w.done());
}

export type DecodedGame =
  | {
      readonly ok: true;
      readonly record: GameRecord;
      readonly state: GameState;
      readonly states: readonly GameState[]; // [0] the opening, then after each move
    }
  | { readonly ok: false; readonly reason: string };

/** What a link names before its moves are read: enough to find (or ask for) the scenario. */
export function peekGame(text: string): { scenarioId: string; scenarioHash: string } | null {
  try {
    const r = new Reader(fromBase64Url(text));
    if (r.byte() !== VERSION) return null;
    return { scenarioId: r.text(), scenarioHash: r.text() };
  } catch {
    return null;
  }
}

/**
 * Unpacks a link against its scenario and replays it, keeping every state (the replay viewer's);
 * refuses with a reason, never throws.
 */
export function decodeGame(scenario: Scenario, scenarioHash: string, text: string): DecodedGame {
  try {
    const r = new Reader(fromBase64Url(text.trim()));
    const version = r.byte();
    if (version !== VERSION)
      return { ok: false, reason: `this link is of format ${version}, not ${VERSION}` };
    const scenarioId = r.text();
    const hash = r.text();
    if (scenarioId !== scenario.id)
      return { ok: false, reason: `this game is of the scenario “${scenarioId}”` };
    if (hash !== scenarioHash)
      return { ok: false, reason: 'this game was played on another version of the scenario file' };
    const seed = r.text();
    const setup: unknown = JSON.parse(r.text());
    if (!isSetup(setup)) return { ok: false, reason: 'the link’s setup is malformed' };
    const codes: string[] = [];
    for (let n = r.varint(); n > 0; n--) codes.push(r.text());
    const count = r.varint();
    if (count > r.rest) return { ok: false, reason: 'the link is cut short' };
    let s = newGame(scenario, seed, setup);
    const states = [s];
    const moves: Move[] = [];
    for (let i = 0; i < count; i++) {
      const tag = r.byte();
      const actor = ACTORS[tag & 3];
      if (!actor) return { ok: false, reason: `move ${i + 1} names no side` };
      let ai: Move['ai'];
      if (tag & 4) {
        const code = codes[r.varint()];
        if (code === undefined) return { ok: false, reason: `move ${i + 1} names an unknown reason` };
        ai = tag & 16 ? { code, value: Number(r.text()) } : { code };
      }
      let body: Move;
      if (tag & 8) body = JSON.parse(r.text()) as Move;
      else {
        if (actor === 'control') return { ok: false, reason: `move ${i + 1} is malformed` };
        const listed = legalMoves(scenario, s, actor)[r.varint()];
        if (!listed) return { ok: false, reason: `move ${i + 1} is not a legal move there` };
        body = listed;
      }
      const move = (ai ? { ...body, ai } : body) as Move;
      const applied = applyMove(scenario, s, move);
      if (!applied.ok) return { ok: false, reason: `move ${i + 1} is refused: ${applied.reason}` };
      s = applied.state;
      states.push(s);
      moves.push(move);
    }
    if (r.rest !== 0) return { ok: false, reason: 'the link has bytes after its last move' };
    return { ok: true, record: { scenarioId, scenarioHash: hash, seed, setup, moves }, state: s, states };
  } catch (e) {
    return { ok: false, reason: `the link cannot be read: ${e instanceof Error ? e.message : String(e)}` };
  }
}
