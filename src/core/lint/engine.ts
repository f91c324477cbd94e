import type { Config } from '../../../schemas/config.js';
import type { Diagnostic, Position, Severity } from '../diagnostics.js';
import { CONFIG_FILE } from '../layout.js';
import type { Loaded, Workspace } from '../workspace.js';
import type { KeyPositions } from '../yaml.js';
import {
  applyDisableDirectives,
  DISABLE_COMMENT_RULE_ID,
  type DisableDirective,
  findDisableDirectives,
} from './disable-comments.js';
import { compareFindings } from './results.js';
import { effectiveSeverity, unknownRuleSettings } from './severities.js';
import type { Rule, RuleContext, RuleMeta } from './types.js';

/**
 * Ids whose findings come from the loader or the engine rather than from a rule's check: they are
 * configurable and documented like rules, and listed in SARIF, whether or not the registry has them.
 */
export const engineRuleMetas: readonly RuleMeta[] = [
  {
    id: 'yaml-syntax',
    defaultSeverity: 'error',
    description:
      'front matter that is not valid YAML, duplicate keys, a missing closing fence, a non-mapping',
  },
  {
    id: 'schema',
    defaultSeverity: 'error',
    description: 'a field of the wrong type or value, a missing required field, an unknown key',
  },
  {
    id: DISABLE_COMMENT_RULE_ID,
    defaultSeverity: 'error',
    description: 'a disable comment without a reason, naming no rule or a rule that does not exist',
  },
];

/** Every id a finding can carry, registry first and in id order: what SARIF lists and config may name. */
export function allRuleMetas(rules: readonly Rule[]): RuleMeta[] {
  const metas = new Map<string, RuleMeta>();
  for (const rule of rules) metas.set(rule.meta.id, rule.meta);
  for (const meta of engineRuleMetas) if (!metas.has(meta.id)) metas.set(meta.id, meta);
  return [...metas.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export interface RuleFailure {
  ruleId: string;
  file: string;
  error: unknown;
}

export interface LintInput {
  workspace: Workspace;
  config: Config;
  /** "Today", YYYY-MM-DD. */
  now: string;
  /** The documents to judge; default: every document of the workspace. */
  documents?: readonly Loaded<unknown>[];
  rules: readonly Rule[];
  /** When given, handoff.config.yaml is judged too (unknown rule ids in lint.rules), located with these positions. */
  configPositions?: KeyPositions;
  /** Called for each rule that throws, before it becomes a finding (for HANDOFF_DEBUG). */
  onRuleError?: (failure: RuleFailure) => void;
}

/**
 * Judges documents: the loader's yaml-syntax and schema problems, then every rule's findings, each
 * with its configured severity (`off` rules do not run), minus what disable comments suppress, sorted
 * by file, line and column. Never throws: a rule that throws becomes a finding and the run goes on.
 */
export function runLint(input: LintInput): Diagnostic[] {
  const { workspace, config, now, rules } = input;
  const judged = input.documents ?? workspace.documents;
  const metas = allRuleMetas(rules);
  const knownIds = metas.map((meta) => meta.id);
  const severities = new Map(metas.map((meta) => [meta.id, effectiveSeverity(meta, config)]));
  const severityOf = (ruleId: string, fallback: Severity) => severities.get(ruleId) ?? fallback;

  const judgedPaths = new Set(judged.map((document) => document.path));
  const findings: Diagnostic[] = [];
  for (const document of judged) {
    for (const diagnostic of document.diagnostics) {
      const severity = severityOf(diagnostic.ruleId, diagnostic.severity);
      if (severity !== 'off')
        findings.push(severity === diagnostic.severity ? diagnostic : { ...diagnostic, severity });
    }
  }
  for (const rule of rules) {
    const severity = severities.get(rule.meta.id) ?? rule.meta.defaultSeverity;
    if (severity === 'off') continue;
    const run = new RuleRun(rule, severity, { workspace, config, now }, input.onRuleError);
    findings.push(...run.judge(judged, judgedPaths));
  }
  if (input.configPositions) findings.push(...judgeConfig(config, rules, input.configPositions));

  const withDirectives = applyDirectives(
    findings,
    judged,
    knownIds,
    severityOf(DISABLE_COMMENT_RULE_ID, 'error'),
  );
  return unique(withDirectives).sort(compareFindings);
}

/** Findings on handoff.config.yaml itself: `lint.rules` entries that name no rule. */
export function judgeConfig(config: Config, rules: readonly Rule[], positions: KeyPositions): Diagnostic[] {
  const metas = allRuleMetas(rules);
  const severity = effectiveSeverity({ id: 'schema', defaultSeverity: 'error' }, config);
  if (severity === 'off') return [];
  const known = metas.map((meta) => meta.id);
  return unknownRuleSettings(config, known, positions).map((finding) => ({ ...finding, severity }));
}

class RuleRun {
  constructor(
    private readonly rule: Rule,
    private readonly severity: Severity,
    private readonly base: Pick<RuleContext, 'workspace' | 'config' | 'now'>,
    private readonly onRuleError: LintInput['onRuleError'],
  ) {}

  /**
   * Runs the rule on all documents; when it throws, splits the documents in halves until the ones it
   * throws on are found, so that each becomes one finding and the findings on the others still count.
   */
  judge(documents: readonly Loaded<unknown>[], paths: ReadonlySet<string>): Diagnostic[] {
    const outcome = this.isolate(documents, paths);
    if (outcome.threw && !outcome.located) {
      // It throws on the whole set but on no single document: blame the first, so that it is seen.
      outcome.findings.push(this.failure(documents[0]?.path ?? CONFIG_FILE, outcome.error));
    }
    return outcome.findings;
  }

  private isolate(
    documents: readonly Loaded<unknown>[],
    paths: ReadonlySet<string> = new Set(documents.map((document) => document.path)),
  ): {
    findings: Diagnostic[];
    threw: boolean;
    located: boolean;
    error?: unknown;
  } {
    try {
      return { findings: this.attempt(documents, paths), threw: false, located: false };
    } catch (error) {
      if (documents.length <= 1) {
        const file = documents[0]?.path ?? CONFIG_FILE;
        return { findings: [this.failure(file, error)], threw: true, located: true };
      }
      const middle = documents.length >> 1;
      const first = this.isolate(documents.slice(0, middle));
      const second = this.isolate(documents.slice(middle));
      return {
        findings: [...first.findings, ...second.findings],
        threw: true,
        located: first.located || second.located,
        error,
      };
    }
  }

  private attempt(documents: readonly Loaded<unknown>[], paths: ReadonlySet<string>): Diagnostic[] {
    const found: Diagnostic[] = [];
    const { id } = this.rule.meta;
    const severity = this.severity;
    // Written out rather than spread: rules read the context all the time, and a spread makes a slower object.
    const { workspace, config, now } = this.base;
    const context: RuleContext = {
      workspace,
      config,
      now,
      documents,
      report(document, position, message) {
        // Cross-document rules read the whole workspace but may only judge the documents they were given.
        if (!document || !paths.has(document.path)) return;
        found.push({
          file: document.path,
          ...sanePosition(position),
          ruleId: id,
          severity,
          message: String(message),
        });
      },
    };
    this.rule.check(context);
    return found;
  }

  private failure(file: string, error: unknown): Diagnostic {
    this.onRuleError?.({ ruleId: this.rule.meta.id, file, error });
    // Only the error's name: its message may quote the document, and so personal data.
    const name = error instanceof Error ? error.name : typeof error;
    return {
      file,
      line: 1,
      column: 1,
      ruleId: this.rule.meta.id,
      severity: 'error',
      message: `rule "${this.rule.meta.id}" failed on ${file}: ${name}`,
    };
  }
}

/** Positions from rules are trusted for shape only: anything odd points at the start of the file. */
function sanePosition(position: Position | undefined): Position {
  const line = whole(position?.line) ?? 1;
  const column = whole(position?.column) ?? 1;
  const sane: Position = { line, column };
  const endLine = whole(position?.endLine);
  const endColumn = whole(position?.endColumn);
  if (
    endLine !== undefined &&
    endColumn !== undefined &&
    (endLine > line || (endLine === line && endColumn >= column))
  ) {
    sane.endLine = endLine;
    sane.endColumn = endColumn;
  }
  return sane;
}

function whole(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 ? value : undefined;
}

function applyDirectives(
  findings: Diagnostic[],
  judged: readonly Loaded<unknown>[],
  knownIds: readonly string[],
  severity: Severity | 'off',
): Diagnostic[] {
  const directivesByFile = new Map<string, DisableDirective[]>();
  for (const document of judged) {
    const directives = findDisableDirectives(document.text, document.bodyLine);
    if (directives.length > 0) directivesByFile.set(document.path, directives);
  }
  if (directivesByFile.size === 0) return findings;
  const byFile = new Map<string, Diagnostic[]>();
  const result: Diagnostic[] = [];
  for (const finding of findings) {
    if (!directivesByFile.has(finding.file)) {
      result.push(finding);
      continue;
    }
    const list = byFile.get(finding.file) ?? [];
    list.push(finding);
    byFile.set(finding.file, list);
  }
  for (const [file, directives] of directivesByFile) {
    const outcome = applyDisableDirectives(file, byFile.get(file) ?? [], directives, knownIds, severity);
    result.push(...outcome.kept, ...outcome.problems);
  }
  return result;
}

/** A rule may re-report what the loader found; the same finding is shown once. */
function unique(findings: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return findings.filter((finding) => {
    const key = `${finding.file}\0${finding.line}\0${finding.column}\0${finding.ruleId}\0${finding.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
