// A decision's candidates and the choice among them: each candidate move carries its search value
// and the code of what made it; the profile's rules add their weights after the `never` filters,
// its level's noise breaks ties, and the move chosen says what decided it.
import type { Draft } from 'immer';
import type { AiNote, Clause, Move, MoveBody } from '../engine/index.ts';
import { deliveredShare } from '../engine/index.ts';
import type { Rule } from '../model/profile-schema.ts';
import { breaksItsWord, ruleApplies, ruleEffect, type Situation } from './character.ts';
import type { Model } from './model.ts';
import type { Rand } from './rng.ts';

export interface Candidate {
  readonly move: MoveBody;
  readonly search: number;
  readonly code: string; // the search term, if search decides
  readonly calm?: boolean | undefined; // orders that add no tension
  readonly needs?: Clause | undefined; // a rejection's: what it asks for (its sentence names it)
  readonly worth?: number | undefined; // an acceptance at a deadline's: what signing is worth to it, score points
  readonly gains?: readonly [number, number] | undefined; // a proposal's: the modelled gains, its own and the other side's
}

type Extras = Pick<Candidate, 'calm' | 'needs' | 'worth' | 'gains'>;

/**
 * A candidate with every field, set in one order: V8 then gives all candidates one shape, and the
 * code that reads them (`choose`, every decision) one compiled form. Candidates made as literals of
 * a dozen shapes had `choose` compiled afresh as each new shape came, seven times in 500 games.
 */
export const candidate = (move: MoveBody, search: number, code: string, more: Extras = {}): Candidate => ({
  move,
  search,
  code,
  calm: more.calm,
  needs: more.needs,
  worth: more.worth,
  gains: more.gains,
});

const round1 = (x: number) => Math.round(x * 10) / 10;

/**
 * Picks the best candidate after the rules, and names what decided it. `vary` may put another in
 * the chosen one's place (a different anchor for an opening), if no `never` rule bars it.
 */
export function choose(
  cands: readonly Candidate[],
  rules: readonly Rule[],
  x: Situation,
  rand: Rand,
  vary?: (c: Candidate) => Candidate | null,
): Move {
  // A rule with a chance below 1 applies on this decision only if the AI's dice say so.
  const active: Rule[] = [];
  for (const r of rules) if (ruleApplies(r, x) && (r.chance >= 1 || rand() < r.chance)) active.push(r);
  const noise = x.m.depth.noise;
  // Each candidate's first `never` rule and its rules' sum; which rules touched it is worked out
  // again only for the two candidates the reason code reads (the rules are pure).
  // Whether a candidate would break a deal in force is read once for it, and only if a rule of
  // conduct (not an `avoid` or a `never`) is active: those are the rules it silences.
  const conduct = active.some((r) => !r.avoid && !r.never);
  const scored = cands.map((c): Scored => {
    let never: Rule | null = null;
    let ruleSum = 0;
    const breaks = conduct && breaksItsWord(x.m, c.move);
    for (const r of active) {
      const e = ruleEffect(r, x, c.move, breaks);
      if (e === 'never') never ??= r;
      else if (e !== null) ruleSum += e;
    }
    const jitter = noise * rand();
    return { c, never, search: c.search + jitter, total: c.search + ruleSum + jitter };
  });
  let best = scored.find((s) => !s.never) ?? scored[0]!;
  let searchBest = scored[0]!;
  for (const s of scored) {
    if (!s.never && s.total > best.total) best = s;
    if (s.search > searchBest.search) searchBest = s;
  }
  const { code, instead } =
    searchBest === best ? { code: best.c.code, instead: false } : decidedBy(best, searchBest, active, x);
  const alt = vary?.(best.c);
  if (alt && !active.some((r) => ruleEffect(r, x, alt.move) === 'never'))
    return { ...alt.move, ai: { code: alt.code, value: round1(best.total) } } as Move;
  // The note's fields in this order, each only when it has one (written in turn: spreading a few
  // small objects into one cost as much as the rest of the choice).
  const ai: Draft<AiNote> = { code, value: round1(best.total) };
  if (best.c.needs) ai.needs = best.c.needs;
  if (best.c.worth !== undefined) ai.worth = best.c.worth;
  if (best.c.move.type === 'pass') {
    const delivered = heldDelivered(x.m);
    if (delivered !== undefined) ai.delivered = delivered;
  }
  if (instead) ai.instead = instead;
  return { ...best.c.move, ai } as Move;
}

interface Scored {
  readonly c: Candidate;
  readonly never: Rule | null;
  readonly search: number;
  readonly total: number;
}

/**
 * What turned the choice from the search's: the rule that lifted the chosen move, or else the one
 * that sank (or barred) the search's choice. `instead`: a rule turned it, none lifted the chosen one.
 * Apart from `choose`, which runs for every decision, as this runs only when the rules changed it.
 */
function decidedBy(
  best: Scored,
  searchBest: Scored,
  active: readonly Rule[],
  x: Situation,
): { code: string; instead: boolean } {
  if (searchBest.never) return { code: `rule:${searchBest.never.id}`, instead: true };
  const effects = (c: Candidate) =>
    active.flatMap((rule) => {
      const effect = ruleEffect(rule, x, c.move);
      return typeof effect === 'number' ? [{ rule, effect }] : [];
    });
  const up = effects(best.c)
    .filter((h) => h.effect > 0)
    .sort((a, b) => b.effect - a.effect)[0];
  const down = effects(searchBest.c)
    .filter((h) => h.effect < 0)
    .sort((a, b) => a.effect - b.effect)[0];
  const decider = up ? up.rule : (down?.rule ?? null);
  return { code: decider ? `rule:${decider.id}` : best.c.code, instead: !up && decider !== null };
}

/** While a deal is in force, a pass says how the other side's promises stand (its sentence names it). */
function heldDelivered(m: Model): number | undefined {
  const share = deliveredShare(m.s.world, m.opp);
  if (!m.dealNow || share === null) return undefined;
  return Math.min(1, Math.round(100 * share) / 100);
}
