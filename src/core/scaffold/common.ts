import * as z from 'zod';
import type { Candidate } from '../../../schemas/candidate.js';
import type { personRoles } from '../../../schemas/common.js';
import type { Role } from '../../../schemas/role.js';
import { isDate } from '../dates.js';
import type { Loaded } from '../workspace.js';
import type { Choice, Field, Problem, ScaffoldContext } from './fields.js';

export type PersonRole = (typeof personRoles)[number];

/** The text on one line, for YAML comments: a line break in a name or rubric must not end the comment. */
export function oneLine(text: string): string {
  return (
    text
      // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
      .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
  );
}

export function dateProblem(flag: string, value: string): Problem | undefined {
  return isDate(value)
    ? undefined
    : {
        code: 'usage',
        message: `${flag} ${JSON.stringify(value)} is not a date`,
        fix: 'Write dates as YYYY-MM-DD, like 2026-11-24.',
      };
}

/** A date flag that defaults to today (UTC). */
export function dateField(key: string, flag: string, label: string): Field {
  return {
    key,
    flag: `${flag} <date>`,
    label: `${label} (YYYY-MM-DD, default today)`,
    required: true,
    default: (ctx) => ctx.today,
    check: (value) => dateProblem(flag, value),
  };
}

const emailSchema = z.email();

export function emailProblem(flag: string, value: string): Problem | undefined {
  return emailSchema.safeParse(value).success
    ? undefined
    : { code: 'usage', message: `${flag} is not an e-mail address`, fix: 'Write it like name@example.com.' };
}

export function timezoneProblem(value: string): Problem | undefined {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return undefined;
  } catch {
    return {
      code: 'usage',
      message: `--timezone ${JSON.stringify(value)} is not a time zone`,
      fix: 'Use an IANA zone name like Europe/Lisbon or America/New_York.',
    };
  }
}

const roleNames: Record<PersonRole, string> = {
  recruiter: 'recruiter',
  'hiring-manager': 'hiring manager',
  interviewer: 'interviewer',
  coordinator: 'coordinator',
};

/** The people of the config who have one of the roles (everyone when no role is given), as choices. */
export function peopleChoices(ctx: ScaffoldContext, roles?: PersonRole[]): Choice[] {
  const people = [...ctx.workspace.people.values()].filter(
    (person) => !roles || person.roles.some((role) => roles.includes(role)),
  );
  return people.map((person) => ({ value: person.id, name: `${person.id}  ${oneLine(person.name)}` }));
}

const addPersonFix = 'People are listed in handoff.config.yaml; add one with "handoff new person".';

/** A person reference, limited to the people who have `role` in the config. */
export function personField(options: Omit<Field, 'choices' | 'reference'> & { role?: PersonRole }): Field {
  const { role, ...field } = options;
  const noun = role ? roleNames[role] : 'person';
  return {
    ...field,
    choices: (ctx) => peopleChoices(ctx, role ? [role] : undefined),
    reference: {
      noun,
      fix: addPersonFix,
      explain: (value, ctx) => {
        const person = ctx.workspace.people.get(value);
        if (!person || !role) return undefined;
        return {
          code: 'unknown-reference',
          message: `${value} is not a ${noun} in handoff.config.yaml (their roles: ${person.roles.join(', ')})`,
          details: peopleChoices(ctx, [role]).map((choice) => choice.name ?? choice.value),
          fix: `Pass one of the people above, or add ${role} to ${value}'s roles in handoff.config.yaml.`,
        };
      },
    },
  };
}

/** A role's front matter when the role file loaded without errors. */
export function validRole(ctx: ScaffoldContext, id: string | undefined): Role | undefined {
  return id === undefined ? undefined : ctx.workspace.roles.get(id)?.value;
}

export function roleChoices(ctx: ScaffoldContext): Choice[] {
  return [...ctx.workspace.roles.entries()]
    .filter(([, role]) => role.value !== undefined)
    .map(([id, role]) => ({
      value: id,
      name: `${id}  ${oneLine(role.value!.title)} (${oneLine(role.value!.team)})`,
    }));
}

/** Explains a reference to a document that exists but cannot be read: fix it before building on it. */
export function brokenDocument(document: Loaded<unknown> | undefined, what: string): Problem | undefined {
  if (!document || document.value !== undefined) return undefined;
  return {
    code: 'invalid-document',
    message: `${document.path} has errors, so the ${what} cannot be used yet`,
    fix: `Run "handoff lint ${document.path}" and fix what it reports first.`,
  };
}

/** A candidate's profile when it loaded without errors. */
export function validCandidate(ctx: ScaffoldContext, id: string | undefined): Candidate | undefined {
  return id === undefined ? undefined : ctx.workspace.candidates.get(id)?.profile?.value;
}

export function candidateChoices(ctx: ScaffoldContext): Choice[] {
  return [...ctx.workspace.candidates.values()]
    .filter((folder) => folder.profile?.value !== undefined)
    .map((folder) => {
      const profile = folder.profile!.value!;
      return {
        value: folder.id,
        name: `${folder.id}  ${oneLine(profile.name)} (${profile.role}, ${profile.stage})`,
      };
    });
}

/** The candidate a memo, scorecard or survey belongs to. */
export function candidateField(): Field {
  return {
    key: 'candidate',
    flag: '--candidate <candidate-id>',
    label: 'the candidate',
    question: 'Which candidate?',
    required: true,
    ask: 'select',
    choices: candidateChoices,
    reference: {
      noun: 'candidate',
      fix: 'Create the candidate first with "handoff new candidate".',
      explain: (value, ctx) => brokenDocument(ctx.workspace.candidates.get(value)?.profile, 'candidate'),
    },
  };
}

export function stageChoices(ctx: ScaffoldContext): Choice[] {
  return ctx.workspace.stages.map((stage) => ({
    value: stage.id,
    name: `${stage.id}  ${oneLine(stage.name)}`,
  }));
}

export function stageIds(ctx: ScaffoldContext): string {
  return ctx.workspace.stages.map((stage) => stage.id).join(', ');
}

/** Refuses to replace an existing file unless --force. */
export function fileExists(ctx: ScaffoldContext, path: string, what: string): Problem | undefined {
  if (ctx.force || !ctx.exists(path)) return undefined;
  return {
    code: 'file-exists',
    message: `${path} already exists and was left unchanged`,
    fix: `Edit that ${what}, or pass --force to replace it.`,
  };
}
