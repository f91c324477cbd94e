import { didYouMean } from '../core/suggest.js';
import { HandoffError } from '../errors.js';
import type { Pipeline } from '../io/pipeline.js';

/** --role and --owner must name a role and a person the repository knows; a typo gets a suggestion. */
export function checkFilters(
  pipeline: Pipeline,
  filter: { role?: string | undefined; owner?: string | undefined },
): void {
  if (filter.role !== undefined) {
    const known = new Set([
      ...pipeline.roles.map((role) => role.id),
      ...pipeline.facts.flatMap((facts) => facts.role ?? []),
    ]);
    if (!known.has(filter.role)) {
      throw new HandoffError(
        'not-found',
        `there is no role "${filter.role}"${didYouMean(filter.role, known)}`,
        {
          fix: `Pass one of the ids in roles/: ${[...known].sort().join(', ') || '(none yet)'}.`,
        },
      );
    }
  }
  if (filter.owner !== undefined) {
    const people = pipeline.workspace.people;
    if (!people.has(filter.owner)) {
      throw new HandoffError(
        'not-found',
        `there is no person "${filter.owner}" in the config${didYouMean(filter.owner, people.keys())}`,
        {
          fix: 'Pass a person id from the people list in handoff.config.yaml, like alex.kim.',
        },
      );
    }
  }
}

/** JSON for machines, with figures rounded to four decimals so that float noise never shows. */
export function roundedJson(value: unknown): string {
  return `${JSON.stringify(value, (_key, item) => (typeof item === 'number' ? Math.round(item * 10_000) / 10_000 : item), 2)}\n`;
}
