import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildCodeowners, CODEOWNERS_MARKER } from '../core/codeowners.js';
import { HandoffError } from '../errors.js';
import { resolveInside, toRepoPath, writeRepoFile } from '../io/files.js';
import { readRepositoryState } from '../io/git-history.js';
import { listDocumentPaths } from '../io/listing.js';
import { readText } from '../io/read-text.js';
import { loadWorkspace, openRepository } from '../io/repository.js';
import type { CommandContext } from './context.js';

interface CodeownersOptions {
  check?: boolean;
  out?: string;
  force?: boolean;
}

/** Writes (or, with --check, compares) the CODEOWNERS file built from the roles and candidate profiles. */
export async function codeownersCommand(
  context: CommandContext,
  options: CodeownersOptions,
): Promise<number> {
  const { io } = context;
  const repository = openRepository(io.cwd, context.repo);
  const { root } = repository;
  const owned = listDocumentPaths(root).filter(
    (path) => path.startsWith('roles/') || path.endsWith('/profile.md'),
  );
  const workspace = loadWorkspace(repository, owned);
  const git = await readRepositoryState(root, { ...process.env, ...io.env });
  const prefix = git.inside ? git.prefix : '';
  const { text, withoutHandle } = buildCodeowners(workspace, prefix);

  // GitHub reads CODEOWNERS at the top of the Git repository, which is above a handoff folder kept
  // inside a larger repository: --out is relative to that top, and the file stays inside it.
  const top = resolve(
    root,
    ...prefix
      .split('/')
      .filter((part) => part !== '')
      .map(() => '..'),
  );
  const target = resolveInside(top, options.out ?? '.github/CODEOWNERS');
  const shown = toRepoPath(top, target);
  const current = existsSync(target) ? readText(target) : undefined;
  if (withoutHandle.length > 0) {
    io.stderr.write(
      `handoff: no GitHub handle for ${withoutHandle.join(', ')}; the files they own have fewer (or no) owners.\n` +
        '  Add "github: <handle>" to each of them under people in handoff.config.yaml.\n',
    );
  }

  if (options.check) {
    if (current === text) {
      io.stdout.write(`${shown} is up to date.\n`);
      return 0;
    }
    io.stdout.write(
      current === undefined
        ? `${shown} does not exist yet. Run "handoff codeowners" and commit it.\n`
        : `${shown} is out of date:\n${lineDifference(current, text)}Run "handoff codeowners" and commit the result.\n`,
    );
    return 1;
  }
  if (current === text) {
    io.stdout.write(`${shown} is up to date; nothing was changed.\n`);
    return 0;
  }
  if (current !== undefined && !current.includes(CODEOWNERS_MARKER) && !options.force) {
    throw new HandoffError(
      'file-exists',
      `${shown} exists and was not written by handoff, so it was left unchanged`,
      {
        file: shown,
        fix: 'Pass --force to replace it, or --out <path> to write elsewhere and merge the two by hand.',
      },
    );
  }
  writeRepoFile(top, shown, text, { force: true });
  const count = text.split('\n').filter((line) => line.startsWith('/')).length;
  io.stdout.write(`${current === undefined ? 'created' : 'updated'} ${shown} (${count} owner rules)\n`);
  return 0;
}

/** The lines only in one of the two texts, marked - and +, at most ten of each. */
function lineDifference(before: string, after: string): string {
  const old = new Set(before.split('\n'));
  const now = new Set(after.split('\n'));
  const removed = [...old].filter((line) => line.trim() !== '' && !now.has(line));
  const added = [...now].filter((line) => line.trim() !== '' && !old.has(line));
  const list = (lines: string[], sign: string) => [
    ...lines.slice(0, 10).map((line) => `  ${sign} ${line}\n`),
    ...(lines.length > 10 ? [`  ${sign} ... and ${lines.length - 10} more\n`] : []),
  ];
  return [...list(removed, '-'), ...list(added, '+')].join('');
}
