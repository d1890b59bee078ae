// POST /online/verify: does a class server signature hold? The browser sends a game's signed text
// and the signature its file carries; the server answers with a yes or no and nothing else (an HMAC
// gives nothing away by saying whether it matches). Anyone may ask: the answer is only worth what
// the key is, and the key never leaves the server.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import type { VerifyAnswer } from '../net/game-signature';
import type { Signer } from './signing';

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

function send(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

/** Answers /online/verify; false when the request is for another path. */
export function verifyRoute(signer: Signer, req: IncomingMessage, res: ServerResponse): boolean {
  if ((req.url ?? '').split('?')[0] !== '/online/verify') return false;
  if (req.method !== 'POST') {
    send(res, 405, { ok: false, reason: 'Send the game to check with POST.' });
    return true;
  }
  void (async () => {
    let text = '';
    for await (const chunk of req) {
      text += String(chunk);
      if (text.length > MAX_BODY + 4096)
        return send(res, 413, { ok: false, reason: 'That game is too large.' });
    }
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch {
      return send(res, 400, { ok: false, reason: 'That request is not JSON.' });
    }
    const parsed = VerifySchema.safeParse(data);
    if (!parsed.success) return send(res, 400, { ok: false, reason: 'That request is not a game to check.' });
    const answer: VerifyAnswer = { holds: signer.holds(parsed.data.signedText, parsed.data.signature) };
    send(res, 200, answer);
  })().catch(() => send(res, 500, { ok: false, reason: 'The server could not check that game.' }));
  return true;
}
