// What every game record that leaves the engine must pass before it is trusted again: numbers that
// are finite, a CRC-32 over the whole content (damage shows; a deliberate edit that recomputes it
// cannot be told offline — only a class server's signature proves that), and base64url text in its
// one canonical spelling, so no two link texts stand for the same bytes.
import CRC32 from 'crc-32';

/** CRC-32 of bytes as 8 hex digits. */
export function crc32Hex(bytes: Uint8Array): string {
  return (CRC32.buf(bytes) >>> 0).toString(16).padStart(8, '0');
}

/** CRC-32 of a text's UTF-8 bytes as 8 hex digits. */
export const crc32Text = (text: string): string => crc32Hex(new TextEncoder().encode(text));

/** The path of the first number that is not finite (NaN, ±Infinity: `1e999` in JSON), or null. */
export function firstNonFinite(value: unknown, path = ''): string | null {
  if (typeof value === 'number') return Number.isFinite(value) ? null : path || 'the value';
  if (typeof value !== 'object' || value === null) return null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const bad = firstNonFinite(value[i], `${path}[${i}]`);
      if (bad) return bad;
    }
    return null;
  }
  for (const [k, v] of Object.entries(value)) {
    const bad = firstNonFinite(v, path ? `${path}.${k}` : k);
    if (bad) return bad;
  }
  return null;
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** Bytes as base64url without padding. */
export function toBase64Url(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = ((bytes[i] ?? 0) << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    const chars = Math.min(4, Math.ceil(((bytes.length - i) * 8) / 6));
    for (let j = 0; j < chars; j++) out += B64[(n >> (18 - 6 * j)) & 63];
  }
  return out;
}

/**
 * base64url text back to bytes, or null when it is not the one canonical spelling of some bytes: a
 * character outside the alphabet, a length no byte count gives, or unused low bits in the last
 * character that are not zero.
 */
export function fromBase64Url(text: string): Uint8Array | null {
  if (text.length % 4 === 1) return null;
  const out = new Uint8Array(Math.floor((text.length * 6) / 8));
  let buf = 0;
  let bits = 0;
  let at = 0;
  for (let i = 0; i < text.length; i++) {
    const v = B64.indexOf(text.charAt(i));
    if (v < 0) return null;
    buf = ((buf << 6) | v) & 0xffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[at++] = (buf >> bits) & 0xff;
    }
  }
  if ((buf & ((1 << bits) - 1)) !== 0) return null;
  return out;
}
