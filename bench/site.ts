/**
 * `astro build` of the public site for 100 / 1,000 / 5,000 / 20,000 generated testimonials, run as
 * `npm run build` runs it: pages per second (and as a share of the smallest build's, to show the
 * cost grows linearly), peak memory, the largest page (the paginated wall keeps it small), the
 * JavaScript shipped and the time of the privacy check that follows the build.
 */
import { spawn } from 'node:child_process';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { stringify } from 'yaml';
import { generateContent, SETTINGS } from '../test/helpers/generate-content.ts';
import { addToTree, removeTree, writeTree } from '../test/helpers/temp-dir.ts';
import { fmtMs, perSecond, printTable, sizesArg } from './lib/measure.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const MAX_RSS = fileURLToPath(new URL('./lib/max-rss.ts', import.meta.url));
// `npm run bench -- site --sizes 5000` builds only the sizes asked for.
const sizes = sizesArg([100, 1_000, 5_000, 20_000]);

const TOPICS = [
  { id: 'buying', label: 'Buying a first home', tags: ['first-time-buyer'] },
  { id: 'landlords', label: 'Landlords', tags: ['landlord', 'investor'] },
  { id: 'downsizing', label: 'Downsizing', tags: ['downsizer'] },
  { id: 'families', label: 'Families', tags: ['family'] },
  { id: 'moving', label: 'Moving to the area', tags: ['relocating'] },
];

type Run = { ms: number; code: number | null; output: string; maxRssMB?: number; cpuMs?: number };

/** Runs `node …args` from the project root with `env`, timing it and reading its peak memory. */
function run(args: string[], env: NodeJS.ProcessEnv): Promise<Run> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(process.execPath, ['--import', MAX_RSS, ...args], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1', ...env } });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('error', reject);
    child.on('close', (code) => {
      const rss = /referable-max-rss-kb (\d+)\s*$/.exec(output);
      const cpu = /referable-cpu-ms (\d+)\s/.exec(output);
      resolve({
        ms: performance.now() - start,
        code,
        output,
        maxRssMB: rss ? Number(rss[1]) / 1024 : undefined,
        cpuMs: cpu ? Number(cpu[1]) : undefined,
      });
    });
  });
}

async function filesIn(dir: string): Promise<{ rel: string; size: number }[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return Promise.all(
    entries
      .filter((e) => e.isFile())
      .map(async (e) => {
        const file = path.join(e.parentPath, e.name);
        return { rel: path.relative(dir, file).split(path.sep).join('/'), size: (await stat(file)).size };
      }),
  );
}

/**
 * JavaScript files plus the distinct inline scripts of the pages under `dir` whose paths `include`
 * picks (JSON-LD is data, not script).
 */
async function javaScriptShipped(dir: string, files: { rel: string; size: number }[], include: (rel: string) => boolean): Promise<number> {
  const ours = files.filter((f) => include(f.rel));
  const external = ours.filter((f) => f.rel.endsWith('.js')).reduce((sum, f) => sum + f.size, 0);
  const inline = new Set<string>();
  for (const page of ours.filter((f) => f.rel.endsWith('.html'))) {
    const html = await readFile(path.join(dir, page.rel), 'utf8');
    for (const m of html.matchAll(/<script(?![^>]*application\/ld\+json)(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)) inline.add(m[1]);
  }
  return external + [...inline].reduce((sum, s) => sum + Buffer.byteLength(s), 0);
}

// The editor at /admin/ is Sveltia CMS's prebuilt script, copied as it is: the public pages ship apart from it.
const isEditor = (rel: string) => rel.startsWith('admin/');

const kB = (bytes: number) => `${(bytes / 1024).toLocaleString('en', { maximumFractionDigits: 0 })} kB`;

const rows: (string | number)[][] = [];
let firstRate: number | undefined;
for (const testimonials of sizes) {
  const content = await writeTree({}, 'referable-bench-site-');
  await addToTree(content, generateContent({ contacts: 1_000, testimonials, seed: 42 }));
  // Curated topics over the generated tags, as the sample has: the wall's topic pages are built too.
  await addToTree(content, { 'settings.yaml': stringify({ ...SETTINGS, site: { ...SETTINGS.site, locale: 'en-GB', topics: TOPICS } }) });
  const dist = path.join(content, '..', `${path.basename(content)}-dist`);
  const env = { REFERABLE_CONTENT: content, REFERABLE_CACHE_DIR: `${dist}-cache`, BUILD_DATE: '2026-12-01' };
  const build = await run(['node_modules/astro/bin/astro.mjs', 'build', '--outDir', dist], env);
  if (build.code !== 0) throw new Error(`astro build failed for ${testimonials} testimonials:\n${build.output.slice(-3000)}`);
  const check = await run(['scripts/check-site.js', '--dist', dist], env);
  if (check.code !== 0) throw new Error(`the privacy check failed for ${testimonials} testimonials:\n${check.output.slice(-3000)}`);

  const files = await filesIn(dist);
  const pages = files.filter((f) => f.rel.endsWith('.html'));
  const largest = pages.toSorted((a, b) => b.size - a.size)[0];
  const feed = files.find((f) => f.rel === 'testimonials.json');
  rows.push([
    testimonials.toLocaleString('en'),
    pages.length.toLocaleString('en'),
    fmtMs(build.ms),
    build.cpuMs === undefined ? '-' : fmtMs(build.cpuMs),
    perSecond(pages.length, build.ms),
    `${((pages.length / build.ms / (firstRate ??= pages.length / build.ms)) * 100).toFixed(0)}%`,
    `${Math.round(build.maxRssMB ?? 0)} MB`,
    `${kB(largest.size)}, ${kB(gzipSync(await readFile(path.join(dist, largest.rel))).length)} gzip (${largest.rel.replace(/\/?index\.html$/, '/') || '/'})`,
    feed ? kB(feed.size) : '-',
    `${kB(await javaScriptShipped(dist, files, (rel) => !isEditor(rel)))} + ${kB(await javaScriptShipped(dist, files, isEditor))}`,
    fmtMs(check.ms),
  ]);
  await Promise.all([removeTree(content), removeTree(dist), removeTree(`${dist}-cache`)]);
}
printTable(
  [
    'testimonials',
    'pages',
    'astro build',
    'CPU time',
    'pages/s',
    'of 100s pages/s',
    'peak memory',
    'largest page',
    'JSON feed',
    'JS shipped (site + editor)',
    'privacy check',
  ],
  rows,
);
console.log('\nTarget: astro build with 5,000 testimonials in 10 s or less, peak memory 1 GB or less, no page over 500 kB.');
console.log('CPU time is user and system time of the build process: steadier than wall time when other work shares the cores.');
console.log("JS shipped: the public pages' scripts, then the editor's at /admin/ (Sveltia CMS's prebuilt script, copied, never bundled).");
