import type { LintResult } from '../core/lint/results.js';
import type { RuleMeta } from '../core/lint/types.js';

/** What a formatter may know besides the results. Formatters are pure: the command decides where output goes. */
export interface FormatContext {
  /** Every rule id a finding can carry, with its description (for SARIF's rule list). */
  rules: readonly RuleMeta[];
  /** handoff's version. */
  version: string;
  /** Whether stylish output may be coloured. */
  color: boolean;
  /**
   * Prepended to every path in github and sarif output: where the handoff repository sits inside the
   * checkout that CI annotates ("" when it is the checkout's root).
   */
  pathPrefix: string;
  /** The repository root as a file: URI ending in "/", for SARIF's %SRCROOT%. */
  rootUri?: string;
  /**
   * Where the rule docs pages are, as an absolute URI ending in "/" (SARIF's helpUri must be absolute);
   * without it helpUri is the repository-relative docs/rules/<id>.md.
   */
  docsUri?: string;
  /** Each rule's help in Markdown (its docs page), for SARIF. */
  help?: ReadonlyMap<string, string>;
}

export type Formatter = (results: readonly LintResult[], context: FormatContext) => string;

export const formatNames = ['stylish', 'json', 'github', 'sarif'] as const;
export type FormatName = (typeof formatNames)[number];

export async function loadFormatter(name: FormatName): Promise<Formatter> {
  switch (name) {
    case 'stylish':
      return (await import('./stylish.js')).formatStylish;
    case 'json':
      return (await import('./json.js')).formatJson;
    case 'github':
      return (await import('./github.js')).formatGithub;
    case 'sarif':
      return (await import('./sarif.js')).formatSarif;
  }
}
