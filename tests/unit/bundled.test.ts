// tools/bundled.mjs keeps the last bundle of each tool and uses it again only while every file it
// was built from is unchanged: a tool run after an edit runs the edited code.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'upper-hand-bundled-'));
const name = `probe-${process.pid}.ts`;
const kept = join(root, 'node_modules', '.cache', 'upper-hand', `${name}.mjs`);
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  rmSync(kept, { force: true });
  rmSync(kept.replace(/\.mjs$/, '.json'), { force: true });
});

const run = () =>
  execFileSync(process.execPath, [join(root, 'tools', 'bundled.mjs'), join(dir, name), 'arg'], {
    cwd: root,
    encoding: 'utf8',
  }).trim();

it('uses the kept bundle until a file it was built from changes', () => {
  writeFileSync(join(dir, 'dep.ts'), "export const said: string = 'first';\n");
  writeFileSync(join(dir, name), "import { said } from './dep';\nconsole.log(said, process.argv[2]);\n");
  expect(run()).toBe('first arg');
  const built = statSync(kept).mtimeMs;
  expect(run()).toBe('first arg');
  expect(statSync(kept).mtimeMs).toBe(built); // used again, not built again
  writeFileSync(join(dir, 'dep.ts'), "export const said: string = 'second, edited';\n");
  expect(run()).toBe('second, edited arg');
});

it("removes a bundle an earlier run left when it was killed, and keeps a running one's", () => {
  writeFileSync(join(dir, name), "console.log('ran', process.argv[2]);\n");
  const gone = spawnSync(process.execPath, ['-e', '']).pid!; // a process that has ended
  const left = join(dir, `.run-${gone}.mjs`);
  const running = join(dir, `.run-${process.pid}.mjs`); // this test's own process, still running
  writeFileSync(left, '');
  writeFileSync(running, '');
  expect(run()).toBe('ran arg');
  expect(existsSync(left)).toBe(false);
  expect(existsSync(running)).toBe(true);
});
