import type { z } from 'zod';
import type { Diagnostic, Position } from './diagnostics.js';
import { didYouMean } from './suggest.js';
import type { KeyPositions } from './yaml.js';

export interface ValidationTarget {
  file: string;
  data: Record<string, unknown>;
  positions: KeyPositions;
  /** Where to point when a problem has no key to point at (the opening fence). */
  fallback: Position;
}

export type ValidationResult<T> =
  | { value: T; diagnostics: Diagnostic[] }
  | { value: undefined; diagnostics: Diagnostic[] };

/**
 * zod's compiled fast path validates faster, but generating it costs about 4 ms per schema: a command
 * that reads a few documents (the example repository has 38) does without it, lint on thousands of
 * documents compiles it. Soon, though: V8 warms up each of the two paths on its own, so a long run
 * that switches late pays twice (60,000 documents: median 1.96 s switching after 500, 1.92 s after 50).
 */
const VALIDATIONS_BEFORE_COMPILING = 50;
let validations = 0;
const WITHOUT_COMPILING = { jitless: true };

/** Validates data against a Zod schema and turns every issue into a located `schema` diagnostic. */
export function validateAgainst<T>(schema: z.ZodType<T>, target: ValidationTarget): ValidationResult<T> {
  const result =
    ++validations <= VALIDATIONS_BEFORE_COMPILING
      ? schema.safeParse(target.data, WITHOUT_COMPILING)
      : schema.safeParse(target.data);
  if (result.success) return { value: result.data, diagnostics: [] };
  const diagnostics = result.error.issues.flatMap((issue) => issueToDiagnostics(schema, issue, target));
  return { value: undefined, diagnostics };
}

function issueToDiagnostics(
  schema: z.ZodType,
  issue: z.core.$ZodIssue,
  target: ValidationTarget,
): Diagnostic[] {
  const path = issue.path.map(String);
  const field = path.join('.');
  const diagnostic = (position: Position, message: string): Diagnostic => ({
    file: target.file,
    ...position,
    ruleId: 'schema',
    severity: 'error',
    message,
  });

  if (issue.code === 'unrecognized_keys') {
    const known = objectKeysAt(schema, path);
    return issue.keys.map((key) => {
      const keyPath = [...path, key].join('.');
      const position = target.positions.get(keyPath)?.key ?? locate(target, path);
      const where = field ? ` in "${field}"` : '';
      return diagnostic(
        position,
        `unknown key "${key}"${where}${didYouMean(key, known)}; remove it or fix its name`,
      );
    });
  }

  const value = valueAt(target.data, path);
  if (issue.code === 'invalid_type' && value === undefined) {
    return [diagnostic(locate(target, path.slice(0, -1)), `missing required field "${field}"`)];
  }
  if (issue.code === 'invalid_type' && typeof value === 'number' && issue.expected === 'string') {
    return [
      diagnostic(
        locate(target, path),
        `"${field}" was read as a number; quote this value so it stays text (for example "${field.split('.').pop()}: \\"…\\"")`,
      ),
    ];
  }
  return [diagnostic(locate(target, path), `"${field || 'front matter'}" ${lowerFirst(issue.message)}`)];
}

function locate(target: ValidationTarget, path: string[]): Position {
  for (let length = path.length; length > 0; length--) {
    const entry = target.positions.get(path.slice(0, length).join('.'));
    if (entry) return length === path.length ? entry.value : entry.key;
  }
  return target.fallback;
}

function valueAt(data: unknown, path: string[]): unknown {
  let current: unknown = data;
  for (const segment of path) {
    if (current === null || typeof current !== 'object') return undefined;
    if (!Object.hasOwn(current, segment)) return undefined;
    current = (current as Record<string, unknown>)[segment];
  }
  return current;
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/** The keys an object schema accepts at a data path, for "did you mean" suggestions. */
export function objectKeysAt(schema: z.ZodType, path: string[]): string[] {
  let node: z.core.$ZodType | undefined = unwrap(schema);
  for (const segment of path) {
    if (!node) return [];
    const def = node._zod.def as unknown as Record<string, unknown> & { type: string };
    if (def.type === 'object') node = unwrap((def.shape as Record<string, z.core.$ZodType>)[segment]);
    else if (def.type === 'array') node = unwrap(def.element as z.core.$ZodType);
    else if (def.type === 'record') node = unwrap(def.valueType as z.core.$ZodType);
    else return [];
  }
  const def = node?._zod.def as unknown as { type: string; shape?: Record<string, unknown> } | undefined;
  return def?.type === 'object' && def.shape ? Object.keys(def.shape) : [];
}

function unwrap(schema: z.core.$ZodType | undefined): z.core.$ZodType | undefined {
  let node = schema;
  for (let depth = 0; node && depth < 10; depth++) {
    const def = node._zod.def as unknown as {
      type: string;
      innerType?: z.core.$ZodType;
      in?: z.core.$ZodType;
    };
    if (def.innerType) node = def.innerType;
    else if (def.type === 'pipe' && def.in) node = def.in;
    else break;
  }
  return node;
}
