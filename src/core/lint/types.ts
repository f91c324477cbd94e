import type { Config } from '../../../schemas/config.js';
import type { Position, Severity } from '../diagnostics.js';
import type { Loaded, Workspace } from '../workspace.js';

/** What a rule declares about itself; the registry and docs are built from this. */
export interface RuleMeta {
  /** Permanent id, part of the interface: also the doc page name docs/rules/<id>.md. */
  id: string;
  defaultSeverity: Severity;
  /** One line: what the rule finds. */
  description: string;
}

export interface RuleContext {
  /**
   * What a rule may read. To judge a role, a rule reads the config and the roles; to judge a candidate's
   * document, the config, the roles and that candidate's folder (profile, memo, scorecards, surveys).
   * The engine relies on this: `--changed`, the cache and the worker threads load only that much
   * around the judged documents, so a rule reading further would see a partial workspace.
   */
  workspace: Workspace;
  config: Config;
  /** "Today" as YYYY-MM-DD (from --now in tests). */
  now: string;
  /**
   * The documents to judge: every document, or only the changed ones with --changed. Cross-document
   * rules read the rest of the workspace but report only on these.
   */
  documents: readonly Loaded<unknown>[];
  /** Reports a finding on a document at a position in its original file. */
  report(document: { path: string }, position: Position, message: string): void;
}

export interface Rule {
  meta: RuleMeta;
  check(context: RuleContext): void;
}
