/**
 * A small, clean handoff repository as strings, and helpers to run one rule on a variant of it.
 * Built in memory (parseConfig + loadDocument + buildWorkspace): no files, no git, fast.
 */
import { parseConfig } from '../../src/core/config.js';
import type { Diagnostic } from '../../src/core/diagnostics.js';
import type { Rule } from '../../src/core/lint/types.js';
import { buildWorkspace, type Loaded, loadDocument, type Workspace } from '../../src/core/workspace.js';

export const NOW = '2026-11-25';

export const CONFIG = `organization: Acme Payments
stages:
  - { id: sourced, name: Sourced }
  - { id: recruiter-screen, name: Recruiter screen }
  - { id: hiring-manager-screen, name: Hiring manager screen, requires: [memo, profile] }
  - { id: onsite, name: Onsite, requires: [memo, profile, fit, scorecards] }
  - { id: offer, name: Offer, requires: [scorecards] }
people:
  - { id: alex.kim, name: Alex Kim, email: alex.kim@acme.example, roles: [recruiter] }
  - { id: sam.lee, name: Sam Lee, email: sam.lee@acme.example, roles: [hiring-manager, interviewer] }
  - { id: pat.quinn, name: Pat Quinn, email: pat.quinn@acme.example, roles: [interviewer] }
cadence: { candidate_update_days: 5, feedback_due_hours: 24, decision_days: 10 }
`;

export const ROLE_PATH = 'roles/backend-engineer.md';
export const ROLE = `---
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
  - id: own-ledger
    outcome: Within six months, owns the ledger service end to end, including on-call.
  - id: raise-bar
    outcome: Reviews and improves the team's design documents within the first quarter.
competencies:
  - id: system-design
    name: System design
    rubric:
      1: Describes components but cannot say how they fail or scale.
      2: Produces a workable design once given the constraints; names one or two failure modes.
      3: Asks for the constraints, partitions the problem, and handles failure and idempotency.
      4: Does all of 3 unprompted, estimates capacity, and weighs two designs against each other.
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
    questions:
      - { id: hm-1, competency: collaboration, text: Tell me about a design decision you disagreed with. }
  - id: onsite-design
    stage: onsite
    title: System design
    interviewers: [pat.quinn]
    focus: [system-design]
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

You will own the ledger service with two other engineers and take part in the on-call rotation.

## What success looks like

Within six months you run the ledger end to end and the team relies on your runbooks.

## Selling points

The ledger is the system every other team depends on, so the impact is visible and measurable.
`;

export const PROFILE_PATH = 'candidates/ana-lima/profile.md';
export const PROFILE = `---
kind: candidate
id: ana-lima
name: Ana Lima
pronouns: she/her
role: backend-engineer
stage: onsite
status: active
recruiter: alex.kim
hiring_manager: sam.lee
applied: 2026-11-02
source: { channel: referral, detail: Referred by a former colleague on the Risk team }
contact: { email: ana.lima@mail.example, phone: "+44 7700 900123" }
timezone: Europe/Lisbon
accommodations:
  arrangements: [Captions on video calls]
  details: Partial hearing loss, disclosed on the recruiter screen.
last_contact: 2026-11-20
next_step: { action: Schedule the onsite, owner: alex.kim, due: 2026-11-27 }
fit:
  own-ledger: Ran the billing ledger at her current company for two years, including on-call.
  raise-bar: Rewrote her team's design-review template so that every document lists its failure modes.
---
## Summary

Backend engineer with six years on payment systems; she owns a billing ledger written in Go.

## Strengths

- Handles failure first: she asked about write volume and consistency before drawing anything.

## Growth areas

- Capacity estimates came only when prompted.

## Interview preferences

Captions are switched on for every video call; she prefers interviews between 10:00 and 16:00.
`;

export const MEMO_PATH = 'candidates/ana-lima/memo.md';
export const MEMO = `---
kind: memo
candidate: ana-lima
author: alex.kim
date: 2026-11-18
communication_style: Direct; prefers short e-mails to calls.
motivations: [Ownership of a service end to end]
concerns:
  - { topic: Relocation timing, status: open, owner: sam.lee }
stakeholders:
  - { person: sam.lee, interview: hm-screen, role: Hiring manager; scope and team }
  - { person: pat.quinn, interview: onsite-design, role: Depth in distributed design }
already_asked: [notice period, salary expectations]
---
## Context

Ana has owned the billing ledger at her current company for two years.

## What matters to the candidate

She wants to own a service end to end and asked how the on-call rotation is paid.

## Cautions

Captions add a short delay on video calls; a pause while she reads a question is part of the format.
`;

export const HM_FEEDBACK_PATH = 'candidates/ana-lima/feedback/hm-screen--sam.lee.md';
export const HM_FEEDBACK = `---
kind: feedback
candidate: ana-lima
interview: hm-screen
interviewer: sam.lee
interviewed: 2026-11-19
submitted: 2026-11-19T15:10:00Z
ratings: { collaboration: 3 }
recommendation: yes
---
## Evidence

- Disagreement (hm-1): she wrote a load test for both locking approaches, shared the results, and set an alert afterwards.

## For the candidate

You explained the locking disagreement with the evidence you gathered and the follow-up you set up.

## Internal notes
`;

export const DESIGN_FEEDBACK_PATH = 'candidates/ana-lima/feedback/onsite-design--pat.quinn.md';
export const DESIGN_FEEDBACK = `---
kind: feedback
candidate: ana-lima
interview: onsite-design
interviewer: pat.quinn
interviewed: 2026-11-24
submitted: 2026-11-24T17:30:00Z
ratings: { system-design: 3 }
recommendation: yes
---
## Evidence

- Two-region ledger (sd-1): asked for write volume and consistency needs, then partitioned accounts by home region.

## For the candidate

You started by asking about volume and consistency needs, which kept the design easy to reason about.

## Internal notes

Rated 3: capacity needed a prompt, which the 4 anchor does not allow.
`;

export const SURVEY_PATH = 'candidates/ana-lima/surveys/2026-11-25.md';
export const SURVEY = `---
kind: survey
candidate: ana-lima
stage: onsite
date: 2026-11-25
score: 4
---
The interviewers knew my background and did not repeat questions.
`;

export const CONFIG_PATH = 'handoff.config.yaml';

/** The clean repository: every rule finds nothing in it on NOW. */
export const BASE: Readonly<Record<string, string>> = {
  [CONFIG_PATH]: CONFIG,
  [ROLE_PATH]: ROLE,
  [PROFILE_PATH]: PROFILE,
  [MEMO_PATH]: MEMO,
  [HM_FEEDBACK_PATH]: HM_FEEDBACK,
  [DESIGN_FEEDBACK_PATH]: DESIGN_FEEDBACK,
  [SURVEY_PATH]: SURVEY,
};

/** Replaces text that must be there: a fixture edit that silently did nothing would make a test lie. */
export function edit(text: string, from: string | RegExp, to: string): string {
  const changed = text.replace(from, to);
  if (changed === text) throw new Error(`fixture edit found nothing to replace: ${String(from)}`);
  return changed;
}

/** The 1-based line and column of the `nth` occurrence of `needle` in a text. */
export function at(text: string, needle: string, nth = 0): { line: number; column: number } {
  let index = -1;
  for (let count = 0; count <= nth; count++) {
    index = text.indexOf(needle, index + 1);
    if (index === -1) throw new Error(`"${needle}" occurs fewer than ${nth + 1} times`);
  }
  const before = text.slice(0, index);
  const line = before.split('\n').length;
  return { line, column: index - before.lastIndexOf('\n') };
}

/** The files of the base repository with some replaced (a string) or removed (null). */
export function filesWith(changes: Record<string, string | null> = {}): Record<string, string> {
  const files: Record<string, string> = { ...BASE };
  for (const [path, text] of Object.entries(changes)) {
    if (text === null) delete files[path];
    else files[path] = text;
  }
  return files;
}

export function workspaceOf(files: Record<string, string>): Workspace {
  const parsed = parseConfig(files[CONFIG_PATH] ?? CONFIG);
  if (!parsed.config)
    throw new Error(`fixture config is invalid: ${parsed.diagnostics.map((d) => d.message).join('; ')}`);
  const documents = Object.entries(files)
    .filter(([path]) => path !== CONFIG_PATH)
    .map(([path, text]) => loadDocument({ path, text }))
    .filter((document): document is Loaded<unknown> => document !== undefined);
  return buildWorkspace(parsed.config, documents);
}

export interface Finding {
  file: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  message: string;
}

/** Runs one rule the way the engine does (reports only on the judged documents). */
export function runRule(
  rule: Rule,
  files: Record<string, string>,
  options: { now?: string; judge?: string[] } = {},
): Finding[] {
  const workspace = workspaceOf(files);
  const documents = options.judge
    ? workspace.documents.filter((document) => options.judge!.includes(document.path))
    : workspace.documents;
  const judgedPaths = new Set(documents.map((document) => document.path));
  const findings: Finding[] = [];
  rule.check({
    workspace,
    config: workspace.config,
    now: options.now ?? NOW,
    documents,
    report(document, position, message) {
      if (!judgedPaths.has(document.path)) return;
      findings.push({ file: document.path, ...position, message });
    },
  });
  return findings.sort((a, b) =>
    a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column,
  );
}

export type { Diagnostic };
