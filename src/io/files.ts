import { existsSync, mkdirSync, realpathSync } from 'node:fs';
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
