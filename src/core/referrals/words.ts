/**
 * Words of free text the owner wrote (gift likes, what a contact offers, tags), reduced to a
 * comparable form, for the loose matches of gift suggestions and refer-back introductions.
 */

// Words that carry no meaning for a match: grammar, and the vague words of "anyone who wants…".
const STOPWORDS = new Set(
  `a an and any anyone anything are as at be been but by can do does each for from get got has have he her him his
  how i if in into is it its just like likes looking me more most my new no not of off on one or other our out over
  own people person plan planning so some someone something such than that the their them then there these they
  this those to too up us very want wants was we were what when where which who whose why will with within would
  you your about after before all also because being both could did down during few only same should still through
  under until while yet need needs needed good great thing things time really much many every ever lot lots want
  wanting someone whom around near local small big new just`.split(/\s+/),
);

/** `families` → `family`, `businesses` → `business`, `Harvey's` → `harvey`, `buyers` → `buyer`. */
export function stem(word: string): string {
  let w = word
    .toLowerCase()
    .replace(/['’]s$/, '')
    .replace(/['’]/g, '');
  if (w.length > 4 && w.endsWith('ies')) return `${w.slice(0, -3)}y`;
  if (w.length > 4 && /(ss|ch|sh|x)es$/.test(w)) return w.slice(0, -2);
  if (w.length > 3 && w.endsWith('s') && !/(ss|us|is)$/.test(w)) w = w.slice(0, -1);
  return w;
}

/** The meaningful words of a text, stemmed, in order of first appearance. */
export function words(text: string): string[] {
  const found = new Set<string>();
  for (const raw of text.toLowerCase().split(/[^a-z0-9'’\u00c0-\u024f]+/)) {
    if (!raw || STOPWORDS.has(raw)) continue;
    const word = stem(raw);
    if (word.length >= 3 && !STOPWORDS.has(word)) found.add(word);
  }
  return [...found];
}

/** The words two texts share. */
export function sharedWords(a: readonly string[], b: readonly string[]): string[] {
  const other = new Set(b);
  return a.filter((w) => other.has(w));
}
