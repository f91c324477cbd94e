import { readFileSync } from 'node:fs';
import type { Config } from '../../../schemas/config.js';
import type { Rule } from '../lint/types.js';
import {
  anyWordExpression,
  findMatches,
  lowerText,
  lowerWords,
  mayHoldWords,
  phraseRegExp,
  phraseSource,
  phraseWords,
  positionAt,
  proseBlocks,
  type TextMatch,
  withoutOverlaps,
} from '../prose.js';

/** One entry of data/neutral-language.json. */
export interface LanguageEntry {
  /** A phrase matched on word boundaries, case-insensitively. */
  phrase?: string;
  /** A regular expression (with macros) for phrasing a plain phrase cannot catch precisely. */
  pattern?: string;
  /** How config `language.allow` names a pattern entry. */
  label?: string;
  /**
   * For a pattern: words (as `wordTokens` splits them, lower-cased) of which every match contains at least one.
   * Text without any of them is not searched. A phrase's own words serve for a phrase.
   */
  triggers?: string[];
  category: string;
  suggestion: string;
}

export interface LanguageList {
  macros: Record<string, string>;
  categories: Record<string, string>;
  entries: LanguageEntry[];
}

export interface CompiledEntry {
  expression: RegExp;
  /** Any of these words in a text makes the entry worth searching for. */
  triggers: string[];
  explanation: string;
  suggestion: string;
  /**
   * For a phrase: its words, when all are ASCII letters and digits (see `phraseWords`). A match
   * holds every one of them, so a text lacking one is not searched.
   */
  words?: string[];
}

const ORGANISATION_EXPLANATION = "is on this organisation's list of phrases to avoid";

/**
 * The curated list ships as data beside the code. The compiled module sits one folder deeper in
 * dist/ than in src/, so both places are tried. Reading package data is not reading the user's world.
 */
let builtIn: LanguageList | undefined;
export function builtInLanguageList(): LanguageList {
  if (builtIn) return builtIn;
  for (const relative of ['../../../data/neutral-language.json', '../../../../data/neutral-language.json']) {
    try {
      builtIn = JSON.parse(readFileSync(new URL(relative, import.meta.url), 'utf8')) as LanguageList;
      return builtIn;
    } catch {
      // Try the next location.
    }
  }
  throw new Error('the built-in neutral-language list (data/neutral-language.json) could not be read');
}

function expand(pattern: string, macros: Record<string, string>): string {
  return pattern.replace(/\{(\w+)\}/g, (whole, name: string) => macros[name] ?? whole);
}

/** Compiles a list's entries, leaving out those the config allows by phrase or label. */
export function compileLanguageList(list: LanguageList, config: Pick<Config, 'language'>): CompiledEntry[] {
  const allowed = new Set(config.language.allow.map((phrase) => phrase.trim().toLowerCase()));
  const compiled: CompiledEntry[] = [];
  for (const entry of list.entries) {
    const names = [entry.phrase, entry.label].filter((name): name is string => typeof name === 'string');
    if (names.some((name) => allowed.has(name.toLowerCase()))) continue;
    const source = entry.pattern
      ? `(?<![\\p{L}\\p{N}_])(?:${expand(entry.pattern, list.macros)})(?![\\p{L}\\p{N}_])`
      : phraseSource(entry.phrase ?? '');
    compiled.push({
      expression: new RegExp(source, 'gimu'),
      triggers: entry.triggers ?? phraseTrigger(entry.phrase ?? ''),
      explanation: list.categories[entry.category] ?? ORGANISATION_EXPLANATION,
      suggestion: entry.suggestion,
      ...wordsOf(entry.pattern ? undefined : (entry.phrase ?? '')),
    });
  }
  for (const extra of config.language.extra) {
    if (allowed.has(extra.phrase.trim().toLowerCase())) continue;
    compiled.push({
      expression: phraseRegExp(extra.phrase),
      triggers: phraseTrigger(extra.phrase),
      explanation: ORGANISATION_EXPLANATION,
      suggestion: extra.suggestion,
      ...wordsOf(extra.phrase),
    });
  }
  return compiled;
}

/** A phrase matches only where all its words are, so its longest word is enough to look for. */
function phraseTrigger(phrase: string): string[] {
  const words = lowerWords(phrase).sort((a, b) => b.length - a.length);
  return words.length > 0 ? [words[0]!] : [];
}

/** The words of a phrase every match contains, when they can be looked for in lower-cased text. */
function wordsOf(phrase: string | undefined): Pick<CompiledEntry, 'words'> {
  const words = phrase === undefined ? undefined : phraseWords(phrase);
  return words ? { words } : {};
}

const compiledByConfig = new WeakMap<object, CompiledEntry[]>();

function compiledFor(config: Config): CompiledEntry[] {
  let compiled = compiledByConfig.get(config);
  if (!compiled) {
    compiled = compileLanguageList(builtInLanguageList(), config);
    compiledByConfig.set(config, compiled);
  }
  return compiled;
}

interface TriggerIndex {
  /** Finds any trigger word in a text (in group 1). */
  expression: RegExp;
  /** The positions in the entry list of the entries each trigger word (lower-cased) triggers. */
  entries: Map<string, number[]>;
  /** Marks of the entries triggered in the current text: `marks[position] === mark`. */
  marks: Uint32Array;
  mark: number;
}

const triggerIndexes = new WeakMap<CompiledEntry[], TriggerIndex>();

function triggerIndex(entries: CompiledEntry[]): TriggerIndex {
  let index = triggerIndexes.get(entries);
  if (!index) {
    const byTrigger = new Map<string, number[]>();
    entries.forEach((entry, position) => {
      for (const trigger of entry.triggers) {
        const positions = byTrigger.get(trigger);
        if (!positions) byTrigger.set(trigger, [position]);
        else if (!positions.includes(position)) positions.push(position);
      }
    });
    index = {
      expression: anyWordExpression(byTrigger.keys()),
      entries: byTrigger,
      marks: new Uint32Array(entries.length),
      mark: 0,
    };
    triggerIndexes.set(entries, index);
  }
  return index;
}

/** The entries whose triggers occur in a text, in list order: one scan instead of one per entry. */
function triggeredEntries(entries: CompiledEntry[], text: string): CompiledEntry[] {
  const index = triggerIndex(entries);
  const { expression, marks } = index;
  expression.lastIndex = 0;
  let match = expression.exec(text);
  if (match === null) return [];
  if (index.mark === 0xffffffff) {
    marks.fill(0);
    index.mark = 0;
  }
  const mark = ++index.mark;
  let count = 0;
  for (; match !== null; match = expression.exec(text)) {
    const positions = index.entries.get(match[1]!.toLowerCase());
    if (!positions) continue;
    for (const position of positions) {
      if (marks[position] === mark) continue;
      marks[position] = mark;
      count++;
    }
  }
  const triggered: CompiledEntry[] = [];
  for (let position = 0; position < entries.length && triggered.length < count; position++) {
    if (marks[position] === mark) triggered.push(entries[position]!);
  }
  return triggered;
}

interface Finding extends TextMatch {
  entry: CompiledEntry;
}

/**
 * Every flagged phrase in a (masked) text, without overlaps and outside allowed phrases. Entries none
 * of whose triggers occur in the text are not searched (`everyEntry` searches them all, for tests).
 */
export function findBiasedPhrases(
  text: string,
  entries: CompiledEntry[],
  allow: readonly string[],
  everyEntry = false,
): Finding[] {
  return findIn(text, everyEntry ? entries : triggeredEntries(entries, text), allow);
}

function findIn(
  text: string,
  entries: CompiledEntry[],
  allow: readonly string[],
  lowerCase: () => string = () => text.toLowerCase(),
): Finding[] {
  const found: Finding[] = [];
  let lower: string | undefined;
  for (const entry of entries) {
    if (entry.words) {
      lower ??= lowerCase();
      if (!mayHoldWords(text, lower, entry.words)) continue;
    }
    for (const match of findMatches(text, entry.expression)) found.push({ ...match, entry });
  }
  if (found.length === 0) return found;
  const allowedSpans = allow.flatMap((phrase) => findMatches(text, phraseRegExp(phrase)));
  const outsideAllowed = found.filter(
    (finding) =>
      !allowedSpans.some(
        (span) => span.index < finding.index + finding.length && finding.index < span.index + span.length,
      ),
  );
  return withoutOverlaps(outsideAllowed);
}

const JUDGED_KINDS = new Set(['role', 'candidate', 'memo', 'feedback']);

export const rule: Rule = {
  meta: {
    id: 'neutral-language',
    defaultSeverity: 'warning',
    description:
      'personal judgements and biased phrasing in prose (culture fit, age, family, appearance, accent, origin, ...), with a neutral rewrite for each',
  },
  check(context) {
    const entries = compiledFor(context.config);
    for (const document of context.documents) {
      if (!JUDGED_KINDS.has(document.kind)) continue;
      for (const block of proseBlocks(document)) {
        const triggered = triggeredEntries(entries, block.text);
        if (triggered.length === 0) continue;
        for (const finding of findIn(block.text, triggered, context.config.language.allow, () =>
          lowerText(block),
        )) {
          const phrase = finding.text.replace(/\s+/g, ' ');
          context.report(
            document,
            positionAt(block, finding.index, finding.length),
            `"${phrase}" ${finding.entry.explanation} (suggestion: ${finding.entry.suggestion})`,
          );
        }
      }
    }
  },
};
