// Errors in the author's terms: each names the author's own file, line and column where it can be
// fixed — for an opening of the shipped world, the opening's line, not the world's — one
// indentation mistake is one sentence, and a duplicated id says so with both places.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { formatDiagnostic, loadScenario } from '../../src/scenario/load.ts';
import { resolverFor } from '../../tools/scenario-files.ts';
import { lineOf } from './scenario-fixtures.ts';

const root = join(import.meta.dirname, '..', '..');
const example = readFileSync(join(root, 'docs/examples/summit-2026.yaml'), 'utf8');

/** A small opening of the shipped 2025 world, as `npm run new` writes one (events outside removed). */
const opening = `extends: world-2025
id: my-opening
remove: [ev-wto-challenge, ev-review-due, ev-rare-earth-outcry, ev-geneva-talks, ev-huawei-guidance, ev-totally-violated, ev-madrid-talks, ev-cac-again, ev-september-call, ev-tiktok-order, ev-six-firms, ev-rare-earth-rules, ev-fourth-plenum, ev-russian-oil, ev-malaysia-talks, ev-off-the-table, ev-self-reliance-plan, ev-blackwell-talk, ev-apec-opens]
meta: { title: Mine, period: Summer 2025, summary: A test opening., minutes: 60 }
calendar: { start: 2025-06-03, turnDays: 10, deadline: 2025-08-12, epilogueTurns: 2, firstInTalks: cn }
params: { tension: { start: 55 } }
indicators:
  - { id: us-farm, start: 52 }
  - { id: us-industry, weight: 0.3 }
briefings:
  us: { text: You are Washington. }
  cn: { text: You are Beijing. }
`;

function errorsOf(name: string, text: string) {
  const r = loadScenario([{ name, text }], { resolveWorld: resolverFor(join(root, 'scenarios', name), []) });
  expect(r.ok).toBe(false);
  return r.ok ? [] : r.errors;
}

describe("errors in the author's terms", () => {
  test("a weight sum broken by an opening names the opening's line that set the weight", () => {
    const errors = errorsOf('my-opening.yaml', opening);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({
      file: 'my-opening.yaml',
      line: lineOf(opening, 'us-industry, weight: 0.3'),
      column: 32,
      path: 'indicators[1].weight',
    });
    expect(errors[0]?.message).toMatch(
      /^expected the weights of the indicators of Washington \(us\) to sum to 1, found 1\.05/,
    );
  });

  test("a world's event outside the opening's calendar is the opening's to fix, at its remove list", () => {
    const text = opening
      .replace('ev-apec-opens]', 'ev-tough-cookie]')
      .replace('us-industry, weight: 0.3', 'us-industry, start: 50');
    const errors = errorsOf('my-opening.yaml', text);
    const apec = errors.find((d) => d.message.includes('ev-apec-opens'));
    expect(apec).toMatchObject({ file: 'my-opening.yaml', line: lineOf(text, 'remove:'), column: 9 });
    expect(apec?.message).toMatch(
      /found 2025-10-\d\d, the world's event ev-apec-opens \(\S*world-2025\.yaml:\d+:\d+\): change your calendar, or add ev-apec-opens to `remove`$/,
    );
  });

  // the test fixtures' small world and opening: the world's history shifts rare-earths, and one of
  // its events asks for soybeans at level 2
  const miniOpening = readFileSync(join(root, 'tests/fixtures/scenarios/mini-opening.yaml'), 'utf8');
  const miniErrors = (text: string) => {
    const r = loadScenario([{ name: 'mini-opening.yaml', text }], {
      resolveWorld: resolverFor(join(root, 'tests/fixtures/scenarios/mini-opening.yaml'), []),
    });
    expect(r.ok).toBe(false);
    return r.ok ? [] : r.errors;
  };

  test("a world's value that names an id the opening removes is the opening's to fix, at its remove list", () => {
    const text = miniOpening.replace(
      'remove: [port-fees, press-war]',
      'remove: [port-fees, press-war, rare-earths]',
    );
    const errors = miniErrors(text);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ file: 'mini-opening.yaml', line: lineOf(text, 'remove:'), column: 32 });
    expect(errors[0]?.message).toMatch(
      /which no instrument has; your `remove` drops rare-earths, and the world's history\.steps\[0\]\.shifts\.rare-earths \(\S*mini-world\.yaml:\d+:\d+\) depends on it$/,
    );
  });

  test("a world's condition broken by the levels an opening gives an instrument points at those levels", () => {
    const text = miniOpening.replace(
      '      - { label: boycott, effects: { us-capital: -4 }, estimate: design estimate }\n',
      '',
    );
    const errors = miniErrors(text);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ file: 'mini-opening.yaml', line: lineOf(text, 'levels:') });
    expect(errors[0]?.message).toMatch(
      /found 2; your instruments entry soybeans sets its `levels`, and the world's events\[1\]\.condition\.atLeast \(\S*mini-world\.yaml:\d+:\d+\) depends on it$/,
    );
  });

  test('one indentation mistake is one sentence at its line', () => {
    const text = example.replace('    sigma: 0.8 # below 1', '     sigma: 0.8 # below 1');
    const errors = errorsOf('summit.yaml', text);
    const line = lineOf(text, '     sigma: 0.8');
    expect(errors.map(formatDiagnostic)).toEqual([
      `summit.yaml:${line}:1 line ${line} is indented 5 spaces; the lines around it use 4 spaces`,
    ]);
  });

  test('a list item indented one space short is one sentence too', () => {
    const text = example.replace('    name: Farm income', '   name: Farm income');
    const line = lineOf(text, '   name: Farm income');
    expect(errorsOf('summit.yaml', text).map(formatDiagnostic)).toEqual([
      `summit.yaml:${line}:1 line ${line} is indented 3 spaces; the lines around it use 4 spaces`,
    ]);
  });

  test('a duplicated id in an opening says "duplicate id X" with both places, and nothing else', () => {
    const text = opening
      .replace('us-industry, weight: 0.3', 'us-industry, start: 50')
      .replace(
        '  - { id: us-farm, start: 52 }\n',
        '  - { id: us-farm, start: 52 }\n  - { id: us-farm, start: 50 }\n',
      );
    const errors = errorsOf('my-opening.yaml', text);
    const first = lineOf(text, 'us-farm, start: 52');
    expect(errors.map(formatDiagnostic)).toEqual([
      `my-opening.yaml:${first + 1}:11 indicators[1].id: expected each id once in \`indicators\`, found duplicate id us-farm, also at my-opening.yaml:${first}:11`,
    ]);
  });

  test('a duplicated id in a standalone scenario: the same sentence, with both places', () => {
    const text = example.replace('  - id: us-industry\n', '  - id: us-farm\n');
    const errors = errorsOf('summit.yaml', text);
    const first = lineOf(text, '  - id: us-farm');
    const second = lineOf(text, '  - id: us-farm', first);
    expect(errors.map(formatDiagnostic)).toEqual([
      `summit.yaml:${second}:9 indicators[1].id: expected each id once in \`indicators\`, found duplicate id us-farm, also at summit.yaml:${first}:9`,
    ]);
  });
});
