import {
  at,
  DESIGN_FEEDBACK,
  DESIGN_FEEDBACK_PATH,
  edit,
  HM_FEEDBACK,
  HM_FEEDBACK_PATH,
  PROFILE,
  PROFILE_PATH,
} from '../fixture.js';
import type { RuleCases } from './types.js';

const noContact = edit(PROFILE, 'last_contact: 2026-11-20\n', '');
const onHold = edit(PROFILE, 'status: active', 'status: on-hold');
const late = edit(HM_FEEDBACK, 'submitted: 2026-11-19T15:10:00Z', 'submitted: 2026-11-21T02:30:00Z');
const draft = edit(DESIGN_FEEDBACK, 'submitted: 2026-11-24T17:30:00Z\n', '');

export const cases: RuleCases = {
  valid: [
    { name: 'the clean repository (last contact exactly five days ago)' },
    {
      name: 'a candidate on hold is not chased for updates',
      files: { [PROFILE_PATH]: onHold },
      now: '2026-12-20',
    },
    {
      name: 'a scorecard submitted within 24 hours of the end of the interview day',
      files: {
        [HM_FEEDBACK_PATH]: edit(
          HM_FEEDBACK,
          'submitted: 2026-11-19T15:10:00Z',
          'submitted: 2026-11-20T23:59:00Z',
        ),
      },
    },
    {
      name: 'a draft scorecard due during today is not late yet',
      files: {
        [DESIGN_FEEDBACK_PATH]: draft,
        [PROFILE_PATH]: edit(PROFILE, 'last_contact: 2026-11-20', 'last_contact: 2026-11-25'),
      },
      now: '2026-11-26',
    },
  ],
  invalid: [
    {
      name: 'an active candidate not updated within candidate_update_days',
      now: '2026-11-26',
      expected: [
        {
          file: PROFILE_PATH,
          ...at(PROFILE, '2026-11-20'),
          message:
            'the candidate last heard from the company 6 days ago; active candidates hear from the company at least every 5 days',
        },
      ],
    },
    {
      name: 'an active candidate without last_contact',
      files: { [PROFILE_PATH]: noContact },
      expected: [
        {
          file: PROFILE_PATH,
          ...at(noContact, 'active'),
          message: 'this active candidate has no last_contact',
        },
      ],
    },
    {
      name: 'a scorecard submitted after it was due',
      files: { [HM_FEEDBACK_PATH]: late },
      expected: [
        {
          file: HM_FEEDBACK_PATH,
          ...at(late, '2026-11-21T02:30:00Z'),
          message:
            'submitted 3 hours after it was due (2026-11-21 00:00 UTC, 24 hours after the interview day',
        },
      ],
    },
    {
      name: 'a scorecard not submitted after it was due',
      files: { [DESIGN_FEEDBACK_PATH]: draft },
      now: '2026-11-27',
      expected: [
        {
          file: DESIGN_FEEDBACK_PATH,
          ...at(draft, '2026-11-24'),
          message: 'this scorecard is not submitted and was due 2026-11-26 00:00 UTC',
        },
        { file: PROFILE_PATH, ...at(PROFILE, '2026-11-20'), message: '7 days ago' },
      ],
    },
    {
      name: 'no decision more than decision_days after the last interview of the final stage',
      files: { [PROFILE_PATH]: edit(PROFILE, 'last_contact: 2026-11-20', 'last_contact: 2026-12-04') },
      now: '2026-12-05',
      expected: [
        {
          file: PROFILE_PATH,
          ...at(PROFILE, 'active'),
          message:
            'no decision 11 days after the last interview of stage "onsite"; decisions are due within 10 days',
        },
      ],
    },
  ],
};
