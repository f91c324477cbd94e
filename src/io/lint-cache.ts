import { createHash, hash as oneShotHash } from 'node:crypto';
import { existsSync, readFileSync, type Stats } from 'node:fs';
import { join } from 'node:path';
import type { Diagnostic } from '../core/diagnostics.js';
import { writeRepoFile } from './files.js';

/**
 * `--cache`: what a lint run learnt, kept in ONE file under .handoff/cache/ (one JSON file of about
 * 10 MB for 60,000 documents reads in tens of milliseconds; 60,000 small files would not).
 *
 * - The SHA-1 of each document's content, with the size and times it had when hashed, so that an
 *   unchanged file is not even read again (as Git's index does; a file changed within two seconds of
 *   the cache being written is always read, since its time may not show the change).
 * - The findings of each judged document, under a key that is the hash of everything its findings may
 *   depend on: its candidate folder's documents (its own content included) and, for the whole cache,
 *   the roles, the config, "today", handoff's version and the rule ids (see RuleContext.workspace).
 *
 * An unchanged document is then neither read, parsed nor judged again. Findings rather than parsed
 * documents are kept: a parsed document with its key positions is about 8 KB of JSON, and reading that
 * back costs more than parsing the Markdown again. A corrupt or foreign cache file is ignored.
 */
export const CACHE_FILE = '.handoff/cache/lint-v1.json';
const CACHE_IGNORE = '.handoff/cache/.gitignore';

const FORMAT = 2;
/** A file whose modification time is this close to the cache's writing is read again anyway. */
const RACY_MS = 2000;

export interface CacheHeader {
  version: string;
  configHash: string;
  now: string;
  rules: string;
}

/** [line, column, endLine (0 if none), endColumn (0 if none), ruleId, 1 warning | 2 error, message] */
type StoredFinding = [number, number, number, number, string, 1 | 2, string];

/** Columns rather than one object per file: JSON.parse reads arrays of plain values fastest. */
interface CacheFileShape {
  format: typeof FORMAT;
  header: CacheHeader;
  writtenAt: number;
  rolesKey: string;
  paths: string[];
  hashes: string[];
  sizes: number[];
  mtimes: number[];
  ctimes: number[];
  /** The key the findings were judged under, or "" when the file's findings are not known. */
  keys: string[];
  /** Findings by index into `paths`, for the files that have any. */
  findings: Record<string, StoredFinding[]>;
}

interface FileEntry {
  hash: string;
  size: number;
  mtime: number;
  ctime: number;
  key: string;
  findings: StoredFinding[];
}

export function sha1(content: string | Buffer): string {
  return typeof oneShotHash === 'function'
    ? oneShotHash('sha1', content, 'base64')
    : createHash('sha1').update(content).digest('base64');
}

export class LintCache {
  private dirty = false;

  private constructor(
    private readonly root: string,
    private readonly header: CacheHeader,
    private readonly writtenAt: number,
    private rolesKey: string,
    private readonly files: Map<string, FileEntry>,
  ) {}

  /** Reads the cache; anything unreadable or corrupt gives an empty one. Findings under another header are dropped. */
  static load(root: string, header: CacheHeader): LintCache {
    const files = new Map<string, FileEntry>();
    let writtenAt = 0;
    let rolesKey = '';
    try {
      const stored = JSON.parse(readFileSync(join(root, CACHE_FILE), 'utf8')) as CacheFileShape;
      if (stored?.format === FORMAT && isWellFormed(stored)) {
        const sameHeader = (Object.keys(header) as (keyof CacheHeader)[]).every(
          (key) => stored.header?.[key] === header[key],
        );
        writtenAt = stored.writtenAt;
        rolesKey = sameHeader ? stored.rolesKey : '';
        stored.paths.forEach((path, index) => {
          files.set(path, {
            hash: stored.hashes[index]!,
            size: stored.sizes[index]!,
            mtime: stored.mtimes[index]!,
            ctime: stored.ctimes[index]!,
            key: sameHeader ? stored.keys[index]! : '',
            findings: (sameHeader && stored.findings[index]) || [],
          });
        });
      }
    } catch {
      // No cache yet, or a corrupt one: start empty.
    }
    return new LintCache(root, header, writtenAt, rolesKey, files);
  }

  /** The content hash remembered for a file, when its size and times show it unchanged since. */
  knownHash(path: string, stats: Stats): string | undefined {
    const entry = this.files.get(path);
    if (!entry || entry.size !== stats.size || entry.mtime !== stats.mtimeMs || entry.ctime !== stats.ctimeMs)
      return undefined;
    if (stats.mtimeMs >= this.writtenAt - RACY_MS || stats.ctimeMs >= this.writtenAt - RACY_MS)
      return undefined;
    return entry.hash;
  }

  rememberHash(path: string, hash: string, stats: Stats): void {
    const entry = this.files.get(path);
    if (
      entry &&
      entry.hash === hash &&
      entry.size === stats.size &&
      entry.mtime === stats.mtimeMs &&
      entry.ctime === stats.ctimeMs
    )
      return;
    const changed = !entry || entry.hash !== hash;
    this.files.set(path, {
      hash,
      size: stats.size,
      mtime: stats.mtimeMs,
      ctime: stats.ctimeMs,
      key: changed ? '' : entry.key,
      findings: changed ? [] : entry.findings,
    });
    this.dirty = true;
  }

  /** Findings depend on every role: when the roles changed, no stored finding holds. */
  useRolesKey(rolesKey: string): void {
    if (rolesKey === this.rolesKey) return;
    for (const entry of this.files.values()) {
      entry.key = '';
      entry.findings = [];
    }
    this.rolesKey = rolesKey;
    this.dirty = true;
  }

  /** The findings stored for a document under this key, or undefined. */
  findings(path: string, key: string): Diagnostic[] | undefined {
    const entry = this.files.get(path);
    if (!entry || entry.key === '' || entry.key !== key) return undefined;
    const findings: Diagnostic[] = [];
    for (const stored of entry.findings) {
      const finding = toFinding(path, stored);
      if (!finding) return undefined;
      findings.push(finding);
    }
    return findings;
  }

  /** Stores a judged document's findings (its hash must have been remembered first). */
  setFindings(path: string, key: string, findings: readonly Diagnostic[]): void {
    const entry = this.files.get(path);
    if (!entry) return;
    entry.key = key;
    entry.findings = findings.map(toStored);
    this.dirty = true;
  }

  /** Forgets files that no longer exist (when the whole repository was listed). */
  keepOnly(paths: ReadonlySet<string>): void {
    for (const path of this.files.keys()) {
      if (!paths.has(path)) {
        this.files.delete(path);
        this.dirty = true;
      }
    }
  }

  /** Writes the cache atomically when it changed. A cache that cannot be written is not an error. */
  save(): void {
    if (!this.dirty) return;
    const content: CacheFileShape = {
      format: FORMAT,
      header: this.header,
      writtenAt: Date.now(),
      rolesKey: this.rolesKey,
      paths: [],
      hashes: [],
      sizes: [],
      mtimes: [],
      ctimes: [],
      keys: [],
      findings: {},
    };
    for (const [path, entry] of this.files) {
      if (entry.findings.length > 0) content.findings[content.paths.length] = entry.findings;
      content.paths.push(path);
      content.hashes.push(entry.hash);
      content.sizes.push(entry.size);
      content.mtimes.push(entry.mtime);
      content.ctimes.push(entry.ctime);
      content.keys.push(entry.key);
    }
    try {
      writeRepoFile(this.root, CACHE_FILE, JSON.stringify(content), { force: true });
      // As pytest and ruff do: the cache folder ignores itself, so it never lands in a commit.
      if (!existsSync(join(this.root, CACHE_IGNORE)))
        writeRepoFile(this.root, CACHE_IGNORE, '*\n', { force: true });
      this.dirty = false;
    } catch {
      // A read-only checkout still lints; it only stays cold.
    }
  }
}

function isWellFormed(stored: CacheFileShape): boolean {
  const { paths } = stored;
  if (!Array.isArray(paths) || typeof stored.writtenAt !== 'number' || typeof stored.rolesKey !== 'string')
    return false;
  const columns = [stored.hashes, stored.sizes, stored.mtimes, stored.ctimes, stored.keys];
  if (!columns.every((column) => Array.isArray(column) && column.length === paths.length)) return false;
  return stored.findings !== null && typeof stored.findings === 'object';
}

function toStored(finding: Diagnostic): StoredFinding {
  return [
    finding.line,
    finding.column,
    finding.endLine ?? 0,
    finding.endColumn ?? 0,
    finding.ruleId,
    finding.severity === 'error' ? 2 : 1,
    finding.message,
  ];
}

function toFinding(file: string, stored: unknown): Diagnostic | undefined {
  if (!Array.isArray(stored) || stored.length !== 7) return undefined;
  const [line, column, endLine, endColumn, ruleId, severity, message] = stored as unknown[];
  if (typeof line !== 'number' || typeof column !== 'number' || typeof endLine !== 'number') return undefined;
  if (typeof endColumn !== 'number' || typeof ruleId !== 'string' || typeof message !== 'string')
    return undefined;
  if (severity !== 1 && severity !== 2) return undefined;
  const finding: Diagnostic = {
    file,
    line,
    column,
    ruleId,
    severity: severity === 2 ? 'error' : 'warning',
    message,
  };
  if (endLine > 0 && endColumn > 0) {
    finding.endLine = endLine;
    finding.endColumn = endColumn;
  }
  return finding;
}
