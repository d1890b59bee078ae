// The author's starting tools, run as an author runs them: `npm run new` writes a template that
// checks clean as it stands, and `npm run explain` shows an opening's values beside its world's,
// each with the file and line it came from, and warns of inherited texts outside its span.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const temp = mkdtempSync(join(tmpdir(), 'upper-hand-author-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

function run(tool: string, ...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', `tools/${tool}.ts`, ...args], {
    cwd: root,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('npm run new', () => {
  test('an opening of the 2025 world: written, checks clean, says what to edit first', () => {
    const r = run('new', 'my-opening', '--out', temp);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/my-opening\.yaml \(an opening of the 2025 world\), which checks clean/);
    expect(r.out).toMatch(/Edit first:\n {2}1\. meta/);
    const text = readFileSync(join(temp, 'my-opening.yaml'), 'utf8');
    expect(text).toContain('extends: world-2025');
    expect(text).toContain('id: my-opening');
    const c = run('check', join(temp, 'my-opening.yaml'));
    expect(c.out.trim()).toMatch(/^ok \S+my-opening\.yaml$/);
    expect(c.code).toBe(0);
  });

  test('a standalone world (--world): checks clean, every number an estimate', () => {
    const r = run('new', 'my-world', '--world', '--out', temp);
    expect(r.code).toBe(0);
    const text = readFileSync(join(temp, 'my-world.yaml'), 'utf8');
    expect(text).not.toContain('extends:');
    expect(text).not.toMatch(/^\s*quote:/m);
    const c = run('check', '--sources', temp, join(temp, 'my-world.yaml'));
    expect(c.out.trim()).toMatch(/^ok \S+my-world\.yaml$/);
    expect(c.code).toBe(0);
  });

  test('never writes over a file, and refuses a NAME that is not an id', () => {
    const path = join(temp, 'kept.yaml');
    writeFileSync(path, 'mine');
    const r = run('new', 'kept', '--out', temp);
    expect(r.code).toBe(2);
    expect(r.err).toContain('already exists; nothing was written');
    expect(readFileSync(path, 'utf8')).toBe('mine');
    expect(run('new', 'My Scenario', '--out', temp).code).toBe(2);
  });
});

/** The fixtures' mini world, with its briefing for Washington reworded, and its opening, written to `dir`. */
function writeMiniPair(dir: string, briefing: string) {
  const world = readFileSync(join(root, 'tests/fixtures/scenarios/mini-world.yaml'), 'utf8').replace(
    'text: You hold the tariff; Beijing holds the rare earths and the soybeans.',
    `text: ${briefing}`,
  );
  writeFileSync(join(dir, 'mini-world.yaml'), world);
  const opening = readFileSync(join(root, 'tests/fixtures/scenarios/mini-opening.yaml'), 'utf8');
  writeFileSync(join(dir, 'mini-opening.yaml'), opening);
  return { world, opening };
}

describe('npm run explain', () => {
  const { world, opening } = writeMiniPair(temp, 'You hold the tariff until the summit of 15 December.');
  const lineOf = (text: string, needle: string, after = 0) =>
    text.split('\n').findIndex((l, i) => i >= after && l.includes(needle)) + 1;

  test('an overridden value shows both origins: the opening’s line and the world’s', () => {
    const r = run('explain', join(temp, 'mini-opening.yaml'));
    expect(r.code).toBe(0);
    const mine = lineOf(opening, 'resolve: 0.7');
    const theirs = lineOf(world, 'resolve: 0.6');
    expect(r.out).toMatch(
      new RegExp(
        `^ {2}sides\\.us\\.resolve = 0\\.7 {3}\\S*mini-opening\\.yaml:${mine} {3}\\(world: 0\\.6 {3}\\S*mini-world\\.yaml:${theirs}\\)$`,
        'm',
      ),
    );
    // a value the opening does not touch names the world alone
    expect(r.out).toMatch(/^ {2}sides\.cn\.resolve = 0\.85 {3}\S*mini-world\.yaml:\d+$/m);
    expect(r.out).toMatch(/removed from the world: port-fees, press-war/);
  });

  test('an inherited briefing that names a date after the opening is a warning at the world’s line', () => {
    const r = run('explain', join(temp, 'mini-opening.yaml'), '--changed');
    const at = lineOf(world, 'until the summit of 15 December');
    expect(r.out).toMatch(
      new RegExp(
        `\\S*mini-world\\.yaml:${at} briefings\\.us\\.text \\(inherited from the world\\) names 15 December, outside this opening`,
      ),
    );
    expect(r.out).not.toMatch(/sides\.cn\.resolve/);
  });
});

describe('npm run explain, figures', () => {
  test('an inherited text naming the world’s opening tariff, which the opening changes, is a warning', () => {
    const dir = mkdtempSync(join(temp, 'figures-'));
    const { world, opening } = writeMiniPair(
      dir,
      'You hold the 30 percent tariff and $12 billion of farm aid.',
    );
    const r = run('explain', join(dir, 'mini-opening.yaml'), '--changed');
    expect(r.code).toBe(0);
    const at = world.split('\n').findIndex((l) => l.includes('the 30 percent tariff')) + 1;
    expect(r.out).toMatch(
      new RegExp(
        `\\S*mini-world\\.yaml:${at} briefings\\.us\\.text \\(inherited from the world\\) names 30%, the world's opening level of US tariff \\("30%"\\); this opening starts it at "55%"`,
      ),
    );
    // a figure the opening does not change is no warning
    expect(r.out).not.toContain('$12billion');
    // with the opening's tariff back at the world's level, nothing is stale
    writeFileSync(join(dir, 'mini-opening.yaml'), opening.replace('    level: 4\n', '    level: 3\n'));
    expect(run('explain', join(dir, 'mini-opening.yaml'), '--changed').out).not.toMatch(/names 30%/);
  });
});

describe("the author's own sources", () => {
  test('a document of any file name is looked up in the --sources folder and its quotes checked', () => {
    const dir = mkdtempSync(join(temp, 'own-'));
    expect(run('new', 'own-sources', '--world', '--out', dir).code).toBe(0);
    const file = join(dir, 'own-sources.yaml');
    const text = readFileSync(file, 'utf8')
      .replace('file: my-notes.txt', 'file: Trade talks (saved page).txt')
      .replace(
        '    politics: us-capital # the indicator its concessions spend\n',
        '    politics: us-capital # the indicator its concessions spend\n    source: Trade talks (saved page).txt\n    quote: "the President wants a deal before the summit"\n',
      );
    writeFileSync(file, text);
    const src = mkdtempSync(join(dir, 'sources-'));
    writeFileSync(
      join(src, 'Trade talks (saved page).txt'),
      'Officials say the President wants a deal\nbefore the summit in April.',
    );
    const ok = run('check', '--sources', src, file);
    expect(ok.out.trim()).toMatch(/^ok /);
    writeFileSync(join(src, 'Trade talks (saved page).txt'), 'Officials say the President wants no deal.');
    const bad = run('check', '--sources', src, file);
    expect(bad.code).toBe(1);
    expect(bad.out).toMatch(
      /sides\.us\.quote: expected a quote found word for word in Trade talks \(saved page\)\.txt/,
    );
  });
});

describe('npm run simulate, for an author', () => {
  test('reports how often each part was used, flags the unused, and names what moves each FAIL', () => {
    const r = run('simulate', 'tests/fixtures/scenarios/unbalanced.yaml', '--games', '20', '--seed', '1');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(
      /FAIL {2}Balance: each side wins 35–65% of games: Washington (6[6-9]|[7-9]\d|100)(\.\d)?%/,
    );
    expect(r.out).toMatch(/^ {2}levers \(instruments moved\)$/m);
    expect(r.out).toMatch(/^ {4}( never|[ \d]{3}\.\d%) {2}cn-purchases$/m);
    expect(r.out).toMatch(/^ {4}( never|[ \d]{3}\.\d%) {2}us-parts-ban$/m);
    expect(r.out).toMatch(/^ {2}(never used: .+|every part was used)$/m);
    // the balance FAIL names a number marked as an estimate, its line, and which way to move it
    expect(r.out).toMatch(
      /^ {2}Balance: (sides|alternatives|commitments)\S+ \(tests\/fixtures\/scenarios\/unbalanced\.yaml:\d+\): (raise|lower) it, \S+ → \S+: Washington's win share [\d.]+% → [\d.]+%$/m,
    );
  });
});
