import { defineConfig } from 'vitest/config';

// Consumer apps installing the packed package from npm into fresh projects (test/consumers.check.ts).
// Separate from the other projects: it needs `node --run build` first, a browser and the npm
// registry; the test command runs it after the elements build.
export default defineConfig({
  test: {
    name: 'elements-consumers',
    root: import.meta.dirname,
    include: ['test/consumers.check.ts'],
    environment: 'node',
    testTimeout: 180_000,
    hookTimeout: 300_000,
  },
});
