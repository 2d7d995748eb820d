import { z } from 'zod';
import { DateSchema, IdSchema, PublishConsentSchema, TagSchema, TextSchema } from './common.ts';

/** Front matter of `content/results/<id>.mdx`: a record of success; the body tells the story. */
export const ResultSchema = z.strictObject({
  title: TextSchema,
  date: DateSchema,
  summary: TextSchema,
  /** The client; shown by `display` only with consent. */
  client: z
    .strictObject({
      contact: IdSchema.optional(),
      /** How the client may be named in public: "The Okafor family". */
      display: TextSchema,
      consent: PublishConsentSchema.optional(),
    })
    .optional(),
  area: TextSchema.optional(),
  figures: z.array(z.strictObject({ label: TextSchema, value: TextSchema })).default([]),
  /** What was done beyond the brief, recalled in the "above and beyond" email. */
  aboveAndBeyond: z.array(TextSchema).default([]),
  tags: z.array(TagSchema).default([]),
});
export type Result = z.output<typeof ResultSchema>;
