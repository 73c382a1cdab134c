import { defineConfig } from 'vitest/config';

// End-to-end tests of the built portal in real Chromium (playwright-core driving the system
// browser). `pnpm --filter @behzisti/portal build` must have run first; the set-up starts the
// built Node server on a free port and stops it afterwards.
export default defineConfig({
  test: {
    name: 'portal-e2e',
    root: import.meta.dirname,
    include: ['e2e/**/*.test.ts'],
    globalSetup: ['e2e/server.setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    fileParallelism: false,
    // Pages are checked several at a time in one browser; on a busy 2-core machine a widget can
    // take a few seconds to upgrade. Wait for it rather than fail.
    expect: { poll: { timeout: 15_000 } },
  },
});
