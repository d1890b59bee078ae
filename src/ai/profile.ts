// Profiles at play: finding a seat's profile, the built-in `random` baseline, and the acceptance
// threshold θ(t) — the share of its target package a profile still insists on at a given turn,
// falling toward its deadline at the profile's pace (DESIGN.md: "fast for Washington before a
// summit, slow for Beijing").
import type { Rules, Side } from '../engine/index.ts';
import { deepFreeze } from '../model/freeze.ts';
import type { ClauseMatch, MoveMatch, Profile, ProfileParams, Rule } from '../model/profile-schema.ts';
import { thresholdsAt } from '../model/thresholds.ts';

export type { Profile };

export const RANDOM_PROFILE = 'random';

/** The built-in profile of a side whose scenario has none: even-tempered, without rules. */
export const PLAIN_PROFILE = 'plain';

/** A profile's parameters when a seat names none the scenario has: even-tempered, no rules. */
export const PLAIN: ProfileParams = {
  patience: 0.5,
  reciprocity: 'none',
  face: 1,
  maxTension: 850,
  headlineBias: 0,
  thetaStart: 0.85,
  thetaFloor: 0.35,
  deadline: 'summit',
  estimate: 'the plain profile',
};

/**
 * The hardest level's model of the other side when it plays the game on (the other side's profile is
 * private): the plain profile, which also answers escalation in proportion.
 */
export const ANSWERING_PROFILE = 'answering';

/**
 * Levels of play: 1 to 3, 3 the hardest. They differ in search depth and opponent modelling, and in
 * the thresholds a profile restates for a level (`profileAt`).
 */
export const AI_LEVELS = [1, 2, 3] as const;
export type AiLevel = (typeof AI_LEVELS)[number];
export const DEFAULT_AI_LEVEL = 2;

/** How each level searches (never what it wants). */
export interface Depth {
  readonly horizon: number; // turns of summed utility its orders look ahead (packages: the whole game)
  readonly flatPrior: boolean; // models the opponent with equal weights instead of its public ones
  // makes a second proposal in a turn when tension nears the risk line (an agreement is the one
  // thing that eases it)
  readonly secondOffer: boolean;
  // weighing an offer against waiting a turn: how surely it counts on a deal later (0: it does not
  // weigh waiting at all, and holds to its threshold; the hardest level counts about as often as
  // deals come)
  readonly lookahead: number;
  readonly logroll: boolean; // searches packages (the Nash ascent and logrolling); else offers its templates as they stand
  readonly leverage: boolean; // values the leverage its orders win or spend (how it moves the other side's terms)
  readonly noise: number; // points of random tie-breaking between candidate moves
  readonly precision: number; // how far (a share) its judgement of a package's worth may stray
  // before it proposes, and before it gives orders that add no tension, it plays the game on a few
  // turns after each of its best choices, this many times, and takes what leaves it best placed
  // (0: it does not look)
  readonly rollouts: number;
  // with a deal in force it raises nothing unless the other side has just escalated against it
  // (the forgiving level: it keeps the peace it signed)
  readonly keepsPeace: boolean;
}

const DEPTHS: readonly Depth[] = [
  // 1: a short look at its orders, the other side as a flat prior, templates as they stand
  {
    horizon: 2,
    flatPrior: true,
    secondOffer: false,
    lookahead: 0,
    logroll: false,
    leverage: false,
    noise: 1,
    precision: 0.15,
    rollouts: 0,
    keepsPeace: true,
  },
  // 2: the whole game, the other side's public weights, the package search
  {
    horizon: 99,
    flatPrior: false,
    secondOffer: false,
    lookahead: 0,
    logroll: true,
    leverage: true,
    noise: 0.3,
    precision: 0.15,
    rollouts: 0,
    keepsPeace: false,
  },
  // 3: and it weighs waiting, and plays the game on before it proposes or gives calm orders
  {
    horizon: 99,
    flatPrior: false,
    secondOffer: true,
    lookahead: 0.7,
    logroll: true,
    leverage: true,
    noise: 0.1,
    precision: 0.08,
    rollouts: 4,
    keepsPeace: false,
  },
];

export function depthOf(level: number): Depth {
  return DEPTHS[Math.min(DEPTHS.length, Math.max(1, Math.round(level))) - 1]!;
}

/** The turn a profile's threshold falls toward: the summit (if any), or the game's last turn. */
export function deadlineTurn(rules: Rules, p: Profile): number {
  if (p.params.deadline === 'summit' && rules.summitTurn !== null) return rules.summitTurn;
  return rules.totalTurns - 1;
}

/**
 * θ(t): the share of its target a profile accepts at turn t (and a fraction of a turn, for its second
 * proposal). A time-dependent tactic: θ = floor + (start − floor)·(1 − x^(1/β)), x the share of time
 * to its deadline gone, β = (1 − patience)/patience — patience 0.5 concedes linearly, less concedes
 * early (a conceder), more holds out until late (a boulware).
 */
export function theta(rules: Rules, p: Profile, t: number): number {
  const { thetaStart, thetaFloor, patience } = p.params;
  const end = Math.max(1, deadlineTurn(rules, p));
  const x = Math.min(1, Math.max(0, t / end));
  const pat = Math.min(0.95, Math.max(0.05, patience));
  const beta = (1 - pat) / pat;
  return thetaFloor + (thetaStart - thetaFloor) * (1 - x ** (1 / beta));
}

const atLevels = new WeakMap<Profile, Map<number, Profile>>();

/**
 * The profile as it plays at a level: its thresholds as restated for that level, if it restates them,
 * and its rules each in one shape (below). The same object for every call, so what is kept by
 * profile stays kept.
 */
export function profileAt(p: Profile, level: number): Profile {
  const at = Math.round(level);
  let byLevel = atLevels.get(p);
  if (!byLevel) {
    byLevel = new Map();
    atLevels.set(p, byLevel);
  }
  let out = byLevel.get(at);
  if (!out) {
    const restated = thresholdsAt(p, at);
    out = deepFreeze({
      ...p,
      params: restated ? { ...p.params, ...restated } : p.params,
      rules: p.rules.map(ruleShape),
    });
    byLevel.set(at, out);
  }
  return out;
}

// Every decision weighs each rule against each candidate move. Read from the scenario file, a rule
// holds only the fields it was written with, so rules come in many shapes, and V8 reads a field of
// objects of many shapes slowly; here each rule, and each match in it, has every field (absent ones
// undefined) in one order, which reads the same wherever the code asks whether a field is there.
// `Whole` makes the compiler ask for every field the schema has: one added there and left out here
// does not compile.
type Whole<T> = { readonly [K in keyof T]-?: T[K] | undefined };

const ruleShape = (r: Rule): Rule => {
  const whole: Whole<Rule> = {
    id: r.id,
    text: r.text,
    when: r.when,
    weight: r.weight,
    chance: r.chance,
    prefer: moveMatchShape(r.prefer),
    avoid: moveMatchShape(r.avoid),
    never: moveMatchShape(r.never),
    respond: r.respond,
    mirror: r.mirror,
    source: r.source,
    quote: r.quote,
    estimate: r.estimate,
  };
  return whole as Rule;
};

function moveMatchShape(w: MoveMatch | undefined): MoveMatch | undefined {
  if (!w) return undefined;
  const whole: Whole<MoveMatch> = {
    move: w.move,
    order: w.order,
    instrument: w.instrument,
    instrumentKind: w.instrumentKind,
    alternative: w.alternative,
    contains: Array.isArray(w.contains)
      ? w.contains.map(clauseMatchShape)
      : w.contains && clauseMatchShape(w.contains),
    style: w.style,
    reason: w.reason,
  };
  return whole as MoveMatch;
}

const clauseMatchShape = (c: ClauseMatch): ClauseMatch => {
  const whole: Whole<ClauseMatch> = { kind: c.kind, id: c.id, giver: c.giver, tied: c.tied, below: c.below };
  return whole as ClauseMatch;
};

/** The profile a seat names, among this side's own profiles. */
export function findProfile(profiles: readonly Profile[], id: string, side: Side): Profile | undefined {
  return profiles.find((p) => p.id === id && p.side === side);
}
