// @ts-check
import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { defineConfig } from 'astro/config';
import { satteri } from '@astrojs/markdown-satteri';
import mdx from '@astrojs/mdx';
import { parse } from 'yaml';
import { bodyLinksUnderBase } from './src/site/body-links.ts';

// The content folder (REFERABLE_CONTENT), the site's address (SITE_URL, else settings.site.url)
// and its base path (BASE_PATH, for GitHub Pages: actions/configure-pages gives both).
const contentDir = path.resolve(process.env.REFERABLE_CONTENT || 'content');

function settingsSiteUrl() {
  try {
    const url = parse(readFileSync(path.join(contentDir, 'settings.yaml'), 'utf8'))?.site?.url;
    return typeof url === 'string' ? url : undefined;
  } catch {
    // The settings collection reports a missing or broken settings.yaml with its own message.
    return undefined;
  }
}

const site = process.env.SITE_URL || settingsSiteUrl() || 'http://localhost:4321';
const base = process.env.BASE_PATH || '/';

/** Writes sitemap.xml from the pages the build produced (endpoints, the 404 page and the editor left out). */
function sitemap() {
  return {
    name: 'referable-sitemap',
    hooks: {
      /** @param {{ pages: { pathname: string }[], dir: URL }} options */
      'astro:build:done': async ({ pages, dir }) => {
        const root = new URL(base.endsWith('/') ? base : `${base}/`, site);
        const urls = pages
          .map((p) => p.pathname)
          .filter((p) => !/\.[a-z0-9]+$/i.test(p) && !/^(404|admin|unsubscribe)\/?$/.test(p))
          .map((p) => new URL(p, root).href)
          .sort();
        const body = urls.map((u) => `  <url><loc>${u.replaceAll('&', '&amp;')}</loc></url>`).join('\n');
        const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${body}\n</urlset>\n`;
        await writeFile(new URL('sitemap.xml', dir), xml);
      },
    },
  };
}

export default defineConfig({
  site,
  base,
  // Links and pictures in bodies that start at the site's root go under the base path too.
  markdown: { processor: satteri({ hastPlugins: [bodyLinksUnderBase(base)] }) },
  trailingSlash: 'ignore',
  integrations: [mdx(), sitemap()],
  devToolbar: { enabled: false },
  build: { format: 'directory', concurrency: 4 },
  vite: {
    build: {
      rolldownOptions: {
        /** @type {(warning: { code?: string, message: string }, warn: (w: unknown) => void) => void} */
        onwarn(warning, warn) {
          // Every MDX entry triggers this harmless warning (withastro/astro#18087): thousands of
          // lines for a large collection that would bury any real warning.
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.message.includes('astro:head-inject')) return;
          warn(warning);
        },
      },
    },
  },
  ...(process.env.REFERABLE_CACHE_DIR ? { cacheDir: process.env.REFERABLE_CACHE_DIR } : {}),
});
