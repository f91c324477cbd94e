import { at, DESIGN_FEEDBACK_PATH, edit, MEMO, MEMO_PATH, ROLE, ROLE_PATH } from '../fixture.js';
import type { RuleCases } from './types.js';

const near = edit(
  ROLE,
  '      - { id: sd-1, competency: system-design, text: Design a ledger that two regions write to. }\n',
  '      - { id: sd-1, competency: system-design, text: Design a ledger that two regions write to. }\n      - { id: sd-2, competency: system-design, text: Tell me about a design decision that you disagreed with. }\n',
);
const same = edit(
  ROLE,
  '      - { id: sd-1, competency: system-design, text: Design a ledger that two regions write to. }\n',
  '      - { id: sd-1, competency: system-design, text: Design a ledger that two regions write to. }\n      - { id: sd-2, competency: system-design, text: "Design a ledger that two regions write to!" }\n',
);
const different = edit(
  ROLE,
  '      - { id: sd-1, competency: system-design, text: Design a ledger that two regions write to. }\n',
  '      - { id: sd-1, competency: system-design, text: Design a ledger that two regions write to. }\n      - { id: sd-2, competency: system-design, text: Design a payout scheduler that retries safely. }\n',
);
const salaryQuestion = edit(
  ROLE,
  '      - { id: sd-1, competency: system-design, text: Design a ledger that two regions write to. }\n',
  '      - { id: sd-1, competency: system-design, text: Design a ledger that two regions write to. }\n      - { id: sd-2, competency: system-design, text: What are your salary expectations for this move? }\n',
);
const placeholders = edit(
  edit(
    ROLE,
    'text: Tell me about a design decision you disagreed with.',
    'text: "TODO: a question about a specific past situation"',
  ),
  'text: Design a ledger that two regions write to.',
  'text: "TODO: a question about a specific past situation"',
);
const memoSkipping = edit(MEMO, 'part of the format.', 'part of the format. Skip sd-2: salary was covered.');

export const cases: RuleCases = {
  valid: [
    { name: 'the clean repository' },
    { name: 'two questions on one topic that ask different things', files: { [ROLE_PATH]: different } },
    {
      name: 'questions still at their template placeholder (the placeholder rule reports them)',
      files: { [ROLE_PATH]: placeholders },
    },
    {
      name: 'an already-asked topic in an interview the candidate has had',
      files: { [ROLE_PATH]: salaryQuestion },
    },
    {
      name: 'an already-asked topic whose question the memo tells the interviewer to skip',
      files: { [ROLE_PATH]: salaryQuestion, [DESIGN_FEEDBACK_PATH]: null, [MEMO_PATH]: memoSkipping },
    },
  ],
  invalid: [
    {
      name: 'nearly the same question in two interviews',
      files: { [ROLE_PATH]: near },
      expected: [
        {
          file: ROLE_PATH,
          ...at(near, 'Tell me about a design decision that'),
          message: 'question "sd-2" is nearly the same as "hm-1" in interview "hm-screen"',
        },
      ],
    },
    {
      name: 'the same question twice in one interview',
      files: { [ROLE_PATH]: same },
      expected: [
        {
          file: ROLE_PATH,
          ...at(same, '"Design a ledger that two regions write to!"'),
          message: 'is the same as "sd-1" in the same interview',
        },
      ],
    },
    {
      name: 'a question still to come on a topic the memo lists as already asked',
      files: { [ROLE_PATH]: salaryQuestion, [DESIGN_FEEDBACK_PATH]: null },
      expected: [
        {
          file: MEMO_PATH,
          ...at(MEMO, 'salary expectations'),
          message:
            'question "sd-2" of interview "onsite-design" (roles/backend-engineer.md) asks about it again',
        },
      ],
    },
  ],
};
