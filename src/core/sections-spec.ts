import type { DocumentKind } from '../../schemas/common.js';

/**
 * Who reads a section: `candidate` (text that reaches the candidate), `interviewers` (the hiring
 * team, including interviewers, who see no restricted field) or `internal` (recruiters and the
 * hiring manager only).
 */
export type SectionAudience = 'candidate' | 'interviewers' | 'internal';

export interface SectionSpec {
  heading: string;
  audience: SectionAudience;
  /** True when the section may be left empty (it must still be present). */
  mayBeEmpty: boolean;
  /** One sentence of guidance the templates show; lint flags it when it is left in as the content. */
  guidance: string;
}

/** The `##` sections each kind's template lays out, in order. Surveys have free text only. */
export const sectionSpecs: Record<DocumentKind, readonly SectionSpec[]> = {
  role: [
    {
      heading: 'About the role',
      audience: 'candidate',
      mayBeEmpty: false,
      guidance: 'Describe the team, the work and the systems the person will own.',
    },
    {
      heading: 'What success looks like',
      audience: 'candidate',
      mayBeEmpty: false,
      guidance:
        'Describe the observable outcomes expected in the first months, matching the expectations above.',
    },
    {
      heading: 'Selling points',
      audience: 'candidate',
      mayBeEmpty: false,
      guidance: 'What the candidate should hear about the role: scope, impact, team and ways of working.',
    },
  ],
  candidate: [
    {
      heading: 'Summary',
      audience: 'interviewers',
      mayBeEmpty: false,
      guidance: 'Summarise the experience that is relevant to the role, in two or three sentences.',
    },
    {
      heading: 'Strengths',
      audience: 'interviewers',
      mayBeEmpty: false,
      guidance: 'List strengths with the evidence behind each one.',
    },
    {
      heading: 'Growth areas',
      audience: 'interviewers',
      mayBeEmpty: false,
      guidance: 'List what has not been shown yet and how the loop can probe it.',
    },
    {
      heading: 'Interview preferences',
      audience: 'interviewers',
      mayBeEmpty: false,
      guidance: 'Note scheduling preferences and the arrangements interviewers must provide.',
    },
  ],
  memo: [
    {
      heading: 'Context',
      audience: 'interviewers',
      mayBeEmpty: false,
      guidance:
        'What interviewers need to know before they meet the candidate: relevant background and what the screens covered.',
    },
    {
      heading: 'What matters to the candidate',
      audience: 'interviewers',
      mayBeEmpty: false,
      guidance: 'What the candidate is looking for and what they asked about.',
    },
    {
      heading: 'Cautions',
      audience: 'interviewers',
      mayBeEmpty: false,
      guidance: 'Bias risks for this loop and how interviewers should guard against them.',
    },
  ],
  feedback: [
    {
      heading: 'Evidence',
      audience: 'interviewers',
      mayBeEmpty: false,
      guidance: 'What you observed, question by question, tied to the rubric anchors.',
    },
    {
      heading: 'For the candidate',
      audience: 'candidate',
      mayBeEmpty: false,
      guidance: 'What may be shared with the candidate, in neutral, evidence-based language.',
    },
    {
      heading: 'Internal notes',
      audience: 'internal',
      // Many scorecards have nothing to add beyond the evidence; an empty section is an honest answer.
      mayBeEmpty: true,
      guidance: 'Anything for the hiring team only; leave empty when there is nothing to add.',
    },
  ],
  survey: [],
};

export function requiredHeadings(kind: DocumentKind): string[] {
  return sectionSpecs[kind].map((spec) => spec.heading);
}

export function sectionSpec(kind: DocumentKind, heading: string): SectionSpec | undefined {
  const wanted = heading.toLowerCase();
  return sectionSpecs[kind].find((spec) => spec.heading.toLowerCase() === wanted);
}
