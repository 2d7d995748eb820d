import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.webmanifest': 'application/manifest+json',
};

export type StaticServer = { url: string; origin: string; close: () => Promise<void> };

async function isFile(file: string): Promise<boolean> {
  return (await stat(file).catch(() => undefined))?.isFile() ?? false;
}

async function isDir(file: string): Promise<boolean> {
  return (await stat(file).catch(() => undefined))?.isDirectory() ?? false;
}

/**
 * Serves `dir` on 127.0.0.1, port 0, the way GitHub Pages serves a site: `index.html` for a
 * folder, a redirect from `/about` to `/about/`, `404.html` with status 404, and
 * `Access-Control-Allow-Origin: *` so another site's page can read the feeds.
 */
export async function serveDir(dir: string, options: { base?: string } = {}): Promise<StaticServer> {
  const base = `/${(options.base ?? '').replace(/^\/+|\/+$/g, '')}/`.replace('//', '/');
  const root = path.resolve(dir);
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const send = async (status: number, file: string) => {
      res.writeHead(status, {
        'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream',
        'Access-Control-Allow-Origin': '*',
        'Cache-Control': 'no-store',
      });
      res.end(req.method === 'HEAD' ? undefined : await readFile(file));
    };
    const notFound = async () => {
      const page = path.join(root, '404.html');
      if (await isFile(page)) return send(404, page);
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
    };
    let pathname: string;
    try {
      pathname = decodeURIComponent(url.pathname);
    } catch {
      return notFound();
    }
    if (!pathname.startsWith(base) && `${pathname}/` !== base) return notFound();
    const file = path.join(root, pathname.slice(base.length));
    if (file !== root && !file.startsWith(root + path.sep)) return notFound();
    if (await isFile(file)) return send(200, file);
    if (await isDir(file)) {
      if (!pathname.endsWith('/')) {
        res.writeHead(301, { Location: `${pathname}/${url.search}` }).end();
        return;
      }
      if (await isFile(path.join(file, 'index.html'))) return send(200, path.join(file, 'index.html'));
    }
    return notFound();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    url: `${origin}${base}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
