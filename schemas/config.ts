import * as z from 'zod';
import { audiences, gateRequirements, nonEmptyText, personId, personRoles, slug } from './common.js';

export const builtInRestrictedFields = [
  'compensation',
  'contact',
  'source.detail',
  'accommodations.details',
] as const;

const stage = z.strictObject({
  id: slug,
  name: nonEmptyText,
  requires: z.array(z.enum(gateRequirements)).optional(),
  max_days: z.int().positive().optional(),
});

const person = z.strictObject({
  id: personId,
  name: nonEmptyText,
  email: z.email({ message: 'must be an e-mail address' }),
  roles: z
    .array(z.enum(personRoles))
    .min(1, 'list at least one of recruiter, hiring-manager, interviewer, coordinator'),
  github: z
    .string()
    .regex(
      /^@?[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(\/[A-Za-z0-9-]+)?$/,
      'must be a GitHub user or team handle',
    )
    .optional(),
});

const languagePhrase = z.strictObject({ phrase: nonEmptyText, suggestion: nonEmptyText });

export const configSchema = z.strictObject({
  organization: nonEmptyText,
  ids: z.enum(['name', 'opaque']).default('name'),
  stages: z.array(stage).min(1, 'list at least one stage'),
  people: z.array(person).default([]),
  cadence: z
    .strictObject({
      candidate_update_days: z.int().positive().default(5),
      feedback_due_hours: z.int().positive().default(24),
      decision_days: z.int().positive().default(10),
    })
    .default({ candidate_update_days: 5, feedback_due_hours: 24, decision_days: 10 }),
  access: z
    .strictObject({
      restricted: z.array(nonEmptyText).default([...builtInRestrictedFields]),
      audiences: z.partialRecord(z.enum(audiences), z.array(nonEmptyText)).default({}),
    })
    .default({ restricted: [...builtInRestrictedFields], audiences: {} }),
  language: z
    .strictObject({
      extra: z.array(languagePhrase).default([]),
      allow: z.array(nonEmptyText).default([]),
    })
    .default({ extra: [], allow: [] }),
  lint: z
    .strictObject({
      rules: z.record(z.string(), z.enum(['off', 'warn', 'error'])).default({}),
    })
    .default({ rules: {} }),
});

export type Config = z.output<typeof configSchema>;
export type ConfigInput = z.input<typeof configSchema>;
export type Stage = Config['stages'][number];
export type Person = Config['people'][number];
