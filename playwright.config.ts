// Browser tests: Debian's Chromium (never a downloaded browser), driven against the Vite dev server.
import { defineConfig } from '@playwright/test';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from './tools/chromium.ts';

// PW_PORT lets several checkouts run their browser tests side by side.
const port = Number(process.env.PW_PORT ?? 5179);

export default defineConfig({
  testDir: 'tests/browser',
  outputDir: 'test-results/browser',
  timeout: 180_000,
  expect: { timeout: 15_000 },
  workers: 1, // a 2-core machine: one browser at a time keeps timings honest
  reporter: [['list'], ['json', { outputFile: 'test-results/playwright.json' }]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    browserName: 'chromium',
    viewport: { width: 1280, height: 720 },
    launchOptions: {
      executablePath: CHROMIUM_PATH,
      args: CHROMIUM_FLAGS,
    },
  },
  webServer: {
    command: `UPPER_HAND_NO_HMR=1 VITE_CONFIG_NATIVE_IGNORE_WARNING=true npx vite --port ${port} --strictPort --host 127.0.0.1`,
    url: `http://127.0.0.1:${port}`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
