import { z } from 'zod';
import { DateSchema, IdSchema, PublishConsentSchema, TagSchema, TextSchema, UrlSchema } from './common.ts';
import { photoPathSchema } from './photo-path.ts';

const STARS = 'should be a whole number of stars from 1 to 5';

const common = {
  author: z.strictObject({
    name: TextSchema,
    /** The contact who gave it, when they are one. */
    contact: IdSchema.optional(),
    /** "First-time buyer, Bishopston". */
    description: TextSchema.optional(),
  }),
  /** The words shown beside the author's name. */
  quote: TextSchema,
  date: DateSchema,
  /** Where it was given: "email", "Google review", a URL. */
  source: z.strictObject({ name: TextSchema, url: UrlSchema.optional() }),
  consent: PublishConsentSchema.optional(),
  /** Disclosures shown next to the quote (FTC Endorsement Guides, SEC Marketing Rule). */
  disclosures: z
    .strictObject({
      /** Any payment, discount, gift or relationship that could affect the endorsement. */
      materialConnection: TextSchema.optional(),
      /** What results people can generally expect, when the testimonial shows unusual ones. */
      typicalResults: TextSchema.optional(),
    })
    .default({}),
  /**
   * The stars the author gave, 1 to 5, when the source carries a rating (a Google review, a reply
   * to "how would you rate us?"). The wall's overall figure counts only these.
   */
  rating: z.int({ error: STARS }).min(1, { error: STARS }).max(5, { error: STARS }).optional(),
  /**
   * A photo of the author, relative to the testimonial's file (`photos/ana-r.jpg`), or one of the
   * site's images (`/images/ana-r.jpg`, see `SITE_IMAGES`): JPEG, PNG, WebP or AVIF. Shown only
   * when the author is a contact whose `consent.publish` holds.
   */
  photo: photoPathSchema(
    /^(?!.*(?:^|\/)\.\.?\/)(?:\/images\/)?(?!\/)[\w./~-]+\.(?:jpe?g|png|webp|avif)$/i,
    "should be a JPEG, PNG, WebP or AVIF file beside the testimonial, like photos/ana-r.jpg, or in the site's images, like /images/ana-r.jpg",
  ).optional(),
  featured: z.boolean().default(false),
  tags: z.array(TagSchema).default([]),
  /** A draft (from an intake reply, say) is never published. */
  status: z.enum(['draft', 'published']).default('published'),
};

/**
 * Front matter of `content/testimonials/<id>.mdx`. The kind of endorsement decides what must be
 * shown beside it: an expert's qualification, an organization's process.
 */
export const TestimonialSchema = z
  .discriminatedUnion(
    'kind',
    [
      z.strictObject({ kind: z.literal('consumer'), ...common }),
      z.strictObject({
        kind: z.literal('expert'),
        ...common,
        /** What makes them an expert: "Chartered surveyor (MRICS)". */
        qualification: TextSchema,
      }),
      z.strictObject({
        kind: z.literal('organization'),
        ...common,
        organization: TextSchema,
        /** How the organization reached its view: "survey of 212 clients in 2025". */
        process: TextSchema,
      }),
    ],
    { error: 'should name the endorsement kind: consumer, expert or organization' },
  )
  .superRefine((t, ctx) => {
    if (t.status === 'published' && !t.consent) {
      ctx.addIssue({
        code: 'custom',
        path: ['consent'],
        message: 'is required before a testimonial is published',
        params: { code: 'MissingConsent' },
      });
    }
  });
export type Testimonial = z.output<typeof TestimonialSchema>;
export type EndorsementKind = Testimonial['kind'];
