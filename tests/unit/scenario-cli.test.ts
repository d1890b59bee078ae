// The command-line checker, run as a user runs it: `tsx tools/check.ts …` in a child process.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { miniInput, quotesOf, SOURCE } from './scenario-fixtures.ts';

const root = join(import.meta.dirname, '..', '..');
const F = 'tests/fixtures/scenarios';

function check(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'tools/check.ts', ...args], {
    cwd: root,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: r.status, out: r.stdout, err: r.stderr, lines: r.stdout.trim().split('\n').filter(Boolean) };
}

const temp = mkdtempSync(join(tmpdir(), 'upper-hand-check-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

describe('npm run check', () => {
  test('valid files: `ok FILE` each, exit 0', () => {
    const r = check(`${F}/mini.yaml`, `${F}/mini-opening.yaml`);
    expect(r.lines).toEqual([`ok ${F}/mini.yaml`, `ok ${F}/mini-opening.yaml`]);
    expect(r.code).toBe(0);
  });

  test('a world is checked on its own', () => {
    const r = check(`${F}/mini-world.yaml`);
    expect(r.lines[0]).toBe(`ok ${F}/mini-world.yaml`);
    expect(r.code).toBe(0);
  });

  test('a broken file: one located problem per line, exit 1, other files still checked', () => {
    const r = check(`${F}/broken-crossref.yaml`, `${F}/mini.yaml`);
    expect(r.code).toBe(1);
    expect(r.lines).toHaveLength(7);
    expect(r.lines[0]).toMatch(
      /^tests\/fixtures\/scenarios\/broken-crossref\.yaml:\d+:13 indicators\[2\]\.weight: expected the weights/,
    );
    for (const line of r.lines.slice(0, 6))
      expect(line).toMatch(/^\S+\.yaml:\d+:\d+ \S+: expected .+, found .+/);
    expect(r.lines[6]).toBe(`ok ${F}/mini.yaml`);
  });

  test("the editors' JSON Schemas beside the scenarios are skipped", () => {
    const r = check('scenarios/world.schema.json', `${F}/mini.yaml`);
    expect(r.lines).toEqual([
      'skip scenarios/world.schema.json (a JSON Schema for editors, not a scenario)',
      `ok ${F}/mini.yaml`,
    ]);
    expect(r.code).toBe(0);
  });

  test('a file that does not exist is a failure, not a crash', () => {
    const r = check(`${F}/nope.yaml`);
    expect(r.code).toBe(1);
    expect(r.lines).toEqual([`${F}/nope.yaml:1:1 expected a file that can be read, found none at this path`]);
  });

  test('hostile input: located errors, exit 1', () => {
    const r = check('tests/fixtures/hostile/billion-laughs.yaml', 'tests/fixtures/hostile/proto.json');
    expect(r.code).toBe(1);
    expect(r.lines.map((l) => l.split(' ')[0])).toEqual([
      'tests/fixtures/hostile/billion-laughs.yaml:3:8',
      'tests/fixtures/hostile/proto.json:1:2',
    ]);
  });

  test.each([
    ['no file', []],
    ['an unknown option', ['--frobnicate', `${F}/mini.yaml`]],
    ['--sources without a folder', ['--sources']],
    ['--sources that is not a folder', ['--sources', `${F}/mini.yaml`, `${F}/mini.yaml`]],
  ])('usage error (%s): exit 2 and the usage on stderr', (_n, args) => {
    const r = check(...args);
    expect(r.code).toBe(2);
    expect(r.err).toContain('usage: npm run check -- [--sources DIR] FILE…');
    expect(r.out).toBe('');
  });

  test('--help prints the usage and exits 0', () => {
    const r = check('--help');
    expect(r.code).toBe(0);
    expect(r.out).toContain('usage: npm run check');
  });

  test('--sources checks every quote against the folder', () => {
    const good = join(temp, 'good');
    const bad = join(temp, 'bad');
    for (const d of [good, bad]) mkdirSync(d, { recursive: true });
    writeFileSync(join(good, SOURCE), quotesOf(miniInput()));
    writeFileSync(join(bad, SOURCE), 'A text that quotes nothing.');
    expect(check('--sources', good, `${F}/mini.yaml`).lines).toEqual([`ok ${F}/mini.yaml`]);
    const r = check(`--sources=${bad}`, `${F}/mini.yaml`);
    expect(r.code).toBe(1);
    expect(r.lines.length).toBeGreaterThan(5);
    expect(r.lines.every((l) => l.includes(`expected a quote found word for word in ${SOURCE}`))).toBe(true);
  });

  // `extends` once also took a relative path; it now names a world by id only, so that no file
  // outside the entry's folder and the shipped worlds is ever read.
  test('extends names a world by id: found beside the file; a path is refused plainly', () => {
    const dir = join(temp, 'by-id');
    mkdirSync(dir);
    writeFileSync(join(dir, 'world.yaml'), readFileSync(join(root, F, 'mini-world.yaml')));
    writeFileSync(join(dir, 'opening.yaml'), 'extends: mini-world\nid: by-id\n');
    expect(check(join(dir, 'opening.yaml')).lines).toEqual([`ok ${join(dir, 'opening.yaml')}`]);
    const opening = join(temp, 'relative-opening.yaml');
    writeFileSync(opening, `extends: ${relative(temp, join(root, F, 'mini-world.yaml'))}\nid: relative\n`);
    const r = check(opening);
    expect(r.code).toBe(1);
    expect(r.lines).toHaveLength(1);
    expect(r.lines[0]).toMatch(
      /relative-opening\.yaml:1:10 extends: expected the id of a world such as world-2025 \(worlds are found by id, beside the file or among the shipped ones, never by a path\), found "\.\.\//,
    );
  });

  test('only regular files are read, each up to 2 MB: a device, a folder, a pipe, a huge file', () => {
    const dir = join(temp, 'odd');
    mkdirSync(dir);
    const fifo = join(dir, 'pipe.yaml');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const big = join(dir, 'big.yaml');
    writeFileSync(big, `id: big\nmeta: {summary: "${'x'.repeat(3 * 1024 * 1024)}"}\n`);
    const r = check('/dev/zero', dir, fifo, big);
    expect(r.code).toBe(1);
    expect(r.lines).toEqual([
      '/dev/zero:1:1 expected a regular file, found a folder, a device or a pipe',
      `${dir}:1:1 expected a regular file, found a folder, a device or a pipe`,
      `${fifo}:1:1 expected a regular file, found a folder, a device or a pipe`,
      `${big}:1:1 expected a file of at most 2 MB, found 3 MB`,
    ]);
  });

  test('a world beside the file is read only if it is a regular file, not a link leading elsewhere', () => {
    const outside = join(temp, 'outside');
    const dir = join(temp, 'linked');
    mkdirSync(outside);
    mkdirSync(dir);
    writeFileSync(join(outside, 'world.yaml'), readFileSync(join(root, F, 'mini-world.yaml')));
    symlinkSync(join(outside, 'world.yaml'), join(dir, 'world.yaml'));
    writeFileSync(join(dir, 'opening.yaml'), 'extends: mini-world\nid: linked\n');
    const r = check(join(dir, 'opening.yaml'));
    expect(r.code).toBe(1);
    expect(r.lines).toHaveLength(1);
    expect(r.lines[0]).toContain(
      'extends: expected the id of a world given with this file (or a shipped one), found "mini-world", which no world has',
    );
  });

  test('hostile files: a calendar to 9999 refused at once; a thousand problems cut to 50 and counted', () => {
    const r = check('tests/fixtures/hostile/calendar-9999.yaml', 'tests/fixtures/hostile/repeated-keys.json');
    expect(r.code).toBe(1);
    expect(r.lines[0]).toMatch(
      /^tests\/fixtures\/hostile\/calendar-9999\.yaml:\d+:13 calendar\.deadline: expected a game of at most 60 turns/,
    );
    expect(r.lines).toHaveLength(1 + 50 + 1);
    expect(r.lines.at(-1)).toBe(
      'tests/fixtures/hostile/repeated-keys.json: and 949 more errors of the same kinds',
    );
  });
});
