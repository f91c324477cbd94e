/**
 * A small handoff repository for the brief and feedback tests: one role with a two-interview loop,
 * a candidate with a profile, a memo and one scorecard, and a second candidate to make names ambiguous.
 * Every restricted value and every piece of scorecard text is distinctive, so a test can prove where
 * each one does and does not appear.
 */
export const restricted = {
  email: 'ana.lima@mail.example',
  phone: '+44 7700 900123',
  sourceDetail: 'Referred by Quentin Marlowe from the Risk team',
  accommodationDetails: 'Partial hearing loss disclosed on the screen call',
  compensationMin: 91500,
  compensationMax: 118250,
  compensationNotes: 'Band P4 Zanzibar',
};

export const scorecardText = {
  evidence: 'Settled the locking dispute with a load test named Kestrel',
  forCandidate: 'You explained the locking disagreement with the evidence you gathered.',
  development: 'It would help to include an example in which new evidence changed your own view.',
  internal: 'Internal note about Wolverhampton relocation',
};

export const config = `organization: Acme Payments
stages:
  - { id: sourced, name: Sourced }
  - { id: recruiter-screen, name: Recruiter screen }
  - { id: hiring-manager-screen, name: Hiring manager screen }
  - { id: onsite, name: Onsite }
  - { id: offer, name: Offer }
people:
  - { id: alex.kim, name: Alex Kim, email: alex.kim@acme.example, roles: [recruiter] }
  - { id: sam.lee, name: Sam Lee, email: sam.lee@acme.example, roles: [hiring-manager, interviewer] }
  - { id: pat.quinn, name: Pat Quinn, email: pat.quinn@acme.example, roles: [interviewer] }
  - { id: jo.park, name: Jo Park, email: jo.park@acme.example, roles: [interviewer] }
cadence: { candidate_update_days: 5, feedback_due_hours: 24, decision_days: 10 }
access:
  restricted: [compensation, contact, source.detail, accommodations.details]
  audiences:
    interviewer: []
    hiring-manager: [compensation]
    recruiter: [compensation, contact, source.detail, accommodations.details]
`;

export function role(loop = defaultLoop): string {
  return `---
kind: role
id: backend-engineer
title: Senior Backend Engineer
team: Payments
status: open
hiring_manager: sam.lee
recruiter: alex.kim
opened: 2026-10-01
compensation: { currency: EUR, min: ${restricted.compensationMin}, max: ${restricted.compensationMax}, notes: ${restricted.compensationNotes} }
expectations:
  - id: own-ledger
    outcome: Within six months, owns the ledger service end to end, including on-call.
  - id: raise-bar
    outcome: Reviews and improves the team's design documents within the first quarter.
competencies:
  - id: system-design
    name: System design
    rubric:
      1: Describes components but cannot say how they fail or scale.
      2: Produces a workable design once given the constraints.
      3: Asks for the constraints, partitions the problem, and handles failure.
      4: Does all of 3 unprompted and weighs two designs against each other.
  - id: collaboration
    name: Collaboration
    rubric:
      1: Cannot give an example of resolving a disagreement.
      2: Gives an example in which others resolved the disagreement.
      3: Describes resolving a disagreement with evidence and a follow-up.
      4: Describes changing their own position on evidence.
${loop}timeline:
  - { milestone: first-interview, within_days: 7 }
  - { milestone: decision, within_days: 21 }
communication:
  - { topic: scheduling, owner: alex.kim, when: within one business day of each stage decision }
  - { topic: offer, owner: sam.lee, when: within two days of the decision }
---
## About the role

The Payments team runs the ledger.

## What success looks like

The month-end close needs no engineer.

## Selling points

<!-- What the candidate should hear. -->
The ledger is the system every other team depends on.
`;
}

export const defaultLoop = `loop:
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
    interviewers: [pat.quinn, jo.park]
    focus: [system-design]
    duration_minutes: 60
    questions:
      - { id: sd-1, competency: system-design, text: Design a ledger that two regions write to. }
`;

export function profile(
  overrides: { name?: string; id?: string; stage?: string; summary?: string } = {},
): string {
  return `---
kind: candidate
id: ${overrides.id ?? 'ana-lima'}
name: ${JSON.stringify(overrides.name ?? 'Ana Lima')}
pronouns: she/her
role: backend-engineer
stage: ${overrides.stage ?? 'onsite'}
status: active
recruiter: alex.kim
hiring_manager: sam.lee
applied: 2026-11-02
source: { channel: referral, detail: ${restricted.sourceDetail} }
contact: { email: ${restricted.email}, phone: "${restricted.phone}" }
timezone: Europe/Lisbon
accommodations:
  arrangements: [Captions on video calls]
  details: ${restricted.accommodationDetails}
last_contact: 2026-11-20
next_step: { action: Schedule the onsite, owner: alex.kim, due: 2026-11-27 }
fit:
  own-ledger: Ran the billing ledger at her current company for two years, including on-call.
---
## Summary

<!-- Who the candidate is, in two or three sentences. -->
${overrides.summary ?? 'Backend engineer with six years on payment systems.'}

## Strengths

- Handles failure first.
- Writes for others.

## Growth areas

- Capacity estimates came only when prompted.

## Interview preferences

Slots between 10:00 and 16:00 in her time zone.
`;
}

export const memo = `---
kind: memo
candidate: ana-lima
author: alex.kim
date: 2026-11-18
communication_style: Direct; prefers short e-mails to calls.
motivations: [Ownership of a service end to end, A remote-friendly team]
concerns:
  - { topic: Relocation timing, status: open, owner: sam.lee }
  - { topic: Visa sponsorship, status: addressed, owner: alex.kim }
stakeholders:
  - { person: sam.lee, interview: hm-screen, role: Hiring manager; scope and team }
  - { person: pat.quinn, interview: onsite-design, role: Depth in distributed design }
  - { person: jo.park, interview: onsite-design, role: Data modelling }
already_asked: [notice period, salary expectations]
---
## Context

Ana owns a billing ledger.

## What matters to the candidate

She wants to own a service end to end.

## Cautions

- Captions add a short delay; score the content of the answer only.
`;

export function scorecard(
  forCandidate = `${scorecardText.forCandidate} ${scorecardText.development}`,
): string {
  return `---
kind: feedback
candidate: ana-lima
interview: hm-screen
interviewer: sam.lee
interviewed: 2026-11-19
submitted: 2026-11-19T15:10:00Z
ratings: { collaboration: 3 }
recommendation: strong-yes
---
## Evidence

- ${scorecardText.evidence}.

## For the candidate

<!-- What may be shared with the candidate, in neutral language. -->
${forCandidate}

## Internal notes

${scorecardText.internal}.
`;
}

export function files(overrides: Record<string, string | undefined> = {}): Record<string, string> {
  const base: Record<string, string | undefined> = {
    'handoff.config.yaml': config,
    'roles/backend-engineer.md': role(),
    'candidates/ana-lima/profile.md': profile(),
    'candidates/ana-lima/memo.md': memo,
    'candidates/ana-lima/feedback/hm-screen--sam.lee.md': scorecard(),
    'candidates/ana-souza/profile.md': profile({
      id: 'ana-souza',
      name: 'Ana Souza',
      stage: 'hiring-manager-screen',
    }),
    ...overrides,
  };
  return Object.fromEntries(
    Object.entries(base).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
}
