/**
 * The few schema constants history needs, without importing schemas/common.ts: that module loads zod
 * (about 50 ms), which `handoff log` never needs. A test checks that these agree with the schemas.
 */
export const SLUG_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;
export const CANDIDATE_STATUSES = ['active', 'on-hold', 'hired', 'rejected', 'withdrawn'] as const;
