import { at, edit, ROLE, ROLE_PATH } from '../fixture.js';
import type { RuleCases } from './types.js';

const noCompensation = edit(
  ROLE,
  'compensation: { currency: EUR, min: 90000, max: 110000, notes: Band P4 }\n',
  '',
);
const inverted = edit(ROLE, 'min: 90000, max: 110000', 'min: 110000, max: 90000');
const emptyLists = edit(
  edit(ROLE, /timeline:\n(?: {2}- .*\n)+/, 'timeline: []\n'),
  /communication:\n(?: {2}- .*\n)+/,
  '',
);
const noExpectations = edit(ROLE, /expectations:\n(?: {4}.*\n| {2}- .*\n)+/, '');
const interview = edit(
  edit(
    ROLE,
    '    questions:\n      - { id: sd-1, competency: system-design, text: Design a ledger that two regions write to. }\n',
    '',
  ),
  'focus: [collaboration]',
  'focus: [collaboration, system-design]',
);
const noInterviewers = edit(ROLE, 'interviewers: [pat.quinn]', 'interviewers: []');

export const cases: RuleCases = {
  valid: [{ name: 'the clean repository' }],
  invalid: [
    {
      name: 'no compensation boundaries',
      files: { [ROLE_PATH]: noCompensation },
      expected: [
        {
          file: ROLE_PATH,
          ...at(noCompensation, 'id: backend-engineer'),
          message: 'no compensation boundaries',
        },
      ],
    },
    {
      name: 'compensation min above max',
      files: { [ROLE_PATH]: inverted },
      expected: [{ file: ROLE_PATH, ...at(inverted, 'min:'), message: 'compensation min is above max' }],
    },
    {
      name: 'no timeline milestones and no communication map',
      files: { [ROLE_PATH]: emptyLists },
      expected: [
        { file: ROLE_PATH, ...at(emptyLists, 'timeline'), message: 'no timeline milestones' },
        { file: ROLE_PATH, ...at(emptyLists, 'id: backend-engineer'), message: 'no communication map' },
      ],
    },
    {
      name: 'no expectations',
      files: { [ROLE_PATH]: noExpectations },
      expected: [
        { file: ROLE_PATH, ...at(noExpectations, 'id: backend-engineer'), message: 'no expectations' },
      ],
    },
    {
      name: 'an interview without questions, and a focus competency no question covers',
      files: { [ROLE_PATH]: interview },
      expected: [
        {
          file: ROLE_PATH,
          ...at(interview, 'system-design]'),
          message: 'interview "hm-screen" has no question for its focus competency "system-design"',
        },
        {
          file: ROLE_PATH,
          ...at(interview, 'id: onsite-design'),
          message: 'interview "onsite-design" has no questions',
        },
      ],
    },
    {
      name: 'an interview without interviewers',
      files: { [ROLE_PATH]: noInterviewers },
      expected: [
        {
          file: ROLE_PATH,
          ...at(noInterviewers, 'interviewers: []'),
          message: 'interview "onsite-design" has no interviewers',
        },
      ],
    },
  ],
};
