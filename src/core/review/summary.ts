/**
 * What a pull request changes in handoff terms: candidates added, stage and status moves with their
 * gate at the head, documents added or changed per candidate, roles whose rubric, loop, compensation
 * or expectations changed (and the active candidates that affects), lint findings in the changed
 * documents, and a short checklist for the reviewer drawn from each role's handoff checklist.
 * Pure: the command reads git and the files and hands everything over.
 */
import type { Candidate } from '../../../schemas/candidate.js';
import type { Role } from '../../../schemas/role.js';
import { roleDifferences } from '../audit/events.js';
import { type DocumentVersion, textField } from '../audit/fields.js';
import type { FileChange } from '../audit/git-log.js';
import { addDays } from '../dates.js';
import type { Diagnostic } from '../diagnostics.js';
import { checkGate, stageRequirements } from '../gates.js';
import { CONFIG_FILE, locateDocument } from '../layout.js';
import type { CandidateFolder, Workspace } from '../workspace.js';

export interface RefInfo {
  ref: string;
  commit: string;
}

export interface ProfileSummary {
  id: string;
  role: string | undefined;
  stage: string | undefined;
  status: string | undefined;
}

export interface ReviewInput {
  base: RefInfo;
  head: RefInfo;
  /** The changes from the merge base to the head (layout documents and the config). */
  changes: readonly FileChange[];
  /** Versions of the changed profiles and roles, by blob id, on both sides. */
  versions: { get(blob: string | undefined): DocumentVersion | undefined };
  /** The head's documents: the changed candidates' folders and every role. */
  workspace: Workspace;
  /** Every profile at the head, when a role change may affect candidates (else undefined). */
  profiles: readonly ProfileSummary[] | undefined;
  /** Lint findings in the changed documents at the head. */
  findings: readonly Diagnostic[];
}

export interface GateStatus {
  stage: string;
  met: boolean;
  missing: { requirement: string; message: string }[];
}

export interface CandidateAdded {
  id: string;
  name: string | undefined;
  role: string | undefined;
  stage: string | undefined;
  status: string | undefined;
  gate: GateStatus | undefined;
}

export interface CandidateMove {
  id: string;
  stage?: { from: string; to: string };
  status?: { from: string; to: string };
  gate: GateStatus | undefined;
}

export type DocumentChangeKind = 'added' | 'changed' | 'removed' | 'renamed';

export interface DocumentChange {
  /** Path inside the candidate folder: profile.md, memo.md, feedback/<interview>--<person>.md. */
  path: string;
  change: DocumentChangeKind;
  previousPath?: string;
}

export interface CandidateDocuments {
  id: string;
  documents: DocumentChange[];
}

export interface RoleChange {
  id: string;
  title: string | undefined;
  change: 'added' | 'changed' | 'removed';
  /** Which parts changed: expectations, rubric, compensation, loop, timeline, communication. */
  parts: string[];
  /** Active candidates for this role at the head, when the change reaches them. */
  affects: string[];
}

export interface ReviewSummary {
  base: RefInfo;
  head: RefInfo;
  configChanged: boolean;
  candidatesAdded: CandidateAdded[];
  moves: CandidateMove[];
  documents: CandidateDocuments[];
  roles: RoleChange[];
  findings: Diagnostic[];
  checklist: string[];
}

/** Role parts whose change reaches the candidates in process. */
const AFFECTING = new Set(['expectations', 'rubric', 'compensation', 'loop']);
const MAX_CHECKLIST = 12;

export function buildReview(input: ReviewInput): ReviewSummary {
  const { workspace } = input;
  const added: CandidateAdded[] = [];
  const moves: CandidateMove[] = [];
  const documents = new Map<string, DocumentChange[]>();
  const roles: RoleChange[] = [];
  let configChanged = false;

  for (const change of input.changes) {
    if (change.path === CONFIG_FILE || change.oldPath === CONFIG_FILE) {
      configChanged = true;
      continue;
    }
    const location = locateDocument(change.path);
    const oldLocation = change.oldPath ? locateDocument(change.oldPath) : undefined;
    const where = location ?? oldLocation;
    if (!where) continue;
    if (where.kind === 'role') {
      roles.push(roleChange(input, change, where.roleId!));
      continue;
    }
    const id = where.candidateId!;
    const kind: DocumentChangeKind =
      change.status === 'A' || change.status === 'C'
        ? 'added'
        : change.status === 'D'
          ? 'removed'
          : change.status === 'R'
            ? 'renamed'
            : 'changed';
    const entry: DocumentChange = { path: insideFolder(change.path), change: kind };
    if (kind === 'renamed' && change.oldPath) entry.previousPath = change.oldPath;
    const list = documents.get(id) ?? [];
    list.push(entry);
    documents.set(id, list);

    if (where.kind !== 'candidate' || kind === 'removed') continue;
    const folder = workspace.candidates.get(id);
    const now = profileState(folder);
    const before = kind === 'added' ? undefined : input.versions.get(change.oldBlob);
    if (kind === 'added' || !before?.readable) {
      added.push({
        id,
        name: textField(folder?.profile?.data ?? {}, 'name'),
        ...now,
        gate: gateAt(workspace, folder, now.stage),
      });
      continue;
    }
    const move: CandidateMove = { id, gate: undefined };
    const fromStage = textField(before.data, 'stage');
    const fromStatus = textField(before.data, 'status');
    if (fromStage && now.stage && fromStage !== now.stage) {
      move.stage = { from: fromStage, to: now.stage };
      move.gate = gateAt(workspace, folder, now.stage);
    }
    if (fromStatus && now.status && fromStatus !== now.status)
      move.status = { from: fromStatus, to: now.status };
    if (move.stage || move.status) moves.push(move);
  }

  for (const role of roles) {
    if (role.change === 'removed' || !role.parts.some((part) => AFFECTING.has(part))) continue;
    role.affects = (input.profiles ?? [])
      .filter((profile) => profile.role === role.id && profile.status === 'active')
      .map((profile) => profile.id)
      .sort();
  }

  const summary: ReviewSummary = {
    base: input.base,
    head: input.head,
    configChanged,
    candidatesAdded: added.sort(byId),
    moves: moves.sort(byId),
    documents: [...documents]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([id, list]) => ({
        id,
        documents: list.sort(
          (a, b) => documentOrder(a.path) - documentOrder(b.path) || (a.path < b.path ? -1 : 1),
        ),
      })),
    roles: roles.sort(byId),
    findings: [...input.findings],
    checklist: [],
  };
  summary.checklist = reviewerChecklist(summary, workspace);
  return summary;
}

function roleChange(input: ReviewInput, change: FileChange, roleId: string): RoleChange {
  const role = input.workspace.roles.get(roleId);
  const title = textField(role?.data ?? {}, 'title');
  if (change.status === 'A' || change.status === 'C')
    return { id: roleId, title, change: 'added', parts: [], affects: [] };
  if (change.status === 'D') return { id: roleId, title, change: 'removed', parts: [], affects: [] };
  const before = input.versions.get(change.oldBlob);
  const after = input.versions.get(change.newBlob);
  const parts = before?.readable && after?.readable ? roleDifferences(before.data, after.data) : [];
  return { id: roleId, title, change: 'changed', parts, affects: [] };
}

function profileState(folder: CandidateFolder | undefined): Omit<ProfileSummary, 'id'> {
  const data = folder?.profile?.data ?? {};
  return {
    role: textField(data, 'role'),
    stage: textField(data, 'stage'),
    status: textField(data, 'status'),
  };
}

/** The gate of a stage at the head; undefined for a stage that requires nothing. */
function gateAt(
  workspace: Workspace,
  folder: CandidateFolder | undefined,
  stage: string | undefined,
): GateStatus | undefined {
  if (
    !folder ||
    !stage ||
    !workspace.stageOrder.has(stage) ||
    stageRequirements(workspace, stage).length === 0
  )
    return undefined;
  const missing = checkGate(workspace, folder, stage).map((item) => ({
    requirement: item.requirement,
    message: item.message,
  }));
  return { stage, met: missing.length === 0, missing };
}

/** A short list for the reviewer, from the handoff checklist of each role the change touches. */
function reviewerChecklist(summary: ReviewSummary, workspace: Workspace): string[] {
  const items: string[] = [];
  const add = (item: string) => {
    if (!items.includes(item)) items.push(item);
  };
  const rolesSeen = new Set<string>();
  const touched = [
    ...summary.candidatesAdded.map((candidate) => ({
      id: candidate.id,
      stage: candidate.stage,
      gate: candidate.gate,
    })),
    ...summary.moves.map((move) => ({ id: move.id, stage: move.stage?.to, gate: move.gate })),
  ];
  for (const { id, stage, gate } of touched) {
    const profile = workspace.candidates.get(id)?.profile?.value as Candidate | undefined;
    const role = profile ? (workspace.roles.get(profile.role)?.value as Role | undefined) : undefined;
    if (gate && !gate.met) {
      add(
        `${id} is at ${gate.stage} without meeting its gate (${gate.missing.map((item) => item.requirement).join(', ')}): the reason is agreed`,
      );
    }
    if (!role || !profile) continue;
    const interviews = stage === undefined ? [] : role.loop.filter((interview) => interview.stage === stage);
    if (interviews.length > 0) {
      const list = interviews.map(
        (interview) => `${interview.title} (${interview.interviewers.join(', ') || 'no interviewer yet'})`,
      );
      add(
        `${id}: the ${stage} interviews are scheduled and each interviewer has a packet ("handoff brief ${id}"): ${list.join('; ')}`,
      );
    }
    const open = role.expectations
      .filter((expectation) => !profile.fit[expectation.id]?.trim())
      .map((expectation) => expectation.id);
    if (open.length > 0)
      add(`${id}: the loop probes the expectations without evidence yet: ${open.join(', ')}`);
    if (role.timeline.length > 0 && profile.status === 'active') {
      const dates = role.timeline.map(
        (milestone) => `${milestone.milestone} by ${addDays(profile.applied, milestone.within_days)}`,
      );
      add(`${id}: on the ${role.id} timeline from ${profile.applied}: ${dates.join(', ')}`);
    }
    if (!rolesSeen.has(role.id)) {
      rolesSeen.add(role.id);
      for (const entry of role.communication)
        add(`The candidate hears about ${entry.topic} from ${entry.owner}, ${entry.when}`);
    }
  }
  for (const role of summary.roles) {
    const affected =
      role.affects.length === 0
        ? ''
        : role.affects.length <= 5
          ? ` (active: ${role.affects.join(', ')})`
          : ` (${role.affects.length} active candidates)`;
    if (role.parts.includes('rubric')) {
      add(
        `${role.id}: every rubric point still describes observable behaviour, and candidates already scored${affected} are judged against the rubric their interviewers saw`,
      );
    }
    if (role.parts.includes('loop'))
      add(`${role.id}: interviewers and packets of active candidates${affected} follow the new loop`);
    if (role.parts.includes('compensation'))
      add(`${role.id}: the hiring manager approved the new compensation boundaries (values not shown here)`);
    if (role.parts.includes('expectations'))
      add(`${role.id}: the fit evidence of active candidates${affected} still matches the expectations`);
  }
  const errors = summary.findings.filter((finding) => finding.severity === 'error').length;
  if (errors > 0) add(`The ${errors} lint error${errors === 1 ? '' : 's'} above are fixed before merging`);
  return items.slice(0, MAX_CHECKLIST);
}

function insideFolder(path: string): string {
  return path.split('/').slice(2).join('/');
}

function documentOrder(path: string): number {
  if (path === 'profile.md') return 0;
  if (path === 'memo.md') return 1;
  if (path.startsWith('feedback/')) return 2;
  return 3;
}

function byId<T extends { id: string }>(a: T, b: T): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
