import { type DocumentLocation, locateDocument } from '../layout.js';

/**
 * Parses what `git log -z --raw --no-abbrev --format=<LOG_FORMAT>` (and `git diff --raw -z`) print:
 * NUL-separated records, so that no subject, body or path (spaces, newlines, non-ASCII) can break it.
 */

/** Fields of a commit header, separated by U+001F; the raw message comes last because it may hold anything. */
export const LOG_FORMAT = ['%H', '%P', '%an', '%ae', '%aI', '%G?', '%B'].join('%x1f');

export type ChangeStatus = 'A' | 'M' | 'D' | 'R' | 'C' | 'T' | 'U' | 'X';

export interface FileChange {
  status: ChangeStatus;
  /** What the path is in the handoff layout (undefined for other files), and the same for oldPath. */
  location: DocumentLocation | undefined;
  oldLocation?: DocumentLocation | undefined;
  /** The path after the change (for a deletion, the path that was removed). */
  path: string;
  /** The path before a rename or copy. */
  oldPath?: string;
  /** Blob ids before and after; undefined for the side that does not exist (an addition's before). */
  oldBlob: string | undefined;
  newBlob: string | undefined;
}

export interface Commit {
  hash: string;
  parents: string[];
  author: string;
  email: string;
  /** Author date, strict ISO 8601 with the author's offset. */
  date: string;
  /** `%G?`: G good, B bad, U good with unknown validity, X/Y expired, R revoked, E cannot be checked, N none. */
  signature: string;
  subject: string;
  /** The whole raw message (subject, body and trailers). */
  message: string;
  changes: FileChange[];
}

const UNIT = '\x1f';

/** Parses the output of one `git log -z --raw --no-abbrev --format=<LOG_FORMAT>` run, in output order. */
export function parseGitLog(raw: string): Commit[] {
  const parser = new GitLogParser();
  return [...parser.push(raw), ...parser.end()];
}

/**
 * The same parser fed chunk by chunk while git is still writing, so that parsing (and reading the
 * file versions the commits name) overlaps with git's own work. Returns the commits completed so far.
 */
export class GitLogParser {
  private carry = '';
  private current: Commit | undefined;
  /** A raw entry whose path tokens have not all arrived: its header and the paths still expected. */
  private pending: { entry: RegExpExecArray; first: string | undefined; expected: number } | undefined;

  push(text: string): Commit[] {
    const tokens = (this.carry === '' ? text : this.carry + text).split('\0');
    this.carry = tokens.pop()!;
    return this.consume(tokens);
  }

  end(): Commit[] {
    const tokens = this.carry === '' ? [] : [this.carry];
    this.carry = '';
    const done = this.consume(tokens);
    if (this.current) done.push(this.current);
    this.current = undefined;
    return done;
  }

  private consume(tokens: string[]): Commit[] {
    const done: Commit[] = [];
    for (const token of tokens) {
      if (this.pending) {
        if (this.pending.expected === 2 && this.pending.first === undefined) this.pending.first = token;
        else this.finishEntry(token);
        continue;
      }
      if (isRawEntry(token)) {
        const entry = RAW_ENTRY.exec(token);
        if (entry)
          this.pending = { entry, first: undefined, expected: entry[5] === 'R' || entry[5] === 'C' ? 2 : 1 };
        continue;
      }
      if (token === '' || token === '\n') continue;
      const commit = parseHeader(token);
      if (!commit) continue;
      if (this.current) done.push(this.current);
      this.current = commit;
    }
    return done;
  }

  private finishEntry(lastPath: string): void {
    const { entry, first } = this.pending!;
    this.pending = undefined;
    if (this.current) this.current.changes.push(changeOf(entry, first, lastPath));
  }
}

/** Parses `git diff --raw -z --no-abbrev` output. */
export function parseRawDiff(raw: string): FileChange[] {
  const tokens = raw.split('\0');
  const changes: FileChange[] = [];
  let index = 0;
  while (index < tokens.length) {
    if (!isRawEntry(tokens[index]!)) {
      index++;
      continue;
    }
    const parsed = readRawEntry(tokens, index);
    index = parsed.next;
    if (parsed.change) changes.push(parsed.change);
  }
  return changes;
}

function isRawEntry(token: string): boolean {
  return token.startsWith(':') || token.startsWith('\n:');
}

const RAW_ENTRY = /^\n?:(\d{6}) (\d{6}) ([0-9a-f]+) ([0-9a-f]+) ([A-Z])(\d*)$/;
const ZERO = /^0+$/;

function readRawEntry(tokens: string[], index: number): { change: FileChange | undefined; next: number } {
  const entry = RAW_ENTRY.exec(tokens[index]!);
  if (!entry) return { change: undefined, next: index + 1 };
  const twoPaths = entry[5] === 'R' || entry[5] === 'C';
  const change = twoPaths
    ? changeOf(entry, tokens[index + 1] ?? '', tokens[index + 2] ?? '')
    : changeOf(entry, undefined, tokens[index + 1] ?? '');
  return { change, next: index + (twoPaths ? 3 : 2) };
}

/** A change from a raw entry (`:<mode> <mode> <old> <new> <status>`) and its path (or old and new path). */
function changeOf(entry: RegExpExecArray, oldPath: string | undefined, path: string): FileChange {
  const oldBlob = ZERO.test(entry[3]!) ? undefined : entry[3]!;
  const newBlob = ZERO.test(entry[4]!) ? undefined : entry[4]!;
  const status = entry[5] as ChangeStatus;
  const location = locateDocument(path);
  return oldPath === undefined
    ? { status, location, path, oldBlob, newBlob }
    : { status, location, oldLocation: locateDocument(oldPath), path, oldPath, oldBlob, newBlob };
}

function parseHeader(token: string): Commit | undefined {
  // Six separators, found one by one: the message after the last may itself hold anything.
  const ends: number[] = [];
  let from = 0;
  for (let field = 0; field < 6; field++) {
    const at = token.indexOf(UNIT, from);
    if (at === -1) return undefined;
    ends.push(at);
    from = at + 1;
  }
  const hash = token.slice(0, ends[0]);
  if (!HASH.test(hash)) return undefined;
  const message = token.slice(from);
  const newline = message.indexOf('\n');
  const parents = token.slice(ends[0]! + 1, ends[1]);
  return {
    hash,
    parents: parents === '' ? [] : parents.split(' '),
    author: token.slice(ends[1]! + 1, ends[2]),
    email: token.slice(ends[2]! + 1, ends[3]),
    date: token.slice(ends[3]! + 1, ends[4]),
    signature: token.slice(ends[4]! + 1, ends[5]) || 'N',
    subject: (newline === -1 ? message : message.slice(0, newline)).trim(),
    message,
    changes: [],
  };
}

const HASH = /^[0-9a-f]{7,64}$/;
