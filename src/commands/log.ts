import { join } from 'node:path';
import {
  blobsOf,
  type DeriveOptions,
  EventDerivation,
  type HandoffEvent,
  profilePairs,
  ROLE_PARTS,
} from '../core/audit/events.js';
import { type FullYamlParser, textField, VersionCache } from '../core/audit/fields.js';
import { formatEventsNdjson, formatEventsText } from '../core/audit/format.js';
import type { Commit } from '../core/audit/git-log.js';
import { matchCandidate } from '../core/briefing/lookup.js';
import { isDate } from '../core/dates.js';
import { paths } from '../core/layout.js';
import { HandoffError } from '../errors.js';
import {
  BlobReader,
  notAGitRepository,
  readHistory,
  readRepositoryState,
  shallowBoundaries,
} from '../io/git-history.js';
import { listCandidateIds } from '../io/listing.js';
import { readText } from '../io/read-text.js';
import { findRoot } from '../io/root.js';
import type { CommandContext } from './context.js';

interface LogOptions {
  since?: string;
  until?: string;
  json?: boolean;
}

/** What history needs of each profile and role version (last_contact: for status and metrics). */
const KEPT_FIELDS = ['stage', 'status', 'role', 'last_contact', ...ROLE_PARTS];

/** The events of the whole history, for `handoff log` and for commands that need stage dates (metrics). */
export async function readEvents(
  root: string,
  env: NodeJS.ProcessEnv,
): Promise<{
  events: HandoffEvent[];
  shallow: boolean;
  hasCommits: boolean;
  /** Oldest first, with the profile versions read: for status and metrics, which read more than the events. */
  commits?: Commit[];
  versions?: VersionCache;
}> {
  const state = await readRepositoryState(root, env);
  if (!state.inside) throw notAGitRepository(root, 'handoff log');
  if (!state.head) return { events: [], shallow: false, hasCommits: false };
  const boundaries = state.shallow ? await shallowBoundaries(root, env) : new Set<string>();
  const history = new HistoryPipeline(root, env, { shallowBoundaries: boundaries });
  try {
    await readHistory(root, env, { inFolder: state.prefix !== '', oldestFirst: true }, (commits) =>
      history.add(commits),
    );
  } catch (error) {
    await history.close();
    throw error;
  }
  const events = await history.finish();
  return {
    events,
    shallow: state.shallow,
    hasCommits: true,
    commits: history.commits,
    versions: history.versions,
  };
}

/**
 * git log, git cat-file and the derivation of events overlap: git writes the commits oldest first;
 * each commit's file versions are requested from cat-file as soon as it is parsed; each version is
 * read as it arrives (from its difference to the version before, where it can be); and each commit
 * goes to the derivation as soon as its versions are read. What is left when git is done is little.
 */
class HistoryPipeline {
  readonly commits: Commit[] = [];
  readonly versions = new VersionCache(KEPT_FIELDS);
  private readonly derivation: EventDerivation;
  private readonly reader: BlobReader;
  /** The blobs each queued commit waits for. */
  private readonly needs: string[][] = [];
  private readonly arrived = new Set<string>();
  private readonly older = new Map<string, string>();
  private next = 0;
  private parser: FullYamlParser | undefined;
  private parserLoading: Promise<void> | undefined;

  constructor(root: string, env: NodeJS.ProcessEnv, options: DeriveOptions) {
    this.derivation = new EventDerivation(this.versions, options);
    this.reader = new BlobReader(root, env, (id, text) => {
      if (text !== undefined) {
        this.versions.add(id, text);
        this.versions.read(id, this.older.get(id));
      }
      this.arrived.add(id);
      this.pump();
    });
  }

  add(commits: Commit[]): void {
    for (const commit of commits) {
      this.commits.push(commit);
      for (const [older, newer] of profilePairs(commit))
        if (!this.older.has(newer)) this.older.set(newer, older);
      const ids = blobsOf(commit);
      this.needs.push(ids);
      this.reader.request(ids);
    }
    this.pump();
  }

  async finish(): Promise<HandoffEvent[]> {
    await this.reader.finish();
    if (this.versions.needsFullParser && !this.completeVersions()) await this.parserLoading;
    this.pump();
    // Every requested blob has arrived or is missing by now; whatever still waits goes through as it is.
    while (this.next < this.commits.length) this.derivation.push(this.commits[this.next++]!);
    return this.derivation.finish();
  }

  /** Ends cat-file after a failure, so that nothing keeps running. */
  async close(): Promise<void> {
    await this.reader.finish().catch(() => undefined);
  }

  /** Derives every queued commit whose versions are all read. */
  private pump(): void {
    while (this.next < this.commits.length) {
      if (!this.needs[this.next]!.every((id) => this.arrived.has(id))) return;
      if (this.versions.needsFullParser && !this.completeVersions()) return;
      this.derivation.push(this.commits[this.next]!);
      this.needs[this.next] = [];
      this.next++;
    }
  }

  /** Reads what the small YAML reader left; loads the full parser the first time (false until loaded). */
  private completeVersions(): boolean {
    if (this.parser) {
      this.versions.complete(this.parser);
      return true;
    }
    this.parserLoading ??= import('../core/yaml.js').then((module) => {
      this.parser = module.parseFrontMatterYaml;
      this.pump();
    });
    return false;
  }
}

export async function logCommand(
  context: CommandContext,
  candidate: string | undefined,
  options: LogOptions,
): Promise<number> {
  const { io } = context;
  for (const [flag, value] of [
    ['--since', options.since],
    ['--until', options.until],
  ] as const) {
    if (value !== undefined && !isDate(value)) {
      throw new HandoffError('usage', `${flag} "${value}" is not a date written as YYYY-MM-DD`, {
        fix: `Pass a date like ${flag} 2026-11-01.`,
      });
    }
  }
  const root = findRoot(io.cwd, context.repo);
  const env = { ...process.env, ...io.env };
  const { events, shallow, hasCommits } = await readEvents(root, env);
  if (!hasCommits) {
    io.stderr.write('handoff: this repository has no commits yet, so there is no history to show.\n');
    io.stderr.write(
      '  Commit the handoff documents (handoff advance and "handoff new --commit" do it for you), then run again.\n',
    );
    return 0;
  }
  if (shallow) {
    io.stderr.write(
      'handoff: this clone is shallow, so the history before its oldest commit is missing and earlier events are not shown.\n' +
        '  Fetch the whole history with "git fetch --unshallow" (in GitHub Actions: actions/checkout with fetch-depth: 0).\n',
    );
  }

  const wanted = candidate === undefined ? undefined : await resolveLoggedCandidate(root, candidate, events);
  const shown = events.filter(
    (event) =>
      (wanted === undefined || event.candidate === wanted) &&
      (options.since === undefined || event.date >= options.since) &&
      (options.until === undefined || event.date <= options.until),
  );

  if (options.json) {
    io.stdout.write(formatEventsNdjson(shown));
    return 0;
  }
  if (shown.length === 0) {
    io.stdout.write(
      `No handoff events${wanted ? ` for ${wanted}` : ''}${rangeText(options)} in the history.\n`,
    );
    return 0;
  }
  const { createColors } = await import('../io/colors.js');
  const colors = createColors(context.color);
  io.stdout.write(
    formatEventsText(shown, { heading: (text) => colors.bold(text), dim: (text) => colors.dim(text) }),
  );
  return 0;
}

function rangeText(options: LogOptions): string {
  if (options.since && options.until) return ` from ${options.since} to ${options.until}`;
  if (options.since) return ` since ${options.since}`;
  if (options.until) return ` until ${options.until}`;
  return '';
}

/**
 * An id seen in the history (the candidate may since have been removed or renamed) or in the
 * candidates folder, else a unique part of a current profile's name.
 */
async function resolveLoggedCandidate(
  root: string,
  query: string,
  events: readonly HandoffEvent[],
): Promise<string> {
  const inHistory = new Set(events.map((event) => event.candidate).filter((id): id is string => id !== null));
  if (inHistory.has(query)) return query;
  const ids = [...new Set([...listCandidateIds(root), ...inHistory])].sort();
  const profiles = new VersionCache();
  for (const id of ids) {
    try {
      profiles.add(id, readText(join(root, paths.profile(id))));
      profiles.read(id);
    } catch {
      // Removed since: matched by id only.
    }
  }
  if (profiles.needsFullParser) profiles.complete((await import('../core/yaml.js')).parseFrontMatterYaml);
  const entries = ids.map((id) => {
    const profile = profiles.get(id);
    return { id, name: profile?.readable ? textField(profile.data, 'name') : undefined };
  });
  return matchCandidate(query, entries);
}
