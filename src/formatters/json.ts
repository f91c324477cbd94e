import type { LintResult } from '../core/lint/results.js';
import type { FormatContext } from './format.js';

/** ESLint's JSON shape, so that tools reading ESLint reports read these: severity 1 is a warning, 2 an error. */
export interface JsonMessage {
  ruleId: string;
  severity: 1 | 2;
  message: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
}

export interface JsonResult {
  /** Relative to the repository root. */
  filePath: string;
  messages: JsonMessage[];
  errorCount: number;
  warningCount: number;
  fatalErrorCount: number;
  fixableErrorCount: number;
  fixableWarningCount: number;
}

export function toJsonResults(results: readonly LintResult[]): JsonResult[] {
  return results.map((result) => ({
    filePath: result.filePath,
    messages: result.messages.map((message) => ({
      ruleId: message.ruleId,
      severity: message.severity === 'error' ? 2 : 1,
      message: message.message,
      line: message.line,
      column: message.column,
      endLine: message.endLine,
      endColumn: message.endColumn,
    })),
    errorCount: result.errorCount,
    warningCount: result.warningCount,
    fatalErrorCount: 0,
    fixableErrorCount: 0,
    fixableWarningCount: 0,
  }));
}

export function formatJson(results: readonly LintResult[], _context: FormatContext): string {
  return `${JSON.stringify(toJsonResults(results))}\n`;
}
