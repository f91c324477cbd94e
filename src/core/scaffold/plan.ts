import type { DocumentKind } from '../../../schemas/common.js';
import type { Person } from '../../../schemas/config.js';
import type { FieldStep, ScaffoldContext, Values } from './fields.js';

/** How the new file is committed with --commit. */
export interface CommitPlan {
  subject: string;
  /** Handoff-Event, Handoff-Candidate, ...: what `handoff log` reads back. */
  trailers: Record<string, string>;
}

/** A new document rendered from a template. */
export interface DocumentPlan {
  type: 'document';
  /** Repository-relative path. */
  path: string;
  template: DocumentKind;
  data: Record<string, unknown>;
  commit: CommitPlan;
  /** What to do after it is written, one line. */
  next: string;
}

/** A person added to handoff.config.yaml. */
export interface PersonPlan {
  type: 'person';
  person: Person;
  commit: CommitPlan;
  next: string;
}

export type Plan = DocumentPlan | PersonPlan;

/** What `handoff new <kind>` needs to know about a kind: its values, and what to write from them. */
export interface Scaffold {
  steps: FieldStep[];
  /**
   * Flags that are not fields (a repeatable one like --rating, read by a step), option key -> flag, and
   * how their option values become field values.
   */
  extraFlags?: { flags: Record<string, string>; values(options: Record<string, unknown>): Values };
  plan(values: Values, ctx: ScaffoldContext): Plan;
}
