/**
 * The one-click unsubscribe Worker (`workers/unsubscribe/`) running in workerd through miniflare:
 * bundled by the pinned wrangler exactly as `npm run worker:deploy` bundles it (a dry run), then
 * served with the bindings a test gives.
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Miniflare } from 'miniflare';
import { ROOT } from './run-script.ts';
import { removeTree } from './temp-dir.ts';

export type UnsubscribeWorker = {
  /** Sends a request to the Worker as Cloudflare would, at `https://unsubscribe.example/…`. */
  fetch(pathAndQuery: string, init?: RequestInit): Promise<Response>;
  /** Serves the Worker again with other bindings. */
  rebind(bindings: Record<string, string>): Promise<void>;
  close(): Promise<void>;
};

export async function startUnsubscribeWorker(bindings: Record<string, string>): Promise<UnsubscribeWorker> {
  const out = await mkdtemp(path.join(tmpdir(), 'referable-worker-'));
  const build = spawnSync(
    path.join(ROOT, 'node_modules/.bin/wrangler'),
    ['deploy', '--dry-run', '--outdir', out, '--config', 'workers/unsubscribe/wrangler.toml'],
    { cwd: ROOT, encoding: 'utf8', env: { ...process.env, WRANGLER_SEND_METRICS: 'false', WRANGLER_LOG_PATH: out, CI: '1' } },
  );
  if (build.status !== 0) throw new Error(`wrangler could not bundle the Worker:\n${build.stdout}${build.stderr}`);
  const config = await readFile(path.join(ROOT, 'workers/unsubscribe/wrangler.toml'), 'utf8');
  const compatibilityDate = /^compatibility_date = "([\d-]+)"/m.exec(config)?.[1];
  const options = (b: Record<string, string>) => ({
    modules: true,
    modulesRoot: out,
    scriptPath: path.join(out, 'worker.js'),
    compatibilityDate,
    bindings: b,
  });
  const mf = new Miniflare(options(bindings));
  await mf.ready;
  return {
    fetch: (pathAndQuery, init) =>
      mf.dispatchFetch(`https://unsubscribe.example${pathAndQuery}`, init as never) as unknown as Promise<Response>,
    rebind: async (b) => {
      await mf.setOptions(options(b));
    },
    close: async () => {
      await mf.dispose();
      await removeTree(out);
    },
  };
}
