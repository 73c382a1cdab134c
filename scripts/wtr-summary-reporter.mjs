// A @web/test-runner reporter that writes pass/fail counts as JSON to $BZ_RESULTS_FILE, so
// scripts/test.mjs can add the browser suites to the one summary line. A test file that fails
// to load (a session error with no test results) counts as one failure, never as zero tests.
import { writeFileSync } from 'node:fs';

/**
 * @param {{ suites: any[], tests: { passed: boolean, skipped: boolean }[] } | undefined} suite
 * @param {{ passed: number, failed: number, skipped: number }} counts
 */
function countSuite(suite, counts) {
  if (!suite) return;
  for (const test of suite.tests) {
    if (test.skipped) counts.skipped++;
    else if (test.passed) counts.passed++;
    else counts.failed++;
  }
  for (const child of suite.suites) countSuite(child, counts);
}

/**
 * @typedef {{ testResults?: Parameters<typeof countSuite>[0], errors: unknown[] }} Session
 * @returns {{ onTestRunFinished(args: { sessions: Session[] }): void }}
 */
export function summaryReporter() {
  return {
    onTestRunFinished({ sessions }) {
      const counts = { passed: 0, failed: 0, skipped: 0 };
      for (const session of sessions) {
        const before = counts.failed;
        countSuite(session.testResults, counts);
        if (session.errors.length > 0 && counts.failed === before) counts.failed++;
      }
      const file = process.env.BZ_RESULTS_FILE;
      if (file) writeFileSync(file, JSON.stringify(counts));
    },
  };
}
