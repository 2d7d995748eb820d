import type { APIRoute, GetStaticPaths } from 'astro';
import { editorFiles, readEditorFile } from '../../site/editor-files.ts';

/** The editor's prebuilt script, its chunks and fonts, byte for byte from `@sveltia/cms`. */
export const getStaticPaths = (async () =>
  (await editorFiles()).map((file) => ({ params: { file: file.served }, props: { file } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const { file } = props as { file: Awaited<ReturnType<typeof editorFiles>>[number] };
  return new Response(new Uint8Array(await readEditorFile(file)), { headers: { 'Content-Type': file.type } });
};
