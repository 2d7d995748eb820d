/**
 * The public view: what may be published, and the privacy check on the built site.
 */
export { linkByClient, type ClientLinks } from './client-links.ts';
export { findLeaks, formatLeak, leakTargets } from './find-leaks.ts';
export { findPhotoLeaks, photoLeakTargets } from './photo-leaks.ts';
export {
  describeEndorsement,
  disclosures,
  endorsementLabel,
  featuredTestimonials,
  publicResults,
  publicTestimonials,
  resultClientName,
  sentNewsletters,
} from './publish.ts';
export { authorInitials, ratingSummary, shownPhoto, topicsOf, wallTopics, type RatingSummary } from './wall.ts';
