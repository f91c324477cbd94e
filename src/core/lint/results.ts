import type { Diagnostic } from '../diagnostics.js';

/** The findings of one file, as every formatter receives them. */
export interface LintResult {
  /** Path relative to the repository root, with forward slashes. */
  filePath: string;
  /** Sorted by line, then column. */
  messages: Diagnostic[];
  errorCount: number;
  warningCount: number;
}

export interface LintTotals {
  errorCount: number;
  warningCount: number;
}

/** A total order on findings, so that results never depend on the order rules or workers produced them. */
export function compareFindings(a: Diagnostic, b: Diagnostic): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return (
    a.line - b.line ||
    a.column - b.column ||
    compareText(a.ruleId, b.ruleId) ||
    (a.endLine ?? 0) - (b.endLine ?? 0) ||
    (a.endColumn ?? 0) - (b.endColumn ?? 0) ||
    compareText(a.message, b.message)
  );
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Groups findings by file. Every judged file gets a result, with or without findings (as ESLint's JSON
 * does), so that a consumer can tell "clean" from "not linted"; files are in path order.
 */
export function buildResults(
  diagnostics: readonly Diagnostic[],
  judgedFiles: Iterable<string>,
): LintResult[] {
  const byFile = new Map<string, LintResult>();
  const resultFor = (filePath: string): LintResult => {
    let result = byFile.get(filePath);
    if (!result) {
      result = { filePath, messages: [], errorCount: 0, warningCount: 0 };
      byFile.set(filePath, result);
    }
    return result;
  };
  for (const file of judgedFiles) resultFor(file);
  for (const diagnostic of diagnostics) {
    const result = resultFor(diagnostic.file);
    result.messages.push(diagnostic);
    if (diagnostic.severity === 'error') result.errorCount++;
    else result.warningCount++;
  }
  const results = [...byFile.values()].sort((a, b) => compareText(a.filePath, b.filePath));
  for (const result of results) result.messages.sort(compareFindings);
  return results;
}

/** Keeps errors only (--quiet). */
export function errorsOnly(results: readonly LintResult[]): LintResult[] {
  return results.map((result) => ({
    ...result,
    messages: result.messages.filter((message) => message.severity === 'error'),
    warningCount: 0,
  }));
}

export function totals(results: readonly LintResult[]): LintTotals {
  let errorCount = 0;
  let warningCount = 0;
  for (const result of results) {
    errorCount += result.errorCount;
    warningCount += result.warningCount;
  }
  return { errorCount, warningCount };
}
