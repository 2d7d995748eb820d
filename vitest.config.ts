import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    globalSetup: ['test/setup/sample.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
