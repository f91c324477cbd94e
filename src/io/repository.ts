import { join } from 'node:path';
import type { Config } from '../../schemas/config.js';
import { parseConfig } from '../core/config.js';
import type { Diagnostic } from '../core/diagnostics.js';
import { CONFIG_FILE } from '../core/layout.js';
import { buildWorkspace, type Loaded, loadDocument, type Workspace } from '../core/workspace.js';
import { HandoffError } from '../errors.js';
import { listDocumentPaths } from './listing.js';
import { readText } from './read-text.js';
import { findRoot } from './root.js';

// findRoot lives in root.ts so that commands which need no config (handoff log) do not load zod.
export { findRoot };

export interface Repository {
  root: string;
  config: Config;
  configText: string;
}

/** Reads and validates the config; an unreadable or invalid config is a configuration error (exit 2). */
export function openRepository(cwd: string, repoOption: string | undefined): Repository {
  const root = findRoot(cwd, repoOption);
  let configText: string;
  try {
    configText = readText(join(root, CONFIG_FILE));
  } catch (error) {
    throw new HandoffError(
      'config-invalid',
      `${CONFIG_FILE} could not be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
      {
        fix: 'Check that the file is readable.',
      },
    );
  }
  const parsed = parseConfig(configText);
  if (!parsed.config) throw configInvalid(parsed.diagnostics);
  return { root, config: parsed.config, configText };
}

export function configInvalid(diagnostics: Diagnostic[]): HandoffError {
  return new HandoffError('config-invalid', `${CONFIG_FILE} is not valid`, {
    details: diagnostics.map((d) => `${d.file}:${d.line}:${d.column}  ${d.message}`),
    fix: `Fix the lines above in ${CONFIG_FILE}; "handoff schema config" prints what each key accepts.`,
  });
}

/** Reads every document of the layout (or only the given repository-relative paths) into a workspace. */
export function loadWorkspace(repository: Repository, onlyPaths?: string[]): Workspace {
  const paths = onlyPaths ?? listDocumentPaths(repository.root);
  const documents: Loaded<unknown>[] = [];
  for (const path of paths) {
    let text: string;
    try {
      text = readText(join(repository.root, path));
    } catch {
      continue;
    }
    const document = loadDocument({ path, text });
    if (document) documents.push(document);
  }
  return buildWorkspace(repository.config, documents);
}
