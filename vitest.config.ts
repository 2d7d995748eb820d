import { defineConfig } from 'vitest/config';

// Lighthouse times the page's main thread, so it runs in a group of its own (groupOrder), with no
// other test file beside it: one sharing the two cores would count as the page's blocking time.
const LIGHTHOUSE = 'test/site-lighthouse.test.ts';

export default defineConfig({
  test: {
    globalSetup: ['test/setup/sample.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    projects: [
      { extends: true, test: { name: 'referable', include: ['src/**/*.test.ts', 'test/**/*.test.ts'], exclude: [LIGHTHOUSE] } },
      { extends: true, test: { name: 'lighthouse', include: [LIGHTHOUSE], sequence: { groupOrder: 1 } } },
    ],
  },
});
