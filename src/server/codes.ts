// Room codes and seat tokens. A code is short and easy to read aloud or type (no look-alike
// characters); a seat token is 144 random bits from the operating system's generator, so knowing a
// room code gets a seat only where one is free.
import { randomBytes, randomInt } from 'node:crypto';
import { CODE_ALPHABET, CODE_LENGTH } from '../net/protocol.ts';

/** A fresh room code (the caller checks it is not in use). */
export function makeCode(): string {
  let code = '';
  for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code;
}

export const isCode = (text: string) =>
  text.length === CODE_LENGTH && [...text].every((c) => CODE_ALPHABET.includes(c));

/** A seat token or team key: 18 random bytes, base64url. */
export const makeToken = () => randomBytes(18).toString('base64url');

/** A game's seed: never sent to a client before the game ends. */
export const makeSeed = () => `online-${randomBytes(12).toString('base64url')}`;
