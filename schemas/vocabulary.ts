/**
 * The vocabulary of the document format as plain constants, free of zod, so that commands which only
 * read history (handoff log) can use it without loading the schema library.
 */
export const SLUG_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;
/** People ids may also contain dots (alex.kim). */
export const PERSON_ID_PATTERN = /^[a-z0-9]+([.-][a-z0-9]+)*$/;

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
