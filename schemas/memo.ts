import * as z from 'zod';
import { isoDate, nonEmptyText, personId, slug } from './common.js';

export const memoSchema = z.strictObject({
  kind: z.literal('memo'),
  candidate: slug,
  author: personId,
  date: isoDate,
  communication_style: z.string().optional(),
  motivations: z.array(nonEmptyText).default([]),
  concerns: z
    .array(z.strictObject({ topic: nonEmptyText, status: z.enum(['open', 'addressed']), owner: personId }))
    .default([]),
  stakeholders: z
    .array(z.strictObject({ person: personId, interview: slug, role: nonEmptyText }))
    .default([]),
  already_asked: z.array(nonEmptyText).default([]),
});

export type Memo = z.output<typeof memoSchema>;
