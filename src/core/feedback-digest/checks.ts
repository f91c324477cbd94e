import type { Config } from '../../../schemas/config.js';
import type { Feedback } from '../../../schemas/feedback.js';
import { cleanProse } from '../briefing/text.js';
import type { Diagnostic } from '../diagnostics.js';
import { runLint } from '../lint/engine.js';
import type { Rule } from '../lint/types.js';
import { findMatches, maskNonProse, positionAt, type TextBlock } from '../prose.js';
import { findSection, type Section } from '../sections.js';
import type { Loaded, Workspace } from '../workspace.js';

export const SHAREABLE_HEADING = 'For the candidate';

/** The lint rules whose findings block a shareable section. */
export const SHAREABLE_RULE_IDS = ['neutral-language', 'pii', 'restricted-leak'] as const;

/** A problem in a shareable section, located in its scorecard. */
export interface ShareableProblem {
  file: string;
  line: number;
  column: number;
  /** The lint rule id, or rating / recommendation / comparison for this check's own findings. */
  ruleId: string;
  message: string;
}

export interface ShareableSection {
  document: Loaded<Feedback> & { value: Feedback };
  section: Section;
  /** The last line of the section in the file. */
  endLine: number;
}

/** The `## For the candidate` section of each readable scorecard that has one with text in it. */
export function shareableSections(feedback: readonly Loaded<Feedback>[]): ShareableSection[] {
  const found: ShareableSection[] = [];
  for (const document of feedback) {
    if (!document.value) continue;
    const section = findSection(document.sections, SHAREABLE_HEADING);
    if (!section || cleanProse(section.content) === '') continue;
    const next = document.sections[document.sections.indexOf(section) + 1];
    const endLine = next ? next.line - 1 : document.text.split('\n').length;
    found.push({ document: document as ShareableSection['document'], section, endLine });
  }
  return found;
}

interface Pattern {
  ruleId: 'rating' | 'recommendation' | 'comparison';
  expression: RegExp;
  message: (text: string) => string;
}

const NUMBER_WORD = '(?:[0-9]|10|one|two|three|four|five)';

const PATTERNS: Pattern[] = [
  {
    ruleId: 'rating',
    expression: /(?<![\p{L}\p{N}/.])(?:10|[0-9])\s*(?:\/|out\s+of)\s*(?:4|5|10)(?![\p{N}/])/giu,
    message: (text) => `"${text}" is a rating; ratings stay internal, so describe what you saw instead`,
  },
  {
    ruleId: 'rating',
    expression: new RegExp(
      `(?<![\\p{L}])(?:rated|rating|ratings|scored|scores|score|scoring|graded)(?:\\s+(?:of|as|at|a|an|you|her|him|them|it|was|is|were|are|with|:))*\\s*${NUMBER_WORD}(?![\\p{L}\\p{N}])`,
      'giu',
    ),
    message: (text) => `"${text}" is a rating; ratings stay internal, so describe what you saw instead`,
  },
  {
    ruleId: 'rating',
    expression: /(?<![\p{L}])an?\s+[1-4]\s+(?:on|in|for)(?![\p{L}])/giu,
    message: (text) => `"${text}" is a rating; ratings stay internal, so describe what you saw instead`,
  },
  {
    ruleId: 'recommendation',
    expression:
      /(?<![\p{L}])(?:strong(?:ly)?[\s-]+(?:yes|no|hire|recommend(?:ed)?)|(?:no|not)[\s-]+hire|would\s+(?:not\s+)?hire|hire|hired|thumbs[\s-]+(?:up|down)|recommend(?:s|ed|ing)?\s+(?:to\s+)?(?:hire|hiring|moving|advancing|against|for\s+(?:hire|the\s+next|an?\s+offer))|(?:my|our|the)\s+recommendation|recommendation\s+(?:is|was|:))(?![\p{L}])/giu,
    message: (text) =>
      `"${text}" reads as a hiring recommendation; recommendations stay internal, so describe what you saw instead`,
  },
  {
    ruleId: 'comparison',
    expression:
      /(?<![\p{L}])(?:than\s+(?:the\s+|most\s+|any\s+|all\s+)?(?:other\s+)?(?:candidates|applicants|others|the\s+rest)|(?:the\s+)?other\s+(?:candidates|applicants|interviewees)|(?:best|strongest|weakest|top|worst)\s+(?:candidate|applicant)s?|(?:candidate|applicant)\s+(?:pool|ranking)|(?:ranked|ranks|rank)\s+(?:first|second|third|last|top|highest|lowest|above|below|ahead|behind|among|against|number|no\.|#|\d)|compared\s+(?:to|with)\s+(?:the\s+)?(?:other|others|rest)|(?:among|of\s+all)\s+(?:the\s+)?(?:candidates|applicants))(?![\p{L}])/giu,
    message: (text) =>
      `"${text}" compares the candidate with others; feedback speaks about this candidate only`,
  },
];

/** Ratings, recommendations and comparisons with other candidates in a shareable section. */
export function findShareableWording(section: ShareableSection): ShareableProblem[] {
  const block: TextBlock = {
    text: maskNonProse(section.section.content),
    line: section.section.contentLine,
    column: 1,
    exact: true,
  };
  const problems: ShareableProblem[] = [];
  const seen = new Set<string>();
  for (const pattern of PATTERNS) {
    for (const match of findMatches(block.text, pattern.expression)) {
      const position = positionAt(block, match.index, match.length);
      const key = `${position.line}:${position.column}:${pattern.ruleId}`;
      if (seen.has(key)) continue;
      seen.add(key);
      problems.push({
        file: section.document.path,
        line: position.line,
        column: position.column,
        ruleId: pattern.ruleId,
        message: pattern.message(match.text.replace(/\s+/g, ' ')),
      });
    }
  }
  return problems;
}

export interface ShareableCheckInput {
  workspace: Workspace;
  config: Config;
  now: string;
  sections: readonly ShareableSection[];
  /** The rule registry; the neutral-language, pii and restricted-leak rules are taken from it. */
  rules: readonly Rule[];
}

/**
 * Everything that must not reach the candidate in the shareable sections: lint findings of the
 * neutral-language, pii and restricted-leak rules inside those sections (as configured: a rule set to
 * off is skipped, disable comments apply), plus ratings, recommendations and comparisons. Sorted by
 * file and position.
 */
export function checkShareableSections(input: ShareableCheckInput): ShareableProblem[] {
  const wanted = new Set<string>(SHAREABLE_RULE_IDS);
  const rules = input.rules.filter((rule) => wanted.has(rule.meta.id));
  const documents = input.sections.map((entry) => entry.document);
  const ranges = new Map(
    input.sections.map((entry) => [entry.document.path, [entry.section.line + 1, entry.endLine] as const]),
  );
  const findings: Diagnostic[] =
    rules.length === 0
      ? []
      : runLint({ workspace: input.workspace, config: input.config, now: input.now, documents, rules });
  const problems: ShareableProblem[] = findings
    .filter((finding) => wanted.has(finding.ruleId))
    .filter((finding) => {
      const range = ranges.get(finding.file);
      return range !== undefined && finding.line >= range[0] && finding.line <= range[1];
    })
    .map(({ file, line, column, ruleId, message }) => ({ file, line, column, ruleId, message }));
  for (const section of input.sections) problems.push(...findShareableWording(section));
  return problems.sort(
    (a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.line - b.line || a.column - b.column,
  );
}

/** The rule ids the check expects but the registry does not have (yet). */
export function missingShareableRules(rules: readonly Rule[]): string[] {
  const present = new Set(rules.map((rule) => rule.meta.id));
  return SHAREABLE_RULE_IDS.filter((id) => !present.has(id));
}
