import { z } from 'zod';

export const SLUG_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;
/** People ids may also contain dots (alex.kim). */
export const PERSON_ID_PATTERN = /^[a-z0-9]+([.-][a-z0-9]+)*$/;

export const slug = z
  .string()
  .regex(
    SLUG_PATTERN,
    'must be a lower-case slug: letters a-z, digits and single hyphens, like backend-engineer',
  );
export const personId = z
  .string()
  .regex(
    PERSON_ID_PATTERN,
    'must be a person id: lower-case letters, digits, dots and hyphens, like alex.kim',
  );
export const isoDate = z.iso.date({ message: 'must be a date written as YYYY-MM-DD' });
export const isoDateTime = z.iso.datetime({
  offset: true,
  local: false,
  message: 'must be a date and time written as YYYY-MM-DDTHH:MM:SSZ (or with an offset like +01:00)',
});
export const nonEmptyText = z.string().trim().min(1, 'must not be empty');

export const candidateStatuses = ['active', 'on-hold', 'hired', 'rejected', 'withdrawn'] as const;
export const sourceChannels = ['referral', 'inbound', 'outbound', 'agency', 'event', 'internal'] as const;
export const recommendations = ['strong-yes', 'yes', 'no', 'strong-no'] as const;
export const roleStatuses = ['open', 'on-hold', 'filled', 'closed'] as const;
export const personRoles = ['recruiter', 'hiring-manager', 'interviewer', 'coordinator'] as const;
export const audiences = ['interviewer', 'hiring-manager', 'recruiter'] as const;
export const gateRequirements = ['memo', 'profile', 'fit', 'scorecards'] as const;
export const documentKinds = ['role', 'candidate', 'memo', 'feedback', 'survey'] as const;

export type CandidateStatus = (typeof candidateStatuses)[number];
export type Audience = (typeof audiences)[number];
export type GateRequirement = (typeof gateRequirements)[number];
export type DocumentKind = (typeof documentKinds)[number];
