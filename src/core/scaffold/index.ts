import { candidateScaffold } from './candidate.js';
import { feedbackScaffold } from './feedback.js';
import { memoScaffold } from './memo.js';
import { personScaffold } from './person.js';
import type { Scaffold } from './plan.js';
import { roleScaffold } from './role.js';
import { surveyScaffold } from './survey.js';

export const newKinds = ['role', 'candidate', 'memo', 'feedback', 'survey', 'person'] as const;
export type NewKind = (typeof newKinds)[number];

export const scaffolds: Record<NewKind, Scaffold> = {
  role: roleScaffold,
  candidate: candidateScaffold,
  memo: memoScaffold,
  feedback: feedbackScaffold,
  survey: surveyScaffold,
  person: personScaffold,
};
