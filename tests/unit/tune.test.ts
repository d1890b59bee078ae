// `npm run tune` on a deliberately unbalanced small scenario (Washington wins every game): it finds
// a balance of 45–55% between equal computer levels, confirmed on a fresh seed, writes it into the
// file with --write, and never moves a number its item quotes from a source. Deterministic: the same
// file and arguments play the same games.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { parse } from 'yaml';

const root = join(import.meta.dirname, '..', '..');
const temp = mkdtempSync(join(tmpdir(), 'upper-hand-tune-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

/** Every number under a map that quotes a source and is not marked as an estimate, by path. */
function sourcedNumbers(v: unknown, path = '', sourced = false, out = new Map<string, number>()) {
  if (Array.isArray(v)) for (const [i, x] of v.entries()) sourcedNumbers(x, `${path}[${i}]`, sourced, out);
  else if (typeof v === 'object' && v !== null) {
    const o = v as Record<string, unknown>;
    const mine = 'quote' in o || 'estimate' in o ? 'quote' in o && !('estimate' in o) : sourced;
    for (const [k, x] of Object.entries(o)) sourcedNumbers(x, `${path}.${k}`, mine, out);
  } else if (typeof v === 'number' && sourced) out.set(path, v);
  return out;
}

test('tune takes an unbalanced scenario to 45–55% and never changes a sourced number', () => {
  const file = join(temp, 'unbalanced.yaml');
  copyFileSync(join(root, 'tests/fixtures/scenarios/unbalanced.yaml'), file);
  const before = readFileSync(file, 'utf8');
  const r = spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      'tools/tune.ts',
      file,
      '--games',
      '40',
      '--confirm-games',
      '120',
      '--max-seconds',
      '150',
      '--write',
    ],
    { cwd: root, encoding: 'utf8', timeout: 200_000 },
  );
  expect(r.stderr).toBe('');
  expect(Number(/^before: Washington wins ([\d.]+)%/m.exec(r.stdout)?.[1])).toBeGreaterThan(65);
  const confirmed = /confirmed on a fresh seed: ([\d.]+)%/.exec(r.stdout);
  expect(confirmed, r.stdout).not.toBeNull();
  const share = Number(confirmed?.[1]);
  expect(share).toBeGreaterThanOrEqual(45);
  expect(share).toBeLessThanOrEqual(55);
  expect(r.status).toBe(0);
  // the diff shows the change, and the file now holds it
  expect(r.stdout).toMatch(/^--- a\/.*unbalanced\.yaml\n\+\+\+ b\/.*unbalanced\.yaml\n@@ /m);
  const after = readFileSync(file, 'utf8');
  expect(after).not.toBe(before);
  const sourcedBefore = sourcedNumbers(parse(before));
  expect(sourcedBefore.size).toBeGreaterThan(30);
  expect(sourcedNumbers(parse(after))).toEqual(sourcedBefore);
  // the tuned file still checks clean
  const c = spawnSync(process.execPath, ['--import', 'tsx', 'tools/check.ts', file], {
    cwd: root,
    encoding: 'utf8',
    timeout: 60_000,
  });
  expect(c.stdout.trim()).toMatch(/^ok /);
}, 240_000);
