/**
 * Builders for the status and metrics tests: small documents whose dates are the point, and commits
 * dated explicitly (GIT_AUTHOR_DATE and GIT_COMMITTER_DATE) so that the history is a known timeline.
 */
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { gitEnv, tempDir, writeFiles } from './helpers/repo.js';

export function config(options: { requires?: Record<string, string[]>; extra?: string } = {}): string {
  const stage = (id: string, name: string, more = '') =>
    `  - { id: ${id}, name: ${name}, requires: [${(options.requires?.[id] ?? []).join(', ')}]${more} }`;
  return `organization: Acme Payments
stages:
${stage('sourced', 'Sourced')}
${stage('recruiter-screen', 'Recruiter screen')}
${stage('hiring-manager-screen', 'Hiring manager screen')}
${stage('onsite', 'Onsite', ', max_days: 14')}
${stage('offer', 'Offer')}
people:
  - { id: alex.kim, name: Alex Kim, email: alex.kim@acme.example, roles: [recruiter] }
  - { id: sam.lee, name: Sam Lee, email: sam.lee@acme.example, roles: [hiring-manager, interviewer] }
  - { id: pat.quinn, name: Pat Quinn, email: pat.quinn@acme.example, roles: [interviewer] }
  - { id: mei.tanaka, name: Mei Tanaka, email: mei.tanaka@acme.example, roles: [interviewer] }
cadence: { candidate_update_days: 5, feedback_due_hours: 24, decision_days: 10 }
${options.extra ?? ''}`;
}

export function role(id: string, title: string): string {
  return `---
kind: role
id: ${id}
title: ${title}
team: Payments
status: open
hiring_manager: sam.lee
recruiter: alex.kim
opened: 2026-01-01
compensation: { currency: EUR, min: 91500, max: 118250, notes: Band Zanzibar }
expectations:
  - { id: own-ledger, outcome: Within six months owns the ledger service end to end. }
competencies:
  - id: system-design
    name: System design
    rubric:
      1: Describes components but cannot say how they fail.
      2: Produces a workable design once given the constraints.
      3: Asks for the constraints and handles failure and idempotency.
      4: Does all of 3 unprompted and weighs two designs against each other.
loop:
  - { id: hm-screen, stage: hiring-manager-screen, title: Hiring manager screen, interviewers: [sam.lee], focus: [system-design], duration_minutes: 45, questions: [{ id: q1, competency: system-design, text: Design a ledger. }] }
  - { id: onsite-design, stage: onsite, title: System design, interviewers: [pat.quinn, mei.tanaka], focus: [system-design], duration_minutes: 60, questions: [{ id: q2, competency: system-design, text: Design a queue. }] }
---
## About the role
Owns the ledger.

## What success looks like
The ledger runs.

## Selling points
A calm on-call rotation.
`;
}

export interface ProfileFields {
  id: string;
  name: string;
  role?: string;
  stage: string;
  status?: string;
  applied?: string;
  channel?: string;
  lastContact?: string;
  nextStep?: { action: string; owner: string; due: string };
}

export const contactOf = (id: string) => ({
  email: `${id}@mail.example`,
  phone: `+44 7700 9${String(id.length).padStart(5, '0')}`,
});

export function profile(fields: ProfileFields): string {
  const lines = [
    '---',
    'kind: candidate',
    `id: ${fields.id}`,
    `name: ${fields.name}`,
    `role: ${fields.role ?? 'backend-engineer'}`,
    `stage: ${fields.stage}`,
    `status: ${fields.status ?? 'active'}`,
    'recruiter: alex.kim',
    'hiring_manager: sam.lee',
    ...(fields.applied ? [`applied: ${fields.applied}`] : []),
    `source: { channel: ${fields.channel ?? 'inbound'}, detail: Met ${fields.name} at the Zanzibar meetup }`,
    `contact: { email: ${contactOf(fields.id).email}, phone: "${contactOf(fields.id).phone}" }`,
    ...(fields.lastContact ? [`last_contact: ${fields.lastContact}`] : []),
    ...(fields.nextStep
      ? [
          `next_step: { action: ${fields.nextStep.action}, owner: ${fields.nextStep.owner}, due: ${fields.nextStep.due} }`,
        ]
      : []),
    '---',
    '## Summary',
    'Backend engineer with five years on payment services.',
    '',
    '## Strengths',
    'Explained the retry design step by step.',
    '',
    '## Growth areas',
    'Has not yet run a capacity planning exercise.',
    '',
    '## Interview preferences',
    'Mornings.',
    '',
  ];
  return lines.join('\n');
}

export function memo(candidate: string, date: string): string {
  return `---
kind: memo
candidate: ${candidate}
author: alex.kim
date: ${date}
---
## Context
Referred by the platform team.

## What matters to the candidate
Owning a service end to end.

## Cautions
Score against the rubric only.
`;
}

export function scorecard(
  candidate: string,
  interview: string,
  interviewer: string,
  interviewed: string,
  submitted?: string,
): string {
  return `---
kind: feedback
candidate: ${candidate}
interview: ${interview}
interviewer: ${interviewer}
interviewed: ${interviewed}
${submitted ? `submitted: ${submitted}\n` : ''}ratings: { system-design: 3 }
recommendation: yes
---
## Evidence
Asked for the write volume first.

## For the candidate
You asked clarifying questions before designing.

## Internal notes
None.
`;
}

export function survey(candidate: string, stage: string, date: string, score: number): string {
  return `---
kind: survey
candidate: ${candidate}
stage: ${stage}
date: ${date}
score: ${score}
---
It went well.
`;
}

/** A repository with no commits yet. */
export function emptyGitRepo(): string {
  const dir = tempDir('handoff-pipeline-');
  gitAt(dir, '2026-01-01', 'init', '-q', '-b', 'main');
  return dir;
}

function gitAt(cwd: string, date: string, ...args: string[]): string {
  const when = date.includes('T') ? date : `${date}T12:00:00Z`;
  return execFileSync('git', args, {
    cwd,
    env: { ...process.env, ...gitEnv, GIT_AUTHOR_DATE: when, GIT_COMMITTER_DATE: when, TZ: 'UTC' },
    encoding: 'utf8',
  });
}

/** Writes (or, with null, removes) files and commits them on the given day (noon UTC unless a time is given). */
export function commitAt(
  cwd: string,
  date: string,
  message: string,
  files: Record<string, string | null>,
): void {
  const written: Record<string, string> = {};
  for (const [path, content] of Object.entries(files)) {
    if (content === null) rmSync(join(cwd, path), { force: true });
    else written[path] = content;
  }
  writeFiles(cwd, written);
  gitAt(cwd, date, 'add', '-A');
  gitAt(cwd, date, 'commit', '-q', '--allow-empty', '-m', message);
}
