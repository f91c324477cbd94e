/**
 * A small handoff repository for the history tests (advance, log, review, codeowners): documents
 * written out here, so that the expected events and summaries do not move when the examples change.
 */
import { execFileSync } from 'node:child_process';
import { gitEnv, tempDir, writeFiles } from './helpers/repo.js';

export const people = {
  alex: { GIT_AUTHOR_NAME: 'Alex Kim', GIT_AUTHOR_EMAIL: 'alex.kim@acme.example' },
  sam: { GIT_AUTHOR_NAME: 'Sam Lee', GIT_AUTHOR_EMAIL: 'sam.lee@acme.example' },
  pat: { GIT_AUTHOR_NAME: 'Pat Quinn', GIT_AUTHOR_EMAIL: 'pat.quinn@acme.example' },
};

export type Author = keyof typeof people;

/** The environment that makes a commit by `author` at noon UTC on `date` (author and committer). */
export function at(date: string, author: Author = 'alex'): Record<string, string> {
  const stamp = `${date}T12:00:00Z`;
  return {
    ...people[author],
    GIT_COMMITTER_NAME: people[author].GIT_AUTHOR_NAME,
    GIT_COMMITTER_EMAIL: people[author].GIT_AUTHOR_EMAIL,
    GIT_AUTHOR_DATE: stamp,
    GIT_COMMITTER_DATE: stamp,
  };
}

/** Runs git with the test identity (and any extra environment), returning its output. */
export function gitAt(cwd: string, env: Record<string, string>, ...args: string[]): string {
  return execFileSync('git', args, { cwd, env: { ...process.env, ...gitEnv, ...env }, encoding: 'utf8' });
}

/** Stages everything and commits it with a message at a date, by an author; returns the commit id. */
export function commitAll(cwd: string, date: string, author: Author, message: string): string {
  gitAt(cwd, {}, 'add', '-A');
  gitAt(cwd, at(date, author), 'commit', '-q', '-m', message);
  return head(cwd);
}

export function head(cwd: string): string {
  return gitAt(cwd, {}, 'rev-parse', 'HEAD').trim();
}

export const config = `# Acme's handoff settings.
organization: Acme Payments
ids: name
stages:
  - { id: sourced, name: Sourced }
  - { id: recruiter-screen, name: Recruiter screen }
  - { id: hiring-manager-screen, name: Hiring manager screen, requires: [memo, profile] }
  - { id: onsite, name: Onsite, requires: [memo, profile, fit, scorecards], max_days: 14 }
  - { id: offer, name: Offer, requires: [scorecards] }
people:
  - { id: alex.kim, name: Alex Kim, email: alex.kim@acme.example, roles: [recruiter], github: alexkim }
  - { id: sam.lee, name: Sam Lee, email: sam.lee@acme.example, roles: [hiring-manager, interviewer], github: "@samlee" }
  - { id: pat.quinn, name: Pat Quinn, email: pat.quinn@acme.example, roles: [interviewer] }
cadence:
  candidate_update_days: 5
  feedback_due_hours: 24
  decision_days: 10
`;

export function role(
  anchor4 = 'Does all of 3 unprompted, estimates capacity, and weighs two designs against each other.',
): string {
  return `---
kind: role
id: backend-engineer
title: Senior Backend Engineer
team: Payments
status: open
hiring_manager: sam.lee
recruiter: alex.kim
opened: 2026-10-01
compensation: { currency: EUR, min: 90000, max: 110000, notes: Band P4 }
expectations:
  - { id: own-ledger, outcome: Within six months owns the ledger service end to end including on-call. }
competencies:
  - id: system-design
    name: System design
    rubric:
      1: Describes components but cannot say how they fail or scale.
      2: Produces a workable design once given the constraints and names one or two failure modes.
      3: Asks for the constraints, partitions the problem, and handles failure and idempotency.
      4: ${anchor4}
  - id: collaboration
    name: Collaboration
    rubric:
      1: Cannot give an example of resolving a disagreement.
      2: Gives an example in which others resolved the disagreement.
      3: Describes resolving a disagreement with evidence and a follow-up.
      4: Describes changing their own position on evidence and what they learnt from it.
loop:
  - id: hm-screen
    stage: hiring-manager-screen
    title: Hiring manager screen
    interviewers: [sam.lee]
    focus: [collaboration]
    duration_minutes: 45
    questions:
      - { id: hm-1, competency: collaboration, text: Tell me about a design decision you disagreed with. }
  - id: onsite-design
    stage: onsite
    title: System design
    interviewers: [pat.quinn]
    focus: [system-design]
    duration_minutes: 60
    questions:
      - { id: sd-1, competency: system-design, text: Design a ledger that two regions write to. }
timeline:
  - { milestone: first-interview, within_days: 7 }
  - { milestone: decision, within_days: 21 }
communication:
  - { topic: scheduling, owner: alex.kim, when: within one business day of each stage decision }
  - { topic: offer, owner: sam.lee, when: within two days of the decision }
---
## About the role

The payments team runs the ledger that every product team posts to, and the on-call rotation for it.

## What success looks like

Within six months the person owns the ledger service end to end, including its on-call rotation.

## Selling points

A ledger that many teams depend on, a calm on-call rotation and a team that writes its decisions down.
`;
}

export function profile(
  id: string,
  name: string,
  stage: string,
  status = 'active',
  lastContact = '2026-11-02',
): string {
  return `---
kind: candidate
id: ${id}
name: ${name}
role: backend-engineer
stage: ${stage} # moved by handoff advance
status: ${status}
recruiter: alex.kim
hiring_manager: sam.lee
applied: 2026-11-02
source: { channel: referral, detail: Referred by a former colleague }
contact: { email: ${id}@mail.example, phone: "+44 7700 900123" }
timezone: Europe/Lisbon
last_contact: ${lastContact}
fit:
  own-ledger: Ran the billing ledger at her current company for two years, including on-call.
---
## Summary

Backend engineer with six years on payment systems, the last two as the owner of a billing ledger.

## Strengths

Explained the idempotency scheme of the ledger step by step, including how duplicates are detected.

## Growth areas

Has not yet run a capacity planning exercise; said so and described how she would start.

## Interview preferences

Prefers interviews between 10:00 and 16:00 Lisbon time.
`;
}

export function memo(candidate: string): string {
  return `---
kind: memo
candidate: ${candidate}
author: alex.kim
date: 2026-11-03
communication_style: Direct; prefers short e-mails to calls.
motivations: [Ownership of a service end to end]
concerns:
  - { topic: Relocation timing, status: open, owner: sam.lee }
stakeholders:
  - { person: sam.lee, interview: hm-screen, role: Hiring manager; scope and team }
  - { person: pat.quinn, interview: onsite-design, role: Depth in distributed design }
already_asked: [notice period]
---
## Context

Owns the billing ledger at her current company and is looking for a ledger that more teams depend on.

## What matters to the candidate

Owning a service end to end, and a predictable on-call rotation.

## Cautions

Score the systems she describes against the rubric, not the size of her current employer.
`;
}

export function scorecard(
  candidate: string,
  interview: string,
  interviewer: string,
  day: string,
  competency: string,
): string {
  return `---
kind: feedback
candidate: ${candidate}
interview: ${interview}
interviewer: ${interviewer}
interviewed: ${day}
submitted: ${day}T16:00:00Z
ratings: { ${competency}: 3 }
recommendation: yes
---
## Evidence

Asked for the write volume before drawing anything, then split the ledger by account and explained the retry design.

## For the candidate

You asked clarifying questions before designing and explained the trade-offs you chose.

## Internal notes

None.
`;
}

export function survey(candidate: string, date: string): string {
  return `---
kind: survey
candidate: ${candidate}
stage: onsite
date: ${date}
score: 4
---
The interviewers knew my background and did not repeat questions.
`;
}

/**
 * A repository with the config and the role committed on 2026-11-01, in `dir` or in a temporary
 * folder removed after the test.
 */
export function historyRepo(dir = tempDir('handoff-history-')): string {
  gitAt(dir, {}, 'init', '-q', '-b', 'main');
  writeFiles(dir, { 'handoff.config.yaml': config, 'roles/backend-engineer.md': role() });
  commitAll(dir, '2026-11-01', 'sam', 'Start the handoff repository');
  return dir;
}
