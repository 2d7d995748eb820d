/**
 * The slow parsers content validation calls only for a file that needs one: YAML with each value's
 * position (the `yaml` package), for a problem to place, and MDX syntax trees (satteri), for a body
 * that might hold code. Loading them costs more than most commands' work, so a command that
 * starts often loads this face only when a file needs it (see `adapters/fs/parsers-fs.ts`).
 */
import { mdxToMdast } from 'satteri';
import type { ContentParsers } from '../content/index.ts';
import { positionYaml } from './yaml-positions.ts';

export const CONTENT_PARSERS: ContentParsers = { positionYaml, mdxTree: (body) => mdxToMdast(body) };
