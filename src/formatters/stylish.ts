import type { LintResult } from '../core/lint/results.js';
import { createColors } from '../io/colors.js';
import type { FormatContext } from './format.js';

/**
 * For people: findings grouped by file, `line:column  severity  message  rule`, aligned, then a summary
 * line. Prints nothing when there is nothing to report (as ESLint does).
 */
export function formatStylish(results: readonly LintResult[], context: FormatContext): string {
  const colors = createColors(context.color);
  const blocks: string[] = [];
  let errors = 0;
  let warnings = 0;
  for (const result of results) {
    if (result.messages.length === 0) continue;
    errors += result.errorCount;
    warnings += result.warningCount;
    const rows = result.messages.map((message) => ({
      where: `${message.line}:${message.column}`,
      severity: message.severity,
      text: message.message.replace(/\s*\r?\n\s*/g, ' '),
      ruleId: message.ruleId,
    }));
    const whereWidth = Math.max(...rows.map((row) => row.where.length));
    const textWidth = Math.max(...rows.map((row) => row.text.length));
    const lines = rows.map((row) => {
      const severity = row.severity === 'error' ? colors.red('error  ') : colors.yellow('warning');
      return `  ${colors.dim(row.where.padEnd(whereWidth))}  ${severity}  ${row.text.padEnd(textWidth)}  ${colors.dim(row.ruleId)}`;
    });
    blocks.push(`${colors.underline(result.filePath)}\n${lines.join('\n')}`);
  }
  if (blocks.length === 0) return '';
  const problems = errors + warnings;
  const summary = `✖ ${problems} ${plural(problems, 'problem')} (${errors} ${plural(errors, 'error')}, ${warnings} ${plural(warnings, 'warning')})`;
  const coloured = errors > 0 ? colors.red.bold(summary) : colors.yellow.bold(summary);
  return `\n${blocks.join('\n\n')}\n\n${coloured}\n`;
}

function plural(count: number, word: string): string {
  return count === 1 ? word : `${word}s`;
}
