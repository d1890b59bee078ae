// The strength table (issue: "Strength, as paired comparisons"): for each side, its scenario profile
// at the hardest level against the `random` profile head to head, and paired comparisons — the same
// seat, the same seeds, the same opponent (the other side's profile at the default level) — of the
// hardest level against `random` and of each level against the one below. A seat beats another on
// a seed when its score is higher there; a tie counts half.
import type { BySide, Scenario, Side } from '../engine/index.ts';
import { AI_LEVELS, type AiSeat, DEFAULT_AI_LEVEL, defaultSeat, RANDOM_PROFILE } from './index.ts';
import type { GameSummary } from './match.ts';

export interface Pairing {
  readonly label: string; // "us h2h", "us random", "us 3"…
  readonly seats: BySide<AiSeat>;
}

export interface StrengthRow {
  readonly name: string;
  readonly share: number;
  readonly need: string;
  readonly pass: boolean;
  readonly required: boolean; // the paired rows; head to head is shown for information
}

const TOP = AI_LEVELS[AI_LEVELS.length - 1]!;

/** The games the table needs: per side, head to head against random, then random and each level in the seat. */
export function strengthPairings(scenario: Scenario): Pairing[] {
  const random: AiSeat = { profile: RANDOM_PROFILE, level: TOP };
  const out: Pairing[] = [];
  for (const side of ['us', 'cn'] as const) {
    const other: Side = side === 'us' ? 'cn' : 'us';
    const own = defaultSeat(scenario, side);
    const opp = { ...defaultSeat(scenario, other), level: DEFAULT_AI_LEVEL };
    const seatAt = (s: AiSeat): BySide<AiSeat> => (side === 'us' ? { us: s, cn: opp } : { us: opp, cn: s });
    const top = { ...own, level: TOP };
    out.push({
      label: `${side} h2h`,
      seats: side === 'us' ? { us: top, cn: random } : { us: random, cn: top },
    });
    out.push({ label: `${side} random`, seats: seatAt(random) });
    for (const level of AI_LEVELS) out.push({ label: `${side} ${level}`, seats: seatAt({ ...own, level }) });
  }
  return out;
}

const winShare = (games: readonly GameSummary[], side: Side) =>
  games.reduce((a, g) => a + (g.winner === side ? 1 : g.winner === 'tie' ? 0.5 : 0), 0) /
  Math.max(1, games.length);

/** The share of seeds on which `a` scored higher for `side` than `b` did (a tie counts half). */
export function pairedShare(a: readonly GameSummary[], b: readonly GameSummary[], side: Side): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!.score[side];
    const y = b[i]!.score[side];
    s += x > y + 1e-9 ? 1 : Math.abs(x - y) <= 1e-9 ? 0.5 : 0;
  }
  return s / Math.max(1, a.length);
}

/** The table's rows from the games of each pairing (by label, played on the same seeds). */
export function strengthTable(games: ReadonlyMap<string, readonly GameSummary[]>): StrengthRow[] {
  const rows: StrengthRow[] = [];
  const get = (label: string) => games.get(label) ?? [];
  for (const side of ['us', 'cn'] as const) {
    const h2h = winShare(get(`${side} h2h`), side);
    rows.push({
      name: `${side}: level ${TOP} against random, head to head`,
      share: h2h,
      need: '≥ 90%, for information',
      pass: h2h >= 0.9,
      required: false,
    });
    const vsRandom = pairedShare(get(`${side} ${TOP}`), get(`${side} random`), side);
    rows.push({
      name: `${side}: level ${TOP} against random, paired`,
      share: vsRandom,
      need: '≥ 90%',
      pass: vsRandom >= 0.9,
      required: true,
    });
    for (let i = AI_LEVELS.length - 1; i > 0; i--) {
      const hi = AI_LEVELS[i]!;
      const lo = AI_LEVELS[i - 1]!;
      const s = pairedShare(get(`${side} ${hi}`), get(`${side} ${lo}`), side);
      rows.push({
        name: `${side}: level ${hi} against level ${lo}, paired`,
        share: s,
        need: '> 50%',
        pass: s > 0.5,
        required: true,
      });
    }
  }
  return rows;
}
