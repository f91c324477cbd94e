import type { CandidateStatus } from '../../../schemas/common.js';
import { type CandidateFacts, documentDates, type ScorecardFact, type SurveyFact } from './facts.js';
import { append } from './stats.js';

/**
 * A candidate's path through the pipeline: which stages they were in and when, and how it ended.
 * Built by `buildTimelines` from the documents (what is true now) and the audit events (when it
 * became true). The rules for dates are written down in docs/metrics.md; keep the two in step.
 */
export interface CandidateTimeline {
  id: string;
  name: string;
  role: string | undefined;
  applied: string | undefined;
  channel: string | undefined;
  status: CandidateStatus;
  stage: string;
  recruiter: string | undefined;
  hiringManager: string | undefined;
  /** In time order; every stay but the current one has `left`. `entered` is unknown only without any date. */
  stays: StageStay[];
  /** Set when the status is hired, rejected or withdrawn. */
  outcome: { status: Outcome; date: string | undefined } | undefined;
  /** Periods on hold, in time order; the last may be open. */
  holds: { from: string; to?: string }[];
  /** Every date the candidate is known to have heard from the company (each `last_contact` seen). */
  contacts: string[];
  lastContact: string | undefined;
  nextStep: CandidateFacts['nextStep'];
  scorecards: ScorecardFact[];
  surveys: SurveyFact[];
  /** Where the stage dates come from. */
  datesFrom: 'history' | 'documents';
}

export interface StageStay {
  stage: string;
  entered: string | undefined;
  left?: string;
}

export type Outcome = 'hired' | 'rejected' | 'withdrawn';
export const outcomes: readonly CandidateStatus[] = ['hired', 'rejected', 'withdrawn'];
export const isOutcome = (status: string | undefined): status is Outcome =>
  outcomes.includes(status as CandidateStatus);

/** The audit events the timeline needs, as plain data (adapted from the audit trail by the command). */
export type TimelineEvent =
  | { kind: 'created'; candidate: string; date: string; stage?: string; status?: string }
  | { kind: 'stage'; candidate: string; date: string; from?: string; to: string }
  | { kind: 'status'; candidate: string; date: string; from?: string; to: string }
  | { kind: 'contact'; candidate: string; date: string; contacted: string }
  /** A scorecard file first appeared at this instant (used when it has no `submitted`). */
  | { kind: 'scorecard'; candidate: string; date: string; path: string; atMs?: number };

export interface HistoryInput {
  /** False when there are no commits or Git is not available: every date then comes from the documents. */
  available: boolean;
  /** True for a shallow clone: events older than its depth are missing. */
  shallow: boolean;
  /** In time order (oldest first); events of the same day keep their order. */
  events: TimelineEvent[];
}

export interface TimelineSet {
  timelines: CandidateTimeline[];
  /** Where the stage dates come from overall. */
  datesFrom: 'history' | 'documents' | 'mixed';
  /** Plain sentences for people: what was left out or guessed, and why. */
  notices: string[];
}

export const NO_HISTORY_NOTICE =
  'No Git history was found (no commits yet, or not a Git repository): every figure comes from the documents alone. ' +
  "Each candidate's current stage counts as entered on the application date and each outcome is dated by the " +
  "last date in the candidate's documents; earlier stages are unknown.";

export const SHALLOW_NOTICE =
  'This is a shallow clone, so the history is incomplete: stage dates older than its depth fall back to the ' +
  'documents. Fetch the whole history (git fetch --unshallow, or fetch-depth: 0 in CI) for exact figures.';

/** Builds every candidate's timeline. Candidates without a readable stage or status are left out, with a notice. */
export function buildTimelines(candidates: CandidateFacts[], history: HistoryInput): TimelineSet {
  const notices: string[] = [];
  if (!history.available) notices.push(NO_HISTORY_NOTICE);
  else if (history.shallow) notices.push(SHALLOW_NOTICE);

  const eventsByCandidate = new Map<string, TimelineEvent[]>();
  if (history.available) {
    for (const event of history.events) append(eventsByCandidate, event.candidate, event);
  }

  const timelines: CandidateTimeline[] = [];
  const unreadable: string[] = [];
  const uncommitted: string[] = [];
  for (const facts of candidates) {
    if (!facts.stage || !facts.status) {
      unreadable.push(facts.id);
      continue;
    }
    const events = (eventsByCandidate.get(facts.id) ?? []).filter(
      (event) => event.kind !== 'scorecard' && event.kind !== 'contact',
    );
    const timeline =
      events.length > 0
        ? fromHistory(facts as Known, eventsByCandidate.get(facts.id)!)
        : fromDocuments(facts as Known, eventsByCandidate.get(facts.id) ?? []);
    if (history.available && events.length === 0) uncommitted.push(facts.id);
    timelines.push(timeline);
  }

  if (unreadable.length > 0) {
    notices.push(
      `${count(unreadable.length, 'candidate')} left out because the profile has no readable stage or status ` +
        `(${listSome(unreadable)}); run "handoff lint" to see why.`,
    );
  }
  if (
    history.available &&
    !history.shallow &&
    uncommitted.length > 0 &&
    uncommitted.length < timelines.length
  ) {
    notices.push(
      `${count(uncommitted.length, 'candidate')} have no stage history yet (${listSome(uncommitted)}): ` +
        'their dates come from the documents until the profile is committed.',
    );
  }
  const withoutDates = timelines
    .filter((timeline) => timeline.applied === undefined)
    .map((timeline) => timeline.id);
  if (withoutDates.length > 0) {
    notices.push(
      `${count(withoutDates.length, 'candidate')} without an application date (${listSome(withoutDates)}): ` +
        'left out of time to decision, update cadence and any --since/--until cohort.',
    );
  }
  const fromHistoryCount = timelines.filter((timeline) => timeline.datesFrom === 'history').length;
  const datesFrom =
    fromHistoryCount === timelines.length && timelines.length > 0
      ? 'history'
      : fromHistoryCount === 0
        ? 'documents'
        : 'mixed';
  return { timelines, datesFrom: history.available ? datesFrom : 'documents', notices };
}

type Known = CandidateFacts & { stage: string; status: CandidateStatus };

function base(facts: Known, datesFrom: CandidateTimeline['datesFrom']): CandidateTimeline {
  return {
    id: facts.id,
    name: facts.name,
    role: facts.role,
    applied: facts.applied,
    channel: facts.channel,
    status: facts.status,
    stage: facts.stage,
    recruiter: facts.recruiter,
    hiringManager: facts.hiringManager,
    stays: [],
    outcome: undefined,
    holds: [],
    contacts: [],
    lastContact: facts.lastContact,
    nextStep: facts.nextStep,
    scorecards: facts.scorecards,
    surveys: facts.surveys,
    datesFrom,
  };
}

/**
 * Without history: the current stage is entered on the application date (or the earliest date the
 * documents hold), an outcome is dated by the last date in the documents, and earlier stages are unknown.
 */
function fromDocuments(facts: Known, events: TimelineEvent[]): CandidateTimeline {
  const timeline = base(facts, 'documents');
  const dates = documentDates(facts);
  const entered = facts.applied ?? dates[0];
  const stay: StageStay = { stage: facts.stage, entered };
  timeline.stays.push(stay);
  if (isOutcome(facts.status)) {
    const date = dates[dates.length - 1];
    timeline.outcome = { status: facts.status, date };
    if (date !== undefined) stay.left = date;
  } else if (facts.status === 'on-hold') {
    const from = dates[dates.length - 1];
    if (from !== undefined) timeline.holds.push({ from });
  }
  addContacts(timeline, events);
  attachScorecardTimes(timeline, events);
  return timeline;
}

function fromHistory(facts: Known, events: TimelineEvent[]): CandidateTimeline {
  const timeline = base(facts, 'history');
  const { stays, holds } = timeline;
  const current = () => stays[stays.length - 1];
  const close = (date: string) => {
    const stay = current();
    if (stay && stay.left === undefined) stay.left = date;
  };
  const open = (stage: string, date: string | undefined) => stays.push({ stage, entered: date });
  const setStatus = (status: string, date: string) => {
    const hold = holds[holds.length - 1];
    if (hold && hold.to === undefined && status !== 'on-hold') hold.to = date;
    if (isOutcome(status)) {
      timeline.outcome = { status, date };
      close(date);
    } else {
      if (timeline.outcome) {
        // Reopened after an outcome: back in the stage it ended in.
        timeline.outcome = undefined;
        const last = current();
        if (last) open(last.stage, date);
      }
      if (status === 'on-hold' && !(hold && hold.to === undefined)) holds.push({ from: date });
    }
  };
  // The profile was created on or after the application; the first stage counts from the application.
  const firstEntry = (date: string) =>
    facts.applied !== undefined && facts.applied <= date ? facts.applied : date;
  let lastDate: string | undefined;

  for (const event of events) {
    if (event.kind === 'contact' || event.kind === 'scorecard') continue;
    lastDate = event.date;
    if (event.kind === 'created') {
      if (stays.length === 0) {
        const firstMove = events.find((other) => other.kind === 'stage');
        const stage =
          event.stage ?? (firstMove?.kind === 'stage' ? firstMove.from : undefined) ?? facts.stage;
        open(stage, firstEntry(event.date));
      }
      if (isOutcome(event.status)) {
        // Created with its outcome already written (an import): the documents date it, not the commit.
        const latest = documentDates(facts).pop();
        setStatus(event.status, latest !== undefined && latest <= event.date ? latest : event.date);
      } else if (event.status === 'on-hold') setStatus(event.status, event.date);
    } else if (event.kind === 'stage') {
      if (stays.length === 0) {
        // The history does not reach the profile's creation (a shallow clone): the stage before the first
        // recorded move counts from the application date.
        if (event.from !== undefined && event.from !== event.to) open(event.from, firstEntry(event.date));
      }
      const stay = current();
      if (stay?.stage === event.to && stay.left === undefined) continue;
      if (stay && timeline.outcome) {
        // Out of process already: a stage edit only corrects where the candidate ended.
        stay.stage = event.to;
        continue;
      }
      close(event.date);
      open(event.to, event.date);
    } else {
      if (stays.length === 0) open(facts.stage, firstEntry(event.date));
      setStatus(event.to, event.date);
    }
  }

  // What the documents say now wins over the history: a change not yet committed happened after the last event.
  const latest = lastDate ?? facts.applied;
  const now = current();
  if (now && now.stage !== facts.stage && timeline.outcome) now.stage = facts.stage;
  else if (!now || now.stage !== facts.stage) {
    if (latest !== undefined) close(latest);
    open(facts.stage, latest);
  }
  if (isOutcome(facts.status) && timeline.outcome?.status !== facts.status) {
    const dates = documentDates(facts);
    const date = [lastDate, dates[dates.length - 1]]
      .filter((d): d is string => d !== undefined)
      .sort()
      .pop();
    timeline.outcome = { status: facts.status, date };
    if (date !== undefined) close(date);
  } else if (!isOutcome(facts.status) && timeline.outcome) {
    // Reopened in the documents but not yet in the history.
    timeline.outcome = undefined;
    open(facts.stage, latest);
  }
  const hold = holds[holds.length - 1];
  const onHold = hold !== undefined && hold.to === undefined;
  if (facts.status === 'on-hold' && !onHold && latest !== undefined) holds.push({ from: latest });
  else if (facts.status !== 'on-hold' && onHold) hold.to = latest ?? hold.from;
  addContacts(timeline, events);
  attachScorecardTimes(timeline, events);
  return timeline;
}

function addContacts(timeline: CandidateTimeline, events: TimelineEvent[]): void {
  const contacts = new Set<string>();
  for (const event of events) if (event.kind === 'contact') contacts.add(event.contacted);
  if (timeline.lastContact) contacts.add(timeline.lastContact);
  timeline.contacts = [...contacts].sort();
}

/** A scorecard without `submitted` counts as submitted when its file first appeared in the history. */
function attachScorecardTimes(timeline: CandidateTimeline, events: TimelineEvent[]): void {
  if (timeline.scorecards.every((scorecard) => scorecard.submittedMs !== undefined)) return;
  const added = new Map<string, number>();
  for (const event of events) {
    if (event.kind === 'scorecard' && event.atMs !== undefined && !added.has(event.path))
      added.set(event.path, event.atMs);
  }
  timeline.scorecards = timeline.scorecards.map((scorecard) =>
    scorecard.submittedMs === undefined && added.has(scorecard.path)
      ? { ...scorecard, submittedMs: added.get(scorecard.path) }
      : scorecard,
  );
}

export function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/** A few ids for a notice, then how many more: notices stay one line on large repositories. */
export function listSome(ids: string[], shown = 5): string {
  const head = ids.slice(0, shown).join(', ');
  return ids.length > shown ? `${head} and ${ids.length - shown} more` : head;
}
