/**
 * Links and pictures in a Markdown or MDX body that start at the site's root (`/images/boiler.jpg`,
 * as the editor's image button writes one; `/results/`), put under the base path as the site's own
 * links are: on GitHub Pages a project site lives under /<repo>/, where a bare /images/… is another
 * site's. A hast plugin for Sätteri, Astro's Markdown processor (see astro.config.mjs).
 */
import { defineHastPlugin } from 'satteri';
import { withBase } from './urls.ts';

export function bodyLinksUnderBase(base: string) {
  const root = withBase('', base);
  const underBase = (url: unknown) =>
    typeof url === 'string' && url.startsWith('/') && !url.startsWith('//') && !url.startsWith(root) ? withBase(url, base) : undefined;
  return defineHastPlugin({
    name: 'referable-body-links-under-base',
    element: {
      filter: ['a', 'img'],
      visit(node, ctx) {
        for (const key of ['href', 'src']) {
          const moved = underBase(node.properties?.[key]);
          if (moved) ctx.setProperty(node, key, moved);
        }
      },
    },
  });
}
