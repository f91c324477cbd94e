/** The pure helpers the rules share, and that other commands reuse (gates, dates, prose). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DocumentKind } from '../../schemas/common.js';
import {
  addDays,
  dateOfDay,
  dateTimeMs,
  dayNumber,
  daysBetween,
  endOfDayMs,
  formatInstant,
  isDate,
} from '../../src/core/dates.js';
import { checkGate, stageRequirements } from '../../src/core/gates.js';
import {
  findPhrase,
  frontMatterProseBlocks,
  maskNonProse,
  positionAt,
  proseFields,
  type TextBlock,
} from '../../src/core/prose.js';
import { conflictMarkerLines } from '../../src/core/rules/conflict-markers.js';
import { findAmounts, sharedWordRuns } from '../../src/core/rules/restricted-leak.js';
import { samePhone } from '../../src/core/rules/support.js';
import {
  CONFIG,
  CONFIG_PATH,
  edit,
  filesWith,
  HM_FEEDBACK_PATH,
  MEMO_PATH,
  PROFILE,
  PROFILE_PATH,
  workspaceOf,
} from './fixture.js';

describe('dates', () => {
  it('counts whole UTC days between YYYY-MM-DD dates, across months, years and leap days', () => {
    expect(daysBetween('2026-11-20', '2026-11-25')).toBe(5);
    expect(daysBetween('2026-12-30', '2027-01-02')).toBe(3);
    expect(daysBetween('2028-02-28', '2028-03-01')).toBe(2);
    expect(daysBetween('2026-11-25', '2026-11-20')).toBe(-5);
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(dateOfDay(dayNumber('2026-11-24')!)).toBe('2026-11-24');
  });

  it('refuses what is not a real date', () => {
    expect(isDate('2026-02-30')).toBe(false);
    expect(isDate('2026-2-3')).toBe(false);
    expect(daysBetween('soon', '2026-11-25')).toBeUndefined();
    expect(dateTimeMs('2026-11-24')).toBeUndefined();
  });

  it('reads date-times with a zone and ends a day at 00:00 UTC of the next', () => {
    expect(dateTimeMs('2026-11-24T17:30:00+01:00')).toBe(Date.UTC(2026, 10, 24, 16, 30));
    expect(formatInstant(endOfDayMs('2026-11-24')!)).toBe('2026-11-25 00:00 UTC');
  });
});

describe('prose', () => {
  it('blanks comments, code and web addresses but keeps every offset and line break', () => {
    const text = 'a <!-- b\nc --> d `e` f\n```\ng\n```\nh https://x.example/i j';
    const masked = maskNonProse(text);
    expect(masked).toHaveLength(text.length);
    expect(masked.split('\n')).toHaveLength(text.split('\n').length);
    expect(masked.replace(/\s+/g, ' ').trim()).toBe('a d f h j');
  });

  it('maps an offset in a block to the line and column of the original file', () => {
    const block: TextBlock = { text: 'first line\nsecond culture fit', line: 12, column: 1, exact: true };
    const [match] = findPhrase(block.text, 'culture fit');
    expect(positionAt(block, match!.index, match!.length)).toEqual({
      line: 13,
      column: 8,
      endLine: 13,
      endColumn: 19,
    });
    const value: TextBlock = { text: 'a culture fit', line: 4, column: 15, exact: true };
    expect(positionAt(value, 2, 11)).toEqual({ line: 4, column: 17, endLine: 4, endColumn: 28 });
    expect(positionAt({ ...value, exact: false }, 2, 11)).toEqual({ line: 4, column: 15 });
  });

  it('matches phrases on word boundaries, across hyphens, line breaks and curly apostrophes', () => {
    expect(findPhrase('Culture-fit and culture\nfit', 'culture fit')).toHaveLength(2);
    expect(findPhrase('subculture fitness', 'culture fit')).toEqual([]);
    expect(findPhrase('isn’t a fit', "isn't a fit")).toHaveLength(1);
  });

  it("reads exactly the front-matter strings whose dotted path is one of the kind's prose fields, in order", () => {
    // Keys that are prose fields' keys, or nearly, and keys that are empty or hold a dot (which join
    // with their neighbours into a path).
    const key = fc.constantFrom(
      'fit',
      'communication_style',
      'motivations',
      'concerns',
      'topic',
      'stakeholders',
      'role',
      'already_asked',
      'accommodations',
      'arrangements',
      'next_step',
      'action',
      'expectations',
      'outcome',
      'competencies',
      'rubric',
      'loop',
      'questions',
      'text',
      'owner',
      '0',
      '1',
      '4',
      '12',
      '',
      '.',
      'fit.a',
      'concerns.0',
      'a.topic',
    );
    const { tree } = fc.letrec((tie) => ({
      tree: fc.oneof(
        { depthSize: 'small' },
        fc.string({ maxLength: 3 }),
        fc.integer(),
        fc.array(tie('tree'), { maxLength: 3 }),
        fc.dictionary(key, tie('tree'), { maxKeys: 4 }),
      ),
    }));
    const kind = fc.constantFrom<DocumentKind>('role', 'candidate', 'memo', 'feedback');
    fc.assert(
      fc.property(kind, fc.dictionary(key, tree, { maxKeys: 5 }), (kind, data) => {
        const expected: string[] = [];
        const walk = (node: unknown, path: string) => {
          if (typeof node === 'string') {
            if (path !== '' && proseFields[kind].some((pattern) => pattern.test(path)))
              expected.push(`${path}=${node}`);
          } else if (node !== null && typeof node === 'object') {
            for (const [name, child] of Object.entries(node))
              walk(child, path === '' ? name : `${path}.${name}`);
          }
        };
        walk(data, '');
        const document = { kind, data, text: '', positions: new Map(), bodyLine: 1 };
        const found = frontMatterProseBlocks(document).map((block) => `${block.path}=${block.text}`);
        expect(found).toEqual(expected);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('stage gates (shared with handoff advance and handoff status)', () => {
  it('uses the configured requires, and the defaults for a stage without them', () => {
    const configured = workspaceOf(filesWith());
    expect(stageRequirements(configured, 'onsite')).toEqual(['memo', 'profile', 'fit', 'scorecards']);
    expect(stageRequirements(configured, 'recruiter-screen')).toEqual([]);
    const defaults = workspaceOf(
      filesWith({ [CONFIG_PATH]: CONFIG.replace(/, requires: \[[a-z, ]+\]/g, '') }),
    );
    expect(stageRequirements(defaults, 'recruiter-screen')).toEqual([]);
    expect(stageRequirements(defaults, 'hiring-manager-screen')).toEqual(['memo', 'profile']);
    expect(stageRequirements(defaults, 'onsite')).toEqual(['memo', 'profile', 'fit']);
    expect(stageRequirements(defaults, 'offer')).toEqual(['memo', 'profile', 'fit', 'scorecards']);
    expect(stageRequirements(defaults, 'nowhere')).toEqual([]);
  });

  it('lists what is missing with the items a caller can act on', () => {
    const workspace = workspaceOf(
      filesWith({
        [MEMO_PATH]: null,
        [HM_FEEDBACK_PATH]: null,
        [PROFILE_PATH]: edit(PROFILE, /## Strengths\n\n.*\n/, '## Strengths\n\n...\n'),
      }),
    );
    const missing = checkGate(workspace, workspace.candidates.get('ana-lima')!, 'offer');
    expect(missing).toEqual([
      {
        requirement: 'scorecards',
        message: 'scorecards are missing for earlier interviews: hm-screen by sam.lee',
        fix: expect.stringContaining('handoff new feedback --candidate ana-lima'),
        items: ['hm-screen--sam.lee'],
      },
    ]);
    const onsite = checkGate(workspace, workspace.candidates.get('ana-lima')!, 'onsite').map((gap) => [
      gap.requirement,
      gap.items,
    ]);
    expect(onsite).toEqual([
      ['memo', []],
      ['profile', ['Strengths']],
      ['scorecards', ['hm-screen--sam.lee']],
    ]);
  });

  it('finds nothing missing in a complete handoff', () => {
    const workspace = workspaceOf(filesWith());
    expect(checkGate(workspace, workspace.candidates.get('ana-lima')!, 'offer')).toEqual([]);
  });
});

describe('restricted values', () => {
  it('reads amounts in the formats people write them', () => {
    const values = findAmounts(
      '90000, 90,000, 90.000, 90 000, 90k, €92.5k, EUR 110000, 110000 EUR, USD 90000',
      'EUR',
    ).map((amount) => [amount.text, amount.value]);
    expect(values).toEqual([
      ['90000', 90000],
      ['90,000', 90000],
      ['90.000', 90000],
      ['90 000', 90000],
      ['90k', 90000],
      ['€92.5k', 92500],
      ['EUR 110000', 110000],
      ['110000 EUR', 110000],
    ]);
  });

  it('matches phone numbers across national and international formats', () => {
    expect(samePhone('07700 900123', '+44 7700 900123')).toBe(true);
    expect(samePhone('+44 (0)7700-900-123', '+44 7700 900123')).toBe(true);
    expect(samePhone('900123', '+44 7700 900123')).toBe(false);
    expect(samePhone('07700 900124', '+44 7700 900123')).toBe(false);
  });

  it('finds substantial runs of a free-text value, not its common words', () => {
    const detail = 'Partial hearing loss, disclosed on the recruiter screen.';
    expect(
      sharedWordRuns(detail, 'Because of her partial hearing loss, speak clearly.').map((run) => run.text),
    ).toEqual(['partial hearing loss']);
    expect(sharedWordRuns(detail, 'The recruiter screen covered her notice period.')).toEqual([]);
    expect(sharedWordRuns('None requested.', 'No arrangements: none requested.')).toEqual([]);
  });
});

describe('conflict markers', () => {
  it('reports marker lines, and a line of "=" only inside a conflict', () => {
    const text = 'Title\n=======\n<<<<<<< HEAD\na\n=======\nb\n>>>>>>> branch\r\n';
    expect(conflictMarkerLines(text).map((marker) => [marker.line, marker.marker])).toEqual([
      [3, '<<<<<<<'],
      [5, '======='],
      [7, '>>>>>>>'],
    ]);
  });
});
