import { ROOT, runNode, type ScriptRun } from './run-script.ts';

// Vitest puts import.meta.env into process.env (BASE_URL=/, MODE=test, NODE_ENV=test): a child
// Astro build would take them as its own and ignore the base path.
function shellEnv(): NodeJS.ProcessEnv {
  const vitest = /^(VITEST.*|TEST|NODE_ENV|BASE_URL|MODE|DEV|PROD|SSR)$/;
  return Object.fromEntries(Object.entries(process.env).filter(([key]) => !vitest.test(key)));
}

/**
 * `astro build` of `content` as `npm run build` runs it, into `outDir` with its own cache, for
 * `buildDate`. Builds one at a time: Astro keeps its content module map in the project's .astro/.
 */
export async function buildSite(content: string, outDir: string, env: NodeJS.ProcessEnv = {}): Promise<ScriptRun> {
  const run = await runNode([`${ROOT}node_modules/astro/bin/astro.mjs`, 'build', '--outDir', outDir], {
    ...shellEnv(),
    NO_COLOR: '1',
    REFERABLE_CONTENT: content,
    REFERABLE_CACHE_DIR: `${outDir}-cache`,
    SITE_URL: '',
    BASE_PATH: '',
    ...env,
  });
  if (run.code !== 0) throw new Error(`astro build failed:\n${run.stdout}\n${run.stderr}`);
  return run;
}
