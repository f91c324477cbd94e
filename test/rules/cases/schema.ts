import { at, edit, HM_FEEDBACK, HM_FEEDBACK_PATH, PROFILE, PROFILE_PATH } from '../fixture.js';
import type { RuleCases } from './types.js';

const typo = edit(PROFILE, 'stage: onsite', 'stgae: onsite');
const badStatus = edit(PROFILE, 'status: active', 'status: activ');
const badRating = edit(HM_FEEDBACK, 'collaboration: 3', 'collaboration: 5');
const phoneNumber = edit(PROFILE, 'phone: "+44 7700 900123"', 'phone: 07700900123');

export const cases: RuleCases = {
  valid: [{ name: 'the clean repository' }],
  invalid: [
    {
      name: 'an unknown key, with the closest known key',
      files: { [PROFILE_PATH]: typo },
      expected: [
        { file: PROFILE_PATH, ...at(typo, 'stgae'), message: 'unknown key "stgae" (did you mean "stage"?)' },
        // Without the stage key, "stage" is also missing: reported at the opening fence.
        { file: PROFILE_PATH, line: 1, column: 1, message: 'missing required field "stage"' },
      ],
    },
    {
      name: 'a value outside its enum',
      files: { [PROFILE_PATH]: badStatus },
      expected: [{ file: PROFILE_PATH, ...at(badStatus, 'activ'), message: '"status"' }],
    },
    {
      name: 'a rating outside 1-4',
      files: { [HM_FEEDBACK_PATH]: badRating },
      expected: [{ file: HM_FEEDBACK_PATH, ...at(badRating, '5 }'), message: '"ratings.collaboration"' }],
    },
    {
      name: 'a phone number YAML reads as a number',
      files: { [PROFILE_PATH]: phoneNumber },
      expected: [{ file: PROFILE_PATH, ...at(phoneNumber, '07700900123'), message: 'quote this value' }],
    },
  ],
};
