// What the server's JSON routes share: an error that carries its HTTP status and a sentence for
// the player, an answer written as JSON (never cached), and a request body read as JSON up to a cap.
import type { IncomingMessage, ServerResponse } from 'node:http';

/** A request refused with a status and a plain sentence (the routes answer `{ ok: false, reason }`). */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export function sendJson(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

/** The request's body as JSON (an empty body is `{}`); `HttpError` 413 past `maxChars`, 400 if not JSON. */
export async function readJson(req: IncomingMessage, maxChars: number, tooLarge: string): Promise<unknown> {
  let text = '';
  for await (const chunk of req) {
    text += String(chunk);
    if (text.length > maxChars) throw new HttpError(413, tooLarge);
  }
  if (!text) return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new HttpError(400, 'That request is not JSON.');
  }
}
