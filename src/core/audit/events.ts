/**
 * Handoff events reconstructed from history. Stage and status moves come from the `Handoff-*` trailers
 * where a commit has them, and from comparing the profile's front matter before and after the commit
 * where it does not (hand edits merged through a pull request); documents added, changed, removed or
 * renamed come from the file changes. Nothing here throws on odd history: malformed trailers and
 * front matter that does not parse become events of their own.
 */
import { type DocumentVersion, textField } from './fields.js';
import type { Commit, FileChange } from './git-log.js';
import { type MoveRecord, readHandoffTrailers } from './trailers.js';

export const eventTypes = [
  'profile-created',
  'profile-removed',
  'stage-changed',
  'status-changed',
  'memo-added',
  'memo-changed',
  'memo-removed',
  'scorecard-added',
  'scorecard-changed',
  'scorecard-removed',
  'survey-added',
  'survey-changed',
  'survey-removed',
  'renamed',
  'role-changed',
  'unreadable-front-matter',
  'malformed-trailer',
] as const;

export type EventType = (typeof eventTypes)[number];

/** Where an event was read from: a trailer, the front matter's change, a file change, a role's change. */
export type EventSource = 'trailer' | 'front-matter' | 'file' | 'role';

export interface HandoffEvent {
  /** The candidate id (after any later rename of the folder); null for a trailer that names none. */
  candidate: string | null;
  type: EventType;
  /** The day it happened: Handoff-Date when the move was recorded after the fact, else the author date's day. */
  date: string;
  from?: string;
  to?: string;
  /** For profile-created: where the candidate started. */
  stage?: string;
  status?: string;
  path?: string;
  previousPath?: string;
  interview?: string;
  interviewer?: string;
  role?: string;
  /** For role-changed: which parts changed (rubric, loop). */
  changes?: string[];
  /** Handoff-Override: why the gate or the order of stages was overridden. */
  override?: string;
  /** For malformed-trailer and unreadable-front-matter: what is wrong. */
  message?: string;
  source: EventSource;
  author: string;
  commit: string;
  /** The commit's author date and time (ISO 8601 with offset). */
  time: string;
  /** Whether the commit carries a signature (good or not: see `signature`). */
  signed: boolean;
  /** git's %G? letter: G good, B bad, U unknown validity, X/Y expired, R revoked, E cannot check, N none. */
  signature: string;
}

export interface DeriveOptions {
  /** Commits at the edge of a shallow clone: their "additions" are the clone's edge, not history. */
  shallowBoundaries?: ReadonlySet<string>;
}

/** The profile and role versions one commit's changes name. */
export function blobsOf(commit: Commit): string[] {
  const ids: string[] = [];
  for (const change of commit.changes) {
    const kind = (change.location ?? change.oldLocation)?.kind;
    if (kind === 'candidate') {
      if (change.newBlob) ids.push(change.newBlob);
      if (change.oldBlob && change.status !== 'A') ids.push(change.oldBlob);
    } else if (kind === 'role' && change.status !== 'A' && change.status !== 'D') {
      if (change.newBlob) ids.push(change.newBlob);
      if (change.oldBlob) ids.push(change.oldBlob);
    }
  }
  return ids;
}

interface ProfileState {
  stage: string | undefined;
  status: string | undefined;
  role: string | undefined;
}

type ProfileVersion = { readable: true; state: ProfileState } | { readable: false; problem: string };

/** The versions the derivation reads (core/audit/fields.ts VersionCache). */
export interface Versions {
  read(blob: string | undefined, neighbour?: string): void;
  get(blob: string | undefined): DocumentVersion | undefined;
}

/** For each profile change of a commit, [version before, version after]: neighbours in history. */
export function profilePairs(commit: Commit): [string, string][] {
  const pairs: [string, string][] = [];
  for (const change of commit.changes) {
    if (change.status === 'A' || !change.oldBlob || !change.newBlob) continue;
    if (change.location?.kind === 'candidate') pairs.push([change.oldBlob, change.newBlob]);
  }
  return pairs;
}

/**
 * Reads every profile and role version the commits name, in the order of history (oldest first), so
 * that each profile version can be read from its difference to the one before. Call before
 * deriveEvents, then give the full parser to the versions that need it.
 */
export function readVersions(commits: readonly Commit[], versions: Versions): void {
  for (const commit of commits) {
    for (const change of commit.changes) {
      const kind = (change.location ?? change.oldLocation)?.kind;
      if (kind !== 'candidate' && kind !== 'role') continue;
      if (change.status !== 'A') versions.read(change.oldBlob);
      versions.read(
        change.newBlob,
        kind === 'candidate' && change.status !== 'A' ? change.oldBlob : undefined,
      );
    }
  }
}

/**
 * Derives the events of `commits`, given oldest first, reading profile and role versions (the blobs
 * `blobsOf` names) from `versions`. Returns them per candidate in time order.
 */
export function deriveEvents(
  commits: readonly Commit[],
  versions: Versions,
  options: DeriveOptions = {},
): HandoffEvent[] {
  const derivation = new EventDerivation(versions, options);
  for (const commit of commits) derivation.push(commit);
  return derivation.finish();
}

type Move = { stage?: [from: string, to: string]; status?: [from: string, to: string] };

/** What one commit's changes add up to, collected before its events are emitted. */
class CommitScope {
  commit!: Commit;
  readonly emitted: HandoffEvent[] = [];
  /** Each candidate's state before the commit, for those whose profile it changes. */
  readonly before = new Map<string, ProfileState | undefined>();
  /** Stage and status changes seen in the front matter. */
  readonly moved = new Map<string, Move>();
  readonly touched = new Set<string>();
  readonly roleChanges: FileChange[] = [];
  private date = '';
  private signed = false;

  /** One scope serves every commit in turn: history has many commits and most change one file. */
  reset(commit: Commit): this {
    this.commit = commit;
    this.date = commit.date.slice(0, 10);
    this.signed = commit.signature !== 'N';
    this.emitted.length = 0;
    this.before.clear();
    this.moved.clear();
    this.touched.clear();
    this.roleChanges.length = 0;
    return this;
  }

  emit(type: EventType, candidate: string | null, source: EventSource, details: EventDetails = {}): void {
    // One object shape for every event (absent fields undefined) keeps building 100,000 of them cheap.
    this.emitted.push({
      candidate,
      type,
      date: details.date ?? this.date,
      from: details.from,
      to: details.to,
      stage: details.stage,
      status: details.status,
      path: details.path,
      previousPath: details.previousPath,
      interview: details.interview,
      interviewer: details.interviewer,
      role: details.role,
      changes: details.changes,
      override: details.override,
      message: details.message,
      source,
      author: this.commit.author,
      commit: this.commit.hash,
      time: this.commit.date,
      signed: this.signed,
      signature: this.commit.signature,
    });
  }
}

type EventDetails = Partial<
  Omit<HandoffEvent, 'type' | 'candidate' | 'source' | 'author' | 'commit' | 'time' | 'signed' | 'signature'>
>;

const NOUNS = { memo: 'memo', feedback: 'scorecard', survey: 'survey' } as const;

/**
 * The derivation fed one commit at a time, oldest first, so that it can run while git is still
 * writing the history: each commit once the versions it names have been read.
 */
export class EventDerivation {
  private readonly events: HandoffEvent[] = [];
  private readonly scope = new CommitScope();
  /** The last readable state of each candidate's profile, for from-values and role changes. */
  private readonly known = new Map<string, ProfileState>();
  /** Candidates whose profile is unreadable at the latest version seen (reported once until fixed). */
  private readonly unreadable = new Set<string>();
  private readonly profiles = new Map<string, ProfileVersion>();

  constructor(
    private readonly versions: Versions,
    private readonly options: DeriveOptions,
  ) {}

  /** The next commit in history, oldest first. */
  push(commit: Commit): void {
    const scope = this.scope.reset(commit);
    this.commit(scope);
    // At the edge of a shallow clone every file looks added: keep the state, not the events.
    if (!this.options.shallowBoundaries?.has(commit.hash))
      for (const event of scope.emitted) this.events.push(event);
  }

  /** The events, per candidate in time order. */
  finish(): HandoffEvent[] {
    return sortEvents(this.events);
  }

  private commit(scope: CommitScope): void {
    // Profiles first, so that a commit adding a whole candidate reads "profile created" before its documents.
    const changes =
      scope.commit.changes.length > 1
        ? [...scope.commit.changes].sort((a, b) => profileFirst(a) - profileFirst(b))
        : scope.commit.changes;
    for (const change of changes) {
      const { location, oldLocation } = change;
      if (location?.kind === 'role' || (!location && oldLocation?.kind === 'role')) {
        if (
          location?.kind === 'role' &&
          (change.status === 'M' || change.status === 'R' || change.status === 'T')
        ) {
          scope.roleChanges.push(change);
        }
        continue;
      }
      const candidate = location?.candidateId ?? oldLocation?.candidateId;
      if (!candidate) continue;
      scope.touched.add(candidate);
      // A rename from outside the layout is an addition; out of it, a removal; a copy, an addition.
      const status =
        change.status === 'C' || (change.status === 'R' && !oldLocation)
          ? 'A'
          : change.status === 'R' && !location
            ? 'D'
            : change.status;
      const kind = (location ?? oldLocation)!.kind;
      if (kind === 'candidate') {
        this.profileChange(scope, change, status, location?.candidateId, oldLocation?.candidateId);
        continue;
      }
      const noun = NOUNS[kind as keyof typeof NOUNS];
      const where = (location ?? oldLocation)!;
      const details: EventDetails = { path: change.path };
      if (kind === 'feedback') {
        details.interview = where.interviewId;
        details.interviewer = where.personId;
      }
      if (status === 'R') {
        // A folder rename is reported once, by the profile; the documents moving along are not news.
        const withFolder =
          oldLocation?.candidateId !== location?.candidateId &&
          insideFolder(change.oldPath!) === insideFolder(change.path);
        // A rename with an edit (git's similarity) is one event: the file moved.
        if (!withFolder)
          scope.emit('renamed', candidate, 'file', { ...details, previousPath: change.oldPath });
      } else if (status === 'A') scope.emit(`${noun}-added`, candidate, 'file', details);
      else if (status === 'D') scope.emit(`${noun}-removed`, candidate, 'file', details);
      else scope.emit(`${noun}-changed`, candidate, 'file', details);
    }

    const trailers = readHandoffTrailers(scope.commit.message);
    this.reconcileMoves(scope, trailers.moves);
    for (const malformed of trailers.malformed) {
      const only = scope.touched.size === 1 ? [...scope.touched][0]! : null;
      scope.emit('malformed-trailer', malformed.candidate ?? only, 'trailer', { message: malformed.message });
    }
    for (const change of scope.roleChanges) this.roleChange(scope, change);
  }

  private profileChange(
    scope: CommitScope,
    change: FileChange,
    status: string,
    newId: string | undefined,
    oldId: string | undefined,
  ): void {
    const candidate = (status === 'D' ? (oldId ?? newId) : (newId ?? oldId))!;
    if (status === 'D') {
      scope.emit('profile-removed', candidate, 'file', { path: change.oldPath ?? change.path });
      return;
    }
    if (status === 'R' && oldId && newId && oldId !== newId) {
      this.rename(oldId, newId);
      scope.emit('renamed', newId, 'file', {
        from: oldId,
        to: newId,
        path: change.path,
        previousPath: change.oldPath,
      });
    }
    const old = status === 'A' ? undefined : this.version(change.oldBlob);
    const version = this.version(change.newBlob);
    const previous = this.known.get(candidate);
    if (!scope.before.has(candidate)) scope.before.set(candidate, previous);
    if (status === 'A') {
      const state = version.readable ? version.state : undefined;
      scope.emit('profile-created', candidate, 'file', {
        path: change.path,
        stage: state?.stage,
        status: state?.status,
      });
    }
    if (!version.readable) {
      if (!this.unreadable.has(candidate)) {
        scope.emit('unreadable-front-matter', candidate, 'front-matter', {
          path: change.path,
          message: version.problem,
        });
      }
      this.unreadable.add(candidate);
      return;
    }
    this.unreadable.delete(candidate);
    this.known.set(candidate, version.state);
    // The state before: the old version when it reads, else the last readable one seen.
    const from = old?.readable ? old.state : status === 'A' ? undefined : previous;
    if (!from) return;
    const move = scope.moved.get(candidate) ?? {};
    const { stage, status: outcome } = version.state;
    if (stage !== undefined && from.stage !== undefined && stage !== from.stage)
      move.stage = [from.stage, stage];
    if (outcome !== undefined && from.status !== undefined && outcome !== from.status)
      move.status = [from.status, outcome];
    scope.moved.set(candidate, move);
  }

  /** Trailers record moves as the person meant them; front-matter changes they do not explain are added. */
  private reconcileMoves(scope: CommitScope, moves: MoveRecord[]): void {
    for (const move of moves) {
      const derived = scope.moved.get(move.candidate);
      const prior = scope.before.has(move.candidate)
        ? scope.before.get(move.candidate)
        : this.known.get(move.candidate);
      const details: EventDetails = { override: move.override, date: move.date };
      if (move.stage !== undefined) {
        const from = move.from ?? (derived?.stage?.[1] === move.stage ? derived.stage[0] : prior?.stage);
        if (from !== move.stage)
          scope.emit('stage-changed', move.candidate, 'trailer', { ...details, from, to: move.stage });
      }
      if (move.status !== undefined) {
        const from = derived?.status?.[1] === move.status ? derived.status[0] : prior?.status;
        if (from !== move.status)
          scope.emit('status-changed', move.candidate, 'trailer', { ...details, from, to: move.status });
      }
      // A move recorded in trailers but not in the file (an amended commit) still happened as recorded.
      const known = this.known.get(move.candidate);
      if (!scope.before.has(move.candidate) && known) {
        this.known.set(move.candidate, {
          ...known,
          stage: move.stage ?? known.stage,
          status: move.status ?? known.status,
        });
      }
    }
    for (const [candidate, derived] of scope.moved) {
      const recorded = moves.filter((move) => move.candidate === candidate);
      if (derived.stage && !recorded.some((move) => move.stage === derived.stage![1])) {
        scope.emit('stage-changed', candidate, 'front-matter', {
          from: derived.stage[0],
          to: derived.stage[1],
        });
      }
      if (derived.status && !recorded.some((move) => move.status === derived.status![1])) {
        scope.emit('status-changed', candidate, 'front-matter', {
          from: derived.status[0],
          to: derived.status[1],
        });
      }
    }
  }

  /** A role's rubric or loop changing reaches every candidate in process for it at that moment. */
  private roleChange(scope: CommitScope, change: FileChange): void {
    const roleId = change.location?.roleId;
    const before = this.versions.get(change.oldBlob);
    const after = this.versions.get(change.newBlob);
    if (!roleId || !before?.readable || !after?.readable) return;
    const changes = roleDifferences(before.data, after.data).filter(
      (part) => part === 'rubric' || part === 'loop',
    );
    if (changes.length === 0) return;
    for (const [candidate, state] of this.known) {
      if (state.role === roleId && state.status === 'active') {
        scope.emit('role-changed', candidate, 'role', { role: roleId, changes, path: change.path });
      }
    }
  }

  private rename(oldId: string, newId: string): void {
    for (const event of this.events) if (event.candidate === oldId) event.candidate = newId;
    const state = this.known.get(oldId);
    if (state) {
      this.known.set(newId, state);
      this.known.delete(oldId);
    }
  }

  private version(blob: string | undefined): ProfileVersion {
    if (!blob) return { readable: false, problem: 'the file is empty' };
    let version = this.profiles.get(blob);
    if (version) return version;
    const read = this.versions.get(blob);
    if (!read) version = { readable: false, problem: 'this version could not be read from the repository' };
    else if (!read.readable) version = read;
    else {
      const { data } = read;
      version = {
        readable: true,
        state: {
          stage: textField(data, 'stage'),
          status: textField(data, 'status'),
          role: textField(data, 'role'),
        },
      };
    }
    this.profiles.set(blob, version);
    return version;
  }
}

/** The parts of a role whose change history and reviews report, and the front-matter key of each. */
const ROLE_PART_KEYS: [name: string, key: string][] = [
  ['expectations', 'expectations'],
  ['rubric', 'competencies'],
  ['compensation', 'compensation'],
  ['loop', 'loop'],
  ['timeline', 'timeline'],
  ['communication', 'communication'],
];

/** The front-matter keys of those parts. */
export const ROLE_PARTS = ROLE_PART_KEYS.map(([, key]) => key);

/** Which parts of a role differ between two versions (by value, whatever the layout). */
export function roleDifferences(
  before: Record<string, unknown> | undefined,
  after: Record<string, unknown> | undefined,
): string[] {
  if (!before || !after) return [];
  return ROLE_PART_KEYS.filter(([, key]) => JSON.stringify(before[key]) !== JSON.stringify(after[key])).map(
    ([name]) => name,
  );
}

function profileFirst(change: FileChange): number {
  return change.path.endsWith('/profile.md') ? 0 : 1;
}

/** A path inside its candidate folder: `candidates/<id>/feedback/x.md` -> `feedback/x.md`. */
function insideFolder(path: string): string {
  return path.split('/').slice(2).join('/');
}

/**
 * Per candidate (by id; events without one last), then by day; events of one day keep the order of
 * history, which follows the commits.
 */
export function sortEvents(events: HandoffEvent[]): HandoffEvent[] {
  const keyed = events.map((event, index) => ({
    event,
    index,
    candidate: event.candidate,
    date: event.date,
  }));
  keyed.sort((a, b) => {
    if (a.candidate !== b.candidate) {
      if (a.candidate === null) return 1;
      if (b.candidate === null) return -1;
      return a.candidate < b.candidate ? -1 : 1;
    }
    if (a.date !== b.date) return a.date < b.date ? -1 : 1;
    return a.index - b.index;
  });
  return keyed.map((entry) => entry.event);
}
