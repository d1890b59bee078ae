// "What makes a scenario playable" (DESIGN.md): each side needs an escalation, a move that builds
// alternatives, a logroll item (cheap for it, dear to the other) and a no-deal line that costs it
// something — otherwise turtling is built in. The no-deal line needs the engine; the caller passes
// the engine's `noDealLoss` (this module does not import the engine, which imports the schema).

import type { Effects, Scenario, Side } from '../model/schema.ts';
import { SIDES } from '../model/schema.ts';
import { scenarioSpan, sideName } from './crossref.ts';
import type { Finding, Path } from './diagnostic.ts';

/** What no deal costs each side, in tenths of a point summed over the game (the engine's units). */
export type NoDealLoss = (s: Scenario) => { us: number; cn: number };

/** The least no-deal loss that counts as "clearly positive": 1% of the opening utility each turn. */
export const NO_DEAL_SHARE = 0.01;

const other = (side: Side): Side => (side === 'us' ? 'cn' : 'us');

/** Σ weight × effect over one side's indicators: what an effect is worth to that side, in tenths. */
function worth(s: Scenario, e: Effects, side: Side): number {
  let t = 0;
  for (const x of s.indicators) if (x.side === side) t += x.weight * (e[x.id] ?? 0);
  return t;
}

/** The side's opening utility, in tenths. */
function openingUtility(s: Scenario, side: Side): number {
  return s.indicators.reduce((t, x) => (x.side === side ? t + x.weight * x.start : t), 0);
}

/** Items the side can give that are worth more to the other side than they cost it. */
export function logrollItems(s: Scenario, side: Side): string[] {
  const them = other(side);
  const items: string[] = [];
  const good = (gain: number, cost: number) => gain > 0 && gain > cost;
  for (const c of s.commitments) {
    if (c.side === side && good(worth(s, c.effects, them), -worth(s, c.effects, side))) items.push(c.id);
  }
  for (const st of s.statements) {
    if (good(worth(s, st.effects, them), -worth(s, st.effects, side))) items.push(st.id);
  }
  const politics = s.indicators.find((x) => x.id === s.sides[side].politics);
  for (const inst of s.instruments) {
    if (inst.owner !== side || inst.level === 0) continue;
    const now = inst.levels[inst.level]?.effects ?? {};
    const eased = inst.levels[inst.level - 1]?.effects ?? {};
    const gain = worth(s, eased, them) - worth(s, now, them);
    const cost = worth(s, now, side) - worth(s, eased, side) + (politics?.weight ?? 0) * inst.concessionCost;
    if (good(gain, cost)) items.push(inst.id);
  }
  return items;
}

export function checkPlayability(s: Scenario, noDealLoss?: NoDealLoss): Finding[] {
  const out: Finding[] = [];
  const err = (path: Path, expected: string, found: string) =>
    out.push({ severity: 'error', path, expected, found });

  for (const side of SIDES) {
    const name = sideName(s, side);
    const owned = s.instruments.filter((i) => i.owner === side);
    const canRaise = owned.some((i) => i.level < i.levels.length - 1);
    const announced = s.announcements.some((a) =>
      owned.some((i) => i.id === a.instrument && a.level > i.level),
    );
    if (!canRaise && !announced) {
      err(
        ['sides', side],
        `an escalation for ${name}: an instrument it owns below its top level, or a pending announcement`,
        owned.length === 0 ? 'no instrument it owns' : 'every instrument it owns already at its top level',
      );
    }
    if (!s.alternatives.some((a) => a.side === side)) {
      err(
        ['sides', side],
        `a move that builds alternatives for ${name}: an \`alternatives\` entry with \`side: ${side}\``,
        'none',
      );
    }
    if (logrollItems(s, side).length === 0) {
      err(
        ['sides', side],
        `a logroll item for ${name}: a promise, a statement or a step down one of its instruments that is worth more to ${sideName(s, other(side))} than it costs ${name} (each by its own weights)`,
        'none',
      );
    }
  }

  if (noDealLoss) {
    let loss: { us: number; cn: number } | undefined;
    try {
      loss = noDealLoss(s);
    } catch (e) {
      err(
        [],
        'a scenario the engine can play with both sides passing',
        `an engine error (${String(e).slice(0, 120)})`,
      );
    }
    if (loss) {
      const turns = scenarioSpan(s).totalTurns;
      for (const side of SIDES) {
        const l = loss[side];
        const need = Math.max(1, NO_DEAL_SHARE * Math.abs(openingUtility(s, side)) * turns);
        if (!Number.isFinite(l) || l < need) {
          err(
            ['sides', side],
            `a clearly positive no-deal loss for ${sideName(s, side)}: at least ${(need / 10).toFixed(1)} points over the game (otherwise waiting wins)`,
            Number.isFinite(l) ? `${(l / 10).toFixed(1)} points` : String(l),
          );
        }
      }
    }
  }
  return out;
}
