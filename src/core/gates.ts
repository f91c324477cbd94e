/**
 * Stage gates: what must exist before a candidate may be at a stage. Shared by the stage-gate lint
 * rule, `handoff advance` (refuses a move whose gate is not met) and `handoff status`.
 */
import type { GateRequirement } from '../../schemas/common.js';
import type { Role } from '../../schemas/role.js';
import { paths as layoutPaths } from './layout.js';
import { hasContent } from './prose.js';
import { findSection, type Section } from './sections.js';
import { sectionSpecs } from './sections-spec.js';
import type { CandidateFolder, Workspace } from './workspace.js';

export interface MissingRequirement {
  requirement: GateRequirement;
  /** What is missing, naming documents and ids only (never personal data). */
  message: string;
  /** How to meet the requirement. */
  fix: string;
  /**
   * The missing pieces: section headings for memo/profile, expectation ids for fit,
   * `<interview-id>--<person-id>` for scorecards.
   */
  items: string[];
}

/** The stages from which each requirement applies when a stage does not list its own `requires`. */
const DEFAULT_FROM: ReadonlyArray<[stageId: string, requirements: GateRequirement[]]> = [
  ['hiring-manager-screen', ['memo', 'profile']],
  ['onsite', ['fit']],
  ['offer', ['scorecards']],
];

/**
 * What a stage requires: its configured `requires` when present (an empty list means nothing);
 * otherwise the defaults for the stage's place in the pipeline: a memo and a complete profile from
 * the hiring-manager screen on, fit from the onsite on, earlier scorecards from the offer on.
 */
export function stageRequirements(workspace: Workspace, stageId: string): GateRequirement[] {
  const stage = workspace.stages.find((candidate) => candidate.id === stageId);
  if (!stage) return [];
  if (stage.requires) return [...new Set(stage.requires)];
  const order = workspace.stageOrder.get(stageId)!;
  const required: GateRequirement[] = [];
  for (const [from, requirements] of DEFAULT_FROM) {
    const fromOrder = workspace.stageOrder.get(from);
    if (fromOrder !== undefined && order >= fromOrder) required.push(...requirements);
  }
  return required;
}

/** The required sections of a document that have no content yet (missing, empty or only placeholders). */
export function unfilledSections(document: {
  kind: keyof typeof sectionSpecs;
  sections: Section[];
}): string[] {
  return sectionSpecs[document.kind]
    .filter((spec) => !spec.mayBeEmpty)
    .filter((spec) => {
      const section = findSection(document.sections, spec.heading);
      return !section || !hasContent(section.content);
    })
    .map((spec) => spec.heading);
}

/**
 * Checks the gate of `stageId` for a candidate: every requirement of the stage that is not met, in
 * the order memo, profile, fit, scorecards. An empty list means the candidate may be at the stage.
 */
export function checkGate(
  workspace: Workspace,
  folder: CandidateFolder,
  stageId: string,
): MissingRequirement[] {
  const required = new Set(stageRequirements(workspace, stageId));
  const missing: MissingRequirement[] = [];
  if (required.has('memo')) missing.push(...checkMemo(folder));
  if (required.has('profile')) missing.push(...checkProfile(folder));
  const roleId = folder.profile?.value?.role;
  const role = roleId ? workspace.roles.get(roleId)?.value : undefined;
  const order = workspace.stageOrder.get(stageId) ?? 0;
  if (required.has('fit')) missing.push(...checkFit(folder, role, roleId, workspace, order));
  if (required.has('scorecards')) missing.push(...checkScorecards(folder, role, roleId, workspace, order));
  return missing;
}

function checkMemo(folder: CandidateFolder): MissingRequirement[] {
  const path = layoutPaths.memo(folder.id);
  if (!folder.memo) {
    return [
      {
        requirement: 'memo',
        message: `there is no context memo (${path})`,
        fix: `write it with "handoff new memo --candidate ${folder.id}"`,
        items: [],
      },
    ];
  }
  const empty = unfilledSections(folder.memo);
  if (empty.length === 0) return [];
  return [
    {
      requirement: 'memo',
      message: `the context memo has sections without content: ${empty.map((heading) => `## ${heading}`).join(', ')}`,
      fix: `fill them in ${path}`,
      items: empty,
    },
  ];
}

function checkProfile(folder: CandidateFolder): MissingRequirement[] {
  const path = layoutPaths.profile(folder.id);
  if (!folder.profile) {
    return [
      {
        requirement: 'profile',
        message: `there is no profile (${path})`,
        fix: `write it with "handoff new candidate"`,
        items: [],
      },
    ];
  }
  const empty = unfilledSections(folder.profile);
  if (empty.length === 0) return [];
  return [
    {
      requirement: 'profile',
      message: `the profile has sections without content: ${empty.map((heading) => `## ${heading}`).join(', ')}`,
      fix: `fill them in ${path}`,
      items: empty,
    },
  ];
}

function unknownRole(requirement: GateRequirement, roleId: string | undefined): MissingRequirement[] {
  return [
    {
      requirement,
      message: roleId
        ? `the role "${roleId}" does not exist, so ${requirement} cannot be checked`
        : `the profile names no valid role`,
      fix: 'fix the role in the profile',
      items: [],
    },
  ];
}

/**
 * An expectation is covered when `fit` holds evidence for it, or when an interview at this stage or
 * later probes it: the interview's focus, or one of its questions, names the expectation's id (give an
 * expectation and the competency that assesses it the same id to link them).
 */
function checkFit(
  folder: CandidateFolder,
  role: Role | undefined,
  roleId: string | undefined,
  workspace: Workspace,
  order: number,
): MissingRequirement[] {
  if (!role) return unknownRole('fit', roleId);
  const fit = folder.profile?.value?.fit ?? {};
  const probed = new Set<string>();
  for (const interview of role.loop) {
    const stageOrder = workspace.stageOrder.get(interview.stage);
    if (stageOrder === undefined || stageOrder < order) continue;
    for (const id of interview.focus) probed.add(id);
    for (const question of interview.questions) probed.add(question.competency);
  }
  const uncovered = role.expectations
    .map((expectation) => expectation.id)
    .filter((id) => !(typeof fit[id] === 'string' && hasContent(fit[id]!)) && !probed.has(id));
  if (uncovered.length === 0) return [];
  return [
    {
      requirement: 'fit',
      message: `no evidence in fit and no interview still to come that probes: ${uncovered.join(', ')}`,
      fix: `add the evidence seen so far under fit in ${layoutPaths.profile(folder.id)}, or plan an interview that probes each`,
      items: uncovered,
    },
  ];
}

/** Every interview of the stages before this one needs a scorecard from each of its interviewers. */
function checkScorecards(
  folder: CandidateFolder,
  role: Role | undefined,
  roleId: string | undefined,
  workspace: Workspace,
  order: number,
): MissingRequirement[] {
  if (!role) return unknownRole('scorecards', roleId);
  const written = new Set(
    folder.feedback.map((feedback) => `${feedback.location.interviewId}--${feedback.location.personId}`),
  );
  const absent: string[] = [];
  for (const interview of role.loop) {
    const stageOrder = workspace.stageOrder.get(interview.stage);
    if (stageOrder === undefined || stageOrder >= order) continue;
    for (const interviewer of interview.interviewers) {
      const key = `${interview.id}--${interviewer}`;
      if (!written.has(key)) absent.push(key);
    }
  }
  if (absent.length === 0) return [];
  const described = absent.map((key) => key.replace('--', ' by '));
  return [
    {
      requirement: 'scorecards',
      message: `scorecards are missing for earlier interviews: ${described.join(', ')}`,
      fix: `each interviewer writes theirs with "handoff new feedback --candidate ${folder.id} --interview <interview-id>"`,
      items: absent,
    },
  ];
}
