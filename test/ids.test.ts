import { describe, expect, it } from 'vitest';
import { SLUG_PATTERN } from '../schemas/common.js';
import {
  idProblem,
  opaqueId,
  parseId,
  personIdFromName,
  slugify,
  uniqueId,
  uniqueOpaqueId,
} from '../src/core/ids.js';
import { HandoffError } from '../src/errors.js';

describe('slugify', () => {
  it.each([
    ['Ana Lima', 'ana-lima'],
    ['Zoë Łukasiewicz', 'zoe-lukasiewicz'],
    ['Søren Kierkegaard', 'soren-kierkegaard'],
    ['Æsa Ødegård', 'aesa-odegard'],
    ['Günther Straße', 'gunther-strasse'],
    ['Đorđe Balašević', 'dorde-balasevic'],
    ['Þóra Guðmundsdóttir', 'thora-gudmundsdottir'],
    ['Œdipe Ħal', 'oedipe-hal'],
    ['Nguyễn Thị Minh Khai', 'nguyen-thi-minh-khai'],
    ['İlkay Gündoğan', 'ilkay-gundogan'],
    ["Seán O'Brien", 'sean-obrien'],
    ['Seán O’Brien', 'sean-obrien'],
    ['José María  García-López', 'jose-maria-garcia-lopez'],
    ['ﬁona ǅemal', 'fiona-dzemal'],
    ['  --Weird__Name!! ', 'weird-name'],
    ['Chloë 2nd', 'chloe-2nd'],
    ['Senior Backend Engineer (Payments)', 'senior-backend-engineer-payments'],
    [`O'Brien: "Zoë" {{x}}`, 'obrien-zoe-x'],
  ])('%s -> %s', (name, slug) => {
    expect(slugify(name)).toBe(slug);
    expect(slug).toMatch(SLUG_PATTERN);
  });

  it.each(['李小龙', 'Иван Петров', 'Γιώργος', '12345', '', '!!!'])(
    '%j has no Latin letter to make a slug from',
    (name) => {
      expect(slugify(name)).toBe('');
    },
  );

  it('keeps long slugs short, cut at a word boundary', () => {
    const slug = slugify(
      'Principal Software Engineer for Distributed Payments Infrastructure and Reliability',
    );
    expect(slug.length).toBeLessThanOrEqual(60);
    expect(slug).toMatch(SLUG_PATTERN);
    expect(slug).toBe('principal-software-engineer-for-distributed-payments');
  });
});

describe('personIdFromName', () => {
  it.each([
    ['Alex Kim', 'alex.kim'],
    ['Zoë Łukasiewicz', 'zoe.lukasiewicz'],
    ['Jean-Luc Picard', 'jean-luc.picard'],
    ['Mary Ann Smith', 'mary.smith'],
    ["Seán O'Brien", 'sean.obrien'],
    ['Cher', 'cher'],
    ['李小龙', ''],
  ])('%s -> %j', (name, id) => {
    expect(personIdFromName(name)).toBe(id);
  });
});

describe('uniqueId', () => {
  it('keeps a free id and numbers a taken one', () => {
    const taken = new Set(['ana-lima', 'ana-lima-2']);
    expect(uniqueId('zoe-lukasiewicz', (id) => taken.has(id))).toBe('zoe-lukasiewicz');
    expect(uniqueId('ana-lima', (id) => taken.has(id))).toBe('ana-lima-3');
  });
});

describe('opaque ids', () => {
  it('look like c-7f3k9q2m and are valid slugs', () => {
    for (let i = 0; i < 200; i++) {
      const id = opaqueId('c');
      expect(id).toMatch(/^c-[a-z0-9]{8}$/);
      expect(id).toMatch(SLUG_PATTERN);
      expect(id.slice(2)).not.toMatch(/[01ilo]/);
    }
  });

  it('come from the random source given, and skip ids that are taken', () => {
    const bytes = (count: number) => new Uint8Array(count).fill(0);
    expect(opaqueId('c', bytes)).toBe('c-aaaaaaaa');
    let calls = 0;
    const counting = (count: number) => new Uint8Array(count).fill(calls++);
    expect(uniqueOpaqueId('c', (id) => id === 'c-aaaaaaaa', counting)).toBe('c-bbbbbbbb');
  });
});

describe('ids given by a person', () => {
  it.each([
    ['..', 'it contains ".."'],
    ['../../etc', 'it contains a path separator'],
    ['ana/lima', 'it contains a path separator'],
    ['ana\\lima', 'it contains a path separator'],
    ['ana\0lima', 'it contains a NUL byte'],
    ['Ana-Lima', 'an id is lower-case'],
    ['ana--lima', 'an id is lower-case'],
    ['-ana', 'an id is lower-case'],
    ['alex.kim', 'an id is lower-case'],
  ])('%j is refused: %s', (id, reason) => {
    expect(idProblem(id)).toContain(reason);
    expect(() => parseId(id)).toThrow(HandoffError);
  });

  it('accepts slugs, and dots in person ids', () => {
    expect(idProblem('ana-lima')).toBeUndefined();
    expect(idProblem('c-7f3k9q2m')).toBeUndefined();
    expect(idProblem('alex.kim', 'person')).toBeUndefined();
    expect(idProblem('alex..kim', 'person')).toBe('it contains ".."');
  });

  it('refuses with invalid-id (exit 2) and shows a NUL as an escape, never raw', () => {
    try {
      parseId('a\0b');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(HandoffError);
      const handoffError = error as HandoffError;
      expect(handoffError.code).toBe('invalid-id');
      expect(handoffError.exitCode).toBe(2);
      expect(handoffError.message).toBe('the id "a\\u0000b" cannot be used: it contains a NUL byte');
    }
  });
});
