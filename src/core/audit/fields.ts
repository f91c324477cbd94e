/**
 * Reading the front matter of document versions from history. Most versions take the small reader of
 * core/yaml-fast.ts (no yaml package, a tenth of its cost); the rest wait for the full parser, which the
 * caller loads only when some version needs it, so that `handoff log` rarely loads the yaml package.
 */
import { describeSplitProblem, splitFrontMatter } from '../frontmatter.js';
import type { ParsedYaml } from '../yaml.js';
import { parseSimpleYaml } from '../yaml-fast.js';

/** parseFrontMatterYaml from core/yaml.ts, passed in by the caller that loaded it. */
export type FullYamlParser = (text: string, firstLine: number) => ParsedYaml;

export type DocumentVersion =
  | { readable: true; data: Record<string, unknown> }
  | { readable: false; problem: string };

interface CachedVersion {
  version: DocumentVersion;
  /**
   * The front matter's lines, to read a neighbouring version from its difference to this one; only
   * for versions the small reader read (so every line is block YAML, with no multi-line values).
   */
  lines?: string[];
}

/**
 * Every version of the documents history reads, by blob id. A version that differs from a neighbour
 * in history (the version before or after it, already read) only in top-level `key: value` lines,
 * as a stage or status change does, is read from that difference instead of being parsed again.
 */
export class VersionCache {
  private readonly texts = new Map<string, string>();
  private readonly versions = new Map<string, CachedVersion>();
  private readonly waiting = new Map<string, string>();
  private readonly interned = new Map<string, string>();

  /**
   * `keep`: the only top-level keys to keep of each version (history keeps thousands of versions;
   * keeping a few values, rather than the whole front matter, lets each file's text be freed).
   */
  constructor(private readonly keep?: readonly string[]) {}

  add(id: string, text: string): void {
    this.texts.set(id, text);
  }

  /** Reads a version (once), from its difference to `neighbour` (if already read) where that is safe. */
  read(id: string | undefined, neighbour?: string): void {
    if (id === undefined || this.versions.has(id) || this.waiting.has(id)) return;
    const text = this.texts.get(id);
    if (text === undefined) return;
    this.texts.delete(id);
    const yaml = frontMatterText(text);
    const lines = yaml?.split('\n');
    const before = neighbour === undefined ? undefined : this.versions.get(neighbour);
    if (lines && before?.lines && before.version.readable) {
      const data = dataFromDifference(before.version.data, before.lines, lines);
      if (data) {
        // The neighbour's lines have served: most versions have one neighbour still to read, this one.
        before.lines = undefined;
        this.versions.set(id, { version: { readable: true, data: this.reduce(data) }, lines });
        return;
      }
    }
    const parsed = yaml === undefined ? undefined : parseSimpleYaml(yaml, 2);
    if (parsed?.data)
      this.versions.set(id, { version: { readable: true, data: this.reduce(parsed.data) }, lines });
    else this.waiting.set(id, text);
  }

  private reduce(data: Record<string, unknown>): Record<string, unknown> {
    if (!this.keep) return data;
    const kept: Record<string, unknown> = {};
    for (const key of this.keep) {
      const value = data[key];
      if (value === undefined) continue;
      // One copy of each value: a substring would keep its whole file alive.
      if (typeof value !== 'string') kept[key] = value;
      else {
        let known = this.interned.get(value);
        if (known === undefined) {
          known = value;
          this.interned.set(value, value);
        }
        kept[key] = known;
      }
    }
    return kept;
  }

  /** Whether some version read so far needs the full parser (unusual or broken YAML). */
  get needsFullParser(): boolean {
    return this.waiting.size > 0;
  }

  /** Reads the versions the small reader left, with the full parser. */
  complete(parse: FullYamlParser): void {
    for (const [id, text] of this.waiting) {
      const version = readFully(text, parse);
      this.versions.set(id, {
        version: version.readable ? { readable: true, data: this.reduce(version.data) } : version,
      });
    }
    this.waiting.clear();
  }

  get(id: string | undefined): DocumentVersion | undefined {
    if (id === undefined) return undefined;
    if (!this.versions.has(id)) this.read(id);
    return this.versions.get(id)?.version;
  }
}

/** A top-level `key: plain value`, with nothing YAML could read as structure, and maybe a comment. */
const SIMPLE_LINE = /^([A-Za-z][A-Za-z0-9_-]*): +([A-Za-z0-9][^:#'"[\]{}\t\r]*?)(?: +#.*)? *$/;
/** YAML 1.2's core schema reads these plain scalars as null, booleans or numbers rather than text. */
const NOT_TEXT =
  /^(~|null|Null|NULL|true|True|TRUE|false|False|FALSE|[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?|[-+]?\.(inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;

/**
 * The data of a version whose front matter has the same lines as an earlier version that the small
 * reader read (so every line is block YAML) except for top-level `key: plain value` lines with the
 * same key: replacing one plain text scalar with another keeps the YAML valid and changes only that
 * value. Undefined when the difference is anything else.
 */
export function dataFromDifference(
  data: Record<string, unknown>,
  before: readonly string[],
  after: readonly string[],
): Record<string, unknown> | undefined {
  if (before.length !== after.length) return undefined;
  let changed: Record<string, unknown> | undefined;
  for (let index = 0; index < after.length; index++) {
    const line = after[index]!;
    const old = before[index]!;
    if (line === old) continue;
    const now = SIMPLE_LINE.exec(line);
    const then = SIMPLE_LINE.exec(old);
    if (!now || !then || now[1] !== then[1] || NOT_TEXT.test(now[2]!) || NOT_TEXT.test(then[2]!))
      return undefined;
    changed ??= { ...data };
    changed[now[1]!] = now[2]!;
  }
  return changed ?? data;
}

function readFully(text: string, parse: FullYamlParser): DocumentVersion {
  const split = splitFrontMatter(text);
  if (!split.ok) return { readable: false, problem: describeSplitProblem(split.problem) };
  const parsed = parse(split.parts.yaml, split.parts.yamlLine);
  const problem = parsed.problems[0];
  if (problem) return { readable: false, problem: `line ${problem.line}: ${problem.message}` };
  if (!parsed.data)
    return { readable: false, problem: 'the front matter is not a mapping of keys to values' };
  return { readable: true, data: parsed.data };
}

/**
 * The YAML between the fences of the usual `---` opening, found without splitting the whole file into
 * lines; undefined for anything unusual (a byte-order mark, no fence, no closing fence, NUL bytes).
 */
export function frontMatterText(text: string): string | undefined {
  const opening = text.startsWith('---\n') ? 4 : -1;
  if (opening === -1 || text.includes('\0')) return undefined;
  let position = opening;
  while (position <= text.length) {
    const newline = text.indexOf('\n', position);
    const end = newline === -1 ? text.length : newline;
    const first = text.charCodeAt(position);
    if ((first === 45 || first === 46) && CLOSING_FENCE.test(text.slice(position, end))) {
      return text.slice(opening, Math.max(opening, position - 1));
    }
    if (newline === -1) return undefined;
    position = newline + 1;
  }
  return undefined;
}

const CLOSING_FENCE = /^(---|\.\.\.)[ \t]*$/;

/** A top-level string value, or undefined (absent, or not text). */
export function textField(data: Record<string, unknown>, key: string): string | undefined {
  const value = data[key];
  return typeof value === 'string' ? value : undefined;
}
