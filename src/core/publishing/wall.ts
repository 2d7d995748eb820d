/**
 * The testimonial wall's facts: the overall figure from the ratings, the curated topics, and
 * which photos may be shown. Pure: the site passes in what it has read.
 */
import type { Settings, Testimonial } from '../model/index.ts';

type WithId<T> = { id: string; data: T };

/** The top of the star scale every rating uses. */
const SCALE = 5;
const WORDS = ['zero', 'one', 'two', 'three', 'four', 'five'];

/** The wall's overall figure: how many testimonials carry a rating, their average, and a sentence. */
export type RatingSummary = {
  /** Testimonials that carry a rating. */
  rated: number;
  /** How many of them gave the top mark. */
  top: number;
  /** The mean rating, rounded to one decimal. */
  average: number;
  scale: number;
  /** "5 of 6 rated us five out of five; the other gave four." */
  sentence: string;
};

/**
 * The overall figure from the testimonials that carry a rating; `undefined` when none does. The
 * count of top marks is told only when no rating is below four, and then the rest are told too,
 * so the sentence never hides a poor rating; otherwise the average is given with its count.
 */
export function ratingSummary(testimonials: readonly Testimonial[], locale = 'en-US'): RatingSummary | undefined {
  const ratings = testimonials.flatMap((t) => (t.rating === undefined ? [] : [t.rating]));
  const rated = ratings.length;
  if (rated === 0) return undefined;
  const top = ratings.filter((r) => r === SCALE).length;
  const average = Math.round((ratings.reduce((sum, r) => sum + r, 0) / rated) * 10) / 10;
  const count = (n: number) => n.toLocaleString(locale);
  const outOf = (stars: number) => `${WORDS[stars]} out of ${WORDS[SCALE]}`;
  let sentence: string;
  if (top === rated) {
    sentence =
      rated === 1 ? `The one review with a rating gives us ${outOf(SCALE)}.` : `All ${count(rated)} who rated us gave ${outOf(SCALE)}.`;
  } else if (ratings.every((r) => r >= SCALE - 1)) {
    const rest = rated - top;
    const others = rest === 1 ? 'the other gave four' : `the other ${count(rest)} gave four`;
    sentence = `${count(top)} of ${count(rated)} rated us ${outOf(SCALE)}; ${others}.`;
  } else {
    const mean = average.toLocaleString(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
    sentence = `Average ${mean} out of ${SCALE} from ${count(rated)} rated ${rated === 1 ? 'review' : 'reviews'}.`;
  }
  return { rated, top, average, scale: SCALE, sentence };
}

type Topic = Settings['site']['topics'][number];

/** Whether a testimonial belongs to a topic: it carries one of the topic's tags. */
function inTopic(t: Testimonial, topic: Topic): boolean {
  return t.tags.some((tag) => topic.tags.includes(tag));
}

/** The curated topics that gather at least one of `entries`, in the settings' order, each with its testimonials. */
export function wallTopics<E extends WithId<Testimonial>>(
  entries: readonly E[],
  topics: readonly Topic[],
): { topic: Topic; entries: E[] }[] {
  return topics.map((topic) => ({ topic, entries: entries.filter((e) => inTopic(e.data, topic)) })).filter((t) => t.entries.length > 0);
}

/** The curated topics a testimonial belongs to, in the settings' order: its raw tags are never shown. */
export function topicsOf(t: Testimonial, topics: readonly Topic[]): Topic[] {
  return topics.filter((topic) => inTopic(t, topic));
}

/**
 * The author's photo, when it may be shown: only for an author who is a contact, since only a
 * contact's `consent.publish` can say they agreed to be shown. The site never reads contacts, so
 * the privacy check after the build (`photoLeakTargets`) makes sure that consent holds.
 */
export function shownPhoto(t: Testimonial): string | undefined {
  return t.author.contact ? t.photo : undefined;
}

/** Up to two initials for an avatar: "Oliver and Hana G." gives "OG", "The Okafor family" gives "O". */
export function authorInitials(name: string): string {
  const words = name
    .replace(/^the\s+/i, '')
    .split(/\s+/)
    .filter((word) => /^\p{Lu}/u.test(word));
  const picked = words.length > 1 ? [words[0], words.at(-1) as string] : words;
  return picked.map((word) => word[0]).join('');
}
