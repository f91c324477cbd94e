import { at, edit, ROLE, ROLE_PATH } from '../fixture.js';
import type { RuleCases } from './types.js';

const adjectives = edit(
  edit(ROLE, '1: Cannot give an example of resolving a disagreement.', '1: Weak.'),
  '4: Describes changing their own position on evidence and what they learnt from it.',
  '4: Very strong candidate',
);
const missing = edit(
  ROLE,
  '      4: Does all of 3 unprompted, estimates capacity, and weighs two designs against each other.\n',
  '',
);
const empty = edit(ROLE, '2: Gives an example in which others resolved the disagreement.', '2: ""');
const behavioural = edit(
  ROLE,
  '1: Cannot give an example of resolving a disagreement.',
  '1: Good intentions, but gives no example of a disagreement.',
);

export const cases: RuleCases = {
  valid: [
    { name: 'the clean repository' },
    { name: 'an anchor that uses a judgement word next to behaviour', files: { [ROLE_PATH]: behavioural } },
  ],
  invalid: [
    {
      name: 'points anchored by judgement words alone',
      files: { [ROLE_PATH]: adjectives },
      expected: [
        {
          file: ROLE_PATH,
          ...at(adjectives, 'Weak.'),
          message: 'point 1 of "collaboration" is anchored by a judgement alone ("Weak.")',
        },
        {
          file: ROLE_PATH,
          ...at(adjectives, 'Very strong candidate'),
          message: 'point 4 of "collaboration"',
        },
      ],
    },
    {
      name: 'a point without an anchor',
      files: { [ROLE_PATH]: missing },
      expected: [
        {
          file: ROLE_PATH,
          ...at(missing, 'rubric:'),
          message: 'competency "system-design" does not anchor point 4',
        },
      ],
    },
    {
      name: 'an empty anchor',
      files: { [ROLE_PATH]: empty },
      expected: [{ file: ROLE_PATH, ...at(empty, '""'), message: 'does not anchor point 2' }],
    },
  ],
};
