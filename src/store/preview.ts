// What a package would do, before it is sent or answered: the engine applies it to a copy of the
// game (proposal and acceptance), then both the copy and the game as it stands are played on to the
// end with both sides holding still; the difference in each side's summed utility is the package's
// worth to it. Leverage is read at once, before and after. Copies only: the game's own state and
// random streams are never touched, and no rule is written here.
import type { BySide, Clause, GameState, Move, Scenario, Side } from '../engine';
import { applyMove, leverage, other, rulesFor, SIDES, utilities, waitingOn } from '../engine';

export interface PackagePreview {
  readonly ok: true;
  readonly atOnce: BySide<number>; // utility change at once, points
  readonly toTheEnd: BySide<number>; // summed utility change to the end of the game, points
  readonly leverage: { readonly before: number; readonly after: number }; // L_us
}
export type PreviewResult = PackagePreview | { readonly ok: false; readonly reason: string };

/** Both sides hold still: answer "not now", stop talking, give no orders. */
function holdStill(s: GameState): Move | null {
  const side = waitingOn(s, { order: SIDES, seats: 'any' });
  if (!side) return null;
  if (s.phase === 'orders') return { type: 'orders', side, orders: [] };
  if (s.talks.open && s.talks.open.by !== side) return { type: 'reject', side, reason: 'timing' };
  return { type: 'pass', side };
}

/** The game played on with both sides holding still; its summed utility at the end. */
export function playOut(scenario: Scenario, start: GameState): BySide<number> {
  let s = start;
  for (let guard = 0; guard < 10_000; guard++) {
    const m = holdStill(s);
    if (!m) break;
    const r = applyMove(scenario, s, m);
    if (!r.ok) break;
    s = r.state;
  }
  return { ...s.totals.util };
}

const points = (tenths: number) => Math.round(tenths) / 10;

/**
 * The preview of `clauses` proposed by `by` and accepted by the other side — or, with `clauses`
 * null, of accepting the proposal open now.
 */
export function previewPackage(
  scenario: Scenario,
  state: GameState,
  by: Side,
  clauses: readonly Clause[] | null,
): PreviewResult {
  const rules = rulesFor(scenario);
  let s = state;
  if (clauses !== null) {
    if (s.talks.open && s.talks.open.by !== by) {
      // a counter-proposal: the open proposal is rejected first
      const rejected = applyMove(scenario, s, { type: 'reject', side: by, reason: 'too-little' });
      if (!rejected.ok) return { ok: false, reason: rejected.reason };
      s = rejected.state;
    }
    const r = applyMove(scenario, s, { type: 'propose', side: by, clauses });
    if (!r.ok) return { ok: false, reason: r.reason };
    s = r.state;
  }
  const answerer = clauses !== null ? other(by) : s.talks.toMove;
  const accepted = applyMove(scenario, s, { type: 'accept', side: answerer });
  if (!accepted.ok)
    return {
      ok: false,
      reason:
        clauses === null ? accepted.reason : 'The other side could not accept this package as it stands.',
    };
  const before = utilities(rules, state.values);
  const after = utilities(rules, accepted.state.values);
  const base = playOut(scenario, state);
  const withDeal = playOut(scenario, accepted.state);
  return {
    ok: true,
    atOnce: { us: points(after.us - before.us), cn: points(after.cn - before.cn) },
    toTheEnd: { us: points(withDeal.us - base.us), cn: points(withDeal.cn - base.cn) },
    leverage: { before: leverage(rules, state).us, after: leverage(rules, accepted.state).us },
  };
}
