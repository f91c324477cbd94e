import { PERSON_ID_PATTERN, SLUG_PATTERN } from '../../schemas/common.js';
import { HandoffError } from '../errors.js';

/**
 * Latin letters that NFKD leaves whole (they are letters of their own, not a base letter plus a mark),
 * spelt the way they are usually written in ASCII.
 */
const LATIN_LETTERS: Record<string, string> = {
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ß: 'ss',
  ħ: 'h',
  ı: 'i',
  ĸ: 'k',
  ŋ: 'n',
  ŧ: 't',
  ƒ: 'f',
  ə: 'e',
  ɨ: 'i',
  ʉ: 'u',
  ɛ: 'e',
  ɔ: 'o',
};

/** Apostrophes inside a name join its parts: O'Brien is obrien, not o-brien. */
const APOSTROPHES = /['\u2019\u02bc\u2018`´]/g;
const COMBINING_MARKS = /\p{M}+/gu;
const MAX_SLUG_LENGTH = 60;

/** The name in lower-case ASCII words: accents dropped, letters like ł, ø, æ, ß, đ spelt out. */
function asciiWords(text: string): string[] {
  const folded = text.normalize('NFKD').replace(COMBINING_MARKS, '').toLowerCase().replace(APOSTROPHES, '');
  let ascii = '';
  for (const char of folded) ascii += LATIN_LETTERS[char] ?? char;
  return ascii.split(/[^a-z0-9]+/).filter((word) => word !== '');
}

/**
 * A lower-case slug (`[a-z0-9]+(-[a-z0-9]+)*`) made from a name or title: `Zoë Łukasiewicz` ->
 * `zoe-lukasiewicz`. Returns '' when the text has no Latin letter to build one from (callers then use
 * an opaque id).
 */
export function slugify(text: string): string {
  const words = asciiWords(text);
  if (!words.some((word) => /[a-z]/.test(word))) return '';
  return truncate(words.join('-'));
}

/**
 * A person id in the `first.last` style of the config (`Alex Kim` -> `alex.kim`, `Jean-Luc Picard` ->
 * `jean-luc.picard`); middle names are left out. '' when the name has no Latin letter.
 */
export function personIdFromName(name: string): string {
  const parts = name
    .trim()
    .split(/\s+/)
    .map((part) => asciiWords(part).join('-'))
    .filter((part) => part !== '');
  if (!parts.some((part) => /[a-z]/.test(part))) return '';
  const first = parts[0]!;
  const last = parts.length > 1 ? parts[parts.length - 1]! : undefined;
  return truncate(last ? `${first}.${last}` : first);
}

function truncate(slug: string): string {
  if (slug.length <= MAX_SLUG_LENGTH) return slug;
  const cut = slug.slice(0, MAX_SLUG_LENGTH);
  const boundary = Math.max(cut.lastIndexOf('-'), cut.lastIndexOf('.'));
  return (boundary > 0 ? cut.slice(0, boundary) : cut).replace(/[-.]+$/, '');
}

/** Letters and digits that cannot be mistaken for each other (no 0/o, 1/l/i). */
const OPAQUE_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
const OPAQUE_LENGTH = 8;

/** Random bytes; injected so that tests can make opaque ids predictable. */
export type RandomBytes = (count: number) => Uint8Array;

export const cryptoRandomBytes: RandomBytes = (count) =>
  globalThis.crypto.getRandomValues(new Uint8Array(count));

/** An id that says nothing about the person, like `c-7f3k9q2m` (prefix: c candidate, r role, p person). */
export function opaqueId(prefix: string, randomBytes: RandomBytes = cryptoRandomBytes): string {
  let id = `${prefix}-`;
  // 248 is the largest multiple of the alphabet's 31 letters below 256: rejecting higher bytes keeps
  // every letter equally likely.
  while (id.length < prefix.length + 1 + OPAQUE_LENGTH) {
    for (const byte of randomBytes(OPAQUE_LENGTH)) {
      if (byte < 248 && id.length < prefix.length + 1 + OPAQUE_LENGTH) id += OPAQUE_ALPHABET[byte % 31];
    }
  }
  return id;
}

/** `base` when free, else `base-2`, `base-3`, ... */
export function uniqueId(base: string, isTaken: (id: string) => boolean): string {
  if (!isTaken(base)) return base;
  for (let suffix = 2; ; suffix++) {
    const id = `${base}-${suffix}`;
    if (!isTaken(id)) return id;
  }
}

/** An opaque id not yet taken. */
export function uniqueOpaqueId(
  prefix: string,
  isTaken: (id: string) => boolean,
  randomBytes?: RandomBytes,
): string {
  for (;;) {
    const id = opaqueId(prefix, randomBytes);
    if (!isTaken(id)) return id;
  }
}

export type IdKind = 'slug' | 'person';

/** Why an id given by a person cannot be used, or undefined when it can. */
export function idProblem(id: string, kind: IdKind = 'slug'): string | undefined {
  if (id.includes('\0')) return 'it contains a NUL byte';
  if (id.includes('/') || id.includes('\\')) return 'it contains a path separator';
  if (id.includes('..')) return 'it contains ".."';
  if (kind === 'person') {
    return PERSON_ID_PATTERN.test(id)
      ? undefined
      : 'a person id is lower-case letters and digits joined by single dots or hyphens, like alex.kim';
  }
  return SLUG_PATTERN.test(id)
    ? undefined
    : 'an id is lower-case letters a-z and digits joined by single hyphens, like ana-lima';
}

/** Checks an id given with --id; throws HandoffError 'invalid-id' (exit 2). */
export function parseId(id: string, kind: IdKind = 'slug'): string {
  const problem = idProblem(id, kind);
  if (problem) {
    throw new HandoffError('invalid-id', `the id ${JSON.stringify(id)} cannot be used: ${problem}`, {
      fix:
        kind === 'person'
          ? 'Pass --id like alex.kim, or leave it out to make one from the name.'
          : 'Pass --id like ana-lima, or leave it out to make one from the name.',
    });
  }
  return id;
}
