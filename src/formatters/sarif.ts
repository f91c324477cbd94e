import type { LintResult } from '../core/lint/results.js';
import type { FormatContext } from './format.js';

const SRCROOT = '%SRCROOT%';

/**
 * SARIF 2.1.0 (OASIS), as code-scanning tools read it: one run, one `rules` entry per rule with its
 * description and help, results pointing at repository-relative paths under %SRCROOT%.
 */
export function formatSarif(results: readonly LintResult[], context: FormatContext): string {
  const ruleIndex = new Map(context.rules.map((rule, index) => [rule.id, index]));
  const rules = context.rules.map((rule) => {
    const page = `docs/rules/${rule.id}.md`;
    const helpUri = context.docsUri ? `${context.docsUri}${encodeURIComponent(rule.id)}.md` : page;
    const markdown = context.help?.get(rule.id);
    return {
      id: rule.id,
      name: pascalCase(rule.id),
      shortDescription: { text: rule.description },
      fullDescription: { text: rule.description },
      help: {
        text: `${rule.description}. What it checks, why it matters and how to fix it: ${page}`,
        ...(markdown ? { markdown } : {}),
      },
      helpUri,
      defaultConfiguration: { level: rule.defaultSeverity === 'error' ? 'error' : 'warning' },
    };
  });
  const sarifResults = results.flatMap((result) =>
    result.messages.map((message) => {
      const region: Record<string, number> = { startLine: message.line, startColumn: message.column };
      if (message.endLine !== undefined) region.endLine = message.endLine;
      if (message.endColumn !== undefined) region.endColumn = message.endColumn;
      const index = ruleIndex.get(message.ruleId);
      return {
        ruleId: message.ruleId,
        ...(index !== undefined ? { ruleIndex: index } : {}),
        level: message.severity === 'error' ? 'error' : 'warning',
        message: { text: message.message },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: encodePath(context.pathPrefix + result.filePath), uriBaseId: SRCROOT },
              region,
            },
          },
        ],
      };
    }),
  );
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'handoff',
            version: context.version,
            semanticVersion: context.version,
            rules,
          },
        },
        ...(context.rootUri ? { originalUriBaseIds: { [SRCROOT]: { uri: context.rootUri } } } : {}),
        columnKind: 'utf16CodeUnits',
        results: sarifResults,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

/** A relative path as a URI reference: each segment percent-encoded, slashes kept. */
function encodePath(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

function pascalCase(id: string): string {
  return id
    .split(/[^a-z0-9]+/i)
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');
}
