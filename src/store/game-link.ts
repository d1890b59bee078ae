// A game as a link (`#game=<text>`): a format byte, the record — rules version, scenario id and
// content hash, seed, setup and every move written out whole as canonical JSON, deflated — and a
// CRC-32 over all the bytes before it, in base64url. Moves are stored by their content, never as a
// position in the legal-move list, so a change to the move generator cannot turn an old link into
// another game; any changed, added or lost character fails the checksum (a single character is a
// burst of at most 6 bits, which CRC-32 always detects), the last character must be the canonical
// one, and nothing may follow. Refusals are one plain clause, never a parser's message.

import CRC32 from 'crc-32';
import { deflateSync, inflateSync } from 'fflate';
import type { GameRecord } from '../engine/index.ts';
import { canonicalJson } from '../engine/index.ts';
import { parseRecord, type VersionedRecord, versioned } from './game-record.ts';
import { firstNonFinite, fromBase64Url, toBase64Url } from './integrity.ts';

/** The link format: 1 packed moves as positions in the legal-move list and had no checksum. */
const LINK_VERSION = 2;
const OLD_LINK_VERSION = 1;
const MAX_LINK_CHARS = 200_000;
const MAX_JSON_BYTES = 4_000_000;

export type DecodedLink =
  | { readonly ok: true; readonly record: VersionedRecord }
  | { readonly ok: false; readonly reason: string };

const u32 = (n: number) => [(n >>> 24) & 0xff, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff];
const readU32 = (b: Uint8Array, at: number) =>
  (((b[at] ?? 0) << 24) | ((b[at + 1] ?? 0) << 16) | ((b[at + 2] ?? 0) << 8) | (b[at + 3] ?? 0)) >>> 0;

/** Packs a game record into a link's text (base64url), under today's rules unless it names its own. */
export function encodeGame(record: GameRecord | VersionedRecord): string {
  const r = 'rules' in record ? record : versioned(record);
  const content = {
    rules: r.rules,
    scenarioId: r.scenarioId,
    scenarioHash: r.scenarioHash,
    seed: r.seed,
    setup: r.setup,
    moves: r.moves,
  };
  const bad = firstNonFinite(content);
  if (bad) throw new Error(`a number in the game is not finite (${bad})`);
  return packLink(canonicalJson(content));
}

/** A record's JSON text packed as a link: format byte, length, deflated text, CRC-32. */
export function packLink(jsonText: string): string {
  const json = new TextEncoder().encode(jsonText);
  const packed = deflateSync(json, { level: 9 });
  const head = [LINK_VERSION, ...u32(json.length)];
  const bytes = new Uint8Array(head.length + packed.length + 4);
  bytes.set(head, 0);
  bytes.set(packed, head.length);
  bytes.set(
    u32(CRC32.buf(bytes.subarray(0, head.length + packed.length)) >>> 0),
    head.length + packed.length,
  );
  return toBase64Url(bytes);
}

const DAMAGED = 'the link is damaged or incomplete (it was changed, cut short or added to)';

/** Unpacks a link's text into its record, checking its checksum; refuses with a reason, never throws. */
export function decodeLink(text: string): DecodedLink {
  if (text.length === 0) return { ok: false, reason: 'the link holds no game' };
  if (text.length > MAX_LINK_CHARS)
    return { ok: false, reason: 'the link is far too long to be a game link' };
  const bytes = fromBase64Url(text);
  if (!bytes || bytes.length < 1) return { ok: false, reason: DAMAGED };
  if (bytes[0] === OLD_LINK_VERSION)
    return {
      ok: false,
      reason:
        'the link was made by an earlier version of Upper Hand whose links cannot be checked for damage, so it cannot be opened safely',
    };
  if (bytes[0] !== LINK_VERSION || bytes.length < 10) return { ok: false, reason: DAMAGED };
  const end = bytes.length - 4;
  if (CRC32.buf(bytes.subarray(0, end)) >>> 0 !== readU32(bytes, end)) return { ok: false, reason: DAMAGED };
  const size = readU32(bytes, 1);
  if (size > MAX_JSON_BYTES) return { ok: false, reason: DAMAGED };
  try {
    const json = inflateSync(bytes.subarray(5, end), { out: new Uint8Array(size + 1) });
    if (json.length !== size) return { ok: false, reason: DAMAGED };
    const record = parseRecord(JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(json)));
    if ('reason' in record) return { ok: false, reason: record.reason.replace(/^it /, 'the link ') };
    return { ok: true, record };
  } catch {
    return { ok: false, reason: DAMAGED };
  }
}

/** What a link names before it is opened, or null when it is not a readable game link. */
export function peekGame(text: string): { scenarioId: string; scenarioHash: string } | null {
  const d = decodeLink(text);
  return d.ok ? { scenarioId: d.record.scenarioId, scenarioHash: d.record.scenarioHash } : null;
}
