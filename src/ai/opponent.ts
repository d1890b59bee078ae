// The model of the other side, learnt from what it did at the table: the AI values every package
// with the other side's public weights (the model's tables), and learns from the talks of the turn
// before how the other side likes each lever — what it asked for, what it offered of its own, and
// what it refused. A side that asked for a lever likes it more than its public weights say; one
// that offered its own lever minds giving it less; one that refused an offer asking for its lever
// minds that more. Only the turn before is read: it is the whole of a turn's standing (the memo
// keeps a plan by it), and what a side did long ago says less of what it wants now.
import type { Clause, GameState, Rules, Side } from '../engine/index.ts';
import { clauseGiver } from '../engine/index.ts';

/** A lever's name as the clause table keys it: the instrument, the promise's item or the statement. */
export const leverOf = (c: Clause): string =>
  c.kind === 'instrument' ? `i:${c.instrument}` : c.kind === 'statement' ? `s:${c.statement}` : `c:${c.item}`;

/** How much more the other side likes a lever for each time it asked for it (a design estimate). */
const ASKED = 0.2;

/** How much more it likes giving a lever of its own for each time it offered it (a design estimate). */
const OFFERED = 0.15;

/** How much less it likes giving a lever of its own for each refused offer that asked for it (a design estimate). */
const REFUSED = 0.15;

/** The bounds of a lever's factor: evidence bends the public weights, it does not replace them (a design estimate). */
const LEAST = 0.6;
const MOST = 1.6;

/**
 * How `opp` likes each lever, learnt from the talks of the turn before: above 1 it wants the lever
 * more (or minds giving its own less) than its public weights say, below 1 less; a lever not named
 * is at 1.
 */
export function learntFactors(rules: Rules, s: GameState, opp: Side): ReadonlyMap<string, number> {
  const factors = new Map<string, number>();
  const bend = (lever: string, by: number) =>
    factors.set(lever, Math.min(MOST, Math.max(LEAST, (factors.get(lever) ?? 1) * by)));
  const news = s.round.lastNews;
  for (let i = 0; i < news.length; i++) {
    const n = news[i]!;
    if (n.kind === 'proposal' && n.side === opp) {
      // its own offer: what it asks for it wants, what it gives of its own it can spare
      for (const c of n.clauses) bend(leverOf(c), clauseGiver(rules, c) === opp ? 1 + OFFERED : 1 + ASKED);
    } else if (n.kind === 'answer' && n.side === opp && !n.accepted) {
      // it refused the offer before this answer: what that offer asked of it costs it more
      for (let j = i - 1; j >= 0; j--) {
        const p = news[j]!;
        if (p.kind !== 'proposal') continue;
        if (p.side !== opp)
          for (const c of p.clauses) if (clauseGiver(rules, c) === opp) bend(leverOf(c), 1 - REFUSED);
        break;
      }
    }
  }
  return factors;
}
