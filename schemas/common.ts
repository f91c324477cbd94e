import * as z from 'zod';
import { PERSON_ID_PATTERN, SLUG_PATTERN } from './vocabulary.js';

export * from './vocabulary.js';

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
