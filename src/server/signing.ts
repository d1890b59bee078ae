// The class server's signature of the games it hosts: an HMAC-SHA256 of the game's signed text
// (src/net/game-signature.ts) with a key only the server holds. A finished game's file carries it;
// a file brought back to the server (the instructor opening a student's file) is checked against it,
// so an edit that recomputes the file's checksum is still found out. The key comes from the
// configuration (every process of a scaled-out server must be given the same one) or is made once
// and kept in the data folder, so signatures outlive a restart.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { GameSignature } from '../net/game-signature.ts';

export const SIGNED_BY = 'class-server';
export const SIGNATURE_ALG = 'HMAC-SHA256';
const KEY_FILE = 'signing-key';
const MIN_KEY_CHARS = 32;

export interface Signer {
  sign(signedText: string): GameSignature;
  holds(signedText: string, signature: GameSignature): boolean;
}

export function signerWith(key: string): Signer {
  const mac = (text: string) => createHmac('sha256', key).update(text, 'utf8').digest();
  return {
    sign: (text) => ({ by: SIGNED_BY, alg: SIGNATURE_ALG, value: mac(text).toString('base64url') }),
    holds(text, signature) {
      if (signature.by !== SIGNED_BY || signature.alg !== SIGNATURE_ALG) return false;
      const given = Buffer.from(signature.value, 'base64url');
      const want = mac(text);
      return given.length === want.length && timingSafeEqual(given, want);
    },
  };
}

/** The configured key, or the one kept in `dataDir` (made on first start). */
export async function loadSigner(dataDir: string, configured?: string): Promise<Signer> {
  if (configured !== undefined) {
    if (configured.length < MIN_KEY_CHARS)
      throw new Error(`the signing key must be at least ${MIN_KEY_CHARS} characters long`);
    return signerWith(configured);
  }
  const file = join(dataDir, KEY_FILE);
  try {
    const kept = (await readFile(file, 'utf8')).trim();
    if (kept.length >= MIN_KEY_CHARS) return signerWith(kept);
  } catch {
    // none yet: made below
  }
  const key = randomBytes(32).toString('base64url');
  await mkdir(dataDir, { recursive: true });
  await writeFile(file, `${key}\n`, { mode: 0o600 });
  return signerWith(key);
}
