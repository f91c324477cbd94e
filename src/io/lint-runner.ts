import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '../../schemas/config.js';
import type { Diagnostic } from '../core/diagnostics.js';
import { type CacheHeader, LintCache, sha1 } from './lint-cache.js';
import type { PartitionJob, RuleFailureReport } from './lint-partition.js';
import { listCandidateDocumentPaths, listCandidateIds, listDocumentPaths, listRolePaths } from './listing.js';
import { runShares, shareJob } from './parse-workers.js';

/** Below this many documents to read, --changed does not touch the cache. */
const SMALL_SCOPE = 1000;

export interface LintRunInput {
  root: string;
  config: Config;
  configText: string;
  now: string;
  /** handoff's version and the registered rule ids: part of the cache's header. */
  version: string;
  ruleIds: readonly string[];
  /** The document paths to judge; undefined for every document of the repository. */
  judged: readonly string[] | undefined;
  /** Every document path of the repository when it was listed; otherwise the context is listed as needed. */
  listing?: readonly string[];
  cache: boolean;
  /** Split the work over the cores from this many documents to load. */
  parallelThreshold: number;
}

export interface LintRunOutput {
  /** The documents judged (listed as they were judged when `judged` was undefined). */
  judged: readonly string[];
  diagnostics: Diagnostic[];
  failures: RuleFailureReport[];
  /** How many judged documents came from the cache. */
  fromCache: number;
}

/**
 * Judges documents with what their rules read around them (the roles and each judged candidate's
 * folder), reusing cached findings for documents whose key is unchanged, and splitting the rest over
 * the cores when there are many.
 */
export async function lintDocuments(input: LintRunInput): Promise<LintRunOutput> {
  if (input.judged === undefined) {
    if (!input.cache) return judgeRepository(input);
    const listing = listDocumentPaths(input.root);
    return lintDocuments({ ...input, judged: listing, listing });
  }
  const judged = input.judged;
  const context = contextOf(input.root, judged, input.listing);
  // A few changed documents (--changed) are judged faster than the whole cache file is read and rewritten.
  if (!input.cache || (input.listing === undefined && context.all.length < SMALL_SCOPE)) {
    const diagnostics = await judge(input, judged, context, undefined);
    return { judged, ...diagnostics, fromCache: 0 };
  }

  // Hash every document the judged ones depend on (reading only those whose size or times changed),
  // and reuse the findings whose dependencies hash the same.
  const header: CacheHeader = {
    version: input.version,
    configHash: sha1(input.configText),
    now: input.now,
    rules: input.ruleIds.join(','),
  };
  const cache = LintCache.load(input.root, header);
  const contents = new Map<string, Buffer>();
  const hashes = new Map<string, string>();
  for (const path of context.all) {
    const absolute = `${input.root}/${path}`;
    const stats = statSync(absolute, { throwIfNoEntry: false });
    if (!stats?.isFile()) continue;
    let hash = cache.knownHash(path, stats);
    if (hash === undefined) {
      let content: Buffer;
      try {
        content = readFileSync(absolute);
      } catch {
        continue; // removed since it was listed
      }
      hash = sha1(content);
      contents.set(path, content);
      cache.rememberHash(path, hash, stats);
    }
    hashes.set(path, hash);
  }
  const { rolesKey, keys } = dependencyKeys(hashes);
  cache.useRolesKey(rolesKey);

  const cached: Diagnostic[] = [];
  const misses: string[] = [];
  let hits = 0;
  for (const path of judged) {
    const key = keys.get(path);
    if (key === undefined) continue;
    const findings = cache.findings(path, key);
    if (findings) {
      cached.push(...findings);
      hits++;
    } else misses.push(path);
  }

  let fresh: { diagnostics: Diagnostic[]; failures: RuleFailureReport[] } = { diagnostics: [], failures: [] };
  if (misses.length > 0) {
    const missContext = contextOf(input.root, misses, context.all);
    const texts = new Map<string, string>();
    for (const path of missContext.all) {
      const content = contents.get(path) ?? readIfThere(join(input.root, path));
      if (content) texts.set(path, content.toString('utf8'));
    }
    fresh = await judge(input, misses, missContext, texts);
    const byFile = new Map<string, Diagnostic[]>(misses.map((path) => [path, []]));
    for (const finding of fresh.diagnostics) byFile.get(finding.file)?.push(finding);
    // A document whose rule failed is not cached: the next run tries it again.
    const failed = new Set(fresh.failures.map((failure) => failure.file));
    for (const [path, findings] of byFile) {
      const key = keys.get(path);
      if (key !== undefined && !failed.has(path)) cache.setFindings(path, key, findings);
    }
  }
  if (input.listing) cache.keepOnly(new Set(input.listing));
  cache.save();
  return {
    judged,
    diagnostics: [...cached, ...fresh.diagnostics],
    failures: fresh.failures,
    fromCache: hits,
  };
}

interface Context {
  /** The judged documents and what they depend on, sorted. */
  all: string[];
}

/** The judged documents plus every role and the whole folder of each judged candidate document. */
function contextOf(root: string, judged: readonly string[], listing: readonly string[] | undefined): Context {
  if (listing !== undefined && judged === listing) return { all: [...listing] };
  const folders = new Set<string>();
  for (const path of judged) {
    const folder = candidateFolder(path);
    if (folder) folders.add(folder);
  }
  const all = new Set<string>(judged);
  if (listing) {
    for (const path of listing) {
      const folder = candidateFolder(path);
      if (folder === undefined || folders.has(folder)) all.add(path);
    }
  } else {
    for (const path of listRolePaths(root)) all.add(path);
    for (const folder of folders)
      for (const path of listCandidateDocumentPaths(root, folder.slice('candidates/'.length))) all.add(path);
  }
  return { all: [...all].sort() };
}

function candidateFolder(path: string): string | undefined {
  if (!path.startsWith('candidates/')) return undefined;
  const end = path.indexOf('/', 'candidates/'.length);
  return end === -1 ? undefined : path.slice(0, end);
}

/**
 * What a document's findings depend on, as hashes (RuleContext.workspace): a candidate's document's
 * key is its folder's hash (its own content included); every finding also depends on the roles,
 * whose hash the cache holds once.
 */
function dependencyKeys(hashes: ReadonlyMap<string, string>): {
  rolesKey: string;
  keys: Map<string, string>;
} {
  // The paths come sorted, so each folder's documents arrive together and in the same order every run.
  const roleParts: string[] = [];
  const keys = new Map<string, string>();
  let folder: string | undefined;
  let members: string[] = [];
  let parts: string[] = [];
  const closeFolder = () => {
    if (folder === undefined) return;
    const key = sha1(parts.join('\n'));
    for (const path of members) keys.set(path, key);
  };
  for (const [path, hash] of hashes) {
    const current = candidateFolder(path);
    if (current === undefined) {
      roleParts.push(`${path}\0${hash}`);
      keys.set(path, 'roles');
      continue;
    }
    if (current !== folder) {
      closeFolder();
      folder = current;
      members = [];
      parts = [];
    }
    members.push(path);
    parts.push(`${path}\0${hash}`);
  }
  closeFolder();
  return { rolesKey: sha1(roleParts.join('\n')), keys };
}

function readIfThere(absolute: string): Buffer | undefined {
  try {
    return readFileSync(absolute);
  } catch {
    return undefined;
  }
}

/**
 * Judges every document of the repository without listing it first: the threads list the
 * candidate folders they claim, so the second one starts while the first would still be listing.
 */
async function judgeRepository(input: LintRunInput): Promise<LintRunOutput> {
  const roles = listRolePaths(input.root);
  const shares = await judgeInShares(input, {
    paths: roles,
    judged: roles,
    folders: listCandidateIds(input.root),
  });
  return {
    judged: roles.concat(...shares.listed),
    diagnostics: shares.diagnostics,
    failures: shares.failures,
    fromCache: 0,
  };
}

async function judge(
  input: LintRunInput,
  judged: readonly string[],
  context: Context,
  texts: ReadonlyMap<string, string> | undefined,
): Promise<{ diagnostics: Diagnostic[]; failures: RuleFailureReport[] }> {
  const { diagnostics, failures } = await judgeInShares(input, {
    paths: context.all,
    judged: [...judged],
    texts: texts ? context.all.map((path) => texts.get(path)) : undefined,
  });
  return { diagnostics, failures };
}

/** Runs a job over as many threads as it is worth, and gathers what the shares found and listed. */
async function judgeInShares(
  input: LintRunInput,
  documents: Pick<PartitionJob, 'paths' | 'judged' | 'folders' | 'texts'>,
): Promise<{ diagnostics: Diagnostic[]; failures: RuleFailureReport[]; listed: string[][] }> {
  const job: PartitionJob = { root: input.root, configText: input.configText, now: input.now, ...documents };
  const results = await runShares(shareJob(job, { threshold: input.parallelThreshold }), input.config);
  return {
    diagnostics: results.flatMap((result) => result.diagnostics),
    failures: results.flatMap((result) => result.failures),
    listed: results.map((result) => result.listed),
  };
}
