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

const profile = edit(
  edit(
    edit(edit(PROFILE, 'role: backend-engineer', 'role: backend-enginer'), 'stage: onsite', 'stage: onsit'),
    'recruiter: alex.kim',
    'recruiter: alex.kin',
  ),
  'owner: alex.kim',
  'owner: chris.obi',
);
const fitKey = edit(PROFILE, '  raise-bar:', '  raise-the-bar:');
const memo = edit(
  edit(edit(MEMO, 'author: alex.kim', 'author: alex'), 'interview: onsite-design', 'interview: onsite-desgn'),
  'person: sam.lee, interview: hm-screen',
  'person: pat.quinn, interview: hm-screen',
);
const feedback = edit(
  edit(DESIGN_FEEDBACK, 'interviewer: pat.quinn', 'interviewer: sam.lee'),
  'system-design: 3',
  'systems-design: 3',
);
const feedbackInterview = edit(DESIGN_FEEDBACK, 'interview: onsite-design', 'interview: onsite-designs');
const role = edit(
  edit(
    edit(
      edit(ROLE, 'stage: onsite', 'stage: on-site'),
      'interviewers: [pat.quinn]',
      'interviewers: [pat.quin]',
    ),
    'focus: [system-design]',
    'focus: [design]',
  ),
  'competency: collaboration',
  'competency: colaboration',
);
const owner = edit(ROLE, 'owner: sam.lee', 'owner: sam');
const survey = edit(SURVEY, 'stage: onsite', 'stage: final');

export const cases: RuleCases = {
  valid: [{ name: 'the clean repository' }],
  invalid: [
    {
      name: 'a profile naming an unknown role, stage and people, with the closest ids',
      files: { [PROFILE_PATH]: profile },
      expected: [
        {
          file: PROFILE_PATH,
          ...at(profile, 'backend-enginer'),
          message: 'unknown role "backend-enginer" (did you mean "backend-engineer"?)',
        },
        {
          file: PROFILE_PATH,
          ...at(profile, 'onsit'),
          message: 'unknown stage "onsit" in stage (did you mean "onsite"?)',
        },
        {
          file: PROFILE_PATH,
          ...at(profile, 'alex.kin'),
          message: 'unknown person "alex.kin" in recruiter (did you mean "alex.kim"?)',
        },
        {
          file: PROFILE_PATH,
          ...at(profile, 'chris.obi'),
          message: 'unknown person "chris.obi" in next_step.owner',
        },
      ],
    },
    {
      name: 'a fit key that is not an expectation of the role',
      files: { [PROFILE_PATH]: fitKey },
      expected: [
        {
          file: PROFILE_PATH,
          ...at(fitKey, 'raise-the-bar'),
          message:
            '"raise-the-bar" is not an expectation of role backend-engineer (did you mean "raise-bar"?)',
        },
      ],
    },
    {
      name: 'a memo with an unknown author, an unknown interview and a stakeholder not on their interview',
      files: { [MEMO_PATH]: memo },
      expected: [
        { file: MEMO_PATH, ...at(memo, 'alex\n'), message: 'unknown person "alex" in author' },
        {
          file: MEMO_PATH,
          ...at(memo, 'pat.quinn, interview: hm-screen'),
          message: 'pat.quinn is not an interviewer on hm-screen (its interviewers: sam.lee)',
        },
        {
          file: MEMO_PATH,
          ...at(memo, 'onsite-desgn'),
          message:
            '"onsite-desgn" is not an interview of role backend-engineer\'s loop (did you mean "onsite-design"?)',
        },
      ],
    },
    {
      name: 'a scorecard by someone who is not on the interview, rating an unknown competency',
      files: { [DESIGN_FEEDBACK_PATH]: feedback },
      expected: [
        {
          file: DESIGN_FEEDBACK_PATH,
          ...at(feedback, 'sam.lee'),
          message: 'sam.lee is not an interviewer on onsite-design (its interviewers: pat.quinn)',
        },
        {
          file: DESIGN_FEEDBACK_PATH,
          ...at(feedback, 'systems-design'),
          message:
            '"systems-design" is not a competency of role backend-engineer (did you mean "system-design"?)',
        },
      ],
    },
    {
      name: 'a scorecard for an interview that is not in the loop',
      files: { [DESIGN_FEEDBACK_PATH]: feedbackInterview },
      expected: [
        {
          file: DESIGN_FEEDBACK_PATH,
          ...at(feedbackInterview, 'onsite-designs'),
          message: 'did you mean "onsite-design"?',
        },
      ],
    },
    {
      name: 'a role loop with an unknown stage, interviewer and competencies',
      files: { [ROLE_PATH]: role },
      // The memo and the scorecard of pat.quinn now disagree with the loop too; judge the role alone.
      judge: [ROLE_PATH],
      expected: [
        {
          file: ROLE_PATH,
          ...at(role, 'colaboration'),
          message:
            '"colaboration" is not a competency of role backend-engineer (did you mean "collaboration"?)',
        },
        {
          file: ROLE_PATH,
          ...at(role, 'on-site'),
          message: 'unknown stage "on-site" in loop.1.stage (did you mean "onsite"?)',
        },
        {
          file: ROLE_PATH,
          ...at(role, 'pat.quin]'),
          message: 'unknown person "pat.quin" in loop.1.interviewers.0',
        },
        { file: ROLE_PATH, ...at(role, 'design]'), message: '"design" is not a competency' },
      ],
    },
    {
      name: 'a communication owner who is not in the config',
      files: { [ROLE_PATH]: owner },
      expected: [
        {
          file: ROLE_PATH,
          ...at(owner, 'sam, when'),
          message: 'unknown person "sam" in communication.1.owner',
        },
      ],
    },
    {
      name: 'a survey at an unknown stage',
      files: { [SURVEY_PATH]: survey },
      expected: [{ file: SURVEY_PATH, ...at(survey, 'final'), message: 'unknown stage "final"' }],
    },
    {
      name: 'a memo in a folder without a profile',
      files: { [PROFILE_PATH]: null },
      judge: [MEMO_PATH],
      expected: [
        {
          file: MEMO_PATH,
          ...at(MEMO, 'ana-lima'),
          message: 'there is no profile for this candidate (candidates/ana-lima/profile.md)',
        },
      ],
    },
  ],
};
