import { execFile } from 'node:child_process';
import { CANDIDATES_DIR, CONFIG_FILE, ROLES_DIR } from '../core/layout.js';
import { HandoffError } from '../errors.js';

interface GitOutput {
  code: number;
  stdout: string;
  stderr: string;
}

function runGit(cwd: string, env: NodeJS.ProcessEnv, args: string[]): Promise<GitOutput> {
  return new Promise((resolve) => {
    execFile(
      'git',
      ['-c', 'core.quotePath=false', ...args],
      {
        cwd,
        env: { ...process.env, ...env, GIT_TERMINAL_PROMPT: '0' },
        maxBuffer: 1 << 30,
        encoding: 'utf8',
      },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

function nulSeparated(text: string): string[] {
  return text.split('\0').filter((path) => path !== '');
}

/**
 * The paths (relative to `root`, forward slashes) changed since `ref`: what differs between `ref` and
 * the working tree (committed, staged or not) plus untracked files, as a pull request would show them.
 * Deleted paths are included; the caller keeps those that still exist.
 */
export async function changedPathsSince(
  root: string,
  ref: string,
  env: NodeJS.ProcessEnv = {},
): Promise<string[]> {
  if (ref.startsWith('-') || ref.trim() === '' || ref.includes('\0')) {
    throw new HandoffError('usage', `--changed "${ref}" is not a Git ref`, {
      fix: 'Pass a branch, tag or commit, like --changed origin/main.',
    });
  }
  // --relative keeps paths relative to the handoff repository when it is a folder of a larger checkout.
  // Only the layout's paths: git then neither compares nor scans anything else in the checkout.
  const layout = [CONFIG_FILE, ROLES_DIR, CANDIDATES_DIR];
  const [diff, untracked] = await Promise.all([
    runGit(root, env, ['diff', '--name-only', '--no-renames', '--relative', '-z', ref, '--', ...layout]),
    runGit(root, env, ['ls-files', '--others', '--exclude-standard', '-z', '--', ...layout]),
  ]);
  if (diff.code !== 0) throw await diffFailure(root, env, ref, diff);
  if (untracked.code !== 0) throw gitFailed('git ls-files', untracked);
  return [...new Set([...nulSeparated(diff.stdout), ...nulSeparated(untracked.stdout)])].sort();
}

async function diffFailure(
  root: string,
  env: NodeJS.ProcessEnv,
  ref: string,
  diff: GitOutput,
): Promise<HandoffError> {
  const inside = await runGit(root, env, ['rev-parse', '--is-inside-work-tree']);
  if (inside.code !== 0 || inside.stdout.trim() !== 'true') {
    return new HandoffError(
      'usage',
      '--changed needs a Git repository, and this handoff repository is not in one',
      {
        fix: 'Run "git init" and commit, or lint everything by leaving out --changed.',
      },
    );
  }
  const known = await runGit(root, env, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]);
  if (known.code === 0) return gitFailed('git diff', diff);
  const shallow = await runGit(root, env, ['rev-parse', '--is-shallow-repository']);
  if (shallow.stdout.trim() === 'true') {
    return new HandoffError(
      'usage',
      `--changed ${ref}: "${ref}" is not in this clone, which is shallow (it holds only the latest commits)`,
      {
        fix: 'Fetch the history first: in GitHub Actions set "fetch-depth: 0" on actions/checkout, or run "git fetch --unshallow origin".',
      },
    );
  }
  return new HandoffError(
    'usage',
    `--changed ${ref}: there is no branch, tag or commit "${ref}" in this repository`,
    {
      fix: 'Check the name with "git branch -a"; for a pull request pass its base, like --changed origin/main (fetch it first when it is missing).',
    },
  );
}

function gitFailed(what: string, output: GitOutput): HandoffError {
  const reason = output.stderr.split('\n').find((line) => line.trim() !== '') ?? `exit code ${output.code}`;
  return new HandoffError('git-failed', `${what} failed: ${reason.replace(/^fatal: /, '')}`, {
    fix: 'Check that git works in this folder ("git status"), then run again.',
  });
}
