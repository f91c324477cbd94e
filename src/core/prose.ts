/**
 * Helpers for rules that read what people wrote: masking what is not prose (HTML comments, code,
 * URLs) while keeping every offset, mapping an offset back to a line and column of the original file,
 * and matching phrases on word boundaries.
 */
import type { DocumentKind } from '../../schemas/common.js';
import type { Position } from './diagnostics.js';
import type { SourceDocument } from './document.js';

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
  return masked.includes('http') ? masked.replace(URL, blank) : masked;
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

/** True when a text holds nothing but whitespace, HTML comments and code. */
export function isBlankProse(text: string): boolean {
  return maskNonProse(text).trim() === '';
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

export function wordTokens(text: string): WordToken[] {
  const tokens: WordToken[] = [];
  WORD.lastIndex = 0;
  for (let match = WORD.exec(text); match !== null; match = WORD.exec(text)) {
    tokens.push({ word: match[0].toLowerCase(), index: match.index, length: match[0].length });
  }
  return tokens;
}

/** Every `##` section of a document's body as a masked block. */
export function sectionBlocks(
  document: Pick<SourceDocument, 'sections'>,
  headings?: readonly string[],
): TextBlock[] {
  const wanted = headings?.map((heading) => heading.toLowerCase());
  return document.sections
    .filter((section) => !wanted || wanted.includes(section.heading.toLowerCase()))
    .map((section) => ({
      text: maskNonProse(section.content),
      line: section.contentLine,
      column: 1,
      exact: true,
      heading: section.heading,
    }));
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
  const text = maskNonProse(raw.replace(/\r(?=\n|$)/g, ''));
  if (text.trim() === '') return undefined;
  return { text, line: document.bodyLine, column: 1, exact: true };
}

const bodyCache = new WeakMap<object, TextBlock[]>();

/** All of a body's prose: the text before the first heading and every section (computed once per document). */
export function bodyBlocks(document: Pick<SourceDocument, 'body' | 'bodyLine' | 'sections'>): TextBlock[] {
  let blocks = bodyCache.get(document);
  if (!blocks) {
    const preamble = preambleBlock(document);
    blocks = [...(preamble ? [preamble] : []), ...sectionBlocks(document)];
    bodyCache.set(document, blocks);
  }
  return blocks;
}

/**
 * Front-matter fields that hold prose people write and that the briefing packet shows. Restricted
 * fields (contact, source.detail, accommodations.details, compensation) are not prose: they are
 * where such data belongs.
 */
const proseFields: Record<DocumentKind, RegExp[]> = {
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

/** Every string value in front matter, by dotted path. */
export function frontMatterStrings(data: unknown): Array<{ path: string; value: string }> {
  const strings: Array<{ path: string; value: string }> = [];
  const walk = (node: unknown, prefix: string, depth: number) => {
    if (depth > 32) return;
    if (typeof node === 'string') {
      if (prefix !== '') strings.push({ path: prefix, value: node });
    } else if (Array.isArray(node)) {
      node.forEach((item, index) => {
        walk(item, prefix === '' ? `${index}` : `${prefix}.${index}`, depth + 1);
      });
    } else if (node !== null && typeof node === 'object') {
      for (const [key, value] of Object.entries(node))
        walk(value, prefix === '' ? key : `${prefix}.${key}`, depth + 1);
    }
  };
  walk(data, '', 0);
  return strings;
}

const fileLines = new WeakMap<object, string[]>();

function linesOf(document: Pick<SourceDocument, 'text'>): string[] {
  let lines = fileLines.get(document);
  if (!lines) {
    lines = document.text.split('\n');
    fileLines.set(document, lines);
  }
  return lines;
}

/**
 * A front-matter string value as a block. Offsets map exactly when the value is written on one
 * line, plain or quoted without escapes before the match; otherwise findings point at the value.
 */
export function frontMatterBlock(
  document: Pick<SourceDocument, 'text' | 'positions'>,
  path: string,
  value: string,
): TextBlock {
  const at = document.positions.get(path)?.value ?? { line: 1, column: 1 };
  const raw = (linesOf(document)[at.line - 1] ?? '').slice(at.column - 1);
  const quoted = raw[0] === '"' || raw[0] === "'";
  if (!value.includes('\n') && raw.startsWith(value)) {
    return { text: value, line: at.line, column: at.column, exact: true, path };
  }
  if (!value.includes('\n') && quoted && raw.slice(1).startsWith(value)) {
    return { text: value, line: at.line, column: at.column + 1, exact: true, path };
  }
  return { text: value, line: at.line, column: at.column, exact: false, path };
}

/** The prose fields of a document's front matter as blocks. */
export function frontMatterProseBlocks(
  document: Pick<SourceDocument, 'kind' | 'data' | 'text' | 'positions'>,
): TextBlock[] {
  const patterns = proseFields[document.kind];
  if (!document.data || patterns.length === 0) return [];
  return frontMatterStrings(document.data)
    .filter(({ path }) => patterns.some((pattern) => pattern.test(path)))
    .map(({ path, value }) => frontMatterBlock(document, path, value));
}

const proseCache = new WeakMap<object, TextBlock[]>();

/** Everything a person wrote in a document: body prose, then front-matter prose fields (computed once per document). */
export function proseBlocks(document: SourceDocument): TextBlock[] {
  let blocks = proseCache.get(document);
  if (!blocks) {
    blocks = [...bodyBlocks(document), ...frontMatterProseBlocks(document)];
    proseCache.set(document, blocks);
  }
  return blocks;
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
  return PLACEHOLDER_VALUE.test(value);
}

/** The lower-cased words of a text, as `wordTokens` splits them. */
export function lowerWords(text: string): string[] {
  return text
    .toLowerCase()
    .split(NON_WORD)
    .filter((word) => word !== '');
}

const lowerTexts = new WeakMap<object, string>();

/** A block's text in lower case, computed once per block (for cheap `includes` tests before a search). */
export function lowerText(block: TextBlock): string {
  let lower = lowerTexts.get(block);
  if (lower === undefined) {
    lower = block.text.toLowerCase();
    lowerTexts.set(block, lower);
  }
  return lower;
}

/**
 * An expression finding any of a list of words as whole words (as `wordTokens` splits them),
 * case-insensitively: one scan of a text tells which of many words it holds.
 */
export function anyWordRegExp(words: Iterable<string>): RegExp {
  const alternatives = [...new Set(words)].sort((a, b) => b.length - a.length).map(escapeRegExp);
  if (alternatives.length === 0) return /(?!)/g;
  return new RegExp(`(?<![${WORD_CHARS}])(?:${alternatives.join('|')})(?![${WORD_CHARS}])`, 'gi');
}
