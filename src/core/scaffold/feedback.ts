import { recommendations } from '../../../schemas/common.js';
import type { LoopInterview, Role } from '../../../schemas/role.js';
import { HandoffError } from '../../errors.js';
import { paths } from '../layout.js';
import {
  brokenDocument,
  candidateField,
  dateField,
  fileExists,
  oneLine,
  peopleChoices,
  validCandidate,
  validRole,
} from './common.js';
import type { Field, ScaffoldContext, Values } from './fields.js';
import type { Scaffold } from './plan.js';

const RATING = 'rating:';

function roleOfCandidate(ctx: ScaffoldContext, candidateId: string | undefined): Role | undefined {
  return validRole(ctx, validCandidate(ctx, candidateId)?.role);
}

function interviewOf(ctx: ScaffoldContext, values: Values): LoopInterview | undefined {
  return roleOfCandidate(ctx, values.candidate)?.loop.find((interview) => interview.id === values.interview);
}

/** `--rating system-design=3` (repeatable) as values keyed `rating:system-design`. */
function ratingValues(ratings: unknown): Values {
  const values: Values = {};
  const list = Array.isArray(ratings) ? ratings : ratings === undefined ? [] : [ratings];
  for (const rating of list) {
    const match = /^\s*([^=\s]+)\s*=\s*(\S+)\s*$/.exec(String(rating));
    if (!match) {
      throw new HandoffError('usage', `--rating ${JSON.stringify(String(rating))} is not competency=score`, {
        fix: 'Write it like --rating system-design=3 (one --rating per competency).',
      });
    }
    values[`${RATING}${match[1]}`] = match[2];
  }
  return values;
}

/** One optional rating per focus competency of the interview, asked with the rubric's anchors as choices. */
function ratingFields(ctx: ScaffoldContext, values: Values, given: Values): Field[] {
  const interview = interviewOf(ctx, values);
  if (!interview) return [];
  const role = roleOfCandidate(ctx, values.candidate)!;
  const focus = interview.focus;
  const unknown = Object.keys(given)
    .filter((key) => key.startsWith(RATING) && given[key] !== undefined)
    .map((key) => key.slice(RATING.length))
    .find((id) => !focus.includes(id));
  if (unknown !== undefined) {
    throw new HandoffError(
      'unknown-reference',
      `${interview.id} does not assess "${unknown}", so it cannot be rated`,
      {
        details: focus.length > 0 ? focus : ['(this interview lists no focus competencies)'],
        fix: `Rate only the focus competencies of ${interview.id}, listed above (they are set in roles/${role.id}.md).`,
      },
    );
  }
  return focus.map((id) => {
    const competency = role.competencies.find((candidate) => candidate.id === id);
    const anchors = competency?.rubric ?? {};
    const name = competency ? oneLine(competency.name) : id;
    return {
      key: `${RATING}${id}`,
      flag: `--rating ${id}=<1-4>`,
      label: `${name}, 1-4 against the rubric`,
      question: `${name}: which anchor matches what you observed?`,
      ask: 'select',
      choices: () => [
        ...(['1', '2', '3', '4'] as const).map((point) => ({
          value: point,
          name: anchors[point] ? `${point}  ${oneLine(anchors[point])}` : point,
        })),
        { value: '', name: 'Score later (left commented out in the file)' },
      ],
    } satisfies Field;
  });
}

/** The interviewer must be one of the interview's interviewers. */
function interviewerField(): Field {
  return {
    key: 'interviewer',
    flag: '--interviewer <person-id>',
    label: 'the interviewer writing it',
    question: 'Interviewer',
    required: true,
    ask: 'select',
    needs: ['interview'],
    // An interview with one interviewer has only one person who can write its scorecard.
    defaultOnlySometimes: true,
    default: (ctx, values) => {
      const interviewers = interviewOf(ctx, values)?.interviewers ?? [];
      return interviewers.length === 1 ? interviewers[0] : undefined;
    },
    choices: (ctx, values) => {
      const people = new Map(peopleChoices(ctx).map((choice) => [choice.value, choice]));
      // In the interview's order; someone listed there but missing from the config still writes their scorecard.
      return (interviewOf(ctx, values)?.interviewers ?? []).map((id) => people.get(id) ?? { value: id });
    },
    reference: {
      noun: 'interviewer',
      fix: 'Interviewers are set on the interview in the role file.',
      explain: (value, ctx, values) => {
        const interview = interviewOf(ctx, values)!;
        return {
          code: 'unknown-reference',
          message: `${value} is not an interviewer on ${interview.id}`,
          details:
            interview.interviewers.length > 0
              ? interview.interviewers
              : ['(the interview lists no interviewers)'],
          fix: `Pass one of the interviewers above with --interviewer, or add ${value} to the interview's interviewers in the role file.`,
        };
      },
    },
    check: (value, ctx, values) =>
      fileExists(ctx, paths.feedback(values.candidate!, values.interview!, value), 'scorecard'),
  };
}

export const feedbackScaffold: Scaffold = {
  extraFlags: {
    flags: { rating: '--rating <competency=score>' },
    values: (options) => ratingValues(options.rating),
  },
  steps: [
    candidateField(),
    {
      key: 'interview',
      flag: '--interview <interview-id>',
      label: "the interview, from the loop of the candidate's role",
      question: 'Interview',
      required: true,
      ask: 'select',
      needs: ['candidate'],
      choices: (ctx, values) =>
        (roleOfCandidate(ctx, values.candidate)?.loop ?? []).map((interview) => ({
          value: interview.id,
          name: `${interview.id}  ${oneLine(interview.title)} (${interview.stage}; ${interview.interviewers.join(', ')})`,
        })),
      reference: {
        noun: 'interview',
        fix: "Interviews are the loop of the candidate's role.",
        explain: (_value, ctx, values) => {
          const roleId = validCandidate(ctx, values.candidate)?.role;
          const role = roleId === undefined ? undefined : ctx.workspace.roles.get(roleId);
          if (roleId !== undefined && !role) {
            return {
              code: 'unknown-reference',
              message: `the candidate's role "${roleId}" does not exist, so it has no interviews`,
              fix: `Create roles/${roleId}.md or correct the role in the candidate's profile.`,
            };
          }
          return brokenDocument(role, 'role');
        },
      },
    },
    interviewerField(),
    dateField('interviewed', '--interviewed', 'interview date'),
    ratingFields,
    {
      key: 'recommendation',
      flag: '--recommendation <recommendation>',
      label: recommendations.join(' | '),
      question: 'Overall recommendation (revisit it once the evidence is written)',
      required: true,
      ask: 'select',
      choices: () => recommendations.map((recommendation) => ({ value: recommendation })),
    },
  ],

  plan(values, ctx) {
    const candidateId = values.candidate!;
    const interviewId = values.interview!;
    const interviewer = values.interviewer!;
    const role = roleOfCandidate(ctx, candidateId)!;
    const interview = interviewOf(ctx, values)!;
    const path = paths.feedback(candidateId, interviewId, interviewer);
    const ratings = interview.focus.map((id) => {
      const competency = role.competencies.find((candidate) => candidate.id === id);
      const score = values[`${RATING}${id}`];
      return {
        id,
        name: competency ? oneLine(competency.name) : id,
        score: score === undefined ? null : Number(score),
        anchors: (['1', '2', '3', '4'] as const)
          .filter((point) => competency?.rubric[point])
          .map((point) => ({ point, text: oneLine(competency!.rubric[point]!) })),
      };
    });
    return {
      type: 'document',
      path,
      template: 'feedback',
      data: {
        candidate: candidateId,
        interview: interviewId,
        interviewer,
        interviewed: values.interviewed,
        recommendation: values.recommendation,
        ratings,
        scored: ratings.some((rating) => rating.score !== null),
        questions: interview.questions.map((question) => ({
          id: question.id,
          // Shown inside an HTML comment in the body, which "-->" would close.
          text: oneLine(question.text).replaceAll('--', '- -'),
        })),
      },
      commit: {
        subject: `Add scorecard ${interviewId} by ${interviewer} for ${candidateId}`,
        trailers: { 'Handoff-Event': 'new-feedback', 'Handoff-Candidate': candidateId },
      },
      next: `write the evidence, score each competency against the rubric, then set submitted and run "handoff lint ${path}"`,
    };
  },
};
