/**
 * The content model: one zod schema per kind, the types made from them, and the shape of a
 * validated content folder. The scripts and the Astro site both import it.
 */
export {
  BirthdaySchema,
  DateSchema,
  EmailSchema,
  IdSchema,
  SEGMENTS,
  SegmentSchema,
  TIERS,
  isCalendarDate,
  isMonthDay,
  type Audience,
  type PublishConsent,
  type Segment,
  type Tier,
} from './common.ts';
export {
  OfficeSchema,
  PersonSchema,
  type CallToAction,
  type Membership,
  type Person,
} from './business.ts';
export { ContactSchema, contactKeyRank, type ConsentRecord, type Contact, type ContactInput } from './contact.ts';
export { emptyContent, type Content, type Entry } from './content.ts';
export { EventSchema, type ClientEvent } from './event.ts';
export { HistoryEntrySchema, type HistoryEntry } from './history.ts';
export { NewsletterSchema, type Newsletter } from './newsletter.ts';
export {
  CHANNELS,
  PlanSchema,
  StepSchema,
  type Channel,
  type Plan,
  type Step,
} from './plan.ts';
export { REFERRAL_STATUSES, ReferralSchema, type Referral, type ReferralStatus } from './referral.ts';
export { ResultSchema, type Result } from './result.ts';
export { DateOrderSchema, SettingsSchema, type DateOrder, type Settings } from './settings.ts';
export { TestimonialSchema, type EndorsementKind, type Testimonial } from './testimonial.ts';
export { PHOTO_FILE, SITE_IMAGES, siteImageName } from './site-images.ts';
