// Prints the one line CI reads: `tests: N passed, M failed`, summed over the unit and property
// tests (vitest) and the browser tests (Playwright) from their JSON reports.
import { existsSync, readFileSync } from 'node:fs';

interface VitestReport {
  numPassedTests: number;
  numFailedTests: number;
}
interface PlaywrightReport {
  stats: { expected: number; unexpected: number; flaky: number };
}

const read = <T>(path: string): T | null =>
  existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as T) : null;

const vitest = read<VitestReport>('test-results/vitest.json');
const pw = read<PlaywrightReport>('test-results/playwright.json');
const passed = (vitest?.numPassedTests ?? 0) + (pw ? pw.stats.expected + pw.stats.flaky : 0);
const failed = (vitest?.numFailedTests ?? 0) + (pw?.stats.unexpected ?? 0);
const missing = [vitest ? '' : 'vitest', pw ? '' : 'playwright'].filter(Boolean);
if (missing.length) console.log(`(no report from ${missing.join(' and ')}: that stage did not run)`);
console.log(`tests: ${passed} passed, ${failed} failed`);
