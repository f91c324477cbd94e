import { DeferredPositions } from './deferred-positions.js';
import type { Position } from './diagnostics.js';
import type { KeyPositions, ParsedYaml } from './yaml.js';

/**
 * A fast reader for the plain subset of YAML that handoff documents are written in: block mappings
 * and sequences, one-line flow collections, plain and quoted one-line scalars, comments. It returns
 * exactly what parseFrontMatterYaml returns for such text (data, key positions) and `undefined` for
 * anything else, which then goes to the full parser. The `yaml` package costs about 100 µs for a
 * profile; this about a tenth, which is what makes linting 60,000 documents take seconds, not tens.
 * test/yaml-fast.test.ts holds it to the full parser on the examples, the YAML test suite and
 * generated documents.
 */
export function parseSimpleYaml(
  text: string,
  firstLine: number,
  options: { deferPositions?: boolean } = {},
): ParsedYaml | undefined {
  if (UNSUPPORTED_CHARACTERS.test(text)) return undefined;
  const reader = new Reader(text.split('\n'), firstLine, !options.deferPositions);
  try {
    const start = reader.skipBlank(0);
    if (start >= reader.lines.length || indentation(reader.lines[start]!) !== 0) return undefined;
    const data: Record<string, unknown> = {};
    const end = reader.mapping(0, start, undefined, data, '', 0);
    if (reader.skipBlank(end.next) < reader.lines.length) return undefined;
    const positions = options.deferPositions
      ? new DeferredPositions(() => parseSimpleYaml(text, firstLine)!.positions)
      : reader.positions;
    return { data, positions, problems: [] };
  } catch (error) {
    if (error === UNSUPPORTED) return undefined;
    throw error;
  }
}

/** Tabs, control characters, BOMs and the Unicode line separators take the full parser's path. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what is looked for
const UNSUPPORTED_CHARACTERS = /[\t\r\x00-\x08\x0b-\x1f\x7f\u0085\u2028\u2029\ufeff]/;
const UNSUPPORTED = Symbol('unsupported');
const MAX_DEPTH = 60;

function bail(): never {
  throw UNSUPPORTED;
}

/** The plain key at `column` (letters, digits, `_`, then also `.` and `-`), or undefined. */
function keyAt(line: string, column: number): string | undefined {
  let end = column;
  for (;;) {
    const c = line.charCodeAt(end);
    const word = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95; // a-z A-Z 0-9 _
    if (!word && (end === column || (c !== 46 && c !== 45))) break; // . - not first
    end++;
  }
  return end === column ? undefined : line.slice(column, end);
}

function indentation(line: string): number {
  let index = 0;
  while (index < line.length && line.charCodeAt(index) === 32) index++;
  return index;
}

interface BlockEnd {
  /** The first line after the block. */
  next: number;
  /** The block's last line holding content (not blank, not only a comment). */
  last: number;
  /** Where the block ends when its last value is empty (`key:`): at that empty value, [line, column]. */
  emptyEnd?: [number, number];
}

/** Where no position is recorded (see Reader.recording). */
const NOWHERE: Position = Object.freeze({ line: 1, column: 1 });

class Reader {
  readonly positions: KeyPositions = new Map();

  /** Without `recording`, the reader makes the data alone: positions cost a third of the reading. */
  constructor(
    readonly lines: string[],
    private readonly firstLine: number,
    private readonly recording: boolean,
  ) {}

  /** Without recording, one entry no one reads stands in for every path's. */
  private readonly scratch = { key: NOWHERE, value: NOWHERE };

  /** The position entry of `path`, remembered in document order; filled in as the value is read. */
  private entry(path: string, key: Position, value: Position = key): { key: Position; value: Position } {
    if (!this.recording) return this.scratch;
    const entry = { key, value };
    this.positions.set(path, entry);
    return entry;
  }

  /** The dotted path below `prefix`; only positions use it, so without recording it is not made. */
  private pathOf(prefix: string, name: string | number): string {
    if (!this.recording) return '';
    return prefix === '' ? `${name}` : `${prefix}.${name}`;
  }

  /**
   * The next line at or after `index` that holds content. A comment indented deeper than that line
   * belongs to the blocks that end before it and moves their end, so it takes the full parser.
   */
  skipBlank(index: number): number {
    const { lines } = this;
    let deepestComment = -1;
    while (index < lines.length) {
      const line = lines[index]!;
      const indent = indentation(line);
      if (indent < line.length) {
        if (line.charCodeAt(indent) !== 35 /* # */) break;
        if (indent > deepestComment) deepestComment = indent;
      }
      index++;
    }
    const nextIndent = index < lines.length ? indentation(lines[index]!) : 0;
    if (deepestComment > nextIndent) bail();
    return index;
  }

  private at(line: number, column: number): Position {
    if (!this.recording) return NOWHERE;
    return { line: line + this.firstLine, column: column + 1 };
  }

  private span(line: number, column: number, endLine: number, endColumn: number): Position {
    if (!this.recording) return NOWHERE;
    return {
      line: line + this.firstLine,
      column: column + 1,
      endLine: endLine + this.firstLine,
      endColumn: endColumn + 1,
    };
  }

  /**
   * A block collection ends where the line after its last content line starts (or at the end of the
   * text), or at its last value when that is empty.
   */
  private blockSpan(line: number, column: number, end: BlockEnd): Position {
    if (end.emptyEnd) return this.span(line, column, end.emptyEnd[0], end.emptyEnd[1]);
    if (end.last < this.lines.length - 1) return this.span(line, column, end.last + 1, 0);
    return this.span(line, column, end.last, this.lines[end.last]!.length);
  }

  /**
   * A block mapping whose keys sit at column `indent`, from line `index`. `firstColumn` is set when the
   * first key follows a sequence's "- " on the same line.
   */
  mapping(
    indent: number,
    index: number,
    firstColumn: number | undefined,
    target: Record<string, unknown>,
    prefix: string,
    depth: number,
  ): BlockEnd {
    if (depth > MAX_DEPTH) bail();
    const { lines } = this;
    let last = index;
    let emptyEnd: [number, number] | undefined;
    let first = true;
    for (;;) {
      if (!first) index = this.skipBlank(index);
      if (index >= lines.length) break;
      const line = lines[index]!;
      const column = first && firstColumn !== undefined ? firstColumn : indentation(line);
      if (column < indent) break;
      if (column > indent) bail();
      first = false;
      const key = keyAt(line, column);
      if (key === undefined) {
        if (line.charCodeAt(column) === 45 /* - */) break;
        bail();
      }
      const colon = column + key.length;
      if (line.charCodeAt(colon) !== 58 /* : */) bail();
      if (colon + 1 < line.length && line.charCodeAt(colon + 1) !== 32) bail();
      const name = keyName(key);
      if (Object.hasOwn(target, name)) bail();
      const path = this.pathOf(prefix, name);
      const keySpan = this.span(index, column, index, colon);
      const valueColumn = skipSpaces(line, colon + 1);

      if (valueColumn >= line.length) {
        // Nothing after the colon: a nested block on the next lines, or an empty value.
        const next = this.skipBlank(index + 1);
        const nextLine = next < lines.length ? lines[next]! : '';
        const nextIndent = indentation(nextLine);
        if (next < lines.length && nextIndent >= indent && isSequenceItem(nextLine, nextIndent)) {
          const items: unknown[] = [];
          target[name] = items;
          const position = this.entry(path, keySpan);
          const end = this.sequence(nextIndent, next, items, path, depth + 1);
          position.value = this.blockSpan(next, nextIndent, end);
          index = end.next;
          last = end.last;
          emptyEnd = end.emptyEnd;
        } else if (next < lines.length && nextIndent > indent) {
          const nested: Record<string, unknown> = {};
          target[name] = nested;
          const position = this.entry(path, keySpan);
          const end = this.mapping(nextIndent, next, undefined, nested, path, depth + 1);
          position.value = this.blockSpan(next, nextIndent, end);
          index = end.next;
          last = end.last;
          emptyEnd = end.emptyEnd;
        } else {
          // Comments after an empty value change where the full parser ends the enclosing blocks.
          for (let between = index + 1; between < next; between++) if (lines[between]!.trim() !== '') bail();
          target[name] = null;
          this.entry(path, keySpan, this.span(index, line.length, index, line.length));
          last = index;
          emptyEnd = [index, line.length];
          index++;
        }
        continue;
      }

      if (line.charCodeAt(valueColumn) === 35 /* # */) bail();
      const position = this.entry(path, keySpan);
      const value = this.inline(index, valueColumn, path, false, depth + 1);
      position.value = value.span;
      target[name] = value.value;
      this.expectLineEnd(line, value.end);
      last = index;
      emptyEnd = undefined;
      index = this.skipBlank(index + 1);
      // A more indented line after a one-line value would continue a plain scalar: not this subset.
      if (index < lines.length && indentation(lines[index]!) > indent) bail();
    }
    return { next: index, last, emptyEnd };
  }

  /** A block sequence whose "-" sit at column `indent`. */
  sequence(indent: number, index: number, items: unknown[], prefix: string, depth: number): BlockEnd {
    if (depth > MAX_DEPTH) bail();
    const { lines } = this;
    let last = index;
    let emptyEnd: [number, number] | undefined;
    for (;;) {
      index = this.skipBlank(index);
      if (index >= lines.length) break;
      const line = lines[index]!;
      const column = indentation(line);
      if (column < indent) break;
      if (column > indent) bail();
      if (!isSequenceItem(line, column)) break;
      const itemColumn = skipSpaces(line, column + 1);
      if (itemColumn >= line.length || itemColumn === column + 1) bail();
      const path = this.pathOf(prefix, items.length);
      const code = line.charCodeAt(itemColumn);
      if (code === 45 /* - */ && isSequenceItem(line, itemColumn)) bail();
      if (code === 35 /* # */) bail();
      if (startsMappingKey(line, itemColumn)) {
        const nested: Record<string, unknown> = {};
        items.push(nested);
        const position = this.entry(path, this.at(index, itemColumn), this.at(index, itemColumn));
        const end = this.mapping(itemColumn, index, itemColumn, nested, path, depth + 1);
        const span = this.blockSpan(index, itemColumn, end);
        position.key = span;
        position.value = span;
        index = end.next;
        last = end.last;
        emptyEnd = end.emptyEnd;
        continue;
      }
      const position = this.entry(path, this.at(index, itemColumn));
      const value = this.inline(index, itemColumn, path, false, depth + 1);
      position.key = value.span;
      position.value = value.span;
      items.push(value.value);
      this.expectLineEnd(line, value.end);
      last = index;
      emptyEnd = undefined;
      index = this.skipBlank(index + 1);
      if (index < lines.length && indentation(lines[index]!) > indent) bail();
    }
    return { next: index, last, emptyEnd };
  }

  /** A value on one line: flow collection, quoted or plain scalar. */
  private inline(
    index: number,
    column: number,
    path: string,
    flow: boolean,
    depth: number,
  ): { value: unknown; span: Position; end: number } {
    if (depth > MAX_DEPTH) bail();
    const line = this.lines[index]!;
    const code = line.charCodeAt(column);
    if (code === 91 /* [ */) return this.flowSequence(index, column, path, depth);
    if (code === 123 /* { */) return this.flowMapping(index, column, path, depth);
    if (code === 34 /* " */ || code === 39 /* ' */) {
      const quoted = code === 34 ? doubleQuoted(line, column) : singleQuoted(line, column);
      if (!flow && line.charCodeAt(skipSpaces(line, quoted.end)) === 58 /* : */) bail();
      return { value: quoted.value, span: this.span(index, column, index, quoted.end), end: quoted.end };
    }
    if (INDICATOR[code] === 1) bail();
    const next = line.charCodeAt(column + 1);
    if ((code === 45 || code === 63 || code === 58) /* - ? : */ && (Number.isNaN(next) || next === 32))
      bail();

    let end = column;
    if (flow) {
      while (end < line.length) {
        const c = line.charCodeAt(end);
        if (c === 44 || c === 93 || c === 125) break; // , ] }
        if (c === 91 || c === 123) bail(); // [ {
        if (c === 58 /* : */) {
          const after = line.charCodeAt(end + 1);
          if (Number.isNaN(after) || after === 32 || after === 44 || after === 93 || after === 125) bail();
        }
        if (c === 35 /* # */ && line.charCodeAt(end - 1) === 32) bail();
        end++;
      }
    } else {
      // The value runs to a comment (" #") or the end of the line; ": " or a final ":" in it would make a key.
      const comment = line.indexOf(' #', column);
      end = comment === -1 ? line.length : comment;
      const colon = line.indexOf(': ', column);
      if (colon !== -1 && colon < end) bail();
      if (comment === -1 && line.charCodeAt(end - 1) === 58 /* : */) bail();
    }
    while (end > column && line.charCodeAt(end - 1) === 32) end--;
    if (end === column) bail();
    const source = line.slice(column, end);
    return { value: plainValue(source), span: this.span(index, column, index, end), end };
  }

  private flowSequence(index: number, column: number, path: string, depth: number) {
    const line = this.lines[index]!;
    const items: unknown[] = [];
    let cursor = skipSpaces(line, column + 1);
    while (line.charCodeAt(cursor) !== 93 /* ] */) {
      if (cursor >= line.length) bail();
      const itemPath = this.pathOf(path, items.length);
      const position = this.entry(itemPath, this.at(index, cursor));
      const item = this.inline(index, cursor, itemPath, true, depth + 1);
      position.key = item.span;
      position.value = item.span;
      items.push(item.value);
      cursor = skipSpaces(line, item.end);
      if (line.charCodeAt(cursor) === 44 /* , */) cursor = skipSpaces(line, cursor + 1);
      else if (line.charCodeAt(cursor) !== 93) bail();
    }
    return { value: items, span: this.span(index, column, index, cursor + 1), end: cursor + 1 };
  }

  private flowMapping(index: number, column: number, path: string, depth: number) {
    const line = this.lines[index]!;
    const target: Record<string, unknown> = {};
    let cursor = skipSpaces(line, column + 1);
    while (line.charCodeAt(cursor) !== 125 /* } */) {
      if (cursor >= line.length) bail();
      const key = keyAt(line, cursor);
      if (key === undefined) bail();
      const colon = cursor + key.length;
      if (line.charCodeAt(colon) !== 58 || line.charCodeAt(colon + 1) !== 32) bail();
      const name = keyName(key);
      if (Object.hasOwn(target, name)) bail();
      const keyPath = this.pathOf(path, name);
      const keySpan = this.span(index, cursor, index, colon);
      const valueColumn = skipSpaces(line, colon + 1);
      const next = line.charCodeAt(valueColumn);
      if (valueColumn >= line.length || next === 44 || next === 125) bail();
      const position = this.entry(keyPath, keySpan);
      const value = this.inline(index, valueColumn, keyPath, true, depth + 1);
      position.value = value.span;
      target[name] = value.value;
      cursor = skipSpaces(line, value.end);
      if (line.charCodeAt(cursor) === 44 /* , */) cursor = skipSpaces(line, cursor + 1);
      else if (line.charCodeAt(cursor) !== 125) bail();
    }
    return { value: target, span: this.span(index, column, index, cursor + 1), end: cursor + 1 };
  }

  /** After a value only spaces and a comment may follow on its line. */
  private expectLineEnd(line: string, end: number): void {
    const rest = skipSpaces(line, end);
    if (rest >= line.length) return;
    if (line.charCodeAt(rest) === 35 /* # */ && rest > end) return;
    bail();
  }
}

/** Marks the ASCII characters of `characters` with 1, for a lookup by character code. */
function characterTable(characters: string): Uint8Array {
  const table = new Uint8Array(128);
  for (const character of characters) table[character.charCodeAt(0)] = 1;
  return table;
}

/** Characters that start something other than a plain scalar. */
const INDICATOR = characterTable('#&*!|>%@`,[]{}');

// The scans stop at the end of the line rather than read past it: V8 drops the optimised code of a
// function that reads past the end of a string, and compiles it again.
function skipSpaces(line: string, index: number): number {
  while (index < line.length && line.charCodeAt(index) === 32) index++;
  return index;
}

function isSequenceItem(line: string, column: number): boolean {
  if (line.charCodeAt(column) !== 45 /* - */) return false;
  const next = line.charCodeAt(column + 1);
  return Number.isNaN(next) || next === 32;
}

function startsMappingKey(line: string, column: number): boolean {
  const key = keyAt(line, column);
  if (key === undefined || line.charCodeAt(column + key.length) !== 58) return false;
  const after = line.charCodeAt(column + key.length + 1);
  return Number.isNaN(after) || after === 32;
}

/** A key as the object key the full parser would make of it; odd keys take the full parser. */
function keyName(key: string): string {
  if (key === '__proto__') bail();
  const value = plainValue(key);
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && String(value) === key) return key;
  return bail();
}

const NULLS = new Set(['~', 'null', 'Null', 'NULL']);
const BOOLEANS = new Map([
  ['true', true],
  ['True', true],
  ['TRUE', true],
  ['false', false],
  ['False', false],
  ['FALSE', false],
]);
const LONGEST_KEYWORD = 5;
const KEYWORD_START = characterTable('~nNtTfF');
const INTEGER = /^(?:0|[1-9][0-9]{0,14})$/;
const DATE = /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/;
const DATE_TIME =
  /^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(?::[0-9]{2}(?:\.[0-9]+)?)?(?:Z|[+-][0-9]{2}:[0-9]{2})?$/;

/**
 * A plain scalar as YAML 1.2's core schema reads it: null, booleans and decimal integers are typed,
 * dates stay text. Other numbers (floats, octal, hex, .inf) take the full parser.
 */
function plainValue(source: string): unknown {
  const first = source.charCodeAt(0);
  // Only a short text that starts like a null or boolean keyword is worth a lookup, which hashes all of it.
  if (source.length <= LONGEST_KEYWORD && KEYWORD_START[first] === 1) {
    if (NULLS.has(source)) return null;
    const boolean = BOOLEANS.get(source);
    if (boolean !== undefined) return boolean;
  }
  const numeric = (first >= 48 && first <= 57) || first === 43 || first === 45 || first === 46; // 0-9 + - .
  if (!numeric) return source;
  if (INTEGER.test(source)) return Number(source);
  if (DATE.test(source) || DATE_TIME.test(source)) return source;
  if (first === 45 && !/^-[0-9.]/.test(source) && !/^-\.?(inf|Inf|INF)$/.test(source)) return source;
  return bail();
}

function doubleQuoted(line: string, column: number): { value: string; end: number } {
  let value = '';
  let index = column + 1;
  for (;;) {
    if (index >= line.length) bail();
    const c = line.charCodeAt(index);
    if (c === 34 /* " */) return { value, end: index + 1 };
    if (c === 92 /* \ */) {
      const escaped = line[index + 1];
      const replacement = escaped === undefined ? undefined : ESCAPES[escaped];
      if (replacement === undefined) bail();
      value += replacement;
      index += 2;
      continue;
    }
    value += line[index];
    index++;
  }
}

const ESCAPES: Record<string, string> = { '\\': '\\', '"': '"', '/': '/', n: '\n', t: '\t' };

function singleQuoted(line: string, column: number): { value: string; end: number } {
  let value = '';
  let index = column + 1;
  for (;;) {
    const close = line.indexOf("'", index);
    if (close === -1) bail();
    value += line.slice(index, close);
    if (line.charCodeAt(close + 1) === 39) {
      value += "'";
      index = close + 2;
      continue;
    }
    return { value, end: close + 1 };
  }
}
