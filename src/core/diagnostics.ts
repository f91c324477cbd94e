export type Severity = 'error' | 'warning';

/** One located problem. Lines and columns are 1-based and point into the original file. */
export interface Diagnostic {
  /** Path relative to the repository root, with forward slashes. */
  file: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  /** The lint rule id that owns this kind of problem (yaml-syntax, schema, id-path, ...). */
  ruleId: string;
  severity: Severity;
  message: string;
}

export interface Position {
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
}

export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return a.line - b.line || a.column - b.column || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0);
}
