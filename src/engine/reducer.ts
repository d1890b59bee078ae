// The one entry point for change: applyMove checks a move and, if it is legal, produces the next
// state with immer. Each move type has its handler; the turn advances itself once both sides'
// orders are in. A refused move returns the reason and leaves the state untouched.
import { produce } from 'immer';
import { addTension, addToIndicators, fireEvent, moveInstrument } from './effects';
import { advance, freezeNew, workingCopy } from './kernel';
import { draw } from './rng';
import type { Rules } from './rules';
import { rulesFor } from './rules';
import type { GameState, Move, MoveResult, Scenario, Working } from './types';
import { aiStream, other } from './types';
import { canonicalClause, canonicalOrder, checkMove, pendingReadout } from './validate';

/** Applies a legal move's effects to a plain copy of the state (the move has been checked). */
function apply(rules: Rules, s: Working, move: Move) {
  s.moveCount += 1;
  // The AI drew from its side's stream to choose this move.
  if (move.ai && move.side !== 'control') {
    const k = aiStream(move.side, s.phase);
    s.rng[k] = draw(s.rng[k])[1];
  }
  switch (move.type) {
    case 'inject':
      fireEvent(rules, s, move.event);
      return;
    case 'news':
      s.news.push({ kind: 'instructor', text: move.text });
      return;
    case 'readout': {
      const p = pendingReadout(s, move.side)!;
      s.packages[s.packages.indexOf(p)] = { ...p, readouts: { ...p.readouts, [move.side]: move.style } };
      s.news.push({ kind: 'readout', side: move.side, style: move.style });
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
      s.drafts[move.side] = move.orders.map(canonicalOrder); // the turn ends in applyMove once both are in
      return;
    case 'propose': {
      const t = s.talks;
      const clauses = move.clauses.map(canonicalClause);
      t.open = { by: move.side, clauses };
      t.made[move.side] += 1;
      t.passed[move.side] = false;
      t.toMove = other(move.side);
      s.news.push({ kind: 'proposal', side: move.side, clauses });
      return;
    }
    case 'accept':
      acceptOpen(rules, s, move.side);
      return;
    case 'reject':
      s.talks.open = null;
      s.news.push({ kind: 'answer', side: move.side, accepted: false, reason: move.reason });
      return;
    case 'pass': {
      const t = s.talks;
      t.passed[move.side] = true;
      t.toMove = other(move.side);
      if (t.passed.us && t.passed.cn) s.phase = 'orders';
      return;
    }
  }
}

/** An accepted package: instrument changes at once, statements' effects, tension eases. */
function acceptOpen(rules: Rules, s: Working, side: GameState['talks']['toMove']) {
  const open = s.talks.open!;
  s.talks.open = null;
  for (const c of open.clauses) {
    if (c.kind === 'instrument') {
      delete s.announcements[c.instrument]; // withdrawn inside a package: it costs no resolve
      moveInstrument(rules, s, c.instrument, c.level);
    } else if (c.kind === 'statement') {
      addToIndicators(rules, s, rules.statements.get(c.statement)?.effects ?? {});
    }
  }
  s.packages.push({
    id: s.packages.length + 1,
    turn: s.turn,
    proposer: open.by,
    clauses: open.clauses,
    status: 'active',
    brokenBy: null,
    readouts: { us: null, cn: null },
  });
  addTension(rules, s, rules.scenario.params.tension.agreement);
  s.news.push({ kind: 'answer', side, accepted: true });
}

/**
 * A plain copy of `s` for one move: the root and the containers the move writes to are copied,
 * everything else (frozen) is shared. Talks moves touch a few small containers; an acceptance, a
 * readout or an injected event may move much of the standing, so they get the kernel's working copy.
 */
function moveCopy(s: GameState, move: Move): Working {
  const rng = move.ai && move.side !== 'control' ? { ...s.rng } : s.rng;
  // typed as a draft: the move writes only the containers copied here
  const copy = (x: GameState) => x as Working;
  switch (move.type) {
    case 'pass':
      return copy({ ...s, talks: { ...s.talks, passed: { ...s.talks.passed } }, rng });
    case 'propose':
      return copy({
        ...s,
        talks: { ...s.talks, made: { ...s.talks.made }, passed: { ...s.talks.passed } },
        news: [...s.news],
        rng,
      });
    case 'reject':
      return copy({ ...s, talks: { ...s.talks }, news: [...s.news], rng });
    case 'orders':
      return copy({ ...s, drafts: { ...s.drafts }, rng });
    default:
      return workingCopy(s, s.rng);
  }
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
  if (next.phase === 'orders' && next.drafts.us !== null && next.drafts.cn !== null)
    next = advance(rules, next, { us: next.drafts.us, cn: next.drafts.cn }, next.rng);
  const done = freezeNew(next);
  return { ok: true, state: produce(state, () => done) };
}
