/**
 * Git plumbing for the audit trail: one `git log` for the whole history, one `git cat-file --batch` for
 * every file version it needs, and the few small questions around them (is this a repository, is the
 * clone shallow, does a ref exist, what does a pull request change). Output is NUL-separated and paths
 * are printed as they are, so that no name (spaces, newlines, accents) can confuse the parsers.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import type { Writable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { type Commit, GitLogParser, LOG_FORMAT } from '../core/audit/git-log.js';
import { CANDIDATES_DIR, CONFIG_FILE, ROLES_DIR } from '../core/layout.js';
import { HandoffError } from '../errors.js';

export interface GitOutput {
  code: number;
  stdout: Buffer;
  stderr: string;
}

/**
 * Runs git in `root` with the caller's environment; never throws for a non-zero exit. `input` is
 * written to its standard input, or given as a stream to write to; `onChunk` sees the output as it comes.
 */
export function runGit(
  root: string,
  env: NodeJS.ProcessEnv,
  args: string[],
  input?: string | ((stdin: Writable) => void),
  onChunk?: (chunk: Buffer) => void,
): Promise<GitOutput> {
  return new Promise((resolve) => {
    const child = spawn('git', ['-c', 'core.quotePath=false', ...args], {
      cwd: root,
      // GIT_FLUSH=0: git log otherwise flushes after every commit when writing to a pipe.
      env: { ...process.env, ...env, GIT_TERMINAL_PROMPT: '0', GIT_OPTIONAL_LOCKS: '0', GIT_FLUSH: '0' },
      stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout!.on('data', (chunk: Buffer) => (onChunk ? onChunk(chunk) : out.push(chunk)));
    child.stderr!.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', (error) => resolve({ code: -1, stdout: Buffer.alloc(0), stderr: error.message }));
    child.on('close', (code) =>
      resolve({ code: code ?? -1, stdout: Buffer.concat(out), stderr: Buffer.concat(err).toString('utf8') }),
    );
    if (input !== undefined) {
      child.stdin!.on('error', () => {});
      if (typeof input === 'string') child.stdin!.end(input);
      else input(child.stdin!);
    }
  });
}

async function gitText(root: string, env: NodeJS.ProcessEnv, args: string[], what: string): Promise<string> {
  const output = await runGit(root, env, args);
  if (output.code !== 0) throw gitFailed(what, output);
  return output.stdout.toString('utf8');
}

export function gitFailed(what: string, output: Pick<GitOutput, 'code' | 'stderr'>): HandoffError {
  const reason = output.stderr.split('\n').find((line) => line.trim() !== '') ?? `exit code ${output.code}`;
  return new HandoffError('git-failed', `${what} failed: ${reason.replace(/^(fatal|error): /, '')}`, {
    fix: 'Check that git works in this folder ("git status"), then run again.',
  });
}

export interface RepositoryState {
  /** The handoff folder is inside a Git work tree. */
  inside: boolean;
  /** HEAD's commit; undefined when there are no commits yet. */
  head: string | undefined;
  /** The checked-out branch (refs/heads/...); undefined when HEAD is detached or unborn. */
  branch: string | undefined;
  detached: boolean;
  shallow: boolean;
  /** Where the handoff folder sits in the work tree: "" at the top, "hiring/" in a folder. */
  prefix: string;
}

export async function readRepositoryState(root: string, env: NodeJS.ProcessEnv): Promise<RepositoryState> {
  const [inside, head, branch] = await Promise.all([
    runGit(root, env, ['rev-parse', '--is-inside-work-tree', '--is-shallow-repository', '--show-prefix']),
    runGit(root, env, ['rev-parse', '--verify', '--quiet', 'HEAD^{commit}']),
    runGit(root, env, ['symbolic-ref', '--quiet', 'HEAD']),
  ]);
  const [work, shallow, prefix] = inside.stdout.toString('utf8').split('\n');
  const isInside = inside.code === 0 && work === 'true';
  const headCommit = head.code === 0 ? head.stdout.toString('utf8').trim() : undefined;
  return {
    inside: isInside,
    head: headCommit,
    branch: branch.code === 0 ? branch.stdout.toString('utf8').trim() : undefined,
    detached: isInside && headCommit !== undefined && branch.code !== 0,
    shallow: shallow === 'true',
    prefix: prefix ?? '',
  };
}

export function notAGitRepository(root: string, command: string): HandoffError {
  return new HandoffError(
    'not-a-git-repo',
    `${command} reads the Git history, and ${root} is not in a Git repository`,
    {
      fix: 'Run "git init", commit the handoff documents, and run again.',
    },
  );
}

/** The commits at the edge of a shallow clone (their parents were not fetched). */
export async function shallowBoundaries(root: string, env: NodeJS.ProcessEnv): Promise<Set<string>> {
  const output = await runGit(root, env, ['rev-parse', '--git-path', 'shallow']);
  if (output.code !== 0) return new Set();
  const relative = output.stdout.toString('utf8').trim();
  try {
    const text = readFileSync(isAbsolute(relative) ? relative : join(root, relative), 'utf8');
    return new Set(text.split('\n').filter((line) => line.trim() !== ''));
  } catch {
    return new Set();
  }
}

/**
 * The whole history in one process (newest first, or oldest first), handed over as it is parsed.
 * Merge commits list no changes (their branch's
 * commits do), so a change merged through a pull request appears once. No pathspec: limiting the walk
 * to paths costs more than skipping the few other files; in a handoff folder inside a larger
 * repository, `--relative` keeps paths relative to the folder and drops the rest.
 */
export async function readHistory(
  root: string,
  env: NodeJS.ProcessEnv,
  options: { inFolder: boolean; oldestFirst?: boolean },
  onCommits: (commits: Commit[]) => void,
): Promise<void> {
  const args = [
    'log',
    '-z',
    '--no-color',
    '--no-show-signature',
    '--raw',
    '--no-abbrev',
    '-M',
    `--format=${LOG_FORMAT}`,
  ];
  if (options.inFolder) args.push('--relative');
  // --reverse costs git a walk of the commits before the first one is written, and lets the reader
  // derive events while git is still writing (history is read in time order).
  if (options.oldestFirst) args.push('--reverse');
  const parser = new GitLogParser();
  const decoder = new StringDecoder('utf8');
  const output = await runGit(root, env, [...args, '--end-of-options', 'HEAD', '--'], undefined, (chunk) => {
    const commits = parser.push(decoder.write(chunk));
    if (commits.length > 0) onCommits(commits);
  });
  if (output.code !== 0) throw gitFailed('git log', output);
  const rest = parser.push(decoder.end());
  rest.push(...parser.end());
  if (rest.length > 0) onCommits(rest);
}

/**
 * Reads file versions through one `git cat-file --batch` process that runs while the ids are still
 * being found: `request` ids as they come; each text (undefined for a blob that does not exist) is
 * handed to `onBlob` as soon as it arrives, so that reading it overlaps with git's work; `finish`
 * waits for the last.
 */
export class BlobReader {
  private readonly requested = new Set<string>();
  private queued: string[] = [];
  private pending: Buffer = Buffer.alloc(0);
  private readonly output: Promise<GitOutput>;
  private readonly stdin: Writable;

  constructor(
    root: string,
    env: NodeJS.ProcessEnv,
    private readonly onBlob: (id: string, text: string | undefined) => void,
  ) {
    let stdin: Writable | undefined;
    const input = (stream: Writable) => {
      stdin = stream;
    };
    this.output = runGit(root, env, ['cat-file', '--batch', '--buffer'], input, (chunk) =>
      this.receive(chunk),
    );
    this.stdin = stdin!;
  }

  request(ids: Iterable<string>): void {
    for (const id of ids) {
      if (this.requested.has(id)) continue;
      this.requested.add(id);
      this.queued.push(id);
    }
    // Few large writes: each write to a pipe costs far more than the bytes in it.
    if (this.queued.length >= 512) this.flush();
  }

  async finish(): Promise<void> {
    this.flush();
    this.stdin.end();
    const output = await this.output;
    if (output.code !== 0) throw gitFailed('git cat-file', output);
  }

  private flush(): void {
    if (this.queued.length === 0) return;
    this.stdin.write(`${this.queued.join('\n')}\n`);
    this.queued = [];
  }

  /** `<id> blob <size>\n<content>\n` records (or `<id> missing\n`), possibly split across chunks. */
  private receive(chunk: Buffer): void {
    const buffer = this.pending.length === 0 ? chunk : Buffer.concat([this.pending, chunk]);
    let position = 0;
    for (;;) {
      const newline = buffer.indexOf(10, position);
      if (newline === -1) break;
      const header = buffer.toString('latin1', position, newline).split(' ');
      if (header.length !== 3) {
        position = newline + 1;
        if (header[1] === 'missing') this.onBlob(header[0]!, undefined);
        continue;
      }
      const end = newline + 1 + Number(header[2]);
      if (end >= buffer.length) break;
      this.onBlob(header[0]!, buffer.toString('utf8', newline + 1, end));
      position = end + 1;
    }
    this.pending = buffer.subarray(position);
  }
}

/** The text of each blob, read through one `git cat-file --batch` process. Missing blobs are left out. */
export async function readBlobs(
  root: string,
  env: NodeJS.ProcessEnv,
  ids: Iterable<string>,
): Promise<Map<string, string>> {
  const texts = new Map<string, string>();
  const reader = new BlobReader(root, env, (id, text) => {
    if (text !== undefined) texts.set(id, text);
  });
  reader.request(ids);
  await reader.finish();
  return texts;
}

/** The commit a ref names, or undefined when there is no such ref. */
export async function resolveCommit(
  root: string,
  env: NodeJS.ProcessEnv,
  ref: string,
): Promise<string | undefined> {
  if (ref.trim() === '' || ref.includes('\0')) return undefined;
  const output = await runGit(root, env, [
    'rev-parse',
    '--verify',
    '--quiet',
    '--end-of-options',
    `${ref}^{commit}`,
  ]);
  return output.code === 0 ? output.stdout.toString('utf8').trim() : undefined;
}

export async function mergeBase(
  root: string,
  env: NodeJS.ProcessEnv,
  a: string,
  b: string,
): Promise<string | undefined> {
  const output = await runGit(root, env, ['merge-base', a, b]);
  return output.code === 0 ? output.stdout.toString('utf8').trim() : undefined;
}

/** `git diff --raw` between two commits over the handoff documents and the config. */
export async function diffCommits(
  root: string,
  env: NodeJS.ProcessEnv,
  base: string,
  head: string,
): Promise<string> {
  const args = ['diff', '--raw', '-z', '--no-abbrev', '-M', '--relative', '--no-color', base, head, '--'];
  return gitText(root, env, [...args, ROLES_DIR, CANDIDATES_DIR, CONFIG_FILE], 'git diff');
}

export interface TreeEntry {
  path: string;
  blob: string;
}

/** The files under `paths` at a commit (blobs only), relative to the handoff folder. */
export async function listTree(
  root: string,
  env: NodeJS.ProcessEnv,
  commit: string,
  paths: readonly string[],
): Promise<TreeEntry[]> {
  if (paths.length === 0) return [];
  const text = await gitText(root, env, ['ls-tree', '-r', '-z', commit, '--', ...paths], 'git ls-tree');
  const entries: TreeEntry[] = [];
  for (const record of text.split('\0')) {
    const tab = record.indexOf('\t');
    if (tab === -1) continue;
    const [, type, blob] = record.slice(0, tab).split(' ');
    if (type === 'blob' && blob) entries.push({ path: record.slice(tab + 1), blob });
  }
  return entries;
}

export interface PathStatus {
  /** Two-letter `git status --porcelain` code: index then work tree ("??" untracked, "UU" conflict). */
  code: string;
}

/** The status of one path; undefined when it is tracked and unchanged. */
export async function pathStatus(
  root: string,
  env: NodeJS.ProcessEnv,
  path: string,
): Promise<PathStatus | undefined> {
  const text = await gitText(
    root,
    env,
    ['status', '--porcelain=v1', '-z', '--untracked-files=all', '--', path],
    'git status',
  );
  const record = text.split('\0').find((entry) => entry.length > 3);
  return record ? { code: record.slice(0, 2) } : undefined;
}

/** Whether the path is in HEAD's tree. */
export async function isTracked(root: string, env: NodeJS.ProcessEnv, path: string): Promise<boolean> {
  const output = await runGit(root, env, ['ls-files', '--error-unmatch', '--', path]);
  return output.code === 0;
}

export async function stagePath(root: string, env: NodeJS.ProcessEnv, path: string): Promise<void> {
  await gitText(root, env, ['add', '--', path], 'git add');
}

/** Puts the index entry of a path back to HEAD's version (after a failed change of that path only). */
export async function unstagePath(root: string, env: NodeJS.ProcessEnv, path: string): Promise<void> {
  await runGit(root, env, ['reset', '--quiet', '--', path]);
}
