import type { Audience } from '../../../schemas/common.js';
import type { Config } from '../../../schemas/config.js';
import { visibleRestrictedFields } from '../config.js';

export const REDACTED = '[redacted]';

/** What one audience may not see, and a scrubber that removes those values wherever they were written. */
export interface Redaction {
  audience: Audience;
  /** Restricted fields (dotted paths) this audience may see. */
  visible: ReadonlySet<string>;
  /** Restricted fields (dotted paths) this audience may not see. */
  hidden: readonly string[];
  /** True when the field, or a part of it, is hidden from this audience. */
  isHidden(path: string): boolean;
  /** Replaces every hidden value found in the text; counts what it replaced in `scrubbedCount`. */
  scrub(text: string): string;
  readonly scrubbedCount: number;
}

/**
 * Builds the redaction for an audience. `sources` are the front-matter data of the documents a packet
 * draws on (profile, memo, role): each restricted path is looked up in each of them, because the
 * config names fields without saying which document holds them (`compensation` is the role's,
 * `contact` the profile's, and a field the config adds may be anywhere).
 */
export function createRedaction(
  config: Config,
  audience: Audience,
  sources: readonly (Record<string, unknown> | undefined)[],
): Redaction {
  const visible = visibleRestrictedFields(config, audience);
  const hidden = config.access.restricted.filter((field) => !visible.has(field));
  const patterns = hidden
    .flatMap((field) => sources.flatMap((source) => leaves(valueAt(source, field))))
    .flatMap(patternsFor);
  let scrubbedCount = 0;
  return {
    audience,
    visible,
    hidden,
    isHidden: (path) => hidden.some((field) => overlaps(field, path)),
    scrub(text) {
      let result = text;
      for (const pattern of patterns) {
        result = result.replace(pattern, () => {
          scrubbedCount++;
          return REDACTED;
        });
      }
      return result;
    },
    get scrubbedCount() {
      return scrubbedCount;
    },
  };
}

/** A field overlaps a path when one contains the other: hiding `contact` hides `contact.email`, and the reverse. */
function overlaps(field: string, path: string): boolean {
  return field === path || path.startsWith(`${field}.`) || field.startsWith(`${path}.`);
}

export function valueAt(source: unknown, path: string): unknown {
  let current = source;
  for (const key of path.split('.')) {
    if (current === null || typeof current !== 'object' || !Object.hasOwn(current, key)) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

function leaves(value: unknown): (string | number)[] {
  if (typeof value === 'string' || typeof value === 'number') return [value];
  if (Array.isArray(value)) return value.flatMap(leaves);
  if (value !== null && typeof value === 'object') return Object.values(value).flatMap(leaves);
  return [];
}

/** Shorter values (a currency code, a single digit) would scrub ordinary words and numbers. */
const MIN_TEXT_LENGTH = 4;
const MIN_NUMBER = 1000;
const NUMBER_SEPARATOR = "[,.'\\s\\u00a0\\u202f_]?";
const PHONE_SEPARATORS = '[\\s().\\-/]*';

function patternsFor(value: string | number): RegExp[] {
  if (typeof value === 'number') return numberPatterns(value);
  const text = value.trim();
  if (/^\d+$/.test(text)) return numberPatterns(Number(text));
  if (text.length < MIN_TEXT_LENGTH) return [];
  const digits = text.replace(/\D/g, '');
  if (/^\+?[\d\s().\-/]+$/.test(text) && digits.length >= 6) {
    return [new RegExp(`\\+?(?<!\\d)${[...digits].join(PHONE_SEPARATORS)}(?!\\d)`, 'g')];
  }
  const words = text.split(/\s+/).map(escapeRegExp).join('\\s+');
  const start = /^[\p{L}\p{N}]/u.test(text) ? '(?<![\\p{L}\\p{N}])' : '';
  const end = /[\p{L}\p{N}]$/u.test(text) ? '(?![\\p{L}\\p{N}])' : '';
  return [new RegExp(`${start}${words}${end}`, 'giu')];
}

function numberPatterns(value: number): RegExp[] {
  if (!Number.isFinite(value) || Math.abs(value) < MIN_NUMBER) return [];
  const whole = Math.trunc(Math.abs(value)).toString();
  const patterns = [new RegExp(`(?<!\\d)${[...whole].join(NUMBER_SEPARATOR)}(?!\\d)`, 'g')];
  if (Math.abs(value) % 1000 === 0) {
    patterns.push(new RegExp(`(?<![\\d.,])${Math.abs(value) / 1000}\\s?[kK](?![\\p{L}\\p{N}])`, 'gu'));
  }
  return patterns;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
