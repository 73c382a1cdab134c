import { defineConfig } from 'vitest/config';

// Renders every story of the static Storybook build (storybook-static/) in real Chromium, in
// Persian and English: no errors, and axe passes. `storybook build` must have run first.
export default defineConfig({
  test: {
    name: 'stories',
    root: import.meta.dirname,
    include: ['smoke/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
