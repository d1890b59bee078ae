// vitest's global setup: one temporary folder for the whole run, under which the server tests keep
// their data (tests/server/helpers.ts `tempDir`), removed when the run ends — a run leaves nothing in
// the system's temporary folder. The folder reaches the test threads through the environment, which
// they copy when they start (after this has run).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): () => void {
  const dir = mkdtempSync(join(tmpdir(), 'upper-hand-tests-'));
  process.env.UPPER_HAND_TEST_TMP = dir;
  return () => rmSync(dir, { recursive: true, force: true });
}
