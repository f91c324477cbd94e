import { type ErrorCode, HandoffError } from '../../errors.js';
import type { RandomBytes } from '../ids.js';
import { closest, editDistance } from '../suggest.js';
import type { Workspace } from '../workspace.js';
import { oneLine } from './common.js';

/** The values gathered so far, by option key (commander's camelCase: hiringManager, sourceChannel, ...). */
export type Values = Record<string, string | undefined>;

/** What gathering may look at: the workspace and a few facts about the world, passed in as data. */
export interface ScaffoldContext {
  workspace: Workspace;
  /** Today's date in UTC, YYYY-MM-DD. */
  today: string;
  /** Whether a repository-relative path exists (a file or a folder). */
  exists(path: string): boolean;
  /** --force: existing files may be replaced. */
  force: boolean;
  randomBytes?: RandomBytes;
}

export interface Choice {
  value: string;
  /** What a person sees in a list; the value when left out. */
  name?: string;
}

/** Why a value cannot be used; becomes a HandoffError with this code. */
export interface Problem {
  code: ErrorCode;
  message: string;
  fix?: string;
  details?: string[];
}

/** One value a scaffold needs: a flag, and a question when asked in a terminal. */
export interface Field {
  /** The option key commander gives (camelCase). */
  key: string;
  /** The flag as listed when it is missing: `--name <name>`. */
  flag: string;
  /** What the value is, lower case: `candidate name`. */
  label: string;
  required?: boolean;
  /** How to ask for it in a terminal when it was not given; never asked when left out. */
  ask?: 'text' | 'select' | 'checkbox';
  /** The question, when it should read differently from the label. */
  question?: string;
  /** Keys that must have a value before this field's choices and default can be worked out. */
  needs?: string[];
  default?(ctx: ScaffoldContext, values: Values): string | undefined;
  /** The default applies only in some cases, so the flag is listed as missing while its `needs` are. */
  defaultOnlySometimes?: boolean;
  /** The only accepted values. */
  choices?(ctx: ScaffoldContext, values: Values): Choice[];
  /**
   * Set for references to things in the workspace (a role, a person): a value outside the choices is
   * 'unknown-reference', named with this noun. Without it, a value outside the choices is a usage error.
   */
  reference?: {
    noun: string;
    /** What to do besides picking from the list, like creating the missing thing. */
    fix: string;
    /** A more precise problem for a value that exists but cannot be used here. */
    explain?(value: string, ctx: ScaffoldContext, values: Values): Problem | undefined;
  };
  /** Further checks on a value (format, file already there); runs after the choices check. */
  check?(value: string, ctx: ScaffoldContext, values: Values): Problem | undefined;
}

/** A field, or a step that works out its fields from the values before it (a rating per focus competency). */
export type FieldStep = Field | ((ctx: ScaffoldContext, values: Values, given: Values) => Field[]);

export interface AskRequest {
  field: Field;
  choices: Choice[];
  default: string | undefined;
  /** The problem with an answer, shown to the person so that they can answer again. */
  check(answer: string): string | undefined;
}

/** Asks a person for one value; undefined when they leave an optional value empty. */
export type Ask = (request: AskRequest) => Promise<string | undefined>;

export interface GatherOptions {
  /** Present when a person at a terminal may be asked. */
  ask?: Ask | undefined;
  /** --yes was given: mentioned in the message about missing values. */
  yes?: boolean;
  /** The command, for messages: `handoff new candidate`. */
  command: string;
}

/** Every field of the steps whose fields do not depend on values (for flag checks and help). */
export function staticFields(steps: FieldStep[]): Field[] {
  return steps.filter((step): step is Field => typeof step !== 'function');
}

/**
 * Works out every value a scaffold needs, in order: the flag when given, else an answer when a person
 * can be asked, else the default. A value outside its choices or failing its check stops with that
 * problem; values still missing at the end are listed together as 'missing-values'.
 */
export async function gatherValues(
  steps: FieldStep[],
  given: Values,
  ctx: ScaffoldContext,
  options: GatherOptions,
): Promise<Values> {
  const values: Values = {};
  const missing: Field[] = [];
  for (const step of steps) {
    const fields = typeof step === 'function' ? step(ctx, values, given) : [step];
    for (const field of fields) {
      const value = await resolveField(field, given[field.key], values, ctx, options);
      if (value === 'missing') missing.push(field);
      else values[field.key] = value;
    }
  }
  if (missing.length > 0) throw missingValues(missing, options);
  return values;
}

async function resolveField(
  field: Field,
  raw: string | undefined,
  values: Values,
  ctx: ScaffoldContext,
  options: GatherOptions,
): Promise<string | undefined | 'missing'> {
  if (raw?.includes('\0')) {
    // Refused rather than cleaned away; the field's own check may say more (an id's does).
    raise(field.check?.(raw, ctx, values));
    raise({ code: 'usage', message: `${flagName(field)} contains a NUL byte`, fix: 'Pass plain text.' });
  }
  const given = oneLineOrNothing(raw);
  const ready = (field.needs ?? []).every((key) => values[key] !== undefined);
  if (!ready) {
    // An earlier value is missing, so the choices and default cannot be worked out yet. A given
    // value is checked as far as it can be; the missing one is what gets reported.
    if (given !== undefined && !field.choices) raise(field.check?.(given, ctx, values));
    const mayDefault = field.default !== undefined && !field.defaultOnlySometimes;
    return given === undefined && field.required && !mayDefault ? 'missing' : given;
  }
  const choices = field.choices?.(ctx, values);
  if (given !== undefined) {
    raise(problemWith(field, given, choices, ctx, values));
    return given;
  }
  const fallback = field.default?.(ctx, values);
  let value: string | undefined;
  if (options.ask && field.ask) {
    value = await askFor(field, choices ?? [], fallback, ctx, values, options.ask);
  } else {
    value = fallback;
  }
  if (value === undefined) return field.required ? 'missing' : undefined;
  raise(problemWith(field, value, choices, ctx, values));
  return value;
}

/** A flag's value on one line: a line break typed into a flag is never meant to become part of a name. */
function oneLineOrNothing(raw: string | undefined): string | undefined {
  const value = raw === undefined ? '' : oneLine(raw);
  return value === '' ? undefined : value;
}

async function askFor(
  field: Field,
  choices: Choice[],
  fallback: string | undefined,
  ctx: ScaffoldContext,
  values: Values,
  ask: Ask,
): Promise<string | undefined> {
  if (field.ask === 'select' && field.required) {
    if (choices.length === 0) raise(noChoices(field));
    // A list with one entry is not a question.
    if (choices.length === 1) return choices[0]!.value;
  }
  const answer = await ask({
    field,
    choices,
    default: fallback,
    check: (text) =>
      problemWith(field, text, field.ask === 'text' ? undefined : choices, ctx, values)?.message,
  });
  return answer === undefined || answer === '' ? undefined : answer;
}

function problemWith(
  field: Field,
  value: string,
  choices: Choice[] | undefined,
  ctx: ScaffoldContext,
  values: Values,
): Problem | undefined {
  if (choices) {
    const accepted = field.ask === 'checkbox' ? value.split(',').map((part) => part.trim()) : [value];
    const unknown = accepted.find((part) => !choices.some((choice) => choice.value === part));
    if (unknown !== undefined) return outsideChoices(field, unknown, choices, ctx, values);
  }
  return field.check?.(value, ctx, values);
}

function outsideChoices(
  field: Field,
  value: string,
  choices: Choice[],
  ctx: ScaffoldContext,
  values: Values,
): Problem {
  const listed = closestFirst(value, choices);
  const suggestion = closest(
    value,
    choices.map((c) => c.value),
  );
  if (!field.reference) {
    return {
      code: 'usage',
      message: `${flagName(field)}${flagName(field).endsWith('=') ? '' : ' '}${JSON.stringify(value)} is not one of: ${choices
        .map((c) => c.value)
        .filter((choice) => choice !== '')
        .join(', ')}`,
      fix: suggestion ? `Did you mean "${suggestion}"?` : 'Pass one of them.',
    };
  }
  const explained = field.reference.explain?.(value, ctx, values);
  if (explained) return explained;
  const { noun } = field.reference;
  if (choices.length === 0) {
    return {
      code: 'unknown-reference',
      message: `there is no ${noun} ${JSON.stringify(value)}`,
      fix: field.reference.fix,
    };
  }
  return {
    code: 'unknown-reference',
    message: `there is no ${noun} ${JSON.stringify(value)}${suggestion ? ` (did you mean "${suggestion}"?)` : ''}`,
    details: describeChoices(listed),
    fix: `Pass one of these with ${flagName(field)}. ${field.reference.fix}`,
  };
}

/** The flag without its value placeholder: `--source-channel`, `--rating system-design=`. */
function flagName(field: Field): string {
  return field.flag.replace(/\s*<[^>]*>$/, '');
}

const LISTED_CHOICES = 10;

function describeChoices(choices: Choice[]): string[] {
  const lines = choices.slice(0, LISTED_CHOICES).map((choice) => (choice.name ? choice.name : choice.value));
  if (choices.length > LISTED_CHOICES) lines.push(`... and ${choices.length - LISTED_CHOICES} more`);
  return lines;
}

/** The choices ordered by how close they are to what was typed, ties in their own order. */
export function closestFirst(input: string, choices: Choice[]): Choice[] {
  const wanted = input.toLowerCase();
  return choices
    .map((choice, index) => ({ choice, index, distance: editDistance(wanted, choice.value.toLowerCase()) }))
    .sort((a, b) => a.distance - b.distance || a.index - b.index)
    .map((entry) => entry.choice);
}

function noChoices(field: Field): Problem {
  return {
    code: 'unknown-reference',
    message: `there is no ${field.reference?.noun ?? field.label} to choose from`,
    fix: field.reference?.fix ?? `Pass ${field.flag}.`,
  };
}

function raise(problem: Problem | undefined): void {
  if (!problem) return;
  throw new HandoffError(problem.code, problem.message, {
    ...(problem.fix !== undefined ? { fix: problem.fix } : {}),
    ...(problem.details !== undefined ? { details: problem.details } : {}),
  });
}

function missingValues(missing: Field[], options: GatherOptions): HandoffError {
  const width = Math.max(...missing.map((field) => field.flag.length));
  return new HandoffError(
    'missing-values',
    `${options.command} needs ${missing.length === 1 ? 'a value' : 'values'} that were not given`,
    {
      details: missing.map((field) => `${field.flag.padEnd(width)}  ${field.label}`),
      fix: options.yes
        ? 'Pass the flags above (--yes turns the questions off).'
        : 'Pass the flags above, or run it in a terminal to be asked for them.',
    },
  );
}
