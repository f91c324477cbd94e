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
  const withFindings = new Map<string, Diagnostic[]>();
  for (const diagnostic of diagnostics) {
    const messages = withFindings.get(diagnostic.file);
    if (messages) messages.push(diagnostic);
    else withFindings.set(diagnostic.file, [diagnostic]);
  }
  const resultOf = (filePath: string, messages: Diagnostic[]): LintResult => {
    let errorCount = 0;
    for (const message of messages) if (message.severity === 'error') errorCount++;
    if (messages.length > 1) messages.sort(compareFindings);
    return { filePath, messages, errorCount, warningCount: messages.length - errorCount };
  };
  const results: LintResult[] = [];
  // Files with findings not met yet among the judged ones; once all are met, no file is looked up.
  const unmet = new Set(withFindings.keys());
  for (const file of judgedFiles) {
    const messages = unmet.size > 0 ? withFindings.get(file) : undefined;
    if (messages === undefined) {
      results.push({ filePath: file, messages: [], errorCount: 0, warningCount: 0 });
    } else {
      unmet.delete(file);
      results.push(resultOf(file, messages));
    }
  }
  for (const file of unmet) results.push(resultOf(file, withFindings.get(file)!));
  results.sort((a, b) => compareText(a.filePath, b.filePath));
  // A file named twice is one result.
  return results.filter((result, index) => index === 0 || result.filePath !== results[index - 1]!.filePath);
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
