import { defineConfig } from 'vitest/config';

// Lighthouse runs in a group of its own (groupOrder), with no other test file beside it: it times
// the page's main thread, and a file sharing the two cores would count as the page's blocking time.
// The editor test (Sveltia CMS in Chromium) runs in a `vitest run` of its own (see `npm test`), so
// that the Astro builds of other files do not share the machine with its typing.
const LIGHTHOUSE = 'test/site-lighthouse.test.ts';
const EDITOR = 'test/admin.test.ts';

export default defineConfig({
  test: {
    globalSetup: ['test/setup/sample.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    projects: [
      { extends: true, test: { name: 'referable', include: ['src/**/*.test.ts', 'test/**/*.test.ts'], exclude: [LIGHTHOUSE, EDITOR] } },
      { extends: true, test: { name: 'lighthouse', include: [LIGHTHOUSE], sequence: { groupOrder: 1 } } },
      { extends: true, test: { name: 'editor', include: [EDITOR], sequence: { groupOrder: 2 } } },
    ],
  },
});
