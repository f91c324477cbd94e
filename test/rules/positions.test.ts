/**
 * Positions point into the original file: for random prose (flagged phrases among ordinary words,
 * comments, code, line endings, non-ASCII text), the text at every reported span is the phrase the
 * finding names, and no rule throws.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rules } from '../../src/core/rules/index.js';
import { rule as neutralLanguage } from '../../src/core/rules/neutral-language.js';
import { edit, filesWith, MEMO, MEMO_PATH, runRule } from './fixture.js';

const fragments = fc.constantFrom(
  'culture fit',
  'Not a good fit for the team.',
  'she is German',
  'young and energetic',
  'rockstar',
  'TODO',
  '...',
  '<fill in>',
  '32 years old',
  'j.doe@mail.example',
  '+44 20 7946 0018',
  'the fit evidence',
  'aggressive caching',
  'Zoë’s “design”',
  '<!-- culture fit -->',
  '`rockstar`',
  'Ünïcödé 🚀 text',
  'ordinary words here',
  ',',
  '.',
  ' ',
  '\n',
  '\r\n',
  '\n\n',
  '- ',
  '## Extra heading\n',
);

const body = fc.array(fragments, { maxLength: 40 }).map((parts) => parts.join(' '));

function memoWith(text: string): string {
  return edit(MEMO, 'Ana has owned the billing ledger at her current company for two years.', text);
}

describe('positions in the original file', () => {
  it('point at the phrase each neutral-language finding names', () => {
    fc.assert(
      fc.property(body, (text) => {
        const memo = memoWith(text);
        const lines = memo.split('\n').map((line) => line.replace(/\r$/, ''));
        for (const finding of runRule(neutralLanguage, filesWith({ [MEMO_PATH]: memo }))) {
          const quoted = /^"([^"]+)"/.exec(finding.message)?.[1];
          expect(finding.endLine).toBeDefined();
          if (finding.endLine !== finding.line) continue;
          const spanned = lines[finding.line - 1]!.slice(finding.column - 1, finding.endColumn! - 1);
          expect(spanned.replace(/\s+/g, ' ')).toBe(quoted);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('stay inside the file for every rule, and no rule throws', () => {
    fc.assert(
      fc.property(body, (text) => {
        const memo = memoWith(text);
        const lineCount = memo.split('\n').length;
        for (const rule of rules) {
          for (const finding of runRule(rule, filesWith({ [MEMO_PATH]: memo }))) {
            if (finding.file !== MEMO_PATH) continue;
            expect(finding.line).toBeGreaterThanOrEqual(1);
            expect(finding.line).toBeLessThanOrEqual(lineCount);
            expect(finding.column).toBeGreaterThanOrEqual(1);
          }
        }
      }),
      { numRuns: 40 },
    );
  });
});
