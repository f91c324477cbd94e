import {
  at,
  edit,
  HM_FEEDBACK,
  HM_FEEDBACK_PATH,
  MEMO,
  MEMO_PATH,
  PROFILE,
  PROFILE_PATH,
  SURVEY,
  SURVEY_PATH,
} from '../fixture.js';
import type { RuleCases } from './types.js';

const contacts = edit(
  MEMO,
  'Ana has owned',
  'Her former manager (j.silva@old-employer.example, +351 912 345 678) gave a reference. Ana has owned',
);
const ids = edit(
  PROFILE,
  'Capacity estimates came only when prompted.',
  'Capacity estimates came only when prompted. SSN 123-45-6789 and NI number JG 10 37 59 A were sent by mistake.',
);
const age = edit(HM_FEEDBACK, 'You explained', 'At 32 years old you explained');
const birth = edit(MEMO, 'She wants to own', 'Born on 4 May 1992 (DOB on file). She wants to own');
const survey = edit(
  SURVEY,
  'The interviewers knew',
  'Call me on (415) 555-0100 or 030 1234 5678. The interviewers knew',
);
const notPersonal = edit(
  PROFILE,
  'Backend engineer with six years',
  'Worked there 2019-2023 on release 2.14.3; interviewed 2026-11-24; 10 years of experience; ticket PAY-1234; 90,000 payouts a day; call sam.lee@acme.example to schedule; aged cheese is not an age. Backend engineer with six years',
);
const ownEmailInternal = edit(
  HM_FEEDBACK,
  '## Internal notes\n',
  '## Internal notes\n\nShe wrote from ana.lima@mail.example.\n',
);
const ownEmailShared = edit(
  PROFILE,
  'Backend engineer with six years',
  'Writes from ana.lima@mail.example. Backend engineer with six years',
);

export const cases: RuleCases = {
  valid: [
    { name: 'the clean repository (contact details sit in the contact field)' },
    {
      name: "dates, year ranges, versions, experience, amounts and colleagues' addresses",
      files: { [PROFILE_PATH]: notPersonal },
    },
    {
      name: "the candidate's own e-mail in a shared section is left to restricted-leak",
      files: { [PROFILE_PATH]: ownEmailShared },
    },
  ],
  invalid: [
    {
      name: 'an e-mail address and an international phone number',
      files: { [MEMO_PATH]: contacts },
      expected: [
        { file: MEMO_PATH, ...at(contacts, 'j.silva@'), message: 'an e-mail address in "## Context"' },
        { file: MEMO_PATH, ...at(contacts, '+351 912 345 678'), message: 'a phone number in "## Context"' },
      ],
    },
    {
      name: 'national id numbers',
      files: { [PROFILE_PATH]: ids },
      expected: [
        { file: PROFILE_PATH, ...at(ids, '123-45-6789'), message: 'a national id number' },
        { file: PROFILE_PATH, ...at(ids, 'JG 10 37 59 A'), message: 'a national id number' },
      ],
    },
    {
      name: 'an age',
      files: { [HM_FEEDBACK_PATH]: age },
      expected: [
        { file: HM_FEEDBACK_PATH, ...at(age, '32 years old'), message: 'an age in "## For the candidate"' },
      ],
    },
    {
      name: 'a date of birth',
      files: { [MEMO_PATH]: birth },
      expected: [
        { file: MEMO_PATH, ...at(birth, 'Born on'), message: 'a date of birth' },
        { file: MEMO_PATH, ...at(birth, 'DOB'), message: 'a date of birth' },
      ],
    },
    {
      name: 'phone numbers in a survey',
      files: { [SURVEY_PATH]: survey },
      expected: [
        { file: SURVEY_PATH, ...at(survey, '(415) 555-0100'), message: 'a phone number in the body' },
        { file: SURVEY_PATH, ...at(survey, '030 1234 5678'), message: 'a phone number' },
      ],
    },
    {
      name: "the candidate's own e-mail in internal notes",
      files: { [HM_FEEDBACK_PATH]: ownEmailInternal },
      expected: [
        {
          file: HM_FEEDBACK_PATH,
          ...at(ownEmailInternal, 'ana.lima@'),
          message: 'an e-mail address in "## Internal notes"',
        },
      ],
    },
  ],
};
