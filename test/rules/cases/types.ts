/** A case of a rule's table: a variant of the fixture repository and what the rule must find in it. */
export interface RuleCase {
  name: string;
  /** Files replaced (text) or removed (null) in the base fixture. */
  files?: Record<string, string | null>;
  /** "Today" (default: the fixture's NOW). */
  now?: string;
  /** Only these documents are judged (default: all). */
  judge?: string[];
}

export interface ExpectedFinding {
  file: string;
  line: number;
  column: number;
  /** Text the message must contain (or match). */
  message?: string | RegExp;
}

export interface InvalidCase extends RuleCase {
  expected: ExpectedFinding[];
}

export interface RuleCases {
  valid: RuleCase[];
  invalid: InvalidCase[];
}
