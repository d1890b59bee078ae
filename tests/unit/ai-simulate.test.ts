// `npm run simulate` as a user runs it: one JSON object with --json, win shares that sum to 1, the
// same bytes for the same arguments (whether the games run on worker threads or not, bundled as npm
// runs it or through tsx), and a usage error for a bad seat.
import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const simulate = (...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', join(root, 'tools', 'simulate.ts'), ...args], {
    cwd: root,
    encoding: 'utf8',
  });

describe('npm run simulate', () => {
  const file = join(root, 'scenarios', 'road-to-busan.yaml');

  it('prints one JSON object, the same bytes every time, threads or not', () => {
    const args = [file, '--games', '24', '--seed', 'cli', '--json'];
    // as package.json's script runs it: one bundle, handed to the worker threads
    const a = execFileSync(
      process.execPath,
      [join(root, 'tools', 'bundled.mjs'), join(root, 'tools', 'simulate.ts'), ...args, '--workers', '2'],
      { cwd: root, encoding: 'utf8' },
    );
    expect(readdirSync(join(root, 'tools')).filter((f) => f.startsWith('.run-'))).toEqual([]);
    const b = simulate(...args, '--workers', '1').stdout;
    expect(b).toBe(a);
    const report = JSON.parse(a);
    expect(report.games).toBe(24);
    expect(report.winShare.us + report.winShare.cn).toBeCloseTo(1, 9);
    expect(report.seats).toEqual({ us: 'washington/2', cn: 'beijing/2' });
    expect(report.checks.length).toBeGreaterThanOrEqual(5);
  });

  it('takes seats as PROFILE/LEVEL, random among them, and refuses a bad level', () => {
    const r = simulate(
      file,
      '--games',
      '4',
      '--seed',
      'cli',
      '--us',
      'random/3',
      '--cn',
      'beijing/1',
      '--json',
    );
    expect(JSON.parse(r.stdout).seats).toEqual({ us: 'random/3', cn: 'beijing/1' });
    const bad = simulate(file, '--us', 'washington/9');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--us takes PROFILE/LEVEL');
  });
});
