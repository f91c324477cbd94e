import { relative } from 'node:path';
import type { Config } from '../../schemas/config.js';
import { parseConfig } from '../core/config.js';
import type { Diagnostic } from '../core/diagnostics.js';
import { runLint } from '../core/lint/engine.js';
import { buildWorkspace, type Loaded, loadDocument } from '../core/workspace.js';
import { listCandidateDocumentPaths } from './listing.js';
import { readText } from './read-text.js';

/** One share of a lint run: the documents to load and which of them to judge. Plain data, so a worker can take it. */
export interface PartitionJob {
  root: string;
  configText: string;
  now: string;
  /** Documents to load, repository-relative: the judged ones and what rules read around them. */
  paths: string[];
  /** Which of `paths` to judge. */
  judged: string[];
  /**
   * Candidate folders (their ids) whose documents are all loaded and judged, each listed by the
   * thread that claims it: a whole-repository run lists no folder before the threads start.
   */
  folders?: string[];
  /** Texts already read, aligned with `paths`; undefined entries are read from disk. */
  texts?: (string | undefined)[];
  /** Candidate folders judged together (default 10; tests make it small). */
  foldersPerChunk?: number;
  /** Shared between threads: the next chunk to judge. Without it, this thread judges every chunk. */
  claim?: Int32Array;
}

export interface RuleFailureReport {
  ruleId: string;
  file: string;
  /** The error's stack, shown only with HANDOFF_DEBUG=1. */
  detail: string;
}

export interface PartitionResult {
  diagnostics: Diagnostic[];
  failures: RuleFailureReport[];
  /** The documents found in the folders of `folders` this thread judged. */
  listed: string[];
}

/**
 * Candidate folders judged together: few enough that their documents stay in the processor's caches
 * and die young (measured on 10,000 candidates with two threads: 10 beats 20 by a twentieth, 60 by a fifth).
 */
const FOLDERS_PER_CHUNK = 10;

/**
 * Reads, parses and judges documents. The same code runs in-process and in workers. Candidate folders
 * are judged a chunk at a time, each beside the roles (all that a rule may read, see
 * RuleContext.workspace): memory stays small however many documents there are, and threads sharing a
 * `claim` counter split the chunks between them as they go.
 */
export async function lintPartition(job: PartitionJob, knownConfig?: Config): Promise<PartitionResult> {
  const config = knownConfig ?? parseConfig(job.configText).config;
  if (!config) throw new Error('the config changed while linting');
  const { rules } = await import('../core/rules/index.js');
  // Judging everything loaded (a whole-repository run) needs no lookup per document.
  const judged = job.judged.length === job.paths.length ? undefined : new Set(job.judged);
  const texts = job.texts ? new Map(job.paths.map((path, index) => [path, job.texts?.[index]])) : undefined;
  const base = fromWorkingFolder(job.root);
  const load = (path: string): Loaded<unknown> | undefined => {
    let text = texts?.get(path);
    if (text === undefined) {
      try {
        text = readText(`${base}/${path}`);
      } catch {
        return undefined; // removed since it was listed
      }
    }
    return loadDocument({ path, text });
  };

  const perChunk = job.foldersPerChunk ?? FOLDERS_PER_CHUNK;
  const roles: Loaded<unknown>[] = [];
  // A chunk is either the listed paths of its folders or, with `folders`, the folders to list.
  const chunks: Array<{ paths: string[] } | { folders: string[] }> = [];
  let pathChunk: string[] = [];
  let folder = '';
  let folders = 0;
  for (const path of job.paths) {
    const candidate = candidateFolder(path);
    if (candidate === undefined) {
      const document = load(path);
      if (document) roles.push(document);
      continue;
    }
    if (candidate !== folder) {
      folder = candidate;
      if (folders++ % perChunk === 0) {
        pathChunk = [];
        chunks.push({ paths: pathChunk });
      }
    }
    pathChunk.push(path);
  }
  const foldersToList = job.folders ?? [];
  for (let start = 0; start < foldersToList.length; start += perChunk) {
    chunks.push({ folders: foldersToList.slice(start, start + perChunk) });
  }
  // The roles are judged with the first chunk, so there is one even without candidates.
  if (chunks.length === 0) chunks.push({ paths: [] });

  const diagnostics: Diagnostic[] = [];
  const failures: RuleFailureReport[] = [];
  const listed: string[] = [];
  let unclaimed = 0;
  for (;;) {
    const chunkIndex = job.claim ? Atomics.add(job.claim, 0, 1) : unclaimed++;
    if (chunkIndex >= chunks.length) break;
    const chunk = chunks[chunkIndex]!;
    let paths: string[];
    if ('folders' in chunk) {
      paths = chunk.folders.flatMap((id) => listCandidateDocumentPaths(base, id));
      for (const path of paths) listed.push(path);
    } else paths = chunk.paths;
    const documents = [...roles];
    for (const path of paths) {
      const document = load(path);
      if (document) documents.push(document);
    }
    const workspace = buildWorkspace(config, documents);
    // The roles are judged once, with the first chunk; a listed folder's documents are all judged.
    const toJudge = workspace.documents.filter((document) =>
      document.location.kind === 'role'
        ? chunkIndex === 0 && (judged === undefined || judged.has(document.path))
        : judged === undefined || 'folders' in chunk || judged.has(document.path),
    );
    if (toJudge.length === 0) continue;
    const found = runLint({
      workspace,
      config,
      now: job.now,
      documents: toJudge,
      rules,
      onRuleError: ({ ruleId, file, error }) =>
        failures.push({
          ruleId,
          file,
          detail: error instanceof Error ? (error.stack ?? error.message) : String(error),
        }),
    });
    for (const finding of found) diagnostics.push(finding);
  }
  return { diagnostics, failures, listed };
}

/**
 * The root as a path relative to the working folder (or as it is, when the working folder is gone).
 * The system resolves a path one folder at a time, and from the working folder a document's path
 * usually has far fewer (reading 30,000 documents from their repository's root: 150 to 140 ms of CPU).
 */
function fromWorkingFolder(root: string): string {
  try {
    return relative(process.cwd(), root) || '.';
  } catch {
    return root; // the working folder was removed
  }
}

function candidateFolder(path: string): string | undefined {
  if (!path.startsWith('candidates/')) return undefined;
  const end = path.indexOf('/', 'candidates/'.length);
  return end === -1 ? undefined : path.slice(0, end);
}
