import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import type { Candidate } from '../schemas/candidate.js';
import type { Role } from '../schemas/role.js';
import { assemblePacket } from '../src/core/briefing/packet.js';
import { selectInterviews } from '../src/core/briefing/select.js';
import { parseConfig } from '../src/core/config.js';
import { buildWorkspace, type Loaded, loadDocument } from '../src/core/workspace.js';
import { markdownToHtmlDocument } from '../src/io/html.js';
import { renderTemplate } from '../src/io/templates.js';

/**
 * Generated repositories: random names, loops, scorecards and restricted values (some of them also
 * written into prose by mistake). Whatever is generated, the interviewer packet holds no restricted
 * value and nothing from any scorecard: no rating, no recommendation, no evidence.
 */

const PEOPLE = ['sam.lee', 'pat.quinn', 'jo.park', 'mei.tanaka'];
const COMPETENCIES = ['system-design', 'collaboration'];
const STAGES = ['hiring-manager-screen', 'onsite'];

const token = fc.stringMatching(/^[a-z]{10}$/).map((text) => `zq${text}`);
const digits = fc.stringMatching(/^[1-9][0-9]{9,11}$/);
const nameText = fc
  .string({
    unit: fc.constantFrom(...'abcdefghij ABCDE<>[]()*_#!`|&\'"-'.split('')),
    minLength: 1,
    maxLength: 30,
  })
  .filter((text) => /[a-zA-Z]/.test(text));

const interviewArb = fc.record({
  stage: fc.constantFrom(...STAGES),
  interviewers: fc.uniqueArray(fc.constantFrom(...PEOPLE), { minLength: 1, maxLength: 3 }),
  focus: fc.uniqueArray(fc.constantFrom(...COMPETENCIES), { maxLength: 2 }),
});

const scenarioArb = fc.record({
  name: nameText,
  email: token.map((text) => `${text}@mail.example`),
  phone: digits.map((text) => `+${text.slice(0, 2)} ${text.slice(2, 6)} ${text.slice(6)}`),
  sourceDetail: token,
  accommodationDetails: token,
  compensationMin: fc.integer({ min: 10_000, max: 999_999 }),
  compensationMax: fc.integer({ min: 10_000, max: 999_999 }),
  compensationNotes: token,
  /** A field the config adds to the restricted list, with its value. */
  extraRestricted: fc.option(fc.record({ field: fc.constantFrom('timezone', 'pronouns'), value: token })),
  /** Which restricted values someone also wrote into prose by mistake. */
  leaks: fc.uniqueArray(fc.constantFrom('email', 'phone', 'source', 'details', 'compensation', 'notes'), {
    maxLength: 6,
  }),
  loop: fc.array(interviewArb, { minLength: 1, maxLength: 3 }),
  scorecards: fc.array(
    fc.record({
      interview: fc.nat(),
      interviewer: fc.nat(),
      rating: fc.integer({ min: 1, max: 4 }),
      recommendation: fc.constantFrom('strong-yes', 'yes', 'no', 'strong-no'),
      evidence: token,
      forCandidate: token,
      internal: token,
    }),
    { maxLength: 6 },
  ),
  target: fc.record({ interview: fc.nat(), interviewer: fc.nat() }),
});

type Scenario = typeof scenarioArb extends fc.Arbitrary<infer T> ? T : never;

function document(path: string, data: Record<string, unknown>, body: string): Loaded<unknown> {
  const loaded = loadDocument({ path, text: `---\n${stringify(data)}---\n${body}` });
  if (!loaded?.value) throw new Error(`generated ${path} is invalid: ${JSON.stringify(loaded?.diagnostics)}`);
  return loaded;
}

function build(scenario: Scenario) {
  const extra = scenario.extraRestricted;
  const restrictedFields = [
    'compensation',
    'contact',
    'source.detail',
    'accommodations.details',
    ...(extra ? [extra.field] : []),
  ];
  const configText = stringify({
    organization: 'Acme',
    stages: [{ id: 'sourced', name: 'Sourced' }, ...STAGES.map((id) => ({ id, name: id }))],
    people: PEOPLE.map((id) => ({
      id,
      name: id.toUpperCase(),
      email: `${id}@acme.example`,
      roles: ['interviewer'],
    })),
    access: { restricted: restrictedFields, audiences: { interviewer: [], recruiter: restrictedFields } },
  });
  const config = parseConfig(configText).config;
  if (!config) throw new Error('generated config is invalid');

  const loop = scenario.loop.map((interview, index) => ({
    id: `interview-${index}`,
    title: `Interview ${index}`,
    ...interview,
    duration_minutes: 45,
    questions: interview.focus.map((competency, q) => ({
      id: `q-${index}-${q}`,
      competency,
      text: `Question ${index} ${q}?`,
    })),
  }));
  const leak = (key: Scenario['leaks'][number], value: string | number) =>
    scenario.leaks.includes(key) ? ` Also ${value}.` : '';
  const leaked = [
    leak('email', scenario.email),
    leak('phone', scenario.phone),
    leak('source', scenario.sourceDetail),
    leak('details', scenario.accommodationDetails),
    leak('compensation', scenario.compensationMin.toLocaleString('en-US')),
    leak('notes', scenario.compensationNotes),
  ].join('');

  const role = document(
    'roles/r.md',
    {
      kind: 'role',
      id: 'r',
      title: 'Engineer',
      team: 'Payments',
      status: 'open',
      hiring_manager: 'sam.lee',
      recruiter: 'sam.lee',
      opened: '2026-10-01',
      compensation: {
        currency: 'EUR',
        min: scenario.compensationMin,
        max: scenario.compensationMax,
        notes: scenario.compensationNotes,
      },
      expectations: [
        { id: 'own-ledger', outcome: 'Owns the ledger service.' },
        { id: 'design-reviews', outcome: `Reviews design documents.${leaked}` },
      ],
      competencies: [
        { id: 'system-design', name: 'System design', rubric: { 1: 'a', 2: 'b', 3: 'c', 4: 'd' } },
        { id: 'collaboration', name: 'Collaboration', rubric: { 1: 'e', 2: 'f', 3: 'g', 4: 'h' } },
      ],
      loop,
    },
    `## About the role\n\nLedger.\n\n## Selling points\n\nImpact.${leaked}\n`,
  );
  const stage = loop[scenario.target.interview % loop.length]!.stage;
  const profile = document(
    'candidates/c/profile.md',
    {
      kind: 'candidate',
      id: 'c',
      name: scenario.name,
      ...(extra?.field === 'pronouns' ? { pronouns: extra.value } : { pronouns: 'she/her' }),
      role: 'r',
      stage,
      status: 'active',
      recruiter: 'sam.lee',
      hiring_manager: 'sam.lee',
      applied: '2026-11-02',
      source: { channel: 'referral', detail: scenario.sourceDetail },
      contact: { email: scenario.email, phone: scenario.phone },
      timezone: extra?.field === 'timezone' ? extra.value : 'Europe/Lisbon',
      accommodations: { arrangements: ['Captions'], details: scenario.accommodationDetails },
      fit: { 'own-ledger': `Ran a ledger.${leaked}` },
    },
    `## Summary\n\nEngineer.${leaked}\n\n## Strengths\n\n- Failure first.${leaked}\n\n## Growth areas\n\n- Estimates.\n\n## Interview preferences\n\nMornings.${leaked}\n`,
  );
  const memo = document(
    'candidates/c/memo.md',
    {
      kind: 'memo',
      candidate: 'c',
      author: 'sam.lee',
      date: '2026-11-18',
      communication_style: `Direct.${leaked}`,
      motivations: [`Ownership.${leaked}`],
      concerns: [{ topic: `Relocation.${leaked}`, status: 'open', owner: 'sam.lee' }],
      already_asked: ['notice period'],
    },
    `## Context\n\nContext.${leaked}\n\n## What matters to the candidate\n\nOwnership.${leaked}\n\n## Cautions\n\n- Captions.${leaked}\n`,
  );
  const seen = new Set<string>();
  const feedback = scenario.scorecards.flatMap((card) => {
    const interview = loop[card.interview % loop.length]!;
    const interviewer = interview.interviewers[card.interviewer % interview.interviewers.length]!;
    if (seen.has(`${interview.id}--${interviewer}`)) return [];
    seen.add(`${interview.id}--${interviewer}`);
    return [
      document(
        `candidates/c/feedback/${interview.id}--${interviewer}.md`,
        {
          kind: 'feedback',
          candidate: 'c',
          interview: interview.id,
          interviewer,
          interviewed: '2026-11-19',
          ratings: Object.fromEntries(interview.focus.map((id) => [id, card.rating])),
          recommendation: card.recommendation,
        },
        `## Evidence\n\n${card.evidence}\n\n## For the candidate\n\n${card.forCandidate}\n\n## Internal notes\n\n${card.internal} rated ${card.rating}/4\n`,
      ),
    ];
  });
  const workspace = buildWorkspace(config, [role, profile, memo, ...feedback]);
  return { config, workspace, feedback };
}

/** A number in any of the spellings a person or a formatter might use: 91500, 91,500, 91.500, 91 500. */
function numberPattern(value: number): RegExp {
  return new RegExp(`(?<!\\d)${[...String(value)].join("[,.'\\s\\u00a0\\u202f_]?")}(?!\\d)`);
}

describe('the interviewer packet, over generated repositories', () => {
  it('never holds a restricted value, nor any rating, recommendation or evidence from a scorecard', () => {
    fc.assert(
      fc.property(scenarioArb, (scenario) => {
        const { config, workspace } = build(scenario);
        const role = workspace.roles.get('r')! as Loaded<Role> & { value: Role };
        const folder = workspace.candidates.get('c')!;
        const profile = folder.profile as Loaded<Candidate> & { value: Candidate };
        const interview = role.value.loop[scenario.target.interview % role.value.loop.length]!;
        const reader = interview.interviewers[scenario.target.interviewer % interview.interviewers.length]!;
        const [target] = selectInterviews(
          role.value,
          role.path,
          profile.value.stage,
          { interview: interview.id, interviewer: reader },
          workspace.people,
        );
        const packet = assemblePacket({
          config,
          people: workspace.people,
          stages: workspace.stages,
          role,
          profile,
          memo: folder.memo,
          feedback: folder.feedback,
          target: target!,
          audience: 'interviewer',
        });
        const markdown = renderTemplate(undefined, 'packets/interviewer', packet.view);
        const html = markdownToHtmlDocument(markdown, { title: packet.view.title });

        const forbidden = [
          scenario.email,
          scenario.sourceDetail,
          scenario.accommodationDetails,
          scenario.compensationNotes,
          ...(scenario.extraRestricted ? [scenario.extraRestricted.value] : []),
          ...scenario.scorecards.flatMap((card) => [card.evidence, card.forCandidate, card.internal]),
        ];
        for (const output of [markdown, html]) {
          for (const value of forbidden) expect(output).not.toContain(value);
          expect(output).not.toMatch(numberPattern(scenario.compensationMin));
          expect(output).not.toMatch(numberPattern(scenario.compensationMax));
          expect(output.replace(/[\s()+\-./]/g, '')).not.toContain(scenario.phone.replace(/\D/g, ''));
          expect(output).not.toMatch(
            /\d\s*\/\s*4|strong-yes|strong-no|recommendation:? (?:yes|no)\b|Scorecards submitted/i,
          );
        }
        const headings = markdown.split('\n').filter((line) => line.startsWith('## '));
        expect(headings).toHaveLength(6);
      }),
      { numRuns: 150 },
    );
  });

  it('shows the recruiter every restricted value, so the check above is not vacuous', () => {
    fc.assert(
      fc.property(scenarioArb, (scenario) => {
        const { config, workspace } = build(scenario);
        const role = workspace.roles.get('r')! as Loaded<Role> & { value: Role };
        const folder = workspace.candidates.get('c')!;
        const profile = folder.profile as Loaded<Candidate> & { value: Candidate };
        const interview = role.value.loop[0]!;
        const packet = assemblePacket({
          config,
          people: workspace.people,
          stages: workspace.stages,
          role,
          profile,
          memo: folder.memo,
          feedback: folder.feedback,
          target: { interview, readers: interview.interviewers, reader: undefined },
          audience: 'recruiter',
        });
        const markdown = renderTemplate(undefined, 'packets/interviewer', packet.view);
        for (const value of [
          scenario.sourceDetail,
          scenario.accommodationDetails,
          scenario.compensationNotes,
        ]) {
          expect(markdown).toContain(value);
        }
        expect(markdown).toMatch(numberPattern(scenario.compensationMin));
      }),
      { numRuns: 30 },
    );
  });
});
