import { addDays, dateOfDay, endOfDayMs, hoursToMs } from '../dates.js';
import { day } from './day.js';
import type { RoleFacts } from './facts.js';
import { completedStayDays } from './metrics.js';
import { append, median } from './stats.js';
import type { CandidateTimeline } from './timeline.js';

/**
 * The pipeline board and what needs action. Pure: the command gathers the timelines, the roles and the
 * missing gate prerequisites; "today" is an input so that every rule is testable with --now.
 */
export interface StatusInput {
  organization: string;
  now: string;
  stages: { id: string; name: string; max_days?: number | undefined }[];
  cadence: { candidate_update_days: number; feedback_due_hours: number; decision_days: number };
  timelines: CandidateTimeline[];
  roles: RoleFacts[];
  /** What the gate of each active candidate's current stage still lacks, by candidate id. */
  gates: Map<string, GateGap[]>;
  role?: string | undefined;
  owner?: string | undefined;
  datesFrom: 'history' | 'documents' | 'mixed';
  notices: string[];
}

export interface GateGap {
  /** The `requires` entry that is not met: memo, profile, fit or scorecards. */
  requirement: string;
  /** What is missing, for people; never holds restricted data. */
  message: string;
  /** Who should supply it, when known. */
  owner?: string | undefined;
  /** For scorecards: the `<interview-id>--<person-id>` that is missing. */
  item?: string | undefined;
}

export interface StatusReport {
  organization: string;
  now: string;
  dates_from: 'history' | 'documents' | 'mixed';
  filter: { role: string | null; owner: string | null };
  notices: string[];
  board: BoardRole[];
  actions: ActionItem[];
  bottleneck: Bottleneck | null;
}

export interface BoardRole {
  role: string;
  title: string | null;
  /** The role's status (open, on-hold, filled, closed), or null when the role file is missing. */
  status: string | null;
  hiring_manager: string | null;
  recruiter: string | null;
  stages: { stage: string; name: string; candidates: BoardCandidate[] }[];
}

export interface BoardCandidate {
  id: string;
  name: string;
  status: 'active' | 'on-hold';
  entered: string | null;
  days_in_stage: number | null;
  next_step: string | null;
  owner: string | null;
  due: string | null;
  /** True when the next step's due date has passed. */
  overdue: boolean;
}

export type ActionKind = 'limbo' | 'scorecard-overdue' | 'decision-overdue' | 'stalled' | 'gate-missing';

export interface ActionItem {
  kind: ActionKind;
  candidate: string;
  name: string;
  role: string | null;
  stage: string;
  /** The person who must act, when known. */
  owner: string | null;
  /** The date by which it should have happened (or, for a gate, the day the candidate entered the stage). */
  due: string | null;
  /** Whole days past `due`; the list is sorted by this, most first. */
  days_overdue: number;
  /** What it is about: the interview (scorecards), the requirement (gates), else null. */
  about: string | null;
  /** One line for people, without the candidate's name (formatters add it). */
  detail: string;
}

export interface Bottleneck {
  stage: string;
  name: string;
  /** Active candidates in the stage now. */
  candidates: number;
  median_days: number;
  longest_days: number;
}

/** A stage's median is trusted for the "twice the median" rule only with this many finished stays behind it. */
export const MIN_STAYS_FOR_MEDIAN = 3;

const kindOrder: ActionKind[] = ['scorecard-overdue', 'decision-overdue', 'limbo', 'stalled', 'gate-missing'];

export function buildStatus(input: StatusInput): StatusReport {
  const { now, stages, cadence } = input;
  const today = day(now);
  const stageName = new Map(stages.map((stage) => [stage.id, stage.name]));
  const stageIndex = new Map(stages.map((stage, index) => [stage.id, index]));
  const roles = new Map(input.roles.map((role) => [role.id, role]));
  const inRole = (timeline: CandidateTimeline) => input.role === undefined || timeline.role === input.role;
  const open = input.timelines.filter(
    (timeline) => (timeline.status === 'active' || timeline.status === 'on-hold') && inRole(timeline),
  );
  const active = open.filter((timeline) => timeline.status === 'active');

  const medians = new Map<string, number>();
  for (const [stage, days] of completedStayDays(input.timelines)) {
    if (days.length >= MIN_STAYS_FOR_MEDIAN) medians.set(stage, median(days)!);
  }

  const daysInStage = (timeline: CandidateTimeline) => {
    const entered = currentStay(timeline)?.entered;
    return entered === undefined ? null : today - day(entered);
  };

  // The board: every open role, then any other role that still has candidates in process.
  const roleIds = new Set<string>();
  for (const role of input.roles)
    if (role.status === 'open' && (input.role === undefined || role.id === input.role)) roleIds.add(role.id);
  for (const timeline of open) roleIds.add(timeline.role ?? '(no role)');
  const onBoard = (timeline: CandidateTimeline) =>
    input.owner === undefined || timeline.nextStep?.owner === input.owner;
  const board: BoardRole[] = [...roleIds].sort(byRoleThenId(roles)).map((roleId) => {
    const role = roles.get(roleId);
    const mine = open.filter((timeline) => (timeline.role ?? '(no role)') === roleId && onBoard(timeline));
    const stageIds = [
      ...stages.map((stage) => stage.id),
      ...new Set(mine.map((t) => t.stage).filter((s) => !stageIndex.has(s))),
    ];
    return {
      role: roleId,
      title: role?.title ?? null,
      status: role?.status ?? null,
      hiring_manager: role?.hiringManager ?? null,
      recruiter: role?.recruiter ?? null,
      stages: stageIds
        .map((stage) => ({
          stage,
          name: stageName.get(stage) ?? stage,
          candidates: mine
            .filter((timeline) => timeline.stage === stage)
            .map((timeline) => boardCandidate(timeline, daysInStage(timeline), now))
            .sort(
              (a, b) => (b.days_in_stage ?? -1) - (a.days_in_stage ?? -1) || a.name.localeCompare(b.name),
            ),
        }))
        .filter((stage) => stage.candidates.length > 0),
    };
  });

  const actions: ActionItem[] = [];
  for (const timeline of active) {
    const days = daysInStage(timeline);
    const item = (
      kind: ActionKind,
      fields: Omit<ActionItem, 'kind' | 'candidate' | 'name' | 'role' | 'stage'>,
    ) =>
      actions.push({
        kind,
        candidate: timeline.id,
        name: timeline.name,
        role: timeline.role ?? null,
        stage: timeline.stage,
        ...fields,
      });

    // Limbo: the candidate has not heard from the company within candidate_update_days.
    const since = timeline.lastContact ?? timeline.applied;
    if (since !== undefined) {
      const due = addDays(since, cadence.candidate_update_days);
      const late = today - day(due);
      if (late > 0) {
        item('limbo', {
          about: null,
          owner: timeline.recruiter ?? null,
          due,
          days_overdue: late,
          detail: timeline.lastContact
            ? `no update since ${since} (every ${cadence.candidate_update_days} days)`
            : `no contact recorded since applying on ${since} (every ${cadence.candidate_update_days} days)`,
        });
      }
    }

    // Scorecards past due: an interview that happened, and an interviewer without a scorecard.
    const role = timeline.role === undefined ? undefined : roles.get(timeline.role);
    const lateScorecards = new Set<string>();
    for (const interview of role?.loop ?? []) {
      const held = interviewDate(timeline, interview);
      if (!held) continue;
      const dueMs = endOfDayMs(held.date)! + hoursToMs(cadence.feedback_due_hours);
      const due = dateOfDay(Math.ceil(dueMs / 86_400_000) - 1);
      const late = today - day(due);
      if (late <= 0) continue;
      const written = new Set(
        timeline.scorecards
          .filter((scorecard) => scorecard.interview === interview.id)
          .map((s) => s.interviewer),
      );
      for (const interviewer of interview.interviewers) {
        if (written.has(interviewer)) continue;
        lateScorecards.add(`${interview.id}--${interviewer}`);
        item('scorecard-overdue', {
          about: interview.id,
          owner: interviewer,
          due,
          days_overdue: late,
          detail: `no scorecard from ${interviewer} for ${interview.id} (interviewed ${held.date}${held.from === 'next-step' ? ', per the next step' : ''})`,
        });
      }
    }

    // Decision past due: the last interview was in the current stage and no decision followed within decision_days.
    const lastInterview = timeline.scorecards
      .map((scorecard) => scorecard.interviewed)
      .filter((date): date is string => date !== undefined)
      .sort()
      .pop();
    const entered = currentStay(timeline)?.entered;
    if (lastInterview !== undefined && (entered === undefined || lastInterview >= entered)) {
      const due = addDays(lastInterview, cadence.decision_days);
      const late = today - day(due);
      if (late > 0) {
        item('decision-overdue', {
          about: null,
          owner: timeline.hiringManager ?? null,
          due,
          days_overdue: late,
          detail: `no decision since the last interview on ${lastInterview} (within ${cadence.decision_days} days)`,
        });
      }
    }

    // Stalled: longer in the stage than its max_days, or than twice its median.
    const stage = stages.find((candidateStage) => candidateStage.id === timeline.stage);
    if (days !== null && entered !== undefined) {
      const limits: { days: number; why: string }[] = [];
      if (stage?.max_days !== undefined)
        limits.push({ days: stage.max_days, why: `the stage allows ${stage.max_days}` });
      const stageMedian = medians.get(timeline.stage);
      if (stageMedian !== undefined && stageMedian > 0) {
        limits.push({ days: 2 * stageMedian, why: `twice the stage's median of ${round1(stageMedian)}` });
      }
      const broken = limits.filter((limit) => days > limit.days).sort((a, b) => a.days - b.days)[0];
      if (broken) {
        item('stalled', {
          about: null,
          owner: timeline.nextStep?.owner ?? timeline.recruiter ?? null,
          due: addDays(entered, Math.floor(broken.days)),
          days_overdue: Math.ceil(days - broken.days),
          detail: `${days} days in ${stageName.get(timeline.stage) ?? timeline.stage}; ${broken.why}`,
        });
      }
    }

    // Gate prerequisites missing for the stage the candidate is in (a scorecard already reported late is not repeated).
    for (const gap of input.gates.get(timeline.id) ?? []) {
      if (gap.item !== undefined && lateScorecards.has(gap.item)) continue;
      item('gate-missing', {
        about: gap.requirement,
        owner: gap.owner ?? timeline.recruiter ?? null,
        due: entered ?? null,
        days_overdue: days ?? 0,
        detail: `${stageName.get(timeline.stage) ?? timeline.stage} requires ${gap.requirement}: ${gap.message}`,
      });
    }
  }

  const wanted = actions
    .filter((action) => input.owner === undefined || action.owner === input.owner)
    .sort(
      (a, b) =>
        b.days_overdue - a.days_overdue ||
        kindOrder.indexOf(a.kind) - kindOrder.indexOf(b.kind) ||
        a.name.localeCompare(b.name) ||
        a.detail.localeCompare(b.detail),
    );

  return {
    organization: input.organization,
    now,
    dates_from: input.datesFrom,
    filter: { role: input.role ?? null, owner: input.owner ?? null },
    notices: input.notices,
    board,
    actions: wanted,
    bottleneck: bottleneck(active, daysInStage, stages, stageName),
  };
}

function currentStay(timeline: CandidateTimeline) {
  return timeline.stays[timeline.stays.length - 1];
}

function boardCandidate(timeline: CandidateTimeline, days: number | null, now: string): BoardCandidate {
  const next = timeline.nextStep;
  return {
    id: timeline.id,
    name: timeline.name,
    status: timeline.status === 'on-hold' ? 'on-hold' : 'active',
    entered: currentStay(timeline)?.entered ?? null,
    days_in_stage: days,
    next_step: next?.action ?? null,
    owner: next?.owner ?? null,
    due: next?.due ?? null,
    overdue: next?.due !== undefined && next.due < now,
  };
}

/**
 * When an interview happened: the date on a scorecard for it, else the due date of a next step that
 * names the interview (by id or title) once that date has passed.
 */
function interviewDate(
  timeline: CandidateTimeline,
  interview: RoleFacts['loop'][number],
): { date: string; from: 'scorecard' | 'next-step' } | undefined {
  const dates = timeline.scorecards
    .filter((scorecard) => scorecard.interview === interview.id && scorecard.interviewed !== undefined)
    .map((scorecard) => scorecard.interviewed!)
    .sort();
  if (dates.length > 0) return { date: dates[0]!, from: 'scorecard' };
  const next = timeline.nextStep;
  if (!next?.action || !next.due) return undefined;
  const action = next.action.toLowerCase();
  const named = [interview.id, interview.title].some(
    (name) => name !== undefined && action.includes(name.toLowerCase()),
  );
  return named ? { date: next.due, from: 'next-step' } : undefined;
}

/** The stage where active candidates have waited longest: the highest median days in stage now. */
function bottleneck(
  active: CandidateTimeline[],
  daysInStage: (timeline: CandidateTimeline) => number | null,
  stages: StatusInput['stages'],
  stageName: Map<string, string>,
): Bottleneck | null {
  const byStage = new Map<string, number[]>();
  for (const timeline of active) {
    const days = daysInStage(timeline);
    if (days === null) continue;
    append(byStage, timeline.stage, days);
  }
  const order = (stage: string) => {
    const index = stages.findIndex((candidate) => candidate.id === stage);
    return index === -1 ? stages.length : index;
  };
  let best: Bottleneck | null = null;
  for (const [stage, days] of [...byStage].sort((a, b) => order(a[0]) - order(b[0]))) {
    const candidate: Bottleneck = {
      stage,
      name: stageName.get(stage) ?? stage,
      candidates: days.length,
      median_days: median(days)!,
      longest_days: Math.max(...days),
    };
    if (
      !best ||
      candidate.median_days > best.median_days ||
      (candidate.median_days === best.median_days && candidate.candidates > best.candidates)
    ) {
      best = candidate;
    }
  }
  return best;
}

function byRoleThenId(roles: Map<string, RoleFacts>) {
  return (a: string, b: string) => {
    const openA = roles.get(a)?.status === 'open' ? 0 : 1;
    const openB = roles.get(b)?.status === 'open' ? 0 : 1;
    return openA - openB || a.localeCompare(b);
  };
}

function round1(value: number): string {
  return String(Math.round(value * 10) / 10);
}
