import {
  at,
  edit,
  HM_FEEDBACK_PATH,
  MEMO,
  MEMO_PATH,
  PROFILE,
  PROFILE_PATH,
  ROLE,
  ROLE_PATH,
} from '../fixture.js';
import type { RuleCases } from './types.js';

const withoutStrengths = edit(PROFILE, /## Strengths\n\n.*\n\n/, '');
const withoutSellingPoints = edit(ROLE, /\n## Selling points\n\n.*\n/, '\n');
const emptyCautions = edit(
  MEMO,
  /## Cautions\n\n.*\n/,
  '## Cautions\n\n<!-- Bias risks for this loop. -->\n\n',
);
const lowerCase = edit(PROFILE, '## Growth areas', '## Growth Areas');

export const cases: RuleCases = {
  valid: [
    { name: 'the clean repository (an empty "## Internal notes" is allowed)' },
    { name: 'headings match whatever their case', files: { [PROFILE_PATH]: lowerCase } },
  ],
  invalid: [
    {
      name: 'a missing section is reported at the section that should follow it',
      files: { [PROFILE_PATH]: withoutStrengths },
      expected: [
        {
          file: PROFILE_PATH,
          ...at(withoutStrengths, '## Growth areas'),
          message: 'missing section "## Strengths"; add it before "## Growth areas"',
        },
      ],
    },
    {
      name: 'a missing last section is reported at the end of the file',
      files: { [ROLE_PATH]: withoutSellingPoints },
      expected: [
        {
          file: ROLE_PATH,
          ...at(withoutSellingPoints, 'Within six months you run'),
          message: 'missing section "## Selling points"',
        },
      ],
    },
    {
      name: 'a section holding only an HTML comment is empty',
      files: { [MEMO_PATH]: emptyCautions },
      expected: [
        { file: MEMO_PATH, ...at(emptyCautions, '## Cautions'), message: 'section "## Cautions" is empty' },
      ],
    },
    {
      name: 'a scorecard without its sections',
      files: { [HM_FEEDBACK_PATH]: '---\nkind: feedback\n---\nFree text only.\n' },
      expected: [
        { file: HM_FEEDBACK_PATH, line: 4, column: 1, message: 'missing section "## Evidence"' },
        { file: HM_FEEDBACK_PATH, line: 4, column: 1, message: 'missing section "## For the candidate"' },
        { file: HM_FEEDBACK_PATH, line: 4, column: 1, message: 'missing section "## Internal notes"' },
      ],
    },
  ],
};
