/**
 * Helpers for rules that read what people wrote: masking what is not prose (HTML comments, code,
 * URLs) while keeping every offset, mapping an offset back to a line and column of the original file,
 * and matching phrases on word boundaries.
 */
import type { DocumentKind } from '../../schemas/common.js';
import type { Position } from './diagnostics.js';
import type { SourceDocument } from './document.js';
import { withoutCarriageReturns } from './frontmatter.js';
import { ObjectCache } from './object-cache.js';
import type { Section } from './sections.js';

/** A piece of text and where its first character sits in the original file. */
export interface TextBlock {
  text: string;
  line: number;
  column: number;
  /** False when offsets inside the text cannot be mapped (a quoted or folded YAML value): point at `line`/`column`. */
  exact: boolean;
  /** The `##` heading the text sits under, for body text. */
  heading?: string;
  /** The dotted front-matter path, for a front-matter value. */
  path?: string;
}

export interface TextMatch {
  index: number;
  length: number;
  text: string;
}

/** Where a block's text starts in the file, and whether offsets inside it map exactly (see TextBlock). */
interface Placement {
  line: number;
  column: number;
  exact: boolean;
}

/**
 * The blocks this module makes. Each remembers its text in lower case once computed, in a private
 * field: the properties rules read are those of a plain TextBlock. A front-matter value's block
 * works out where it sits only when asked, which is only when a finding is reported in it.
 */
class ProseBlock implements TextBlock {
  #lower: string | undefined = undefined;
  #placement: Placement | (() => Placement);

  // Every block has every field, so the code reading blocks meets one shape of object, not several.
  constructor(
    public text: string,
    placement: Placement | (() => Placement),
    public heading: string | undefined = undefined,
    public path: string | undefined = undefined,
  ) {
    this.#placement = placement;
  }

  get line(): number {
    return this.placement().line;
  }

  get column(): number {
    return this.placement().column;
  }

  get exact(): boolean {
    return this.placement().exact;
  }

  private placement(): Placement {
    if (typeof this.#placement === 'function') this.#placement = this.#placement();
    return this.#placement;
  }

  get lower(): string {
    this.#lower ??= this.text.toLowerCase();
    return this.#lower;
  }

  /** Takes the text in lower case from a lower-cased text it is part of (see `proseLower`). */
  knowLower(lower: string): void {
    this.#lower ??= lower;
  }
}

function sectionBlock(text: string, line: number, heading: string): ProseBlock {
  return new ProseBlock(text, { line, column: 1, exact: true }, heading);
}

/** What is computed once per document: its prose blocks, its prose as one lower-case text, where its front matter's lines start. */
interface DocumentCache {
  body: TextBlock[] | undefined;
  prose: TextBlock[] | undefined;
  lower: string | undefined;
  digitRun: boolean | undefined;
  lineStarts: number[] | undefined;
}

const documentCaches = new ObjectCache<object, DocumentCache>('prose of a document');

function cacheOf(document: object): DocumentCache {
  let cache = documentCaches.get(document);
  if (!cache) {
    cache = {
      body: undefined,
      prose: undefined,
      lower: undefined,
      digitRun: undefined,
      lineStarts: undefined,
    };
    documentCaches.set(document, cache);
  }
  return cache;
}

/** Replaces every character except newlines with a space, so offsets and lines stay put. */
function blank(text: string): string {
  return text.replace(/[^\n]/g, ' ');
}

const HTML_COMMENT = /<!--[\s\S]*?(?:-->|$)/g;
const INLINE_CODE = /(`+)(?!`)[\s\S]*?[^`]\1(?!`)/g;
const URL = /\bhttps?:\/\/[^\s)>\]]+/g;
const FENCE = /^[ \t]{0,3}(`{3,}|~{3,})(.*)$/;

/**
 * Blanks out what is not prose: HTML comments (template guidance, disable comments), fenced code
 * blocks, inline code and web addresses. The result has the same length and the same line breaks.
 */
export function maskNonProse(text: string): string {
  let masked = text.includes('<!--') ? text.replace(HTML_COMMENT, blank) : text;
  if (masked.includes('```') || masked.includes('~~~')) masked = maskFences(masked);
  if (masked.includes('`')) masked = masked.replace(INLINE_CODE, blank);
  // Every address holds "://", and a colon is rarer in prose than an h.
  return masked.includes('://') ? masked.replace(URL, blank) : masked;
}

function maskFences(text: string): string {
  const lines = text.split('\n');
  let fence: string | undefined;
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    const match = FENCE.exec(line);
    if (fence) {
      const closes =
        match && match[1]![0] === fence[0] && match[1]!.length >= fence.length && match[2]!.trim() === '';
      lines[index] = blank(line);
      if (closes) fence = undefined;
    } else if (match && !(match[1]![0] === '`' && match[2]!.includes('`'))) {
      fence = match[1]!;
      lines[index] = blank(line);
    }
  }
  return lines.join('\n');
}

/** The line and column span of `length` characters at `index` of a block's text. */
export function positionAt(block: TextBlock, index: number, length: number): Position {
  if (!block.exact) return { line: block.line, column: block.column };
  const start = offsetToLineColumn(block, index);
  const end = offsetToLineColumn(block, index + length);
  return { line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
}

function offsetToLineColumn(block: TextBlock, index: number): { line: number; column: number } {
  let line = block.line;
  let lineStart = 0;
  for (let at = block.text.indexOf('\n'); at !== -1 && at < index; at = block.text.indexOf('\n', at + 1)) {
    line++;
    lineStart = at + 1;
  }
  const column = line === block.line ? block.column + index : index - lineStart + 1;
  return { line, column };
}

const WORD_CHAR = '[\\p{L}\\p{N}_]';

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A case-insensitive expression for a phrase on word boundaries. Words may be separated by any
 * whitespace or a hyphen ("culture-fit" matches "culture fit"), and straight and curly apostrophes
 * match each other.
 */
export function phraseSource(phrase: string): string {
  const words = phrase
    .trim()
    .split(/[\s-]+/)
    .filter(Boolean);
  const body = words.map((word) => escapeRegExp(word).replace(/['’]/g, "['’]")).join('[\\s-]+');
  return `(?<!${WORD_CHAR})${body}(?!${WORD_CHAR})`;
}

const phraseExpressions = new Map<string, RegExp>();

/** The expression of a phrase (cached: the same phrases are looked up in every document). */
export function phraseRegExp(phrase: string): RegExp {
  let expression = phraseExpressions.get(phrase);
  if (!expression) {
    expression = new RegExp(phraseSource(phrase), 'giu');
    if (phraseExpressions.size < 10_000) phraseExpressions.set(phrase, expression);
  }
  return expression;
}

/**
 * The only characters that case-insensitive Unicode expressions match to ASCII letters besides the
 * letters themselves: long s (matches s) and the Kelvin sign (matches k). Lower-casing keeps them.
 */
const FOLDS_TO_ASCII = /[\u017f\u212a]/;
const ASCII_WORD = /^[a-z0-9]+$/;

const phraseWordLists = new Map<string, string[] | null>();

/**
 * The distinct words of a phrase in lower case, when all are ASCII letters and digits: every match
 * of `phraseRegExp(phrase)` holds each of them (see `mayHoldWords`). Undefined otherwise.
 */
export function phraseWords(phrase: string): string[] | undefined {
  let words = phraseWordLists.get(phrase);
  if (words === undefined) {
    const found = lowerWords(phrase);
    // Longest first: a longer word tends to be rarer, so a text without it is ruled out sooner.
    words =
      found.length > 0 && found.every((word) => ASCII_WORD.test(word))
        ? [...new Set(found)].sort((a, b) => b.length - a.length)
        : null;
    if (phraseWordLists.size < 10_000) phraseWordLists.set(phrase, words);
  }
  return words ?? undefined;
}

/**
 * False when a text cannot hold a match of a case-insensitive expression that matches each of
 * `words` (lower-case ASCII, see `phraseWords`) literally: `lower` is the text in lower case. A word
 * found missing moves to the front of `words`: the same words are looked for in text after text,
 * and the one missing from the last text is likely missing from the next.
 */
export function mayHoldWords(text: string, lower: string, words: string[]): boolean {
  if (FOLDS_TO_ASCII.test(text)) return true;
  for (let index = 0; index < words.length; index++) {
    const word = words[index]!;
    if (lower.includes(word)) continue;
    if (index > 0) {
      words.copyWithin(1, 0, index);
      words[0] = word;
    }
    return false;
  }
  return true;
}

/** The sticky-free global expression with indices a match loop needs, made once per expression. */
const derived = new WeakMap<RegExp, RegExp>();

function matcher(expression: RegExp): RegExp {
  let result = derived.get(expression);
  if (!result) {
    const flags = new Set(expression.flags.replace('y', ''));
    flags.add('g');
    if (expression.source.includes('?<hit>')) flags.add('d');
    result = new RegExp(expression.source, [...flags].join(''));
    derived.set(expression, result);
  }
  return result;
}

/**
 * Every match of an expression in a text. When the expression has a named group `hit`, the match
 * is narrowed to that group (the rest is context, not the finding).
 */
export function findMatches(text: string, expression: RegExp): TextMatch[] {
  const search = matcher(expression);
  const matches: TextMatch[] = [];
  search.lastIndex = 0;
  for (let match = search.exec(text); match !== null; match = search.exec(text)) {
    if (match[0] === '') {
      search.lastIndex++;
      continue;
    }
    const hit = match.indices?.groups?.hit;
    if (hit) matches.push({ index: hit[0], length: hit[1] - hit[0], text: text.slice(hit[0], hit[1]) });
    else matches.push({ index: match.index, length: match[0].length, text: match[0] });
  }
  return matches;
}

export function findPhrase(text: string, phrase: string): TextMatch[] {
  return findMatches(text, phraseRegExp(phrase));
}

/** A word of a text, lower-cased, with where it sits. */
export interface WordToken {
  word: string;
  index: number;
  length: number;
}

/**
 * What a word is made of: ASCII letters and digits, Latin letters with diacritics, and the letters of
 * other scripts up to the Hangul block; punctuation (straight and curly quotes, dashes, apostrophes,
 * hyphens) splits words, so "manager's" is "manager" and "s". A plain character class keeps the scan
 * fast: every rule that reads prose goes through it.
 */
const WORD_CHARS = 'A-Za-z0-9\\u00c0-\\u00d6\\u00d8-\\u00f6\\u00f8-\\u024f\\u0370-\\u1fff\\u2c00-\\ud7ff';
const WORD = new RegExp(`[${WORD_CHARS}]+`, 'g');
const NON_WORD = new RegExp(`[^${WORD_CHARS}]+`);

/** True when a UTF-16 code unit is one of WORD_CHARS. */
function isWordCode(code: number): boolean {
  if (code < 128)
    return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57);
  return (
    (code >= 0xc0 && code <= 0x24f && code !== 0xd7 && code !== 0xf7) ||
    (code >= 0x370 && code <= 0x1fff) ||
    (code >= 0x2c00 && code <= 0xd7ff)
  );
}

/** How many words `wordTokens` finds in a text, counting no further than `limit`. */
export function countWords(text: string, limit = Number.POSITIVE_INFINITY): number {
  let count = 0;
  let inWord = false;
  for (let index = 0; index < text.length; index++) {
    const word = isWordCode(text.charCodeAt(index));
    if (word && !inWord && ++count >= limit) return count;
    inWord = word;
  }
  return count;
}

export function wordTokens(text: string): WordToken[] {
  const tokens: WordToken[] = [];
  WORD.lastIndex = 0;
  for (let match = WORD.exec(text); match !== null; match = WORD.exec(text)) {
    tokens.push({ word: match[0].toLowerCase(), index: match.index, length: match[0].length });
  }
  return tokens;
}

/** The masked content of one of a document's sections (from `bodyBlocks`, computed once per document). */
export function sectionText(
  document: Pick<SourceDocument, 'body' | 'bodyLine' | 'sections'>,
  section: Section,
): string {
  const at = document.sections.indexOf(section);
  if (at === -1) return maskNonProse(section.content);
  const blocks = bodyBlocks(document);
  // The body's blocks are the preamble, when there is one, then one per section.
  return blocks[blocks.length - document.sections.length + at]!.text;
}

/** Every `##` section of a document's body as a masked block. */
export function sectionBlocks(
  document: Pick<SourceDocument, 'sections'>,
  headings?: readonly string[],
): TextBlock[] {
  const wanted = headings?.map((heading) => heading.toLowerCase());
  const blocks: TextBlock[] = [];
  for (const section of document.sections) {
    if (wanted && !wanted.includes(section.heading.toLowerCase())) continue;
    blocks.push(sectionBlock(maskNonProse(section.content), section.contentLine, section.heading));
  }
  return blocks;
}

/** The body text before the first `##` heading (all of a survey's comments), as a masked block. */
export function preambleBlock(
  document: Pick<SourceDocument, 'body' | 'bodyLine' | 'sections'>,
): TextBlock | undefined {
  const first = document.sections[0];
  let end = document.body.length;
  if (first) {
    // The preamble ends where the first heading's line starts.
    end = 0;
    for (let line = document.bodyLine; line < first.line && end !== -1; line++) {
      end = document.body.indexOf('\n', end) + 1 || -1;
    }
    if (end === -1) end = document.body.length;
  }
  const raw = document.body.slice(0, end);
  if (raw.trim() === '') return undefined;
  const text = maskNonProse(withoutCarriageReturns(raw));
  if (text.trim() === '') return undefined;
  return new ProseBlock(text, { line: document.bodyLine, column: 1, exact: true });
}

/** All of a body's prose: the text before the first heading and every section (computed once per document). */
export function bodyBlocks(document: Pick<SourceDocument, 'body' | 'bodyLine' | 'sections'>): TextBlock[] {
  const cache = cacheOf(document);
  if (!cache.body) {
    const preamble = preambleBlock(document);
    const blocks = sectionBlocks(document);
    if (preamble) blocks.unshift(preamble);
    cache.body = blocks;
  }
  return cache.body;
}

/**
 * Front-matter fields that hold prose people write and that the briefing packet shows. Restricted
 * fields (contact, source.detail, accommodations.details, compensation) are not prose: they are
 * where such data belongs.
 */
export const proseFields: Record<DocumentKind, RegExp[]> = {
  role: [
    /^expectations\.\d+\.outcome$/,
    /^competencies\.\d+\.rubric\.[1-4]$/,
    /^loop\.\d+\.questions\.\d+\.text$/,
  ],
  candidate: [/^fit\.[^.]+$/, /^accommodations\.arrangements\.\d+$/, /^next_step\.action$/],
  memo: [
    /^communication_style$/,
    /^motivations\.\d+$/,
    /^concerns\.\d+\.topic$/,
    /^stakeholders\.\d+\.role$/,
    /^already_asked\.\d+$/,
  ],
  feedback: [],
  survey: [],
};

/**
 * A prose field's pattern as one test per key on the way to the value: the key itself where the
 * pattern names it (`fit`), an expression where it does not (`[^.]+` becomes /^(?:[^.]+)$/). The
 * patterns hold no escaped dot other than the ones between keys.
 */
type KeyTest = string | RegExp;

function keyTestsOf(pattern: RegExp): KeyTest[] {
  const source = pattern.source.replace(/^\^/, '').replace(/\$$/, '');
  return source.split('\\.').map((part) => (/^[a-z_]+$/.test(part) ? part : new RegExp(`^(?:${part})$`)));
}

const proseKeyTests = Object.fromEntries(
  Object.entries(proseFields).map(([kind, patterns]) => [kind, patterns.map(keyTestsOf)]),
) as Record<DocumentKind, KeyTest[][]>;

function passes(test: KeyTest, key: string): boolean {
  return typeof test === 'string' ? test === key : test.test(key);
}

type StringVisitor = (value: string, segments: readonly string[]) => void;

/** Visits every string under `node` with the keys leading to it; strings deeper than 32 levels are left out. */
function walkStrings(node: unknown, segments: string[], depth: number, visit: StringVisitor): void {
  if (depth > 32) return;
  if (typeof node === 'string') {
    visit(node, segments);
  } else if (Array.isArray(node)) {
    for (let index = 0; index < node.length; index++) {
      if (!(index in node)) continue;
      segments.push(`${index}`);
      walkStrings(node[index], segments, depth + 1, visit);
      segments.pop();
    }
  } else if (node !== null && typeof node === 'object') {
    const record = node as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      segments.push(key);
      walkStrings(record[key], segments, depth + 1, visit);
      segments.pop();
    }
  }
}

/** The dotted path of a value (an empty key adds no dot). */
function joinPath(segments: readonly string[]): string {
  let path = '';
  for (const segment of segments) path = path === '' ? segment : `${path}.${segment}`;
  return path;
}

/**
 * The string values of front matter that `wanted` accepts, by dotted path, in document order
 * (paths are built only for the values accepted).
 */
export function frontMatterStringsWhere(
  data: unknown,
  wanted: (value: string) => boolean,
): Array<{ path: string; value: string }> {
  const strings: Array<{ path: string; value: string }> = [];
  walkStrings(data, [], 0, (value, segments) => {
    if (!wanted(value)) return;
    const path = joinPath(segments);
    if (path !== '') strings.push({ path, value });
  });
  return strings;
}

/** Where each line of a document's front matter starts, and the body's first line (computed once per document). */
function frontMatterLineStarts(document: Pick<SourceDocument, 'text' | 'bodyLine'>): number[] {
  const cache = cacheOf(document);
  if (!cache.lineStarts) {
    const starts = [0];
    const { text } = document;
    for (
      let at = text.indexOf('\n');
      at !== -1 && starts.length < document.bodyLine;
      at = text.indexOf('\n', at + 1)
    )
      starts.push(at + 1);
    cache.lineStarts = starts;
  }
  return cache.lineStarts;
}

/**
 * Where a front-matter string value sits. Offsets map exactly when the value is written on one line,
 * plain or quoted without escapes before the match; otherwise findings point at the value.
 */
function fieldPlacement(
  document: Pick<SourceDocument, 'text' | 'positions' | 'bodyLine'>,
  path: string,
  value: string,
): Placement {
  const at = document.positions.get(path)?.value ?? { line: 1, column: 1 };
  const starts = frontMatterLineStarts(document);
  const start = starts[at.line - 1];
  if (!value.includes('\n') && start !== undefined) {
    // What the file holds from the value's position to the end of its line, and how it starts.
    const { text } = document;
    const next = starts[at.line];
    const end = next === undefined ? text.length : next - 1;
    const from = start + at.column - 1;
    // Past the end of the line nothing follows; the line break ends a value written on one line.
    if (from > end ? value === '' : text.startsWith(value, from)) {
      return { line: at.line, column: at.column, exact: true };
    }
    const quote = from < end ? text[from] : undefined;
    if ((quote === '"' || quote === "'") && text.startsWith(value, from + 1)) {
      return { line: at.line, column: at.column + 1, exact: true };
    }
  }
  return { line: at.line, column: at.column, exact: false };
}

/** The prose fields of a document's front matter as blocks. */
export function frontMatterProseBlocks(
  document: Pick<SourceDocument, 'kind' | 'data' | 'text' | 'positions' | 'bodyLine'>,
): TextBlock[] {
  const patterns = proseFields[document.kind];
  if (!document.data || patterns.length === 0) return [];
  const blocks: TextBlock[] = [];
  const visit: StringVisitor = (value, segments) => {
    const path = joinPath(segments);
    blocks.push(new ProseBlock(value, () => fieldPlacement(document, path, value), undefined, path));
  };
  // A key that is empty or holds a dot joins with its neighbours into a path that no single test
  // sees: below such a key every path is put together and matched whole.
  const visitMatching: StringVisitor = (value, segments) => {
    const path = joinPath(segments);
    if (path !== '' && patterns.some((pattern) => pattern.test(path))) visit(value, segments);
  };
  walkFields(document.data, proseKeyTests[document.kind], [], visit, visitMatching);
  return blocks;
}

/**
 * Visits the strings under `node` that a field's key tests lead to, in document order, following
 * only the keys that pass the next test: most of the front matter is never walked.
 */
function walkFields(
  node: unknown,
  fields: readonly KeyTest[][],
  segments: string[],
  visit: StringVisitor,
  visitMatching: StringVisitor,
): void {
  const depth = segments.length;
  if (typeof node === 'string') {
    if (fields.some((field) => field.length === depth)) visit(node, segments);
    return;
  }
  if (node === null || typeof node !== 'object' || depth > 32) return;
  const record = node as Record<string, unknown>;
  const keys = Array.isArray(node) ? presentIndices(node) : Object.keys(record);
  for (const key of keys) {
    segments.push(key);
    if (key === '' || key.includes('.')) {
      walkStrings(record[key], segments, depth + 1, visitMatching);
    } else {
      const next = fields.filter((field) => field.length > depth && passes(field[depth]!, key));
      if (next.length > 0) walkFields(record[key], next, segments, visit, visitMatching);
    }
    segments.pop();
  }
}

function presentIndices(array: readonly unknown[]): string[] {
  const indices: string[] = [];
  for (let index = 0; index < array.length; index++) if (index in array) indices.push(`${index}`);
  return indices;
}

/** Everything a person wrote in a document: body prose, then front-matter prose fields (computed once per document). */
export function proseBlocks(document: SourceDocument): TextBlock[] {
  const cache = cacheOf(document);
  cache.prose ??= bodyBlocks(document).concat(frontMatterProseBlocks(document));
  return cache.prose;
}

/**
 * All of a document's prose in one string, in lower case: the blocks' `lowerText`s joined by line
 * breaks (computed once per document). A test a block's text must pass for a finding fails on every
 * block when its lower-case version fails here: a substring in lower case, or an unanchored
 * expression whose letters are case-insensitive. Lower-casing turns the Kelvin sign into "k" and
 * keeps the long s, see `mayHoldWords`.
 */
export function proseLower(document: SourceDocument): string {
  const cache = cacheOf(document);
  if (cache.lower === undefined) {
    const blocks = proseBlocks(document);
    let text = blocks.length === 0 ? '' : blocks[0]!.text;
    for (let index = 1; index < blocks.length; index++) text += `\n${blocks[index]!.text}`;
    const lower = text.toLowerCase();
    cache.lower = lower;
    // Lower-casing changes the length of one character only (dotted capital I, to two): when the
    // length holds, each block's lower case is the part of this text where the block sits.
    if (lower.length === text.length) {
      let at = 0;
      for (const block of blocks) {
        if (block instanceof ProseBlock) block.knowLower(lower.slice(at, at + block.text.length));
        at += block.text.length + 1;
      }
    }
  }
  return cache.lower;
}

/**
 * `count` digits joined by nothing or by spaces, dots, dashes, parentheses and plus signs: what a
 * phone number or a national id number written in prose is made of.
 */
export function joinedDigits(count: number): RegExp {
  return new RegExp(`\\d(?:[ .()+-]*\\d){${count - 1}}`);
}

const DIGIT_RUN = joinedDigits(6);

/**
 * True when a document's prose holds six or more digits joined only by spaces, dots, dashes,
 * parentheses or plus signs (worked out once per document): phone numbers and national id numbers
 * are such runs.
 */
export function hasDigitRun(document: SourceDocument): boolean {
  const cache = cacheOf(document);
  cache.digitRun ??= DIGIT_RUN.test(proseLower(document));
  return cache.digitRun;
}

/** Drops matches that overlap an earlier kept one, preferring the earliest, then the longest. */
export function withoutOverlaps<T extends { index: number; length: number }>(matches: T[]): T[] {
  const sorted = [...matches].sort((a, b) => a.index - b.index || b.length - a.length);
  const kept: T[] = [];
  let end = -1;
  for (const match of sorted) {
    if (match.index < end) continue;
    kept.push(match);
    end = match.index + match.length;
  }
  return kept;
}

/** What a placeholder left in prose looks like. */
export interface PlaceholderMatch extends TextMatch {
  /** A TODO-style marker, lorem ipsum filler, a lone "...", or a `<fill-in>` slot. */
  kind: 'marker' | 'lorem' | 'ellipsis' | 'fill-in';
}

const MARKER = /(?<![\p{L}\p{N}_])(?:TODO|TBD|TBC|FIXME|XXX)(?![\p{L}\p{N}_])/gu;
const LOREM = /(?<![\p{L}\p{N}_])lorem[\s-]+ipsum(?![\p{L}\p{N}_])/giu;
const ELLIPSIS_LINE = /^[ \t]*(?:[-*+][ \t]+)?(?<hit>\.\.\.|…)[ \t]*$/gmu;
const FILL_IN = /(?<!\\)<(?![/!?])([^<>\n]{1,80})>/gu;
const HTML_TAGS = new Set(
  'a abbr b blockquote br code dd del details div dl dt em hr i img ins kbd li mark ol p pre q s small span strong sub summary sup table tbody td th thead tr u ul'.split(
    ' ',
  ),
);

/** What every placeholder contains: one test rules out most texts. */
const ANY_PLACEHOLDER = /TODO|TB[DC]|FIXME|XXX|[Ll][Oo][Rr][Ee][Mm]|\.\.\.|…|</;

function isFillIn(inner: string): boolean {
  const text = inner.trim();
  if (text === '...' || text === '…') return true;
  if (/[:@=/]/.test(text) || text.endsWith('/')) return false;
  if (/^[a-z][a-z0-9]*$/i.test(text) && HTML_TAGS.has(text.toLowerCase())) return false;
  return text.length >= 2;
}

/** TODO markers, lorem ipsum, a lone "..." and `<fill-in>` slots left in a (masked) text. */
export function findPlaceholders(text: string): PlaceholderMatch[] {
  // Cheap checks first: most prose holds none of these and is not searched at all.
  if (!ANY_PLACEHOLDER.test(text)) return [];
  const found: PlaceholderMatch[] = [];
  if (/TODO|TB[DC]|FIXME|XXX/.test(text)) {
    found.push(...findMatches(text, MARKER).map((match) => ({ ...match, kind: 'marker' as const })));
  }
  if (/lorem/i.test(text))
    found.push(...findMatches(text, LOREM).map((match) => ({ ...match, kind: 'lorem' as const })));
  if (text.includes('...') || text.includes('…')) {
    found.push(...findMatches(text, ELLIPSIS_LINE).map((match) => ({ ...match, kind: 'ellipsis' as const })));
  }
  if (text.includes('<')) {
    for (const match of text.matchAll(FILL_IN)) {
      if (isFillIn(match[1]!))
        found.push({ index: match.index, length: match[0].length, text: match[0], kind: 'fill-in' });
    }
  }
  return found.length > 1 ? withoutOverlaps(found) : found;
}

/**
 * True when a text says something: not blank once comments, code and placeholders are taken out. A
 * TODO marker takes the rest of its line with it ("TODO: write the summary" says nothing yet).
 */
export function hasContent(text: string): boolean {
  let masked = maskNonProse(text);
  for (const placeholder of findPlaceholders(masked)) {
    const lineEnd = masked.indexOf('\n', placeholder.index);
    const lineOrText = lineEnd === -1 ? masked.length : lineEnd;
    const end = placeholder.kind === 'marker' ? lineOrText : placeholder.index + placeholder.length;
    masked =
      masked.slice(0, placeholder.index) + blank(masked.slice(placeholder.index, end)) + masked.slice(end);
  }
  return masked.trim() !== '';
}

const PLACEHOLDER_VALUE = /^\s*(?:(?:TODO|TBD|TBC|FIXME)(?![\p{L}\p{N}_])|(?:\.\.\.|…)\s*$|<[^<>\n]+>\s*$)/u;

/** True when a front-matter value is still what a template wrote for a person to replace: "TODO: ...", "...", "<title>". */
export function isPlaceholderValue(value: string): boolean {
  // A match starts with white space (ASCII or not), "TODO"/"TBD"/"TBC"/"FIXME", "...", "…" or "<".
  const first = value.charCodeAt(0);
  if (!(first <= 32 || first >= 0xa0 || first === 84 || first === 70 || first === 46 || first === 60))
    return false;
  return PLACEHOLDER_VALUE.test(value);
}

/** The lower-cased words of a text, as `wordTokens` splits them. */
export function lowerWords(text: string): string[] {
  return text
    .toLowerCase()
    .split(NON_WORD)
    .filter((word) => word !== '');
}

const lowerTexts = new ObjectCache<object, string>('a text block in lower case');

/** A block's text in lower case, computed once per block (for cheap `includes` tests before a search). */
export function lowerText(block: TextBlock): string {
  if (block instanceof ProseBlock) return block.lower;
  let lower = lowerTexts.get(block);
  if (lower === undefined) {
    lower = block.text.toLowerCase();
    lowerTexts.set(block, lower);
  }
  return lower;
}

/**
 * An expression finding any of a list of words as whole words (as `wordTokens` splits them),
 * case-insensitively, the word in group 1: one scan of a text tells which of many words it holds.
 * It takes the character before a word into the match rather than looking behind, and branches on
 * the words' common beginnings: both make the scan several times faster.
 */
export function anyWordExpression(words: Iterable<string>): RegExp {
  const unique = [...new Set(words)].filter((word) => word !== '');
  if (unique.length === 0) return /(?!)/g;
  return new RegExp(`(?:^|[^${WORD_CHARS}])(${alternation(unique)})(?![${WORD_CHARS}])`, 'gi');
}

interface TrieNode {
  children: Map<string, TrieNode>;
  end: boolean;
}

/** An alternation of words as a tree of their common beginnings: `ab(?:c|d)` for abc and abd. */
function alternation(words: readonly string[]): string {
  const root: TrieNode = { children: new Map(), end: false };
  for (const word of words) {
    let node = root;
    for (const character of word) {
      let child = node.children.get(character);
      if (!child) {
        child = { children: new Map(), end: false };
        node.children.set(character, child);
      }
      node = child;
    }
    node.end = true;
  }
  const emit = (node: TrieNode): string => {
    const branches = [...node.children].map(([character, child]) => escapeRegExp(character) + emit(child));
    if (branches.length === 0) return '';
    const body = branches.length === 1 ? branches[0]! : `(?:${branches.join('|')})`;
    // A word ending here is tried after the longer ones, as the alternation of whole words would.
    return node.end ? `(?:${body})?` : body;
  };
  return emit(root);
}
