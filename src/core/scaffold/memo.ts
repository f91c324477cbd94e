import type { Role } from '../../../schemas/role.js';
import { paths } from '../layout.js';
import {
  candidateField,
  dateField,
  fileExists,
  oneLine,
  personField,
  validCandidate,
  validRole,
} from './common.js';
import type { Scaffold } from './plan.js';

/** Who takes part in the loop and what for, from the role's interviews: one entry per interviewer and interview. */
function stakeholdersOf(role: Role | undefined): { person: string; interview: string; role: string }[] {
  if (!role) return [];
  const names = new Map(role.competencies.map((competency) => [competency.id, competency.name]));
  return role.loop.flatMap((interview) => {
    const focus = interview.focus.map((id) => names.get(id) ?? id).join(', ');
    const purpose = oneLine(focus ? `${interview.title}: ${focus}` : interview.title);
    return interview.interviewers.map((person) => ({ person, interview: interview.id, role: purpose }));
  });
}

export const memoScaffold: Scaffold = {
  steps: [
    {
      ...candidateField(),
      check: (value, ctx) => fileExists(ctx, paths.memo(value), 'memo'),
    },
    personField({
      key: 'author',
      flag: '--author <person-id>',
      label: "the memo's author (default: the candidate's recruiter)",
      required: true,
      needs: ['candidate'],
      default: (ctx, values) => validCandidate(ctx, values.candidate)?.recruiter,
    }),
    dateField('date', '--date', 'memo date'),
    {
      key: 'communicationStyle',
      flag: '--communication-style <text>',
      label: 'how the candidate prefers to communicate',
    },
  ],

  plan(values, ctx) {
    const candidateId = values.candidate!;
    const candidate = validCandidate(ctx, candidateId);
    const path = paths.memo(candidateId);
    return {
      type: 'document',
      path,
      template: 'memo',
      data: {
        candidate: candidateId,
        author: values.author,
        date: values.date,
        communicationStyle: values.communicationStyle ?? null,
        stakeholders: stakeholdersOf(validRole(ctx, candidate?.role)),
      },
      commit: {
        subject: `Add memo for ${candidateId}`,
        trailers: { 'Handoff-Event': 'new-memo', 'Handoff-Candidate': candidateId },
      },
      next: `fill in the TODOs and the ## sections, then run "handoff lint ${path}"`,
    };
  },
};
