import { type Config, configSchema } from '../../schemas/config.js';
import type { Diagnostic } from './diagnostics.js';
import { FILE_START } from './document.js';
import { CONFIG_FILE } from './layout.js';
import { validateAgainst } from './validate.js';
import { type KeyPositions, parseFrontMatterYaml } from './yaml.js';

export interface ParsedConfig {
  config: Config | undefined;
  positions: KeyPositions;
  diagnostics: Diagnostic[];
}

/** Parses and validates handoff.config.yaml, collecting every problem with its position. */
export function parseConfig(text: string): ParsedConfig {
  const parsed = parseFrontMatterYaml(text, 1);
  const diagnostics: Diagnostic[] = parsed.problems.map(({ message, ...position }) => ({
    file: CONFIG_FILE,
    ...position,
    ruleId: 'yaml-syntax',
    severity: 'error',
    message,
  }));
  if (!parsed.data) return { config: undefined, positions: parsed.positions, diagnostics };

  const result = validateAgainst(configSchema, {
    file: CONFIG_FILE,
    data: parsed.data,
    positions: parsed.positions,
    fallback: FILE_START,
  });
  diagnostics.push(...result.diagnostics);
  if (result.value) diagnostics.push(...crossCheckConfig(result.value, parsed.positions));
  const config = diagnostics.length === 0 ? result.value : undefined;
  return { config, positions: parsed.positions, diagnostics };
}

/** What the schema alone cannot see: duplicate ids and unknown audiences' fields. */
function crossCheckConfig(config: Config, positions: KeyPositions): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const report = (path: string, message: string) =>
    diagnostics.push({
      file: CONFIG_FILE,
      ...(positions.get(path)?.value ?? FILE_START),
      ruleId: 'schema',
      severity: 'error',
      message,
    });
  const seen = (items: { id: string }[], listName: string) => {
    const ids = new Set<string>();
    items.forEach((item, index) => {
      if (ids.has(item.id))
        report(`${listName}.${index}.id`, `"${item.id}" is listed twice in ${listName}; ids must be unique`);
      ids.add(item.id);
    });
  };
  seen(config.stages, 'stages');
  seen(config.people, 'people');
  for (const [audience, fields] of Object.entries(config.access.audiences)) {
    (fields ?? []).forEach((field, index) => {
      if (!config.access.restricted.includes(field)) {
        report(
          `access.audiences.${audience}.${index}`,
          `"${field}" is not in access.restricted; list it there first or remove it from ${audience}`,
        );
      }
    });
  }
  return diagnostics;
}

/** The restricted fields an audience may see. The recruiter sees all unless configured otherwise. */
export function visibleRestrictedFields(
  config: Config,
  audience: 'interviewer' | 'hiring-manager' | 'recruiter',
): Set<string> {
  const configured = config.access.audiences[audience];
  if (configured) return new Set(configured);
  return new Set(audience === 'recruiter' ? config.access.restricted : []);
}
