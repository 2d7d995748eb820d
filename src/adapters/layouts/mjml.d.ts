// mjml 5 ships no types; @types/mjml describes mjml 4, whose mjml2html was synchronous.
// Only what layouts-fs.ts uses is declared.
declare module 'mjml' {
  export type MjmlError = { line: number; message: string; tagName: string; formattedMessage: string };
  export type MjmlOptions = {
    fonts?: Record<string, string>;
    ignoreIncludes?: boolean;
    includePath?: string | string[];
    filePath?: string;
    actualPath?: string;
    validationLevel?: 'strict' | 'soft' | 'skip';
    keepComments?: boolean;
    minify?: boolean;
    beautify?: boolean;
    preprocessors?: ((xml: string) => string)[];
  };
  export default function mjml2html(source: string, options?: MjmlOptions): Promise<{ html: string; errors: MjmlError[] }>;
}
