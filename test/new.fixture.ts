/** A small handoff repository for the `handoff new` tests: a config, one role and one candidate. */

export const config = `# Acme's hiring settings
organization: Acme Payments
ids: name                      # name | opaque
stages:                        # the ordered pipeline
  - { id: sourced, name: Sourced }
  - { id: recruiter-screen, name: Recruiter screen }
  - { id: hiring-manager-screen, name: Hiring manager screen, requires: [memo, profile] }
  - { id: onsite, name: Onsite, requires: [memo, profile, fit, scorecards], max_days: 14 }
  - { id: offer, name: Offer, requires: [scorecards] }
people:
  # recruiting
  - { id: alex.kim, name: Alex Kim, email: alex.kim@acme.example, roles: [recruiter] }
  - { id: sam.lee, name: Sam Lee, email: sam.lee@acme.example, roles: [hiring-manager, interviewer] }   # payments
  - { id: pat.quinn, name: Pat Quinn, email: pat.quinn@acme.example, roles: [interviewer] }
cadence:
  candidate_update_days: 5
  feedback_due_hours: 24
  decision_days: 10
`;

export const role = `---
kind: role
id: backend-engineer
title: Senior Backend Engineer
team: Payments
status: open
hiring_manager: sam.lee
recruiter: alex.kim
opened: 2026-10-01
expectations:
  - id: own-ledger
    outcome: Within six months, owns the ledger service end to end, including on-call.
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
    interviewers: [pat.quinn, sam.lee]
    focus: [system-design, collaboration]
    duration_minutes: 60
    questions:
      - { id: sd-1, competency: system-design, text: Design a ledger that two regions write to. }
---
## About the role
Payments.
## What success looks like
Owns the ledger.
## Selling points
Scope.
`;

export const profile = `---
kind: candidate
id: ana-lima
name: Ana Lima
role: backend-engineer
stage: onsite
status: active
recruiter: alex.kim
hiring_manager: sam.lee
applied: 2026-11-02
source: { channel: referral }
---
## Summary
Ran a ledger.
## Strengths
Ledger.
## Growth areas
None seen yet.
## Interview preferences
Mornings.
`;

/** The repository files: config and role, and the candidate ana-lima unless `withCandidate` is false. */
export function repositoryFiles(withCandidate = true): Record<string, string> {
  return {
    'handoff.config.yaml': config,
    'roles/backend-engineer.md': role,
    ...(withCandidate ? { 'candidates/ana-lima/profile.md': profile } : {}),
  };
}

export function today(): string {
  return new Date().toISOString().slice(0, 10);
}
