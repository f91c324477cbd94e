import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach } from 'vitest';
import type { Io } from '../../src/io/io.js';
import { run } from '../../src/main.js';

export const projectRoot = resolve(import.meta.dirname, '../..');
export const exampleRepo = join(projectRoot, 'examples');
export const binary = join(projectRoot, 'bin/handoff.js');

const created: string[] = [];
afterEach(() => {
  for (const dir of created.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A temporary folder removed after the test. */
export function tempDir(prefix = 'handoff-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  created.push(dir);
  return dir;
}

/** Writes files (path -> content) under a folder, creating sub-folders. */
export function writeFiles(root: string, files: Record<string, string>): void {
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
}

export function readFile(root: string, path: string): string {
  return readFileSync(join(root, path), 'utf8');
}

export const gitEnv = {
  GIT_AUTHOR_NAME: 'Alex Kim',
  GIT_AUTHOR_EMAIL: 'alex.kim@acme.example',
  GIT_COMMITTER_NAME: 'Alex Kim',
  GIT_COMMITTER_EMAIL: 'alex.kim@acme.example',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
};

export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, env: { ...process.env, ...gitEnv }, encoding: 'utf8' });
}

/** A real Git repository in a temp folder, optionally with files committed. */
export function gitRepo(files: Record<string, string> = {}, commit = true): string {
  const dir = tempDir();
  git(dir, 'init', '-q', '-b', 'main');
  writeFiles(dir, files);
  if (commit && Object.keys(files).length > 0) {
    git(dir, 'add', '-A');
    git(dir, 'commit', '-q', '-m', 'Initial handoff repository');
  }
  return dir;
}

/** A copy of the example repository in a temp folder (a Git repository when `withGit`). */
export function copyOfExample(withGit = true): string {
  const dir = tempDir();
  cpSync(exampleRepo, dir, { recursive: true });
  if (withGit) {
    git(dir, 'init', '-q', '-b', 'main');
    git(dir, 'add', '-A');
    git(dir, 'commit', '-q', '-m', 'Example handoff repository');
  }
  return dir;
}

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in-process (fast) with captured output, no terminal and CI set. */
export async function runCli(
  args: string[],
  options: { cwd: string; env?: Record<string, string> },
): Promise<RunResult> {
  let stdout = '';
  let stderr = '';
  const stdin = new PassThrough();
  stdin.end();
  const io: Io = {
    stdout: { write: (chunk: string) => (stdout += chunk), isTTY: false },
    stderr: { write: (chunk: string) => (stderr += chunk), isTTY: false },
    stdin,
    env: { ...gitEnv, CI: 'true', ...options.env },
    cwd: options.cwd,
  };
  const code = await run(args, io);
  return { code, stdout, stderr };
}

/** Runs the built binary as a user would. Needs `npm run build` first (the test script does it). */
export function runBinary(
  args: string[],
  options: { cwd: string; env?: Record<string, string>; input?: string },
): RunResult {
  const result = spawnSync(process.execPath, [binary, ...args], {
    cwd: options.cwd,
    env: { ...process.env, ...gitEnv, CI: 'true', NO_COLOR: '1', ...options.env },
    input: options.input ?? '',
    encoding: 'utf8',
  });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}
