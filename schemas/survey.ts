import * as z from 'zod';
import { isoDate, slug } from './common.js';

export const surveySchema = z.strictObject({
  kind: z.literal('survey'),
  candidate: slug,
  stage: slug,
  date: isoDate,
  score: z.int('must be a whole number from 1 to 5').min(1).max(5),
});

export type Survey = z.output<typeof surveySchema>;
