import { join } from 'node:path';
import type { CommandContext } from '../commands/context.js';
import { isDate } from '../core/dates.js';
import {
  type CandidateFacts,
  type RoleFacts,
  readCandidateFacts,
  readRoleFacts,
} from '../core/pipeline/facts.js';
import { contactEvents, timelineEvents } from '../core/pipeline/history.js';
import { buildTimelines, type HistoryInput, type TimelineSet } from '../core/pipeline/timeline.js';
import { buildWorkspace, type Loaded, loadDocument, type Workspace } from '../core/workspace.js';
import { HandoffError, isHandoffError } from '../errors.js';
import { listDocumentPaths } from './listing.js';
import { readText } from './read-text.js';
import { openRepository, type Repository } from './repository.js';

/** What status, metrics and the dashboard work from: the documents, the history, and the timelines built from both. */
export interface Pipeline {
  repository: Repository;
  workspace: Workspace;
  facts: CandidateFacts[];
  roles: RoleFacts[];
  timelines: TimelineSet;
}

export type DocumentKindWanted = 'memo' | 'feedback' | 'survey';

/**
 * Reads the repository and its history. The one `git log` runs while the documents are parsed: the
 * loader yields to the event loop between small batches so that git's output keeps flowing.
 */
export async function loadPipeline(
  context: CommandContext,
  wanted: readonly DocumentKindWanted[],
): Promise<Pipeline> {
  const repository = openRepository(context.io.cwd, context.repo);
  const env = { ...process.env, ...context.io.env };
  const history = readHistoryInput(repository.root, env);
  history.catch(() => undefined); // awaited below; this only keeps an early failure from going unobserved meanwhile
  const paths = listDocumentPaths(repository.root).filter((path) => isWanted(path, wanted));
  const documents = await loadDocuments(repository.root, paths);
  const workspace = buildWorkspace(repository.config, documents);
  const facts = [...workspace.candidates.values()].flatMap((folder) => readCandidateFacts(folder) ?? []);
  const roles = [...workspace.roles].map(([id, document]) => readRoleFacts(id, document));
  const timelines = buildTimelines(facts, await history);
  const missingProfiles = [...workspace.candidates.values()]
    .filter((folder) => !folder.profile)
    .map((folder) => folder.id);
  if (missingProfiles.length > 0) {
    timelines.notices.push(
      `${missingProfiles.length} candidate folder(s) without a readable profile.md left out (${missingProfiles.slice(0, 5).join(', ')}${missingProfiles.length > 5 ? ', ...' : ''}).`,
    );
  }
  return { repository, workspace, facts, roles, timelines };
}

function isWanted(path: string, wanted: readonly DocumentKindWanted[]): boolean {
  if (!path.startsWith('candidates/')) return true;
  if (path.endsWith('/profile.md')) return true;
  if (path.endsWith('/memo.md')) return wanted.includes('memo');
  if (path.includes('/feedback/')) return wanted.includes('feedback');
  if (path.includes('/surveys/')) return wanted.includes('survey');
  return false;
}

const BATCH = 200;

async function loadDocuments(root: string, paths: string[]): Promise<Loaded<unknown>[]> {
  const documents: Loaded<unknown>[] = [];
  for (let index = 0; index < paths.length; index++) {
    if (index % BATCH === BATCH - 1) await new Promise((resolve) => setImmediate(resolve));
    const path = paths[index]!;
    let text: string;
    try {
      text = readText(join(root, path));
    } catch {
      continue; // removed since it was listed
    }
    const document = loadDocument({ path, text });
    if (document) documents.push(document);
  }
  return documents;
}

/** The audit events as timeline input; no Git repository or no commits means no history, not an error. */
async function readHistoryInput(root: string, env: NodeJS.ProcessEnv): Promise<HistoryInput> {
  const { readEvents } = await import('../commands/log.js');
  try {
    const { events, shallow, hasCommits, commits, versions } = await readEvents(root, env);
    if (!hasCommits) return { available: false, shallow: false, events: [] };
    const contacts = commits && versions ? contactEvents(commits, versions) : [];
    return { available: true, shallow, events: [...timelineEvents(events), ...contacts] };
  } catch (error) {
    if (isHandoffError(error) && error.code === 'not-a-git-repo')
      return { available: false, shallow: false, events: [] };
    throw error;
  }
}

/** --now, --since and --until: a real YYYY-MM-DD date, else a usage error naming the flag. */
export function dateOption(flag: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (!isDate(value)) {
    throw new HandoffError('usage', `${flag} "${value}" is not a date written as YYYY-MM-DD`, {
      fix: `Pass a date like ${flag} 2026-11-30.`,
    });
  }
  return value;
}

export function today(): string {
  return new Date().toISOString().slice(0, 10);
}
