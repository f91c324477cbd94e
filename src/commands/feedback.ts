import {
  checkShareableSections,
  missingShareableRules,
  SHAREABLE_HEADING,
  type ShareableProblem,
  shareableSections,
} from '../core/feedback-digest/checks.js';
import { assembleDigest } from '../core/feedback-digest/digest.js';
import { rules } from '../core/rules/index.js';
import { HandoffError } from '../errors.js';
import { openRepository } from '../io/repository.js';
import { loadCandidate, type OutputFormat, renderDocument, warn, writeOutputs } from './brief.js';
import type { CommandContext } from './context.js';

interface FeedbackOptions {
  format?: OutputFormat;
  out?: string;
  force?: boolean;
}

export async function feedbackCommand(
  context: CommandContext,
  query: string,
  options: FeedbackOptions,
): Promise<number> {
  const format = options.format ?? 'md';
  const repository = openRepository(context.io.cwd, context.repo);
  const { id, workspace, folder, profile, role } = loadCandidate(repository, query);

  const notices: string[] = [];
  for (const document of folder.feedback) {
    if (!document.value)
      notices.push(
        `${document.path} could not be read and was left out; "handoff lint ${document.path}" shows why.`,
      );
  }
  const sections = shareableSections(folder.feedback);
  for (const document of folder.feedback) {
    if (document.value && !sections.some((entry) => entry.document === document)) {
      notices.push(`${document.path} has nothing under "## ${SHAREABLE_HEADING}" and was left out.`);
    }
  }
  if (sections.length === 0) {
    warn(context, notices);
    const what =
      folder.feedback.length === 0
        ? `there are no scorecards for ${profile.value.name} yet`
        : `no scorecard of ${profile.value.name} has text under "${SHAREABLE_HEADING}" yet`;
    throw new HandoffError('not-found', what, {
      fix: `Interviewers write what may be shared under "## ${SHAREABLE_HEADING}" in candidates/${id}/feedback/.`,
    });
  }

  for (const missing of missingShareableRules(rules)) {
    notices.push(`the ${missing} rule is not available, so the shareable sections were not checked with it.`);
  }
  const problems = checkShareableSections({
    workspace,
    config: repository.config,
    now: new Date().toISOString().slice(0, 10),
    sections,
    rules,
  });
  if (problems.length > 0 && options.force !== true) {
    warn(context, notices);
    throw new HandoffError(
      'render-refused',
      `the feedback for ${profile.value.name} was not rendered: ${describeCount(problems)} in the "${SHAREABLE_HEADING}" sections`,
      {
        details: problems.map(formatProblem),
        fix: 'Rewrite those sentences as observed evidence in neutral language, or pass --force to render anyway.',
      },
    );
  }
  if (problems.length > 0) {
    notices.push(
      `rendered despite ${describeCount(problems)} in the "${SHAREABLE_HEADING}" sections (--force); read it before sending:`,
      ...problems.map(formatProblem),
    );
  }
  warn(context, notices);

  const view = assembleDigest({
    config: repository.config,
    people: workspace.people,
    role: role.value,
    candidate: profile.value,
    sections,
  });
  const content = await renderDocument(repository.root, 'packets/feedback', view, format);
  writeOutputs(
    context,
    repository.root,
    [{ fileName: `${id}--feedback.${format}`, content }],
    options.out,
    options.force === true,
    'digests',
  );
  return 0;
}

function describeCount(problems: readonly ShareableProblem[]): string {
  return `${problems.length} problem${problems.length === 1 ? '' : 's'}`;
}

function formatProblem(problem: ShareableProblem): string {
  return `${problem.file}:${problem.line}:${problem.column}  ${problem.message}  (${problem.ruleId})`;
}
