import { defineConfig } from 'vitest/config';

// The packed npm package checked as a consumer sees it (test/package.check.ts). Separate from
// the unit project because it needs `node --run build` first; the test command runs it after
// the elements build.
export default defineConfig({
  test: {
    name: 'elements-package',
    root: import.meta.dirname,
    include: ['test/package.check.ts'],
    environment: 'node',
    testTimeout: 60_000,
  },
});
