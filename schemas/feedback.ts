import * as z from 'zod';
import { isoDate, isoDateTime, personId, recommendations, slug } from './common.js';

export const feedbackSchema = z.strictObject({
  kind: z.literal('feedback'),
  candidate: slug,
  interview: slug,
  interviewer: personId,
  interviewed: isoDate,
  submitted: isoDateTime.optional(),
  ratings: z.record(slug, z.int('must be a whole number from 1 to 4').min(1).max(4)).default({}),
  recommendation: z.enum(recommendations),
});

export type Feedback = z.output<typeof feedbackSchema>;
