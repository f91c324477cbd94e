import {
  at,
  CONFIG,
  CONFIG_PATH,
  edit,
  HM_FEEDBACK,
  HM_FEEDBACK_PATH,
  MEMO,
  MEMO_PATH,
  PROFILE,
  PROFILE_PATH,
  ROLE,
  ROLE_PATH,
} from '../fixture.js';
import type { RuleCases } from './types.js';

const email = edit(
  PROFILE,
  'Backend engineer with six years',
  'Reach her at ana.lima@mail.example. Backend engineer with six years',
);
const phone = edit(MEMO, 'Ana has owned', 'Call 07700 900123 to reschedule. Ana has owned');
const referrer = edit(
  MEMO,
  'Ana has owned',
  'A former colleague on the Risk team referred her. Ana has owned',
);
const health = edit(
  MEMO,
  'Captions add a short delay',
  'Because of her partial hearing loss, captions add a short delay',
);
const band = edit(ROLE, 'The ledger is the system', 'The band tops out at €110k. The ledger is the system');
const forCandidate = edit(
  HM_FEEDBACK,
  'You explained the locking',
  'We can offer 90,000 EUR. You explained the locking',
);
const internal = edit(
  HM_FEEDBACK,
  '## Internal notes\n',
  '## Internal notes\n\nShe expects at least 100,000 EUR; her hearing loss was not a factor.\n',
);
const inFit = edit(
  PROFILE,
  'own-ledger: Ran the billing ledger',
  'own-ledger: Referred by a former colleague on the Risk team; ran the billing ledger',
);
const interviewersSeeSource = edit(
  CONFIG,
  'cadence:',
  'access:\n  audiences: { interviewer: [source.detail] }\ncadence:',
);
const shorthand = edit(MEMO, 'She wants to own', 'She would accept 90k. She wants to own');
const numbers = edit(
  PROFILE,
  'Backend engineer with six years',
  'Handled 90 000 payouts a day and 110 merchants. Backend engineer with six years',
);

export const cases: RuleCases = {
  valid: [
    { name: 'the clean repository' },
    { name: 'restricted values in internal notes', files: { [HM_FEEDBACK_PATH]: internal } },
    {
      name: 'a field the config shows to interviewers',
      files: { [CONFIG_PATH]: interviewersSeeSource, [MEMO_PATH]: referrer },
    },
  ],
  invalid: [
    {
      name: "the candidate's e-mail in the profile body",
      files: { [PROFILE_PATH]: email },
      expected: [
        {
          file: PROFILE_PATH,
          ...at(email, 'ana.lima@mail.example', 1),
          message:
            'this repeats the candidate\'s e-mail address (restricted: contact.email) in "## Summary", which interviewers read',
        },
      ],
    },
    {
      name: "the candidate's phone number in national format in the memo",
      files: { [MEMO_PATH]: phone },
      expected: [
        {
          file: MEMO_PATH,
          ...at(phone, '07700 900123'),
          message: "the candidate's phone number (restricted: contact.phone)",
        },
      ],
    },
    {
      name: 'the source details restated in the memo',
      files: { [MEMO_PATH]: referrer },
      expected: [
        {
          file: MEMO_PATH,
          ...at(referrer, 'former colleague on the Risk team'),
          message: 'the source details (restricted: source.detail) in "## Context"',
        },
      ],
    },
    {
      name: 'the accommodation details in the cautions',
      files: { [MEMO_PATH]: health },
      expected: [
        {
          file: MEMO_PATH,
          ...at(health, 'partial hearing loss'),
          message: 'the accommodation details (restricted: accommodations.details)',
        },
      ],
    },
    {
      name: 'a compensation boundary in the selling points',
      files: { [ROLE_PATH]: band },
      expected: [
        {
          file: ROLE_PATH,
          ...at(band, '€110k'),
          message:
            'the role\'s compensation (restricted: compensation) in "## Selling points", which the candidate reads',
        },
      ],
    },
    {
      name: 'a figure in the band in the section for the candidate',
      files: { [HM_FEEDBACK_PATH]: forCandidate },
      expected: [
        {
          file: HM_FEEDBACK_PATH,
          ...at(forCandidate, '90,000 EUR'),
          message: '"## For the candidate", which the candidate reads',
        },
      ],
    },
    {
      name: 'source details in a fit entry interviewers see',
      files: { [PROFILE_PATH]: inFit },
      expected: [
        {
          file: PROFILE_PATH,
          ...at(inFit, 'Referred by a former colleague on the Risk team;'),
          message: 'in "fit.own-ledger"',
        },
      ],
    },
    {
      name: 'a boundary written in thousands',
      files: { [MEMO_PATH]: shorthand },
      expected: [
        {
          file: MEMO_PATH,
          ...at(shorthand, '90k'),
          message: '"## What matters to the candidate", which interviewers read',
        },
      ],
    },
    {
      name: 'a boundary written as a plain number, and not other numbers',
      files: { [PROFILE_PATH]: numbers },
      expected: [{ file: PROFILE_PATH, ...at(numbers, '90 000'), message: "the role's compensation" }],
    },
  ],
};
