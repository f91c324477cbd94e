import type { Candidate } from '../../../schemas/candidate.js';
import type { Config, Person } from '../../../schemas/config.js';
import type { Role } from '../../../schemas/role.js';
import { assignExpectations } from '../briefing/probes.js';
import { cleanProse, inline } from '../briefing/text.js';
import { addDays, isDate } from '../dates.js';
import type { ShareableSection } from './checks.js';

/** The candidate-facing digest as plain data for the template. Text is raw: the template escapes it. */
export interface DigestView {
  title: string;
  organization: string;
  candidate: { name: string };
  role: { title: string; team: string };
  interviews: {
    title: string;
    date: string;
    focus: string;
    expectations: string[];
    strengths: string[];
  }[];
  development: { text: string; interview: string }[];
  nextStep: { action: string; owner: string; due: string | null } | null;
  timeline: { milestone: string; withinDays: number; by: string | null }[];
  contacts: { topic: string; owner: string; when: string }[];
}

export interface DigestInput {
  config: Config;
  people: ReadonlyMap<string, Person>;
  role: Role;
  candidate: Candidate;
  sections: readonly ShareableSection[];
}

/**
 * What a sentence asking for more looks like. Feedback sections mix what went well with what would
 * help next time; the digest lists them apart, as the candidate would want to read them.
 */
const DEVELOPMENT =
  /\b(?:would\s+help|could\s+(?:help|have|be|add|include|go)|to\s+practi[sc]e|a\s+point\s+to|next\s+time|work\s+on|develop|room\s+to|more\s+(?:practice|depth|detail|examples?)|improv\w*|consider\w*|try(?:ing)?\s+to|an\s+area|areas?\s+(?:for|to)|focus\s+on|would\s+(?:like|benefit)|benefit\s+from|did\s+not|didn['’]t|was\s+missing|were\s+missing)\b/i;

/** Assembles the candidate-facing digest from the shareable sections only. Pure: documents in, plain data out. */
export function assembleDigest(input: DigestInput): DigestView {
  const { role, candidate, people } = input;
  const personName = (id: string) => people.get(id)?.name ?? id;
  const competencyName = (id: string) =>
    role.competencies.find((competency) => competency.id === id)?.name ?? id;
  const assignments = assignExpectations(role);
  const loopIndex = (id: string) => {
    const index = role.loop.findIndex((interview) => interview.id === id);
    return index === -1 ? role.loop.length : index;
  };

  const byInterview = new Map<string, ShareableSection[]>();
  for (const section of input.sections) {
    const id = section.document.value.interview;
    byInterview.set(id, [...(byInterview.get(id) ?? []), section]);
  }
  const ordered = [...byInterview.entries()].sort(
    ([a, first], [b, second]) =>
      loopIndex(a) - loopIndex(b) || earliest(first).localeCompare(earliest(second)) || a.localeCompare(b),
  );

  const interviews: DigestView['interviews'] = [];
  const development: DigestView['development'] = [];
  for (const [interviewId, sections] of ordered) {
    const interview = role.loop.find((entry) => entry.id === interviewId);
    const title = inline(interview?.title ?? interviewId);
    const strengths: string[] = [];
    for (const section of sections) {
      for (const unit of units(cleanProse(section.section.content))) {
        if (DEVELOPMENT.test(unit)) development.push({ text: unit, interview: title });
        else strengths.push(unit);
      }
    }
    const expectations = (assignments.get(interviewId) ?? [])
      .map((assignment) =>
        role.expectations.find((expectation) => expectation.id === assignment.expectationId),
      )
      .flatMap((expectation) => (expectation ? [inline(expectation.outcome)] : []));
    interviews.push({
      title,
      date: earliest(sections),
      focus: (interview?.focus ?? []).map((id) => inline(competencyName(id))).join(', '),
      expectations,
      strengths,
    });
  }

  const applied = isDate(candidate.applied) ? candidate.applied : undefined;
  const name = inline(candidate.name);
  return {
    title: `Interview feedback for ${name}`,
    organization: inline(input.config.organization),
    candidate: { name },
    role: { title: inline(role.title), team: inline(role.team) },
    interviews,
    development,
    nextStep: candidate.next_step
      ? {
          action: inline(candidate.next_step.action),
          owner: personName(candidate.next_step.owner),
          due: candidate.next_step.due ?? null,
        }
      : null,
    timeline: role.timeline.map((milestone) => ({
      milestone: humanize(milestone.milestone),
      withinDays: milestone.within_days,
      by: applied ? addDays(applied, milestone.within_days) : null,
    })),
    contacts: role.communication.map((entry) => ({
      topic: humanize(entry.topic),
      owner: personName(entry.owner),
      when: inline(entry.when),
    })),
  };
}

function earliest(sections: readonly ShareableSection[]): string {
  return sections.map((section) => section.document.value.interviewed).sort()[0] ?? '';
}

/** The sentences (or list items) of a section: the units a reader takes in one at a time. */
export function units(text: string): string[] {
  const found: string[] = [];
  for (const paragraph of text.split(/\n\s*\n/)) {
    const lines = paragraph.split('\n');
    const isList = lines.every((line, index) => index > 0 || /^\s*(?:[-*+]|\d{1,9}[.)])\s+/.test(line));
    if (isList) {
      let item = '';
      for (const line of lines) {
        if (/^\s*(?:[-*+]|\d{1,9}[.)])\s+/.test(line)) {
          if (item) found.push(inline(item));
          item = line.replace(/^\s*(?:[-*+]|\d{1,9}[.)])\s+/, '');
        } else {
          item += ` ${line.trim()}`;
        }
      }
      if (item) found.push(inline(item));
      continue;
    }
    const flat = inline(paragraph);
    if (flat === '') continue;
    found.push(...flat.split(/(?<=[.!?])\s+(?=[\p{Lu}"“‘(])/u).map((sentence) => sentence.trim()));
  }
  return found.filter((unit) => unit !== '');
}

/** "first-interview" -> "First interview": milestone and topic names are written as ids or short phrases. */
function humanize(text: string): string {
  const words = inline(text).replace(/[-_]+/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
