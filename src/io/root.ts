import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { CONFIG_FILE } from '../core/layout.js';
import { HandoffError } from '../errors.js';

/** The repository root: --repo when given, else the nearest folder upwards that holds handoff.config.yaml. */
export function findRoot(cwd: string, repoOption: string | undefined): string {
  if (repoOption !== undefined) {
    const root = resolve(cwd, repoOption);
    if (!existsSync(root) || !statSync(root).isDirectory()) {
      throw new HandoffError('repo-not-found', `--repo ${repoOption} is not a folder`, {
        fix: 'Pass the folder that holds handoff.config.yaml.',
      });
    }
    if (!existsSync(join(root, CONFIG_FILE))) throw configMissing(root);
    return root;
  }
  let current = resolve(cwd);
  for (;;) {
    if (existsSync(join(current, CONFIG_FILE))) return current;
    const parent = dirname(current);
    if (parent === current) throw configMissing(resolve(cwd));
    current = parent;
  }
}

function configMissing(folder: string): HandoffError {
  return new HandoffError('config-missing', `no ${CONFIG_FILE} found in ${folder} or any folder above it`, {
    fix: 'Run "handoff init" to create a handoff repository here, or pass --repo <folder>.',
  });
}
