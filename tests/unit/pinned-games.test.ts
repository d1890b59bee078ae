// A link and a game file made on 2026-12-04 of a pinned copy of Road to Busan must keep opening as
// the same game in every later version (or, once the rules version is raised, be refused by it —
// never replayed into another game). Every single-character corruption of the pinned link is
// refused or, where it decodes at all, decodes to the same record; a game file with a changed seed,
// a changed setup or one move swapped for another legal move is refused.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { GameState, Move, Scenario } from '../../src/engine/index.ts';
import { canonicalJson, contentHash, legalMoves, RULES_VERSION, replay } from '../../src/engine/index.ts';

vi.mock('virtual:scenarios', () => ({ default: [] })); // the pinned copy is "from a file"

const { addLoadedScenario } = await import('../../src/store/catalog.ts');
const { openGameFile, openGameLink, parseGameFile } = await import('../../src/store/game-file.ts');
const { decodeLink } = await import('../../src/store/game-link.ts');
const { crc32Text } = await import('../../src/store/integrity.ts');

const dir = join(import.meta.dirname, '..', 'fixtures', 'pinned');
const read = (name: string) => readFileSync(join(dir, name), 'utf8');
const scenario = JSON.parse(read('road-to-busan.json')) as Scenario;
const link = read('link.txt').trim();
const file = read('game.upper-hand.json');
const expected = JSON.parse(read('expected.json')) as {
  rules: number;
  scenarioHash: string;
  seed: string;
  moves: number;
  turn: number;
  finalState: string;
};
addLoadedScenario(scenario, contentHash(scenario), null);

/**
 * Every field of a state, out of its parts: the form the final state's hash was pinned in, before the
 * state was split into meta, world, round and streams. Canonical JSON sorts the keys, so the same
 * game gives the same hash in either shape.
 */
const fieldsOf = (s: GameState) => ({ ...s.meta, ...s.world, ...s.round, rng: s.rng });

describe('the pinned link and game file', () => {
  it('name the pinned scenario by its content hash', () => {
    expect(contentHash(scenario)).toBe(expected.scenarioHash);
  });

  it.each([
    ['link', () => openGameLink(link, null)],
    ['game file', () => openGameFile(file, null)],
  ])('the %s opens as the same game (or is refused by a later rules version)', async (_what, open) => {
    const r = await open();
    if (RULES_VERSION !== expected.rules) {
      expect(r).toMatchObject({ ok: false, reason: expect.stringMatching(/version of the game’s rules/) });
      return;
    }
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.record.seed).toBe(expected.seed);
    expect(r.record.moves).toHaveLength(expected.moves);
    const last = r.states[r.states.length - 1];
    expect(last?.round.turn).toBe(expected.turn);
    expect(last && contentHash(fieldsOf(last))).toBe(expected.finalState);
  });

  it('the link and the file hold the same record', () => {
    const d = decodeLink(link);
    const f = parseGameFile(file);
    expect(d.ok).toBe(true);
    if (d.ok) expect(f).toEqual(d.record);
  });
});

describe('damage', () => {
  it('no single-character change, deletion or insertion turns the pinned link into another game', () => {
    const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const others = [...B64, '=', '+', '/', '.', '~', '%', ' ', 'é'];
    const d = decodeLink(link);
    if (!d.ok) throw new Error(d.reason);
    const original = canonicalJson(d.record);
    let tried = 0;
    let refused = 0;
    let sameGame = 0;
    let differentGame = 0;
    const judge = (text: string) => {
      tried += 1;
      const r = decodeLink(text);
      if (!r.ok) {
        refused += 1;
        expect(r.reason).not.toMatch(/Error|JSON|undefined|position|token/);
      } else if (canonicalJson(r.record) === original) sameGame += 1;
      else differentGame += 1;
    };
    for (let i = 0; i < link.length; i++) {
      const before = link.slice(0, i);
      const after = link.slice(i + 1);
      for (const ch of others) if (ch !== link[i]) judge(before + ch + after);
      judge(before + after);
      for (const ch of ['A', '_', 'z']) judge(before + ch + link.slice(i));
    }
    for (const ch of others) judge(link + ch);
    console.info(
      `pinned link (${link.length} characters): ${refused} refused of ${tried} corruptions tried, ${sameGame} the same game, ${differentGame} another game`,
    );
    expect(differentGame).toBe(0);
    expect(refused + sameGame).toBe(tried);
  });

  /** The pinned file's content edited as by hand, its checksum left as it was. */
  function edited(change: (data: Record<string, unknown>) => void): string {
    const data = JSON.parse(file) as Record<string, unknown>;
    change(data);
    return JSON.stringify(data, null, 1);
  }

  it.each([
    [
      'a changed seed',
      (d: Record<string, unknown>) => {
        d.seed = `${String(d.seed)}x`;
      },
    ],
    [
      'a changed setup',
      (d: Record<string, unknown>) => {
        (d.setup as { randomEvents: boolean }).randomEvents = false;
      },
    ],
    [
      'one move swapped for another legal move',
      (d: Record<string, unknown>) => {
        const moves = d.moves as Move[];
        const at = moves.findIndex((m) => m.type === 'pass');
        const before = replay(scenario, expected.seed, d.setup as never, moves.slice(0, at));
        if (!before.ok) throw new Error(before.reason);
        const mover = moves[at]?.side === 'cn' ? 'cn' : 'us';
        const swap = legalMoves(scenario, before.state, mover).find((m) => m.type !== 'pass');
        if (!swap) throw new Error('no other legal move');
        moves[at] = swap;
        // the swapped game is a legal game: only the checksum tells
        expect(replay(scenario, expected.seed, d.setup as never, moves.slice(0, at + 1)).ok).toBe(true);
      },
    ],
    [
      'a changed rules version',
      (d: Record<string, unknown>) => {
        d.rules = 99;
      },
    ],
    [
      'a field added',
      (d: Record<string, unknown>) => {
        d.note = 'hello';
      },
    ],
  ])('a game file with %s is refused', async (_what, change) => {
    const r = await openGameFile(edited(change), null);
    expect(r).toEqual({
      ok: false,
      reason: 'it is damaged or has been edited (its checksum does not match its content)',
    });
  });

  it('a file edited with its checksum recomputed but a number that is not finite is refused', async () => {
    const data = JSON.parse(file) as Record<string, unknown>;
    const { checksum: _old, ...content } = data;
    const text = JSON.stringify({ ...content, checksum: 'CHECK' }).replace('"rules":1', '"rules":1e999');
    const parsed = JSON.parse(text) as Record<string, unknown>;
    const { checksum: _c, ...body } = parsed;
    const fixed = text.replace('CHECK', crc32Text(canonicalJson(body)));
    const r = await openGameFile(fixed, null);
    expect(r).toMatchObject({ ok: false, reason: expect.stringMatching(/not finite|rules version/) });
  });
});
