import type { Candidate } from '../../../schemas/candidate.js';
import type { Feedback } from '../../../schemas/feedback.js';
import { dateTimeMs, daysBetween, endOfDayMs, formatInstant, hoursToMs, startOfDayMs } from '../dates.js';
import type { Rule, RuleContext } from '../lint/types.js';
import type { Loaded } from '../workspace.js';
import { judged, plural, valueAt } from './support.js';

/**
 * A scorecard is due `feedback_due_hours` after the END of its interview day (00:00 UTC the next
 * day): scorecards carry the interview's date, not its time, so the deadline is measured
 * generously rather than from a guessed start time.
 */
export function scorecardDueMs(interviewed: string, dueHours: number): number | undefined {
  const end = endOfDayMs(interviewed);
  return end === undefined ? undefined : end + hoursToMs(dueHours);
}

function checkLastContact(context: RuleContext, document: Loaded<Candidate>, candidate: Candidate): void {
  const limit = context.config.cadence.candidate_update_days;
  if (!candidate.last_contact) {
    context.report(
      document,
      valueAt(document, 'status'),
      `this active candidate has no last_contact; record when they last heard from the company (every ${plural(limit, 'day')} at least)`,
    );
    return;
  }
  const days = daysBetween(candidate.last_contact, context.now);
  if (days === undefined || days <= limit) return;
  context.report(
    document,
    valueAt(document, 'last_contact'),
    `the candidate last heard from the company ${plural(days, 'day')} ago; active candidates hear from the company at least every ${plural(limit, 'day')} (cadence.candidate_update_days): send an update and set last_contact`,
  );
}

/**
 * No decision yet although every interview of the role's last loop stage has a scorecard and the
 * last of them is more than `decision_days` old. Only for a candidate still at that stage: a
 * candidate moved past it (to an offer) has had the decision.
 */
function checkDecision(context: RuleContext, document: Loaded<Candidate>, candidate: Candidate): void {
  const { workspace } = context;
  const role = workspace.roles.get(candidate.role)?.value;
  const folder = workspace.candidates.get(document.location.candidateId!);
  if (!role || !folder || role.loop.length === 0) return;
  const orders = role.loop.map((interview) => workspace.stageOrder.get(interview.stage) ?? -1);
  const finalOrder = Math.max(...orders);
  if (finalOrder < 0 || workspace.stageOrder.get(candidate.stage) !== finalOrder) return;
  const finalInterviews = role.loop
    .filter((_, index) => orders[index] === finalOrder)
    .map((interview) => interview.id);
  const scorecards = folder.feedback.filter((feedback) =>
    finalInterviews.includes(feedback.location.interviewId!),
  );
  const covered = new Set(scorecards.map((feedback) => feedback.location.interviewId));
  if (!finalInterviews.every((id) => covered.has(id))) return;
  const last = scorecards
    .map((feedback) => feedback.value?.interviewed)
    .filter((date): date is string => typeof date === 'string')
    .sort()
    .at(-1);
  if (!last) return;
  const days = daysBetween(last, context.now);
  const limit = context.config.cadence.decision_days;
  if (days === undefined || days <= limit) return;
  context.report(
    document,
    valueAt(document, 'status'),
    `no decision ${plural(days, 'day')} after the last interview of stage "${candidate.stage}"; decisions are due within ${plural(limit, 'day')} (cadence.decision_days): record the outcome in status or move the candidate on`,
  );
}

function checkScorecard(context: RuleContext, document: Loaded<Feedback>, feedback: Feedback): void {
  const dueHours = context.config.cadence.feedback_due_hours;
  const due = scorecardDueMs(feedback.interviewed, dueHours);
  if (due === undefined) return;
  if (feedback.submitted) {
    const submitted = dateTimeMs(feedback.submitted);
    if (submitted === undefined || submitted <= due) return;
    const late = Math.ceil((submitted - due) / hoursToMs(1));
    context.report(
      document,
      valueAt(document, 'submitted'),
      `submitted ${plural(late, 'hour')} after it was due (${formatInstant(due)}, ${plural(dueHours, 'hour')} after the interview day; cadence.feedback_due_hours)`,
    );
    return;
  }
  const status = context.workspace.candidates.get(document.location.candidateId!)?.profile?.value?.status;
  if (status !== 'active' && status !== 'on-hold') return;
  // "Today" is taken at its start, so a scorecard due during today is not yet late.
  const today = startOfDayMs(context.now);
  if (today === undefined || today <= due) return;
  context.report(
    document,
    valueAt(document, 'interviewed'),
    `this scorecard is not submitted and was due ${formatInstant(due)} (${plural(dueHours, 'hour')} after the interview day); finish it and set submitted`,
  );
}

export const rule: Rule = {
  meta: {
    id: 'cadence',
    defaultSeverity: 'warning',
    description:
      'an active candidate not updated within candidate_update_days; a scorecard submitted late or overdue; a decision overdue',
  },
  check(context) {
    for (const document of judged<Candidate>(context, 'candidate')) {
      const candidate = document.value;
      if (candidate?.status !== 'active') continue;
      checkLastContact(context, document, candidate);
      checkDecision(context, document, candidate);
    }
    for (const document of judged<Feedback>(context, 'feedback')) {
      if (document.value) checkScorecard(context, document, document.value);
    }
  },
};
