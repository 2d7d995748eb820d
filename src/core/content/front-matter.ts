/** An MDX file cut at its front matter's fences. */
export type FrontMatterSplit = {
  /** The file opens with a `---` fence. */
  found: boolean;
  /** A closing `---` fence follows. */
  closed: boolean;
  /** The YAML between the fences; it starts on the file's second line. Empty unless `closed`. */
  matter: string;
  /** What follows the closing fence's line; the whole text unless `closed`. */
  body: string;
};

// A fence is a line of exactly three dashes; trailing spaces or tabs are forgiven. A longer run
// of dashes (`----`) is a Markdown rule, and `---yaml` names a language we do not read.
const OPENING = /^---[ \t]*\r?\n/;
const CLOSING = /^---[ \t]*(?:\r?\n|$)/m;

/**
 * Cuts `text` (without its byte order mark) at the front matter's fences: the first line, and the
 * next line that is also a fence. A `---` further down belongs to the body (a Markdown rule).
 */
export function splitFrontMatter(text: string): FrontMatterSplit {
  const opening = OPENING.exec(text);
  if (!opening) return { found: false, closed: false, matter: '', body: text };
  const rest = text.slice(opening[0].length);
  const closing = CLOSING.exec(rest);
  if (!closing) return { found: true, closed: false, matter: '', body: text };
  return { found: true, closed: true, matter: rest.slice(0, closing.index), body: rest.slice(closing.index + closing[0].length) };
}
