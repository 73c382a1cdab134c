import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'feedback-service',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    environment: 'node',
  },
});
