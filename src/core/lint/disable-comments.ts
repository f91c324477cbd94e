import type { Diagnostic, Position, Severity } from '../diagnostics.js';
import { closest } from '../suggest.js';

/** The id findings about disable comments themselves carry (docs/rules/disable-comment.md). */
export const DISABLE_COMMENT_RULE_ID = 'disable-comment';

const DIRECTIVE = 'handoff-disable-next-line';
const HTML_DIRECTIVE = /<!--\s*handoff-disable-next-line\b(.*?)(-->|$)/;
const YAML_DIRECTIVE = /(?:^|\s)#\s*handoff-disable-next-line\b(.*)$/;
const FENCE = /^[ \t]{0,3}(```|~~~)/;

/** `<!-- handoff-disable-next-line <id>[, <id>] -- reason -->` (or `# handoff-disable-next-line ...` in front matter). */
export interface DisableDirective extends Position {
  /** The line whose findings it suppresses: the next non-blank line that is not itself a directive. */
  targetLine: number | undefined;
  ruleIds: string[];
  reason: string;
  /** An HTML comment not closed on its own line. */
  unclosed: boolean;
}

/**
 * Finds the disable comments of a document. In the body they are HTML comments (outside fenced code);
 * in the front matter, where HTML is not YAML, a YAML comment with the same words.
 */
export function findDisableDirectives(text: string, bodyLine: number): DisableDirective[] {
  // Every directive holds this part of its name, which is found in half the time of the whole name
  // (its first character is rarer in prose than an h).
  if (!text.includes('-disable-next-line')) return [];
  const lines = text.split('\n');
  const directives: DisableDirective[] = [];
  const directiveLines = new Set<number>();
  let inFence = false;
  lines.forEach((raw, index) => {
    const lineNumber = index + 1;
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    const inFrontMatter = lineNumber > 1 && lineNumber < bodyLine - 1;
    if (!inFrontMatter && lineNumber >= bodyLine && FENCE.test(line)) inFence = !inFence;
    if (inFence || !line.includes(DIRECTIVE)) return;
    const match = (inFrontMatter ? YAML_DIRECTIVE : HTML_DIRECTIVE).exec(line);
    if (!match) return;
    const start = match.index + (inFrontMatter && /\s/.test(match[0][0] ?? '') ? 1 : 0);
    const content = match[1] ?? '';
    const separator = content.indexOf('--');
    const idsText = separator === -1 ? content : content.slice(0, separator);
    directives.push({
      line: lineNumber,
      column: start + 1,
      endLine: lineNumber,
      endColumn: match.index + match[0].length + 1,
      targetLine: undefined,
      ruleIds: idsText.split(/[\s,]+/).filter((id) => id !== ''),
      reason: separator === -1 ? '' : content.slice(separator + 2).trim(),
      unclosed: !inFrontMatter && match[2] !== '-->',
    });
    directiveLines.add(lineNumber);
  });
  for (const directive of directives) {
    for (let lineNumber = directive.line + 1; lineNumber <= lines.length; lineNumber++) {
      if (directiveLines.has(lineNumber) || (lines[lineNumber - 1] ?? '').trim() === '') continue;
      directive.targetLine = lineNumber;
      break;
    }
  }
  return directives;
}

export interface DisableOutcome {
  /** The findings left after suppression. */
  kept: Diagnostic[];
  /** Findings about the directives themselves (no reason, unknown rule, ...). */
  problems: Diagnostic[];
}

/**
 * Drops the findings that a directive names on its target line and reports directives that need fixing.
 * A directive without a reason still suppresses, so that the one finding shown is the missing reason.
 */
export function applyDisableDirectives(
  file: string,
  diagnostics: readonly Diagnostic[],
  directives: readonly DisableDirective[],
  knownRuleIds: readonly string[],
  severity: Severity | 'off',
): DisableOutcome {
  const known = new Set(knownRuleIds);
  const problems: Diagnostic[] = [];
  const problem = (directive: DisableDirective, message: string) => {
    if (severity === 'off') return;
    const { line, column, endLine, endColumn } = directive;
    problems.push({
      file,
      line,
      column,
      endLine,
      endColumn,
      ruleId: DISABLE_COMMENT_RULE_ID,
      severity,
      message,
    });
  };
  const suppressed = new Map<number, Set<string>>();
  for (const directive of directives) {
    if (directive.unclosed) {
      problem(directive, 'this disable comment is not closed on its line; end it with --> on the same line');
    }
    if (directive.ruleIds.length === 0) {
      problem(
        directive,
        'this disable comment names no rule; write <!-- handoff-disable-next-line <rule-id> -- reason -->',
      );
    }
    for (const id of directive.ruleIds) {
      if (known.has(id)) continue;
      const suggestion = closest(id, knownRuleIds);
      problem(
        directive,
        `"${id}" in this disable comment is not a rule id${suggestion ? ` (did you mean "${suggestion}"?)` : ''}; fix the id or remove it`,
      );
    }
    if (directive.ruleIds.length > 0 && directive.reason === '') {
      problem(
        directive,
        `this disable comment gives no reason; add one after "--": <!-- ${DIRECTIVE} ${directive.ruleIds.join(', ')} -- why this is fine -->`,
      );
    }
    if (directive.targetLine === undefined) {
      problem(directive, 'nothing follows this disable comment; put it on the line just before the finding');
      continue;
    }
    const ids = suppressed.get(directive.targetLine) ?? new Set<string>();
    for (const id of directive.ruleIds) if (id !== DISABLE_COMMENT_RULE_ID) ids.add(id);
    suppressed.set(directive.targetLine, ids);
  }
  const kept = diagnostics.filter((diagnostic) => !suppressed.get(diagnostic.line)?.has(diagnostic.ruleId));
  return { kept, problems };
}
