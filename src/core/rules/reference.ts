import type { Candidate } from '../../../schemas/candidate.js';
import type { Feedback } from '../../../schemas/feedback.js';
import type { Memo } from '../../../schemas/memo.js';
import type { Role } from '../../../schemas/role.js';
import type { Survey } from '../../../schemas/survey.js';
import { CONFIG_FILE, paths } from '../layout.js';
import type { Rule, RuleContext } from '../lint/types.js';
import { didYouMean } from '../suggest.js';
import type { Loaded } from '../workspace.js';
import { judged, keyAt, valueAt } from './support.js';

type Document = Loaded<unknown>;

interface Checker {
  context: RuleContext;
  document: Document;
}

function person({ context, document }: Checker, path: string, id: string): void {
  if (context.workspace.people.has(id)) return;
  context.report(
    document,
    valueAt(document, path),
    `unknown person "${id}" in ${path}${didYouMean(id, context.workspace.people.keys())}; add them to people in ${CONFIG_FILE} or fix the id`,
  );
}

function stage({ context, document }: Checker, path: string, id: string): void {
  if (context.workspace.stageOrder.has(id)) return;
  context.report(
    document,
    valueAt(document, path),
    `unknown stage "${id}" in ${path}${didYouMean(id, context.workspace.stageOrder.keys())}; the stages are listed in ${CONFIG_FILE}`,
  );
}

const competencyIds = new WeakMap<Role, string[]>();

/** A role's competency ids, listed once per role. */
function competenciesOf(role: Role): string[] {
  let ids = competencyIds.get(role);
  if (!ids) {
    ids = role.competencies.map((item) => item.id);
    competencyIds.set(role, ids);
  }
  return ids;
}

/** `where` says where the id is written: worked out only for a finding, as positions are (see DeferredPositions). */
function competency(
  { context, document }: Checker,
  role: Role,
  roleId: string,
  where: () => ReturnType<typeof keyAt>,
  id: string,
): void {
  const known = competenciesOf(role);
  if (known.includes(id)) return;
  context.report(
    document,
    where(),
    `"${id}" is not a competency of role ${roleId}${didYouMean(id, known)}; use one listed under competencies in ${paths.role(roleId)}`,
  );
}

/** The candidate's profile; reports on the document when its folder has none. */
function requireProfile({ context, document }: Checker): Loaded<Candidate> | undefined {
  const folder = context.workspace.candidates.get(document.location.candidateId!);
  if (folder?.profile) return folder.profile;
  context.report(
    document,
    valueAt(document, 'candidate'),
    `there is no profile for this candidate (${paths.profile(document.location.candidateId!)}); write it with "handoff new candidate"`,
  );
  return undefined;
}

/** The candidate's role, when the folder's profile names one that exists. */
function candidateRole(checker: Checker): { role: Role; roleId: string } | undefined {
  const roleId = requireProfile(checker)?.value?.role;
  const role = roleId === undefined ? undefined : checker.context.workspace.roles.get(roleId)?.value;
  return role && roleId ? { role, roleId } : undefined;
}

function checkRole(checker: Checker, role: Role): void {
  const { document } = checker;
  person(checker, 'hiring_manager', role.hiring_manager);
  person(checker, 'recruiter', role.recruiter);
  role.communication.forEach((entry, index) => {
    person(checker, `communication.${index}.owner`, entry.owner);
  });
  role.loop.forEach((interview, index) => {
    stage(checker, `loop.${index}.stage`, interview.stage);
    interview.interviewers.forEach((id, at) => {
      person(checker, `loop.${index}.interviewers.${at}`, id);
    });
    interview.focus.forEach((id, at) => {
      competency(checker, role, role.id, () => valueAt(document, `loop.${index}.focus.${at}`), id);
    });
    interview.questions.forEach((question, at) => {
      const where = () => valueAt(document, `loop.${index}.questions.${at}.competency`);
      competency(checker, role, role.id, where, question.competency);
    });
  });
}

function checkProfile(checker: Checker, candidate: Candidate): void {
  const { context, document } = checker;
  person(checker, 'recruiter', candidate.recruiter);
  person(checker, 'hiring_manager', candidate.hiring_manager);
  if (candidate.next_step) person(checker, 'next_step.owner', candidate.next_step.owner);
  stage(checker, 'stage', candidate.stage);
  const role = context.workspace.roles.get(candidate.role);
  if (!role) {
    context.report(
      document,
      valueAt(document, 'role'),
      `unknown role "${candidate.role}"${didYouMean(candidate.role, context.workspace.roles.keys())}; roles are the files in roles/`,
    );
    return;
  }
  const expectations = (role.value?.expectations ?? []).map((expectation) => expectation.id);
  if (!role.value) return;
  for (const key of Object.keys(candidate.fit)) {
    if (expectations.includes(key)) continue;
    context.report(
      document,
      keyAt(document, `fit.${key}`),
      `"${key}" is not an expectation of role ${candidate.role}${didYouMean(key, expectations)}; fit keys are the role's expectation ids`,
    );
  }
}

function checkMemo(checker: Checker, memo: Memo): void {
  const { context, document } = checker;
  person(checker, 'author', memo.author);
  memo.concerns.forEach((concern, index) => {
    person(checker, `concerns.${index}.owner`, concern.owner);
  });
  memo.stakeholders.forEach((stakeholder, index) => {
    person(checker, `stakeholders.${index}.person`, stakeholder.person);
  });
  const found = candidateRole(checker);
  if (!found) return;
  const { role, roleId } = found;
  memo.stakeholders.forEach((stakeholder, index) => {
    const interview = role.loop.find((item) => item.id === stakeholder.interview);
    if (!interview) {
      const known = role.loop.map((item) => item.id);
      context.report(
        document,
        valueAt(document, `stakeholders.${index}.interview`),
        `"${stakeholder.interview}" is not an interview of role ${roleId}'s loop${didYouMean(stakeholder.interview, known)}`,
      );
    } else if (
      context.workspace.people.has(stakeholder.person) &&
      !interview.interviewers.includes(stakeholder.person)
    ) {
      context.report(
        document,
        valueAt(document, `stakeholders.${index}.person`),
        `${stakeholder.person} is not an interviewer on ${interview.id} (its interviewers: ${interview.interviewers.join(', ') || 'none'}); fix the stakeholder or add them to the interview in ${paths.role(roleId)}`,
      );
    }
  });
}

function checkFeedback(checker: Checker, feedback: Feedback): void {
  const { context, document } = checker;
  person(checker, 'interviewer', feedback.interviewer);
  const found = candidateRole(checker);
  if (!found) return;
  const { role, roleId } = found;
  const interview = role.loop.find((item) => item.id === feedback.interview);
  if (!interview) {
    const known = role.loop.map((item) => item.id);
    context.report(
      document,
      valueAt(document, 'interview'),
      `"${feedback.interview}" is not an interview of role ${roleId}'s loop${didYouMean(feedback.interview, known)}`,
    );
  } else if (
    context.workspace.people.has(feedback.interviewer) &&
    !interview.interviewers.includes(feedback.interviewer)
  ) {
    context.report(
      document,
      valueAt(document, 'interviewer'),
      `${feedback.interviewer} is not an interviewer on ${interview.id} (its interviewers: ${interview.interviewers.join(', ') || 'none'}); fix the interviewer or add them to the interview in ${paths.role(roleId)}`,
    );
  }
  for (const key of Object.keys(feedback.ratings)) {
    competency(checker, role, roleId, () => keyAt(document, `ratings.${key}`), key);
  }
}

function checkSurvey(checker: Checker, survey: Survey): void {
  stage(checker, 'stage', survey.stage);
  requireProfile(checker);
}

export const rule: Rule = {
  meta: {
    id: 'reference',
    defaultSeverity: 'error',
    description:
      'a role, person, stage, interview, competency or expectation id that does not exist; a feedback whose interviewer is not on that interview',
  },
  check(context) {
    for (const document of judged<Role>(context, 'role')) {
      if (document.value) checkRole({ context, document }, document.value);
    }
    for (const document of judged<Candidate>(context, 'candidate')) {
      if (document.value) checkProfile({ context, document }, document.value);
    }
    for (const document of judged<Memo>(context, 'memo')) {
      if (document.value) checkMemo({ context, document }, document.value);
    }
    for (const document of judged<Feedback>(context, 'feedback')) {
      if (document.value) checkFeedback({ context, document }, document.value);
    }
    for (const document of judged<Survey>(context, 'survey')) {
      if (document.value) checkSurvey({ context, document }, document.value);
    }
  },
};
