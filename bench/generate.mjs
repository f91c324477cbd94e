// Deterministic synthetic handoff repositories for the benchmarks: profile, memo and four scorecards
// per candidate, spread over two roles and the default stages.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const FORMAT_VERSION = '1';

const config = `organization: Bench Corp
ids: name
stages:
  - { id: sourced, name: Sourced }
  - { id: recruiter-screen, name: Recruiter screen }
  - { id: hiring-manager-screen, name: Hiring manager screen, requires: [memo, profile] }
  - { id: onsite, name: Onsite, requires: [memo, profile, fit, scorecards], max_days: 14 }
  - { id: offer, name: Offer, requires: [scorecards] }
people:
  - { id: alex.kim, name: Alex Kim, email: alex.kim@bench.example, roles: [recruiter] }
  - { id: sam.lee, name: Sam Lee, email: sam.lee@bench.example, roles: [hiring-manager, interviewer] }
  - { id: pat.quinn, name: Pat Quinn, email: pat.quinn@bench.example, roles: [interviewer] }
  - { id: mei.tanaka, name: Mei Tanaka, email: mei.tanaka@bench.example, roles: [interviewer] }
  - { id: jordan.reyes, name: Jordan Reyes, email: jordan.reyes@bench.example, roles: [interviewer] }
cadence: { candidate_update_days: 5, feedback_due_hours: 24, decision_days: 10 }
`;

function role(id, title) {
  return `---
kind: role
id: ${id}
title: ${title}
team: Platform
status: open
hiring_manager: sam.lee
recruiter: alex.kim
opened: 2026-01-05
compensation: { currency: EUR, min: 90000, max: 110000, notes: Band P4 }
expectations:
  - { id: own-service, outcome: Within six months owns a production service end to end including on-call. }
  - { id: raise-bar, outcome: Reviews and improves the team's design documents within the first quarter. }
competencies:
  - id: system-design
    name: System design
    rubric:
      1: Describes components but cannot say how they fail or scale.
      2: Produces a workable design once given the constraints and names one failure mode.
      3: Asks for the constraints, partitions the problem and handles failure and idempotency.
      4: Does all of 3 unprompted, estimates capacity and weighs two designs against each other.
  - id: collaboration
    name: Collaboration
    rubric:
      1: Cannot give an example of resolving a disagreement.
      2: Gives an example in which others resolved the disagreement.
      3: Describes resolving a disagreement with evidence and a follow-up.
      4: Describes changing their own position on evidence and what they learnt from it.
loop:
  - { id: hm-screen, stage: hiring-manager-screen, title: Hiring manager screen, interviewers: [sam.lee], focus: [collaboration], duration_minutes: 45, questions: [{ id: hm-1, competency: collaboration, text: Tell me about a design decision you disagreed with. }] }
  - { id: onsite-design, stage: onsite, title: System design, interviewers: [pat.quinn], focus: [system-design], duration_minutes: 60, questions: [{ id: sd-1, competency: system-design, text: Design a ledger that two regions write to. }] }
  - { id: onsite-pairing, stage: onsite, title: Pairing, interviewers: [mei.tanaka], focus: [system-design], duration_minutes: 60, questions: [{ id: pp-1, competency: system-design, text: Extend this queue consumer so that it survives a restart. }] }
  - { id: onsite-team, stage: onsite, title: Team conversation, interviewers: [jordan.reyes], focus: [collaboration], duration_minutes: 45, questions: [{ id: tc-1, competency: collaboration, text: Walk me through a review where your proposal changed. }] }
timeline:
  - { milestone: first-interview, within_days: 7 }
  - { milestone: decision, within_days: 21 }
communication:
  - { topic: scheduling, owner: alex.kim, when: within one business day of each stage decision }
---
## About the role
The platform team runs the services every product team builds on.

## What success looks like
Owns a service, improves the design process, and shares knowledge in reviews.

## Selling points
Real ownership, a calm on-call rotation and a team that writes things down.
`;
}

const stages = ['sourced', 'recruiter-screen', 'hiring-manager-screen', 'onsite', 'offer'];
const statuses = ['active', 'active', 'active', 'on-hold', 'hired', 'rejected', 'withdrawn'];
const channels = ['referral', 'inbound', 'outbound', 'agency', 'event', 'internal'];
const scorecards = [
  ['hm-screen', 'sam.lee', 'collaboration'],
  ['onsite-design', 'pat.quinn', 'system-design'],
  ['onsite-pairing', 'mei.tanaka', 'system-design'],
  ['onsite-team', 'jordan.reyes', 'collaboration'],
];

const pad = (n) => String(n).padStart(2, '0');
const day = (offset) => {
  const date = new Date(Date.UTC(2026, 0, 10) + offset * 86_400_000);
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
};

export function candidateFiles(index) {
  const id = `candidate-${index}`;
  const roleId = index % 2 === 0 ? 'backend-engineer' : 'platform-engineer';
  const applied = day(index % 300);
  const files = {};
  files[`candidates/${id}/profile.md`] = `---
kind: candidate
id: ${id}
name: Candidate ${index}
role: ${roleId}
stage: ${stages[index % stages.length]}
status: ${statuses[index % statuses.length]}
recruiter: alex.kim
hiring_manager: sam.lee
applied: ${applied}
source: { channel: ${channels[index % channels.length]}, detail: Met at meetup number ${index} }
contact: { email: candidate${index}@mail.example, phone: "+44 7700 ${String(900000 + (index % 99999)).slice(-6)}" }
timezone: Europe/Lisbon
last_contact: ${day((index % 300) + 5)}
next_step: { action: Schedule the next interview, owner: alex.kim, due: ${day((index % 300) + 9)} }
fit:
  own-service: Ran a payments service for two years including on-call.
  raise-bar: Wrote the design review checklist her current team uses.
---
## Summary
Backend engineer with five years on payment services, most recently the settlement pipeline.

## Strengths
Explained the retry design of the settlement pipeline step by step, including idempotency keys.

## Growth areas
Has not yet run a capacity planning exercise; said so and described how she would start.

## Interview preferences
Prefers interviews in the morning, Lisbon time.
`;
  files[`candidates/${id}/memo.md`] = `---
kind: memo
candidate: ${id}
author: alex.kim
date: ${day((index % 300) + 3)}
communication_style: Direct; prefers short e-mails to calls.
motivations: [Ownership of a service end to end, A team that writes things down]
concerns:
  - { topic: Start date, status: open, owner: sam.lee }
stakeholders:
  - { person: sam.lee, interview: hm-screen, role: Hiring manager; scope and team }
  - { person: pat.quinn, interview: onsite-design, role: Depth in distributed design }
already_asked: [notice period, salary expectations]
---
## Context
Referred by the platform team after a conference talk on idempotent payment retries.

## What matters to the candidate
Owning a service end to end and a predictable on-call rotation.

## Cautions
The candidate changed jobs twice in three years for relocations; score against the rubric only.
`;
  scorecards.forEach(([interview, interviewer, competency], n) => {
    const interviewed = day((index % 300) + 10 + n);
    files[`candidates/${id}/feedback/${interview}--${interviewer}.md`] = `---
kind: feedback
candidate: ${id}
interview: ${interview}
interviewer: ${interviewer}
interviewed: ${interviewed}
submitted: ${interviewed}T17:30:00Z
ratings: { ${competency}: ${1 + ((index + n) % 4)} }
recommendation: ${(index + n) % 4 >= 2 ? 'yes' : 'no'}
---
## Evidence
Asked for the write volume before drawing anything, then split the ledger by account.

## For the candidate
You asked clarifying questions about volume before designing, and explained the trade-offs you chose.

## Internal notes
None.
`;
  });
  return files;
}

/** Creates (or reuses) a repository with `count` candidates under bench/.repos/. */
export function generateRepository(count) {
  const root = join(import.meta.dirname, '.repos', `candidates-${count}`);
  const marker = join(root, '.generated');
  if (existsSync(marker) && readFileSync(marker, 'utf8') === FORMAT_VERSION) return root;
  rmSync(root, { recursive: true, force: true });
  const write = (path, content) => {
    const full = join(root, path);
    mkdirSync(join(full, '..'), { recursive: true });
    writeFileSync(full, content);
  };
  write('handoff.config.yaml', config);
  write('roles/backend-engineer.md', role('backend-engineer', 'Senior Backend Engineer'));
  write('roles/platform-engineer.md', role('platform-engineer', 'Platform Engineer'));
  for (let index = 0; index < count; index++) {
    for (const [path, content] of Object.entries(candidateFiles(index))) write(path, content);
  }
  writeFileSync(marker, FORMAT_VERSION);
  return root;
}
