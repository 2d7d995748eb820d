/**
 * The import rules of the house (see CONTRIBUTING.md): no cycles; a pure core; each folder of
 * `src/core/` and `src/adapters/` reached only through its `index.ts` face; Astro never touches an
 * adapter; the one-click Worker (`workers/`) reaches only the core and Web APIs. `npm run deps`
 * checks them, and `npm test` runs it.
 */
const FOLDERS = '^src/(core|adapters)/';
const ASTRO = ['^src/pages/', '^src/components/', '^src/layouts/', '^src/site/', '^src/content\\.config\\.ts$'];

/** @type {import('dependency-cruiser').IConfiguration} */
export default {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'An import cycle: shared types belong in the model, or in the lower of the two folders.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'core-is-pure',
      comment: 'The core takes data and a date and returns data: no node:* module, no adapter, no script.',
      severity: 'error',
      from: { path: '^src/core/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'core-not-to-edges',
      comment: 'The core takes data and a date and returns data: no node:* module, no adapter, no script.',
      severity: 'error',
      from: { path: '^src/core/' },
      to: { path: ['^src/adapters/', '^scripts/'] },
    },
    {
      name: 'worker-runs-on-the-web-platform',
      comment:
        'The one-click Worker runs in workerd, not Node: it reaches the pure core (through faces) and Web APIs, never a node:* module, an adapter or a script.',
      severity: 'error',
      from: { path: '^workers/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'worker-not-to-edges',
      comment:
        'The one-click Worker runs in workerd, not Node: it reaches the pure core (through faces) and Web APIs, never a node:* module, an adapter or a script.',
      severity: 'error',
      from: { path: '^workers/' },
      to: { path: ['^src/adapters/', '^scripts/', '^test/'] },
    },
    {
      name: 'core-through-faces',
      comment: 'A core folder reaches another core folder only through its index.ts.',
      severity: 'error',
      from: { path: '^src/core/([^/]+)/' },
      to: { path: '^src/core/[^/]+/', pathNot: ['^src/core/$1/', '^src/core/[^/]+/index\\.ts$'] },
    },
    {
      name: 'adapters-through-faces',
      comment: 'An adapter folder reaches another adapter folder only through its index.ts.',
      severity: 'error',
      from: { path: '^src/adapters/([^/]+)/' },
      to: { path: '^src/adapters/[^/]+/', pathNot: ['^src/adapters/$1/', '^src/adapters/[^/]+/index\\.ts$'] },
    },
    {
      name: 'others-through-faces',
      comment: 'Scripts, tests, benchmarks and the site reach core and adapter folders only through their index.ts.',
      severity: 'error',
      from: { pathNot: FOLDERS },
      to: { path: `${FOLDERS}[^/]+/`, pathNot: `${FOLDERS}[^/]+/index\\.ts$` },
    },
    {
      name: 'astro-not-to-adapters',
      comment: 'The site is built from the model and the public view, never from an adapter.',
      severity: 'error',
      from: { path: ASTRO },
      to: { path: '^src/adapters/' },
    },
  ],
  options: {
    // Type-only imports count too: a cycle of types is still a cycle.
    tsPreCompilationDeps: true,
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['^test/fixtures/', '\\.astro/'] },
    enhancedResolveOptions: { extensions: ['.ts', '.mts', '.mjs', '.js', '.json'] },
    moduleSystems: ['es6'],
  },
};
