import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { SimpleGit } from 'simple-git';
import { HandoffError } from '../errors.js';

/** The environment git runs with: the caller's (so that in-process runs and tests can set identity). */
export type GitEnv = NodeJS.ProcessEnv;

/**
 * simple-git refuses to run when the environment sets an editor, pager, askpass helper, config path
 * and the like, to protect programs that pass untrusted arguments to git. Handoff passes only fixed
 * arguments, paths after `--` and messages it builds itself, and the environment is the user's own
 * (EDITOR or VS Code's GIT_ASKPASS are common), so those checks would only refuse ordinary setups.
 */
const trustedEnvironment = {
  allowUnsafeAlias: true,
  allowUnsafeAskPass: true,
  allowUnsafeConfigEnvCount: true,
  allowUnsafeConfigPaths: true,
  allowUnsafeCredentialHelper: true,
  allowUnsafeEditor: true,
  allowUnsafeGitProxy: true,
  allowUnsafeGpgProgram: true,
  allowUnsafeHooksPath: true,
  allowUnsafePager: true,
  allowUnsafeSshCommand: true,
  allowUnsafeTemplateDir: true,
  allowUnsafeFsMonitor: true,
  allowUnsafeDiffExternal: true,
  allowUnsafeDiffTextConv: true,
  allowUnsafeFilter: true,
  allowUnsafeMergeDriver: true,
};

/** A simple-git client for a folder, with non-ASCII paths printed as they are. */
export async function openGit(dir: string, env: GitEnv): Promise<SimpleGit> {
  const { simpleGit } = await import('simple-git');
  const clean = Object.fromEntries(
    Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
  return simpleGit({
    baseDir: dir,
    config: ['core.quotePath=false'],
    unsafe: trustedEnvironment,
  }).env(clean);
}

/** Whether the folder is inside a Git work tree. */
export async function isRepository(dir: string, env: GitEnv): Promise<boolean> {
  try {
    const git = await openGit(dir, env);
    return (await git.raw(['rev-parse', '--is-inside-work-tree'])).trim() === 'true';
  } catch {
    return false;
  }
}

/** Creates a Git repository in the folder (`git init`). */
export async function initRepository(dir: string, env: GitEnv): Promise<void> {
  await (await openGit(dir, env)).init();
}

/** Whether the index holds unmerged entries (a merge, rebase or cherry-pick stopped on conflicts). */
export async function hasConflicts(dir: string, env: GitEnv): Promise<boolean> {
  const git = await openGit(dir, env);
  return (await git.raw(['ls-files', '--unmerged'])).trim() !== '';
}

/** Whether a merge is under way: git then allows only a full commit, never one of some paths. */
export async function mergeInProgress(dir: string, env: GitEnv): Promise<boolean> {
  const git = await openGit(dir, env);
  const mergeHead = (await git.raw(['rev-parse', '--git-path', 'MERGE_HEAD'])).trim();
  return existsSync(resolve(dir, mergeHead));
}

/** Whether a tracked path has changes that are not committed (staged or not). */
export async function hasUncommittedChanges(dir: string, path: string, env: GitEnv): Promise<boolean> {
  const git = await openGit(dir, env);
  return (await git.raw(['status', '--porcelain', '--', path])).trim() !== '';
}

export interface Commit {
  hash: string;
}

/**
 * Commits exactly `paths` (relative to `dir`) with a message and trailers, leaving anything else the
 * user has staged staged and uncommitted (`git commit --only`).
 */
export async function commitFiles(
  dir: string,
  paths: string[],
  message: string,
  trailers: Record<string, string>,
  env: GitEnv,
): Promise<Commit> {
  const git = await openGit(dir, env);
  const trailerBlock = Object.entries(trailers)
    .map(([key, value]) => `${key}: ${value}`)
    .join('\n');
  const fullMessage = trailerBlock ? `${message}\n\n${trailerBlock}\n` : `${message}\n`;
  try {
    await git.raw(['add', '--', ...paths]);
    await git.raw(['commit', '--only', '--quiet', '-m', fullMessage, '--', ...paths]);
    const hash = (await git.raw(['rev-parse', 'HEAD'])).trim();
    return { hash };
  } catch (error) {
    throw new HandoffError('git-failed', `git could not commit ${paths.join(', ')}: ${firstLine(error)}`);
  }
}

function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return (
    text
      .split('\n')
      .map((line) => line.trim())
      .find((line) => line !== '') ?? 'unknown error'
  );
}
