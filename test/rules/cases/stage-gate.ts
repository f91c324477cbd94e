import {
  at,
  CONFIG,
  CONFIG_PATH,
  edit,
  HM_FEEDBACK_PATH,
  MEMO,
  MEMO_PATH,
  PROFILE,
  PROFILE_PATH,
  ROLE,
  ROLE_PATH,
} from '../fixture.js';
import type { RuleCases } from './types.js';

const stage = at(PROFILE, 'onsite\n');
const emptyCautions = edit(MEMO, /## Cautions\n\n.*\n/, '## Cautions\n\n...\n');
const todoCautions = edit(
  MEMO,
  /## Cautions\n\n.*\n/,
  '## Cautions\n\nTODO: list the bias risks for this loop.\n',
);
const noRaiseBar = edit(PROFILE, / {2}raise-bar: .*\n/, '');
const rejected = edit(PROFILE, 'status: active', 'status: rejected');
// An expectation sharing its id with the competency an onsite interview assesses is probed there.
const probedExpectation = edit(
  ROLE,
  "  - id: raise-bar\n    outcome: Reviews and improves the team's design documents within the first quarter.\n",
  '  - id: system-design\n    outcome: Designs the second region of the ledger within the first year.\n',
);
const noRequires = edit(CONFIG, ', requires: [memo, profile] }', ' }');
const atHmScreen = edit(PROFILE, 'stage: onsite', 'stage: hiring-manager-screen');

export const cases: RuleCases = {
  valid: [
    { name: 'the clean repository' },
    {
      name: 'a rejected candidate is a record, not judged by the gate',
      files: { [MEMO_PATH]: null, [PROFILE_PATH]: rejected },
    },
    {
      name: 'an expectation without fit evidence that an interview still to come probes',
      files: { [ROLE_PATH]: probedExpectation, [PROFILE_PATH]: noRaiseBar },
    },
    {
      name: 'a stage that requires nothing',
      files: { [MEMO_PATH]: null, [PROFILE_PATH]: edit(PROFILE, 'stage: onsite', 'stage: recruiter-screen') },
    },
  ],
  invalid: [
    {
      name: 'no memo',
      files: { [MEMO_PATH]: null },
      expected: [
        {
          file: PROFILE_PATH,
          ...stage,
          message:
            'stage "onsite" requires memo: there is no context memo (candidates/ana-lima/memo.md); write it with "handoff new memo --candidate ana-lima"',
        },
      ],
    },
    {
      name: 'a memo section with only a placeholder',
      files: { [MEMO_PATH]: emptyCautions },
      expected: [
        {
          file: PROFILE_PATH,
          ...stage,
          message: 'the context memo has sections without content: ## Cautions',
        },
      ],
    },
    {
      name: 'a memo section holding only a TODO line',
      files: { [MEMO_PATH]: todoCautions },
      expected: [
        {
          file: PROFILE_PATH,
          ...stage,
          message: 'the context memo has sections without content: ## Cautions',
        },
      ],
    },
    {
      name: 'an expectation with neither evidence nor an interview still to come',
      files: { [PROFILE_PATH]: noRaiseBar },
      expected: [
        {
          file: PROFILE_PATH,
          ...at(noRaiseBar, 'onsite\n'),
          message: 'requires fit: no evidence in fit and no interview still to come that probes: raise-bar',
        },
      ],
    },
    {
      name: "a missing scorecard of an earlier stage's interview",
      files: { [HM_FEEDBACK_PATH]: null },
      expected: [
        {
          file: PROFILE_PATH,
          ...stage,
          message: 'requires scorecards: scorecards are missing for earlier interviews: hm-screen by sam.lee',
        },
      ],
    },
    {
      name: 'the default gate of a stage without requires: a memo from the hiring-manager screen on',
      files: { [CONFIG_PATH]: noRequires, [PROFILE_PATH]: atHmScreen, [MEMO_PATH]: null },
      expected: [
        {
          file: PROFILE_PATH,
          ...at(atHmScreen, 'hiring-manager-screen'),
          message: 'stage "hiring-manager-screen" requires memo',
        },
      ],
    },
  ],
};
