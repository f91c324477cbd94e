import type { Config } from '../../../schemas/config.js';
import type { Diagnostic, Severity } from '../diagnostics.js';
import { CONFIG_FILE } from '../layout.js';
import { closest } from '../suggest.js';
import type { KeyPositions } from '../yaml.js';
import type { RuleMeta } from './types.js';

export type SeveritySetting = 'off' | 'warn' | 'error';

/** The severity a rule's findings get: the config's `lint.rules.<id>` when set, else the rule's default. */
export function effectiveSeverity(
  meta: Pick<RuleMeta, 'id' | 'defaultSeverity'>,
  config: Config,
): Severity | 'off' {
  const setting = config.lint.rules[meta.id] as SeveritySetting | undefined;
  if (setting === undefined) return meta.defaultSeverity;
  return setting === 'off' ? 'off' : setting === 'warn' ? 'warning' : 'error';
}

/**
 * A `lint.rules` entry naming no rule would silently change nothing (a typo like `pii-check: off`),
 * so it is reported on the config, at the key, with the closest rule id.
 */
export function unknownRuleSettings(
  config: Config,
  knownIds: readonly string[],
  positions: KeyPositions,
): Diagnostic[] {
  const known = new Set(knownIds);
  const diagnostics: Diagnostic[] = [];
  for (const id of Object.keys(config.lint.rules)) {
    if (known.has(id)) continue;
    const position = positions.get(`lint.rules.${id}`)?.key ??
      positions.get('lint.rules')?.key ?? { line: 1, column: 1 };
    const suggestion = closest(id, knownIds);
    diagnostics.push({
      file: CONFIG_FILE,
      ...position,
      ruleId: 'schema',
      severity: 'error',
      message: `"${id}" in lint.rules is not a rule id${suggestion ? ` (did you mean "${suggestion}"?)` : ''}; fix the id or remove the line (docs/rules/ lists every rule)`,
    });
  }
  return diagnostics;
}
