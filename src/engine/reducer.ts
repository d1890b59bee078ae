// The one entry point for change: applyMove checks a move and, if it is legal, produces the next
// state with immer. Each move type has its handler; the turn advances itself once both sides'
// orders are in. A refused move returns the reason and leaves the state untouched.
import { produce } from 'immer';
import { deepFreeze } from '../model/freeze.ts';
import {
  dropAnnouncement,
  metaCopy,
  newsCopy,
  own,
  roundCopy,
  streamsCopy,
  talksCopy,
  worldCopy,
} from './copy.ts';
import { addTension, addToIndicators, fireEvent, moveInstrument } from './effects.ts';
import { advance } from './kernel.ts';
import { draw } from './rng.ts';
import type { Rules } from './rules.ts';
import { rulesFor } from './rules.ts';
import type { GameState, Move, MoveResult, Scenario, Working } from './types.ts';
import { aiStream, other } from './types.ts';
import { canonicalClause, canonicalOrder, checkMove, pendingReadout } from './validate.ts';

/** Applies a legal move's effects to a plain copy of the state (the move has been checked). */
function apply(rules: Rules, s: Working, move: Move) {
  s.meta.moveCount += 1;
  // The AI drew from its side's stream to choose this move.
  if (move.ai && move.side !== 'control') {
    const k = aiStream(move.side, s.round.phase);
    s.rng[k] = draw(s.rng[k])[1];
  }
  switch (move.type) {
    case 'inject':
      fireEvent(rules, s, move.event);
      return;
    case 'news':
      s.round.news.push({ kind: 'instructor', text: move.text });
      return;
    case 'readout': {
      const p = pendingReadout(s, move.side)!;
      own(s, 'packages')[s.world.packages.indexOf(p)] = {
        ...p,
        readouts: { ...p.readouts, [move.side]: move.style },
      };
      s.round.news.push({ kind: 'readout', side: move.side, style: move.style });
      if (move.style === 'trumpet') {
        const { readout, tension } = rules.scenario.params;
        const sides = rules.scenario.sides;
        addToIndicators(rules, s, {
          [sides[move.side].politics]: readout.trumpetGain,
          [sides[other(move.side)].politics]: readout.trumpetCost,
        });
        addTension(rules, s, tension.trumpet);
      }
      return;
    }
    case 'orders':
      s.round.drafts[move.side] = move.orders.map(canonicalOrder); // the turn ends in applyMove once both are in
      return;
    case 'propose': {
      const t = s.round.talks;
      const clauses = move.clauses.map(canonicalClause);
      t.open = { by: move.side, clauses };
      t.made[move.side] += 1;
      t.passed[move.side] = false;
      t.toMove = other(move.side);
      s.round.news.push({ kind: 'proposal', side: move.side, clauses });
      return;
    }
    case 'accept':
      acceptOpen(rules, s, move.side);
      return;
    case 'reject':
      s.round.talks.open = null;
      s.round.news.push({ kind: 'answer', side: move.side, accepted: false, reason: move.reason });
      return;
    case 'pass': {
      const t = s.round.talks;
      t.passed[move.side] = true;
      t.toMove = other(move.side);
      if (t.passed.us && t.passed.cn) s.round.phase = 'orders';
      return;
    }
  }
}

/** An accepted package: instrument changes at once, statements' effects, tension eases. */
function acceptOpen(rules: Rules, s: Working, side: GameState['round']['talks']['toMove']) {
  const open = s.round.talks.open!;
  s.round.talks.open = null;
  for (const c of open.clauses) {
    if (c.kind === 'instrument') {
      dropAnnouncement(s, c.instrument); // withdrawn inside a package: it costs no resolve
      moveInstrument(rules, s, c.instrument, c.level);
    } else if (c.kind === 'statement') {
      addToIndicators(rules, s, rules.statements.get(c.statement)?.effects ?? {});
    }
  }
  own(s, 'packages').push({
    id: s.world.packages.length + 1,
    turn: s.round.turn,
    proposer: open.by,
    clauses: open.clauses,
    status: 'active',
    brokenBy: null,
    readouts: { us: null, cn: null },
  });
  addTension(rules, s, rules.scenario.params.tension.agreement);
  s.round.news.push({ kind: 'answer', side, accepted: true });
}

/**
 * A plain copy of `s` for one move: the meta (the move count), the part the move writes to and the
 * containers in it are copied, everything else (frozen) is shared. Talks moves and orders touch a
 * few small containers of the round and share the world; an acceptance, a readout or an injected
 * event may move much of the standing, so they get a copy of the world whose containers are copied
 * as they are first written (copy.ts `own`), and the talks and news they write.
 */
function moveCopy(s: GameState, move: Move): Working {
  const meta = metaCopy(s.meta);
  const rng = move.ai && move.side !== 'control' ? streamsCopy(s.rng) : (s.rng as Working['rng']);
  const r = s.round;
  const round = roundCopy(r);
  switch (move.type) {
    case 'pass':
      round.talks = talksCopy(r.talks);
      round.talks.passed = { us: r.talks.passed.us, cn: r.talks.passed.cn };
      break;
    case 'propose':
      round.talks = talksCopy(r.talks);
      round.talks.made = { us: r.talks.made.us, cn: r.talks.made.cn };
      round.talks.passed = { us: r.talks.passed.us, cn: r.talks.passed.cn };
      round.news = newsCopy(r.news);
      break;
    case 'reject':
      round.talks = talksCopy(r.talks);
      round.news = newsCopy(r.news);
      break;
    case 'orders':
      round.drafts = { us: r.drafts.us, cn: r.drafts.cn } as Working['round']['drafts'];
      break;
    default:
      round.talks = talksCopy(r.talks);
      round.news = newsCopy(r.news);
      return { meta, world: worldCopy(s.world), round, rng };
  }
  // typed as a draft: the move writes only the containers copied here
  return { meta, world: s.world as Working['world'], round, rng };
}

/** Checks a move and applies it: the next state, or a refusal with the state unchanged. */
export function applyMove(scenario: Scenario, state: GameState, move: Move): MoveResult {
  const rules = rulesFor(scenario);
  const refusal = checkMove(rules, state, move);
  if (refusal) return refusal;
  // The move is applied to a plain copy of what it changes and the producer returns it, frozen, as
  // the next state: drafting the same few fields through immer's proxies cost three times as much,
  // and the frozen parts it shares with the last state are not walked again. Once both sides'
  // orders are in, the kernel ends the turn on the game's own dice.
  const copy = moveCopy(state, move);
  apply(rules, copy, move);
  let next: GameState = copy;
  if (next.round.phase === 'orders' && next.round.drafts.us !== null && next.round.drafts.cn !== null)
    next = advance(rules, next, { us: next.round.drafts.us, cn: next.round.drafts.cn }, next.rng);
  const done = deepFreeze(next);
  return { ok: true, state: produce(state, () => done) };
}
