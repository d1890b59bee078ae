// What each side may see (DESIGN.md "What each side sees"). Public: levels, announcements,
// indicators, alternatives, credibility, tension, events, proposals and answers, revealed orders,
// leverage as the setting allows. Private to a side: its objectives, red lines, briefing, draft
// orders and its AI profiles. In no view: the random streams. The AI and the interface read only this.
import type { Hand } from './leverage.ts';
import { leverage } from './leverage.ts';
import { rulesFor } from './rules.ts';
import type { BySide, GameState, Order, Scenario, Side } from './types.ts';

export type Viewer = Side | 'public';

type Briefing = Scenario['briefings']['us'];
export type PublicScenario = Omit<Scenario, 'objectives' | 'redLines' | 'briefings' | 'profiles'>;

export interface View {
  readonly viewer: Viewer;
  readonly scenario: PublicScenario;
  readonly mine: {
    readonly objectives: Scenario['objectives'];
    readonly redLines: Scenario['redLines'];
    readonly briefing: Briefing | null;
    readonly profiles: Scenario['profiles'];
  };
  readonly state: {
    readonly meta: GameState['meta'];
    readonly world: GameState['world'];
    readonly round: Omit<GameState['round'], 'drafts'> & {
      readonly drafts: { readonly mine: readonly Order[] | null; readonly submitted: BySide<boolean> };
    };
  };
  readonly leverage: {
    readonly us: number;
    readonly cn: number;
    readonly atStake: number;
    readonly hands: Partial<BySide<Hand>>;
  } | null;
}

const publicCache = new WeakMap<Scenario, PublicScenario>();

function publicScenario(scenario: Scenario): PublicScenario {
  let p = publicCache.get(scenario);
  if (!p) {
    const { objectives: _o, redLines: _r, briefings: _b, profiles: _p, ...rest } = scenario;
    p = rest;
    publicCache.set(scenario, p);
  }
  return p;
}

/** The game as one side (or the projector, `public`) may see it. */
export function viewFor(scenario: Scenario, s: GameState, viewer: Viewer): View {
  const { drafts, ...round } = s.round;
  const mineSide = viewer === 'public' ? null : viewer;
  const show = s.meta.setup.leverage;
  let lev: View['leverage'] = null;
  if (show === 'live' || (show === 'after' && s.round.phase === 'over') || (show === 'own' && mineSide)) {
    const l = leverage(rulesFor(scenario), s.world);
    const hands: Partial<BySide<Hand>> =
      show === 'own' && mineSide && s.round.phase !== 'over' ? { [mineSide]: l.hands[mineSide] } : l.hands;
    lev = { us: l.us, cn: l.cn, atStake: l.atStake, hands };
  }
  return {
    viewer,
    scenario: publicScenario(scenario),
    mine: {
      objectives: mineSide ? scenario.objectives.filter((o) => o.side === mineSide) : [],
      redLines: mineSide ? scenario.redLines.filter((r) => r.side === mineSide) : [],
      briefing: mineSide ? scenario.briefings[mineSide] : null,
      profiles: mineSide ? scenario.profiles.filter((p) => p.side === mineSide) : [],
    },
    state: {
      meta: s.meta,
      world: s.world,
      round: {
        ...round,
        drafts: {
          mine: mineSide ? drafts[mineSide] : null,
          submitted: { us: drafts.us !== null, cn: drafts.cn !== null },
        },
      },
    },
    leverage: lev,
  };
}
