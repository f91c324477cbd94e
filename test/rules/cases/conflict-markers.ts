import { edit, MEMO, MEMO_PATH, PROFILE, PROFILE_PATH } from '../fixture.js';
import type { RuleCases } from './types.js';

const conflicted = edit(
  MEMO,
  'Ana has owned the billing ledger at her current company for two years.\n',
  '<<<<<<< HEAD\nAna has owned the billing ledger at her current company for two years.\n=======\nAna has run the billing ledger for two years.\n>>>>>>> feature/memo-context\n',
);
const inFrontMatter = edit(
  PROFILE,
  'stage: onsite\n',
  '<<<<<<< ours\nstage: onsite\n||||||| base\nstage: recruiter-screen\n=======\nstage: hiring-manager-screen\n>>>>>>> theirs\n',
);
const setextHeading = edit(MEMO, 'Ana has owned', 'A heading\n=======\n\nAna has owned');

export const cases: RuleCases = {
  valid: [
    { name: 'the clean repository' },
    {
      name: 'a line of seven "=" outside a conflict is a heading underline',
      files: { [MEMO_PATH]: setextHeading },
    },
  ],
  invalid: [
    {
      name: 'a conflict left in a body',
      files: { [MEMO_PATH]: conflicted },
      expected: [
        { file: MEMO_PATH, line: 17, column: 1, message: 'Git conflict marker "<<<<<<<"' },
        { file: MEMO_PATH, line: 19, column: 1, message: '"======="' },
        { file: MEMO_PATH, line: 21, column: 1, message: '">>>>>>>"' },
      ],
    },
    {
      name: 'a diff3 conflict in front matter',
      files: { [PROFILE_PATH]: inFrontMatter },
      expected: [
        { file: PROFILE_PATH, line: 7, column: 1 },
        { file: PROFILE_PATH, line: 9, column: 1, message: '"|||||||"' },
        { file: PROFILE_PATH, line: 11, column: 1 },
        { file: PROFILE_PATH, line: 13, column: 1 },
      ],
    },
  ],
};
