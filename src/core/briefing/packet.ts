import type { Candidate } from '../../../schemas/candidate.js';
import type { Audience } from '../../../schemas/common.js';
import type { Config, Person, Stage } from '../../../schemas/config.js';
import type { Feedback } from '../../../schemas/feedback.js';
import type { Memo } from '../../../schemas/memo.js';
import type { Role } from '../../../schemas/role.js';
import { paths } from '../layout.js';
import { findSection } from '../sections.js';
import type { Loaded } from '../workspace.js';
import { type DueTime, dueTime } from './dates.js';
import { assignExpectations } from './probes.js';
import { createRedaction, type Redaction, valueAt } from './redaction.js';
import type { PacketTarget } from './select.js';
import { cleanProse, inline } from './text.js';

/** The packet as plain data for the template. Text is raw: the template escapes it for Markdown. */
export interface PacketView {
  title: string;
  organization: string;
  audience: Audience;
  audienceLabel: string;
  preparedFor: string;
  candidate: { id: string; name: string; pronouns: string | null; timezone: string | null };
  role: { id: string; title: string; team: string };
  stage: string;
  interview: {
    id: string;
    title: string;
    durationMinutes: number | null;
    stage: string;
    interviewers: string;
  };
  panel: { name: string; interview: string; purpose: string | null; sameInterview: boolean }[];
  /** What the packet could not include, said where the reader will see it. */
  missing: string[];
  who: {
    sections: { heading: string; text: string | null }[];
    memo: {
      communicationStyle: string | null;
      motivations: string[];
      whatMatters: string | null;
      openConcerns: { topic: string; owner: string }[];
    } | null;
    memoMissing: string | null;
  };
  needs: {
    expectations: { id: string; outcome: string; evidence: string | null }[];
    probes: {
      id: string;
      outcome: string;
      competencies: string;
      evidence: string | null;
      unassigned: boolean;
    }[];
    sellingPoints: string | null;
  };
  yourInterview: {
    competencies: {
      id: string;
      name: string;
      defined: boolean;
      anchors: { point: string; text: string | null }[];
    }[];
    noFocus: boolean;
    questions: { id: string; text: string; competency: string }[];
    alreadyAsked: string[];
    earlier: { title: string; questions: string[] }[];
  };
  arrangements: { list: string[]; cautions: string | null };
  handIn: { commands: string[]; due: DueTime };
  restricted: {
    fields: { label: string; value: string }[];
    scorecards: {
      submitted: {
        interview: string;
        interviewer: string;
        interviewed: string;
        submitted: string | null;
        ratings: string;
        recommendation: string;
      }[];
      missing: { interview: string; interviewers: string }[];
    } | null;
  } | null;
}

export interface PacketInput {
  config: Config;
  people: ReadonlyMap<string, Person>;
  stages: readonly Stage[];
  role: Loaded<Role> & { value: Role };
  profile: Loaded<Candidate> & { value: Candidate };
  memo: Loaded<Memo> | undefined;
  feedback: readonly Loaded<Feedback>[];
  target: PacketTarget;
  audience: Audience;
  /** The interview date when the user gave it (--date); else it is taken from a scorecard, if any. */
  interviewDate?: string | undefined;
}

export interface Packet {
  view: PacketView;
  /** Suggested file name without extension: <candidate>--<interview>[--<person>]. */
  baseName: string;
  /** Things the person running the command should know (printed on standard error). */
  notices: string[];
}

const AUDIENCE_LABELS: Record<Audience, string> = {
  interviewer: 'interviewer',
  'hiring-manager': 'hiring manager',
  recruiter: 'recruiter',
};

const PROFILE_SECTIONS = ['Summary', 'Strengths', 'Growth areas', 'Interview preferences'];

/** Assembles one briefing packet, redacted for its audience. Pure: documents in, plain data out. */
export function assemblePacket(input: PacketInput): Packet {
  const { config, people, role: roleDoc, profile: profileDoc, target, audience } = input;
  const role = roleDoc.value;
  const candidate = profileDoc.value;
  const candidateId = profileDoc.location.candidateId ?? candidate.id;
  const memoDoc = input.memo;
  const memo = memoDoc?.value;
  const redaction = createRedaction(config, audience, [profileDoc.data, memoDoc?.data, roleDoc.data]);
  const shown = (path: string) => !redaction.isHidden(path);
  const personName = (id: string) => people.get(id)?.name ?? id;
  const stageName = (id: string) => input.stages.find((stage) => stage.id === id)?.name ?? id;
  const competencyName = (id: string) =>
    role.competencies.find((competency) => competency.id === id)?.name ?? id;
  const prose = (text: string | undefined) => {
    const cleaned = text === undefined ? '' : cleanProse(text);
    return cleaned === '' ? null : cleaned;
  };
  const interview = target.interview;
  const notices: string[] = [];
  const missing: string[] = [];

  const name = shown('name') ? inline(candidate.name) : candidateId;

  // 1. The interview and the people on the loop.
  const stakeholders = memo && shown('stakeholders') ? memo.stakeholders : [];
  const panel: PacketView['panel'] = [];
  const listed = new Set<string>();
  // A packet for one person leaves them out; a packet for a panel keeps each one's co-interviewers.
  const soleReader = target.readers.length === 1 ? target.readers[0] : undefined;
  for (const loopInterview of role.loop) {
    for (const person of loopInterview.interviewers) {
      listed.add(`${person} ${loopInterview.id}`);
      if (soleReader === person) continue;
      const stakeholder =
        stakeholders.find((entry) => entry.person === person && entry.interview === loopInterview.id) ??
        stakeholders.find((entry) => entry.person === person);
      panel.push({
        name: personName(person),
        interview: inline(loopInterview.title),
        purpose: stakeholder ? inline(stakeholder.role) : null,
        sameInterview: loopInterview.id === interview.id,
      });
    }
  }
  for (const stakeholder of stakeholders) {
    if (listed.has(`${stakeholder.person} ${stakeholder.interview}`) || stakeholder.person === soleReader)
      continue;
    const loopInterview = role.loop.find((entry) => entry.id === stakeholder.interview);
    panel.push({
      name: personName(stakeholder.person),
      interview: loopInterview?.title ?? stakeholder.interview,
      purpose: inline(stakeholder.role),
      sameInterview: stakeholder.interview === interview.id,
    });
  }

  // 2. Who the candidate is.
  const sections = PROFILE_SECTIONS.map((heading) => {
    const text = prose(findSection(profileDoc.sections, heading)?.content);
    if (text === null) missing.push(`The profile's "${heading}" section is empty (${profileDoc.path}).`);
    return { heading, text };
  });
  let memoView: PacketView['who']['memo'] = null;
  let memoMissing: string | null = null;
  const memoPath = paths.memo(candidateId);
  if (!memoDoc) {
    memoMissing = `There is no context memo yet (${memoPath} does not exist), so the communication style, motivations, concerns, cautions and topics already asked are missing. Ask ${personName(candidate.recruiter)}, the recruiter, for it.`;
  } else if (!memo) {
    memoMissing = `The context memo (${memoPath}) could not be read, so the communication style, motivations, concerns, cautions and topics already asked are missing. "handoff lint ${memoPath}" shows what to fix.`;
  } else {
    memoView = {
      communicationStyle:
        shown('communication_style') && memo.communication_style ? inline(memo.communication_style) : null,
      motivations: shown('motivations') ? memo.motivations.map(inline) : [],
      whatMatters: prose(findSection(memoDoc.sections, 'What matters to the candidate')?.content),
      openConcerns: shown('concerns')
        ? memo.concerns
            .filter((concern) => concern.status === 'open')
            .map((concern) => ({ topic: inline(concern.topic), owner: personName(concern.owner) }))
        : [],
    };
  }
  if (memoMissing) {
    missing.push(memoMissing);
    notices.push(memoMissing);
  }

  // 3. What the role needs.
  const evidenceFor = (expectationId: string) => {
    const text = shown(`fit.${expectationId}`) ? candidate.fit[expectationId] : undefined;
    return text && text.trim() !== '' ? inline(text) : null;
  };
  const expectations = role.expectations.map((expectation) => ({
    id: expectation.id,
    outcome: inline(expectation.outcome),
    evidence: evidenceFor(expectation.id),
  }));
  const assignments = assignExpectations(role);
  const assignedSomewhere = new Set(
    [...assignments.values()].flatMap((list) => list.map((entry) => entry.expectationId)),
  );
  const probes: PacketView['needs']['probes'] = [];
  for (const expectation of expectations) {
    const assignment = assignments.get(interview.id)?.find((entry) => entry.expectationId === expectation.id);
    if (assignment) {
      probes.push({
        id: expectation.id,
        outcome: expectation.outcome,
        competencies: assignment.competencyIds.map(competencyName).join(', '),
        evidence: expectation.evidence,
        unassigned: false,
      });
    } else if (!assignedSomewhere.has(expectation.id) && expectation.evidence === null) {
      probes.push({
        id: expectation.id,
        outcome: expectation.outcome,
        competencies: '',
        evidence: null,
        unassigned: true,
      });
    }
  }

  // 4. Your interview.
  const competencies = interview.focus.map((id) => {
    const competency = role.competencies.find((entry) => entry.id === id);
    if (!competency)
      missing.push(`The focus competency "${id}" is not defined in ${roleDoc.path}, so it has no rubric.`);
    return {
      id,
      name: competency ? inline(competency.name) : id,
      defined: competency !== undefined,
      anchors: (['1', '2', '3', '4'] as const).map((point) => {
        const text = competency?.rubric[point];
        return { point, text: text && text.trim() !== '' ? inline(text) : null };
      }),
    };
  });
  if (interview.focus.length === 0) {
    const notice = `The interview "${interview.id}" has no focus competencies in ${roleDoc.path}, so the packet has no rubric to score against. Ask ${personName(role.hiring_manager)}, the hiring manager, to add them.`;
    missing.push(notice);
    notices.push(notice);
  }
  const index = role.loop.findIndex((entry) => entry.id === interview.id);
  const earlier = role.loop.slice(0, Math.max(0, index)).map((entry) => ({
    title: inline(entry.title),
    questions: entry.questions.map((question) => inline(question.text)),
  }));

  // 5. Arrangements and cautions.
  const arrangements = shown('accommodations.arrangements')
    ? (candidate.accommodations?.arrangements ?? []).map(inline)
    : [];

  // 6. How to hand in.
  const ownDates = input.feedback
    .filter((doc) => doc.value?.interview === interview.id)
    .map((doc) => doc.value!)
    .sort((a, b) => Number(b.interviewer === target.reader) - Number(a.interviewer === target.reader))
    .map((feedback) => feedback.interviewed);
  const interviewDate = input.interviewDate ?? ownDates[0];
  const readers = target.readers.length > 0 ? target.readers : ['<person-id>'];
  const commands = readers.map((person) =>
    [
      'handoff new feedback',
      `--candidate ${shellWord(candidateId)}`,
      `--interview ${shellWord(interview.id)}`,
      `--interviewer ${person === '<person-id>' ? person : shellWord(person)}`,
      ...(interviewDate ? [`--interviewed ${interviewDate}`] : []),
    ].join(' '),
  );

  const view: PacketView = {
    title: `Interview briefing: ${name}, ${inline(interview.title)}`,
    organization: inline(config.organization),
    audience,
    audienceLabel: AUDIENCE_LABELS[audience],
    preparedFor:
      audience === 'interviewer'
        ? target.readers.map(personName).join(', ') ||
          'the interviewers (none are listed on this interview yet)'
        : personName(audience === 'recruiter' ? candidate.recruiter : role.hiring_manager),
    candidate: {
      id: candidateId,
      name,
      pronouns: shown('pronouns') && candidate.pronouns ? inline(candidate.pronouns) : null,
      timezone: shown('timezone') && candidate.timezone ? inline(candidate.timezone) : null,
    },
    role: { id: role.id, title: inline(role.title), team: inline(role.team) },
    stage: stageName(candidate.stage),
    interview: {
      id: interview.id,
      title: inline(interview.title),
      durationMinutes: interview.duration_minutes ?? null,
      stage: stageName(interview.stage),
      interviewers: interview.interviewers.map(personName).join(', '),
    },
    panel,
    missing,
    who: { sections, memo: memoView, memoMissing },
    needs: {
      expectations,
      probes,
      sellingPoints: prose(findSection(roleDoc.sections, 'Selling points')?.content),
    },
    yourInterview: {
      competencies,
      noFocus: interview.focus.length === 0,
      questions: interview.questions.map((question) => ({
        id: question.id,
        text: inline(question.text),
        competency: competencyName(question.competency),
      })),
      alreadyAsked: memo && shown('already_asked') ? memo.already_asked.map(inline) : [],
      earlier,
    },
    arrangements: {
      list: arrangements,
      cautions: memo ? prose(findSection(memoDoc!.sections, 'Cautions')?.content) : null,
    },
    handIn: { commands, due: dueTime(config.cadence.feedback_due_hours, interviewDate) },
    restricted: restrictedView(input, redaction, personName, stageName),
  };

  const scrubbed = scrubStrings(view, redaction);
  if (redaction.scrubbedCount > 0) {
    notices.push(
      `${redaction.scrubbedCount} restricted value${redaction.scrubbedCount === 1 ? ' was' : 's were'} written into prose the ${AUDIENCE_LABELS[audience]} may not see and ${redaction.scrubbedCount === 1 ? 'was' : 'were'} replaced with "[redacted]"; "handoff lint" (restricted-leak) shows where.`,
    );
  }
  return {
    view: scrubbed,
    baseName: [candidateId, interview.id, ...(target.reader ? [target.reader] : [])].join('--'),
    notices,
  };
}

/** What only some audiences may see: the restricted fields they are allowed, and the scorecards so far. */
function restrictedView(
  input: PacketInput,
  redaction: Redaction,
  personName: (id: string) => string,
  stageName: (id: string) => string,
): PacketView['restricted'] {
  const fields: { label: string; value: string }[] = [];
  const sources: [string, Record<string, unknown> | undefined][] = [
    ['role', input.role.data],
    ['candidate', input.profile.data],
    ['memo', input.memo?.data],
  ];
  for (const field of input.config.access.restricted) {
    if (!redaction.visible.has(field)) continue;
    for (const [, data] of sources) {
      const value = valueAt(data, field);
      if (value === undefined || value === null) continue;
      fields.push({ label: fieldLabel(field), value: describeValue(field, value, input.profile.value) });
    }
  }

  let scorecards: NonNullable<PacketView['restricted']>['scorecards'] = null;
  if (input.audience !== 'interviewer') {
    const role = input.role.value;
    const titleOf = (id: string) => role.loop.find((entry) => entry.id === id)?.title ?? id;
    const competency = (id: string) => role.competencies.find((entry) => entry.id === id)?.name ?? id;
    const valid = input.feedback.flatMap((doc) => (doc.value ? [doc.value] : []));
    const loopOrder = (id: string) => role.loop.findIndex((entry) => entry.id === id);
    const submitted = [...valid]
      .sort(
        (a, b) => loopOrder(a.interview) - loopOrder(b.interview) || (a.interviewer < b.interviewer ? -1 : 1),
      )
      .map((feedback) => ({
        interview: inline(titleOf(feedback.interview)),
        interviewer: personName(feedback.interviewer),
        interviewed: feedback.interviewed,
        submitted: feedback.submitted ?? null,
        ratings:
          Object.entries(feedback.ratings)
            .map(([id, rating]) => `${inline(competency(id))} ${rating}/4`)
            .join(', ') || 'no ratings',
        recommendation: feedback.recommendation,
      }));
    const stageIndex = (id: string) => input.stages.findIndex((stage) => stage.id === id);
    const current = stageIndex(input.profile.value.stage);
    const missing = role.loop
      .filter((entry) => stageIndex(entry.stage) !== -1 && stageIndex(entry.stage) <= current)
      .map((entry) => ({
        interview: `${inline(entry.title)} (${stageName(entry.stage)})`,
        interviewers: entry.interviewers
          .filter(
            (person) =>
              !valid.some((feedback) => feedback.interview === entry.id && feedback.interviewer === person),
          )
          .map(personName)
          .join(', '),
      }))
      .filter((entry) => entry.interviewers !== '');
    scorecards = { submitted, missing };
  }
  if (fields.length === 0 && scorecards === null) return null;
  return { fields, scorecards };
}

const FIELD_LABELS: Record<string, string> = {
  compensation: 'Compensation boundaries',
  contact: 'Contact',
  'source.detail': 'Source details',
  'accommodations.details': 'Accommodation details',
};

function fieldLabel(field: string): string {
  return FIELD_LABELS[field] ?? field;
}

function describeValue(field: string, value: unknown, candidate: Candidate): string {
  if (field === 'compensation' && typeof value === 'object' && value !== null) {
    const { currency, min, max, notes } = value as {
      currency?: string;
      min?: number;
      max?: number;
      notes?: string;
    };
    const range = `${currency ?? ''} ${formatNumber(min)} to ${formatNumber(max)}`.trim();
    return notes ? `${range} (${inline(notes)})` : range;
  }
  if (field === 'source.detail') return `${inline(value)} (channel: ${candidate.source.channel})`;
  return flatten(value);
}

function flatten(value: unknown): string {
  if (Array.isArray(value)) return value.map(flatten).join(', ');
  if (value !== null && typeof value === 'object') {
    return Object.entries(value)
      .map(([key, item]) => `${key}: ${flatten(item)}`)
      .join('; ');
  }
  return inline(value);
}

function formatNumber(value: number | undefined): string {
  return value === undefined ? '?' : value.toLocaleString('en-GB');
}

/** Ids are slugs, but a folder name is whatever is on disk: quote anything a shell could misread. */
function shellWord(word: string): string {
  return /^[A-Za-z0-9._-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/** Runs every string of the view through the redaction, so no hidden value survives anywhere in it. */
function scrubStrings<T>(value: T, redaction: Redaction): T {
  if (typeof value === 'string') return redaction.scrub(value) as T;
  if (Array.isArray(value)) return value.map((item) => scrubStrings(item, redaction)) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, scrubStrings(item, redaction)]),
    ) as T;
  }
  return value;
}
