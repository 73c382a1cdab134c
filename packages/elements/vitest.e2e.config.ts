import { defineConfig } from 'vitest/config';

// The built widget scripts (dist/, from `node --run build`) on hostile host pages in real
// Chromium (playwright-core driving the system browser): strict CSP, aggressive global CSS,
// pages in the other direction, widgets added and removed by script. Run after the build:
//   npx vitest run -c vitest.e2e.config.ts
export default defineConfig({
  test: {
    name: 'elements-e2e',
    root: import.meta.dirname,
    include: ['e2e/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    fileParallelism: false,
    expect: { poll: { timeout: 15_000 } },
  },
});
