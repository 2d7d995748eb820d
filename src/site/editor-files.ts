/**
 * The editor's files, served from the site as Sveltia CMS ships them: its prebuilt script (which
 * starts itself), the chunk it loads beside it, and its fonts. Bundling the npm module instead
 * cost every build about 3 s and 450 MB for 13 MB of JavaScript.
 */
import { readdir, readFile } from 'node:fs/promises';
import { findPackageJSON } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * The fonts the editor uses. Its prebuilt script names them on a CDN (cdn.jsdelivr.net) in its
 * `@font-face` rules; the page adds these same files from the site as `FontFace`s, which take
 * precedence, as Sveltia's npm module does, so the editor asks no other host for them.
 */
export const EDITOR_FONTS = [
  { family: 'Source Sans 3', file: 'source-sans-3-latin-wght-normal', weight: '200 900', display: 'swap', sizeAdjust: '110%' },
  { family: 'Noto Mono', file: 'noto-mono-latin-400-normal', weight: '400', display: 'swap' },
  { family: 'Material Symbols Outlined', file: 'material-symbols-outlined-latin-wght-normal', weight: '400', display: 'block' },
] as const;

/** Where each file is served under `/admin/`: the script's chunks are found beside it. */
type EditorFile = { served: string; source: string; type: string };

/** The folder of the installed `@sveltia/cms`, found from the project root. */
function packageDir(): string {
  const manifest = findPackageJSON('@sveltia/cms', pathToFileURL(`${process.cwd()}${path.sep}`));
  if (!manifest) throw new Error('@sveltia/cms is not installed: run npm ci');
  return path.dirname(manifest);
}

/** The installed version of Sveltia CMS. */
export async function editorVersion(): Promise<string> {
  const { version } = JSON.parse(await readFile(path.join(packageDir(), 'package.json'), 'utf8')) as { version: string };
  return version;
}

/** Every file the editor's page needs, by the path it is served at under `/admin/`. */
export async function editorFiles(): Promise<EditorFile[]> {
  const dir = packageDir();
  const js = 'text/javascript; charset=utf-8';
  const files: EditorFile[] = [
    { served: 'sveltia-cms.js', source: path.join(dir, 'dist/sveltia-cms.js'), type: js },
    ...(await readdir(path.join(dir, 'dist/chunks')))
      .filter((name) => name.endsWith('.js'))
      .map((name) => ({ served: `chunks/${name}`, source: path.join(dir, 'dist/chunks', name), type: js })),
  ];
  // The npm module's copies of the fonts carry a hash in their names: find each by its start.
  const assets = await readdir(path.join(dir, 'npm/assets'));
  for (const font of EDITOR_FONTS) {
    const name = assets.find((a) => a.startsWith(`${font.file}-`) && a.endsWith('.woff2'));
    if (!name) throw new Error(`@sveltia/cms has no ${font.file} font in npm/assets/: its layout changed`);
    files.push({ served: `fonts/${font.file}.woff2`, source: path.join(dir, 'npm/assets', name), type: 'font/woff2' });
  }
  return files;
}

/** The bytes of one editor file, as the package holds them. */
export function readEditorFile(file: EditorFile): Promise<Buffer> {
  return readFile(file.source);
}
