// The class debrief, in figures and words (no DOM): every game's two scores (standing still is
// (0, 0)) and the real 2025 line's point, each game's final leverage against its score difference,
// how often each clause was signed and how well it was delivered, and a few discussion prompts drawn
// from the games. Games are named by the label the caller gives (a letter, or the students' names
// when the instructor chose them). Objectives and red lines are in it only when `reveal` is asked,
// which the server allows only once the games are over.
import type { GameRecord, GameState, Scenario, Side } from '../engine/index.ts';
import { historyLine, leverage, replay, rulesFor, score, tallyKey } from '../engine/index.ts';
import { clauseText, sideName } from './text.ts';

export interface DebriefPoint {
  readonly label: string;
  readonly us: number; // score, 0 = standing still
  readonly cn: number;
  readonly leverage: number; // Washington's share at the end, 0–1
  readonly deal: boolean; // a package in force at the end
}

export interface ClauseUse {
  readonly text: string;
  readonly kind: 'instrument' | 'purchase' | 'structural' | 'statement';
  readonly signed: number; // games whose signed deals held it
  readonly delivered: number | null; // share delivered of what was owed, over those games (promises only)
}

export interface ClassDebrief {
  readonly title: string;
  readonly points: readonly DebriefPoint[];
  readonly real: { readonly us: number; readonly cn: number } | null; // the real 2025 line's scores
  readonly clauses: readonly ClauseUse[];
  readonly prompts: readonly string[];
  readonly revealed: {
    readonly side: Side;
    readonly name: string;
    readonly objectives: readonly string[];
    readonly redLines: readonly string[];
  }[];
}

const realCache = new WeakMap<Scenario, { us: number; cn: number } | null>();

function realLine(scenario: Scenario) {
  if (realCache.has(scenario)) return realCache.get(scenario) ?? null;
  let v: { us: number; cn: number } | null = null;
  if (scenario.history?.script?.length) {
    try {
      const h = historyLine(scenario);
      v = { us: h.score.sides.us.score, cn: h.score.sides.cn.score };
    } catch {
      v = null;
    }
  }
  realCache.set(scenario, v);
  return v;
}

const round1 = (x: number) => Math.round(x * 10) / 10;

/** The class's debrief from its finished (or ended) games. */
export function classDebrief(
  scenario: Scenario,
  games: readonly { readonly label: string; readonly record: GameRecord }[],
  reveal: boolean,
): ClassDebrief {
  const rules = rulesFor(scenario);
  const finals: { label: string; state: GameState }[] = [];
  for (const g of games) {
    const r = replay(scenario, g.record.seed, g.record.setup, g.record.moves);
    if (r.ok) finals.push({ label: g.label, state: r.state });
  }
  const points: DebriefPoint[] = finals.map(({ label, state }) => {
    const sc = score(scenario, state);
    return {
      label,
      us: round1(sc.sides.us.score),
      cn: round1(sc.sides.cn.score),
      leverage: Math.round(leverage(rules, state.world).us * 1000) / 1000,
      deal: sc.deal,
    };
  });

  // how often each clause was signed, and how well its promise was delivered
  const uses = new Map<string, { kind: ClauseUse['kind']; games: Set<string>; owed: number; got: number }>();
  for (const { label, state } of finals) {
    for (const p of state.world.packages) {
      for (const c of p.clauses) {
        const text = clauseText(scenario, c);
        const kind: ClauseUse['kind'] =
          c.kind === 'pledge'
            ? 'purchase'
            : c.kind === 'commitment'
              ? 'structural'
              : c.kind === 'instrument'
                ? 'instrument'
                : 'statement';
        const u = uses.get(text) ?? { kind, games: new Set<string>(), owed: 0, got: 0 };
        u.games.add(label);
        if (c.kind === 'pledge' || c.kind === 'commitment') {
          const t = state.world.tallies[tallyKey(p.id, c.item)];
          if (t) {
            u.owed += t.promised;
            u.got += t.delivered;
          }
        }
        uses.set(text, u);
      }
    }
  }
  const clauses: ClauseUse[] = [...uses.entries()]
    .map(([text, u]) => ({
      text,
      kind: u.kind,
      signed: u.games.size,
      delivered: u.owed > 0 ? Math.round((u.got / u.owed) * 100) / 100 : null,
    }))
    .sort((a, b) => b.signed - a.signed || a.text.localeCompare(b.text));

  // discussion prompts drawn from the games
  const prompts: string[] = [];
  const us = sideName(scenario, 'us');
  const cn = sideName(scenario, 'cn');
  const best = (side: Side) =>
    [...points].sort((a, b) => b[side] - a[side] || a.label.localeCompare(b.label))[0] ?? null;
  const gave = (label: string, side: Side) => {
    const f = finals.find((x) => x.label === label);
    const given = (f?.state.world.packages ?? [])
      .flatMap((p) => p.clauses)
      .filter((c) =>
        c.kind === 'pledge' || c.kind === 'commitment' ? rules.commitments.get(c.item)?.side === side : false,
      )
      .map((c) => clauseText(scenario, c));
    return given.length ? given.join('; ') : 'nothing';
  };
  const topUs = best('us');
  if (topUs)
    prompts.push(
      `Which ${us} scored highest, and what did it give? Game ${topUs.label} (${topUs.us.toFixed(0)}): it promised ${gave(topUs.label, 'us')}.`,
    );
  const topCn = best('cn');
  if (topCn)
    prompts.push(
      `And the best ${cn}? Game ${topCn.label} (${topCn.cn.toFixed(0)}): it promised ${gave(topCn.label, 'cn')}.`,
    );
  const share = (kind: ClauseUse['kind']) => {
    const xs = clauses.filter((c) => c.kind === kind && c.delivered !== null);
    if (!xs.length) return null;
    return xs.reduce((a, c) => a + (c.delivered ?? 0) * c.signed, 0) / xs.reduce((a, c) => a + c.signed, 0);
  };
  const p = share('purchase');
  const s = share('structural');
  prompts.push(
    p === null && s === null
      ? 'Which deals held: purchases or structural commitments? No game signed a promise to deliver — why not?'
      : `Which deals held: purchases or structural commitments? Purchases delivered ${p === null ? '— (none signed)' : `${Math.round(p * 100)}%`}, structural commitments ${s === null ? '— (none signed)' : `${Math.round(s * 100)}%`} of what they owed.`,
  );
  const deals = points.filter((x) => x.deal).length;
  prompts.push(
    `${deals} of ${points.length} game${points.length === 1 ? '' : 's'} ended with a deal in force. Did the games with more leverage for ${us} score better for ${us}?`,
  );
  const real = realLine(scenario);
  if (real)
    prompts.push(
      `The real 2025 scores ${real.us.toFixed(0)} for ${us} and ${real.cn.toFixed(0)} for ${cn}: which games did better than history, and how?`,
    );

  return {
    title: scenario.meta.title,
    points,
    real,
    clauses,
    prompts,
    revealed: reveal
      ? (['us', 'cn'] as const).map((side) => ({
          side,
          name: sideName(scenario, side),
          objectives: scenario.objectives.filter((o) => o.side === side).map((o) => o.text),
          redLines: scenario.redLines.filter((r) => r.side === side).map((r) => r.text),
        }))
      : [],
  };
}
