// The hardest level's look-ahead: its best few candidates, each played on a few turns under the
// same dice (by a policy the caller gives: itself and a model of the other side), and the one that
// leaves it best off chosen, where playing on clearly disagrees with the search.
import type { Move } from '../engine/index.ts';
import { applyMove } from '../engine/index.ts';
import type { Candidate } from './choose.ts';
import type { Rand } from './rng.ts';
import { type Policy, playOn } from './rollout.ts';
import type { Seen } from './seen.ts';

/** How many of its best proposals or order sets the hardest level plays on from. */
const LOOKED_AT = 3;

/** Orders the search rates within this of its best (points) are played on: ties it cannot break. */
export const NEAR = 0.3;

/**
 * Points by which playing on must favour another candidate to overturn the search's choice: a few
 * short games on are a noisy judge, and where they barely differ the search's choice stands (a
 * design estimate; without it, Washington's level 3 beat level 2 in Liberation Day by a hair).
 */
const STANDS = 0.5;

/** How many turns it plays on before it reads the standing (held from then to the end). */
const LOOK_TURNS = 3;

/** The total a move leaves the AI, played on from the state after it (the mean over the seeds). */
function playedOn(seen: Seen, policy: Policy, c: Candidate, seeds: readonly string[]): number | null {
  const r = applyMove(seen.scenario, seen.s, { ...c.move, ai: { code: c.code } } as Move);
  if (!r.ok) return null;
  let v = 0;
  for (const seed of seeds) v += playOn(seen.scenario, r.state, seen.side, policy, seed, LOOK_TURNS);
  return v / seeds.length;
}

/**
 * The hardest level's choice among its candidates, judged by playing on: after each of its best
 * (by the search), the game is played on a few turns, the same dice for each, and a candidate is
 * worth the total it leaves the AI (points, as the search counts them; the rules are added after),
 * the search's own choice `STANDS` points more. Only candidates `worth` playing on are, and they
 * rank above the rest; among them, playing on decides. The others keep their search value. Both
 * sides' moves while playing on are `policy`'s.
 */
export function lookedAhead(
  seen: Seen,
  policy: Policy,
  n: number,
  cands: readonly Candidate[],
  worth: (c: Candidate) => boolean,
  rand: Rand,
): Candidate[] {
  const best = cands
    .filter(worth)
    .sort((a, b) => b.search - a.search)
    .slice(0, LOOKED_AT);
  if (best.length < 2) return [...cands];
  const seeds = Array.from({ length: n }, () => String(Math.floor(rand() * 2 ** 32)));
  const values = new Map<Candidate, number>();
  for (const c of best) {
    const v = playedOn(seen, policy, c, seeds);
    if (v !== null) values.set(c, v + (c === best[0] ? STANDS : 0));
  }
  if (values.size < 2) return [...cands];
  const vals = [...values.values()];
  const lo = Math.min(...vals);
  const span = Math.max(1e-9, Math.max(...vals) - lo);
  // When playing on changes the search's choice (best[0]), the move says so.
  const value = (c: Candidate) => values.get(c) ?? Number.NEGATIVE_INFINITY;
  const chosen = best.reduce((a, c) => (value(c) > value(a) ? c : a), best[0]!);
  const changed = chosen !== best[0];
  const high = best[0]!.search;
  return cands.map((c) => {
    const v = values.get(c);
    if (v === undefined) return c;
    return {
      ...c,
      search: high + (v - lo) / span,
      code: changed && c === chosen ? 'search:look-ahead' : c.code,
    };
  });
}
