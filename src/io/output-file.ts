import { existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import writeFileAtomicModule from 'write-file-atomic';
import { HandoffError } from '../errors.js';

/**
 * Writes a file the user named (which may be outside the repository, like a report for a shared
 * drive) atomically, refusing to replace an existing file unless forced. Returns the absolute path.
 */
export function writeOutputFile(
  cwd: string,
  path: string,
  content: string,
  options: { force?: boolean } = {},
): string {
  if (path.includes('\0')) {
    throw new HandoffError('usage', 'the output path contains a NUL byte', {
      fix: 'Give a plain file path.',
    });
  }
  const absolute = resolve(cwd, path);
  if (existsSync(absolute) && statSync(absolute).isDirectory()) {
    throw new HandoffError('usage', `${path} is a folder`, {
      fix: 'Name the file to write, like --out dashboard.html.',
    });
  }
  if (existsSync(absolute) && !options.force) {
    throw new HandoffError('file-exists', `${path} already exists and was left unchanged`, {
      fix: 'Pass --force to replace it, or choose another name.',
    });
  }
  mkdirSync(dirname(absolute), { recursive: true });
  writeFileAtomicModule.sync(absolute, content, { encoding: 'utf8' });
  return absolute;
}
