import { readFileSync } from 'node:fs';
import type { Config } from '../../../schemas/config.js';
import type { Rule } from '../lint/types.js';
import {
  anyWordRegExp,
  findMatches,
  lowerWords,
  phraseRegExp,
  phraseSource,
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
    });
  }
  for (const extra of config.language.extra) {
    if (allowed.has(extra.phrase.trim().toLowerCase())) continue;
    compiled.push({
      expression: phraseRegExp(extra.phrase),
      triggers: phraseTrigger(extra.phrase),
      explanation: ORGANISATION_EXPLANATION,
      suggestion: extra.suggestion,
    });
  }
  return compiled;
}

/** A phrase matches only where all its words are, so its longest word is enough to look for. */
function phraseTrigger(phrase: string): string[] {
  const words = lowerWords(phrase).sort((a, b) => b.length - a.length);
  return words.length > 0 ? [words[0]!] : [];
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
  /** Finds any trigger word in a text. */
  expression: RegExp;
  entries: Map<string, CompiledEntry[]>;
}

const triggerIndexes = new WeakMap<CompiledEntry[], TriggerIndex>();

/** The entries whose triggers occur in a text, in list order: one scan instead of one per entry. */
function triggeredEntries(entries: CompiledEntry[], text: string): CompiledEntry[] {
  let index = triggerIndexes.get(entries);
  if (!index) {
    const byTrigger = new Map<string, CompiledEntry[]>();
    for (const entry of entries) {
      for (const trigger of entry.triggers)
        byTrigger.set(trigger, [...(byTrigger.get(trigger) ?? []), entry]);
    }
    index = { expression: anyWordRegExp(byTrigger.keys()), entries: byTrigger };
    triggerIndexes.set(entries, index);
  }
  const hit = new Set<CompiledEntry>();
  const { expression } = index;
  expression.lastIndex = 0;
  for (let match = expression.exec(text); match !== null; match = expression.exec(text)) {
    for (const entry of index.entries.get(match[0].toLowerCase()) ?? []) hit.add(entry);
  }
  return hit.size === 0 ? [] : entries.filter((entry) => hit.has(entry));
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
  const found: Finding[] = [];
  for (const entry of everyEntry ? entries : triggeredEntries(entries, text)) {
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
        for (const finding of findBiasedPhrases(block.text, entries, context.config.language.allow)) {
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
