import type { APIRoute } from 'astro';
import { stringify } from 'yaml';
import { cmsConfig } from '../../core/cms/index.ts';
import { cmsRepository } from '../../site/env.ts';

const HEADER = '# Made by `npm run build` from the content model (src/core/model): edit the schema, not this file.\n';

/** The editor's configuration: the repository and the schema's fields, never any content. */
export const GET: APIRoute = ({ site }) =>
  new Response(HEADER + stringify(cmsConfig({ ...cmsRepository(), siteUrl: site?.href }), { lineWidth: 0 }), {
    headers: { 'Content-Type': 'application/yaml; charset=utf-8' },
  });
