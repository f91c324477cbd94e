import {
  at,
  DESIGN_FEEDBACK,
  DESIGN_FEEDBACK_PATH,
  edit,
  HM_FEEDBACK,
  HM_FEEDBACK_PATH,
} from '../fixture.js';
import type { RuleCases } from './types.js';

const offFocus = edit(
  HM_FEEDBACK,
  'ratings: { collaboration: 3 }',
  'ratings: { collaboration: 3, system-design: 2 }',
);
const unrated = edit(HM_FEEDBACK, 'ratings: { collaboration: 3 }', 'ratings: {}');
const thin = edit(DESIGN_FEEDBACK, /## Evidence\n\n.*\n/, '## Evidence\n\nGood design, strong candidate.\n');
const strongYes = edit(
  edit(HM_FEEDBACK, 'collaboration: 3', 'collaboration: 2'),
  'recommendation: yes',
  'recommendation: strong-yes',
);
const strongNo = edit(HM_FEEDBACK, 'recommendation: yes', 'recommendation: strong-no');
const no = edit(HM_FEEDBACK, 'recommendation: yes', 'recommendation: no');

export const cases: RuleCases = {
  valid: [
    { name: 'the clean repository' },
    {
      name: 'a plain "no" with a 3 is a judgement call, not a contradiction',
      files: { [HM_FEEDBACK_PATH]: no },
    },
  ],
  invalid: [
    {
      name: 'a rating for a competency the interview does not focus on',
      files: { [HM_FEEDBACK_PATH]: offFocus },
      expected: [
        {
          file: HM_FEEDBACK_PATH,
          ...at(offFocus, 'system-design'),
          message: '"system-design" is not a focus of interview "hm-screen" (its focus: collaboration)',
        },
      ],
    },
    {
      name: 'a focus competency without a rating',
      files: { [HM_FEEDBACK_PATH]: unrated },
      expected: [
        { file: HM_FEEDBACK_PATH, ...at(unrated, 'ratings'), message: 'missing a rating for collaboration' },
      ],
    },
    {
      name: 'evidence too thin to support the ratings',
      files: { [DESIGN_FEEDBACK_PATH]: thin },
      expected: [
        { file: DESIGN_FEEDBACK_PATH, ...at(thin, '## Evidence'), message: '"## Evidence" holds 4 words' },
      ],
    },
    {
      name: 'strong-yes with every rating 1-2',
      files: { [HM_FEEDBACK_PATH]: strongYes },
      expected: [
        {
          file: HM_FEEDBACK_PATH,
          ...at(strongYes, 'strong-yes'),
          message: 'recommendation strong-yes contradicts ratings that are all 1-2',
        },
      ],
    },
    {
      name: 'strong-no with every rating 3-4',
      files: { [HM_FEEDBACK_PATH]: strongNo },
      expected: [
        {
          file: HM_FEEDBACK_PATH,
          ...at(strongNo, 'strong-no'),
          message: 'contradicts ratings that are all 3-4',
        },
      ],
    },
  ],
};
