import { z } from 'zod';
import { AudienceSchema, DateSchema, TagSchema, TextSchema } from './common.ts';

/** Front matter of `content/newsletters/<id>.mdx`; the MDX body is the advice. */
export const NewsletterSchema = z.strictObject({
  subject: TextSchema,
  /** The line mail clients show after the subject. */
  preheader: TextSchema,
  sendDate: DateSchema,
  audience: AudienceSchema.default({}),
  /** One or two sentences for the archive and feeds. */
  summary: TextSchema.optional(),
  tags: z.array(TagSchema).default([]),
  /** A draft is checked and previewed but never sent or published. */
  draft: z.boolean().default(false),
});
export type Newsletter = z.output<typeof NewsletterSchema>;
