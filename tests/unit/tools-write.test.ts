// Tools that never destroy: a file is written whole or not at all, and `balance --only` with an id
// no shipped scenario has stops before playing or writing anything.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { writeWhole } from '../../tools/write-whole.ts';

const root = join(import.meta.dirname, '..', '..');
const temp = mkdtempSync(join(tmpdir(), 'upper-hand-write-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

describe('writeWhole', () => {
  test('replaces a file with the whole new text and leaves no temporary file', () => {
    const path = join(temp, 'a.md');
    writeFileSync(path, 'old text');
    writeWhole(path, 'new text\n');
    expect(readFileSync(path, 'utf8')).toBe('new text\n');
    expect(readdirSync(temp).filter((n) => n.includes('a.md'))).toEqual(['a.md']);
  });

  test('a write that fails leaves the old file as it was and no temporary file', () => {
    const dir = join(temp, 'target-is-a-folder');
    mkdirSync(join(dir, 'out.md'), { recursive: true });
    // renaming a file over a non-empty folder fails after the temporary file was written
    writeFileSync(join(dir, 'out.md', 'keep'), 'kept');
    expect(() => writeWhole(join(dir, 'out.md'), 'text')).toThrow();
    expect(readFileSync(join(dir, 'out.md', 'keep'), 'utf8')).toBe('kept');
    expect(readdirSync(dir)).toEqual(['out.md']);
  });

  test('a missing folder is an error unless asked to make it', () => {
    expect(() => writeWhole(join(temp, 'none', 'x.json'), '{}')).toThrow();
    writeWhole(join(temp, 'made', 'x.json'), '{}', { mkdir: true });
    expect(readFileSync(join(temp, 'made', 'x.json'), 'utf8')).toBe('{}');
  });
});

describe('npm run balance -- --only', () => {
  test('an unknown id exits 2, names the shipped scenarios and writes nothing', () => {
    const doc = join(root, 'docs', 'balance.md');
    const before = { text: readFileSync(doc, 'utf8'), mtime: statSync(doc).mtimeMs };
    const r = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'tools/balance.ts', '--only', 'no-such-scenario,opening-bid', '--games', '2'],
      { cwd: root, encoding: 'utf8', timeout: 60_000 },
    );
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('no shipped scenario has the id no-such-scenario');
    expect(r.stderr).toMatch(/The shipped scenarios: .*opening-bid.*road-to-busan/);
    expect(r.stdout).toBe('');
    expect(readFileSync(doc, 'utf8')).toBe(before.text);
    expect(statSync(doc).mtimeMs).toBe(before.mtime);
  });
});
