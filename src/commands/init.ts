import { existsSync, mkdirSync, statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { initialFiles } from '../core/init/files.js';
import { HandoffError } from '../errors.js';
import { writeRepoFile } from '../io/files.js';
import { initRepository, isRepository } from '../io/git.js';
import { packageVersion } from '../io/package-info.js';
import type { CommandContext } from './context.js';

interface InitOptions {
  organization?: string;
}

/** Creates a handoff repository. Never overwrites: a second run reports what exists and changes nothing. */
export async function initCommand(
  context: CommandContext,
  dir: string,
  options: InitOptions,
): Promise<number> {
  const { io } = context;
  const root = resolve(io.cwd, dir);
  if (existsSync(root) && !statSync(root).isDirectory()) {
    throw new HandoffError('usage', `${dir} exists and is not a folder`, {
      fix: 'Choose a folder for the repository.',
    });
  }
  mkdirSync(root, { recursive: true });

  const organization = options.organization ?? titleCase(basename(root));
  const files = initialFiles(organization, packageVersion());
  const created: string[] = [];
  const existing: string[] = [];
  for (const [path, content] of Object.entries(files)) {
    if (existsSync(resolve(root, path))) existing.push(path);
    else {
      writeRepoFile(root, path, content);
      created.push(path);
    }
  }
  const initialisedGit = !(await isRepository(root, io.env));
  if (initialisedGit) await initRepository(root, io.env);

  for (const path of created) io.stdout.write(`created  ${path}\n`);
  for (const path of existing) io.stdout.write(`exists   ${path} (left unchanged)\n`);
  if (initialisedGit) io.stdout.write('created  a Git repository (git init)\n');
  if (created.length === 0 && !initialisedGit) {
    io.stdout.write(`\n${root} is already a handoff repository; nothing was changed.\n`);
  } else {
    io.stdout.write(
      '\nNext: add people with "handoff new person", a role with "handoff new role", then "handoff new candidate".\n',
    );
  }
  return 0;
}

function titleCase(name: string): string {
  const words = name.replace(/[-_.]+/g, ' ').trim();
  return words ? words.replace(/\b\p{Ll}/gu, (letter) => letter.toUpperCase()) : 'My Organisation';
}
