import { paths } from '../layout.js';
import { candidateField, dateProblem, fileExists, stageChoices, validCandidate } from './common.js';
import type { Scaffold } from './plan.js';

const scores = [
  { value: '5', name: '5  very good' },
  { value: '4', name: '4  good' },
  { value: '3', name: '3  neither good nor poor' },
  { value: '2', name: '2  poor' },
  { value: '1', name: '1  very poor' },
];

export const surveyScaffold: Scaffold = {
  steps: [
    candidateField(),
    {
      key: 'stage',
      flag: '--stage <stage-id>',
      label: "the stage the answers are about (default: the candidate's stage)",
      question: 'Which stage are the answers about?',
      required: true,
      ask: 'select',
      needs: ['candidate'],
      default: (ctx, values) => validCandidate(ctx, values.candidate)?.stage,
      choices: stageChoices,
      reference: { noun: 'stage', fix: 'Stages are listed in handoff.config.yaml.' },
    },
    {
      key: 'date',
      flag: '--date <date>',
      label: 'the date of the answers (YYYY-MM-DD, default today)',
      required: true,
      needs: ['candidate'],
      default: (ctx) => ctx.today,
      check: (value, ctx, values) =>
        dateProblem('--date', value) ??
        (values.candidate === undefined
          ? undefined
          : fileExists(ctx, paths.survey(values.candidate, value), 'survey')),
    },
    {
      key: 'score',
      flag: '--score <1-5>',
      label: 'candidate experience score, 1 (very poor) to 5 (very good)',
      question: 'How did the candidate rate their experience?',
      required: true,
      ask: 'select',
      choices: () => scores,
    },
  ],

  plan(values) {
    const candidateId = values.candidate!;
    const path = paths.survey(candidateId, values.date!);
    return {
      type: 'document',
      path,
      template: 'survey',
      data: { candidate: candidateId, stage: values.stage, date: values.date, score: Number(values.score) },
      commit: {
        subject: `Add survey ${values.date} for ${candidateId}`,
        trailers: { 'Handoff-Event': 'new-survey', 'Handoff-Candidate': candidateId },
      },
      next: `write the candidate's comments in their own words below the front matter, then run "handoff lint ${path}"`,
    };
  },
};
