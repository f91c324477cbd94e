import { sourceChannels } from '../../../schemas/common.js';
import { startOfDayMs } from '../dates.js';
import { day } from './day.js';
import { append, mean, median, percentile, share } from './stats.js';
import { type CandidateTimeline, count, listSome } from './timeline.js';

/**
 * The process metrics of issue 6. Every figure is defined in docs/metrics.md (formula, cohort, entering
 * and leaving a stage, skipped stages); a test checks that the page names every key produced here.
 * Figures are exact here; formatters round them for people.
 */
export interface MetricsInput {
  timelines: CandidateTimeline[];
  stages: { id: string; name: string }[];
  cadence: { candidate_update_days: number; feedback_due_hours: number; decision_days: number };
  /** "Today": open stays and active days run up to it. */
  now: string;
  since?: string | undefined;
  until?: string | undefined;
  role?: string | undefined;
  datesFrom: 'history' | 'documents' | 'mixed';
  notices: string[];
}

export interface MetricsReport {
  cohort: {
    since: string | null;
    until: string | null;
    role: string | null;
    now: string;
    candidates: number;
    dates_from: 'history' | 'documents' | 'mixed';
    offer_stage: string | null;
  };
  notices: string[];
  time_to_decision: { role: string; decided: number; median_days: number | null; p75_days: number | null }[];
  time_in_stage: { stage: string; stays: number; median_days: number | null }[];
  pass_through: {
    stage: string;
    left: number;
    passed: number;
    actual: number | null;
    skipped: number;
    implied_left: number;
    implied_passed: number;
    implied: number | null;
  }[];
  offer_conversion: {
    stage: string;
    reached: number;
    reached_offer: number;
    still_open: number;
    share: number | null;
  }[];
  drop_out: { stage: string; reached: number; withdrawn: number; share: number | null }[];
  candidate_experience: {
    overall: ExperienceFigures;
    by_stage: (ExperienceFigures & { stage: string })[];
    by_role: (ExperienceFigures & { role: string })[];
    by_month: (ExperienceFigures & { month: string })[];
    excluded: number;
  };
  scorecard_timeliness: {
    due_hours: number;
    scorecards: number;
    on_time: number;
    share_on_time: number | null;
    median_hours: number | null;
    without_time: number;
  };
  update_cadence: { update_days: number; candidate_days: number; covered_days: number; share: number | null };
  source_channel: { channel: string; candidates: number; offers: number; hired: number }[];
}

export interface ExperienceFigures {
  responses: number;
  mean: number | null;
  /** Responses per score, 1 to 5. */
  distribution: Record<'1' | '2' | '3' | '4' | '5', number>;
}

/** The candidates a report covers: the role, and an application date inside the window. */
export function cohortOf(
  timelines: CandidateTimeline[],
  filter: { since?: string | undefined; until?: string | undefined; role?: string | undefined },
): CandidateTimeline[] {
  return timelines.filter((timeline) => {
    if (filter.role !== undefined && timeline.role !== filter.role) return false;
    if (filter.since === undefined && filter.until === undefined) return true;
    if (timeline.applied === undefined) return false;
    if (filter.since !== undefined && timeline.applied < filter.since) return false;
    if (filter.until !== undefined && timeline.applied > filter.until) return false;
    return true;
  });
}

/** The stage an offer is made in: the one named `offer`, else the last stage of the pipeline. */
export function offerStageIndex(stages: { id: string }[]): number {
  const named = stages.findIndex((stage) => stage.id === 'offer');
  return named === -1 ? stages.length - 1 : named;
}

/** Days in each stage of every stay that has ended, by stage id. */
export function completedStayDays(timelines: CandidateTimeline[]): Map<string, number[]> {
  const byStage = new Map<string, number[]>();
  for (const timeline of timelines) {
    for (const stay of timeline.stays) {
      if (stay.entered === undefined || stay.left === undefined) continue;
      const days = day(stay.left) - day(stay.entered);
      if (days < 0) continue;
      append(byStage, stay.stage, days);
    }
  }
  return byStage;
}

/** Where a candidate went, in stage positions: the basis of pass-through, conversion and drop-out. */
interface Path {
  timeline: CandidateTimeline;
  /** Stage positions of the stays, in time order (stays in stages no longer configured are dropped). */
  positions: number[];
  /** The furthest stage reached; a hire reaches at least the offer stage. -1 when none. */
  furthest: number;
  hired: boolean;
}

function pathOf(timeline: CandidateTimeline, stageIndex: Map<string, number>, offerIndex: number): Path {
  const positions = timeline.stays.flatMap((stay) => stageIndex.get(stay.stage) ?? []);
  const hired = timeline.outcome?.status === 'hired';
  let furthest = positions.length === 0 ? -1 : Math.max(...positions);
  if (hired) furthest = Math.max(furthest, offerIndex);
  return { timeline, positions, furthest, hired };
}

export function computeMetrics(input: MetricsInput): MetricsReport {
  const { stages, cadence, now } = input;
  const notices = [...input.notices];
  const cohort = cohortOf(input.timelines, input);
  const stageIndex = new Map(stages.map((stage, index) => [stage.id, index]));
  const offerIndex = offerStageIndex(stages);
  const paths = cohort.map((timeline) => pathOf(timeline, stageIndex, offerIndex));

  const unknownStages = new Set(
    cohort
      .flatMap((timeline) => timeline.stays.map((stay) => stay.stage))
      .filter((stage) => !stageIndex.has(stage)),
  );
  if (unknownStages.size > 0) {
    notices.push(
      `Stays in stages that are not in the config (${listSome([...unknownStages])}) are left out of the stage figures.`,
    );
  }

  const stayDays = completedStayDays(cohort);
  return {
    cohort: {
      since: input.since ?? null,
      until: input.until ?? null,
      role: input.role ?? null,
      now,
      candidates: cohort.length,
      dates_from: input.datesFrom,
      offer_stage: stages[offerIndex]?.id ?? null,
    },
    notices,
    time_to_decision: timeToDecision(cohort, input.role, notices),
    time_in_stage: stages.map((stage) => {
      const days = stayDays.get(stage.id) ?? [];
      return { stage: stage.id, stays: days.length, median_days: median(days) };
    }),
    pass_through: stages.map((stage, index) => passThrough(paths, index, stage.id)),
    offer_conversion: stages.slice(0, offerIndex + 1).map((stage, index) => {
      const reached = paths.filter((path) => path.furthest >= index);
      const reachedOffer = reached.filter((path) => path.furthest >= offerIndex);
      const stillOpen = reached.filter(
        (path) =>
          path.furthest < offerIndex &&
          (path.timeline.status === 'active' || path.timeline.status === 'on-hold'),
      );
      return {
        stage: stage.id,
        reached: reached.length,
        reached_offer: reachedOffer.length,
        still_open: stillOpen.length,
        share: share(reachedOffer.length, reached.length),
      };
    }),
    drop_out: stages.map((stage, index) => {
      const reached = paths.filter((path) => path.furthest >= index).length;
      const withdrawn = paths.filter(
        (path) =>
          path.timeline.outcome?.status === 'withdrawn' &&
          path.timeline.stays[path.timeline.stays.length - 1]?.stage === stage.id,
      ).length;
      return { stage: stage.id, reached, withdrawn, share: share(withdrawn, reached) };
    }),
    candidate_experience: candidateExperience(cohort, stages, notices),
    scorecard_timeliness: scorecardTimeliness(cohort, cadence.feedback_due_hours),
    update_cadence: updateCadence(cohort, cadence.candidate_update_days, now),
    source_channel: sourceChannel(paths, offerIndex),
  };
}

function timeToDecision(cohort: CandidateTimeline[], role: string | undefined, notices: string[]) {
  const byRole = new Map<string, number[]>();
  if (role !== undefined) byRole.set(role, []);
  const all: number[] = [];
  const beforeApplying: string[] = [];
  for (const timeline of cohort) {
    const key = timeline.role ?? '(no role)';
    if (!byRole.has(key)) byRole.set(key, []);
    const { outcome, applied } = timeline;
    if (!outcome || outcome.date === undefined || applied === undefined) continue;
    const days = day(outcome.date) - day(applied);
    if (days < 0) {
      beforeApplying.push(timeline.id);
      continue;
    }
    byRole.get(key)!.push(days);
    all.push(days);
  }
  if (beforeApplying.length > 0) {
    notices.push(
      `${count(beforeApplying.length, 'candidate')} with an outcome dated before the application (${listSome(beforeApplying)}) ` +
        'left out of time to decision.',
    );
  }
  const row = (name: string, days: number[]) => ({
    role: name,
    decided: days.length,
    median_days: median(days),
    p75_days: percentile(days, 0.75),
  });
  return [...[...byRole.keys()].sort().map((name) => row(name, byRole.get(name)!)), row('all', all)];
}

function passThrough(paths: Path[], index: number, stage: string): MetricsReport['pass_through'][number] {
  let left = 0;
  let passed = 0;
  let skipped = 0;
  for (const path of paths) {
    const first = path.positions.indexOf(index);
    if (first === -1) {
      if (path.hired || path.positions.some((position) => position > index)) skipped++;
      continue;
    }
    const stays = path.timeline.stays.filter((stay) => stay.stage === stage);
    if (!stays.some((stay) => stay.left !== undefined)) continue;
    left++;
    if (path.hired || path.positions.slice(first + 1).some((position) => position > index)) passed++;
  }
  return {
    stage,
    left,
    passed,
    actual: share(passed, left),
    skipped,
    implied_left: left + skipped,
    implied_passed: passed + skipped,
    implied: share(passed + skipped, left + skipped),
  };
}

const emptyDistribution = (): ExperienceFigures['distribution'] => ({
  '1': 0,
  '2': 0,
  '3': 0,
  '4': 0,
  '5': 0,
});

function experience(scores: number[]): ExperienceFigures {
  const distribution = emptyDistribution();
  for (const score of scores) distribution[String(score) as keyof typeof distribution]++;
  return { responses: scores.length, mean: mean(scores), distribution };
}

function candidateExperience(cohort: CandidateTimeline[], stages: { id: string }[], notices: string[]) {
  const byStage = new Map<string, number[]>(stages.map((stage) => [stage.id, []]));
  const byRole = new Map<string, number[]>();
  const byMonth = new Map<string, number[]>();
  const all: number[] = [];
  const excluded: string[] = [];
  for (const timeline of cohort) {
    for (const survey of timeline.surveys) {
      const { score } = survey;
      if (typeof score !== 'number' || !Number.isInteger(score) || score < 1 || score > 5) {
        excluded.push(survey.path);
        continue;
      }
      all.push(score);
      append(byStage, survey.stage ?? '(no stage)', score);
      append(byRole, timeline.role ?? '(no role)', score);
      if (survey.date !== undefined) append(byMonth, survey.date.slice(0, 7), score);
    }
  }
  if (excluded.length > 0) {
    notices.push(
      `${count(excluded.length, 'survey')} left out of candidate experience because the score is not a whole number ` +
        `from 1 to 5 (${listSome(excluded, 3)}); run "handoff lint" for the positions.`,
    );
  }
  const sortedKeys = (map: Map<string, number[]>) => [...map.keys()].sort();
  return {
    overall: experience(all),
    by_stage: [...byStage.keys()].map((stage) => ({ stage, ...experience(byStage.get(stage)!) })),
    by_role: sortedKeys(byRole).map((role) => ({ role, ...experience(byRole.get(role)!) })),
    by_month: sortedKeys(byMonth).map((month) => ({ month, ...experience(byMonth.get(month)!) })),
    excluded: excluded.length,
  };
}

/**
 * Hours from 00:00 UTC of the interview day to the submission (the interview's time of day is not
 * recorded). A submission dated before the interview day counts as 0.
 */
export function hoursToSubmit(interviewed: string, submittedMs: number): number {
  return Math.max(0, (submittedMs - startOfDayMs(interviewed)!) / 3_600_000);
}

function scorecardTimeliness(cohort: CandidateTimeline[], dueHours: number) {
  const hours: number[] = [];
  let withoutTime = 0;
  for (const timeline of cohort) {
    for (const scorecard of timeline.scorecards) {
      if (scorecard.interviewed === undefined || scorecard.submittedMs === undefined) {
        withoutTime++;
        continue;
      }
      hours.push(hoursToSubmit(scorecard.interviewed, scorecard.submittedMs));
    }
  }
  // Due at the end of the interview day plus feedback_due_hours: 24 + due hours on this clock.
  const onTime = hours.filter((value) => value <= 24 + dueHours).length;
  return {
    due_hours: dueHours,
    scorecards: hours.length,
    on_time: onTime,
    share_on_time: share(onTime, hours.length),
    median_hours: median(hours),
    without_time: withoutTime,
  };
}

/**
 * Active candidate-days: from the application day up to the day before the outcome (or up to `now`
 * inclusive while open), minus days on hold. A day is covered when the latest contact on or before it
 * (the application counts as the first) is at most `updateDays` days earlier.
 */
function updateCadence(cohort: CandidateTimeline[], updateDays: number, now: string) {
  const today = day(now);
  let candidateDays = 0;
  let coveredDays = 0;
  for (const timeline of cohort) {
    // An application date is always a document date, so an outcome of a dated candidate always has a date.
    if (timeline.applied === undefined || (timeline.outcome && timeline.outcome.date === undefined)) continue;
    const start = day(timeline.applied);
    const end = Math.min(timeline.outcome ? day(timeline.outcome.date!) - 1 : today, today);
    const holds = timeline.holds.map((hold) => [day(hold.from), hold.to ? day(hold.to) : today + 1] as const);
    const contacts = [start, ...timeline.contacts.map((date) => day(date))]
      .filter((day) => day >= start && day <= end)
      .sort((a, b) => a - b);
    let next = 0;
    let last = start;
    for (let day = start; day <= end; day++) {
      while (next < contacts.length && contacts[next]! <= day) last = contacts[next++]!;
      if (holds.some(([from, to]) => day >= from && day < to)) continue;
      candidateDays++;
      if (day - last <= updateDays) coveredDays++;
    }
  }
  return {
    update_days: updateDays,
    candidate_days: candidateDays,
    covered_days: coveredDays,
    share: share(coveredDays, candidateDays),
  };
}

function sourceChannel(paths: Path[], offerIndex: number) {
  const channels: string[] = [...sourceChannels];
  for (const path of paths) {
    const channel = path.timeline.channel ?? '(no channel)';
    if (!channels.includes(channel)) channels.push(channel);
  }
  return channels.map((channel) => {
    const mine = paths.filter((path) => (path.timeline.channel ?? '(no channel)') === channel);
    return {
      channel,
      candidates: mine.length,
      offers: mine.filter((path) => path.furthest >= offerIndex).length,
      hired: mine.filter((path) => path.hired).length,
    };
  });
}
