import { type CandidateStatus, candidateStatuses } from '../../../schemas/common.js';
import { dateTimeMs, isDate } from '../dates.js';
import type { CandidateFolder, Loaded } from '../workspace.js';

/**
 * What status and metrics read from a candidate's documents, as plain data. Read leniently: a profile
 * that fails validation (a missing `applied`, a typo elsewhere) still contributes every field that is
 * readable, because a candidate without dates must still appear on the board. Lint reports the rest.
 */
export interface CandidateFacts {
  id: string;
  name: string;
  role: string | undefined;
  stage: string | undefined;
  status: CandidateStatus | undefined;
  recruiter: string | undefined;
  hiringManager: string | undefined;
  applied: string | undefined;
  channel: string | undefined;
  lastContact: string | undefined;
  nextStep: { action: string | undefined; owner: string | undefined; due: string | undefined } | undefined;
  memoDate: string | undefined;
  scorecards: ScorecardFact[];
  surveys: SurveyFact[];
}

export interface ScorecardFact {
  path: string;
  interview: string | undefined;
  interviewer: string | undefined;
  interviewed: string | undefined;
  /** The `submitted` instant in ms since the epoch, when written. */
  submittedMs: number | undefined;
}

export interface SurveyFact {
  path: string;
  stage: string | undefined;
  date: string | undefined;
  /** As written: judged (1-5, whole) by the metrics, never trusted here. */
  score: unknown;
}

export interface RoleFacts {
  id: string;
  title: string | undefined;
  status: string | undefined;
  hiringManager: string | undefined;
  recruiter: string | undefined;
  loop: { id: string; stage: string | undefined; title: string | undefined; interviewers: string[] }[];
}

type Data = Record<string, unknown>;

/** The front matter to read: the validated value when there is one, else the raw mapping. */
function dataOf(document: Loaded<unknown> | undefined): Data | undefined {
  if (!document) return undefined;
  return (document.value as Data | undefined) ?? document.data;
}

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
const date = (value: unknown): string | undefined => (isDate(value) ? value : undefined);
const record = (value: unknown): Data | undefined =>
  value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Data) : undefined;

export function readCandidateFacts(folder: CandidateFolder): CandidateFacts | undefined {
  const profile = dataOf(folder.profile);
  if (!profile) return undefined;
  const status = text(profile.status);
  const nextStep = record(profile.next_step);
  return {
    id: folder.id,
    name: text(profile.name) ?? folder.id,
    role: text(profile.role),
    stage: text(profile.stage),
    status: (candidateStatuses as readonly string[]).includes(status ?? '')
      ? (status as CandidateStatus)
      : undefined,
    recruiter: text(profile.recruiter),
    hiringManager: text(profile.hiring_manager),
    applied: date(profile.applied),
    channel: text(record(profile.source)?.channel),
    lastContact: date(profile.last_contact),
    nextStep: nextStep
      ? { action: text(nextStep.action), owner: text(nextStep.owner), due: date(nextStep.due) }
      : undefined,
    memoDate: date(dataOf(folder.memo)?.date),
    scorecards: folder.feedback.map((document) => {
      const data = dataOf(document) ?? {};
      const submitted = data.submitted;
      return {
        path: document.path,
        interview: text(data.interview) ?? document.location.interviewId,
        interviewer: text(data.interviewer) ?? document.location.personId,
        interviewed: date(data.interviewed),
        // A YAML timestamp may arrive as a Date when a document was read by another parser.
        submittedMs:
          submitted instanceof Date
            ? submitted.getTime()
            : typeof submitted === 'string'
              ? dateTimeMs(submitted)
              : undefined,
      };
    }),
    surveys: folder.surveys.map((document) => {
      const data = dataOf(document) ?? {};
      return { path: document.path, stage: text(data.stage), date: date(data.date), score: data.score };
    }),
  };
}

export function readRoleFacts(id: string, document: Loaded<unknown>): RoleFacts {
  const data = dataOf(document) ?? {};
  const loop = Array.isArray(data.loop) ? data.loop : [];
  return {
    id,
    title: text(data.title),
    status: text(data.status),
    hiringManager: text(data.hiring_manager),
    recruiter: text(data.recruiter),
    loop: loop.flatMap((item) => {
      const interview = record(item);
      const interviewId = text(interview?.id);
      if (!interview || !interviewId) return [];
      const interviewers = Array.isArray(interview.interviewers)
        ? interview.interviewers.flatMap((p) => text(p) ?? [])
        : [];
      return [{ id: interviewId, stage: text(interview.stage), title: text(interview.title), interviewers }];
    }),
  };
}

/** Every date the candidate's documents record, for the documents-only fallback. */
export function documentDates(facts: CandidateFacts): string[] {
  const dates = [facts.applied, facts.lastContact, facts.memoDate];
  for (const scorecard of facts.scorecards) {
    dates.push(scorecard.interviewed);
    if (scorecard.submittedMs !== undefined)
      dates.push(new Date(scorecard.submittedMs).toISOString().slice(0, 10));
  }
  for (const survey of facts.surveys) dates.push(survey.date);
  return dates.filter((value): value is string => value !== undefined).sort();
}
