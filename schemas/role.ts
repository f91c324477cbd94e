import * as z from 'zod';
import { isoDate, nonEmptyText, personId, roleStatuses, slug } from './common.js';

const rubricPoint = z.enum(['1', '2', '3', '4']);

export const roleSchema = z.strictObject({
  kind: z.literal('role'),
  id: slug,
  title: nonEmptyText,
  team: nonEmptyText,
  status: z.enum(roleStatuses),
  hiring_manager: personId,
  recruiter: personId,
  opened: isoDate,
  compensation: z
    .strictObject({
      currency: z.string().regex(/^[A-Z]{3}$/, 'must be a three-letter currency code like EUR'),
      min: z.number().nonnegative(),
      max: z.number().nonnegative(),
      notes: z.string().optional(),
    })
    .optional(),
  expectations: z.array(z.strictObject({ id: slug, outcome: nonEmptyText })).default([]),
  competencies: z
    .array(
      z.strictObject({
        id: slug,
        name: nonEmptyText,
        // Partial on purpose: the rubric-anchors rule reports a missing anchor with a better message.
        rubric: z.partialRecord(rubricPoint, z.string()),
      }),
    )
    .default([]),
  loop: z
    .array(
      z.strictObject({
        id: slug,
        stage: slug,
        title: nonEmptyText,
        interviewers: z.array(personId).default([]),
        focus: z.array(slug).default([]),
        duration_minutes: z.int().positive().optional(),
        questions: z.array(z.strictObject({ id: slug, text: nonEmptyText, competency: slug })).default([]),
      }),
    )
    .default([]),
  timeline: z.array(z.strictObject({ milestone: nonEmptyText, within_days: z.int().positive() })).default([]),
  communication: z
    .array(z.strictObject({ topic: nonEmptyText, owner: personId, when: nonEmptyText }))
    .default([]),
});

export type Role = z.output<typeof roleSchema>;
export type LoopInterview = Role['loop'][number];
export type Competency = Role['competencies'][number];
