import { z } from 'zod';
import { DateSchema, IdSchema, PublishConsentSchema, TagSchema, TextSchema, UrlSchema } from './common.ts';

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
