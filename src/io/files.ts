import { existsSync, mkdirSync, readdirSync, realpathSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import writeFileAtomicModule from 'write-file-atomic';
import { HandoffError } from '../errors.js';

/** Converts an OS path relative to the root into the forward-slash form used in messages and diagnostics. */
export function toRepoPath(root: string, absolutePath: string): string {
  return relative(root, absolutePath).split(sep).join('/');
}

/**
 * Resolves a path given by a user or built from an id, refusing anything that leaves the repository
 * (`..`, absolute paths elsewhere, NUL bytes, or a symbolic link that points outside).
 */
export function resolveInside(root: string, path: string): string {
  if (path.includes('\0')) {
    throw new HandoffError('path-outside-repo', 'the path contains a NUL byte', {
      fix: 'Give a plain path inside the repository.',
    });
  }
  const absolute = isAbsolute(path) ? resolve(path) : resolve(root, path);
  const realRoot = realpathSync(root);
  const rel = relative(realRoot, realpathOfNearestExisting(absolute));
  if (rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) {
    throw new HandoffError('path-outside-repo', `"${path}" is outside the handoff repository`, {
      fix: `Give a path inside ${root}.`,
    });
  }
  return absolute;
}

function realpathOfNearestExisting(path: string): string {
  let current = path;
  const rest: string[] = [];
  while (!existsSync(current)) {
    const parent = dirname(current);
    if (parent === current) break;
    rest.unshift(current.slice(parent.length + 1));
    current = parent;
  }
  return join(realpathSync(current), ...rest);
}

export interface WriteOptions {
  /** Replace an existing file. */
  force?: boolean;
}

/**
 * Writes a file inside the repository atomically (a temporary file, then a rename), creating its folder,
 * and refuses to replace an existing file unless forced. Returns the absolute path written.
 */
export function writeRepoFile(
  root: string,
  path: string,
  content: string,
  options: WriteOptions = {},
): string {
  const absolute = resolveInside(root, path);
  if (existsSync(absolute) && !options.force) {
    throw new HandoffError(
      'file-exists',
      `${toRepoPath(root, absolute)} already exists and was left unchanged`,
      {
        fix: 'Pass --force to replace it, or choose another name.',
      },
    );
  }
  mkdirSync(dirname(absolute), { recursive: true });
  writeFileAtomicModule.sync(absolute, content, { encoding: 'utf8' });
  return absolute;
}

export { readText } from './read-text.js';

/** Every path of the repository layout that may hold a document, relative to the root, sorted. */
export function listDocumentPaths(root: string): string[] {
  const found = listRolePaths(root);
  for (const candidate of subfolders(join(root, 'candidates')))
    found.push(...listCandidateDocumentPaths(root, candidate));
  return found.sort();
}

/** The paths of roles/*.md, relative to the root. */
export function listRolePaths(root: string): string[] {
  return markdownFiles(join(root, 'roles')).map((name) => `roles/${name}`);
}

function markdownFiles(folder: string): string[] {
  return entries(folder)
    .filter((entry) => entry.isFile() && entry.name.endsWith('.md'))
    .map((entry) => entry.name);
}

function subfolders(folder: string): string[] {
  return entries(folder)
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name);
}

function entries(folder: string) {
  try {
    return readdirSync(folder, { withFileTypes: true });
  } catch {
    return [];
  }
}

/** The candidate folder names under candidates/, sorted; reads the folder listing only, no file. */
export function listCandidateIds(root: string): string[] {
  return subfolders(join(root, 'candidates')).sort();
}

/** The document paths of one candidate's folder (profile, memo, scorecards, surveys), relative to the root, sorted. */
export function listCandidateDocumentPaths(root: string, candidateId: string): string[] {
  const folder = join(root, 'candidates', candidateId);
  const found: string[] = [];
  // One listing of the folder says which sub-folders exist, so missing ones cost no failed read.
  const subs: string[] = [];
  for (const entry of entries(folder)) {
    if (entry.isFile() && entry.name.endsWith('.md')) found.push(`candidates/${candidateId}/${entry.name}`);
    else if (entry.isDirectory() && (entry.name === 'feedback' || entry.name === 'surveys'))
      subs.push(entry.name);
  }
  for (const sub of subs) {
    for (const name of markdownFiles(join(folder, sub)))
      found.push(`candidates/${candidateId}/${sub}/${name}`);
  }
  return found.sort();
}
