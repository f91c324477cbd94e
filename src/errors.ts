/**
 * The catalogue of user-facing errors. Each has a permanent code, says what happened and what to do,
 * and carries its exit code: 1 for a refused action, 2 for usage, configuration or internal errors.
 * Callers tell errors apart by `code`, never by message text.
 */
export const errorCatalogue = {
  usage: 2,
  'missing-values': 2,
  'config-missing': 2,
  'config-invalid': 2,
  'repo-not-found': 2,
  'path-outside-repo': 2,
  'invalid-id': 2,
  'unknown-reference': 2,
  'not-found': 1,
  ambiguous: 1,
  'file-exists': 1,
  duplicate: 1,
  'invalid-document': 1,
  'not-a-git-repo': 1,
  'git-state': 1,
  'git-failed': 1,
  'gate-refused': 1,
  'render-refused': 1,
  cancelled: 1,
  internal: 2,
} as const;

export type ErrorCode = keyof typeof errorCatalogue;

export interface ErrorDetails {
  /** What to do about it, one sentence. */
  fix?: string;
  /** The file the problem is in, relative to the repository root where possible. */
  file?: string;
  line?: number;
  column?: number;
  /** Further lines listed under the message (for example valid choices or each missing value). */
  details?: string[];
}

export class HandoffError extends Error {
  readonly code: ErrorCode;
  readonly exitCode: 1 | 2;
  readonly fix: string | undefined;
  readonly file: string | undefined;
  readonly line: number | undefined;
  readonly column: number | undefined;
  readonly details: string[];

  constructor(code: ErrorCode, message: string, details: ErrorDetails = {}) {
    super(message);
    this.name = 'HandoffError';
    this.code = code;
    this.exitCode = errorCatalogue[code];
    this.fix = details.fix;
    this.file = details.file;
    this.line = details.line;
    this.column = details.column;
    this.details = details.details ?? [];
  }
}

export function isHandoffError(error: unknown): error is HandoffError {
  return error instanceof HandoffError;
}

/** Formats an error for people: location, message, details, and what to do. */
export function formatError(error: HandoffError): string {
  const where = error.file ? `${error.file}${error.line ? `:${error.line}:${error.column ?? 1}` : ''}: ` : '';
  const lines = [`handoff: ${where}${error.message}`];
  for (const detail of error.details) lines.push(`  ${detail}`);
  if (error.fix) lines.push(`  ${error.fix}`);
  return `${lines.join('\n')}\n`;
}
