import {
  at,
  CONFIG,
  CONFIG_PATH,
  DESIGN_FEEDBACK,
  DESIGN_FEEDBACK_PATH,
  edit,
  MEMO,
  MEMO_PATH,
  PROFILE,
  PROFILE_PATH,
  ROLE,
  ROLE_PATH,
} from '../fixture.js';
import type { ExpectedFinding, RuleCases } from './types.js';

/** Sentences a careful interviewer writes: pronouns, "fit" in other senses, facts, technical words. */
const NEUTRAL = [
  'She walked through the fit evidence and her answer fits the rubric for a 3.',
  'He has 10 years of experience with Go and five years of on-call.',
  'They proposed aggressive caching with an aggressive retry budget, then measured both.',
  'The design used the accent colour from the design system.',
  'She found a race condition in the child process supervisor.',
  'His partner team in finance signed off the reconciliation design.',
  'The estimate was just shy of the real figure; she is confident in it because she showed the arithmetic.',
  'The migration will fit in one sprint, and the old ledger is retired afterwards.',
  'Christian Weber from the Risk team joined the call as a shadow interviewer.',
  'She could articulate the trade-off between the two designs.',
  'A young codebase with an old version of the client library.',
  'Handles a setup wizard for merchants; the service suffers from lock contention at month end.',
  'They described the emotional design of the onboarding screens.',
  'He ran lazy loading for the dashboard and used the Go profiler.',
].join(' ');

const neutralFeedback = edit(DESIGN_FEEDBACK, /## Evidence\n\n(.*)\n/, `## Evidence\n\n$1 ${NEUTRAL}\n`);

const biased = edit(
  DESIGN_FEEDBACK,
  'Rated 3: capacity needed a prompt, which the 4 anchor does not allow.',
  [
    'Not a culture fit, and my gut feeling says he would not fit in with the team.',
    'Young and energetic, a real rockstar; he is probably overqualified.',
    'She mentioned her husband and their two kids; she has a heavy accent and is not a native speaker.',
    'He is German and seemed a bit aggressive, even abrasive, in the second half.',
    'She is a good fit for the team and very likeable.',
  ].join('\n'),
);

const expect = (phrase: string, message: string, nth = 0): ExpectedFinding => ({
  file: DESIGN_FEEDBACK_PATH,
  ...at(biased, phrase, nth),
  message,
});

const inFrontMatter = edit(
  PROFILE,
  'own-ledger: Ran the billing ledger',
  'own-ledger: A digital native who ran the billing ledger',
);
const quoted = edit(
  PROFILE,
  'own-ledger: Ran the billing ledger at her current company for two years, including on-call.',
  'own-ledger: "A digital native who ran the billing ledger."',
);
const folded = edit(
  PROFILE,
  'own-ledger: Ran the billing ledger at her current company for two years, including on-call.',
  'own-ledger: >-\n    A digital native who ran\n    the billing ledger.',
);
const crlf = edit(PROFILE, '- Capacity estimates came', '- A real rockstar. Capacity estimates came').replace(
  /\n/g,
  '\r\n',
);
const roleBody = edit(
  ROLE,
  'You will own the ledger service',
  'Join a young team of ninjas. You will own the ledger service',
);
const memoCautions = edit(
  MEMO,
  'Captions add a short delay',
  'She is in her forties and a working mother. Captions add a short delay',
);

const extra = edit(
  CONFIG,
  'cadence:',
  'language:\n  extra: [{ phrase: "hit the ground running", suggestion: name the first outcome you expect }]\n  allow: [energetic]\ncadence:',
);
const withExtra = edit(
  PROFILE,
  'Backend engineer with six years',
  'An energetic engineer who will hit the ground running. Backend engineer with six years',
);
const allowOverlap = edit(CONFIG, 'cadence:', 'language:\n  allow: ["aggressive timelines"]\ncadence:');
const aggressiveTimelines = edit(
  PROFILE,
  'Backend engineer with six years',
  'Kept to aggressive timelines without dropping tests. Backend engineer with six years',
);

export const cases: RuleCases = {
  valid: [
    { name: 'the clean repository' },
    {
      name: 'pronouns, other senses of "fit", facts and technical wording',
      files: { [DESIGN_FEEDBACK_PATH]: neutralFeedback },
    },
    {
      name: 'a phrase the config allows, overlapping a flagged one',
      files: { [CONFIG_PATH]: allowOverlap, [PROFILE_PATH]: aggressiveTimelines },
    },
    {
      name: 'phrases inside HTML comments and code',
      files: {
        [PROFILE_PATH]: edit(PROFILE, 'Captions are', '<!-- not a culture fit --> `rockstar` Captions are'),
      },
    },
  ],
  invalid: [
    {
      name: 'personal judgements and biased phrasing in a scorecard',
      files: { [DESIGN_FEEDBACK_PATH]: biased },
      expected: [
        expect(
          'culture fit',
          '"culture fit" is a personal judgement; describe the observable behaviour against the rubric instead (suggestion: name the behaviour you observed and the rubric anchor it meets)',
        ),
        expect('my gut feeling', '"my gut feeling" is a personal judgement'),
        expect('fit in with', '"fit in" is a personal judgement'),
        expect('Young and energetic', '"Young and energetic" refers to age'),
        expect('rockstar', '"rockstar" is hype'),
        expect('overqualified', '"overqualified" assumes what the candidate wants'),
        expect('her husband', '"her husband" refers to family'),
        expect('their two kids', '"their two kids" refers to family'),
        expect('heavy accent', '"heavy accent" judges accent'),
        expect('native speaker', '"native speaker" judges accent'),
        expect('German', '"German" refers to nationality, ethnicity or religion'),
        expect('aggressive', '"aggressive" is a judgement of personality'),
        expect('abrasive', '"abrasive" is a judgement of personality'),
        expect('good fit', '"good fit" is a personal judgement'),
        expect('likeable', '"likeable" is a personal judgement'),
      ],
    },
    {
      name: 'a front-matter value, pointing at the phrase inside it',
      files: { [PROFILE_PATH]: inFrontMatter },
      expected: [
        {
          file: PROFILE_PATH,
          ...at(inFrontMatter, 'digital native'),
          message: '"digital native" refers to age',
        },
      ],
    },
    {
      name: 'a quoted front-matter value, pointing inside the quotes',
      files: { [PROFILE_PATH]: quoted },
      expected: [{ file: PROFILE_PATH, ...at(quoted, 'digital native'), message: '"digital native"' }],
    },
    {
      name: 'a folded front-matter value, pointing at the value',
      files: { [PROFILE_PATH]: folded },
      expected: [{ file: PROFILE_PATH, ...at(folded, '>-'), message: '"digital native"' }],
    },
    {
      name: 'a file with CRLF line endings',
      files: { [PROFILE_PATH]: crlf },
      expected: [{ file: PROFILE_PATH, ...at(crlf.replace(/\r/g, ''), 'rockstar'), message: '"rockstar"' }],
    },
    {
      name: 'a role body',
      files: { [ROLE_PATH]: roleBody },
      expected: [
        { file: ROLE_PATH, ...at(roleBody, 'young team'), message: '"young team" refers to age' },
        { file: ROLE_PATH, ...at(roleBody, 'ninjas'), message: 'hype' },
      ],
    },
    {
      name: "a memo's cautions",
      files: { [MEMO_PATH]: memoCautions },
      expected: [
        { file: MEMO_PATH, ...at(memoCautions, 'in her forties'), message: 'refers to age' },
        { file: MEMO_PATH, ...at(memoCautions, 'working mother'), message: 'refers to family' },
      ],
    },
    {
      name: "the organisation's extra phrases, minus the allowed ones",
      files: { [CONFIG_PATH]: extra, [PROFILE_PATH]: withExtra },
      expected: [
        {
          file: PROFILE_PATH,
          ...at(withExtra, 'hit the ground running'),
          message:
            '"hit the ground running" is on this organisation\'s list of phrases to avoid (suggestion: name the first outcome you expect)',
        },
      ],
    },
  ],
};
