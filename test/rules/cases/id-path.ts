import {
  at,
  DESIGN_FEEDBACK,
  DESIGN_FEEDBACK_PATH,
  edit,
  MEMO,
  MEMO_PATH,
  PROFILE,
  PROFILE_PATH,
  ROLE,
  ROLE_PATH,
  SURVEY,
  SURVEY_PATH,
} from '../fixture.js';
import type { RuleCases } from './types.js';

const profile = edit(PROFILE, 'id: ana-lima', 'id: ana-lima-2');
const memo = edit(MEMO, 'candidate: ana-lima', 'candidate: ana-limma');
const feedback = edit(
  edit(DESIGN_FEEDBACK, 'interview: onsite-design', 'interview: hm-screen'),
  'interviewer: pat.quinn',
  'interviewer: sam.lee',
);
const survey = edit(SURVEY, 'date: 2026-11-25', 'date: 2026-11-24');
const role = edit(ROLE, 'id: backend-engineer', 'id: backend');
const copy = edit(ROLE, 'title: Senior Backend Engineer', 'title: Backend Engineer');

export const cases: RuleCases = {
  valid: [
    { name: 'the clean repository' },
    {
      name: 'a document whose id field is missing is left to the schema rule',
      files: { [PROFILE_PATH]: edit(PROFILE, 'id: ana-lima\n', '') },
    },
  ],
  invalid: [
    {
      name: 'a profile id that is not its folder',
      files: { [PROFILE_PATH]: profile },
      expected: [
        {
          file: PROFILE_PATH,
          ...at(profile, 'ana-lima-2'),
          message: 'id "ana-lima-2" does not match the path, which says "ana-lima"',
        },
      ],
    },
    {
      name: 'a memo filed under another candidate',
      files: { [MEMO_PATH]: memo },
      expected: [{ file: MEMO_PATH, ...at(memo, 'ana-limma'), message: 'candidate "ana-limma"' }],
    },
    {
      name: 'a scorecard whose interview and interviewer disagree with its file name',
      files: { [DESIGN_FEEDBACK_PATH]: feedback },
      expected: [
        {
          file: DESIGN_FEEDBACK_PATH,
          ...at(feedback, 'hm-screen'),
          message: 'interview "hm-screen" does not match the path, which says "onsite-design"',
        },
        { file: DESIGN_FEEDBACK_PATH, ...at(feedback, 'sam.lee'), message: 'interviewer "sam.lee"' },
      ],
    },
    {
      name: 'a scorecard file name without its two parts',
      files: {
        [DESIGN_FEEDBACK_PATH]: null,
        'candidates/ana-lima/feedback/onsite-design.md': DESIGN_FEEDBACK,
      },
      expected: [
        {
          file: 'candidates/ana-lima/feedback/onsite-design.md',
          line: 1,
          column: 1,
          message: '<interview-id>--<person-id>.md',
        },
      ],
    },
    {
      name: 'a survey whose date is not its file name',
      files: { [SURVEY_PATH]: survey },
      expected: [{ file: SURVEY_PATH, ...at(survey, '2026-11-24'), message: 'date "2026-11-24"' }],
    },
    {
      name: 'a role id that is not its file name',
      files: { [ROLE_PATH]: role },
      expected: [
        {
          file: ROLE_PATH,
          ...at(role, 'backend\n'),
          message: 'rename the file to roles/backend.md or fix the id',
        },
      ],
    },
    {
      name: 'two roles with one id: the one whose path matches keeps it',
      files: { 'roles/backend-engineer-copy.md': copy },
      expected: [
        {
          file: 'roles/backend-engineer-copy.md',
          ...at(copy, 'backend-engineer'),
          message: 'does not match the path',
        },
        {
          file: 'roles/backend-engineer-copy.md',
          ...at(copy, 'backend-engineer'),
          message: 'id "backend-engineer" is also used by roles/backend-engineer.md',
        },
      ],
    },
  ],
};
