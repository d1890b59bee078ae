// docs/balance.md is the record of `npm run balance`: it names the content hash of every shipped
// scenario it was made from, and the rules and AI versions. When a shipped scenario, the rules or the
// AI change, the balance must be measured again: these tests fail until `npm run balance` has been
// run and its file committed.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AI_VERSION } from '../../src/ai/version.ts';
import { RULES_VERSION } from '../../src/engine/index.ts';
import { loadScenarioFile, shippedDir, shippedOpenings } from '../../tools/scenario-files.ts';

const doc = readFileSync(join(shippedDir, '..', 'docs', 'balance.md'), 'utf8');

function recorded(): Record<string, string> {
  const m = /<!-- hashes: (\{.*\}) -->/.exec(doc);
  if (!m) return {};
  return JSON.parse(m[1]!) as Record<string, string>;
}

describe('docs/balance.md', () => {
  it('was made from the shipped scenarios as they are now (run `npm run balance` after changing one)', () => {
    const now: Record<string, string> = {};
    for (const f of shippedOpenings()) {
      const { scenario, hash } = loadScenarioFile(join(shippedDir, f));
      now[scenario.id] = hash;
    }
    expect(recorded()).toEqual(now);
  });

  it('names the rules and AI versions it was made with, which are the current ones', () => {
    const m = /<!-- versions: (\{.*\}) -->/.exec(doc);
    expect(m, 'a versions line').not.toBeNull();
    expect(JSON.parse(m![1]!)).toEqual({ rules: RULES_VERSION, ai: AI_VERSION });
  });
});
