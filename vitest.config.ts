import { defineConfig } from 'vitest/config';

// One vitest run covers every package that has unit tests (elements run in real browsers
// through @web/test-runner instead; see packages/elements/web-test-runner.config.mjs).
export default defineConfig({
  test: {
    projects: [
      'packages/core',
      'packages/elements',
      'packages/feedback-service',
      {
        test: {
          name: 'portal',
          root: 'portal',
          include: [
            'src/lib/**/*.test.ts',
            'src/cms/**/*.test.ts',
            'src/scripts/**/*.test.ts',
            'src/staff/**/*.test.ts',
            'server/**/*.test.ts',
          ],
        },
      },
    ],
  },
});
