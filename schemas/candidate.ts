import * as z from 'zod';
import { candidateStatuses, isoDate, nonEmptyText, personId, slug, sourceChannels } from './common.js';

export const candidateSchema = z.strictObject({
  kind: z.literal('candidate'),
  id: slug,
  name: nonEmptyText,
  pronouns: z.string().optional(),
  role: slug,
  stage: slug,
  status: z.enum(candidateStatuses),
  recruiter: personId,
  hiring_manager: personId,
  applied: isoDate,
  source: z.strictObject({ channel: z.enum(sourceChannels), detail: z.string().optional() }),
  contact: z
    .strictObject({
      email: z.email({ message: 'must be an e-mail address' }).optional(),
      phone: z.string().optional(),
    })
    .optional(),
  timezone: z.string().optional(),
  accommodations: z
    .strictObject({ arrangements: z.array(nonEmptyText).default([]), details: z.string().optional() })
    .optional(),
  last_contact: isoDate.optional(),
  next_step: z.strictObject({ action: nonEmptyText, owner: personId, due: isoDate.optional() }).optional(),
  fit: z.record(slug, z.string()).default({}),
});

export type Candidate = z.output<typeof candidateSchema>;
