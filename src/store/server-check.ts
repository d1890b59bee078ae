// Asks the server the page came from whether a class server signature holds (POST /online/verify).
// Where no class server answers — the game opened from a plain web host, the single file, offline —
// the check throws and the file opens unverified, as any other; only a server that answers "no"
// makes a signed file be refused.
import type { GameSignature, SignatureCheck, VerifyAnswer } from '../net/game-signature.ts';

export const serverSignatureCheck: SignatureCheck = async (signedText: string, signature: GameSignature) => {
  if (location.protocol !== 'http:' && location.protocol !== 'https:') throw new Error('no server');
  const r = await fetch('/online/verify', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ signedText, signature }),
  });
  if (!r.ok) throw new Error(`no class server here (${r.status})`);
  const answer = (await r.json()) as Partial<VerifyAnswer>;
  if (typeof answer.holds !== 'boolean') throw new Error('not a class server answer');
  return answer.holds;
};
