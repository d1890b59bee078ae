import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/property/**/*.test.ts', 'tests/server/**/*.test.ts'],
    pool: 'threads',
    globalSetup: ['tests/temp-folder.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000, // loading a shipped scenario in beforeAll takes seconds on a busy 2-core machine
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results/vitest.json' },
  },
});
