// What the top bar tells a class: the phase, the date, the turns left to the summit or the deadline
// (and the epilogue's), and the time left when the game carries a phase timer.
import { describe, expect, it } from 'vitest';
import type { GameState, Scenario } from '../../src/engine/index.ts';
import { newGame, rulesFor } from '../../src/engine/index.ts';
import { calendarLine, clock, timeLeft } from '../../src/ui/table-status.ts';
import { shippedScenarios } from '../fixtures/shipped.ts';
import { HOT_SEAT } from './store-fixtures.ts';

const byId = (id: string) => shippedScenarios().find(([, s]) => s.id === id)?.[1] as Scenario;

describe('the calendar line', () => {
  it('counts the turns to the summit, then to the deadline, then the epilogue', () => {
    const sc = byId('road-to-busan');
    const rules = rulesFor(sc);
    const s = newGame(sc, 'cal', HOT_SEAT);
    const first = calendarLine({ scenario: sc, state: s });
    expect(first.phase).toBe('Talks');
    expect(first.date).toBe('10 Oct 2025');
    if (rules.summitTurn !== null) expect(first.left).toMatch(new RegExp(`^${rules.summitTurn} turns? to `));
    const epilogue = calendarLine({
      scenario: sc,
      state: { ...s, round: { ...s.round, turn: rules.mainTurns } },
    });
    expect(epilogue.left).toBe(
      `epilogue: ${rules.totalTurns - rules.mainTurns} turn${rules.totalTurns - rules.mainTurns === 1 ? '' : 's'} left`,
    );
  });

  it('names the deadline where no summit comes first', () => {
    const sc = byId('opening-bid');
    const rules = rulesFor(sc);
    const s = newGame(sc, 'cal', HOT_SEAT);
    expect(calendarLine({ scenario: sc, state: s }).left).toMatch(
      new RegExp(`^${rules.mainTurns} turns to the deadline \\(`),
    );
    const last = calendarLine({
      scenario: sc,
      state: { ...s, round: { ...s.round, turn: rules.mainTurns - 1, phase: 'orders' } },
    });
    expect(last.phase).toBe('Orders');
    expect(last.left).toMatch(/last turn of talks$/);
  });
});

describe('the phase timer', () => {
  it('shows the time left only when the game carries a timer', () => {
    const sc = byId('opening-bid');
    const s = newGame(sc, 'cal', HOT_SEAT);
    expect(timeLeft(s)).toBeNull();
    const timed = { ...s, timer: { endsAt: 100_000 } } as GameState;
    expect(timeLeft(timed, 10_000)).toBe(90_000);
    expect(timeLeft(timed, 200_000)).toBe(0);
    expect(clock(90_000)).toBe('1:30');
    expect(clock(5_001)).toBe('0:06');
  });
});
