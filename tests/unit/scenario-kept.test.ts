// tools/scenario-kept.ts keeps a scenario file as loaded and uses it again only while every scenario
// file it could have been read from, and the code that loaded it, are as they were.
import { copyFileSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { loadScenarioFile } from '../../tools/scenario-files.ts';
import { type Loaded, loadScenarioKept } from '../../tools/scenario-kept.ts';

const root = join(import.meta.dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'upper-hand-kept-'));
const cache = join(dir, 'cache');
const file = join(dir, 'busan.yaml');
copyFileSync(join(root, 'scenarios', 'road-to-busan.yaml'), file);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Loads through the cache, counting the loads made afresh. */
const loads: string[] = [];
const load = (path: string): Loaded => {
  loads.push(path);
  return loadScenarioFile(path);
};
const kept = (code = 'code-1') => loadScenarioKept(file, { dir: cache, code, load });

it('loads once, then gives the kept scenario, frozen and equal to a fresh load', async () => {
  const first = await kept();
  const again = await kept();
  expect(loads).toHaveLength(1);
  expect(again).toEqual(first);
  expect(again.scenario).not.toBe(first.scenario);
  expect(Object.isFrozen(again.scenario.instruments[0]!.levels)).toBe(true);
});

it('loads afresh when the file, a file beside it or the code changes', async () => {
  loads.length = 0;
  await kept();
  expect(loads).toHaveLength(0);
  await kept('code-2');
  expect(loads).toHaveLength(1);
  writeFileSync(join(dir, 'other.yaml'), 'id: other\n');
  await kept('code-2');
  expect(loads).toHaveLength(2);
  const later = new Date(Date.now() + 5000);
  utimesSync(file, later, later);
  await kept('code-2');
  expect(loads).toHaveLength(3);
  await kept('code-2');
  expect(loads).toHaveLength(3);
});

it('keeps nothing without a fingerprint of the code (run as TypeScript)', async () => {
  loads.length = 0;
  await loadScenarioKept(file, { dir: cache, code: null, load });
  await loadScenarioKept(file, { dir: cache, code: null, load });
  expect(loads).toHaveLength(2);
});
