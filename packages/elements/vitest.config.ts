import { defineConfig } from 'vitest/config';

// Node-side checks of the elements package (bundle byte budgets). The elements themselves are
// tested in real browsers by @web/test-runner (web-test-runner.config.mjs).
export default defineConfig({
  test: {
    name: 'elements-budgets',
    include: ['test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
  },
});
