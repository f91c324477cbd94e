import type { Candidate } from '../../schemas/candidate.js';
import { matchCandidate } from '../core/briefing/lookup.js';
import { isDate } from '../core/dates.js';
import type { Diagnostic } from '../core/diagnostics.js';
import { checkGate, type MissingRequirement } from '../core/gates.js';
import { paths } from '../core/layout.js';
import { editFrontMatter } from '../core/profile-edit.js';
import { didYouMean } from '../core/suggest.js';
import type { Loaded, Workspace } from '../core/workspace.js';
import { HandoffError, isHandoffError } from '../errors.js';
import { writeRepoFile } from '../io/files.js';
import { commitFiles, mergeInProgress } from '../io/git.js';
import { isTracked, pathStatus, readRepositoryState, stagePath, unstagePath } from '../io/git-history.js';
import { listCandidateDocumentPaths, listCandidateIds } from '../io/listing.js';
import { loadWorkspace, openRepository, type Repository } from '../io/repository.js';
import type { CommandContext } from './context.js';

type Status = Candidate['status'];

interface AdvanceOptions {
  status?: Status;
  force?: string;
  contacted?: string | boolean;
  date?: string;
  /** commander's --no-commit: false when given. */
  commit?: boolean;
}

/** What the move changes: the target stage and status, and the trailers that record it. */
interface Move {
  candidate: string;
  fromStage: string;
  toStage: string;
  fromStatus: Status;
  toStatus: Status;
  backwards: boolean;
}

const CONFLICT_CODES = new Set(['DD', 'AU', 'UD', 'UA', 'DU', 'AA', 'UU']);

export async function advanceCommand(
  context: CommandContext,
  query: string,
  stage: string | undefined,
  options: AdvanceOptions,
): Promise<number> {
  const { io } = context;
  const commit = options.commit !== false;
  const today = localDate(new Date());
  const contacted =
    typeof options.contacted === 'string'
      ? options.contacted
      : options.contacted === true
        ? (options.date ?? today)
        : undefined;
  checkOptions(stage, options, contacted);

  const repository = openRepository(io.cwd, context.repo);
  const { root } = repository;
  if (stage !== undefined)
    refuseUnknownStage(
      repository.config.stages.map((entry) => entry.id),
      stage,
    );
  const env = { ...process.env, ...io.env };
  const git = await readRepositoryState(root, env);
  const nothingChanged = 'Nothing was changed.';
  if (!git.inside) {
    throw new HandoffError(
      'not-a-git-repo',
      `handoff advance records each move in Git, and ${root} is not in a Git repository`,
      {
        fix: `${nothingChanged} Run "git init" and commit the handoff documents, then run this again.`,
      },
    );
  }
  if (!git.head) {
    throw new HandoffError(
      'git-state',
      'this repository has no commits yet, so there is no committed profile to move',
      {
        fix: `${nothingChanged} Commit the handoff documents first ("git add -A" and "git commit").`,
      },
    );
  }
  if (commit && git.detached) {
    throw new HandoffError(
      'git-state',
      'HEAD is detached (no branch is checked out), so the commit would belong to no branch',
      {
        fix: `${nothingChanged} Switch to a branch first ("git switch -c <name>"), or pass --no-commit to only stage the change.`,
      },
    );
  }
  if (commit && (await mergeInProgress(root, env))) {
    throw new HandoffError(
      'git-state',
      'a merge is in progress, and Git commits only all of a merge at once',
      {
        fix: `${nothingChanged} Finish the merge (git commit) or abort it (git merge --abort), then run this again.`,
      },
    );
  }

  const id = resolveCandidate(repository, query);
  const profilePath = paths.profile(id);
  await refuseUncommittedProfile(root, env, profilePath);

  const workspace = loadCandidateWorkspace(repository, id);
  const folder = workspace.candidates.get(id)!;
  const profile = folder.profile as Loaded<Candidate>;
  if (!profile.value) throw unreadableProfile(profilePath, profile.diagnostics);

  const move = planMove(workspace, profile.value, stage, options);
  const missing = move.toStage !== move.fromStage ? checkGate(workspace, folder, move.toStage) : [];
  if (missing.length > 0 && options.force === undefined) {
    throw new HandoffError('gate-refused', `${id} cannot move to ${move.toStage} yet: its gate is not met`, {
      file: profilePath,
      details: missing.flatMap((item) => [`- ${item.message}`, `  ${item.fix}`]),
      fix: `${nothingChanged} Meet the requirements above, or pass --force "<reason>" to move anyway (the reason is recorded in the commit).`,
    });
  }

  const values: Record<string, string> = {};
  if (move.toStage !== move.fromStage) values.stage = move.toStage;
  if (move.toStatus !== move.fromStatus) values.status = move.toStatus;
  if (contacted !== undefined) values.last_contact = contacted;
  const original = profile.text;
  const edited = editFrontMatter(original, values);
  if (!edited.ok) {
    throw new HandoffError('invalid-document', `${profilePath} could not be edited: ${edited.problem}`, {
      file: profilePath,
      fix: `${nothingChanged} Check the file with "handoff lint ${profilePath}".`,
    });
  }

  const message = commitMessage(move);
  const trailers = commitTrailers(move, options);
  writeRepoFile(root, profilePath, edited.text, { force: true });
  let hash: string | undefined;
  try {
    if (commit) hash = (await commitFiles(root, [profilePath], message, trailers, env)).hash;
    else await stagePath(root, env, profilePath);
  } catch (error) {
    // Put the profile (and its index entry, which matched HEAD before) back as they were.
    writeRepoFile(root, profilePath, original, { force: true });
    await unstagePath(root, env, profilePath);
    const reason = isHandoffError(error) ? error.message : String(error);
    throw new HandoffError('git-failed', reason, {
      file: profilePath,
      fix: `${profilePath} was restored, so the working tree is as it was. Fix the problem above (git status shows the state), then run this again.`,
    });
  }

  report(context, move, missing, options, { hash, message, trailers, profilePath });
  return 0;
}

function checkOptions(
  stage: string | undefined,
  options: AdvanceOptions,
  contacted: string | undefined,
): void {
  if (stage === undefined && options.status === undefined) {
    throw new HandoffError('usage', 'say where the candidate moves: a stage, or --status for an outcome', {
      fix: 'For example: handoff advance ana-lima onsite, or handoff advance ana-lima --status hired.',
    });
  }
  if (options.date !== undefined && !isDate(options.date)) {
    throw new HandoffError('usage', `--date "${options.date}" is not a date written as YYYY-MM-DD`, {
      fix: 'Pass the day the move happened, like --date 2026-11-20.',
    });
  }
  if (contacted !== undefined && !isDate(contacted)) {
    throw new HandoffError('usage', `--contacted "${contacted}" is not a date written as YYYY-MM-DD`, {
      fix: 'Pass the day the candidate heard from you, like --contacted 2026-11-20, or --contacted alone for today.',
    });
  }
  if (options.force !== undefined && options.force.trim() === '') {
    throw new HandoffError('usage', '--force needs a reason, which is recorded in the commit', {
      fix: 'For example: --force "hiring manager waived the memo for an internal transfer".',
    });
  }
}

/** An exact folder id, else the one candidate whose name contains what was typed. */
function resolveCandidate(repository: Repository, query: string): string {
  const ids = listCandidateIds(repository.root);
  if (ids.includes(query)) return query;
  const profiles = loadWorkspace(
    repository,
    ids.map((id) => paths.profile(id)),
  );
  const entries = ids.map((id) => {
    const profile = profiles.candidates.get(id)?.profile;
    const name = profile?.value?.name ?? profile?.data?.name;
    return { id, name: typeof name === 'string' ? name : undefined };
  });
  return matchCandidate(query, entries);
}

/** Refuses a profile with conflicts, uncommitted changes, or not in Git: the commit must hold only the move. */
async function refuseUncommittedProfile(root: string, env: NodeJS.ProcessEnv, path: string): Promise<void> {
  const status = await pathStatus(root, env, path);
  const nothingChanged = 'Nothing was changed.';
  if (status && CONFLICT_CODES.has(status.code)) {
    throw new HandoffError('git-state', `${path} has unresolved conflicts`, {
      file: path,
      fix: `${nothingChanged} Resolve them (keep the right stage and status), "git add ${path}", commit, then run this again.`,
    });
  }
  if (status?.code === '??' || !(await isTracked(root, env, path))) {
    throw new HandoffError('git-state', `${path} is not committed yet`, {
      file: path,
      fix: `${nothingChanged} Commit the new candidate first (handoff new candidate --commit does it), then run this again.`,
    });
  }
  if (status) {
    throw new HandoffError('git-state', `${path} has changes that are not committed`, {
      file: path,
      fix: `${nothingChanged} Commit or undo them first ("git diff ${path}" shows them), so that the move is a commit of its own.`,
    });
  }
}

/** The candidate's folder and role, without reading the rest of the repository. */
function loadCandidateWorkspace(repository: Repository, id: string): Workspace {
  const candidatePaths = listCandidateDocumentPaths(repository.root, id);
  const profile = loadWorkspace(repository, [paths.profile(id)]).candidates.get(id)?.profile;
  const roleId = profile?.value?.role;
  return loadWorkspace(repository, roleId ? [...candidatePaths, paths.role(roleId)] : candidatePaths);
}

function unreadableProfile(path: string, diagnostics: Diagnostic[]): HandoffError {
  const shown = diagnostics.slice(0, 10).map((d) => `${d.file}:${d.line}:${d.column}  ${d.message}`);
  if (diagnostics.length > shown.length) shown.push(`... and ${diagnostics.length - shown.length} more`);
  return new HandoffError('invalid-document', `${path} could not be read, so the candidate was not moved`, {
    details: shown,
    fix: `Fix it ("handoff lint ${path}" lists every problem), then run this again.`,
  });
}

function planMove(
  workspace: Workspace,
  profile: Candidate,
  stage: string | undefined,
  options: AdvanceOptions,
): Move {
  const { id } = profile;
  const toStage = stage ?? profile.stage;
  const toStatus = options.status ?? profile.status;
  const fromOrder = workspace.stageOrder.get(profile.stage);
  const toOrder = workspace.stageOrder.get(toStage);
  const move: Move = {
    candidate: id,
    fromStage: profile.stage,
    toStage,
    fromStatus: profile.status,
    toStatus,
    backwards: fromOrder !== undefined && toOrder !== undefined && toOrder < fromOrder,
  };
  const refuse = (message: string, fix: string) => {
    if (options.force === undefined)
      throw new HandoffError('gate-refused', message, { fix: `Nothing was changed. ${fix}` });
  };
  if (toStage === profile.stage && toStatus === profile.status) {
    throw new HandoffError(
      'gate-refused',
      stage === undefined ? `${id} is already ${toStatus}` : `${id} is already at ${toStage} (${toStatus})`,
      { fix: 'Nothing was changed.' },
    );
  }
  if (move.backwards) {
    refuse(
      `${id} is at ${profile.stage}, and ${toStage} comes before it: moving back is refused`,
      'Pass --force "<reason>" to move back anyway (the reason is recorded in the commit).',
    );
  }
  if (toStage !== profile.stage && toStatus !== 'active') {
    refuse(
      `${id} is ${toStatus}, and only an active candidate moves between stages`,
      'Pass --status active as well to re-open the candidate, or --force "<reason>".',
    );
  }
  return move;
}

/** Never forced: an unknown stage is a typo, and the profile would stop validating. */
function refuseUnknownStage(stageIds: string[], stage: string): void {
  if (stageIds.includes(stage)) return;
  throw new HandoffError('usage', `there is no stage "${stage}"${didYouMean(stage, stageIds)}`, {
    details: [`Stages: ${stageIds.join(', ')}`],
    fix: 'Nothing was changed. Give one of the stages above (handoff.config.yaml lists them).',
  });
}

function commitMessage(move: Move): string {
  const stageMoved = move.toStage !== move.fromStage;
  const statusChanged = move.toStatus !== move.fromStatus;
  const stagePart = move.backwards
    ? `Move ${move.candidate} back to ${move.toStage}`
    : `Advance ${move.candidate} to ${move.toStage}`;
  if (stageMoved && statusChanged) return `${stagePart} and mark ${move.toStatus}`;
  if (stageMoved) return stagePart;
  return `Mark ${move.candidate} ${move.toStatus}`;
}

function commitTrailers(move: Move, options: AdvanceOptions): Record<string, string> {
  const trailers: Record<string, string> = {
    'Handoff-Event': 'advance',
    'Handoff-Candidate': move.candidate,
    'Handoff-From': move.fromStage,
    'Handoff-Stage': move.toStage,
  };
  if (move.toStatus !== move.fromStatus) trailers['Handoff-Status'] = move.toStatus;
  if (options.date !== undefined) trailers['Handoff-Date'] = options.date;
  if (options.force !== undefined) trailers['Handoff-Override'] = options.force.replace(/\s+/g, ' ').trim();
  return trailers;
}

function report(
  context: CommandContext,
  move: Move,
  missing: MissingRequirement[],
  options: AdvanceOptions,
  done: { hash: string | undefined; message: string; trailers: Record<string, string>; profilePath: string },
): void {
  const { stdout, stderr } = context.io;
  const what = [
    move.toStage !== move.fromStage ? `${move.fromStage} → ${move.toStage}` : undefined,
    move.toStatus !== move.fromStatus ? `${move.fromStatus} → ${move.toStatus}` : undefined,
  ]
    .filter(Boolean)
    .join(', ');
  if (missing.length > 0) {
    stderr.write(
      `handoff: the gate of ${move.toStage} is not met; moving anyway as forced ("${options.force}"):\n`,
    );
    for (const item of missing) stderr.write(`  - ${item.message}\n`);
  }
  if (done.hash) {
    stdout.write(`${move.candidate}: ${what}\ncommitted ${done.hash.slice(0, 7)} ${done.message}\n`);
    return;
  }
  stdout.write(`${move.candidate}: ${what}\nstaged ${done.profilePath} (not committed)\n`);
  stdout.write('Commit it with this message, so that "handoff log" reads the move from its trailers:\n\n');
  stdout.write(`  ${done.message}\n\n`);
  for (const [key, value] of Object.entries(done.trailers)) stdout.write(`  ${key}: ${value}\n`);
}

function localDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
