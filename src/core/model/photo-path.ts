/**
 * A photo's path, as the owner or the editor writes it. Phones name their photos "IMG 2034.JPG" and
 * computers "Hannah portrait (1).jpg": a path refused only for the characters of its file name is
 * told so, with a name that would do, rather than the form every path takes.
 */
import { z } from 'zod';

/**
 * `Hannah portrait (1).JPG` as a name a photo's path can hold: `hannah-portrait-1.jpg`. Lower-case
 * letters, digits and hyphens, accents dropped, as the editor names an upload (the `slug` option
 * of its configuration). Empty when nothing of the name is left.
 */
export function plainFileName(name: string): string {
  const dot = name.lastIndexOf('.');
  const [stem, extension] = dot > 0 ? [name.slice(0, dot), name.slice(dot).toLowerCase()] : [name, ''];
  const plain = stem
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return plain && plain + extension;
}

/** What is wrong with `name`, which `plainFileName` makes `plain`: it names both, in the owner's words. */
function nameMessage(name: string, plain: string): string {
  const what = /\s/.test(name) ? 'spaces, which' : 'characters that';
  return `the file name "${name}" has ${what} a photo's path cannot hold (rename the file ${plain})`;
}

/**
 * A photo's path that `pattern` takes, trimmed; `error` gives the form expected. A path that
 * `pattern` takes once its file name is plain (see `plainFileName`) is a `PhotoNameCharacters`
 * problem naming the file, not the form: the owner wrote a path, to a file named as it came.
 */
export function photoPathSchema(pattern: RegExp, error: string) {
  return z
    .string()
    .trim()
    .superRefine((path, ctx) => {
      if (pattern.test(path)) return;
      const folder = path.slice(0, path.lastIndexOf('/') + 1);
      const name = path.slice(folder.length);
      const plain = plainFileName(name);
      if (plain && plain !== name && pattern.test(folder + plain)) {
        ctx.addIssue({ code: 'custom', message: nameMessage(name, plain), params: { code: 'PhotoNameCharacters' } });
      } else {
        ctx.addIssue({ code: 'custom', message: error, params: { code: 'InvalidFormat' } });
      }
    });
}
