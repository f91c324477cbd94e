import type { LintResult } from '../core/lint/results.js';
import type { FormatContext } from './format.js';

/**
 * GitHub Actions workflow commands, one per finding, which the runner turns into annotations on the
 * pull request's lines. Escaping as GitHub's toolkit does it (actions/toolkit, command.ts).
 */
export function formatGithub(results: readonly LintResult[], context: FormatContext): string {
  const lines: string[] = [];
  for (const result of results) {
    for (const message of result.messages) {
      const properties: string[] = [
        `file=${escapeProperty(context.pathPrefix + result.filePath)}`,
        `line=${message.line}`,
        `col=${message.column}`,
      ];
      if (message.endLine !== undefined) properties.push(`endLine=${message.endLine}`);
      if (message.endColumn !== undefined) properties.push(`endColumn=${message.endColumn}`);
      properties.push(`title=${escapeProperty(`handoff(${message.ruleId})`)}`);
      const command = message.severity === 'error' ? 'error' : 'warning';
      lines.push(`::${command} ${properties.join(',')}::${escapeData(message.message)}`);
    }
  }
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}

/** A command's message: %, CR and LF would end or corrupt the command. */
export function escapeData(text: string): string {
  return text.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');
}

/** A property value: additionally ":" and "," which separate properties. */
export function escapeProperty(text: string): string {
  return escapeData(text).replaceAll(':', '%3A').replaceAll(',', '%2C');
}
