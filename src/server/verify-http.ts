// POST /online/verify: does a class server signature hold? The browser sends a game's signed text
// and the signature its file carries; the server answers with a yes or no and nothing else (an HMAC
// gives nothing away by saying whether it matches). Anyone may ask: the answer is only worth what
// the key is, and the key never leaves the server.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import type { VerifyAnswer } from '../net/game-signature.ts';
import { HttpError, readJson, sendJson } from './http.ts';
import type { Signer } from './signing.ts';

/** The longest signed text a request may carry: far beyond any game a class can play. */
const MAX_BODY = 2 * 1024 * 1024;

const VerifySchema = z.strictObject({
  signedText: z.string().max(MAX_BODY),
  signature: z.strictObject({
    by: z.string().max(40),
    alg: z.string().max(40),
    value: z.string().max(200),
  }),
});

/** Answers /online/verify; false when the request is for another path. */
export function verifyRoute(signer: Signer, req: IncomingMessage, res: ServerResponse): boolean {
  if ((req.url ?? '').split('?')[0] !== '/online/verify') return false;
  if (req.method !== 'POST') {
    sendJson(res, 405, { ok: false, reason: 'Send the game to check with POST.' });
    return true;
  }
  void (async () => {
    const parsed = VerifySchema.safeParse(await readJson(req, MAX_BODY + 4096, 'That game is too large.'));
    if (!parsed.success)
      return sendJson(res, 400, { ok: false, reason: 'That request is not a game to check.' });
    const answer: VerifyAnswer = { holds: signer.holds(parsed.data.signedText, parsed.data.signature) };
    sendJson(res, 200, answer);
  })().catch((e: unknown) =>
    e instanceof HttpError
      ? sendJson(res, e.status, { ok: false, reason: e.message })
      : sendJson(res, 500, { ok: false, reason: 'The server could not check that game.' }),
  );
  return true;
}
