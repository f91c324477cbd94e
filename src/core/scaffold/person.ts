import { personRoles } from '../../../schemas/common.js';
import type { Person } from '../../../schemas/config.js';
import { idProblem, personIdFromName, uniqueOpaqueId } from '../ids.js';
import { emailProblem } from './common.js';
import type { Problem, ScaffoldContext } from './fields.js';
import type { Scaffold } from './plan.js';

const GITHUB_HANDLE = /^@?[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(\/[A-Za-z0-9-]+)?$/;

function duplicateId(ctx: ScaffoldContext, id: string): Problem | undefined {
  if (!ctx.workspace.people.has(id)) return undefined;
  return {
    code: 'duplicate',
    message: `${id} is already listed in handoff.config.yaml`,
    fix: 'If this is someone else, pass another id with --id (like a middle initial: alex.j.kim).',
  };
}

function duplicateEmail(ctx: ScaffoldContext, email: string): Problem | undefined {
  const wanted = email.toLowerCase();
  const owner = [...ctx.workspace.people.values()].find((person) => person.email.toLowerCase() === wanted);
  if (!owner) return undefined;
  // The address itself is not repeated: messages may end up in CI logs.
  return {
    code: 'duplicate',
    message: `${owner.id} already has this e-mail address in handoff.config.yaml`,
    fix: 'Each person is listed once; edit their entry instead, or pass the right address.',
  };
}

export const personScaffold: Scaffold = {
  steps: [
    {
      key: 'name',
      flag: '--name <name>',
      label: 'full name',
      question: 'Full name',
      required: true,
      ask: 'text',
    },
    {
      key: 'email',
      flag: '--email <email>',
      label: 'work e-mail address',
      question: 'Work e-mail',
      required: true,
      ask: 'text',
      check: (value, ctx) => emailProblem('--email', value) ?? duplicateEmail(ctx, value),
    },
    {
      key: 'roles',
      flag: '--roles <roles>',
      label: `comma-separated: ${personRoles.join(',')}`,
      question: 'What do they do in hiring?',
      required: true,
      ask: 'checkbox',
      choices: () => personRoles.map((role) => ({ value: role })),
    },
    {
      key: 'id',
      flag: '--id <id>',
      label: 'person id (default: first.last from the name)',
      required: true,
      needs: ['name'],
      default: (ctx, values) => {
        const id = personIdFromName(values.name!);
        return id || uniqueOpaqueId('p', (candidate) => ctx.workspace.people.has(candidate), ctx.randomBytes);
      },
      check: (value, ctx) => {
        const problem = idProblem(value, 'person');
        if (problem)
          return {
            code: 'invalid-id',
            message: `the id ${JSON.stringify(value)} cannot be used: ${problem}`,
          };
        return duplicateId(ctx, value);
      },
    },
    {
      key: 'github',
      flag: '--github <handle>',
      label: 'GitHub handle, for review requests',
      check: (value) =>
        GITHUB_HANDLE.test(value)
          ? undefined
          : {
              code: 'usage',
              message: `--github ${JSON.stringify(value)} is not a GitHub handle`,
              fix: 'Write it like octocat or @octocat.',
            },
    },
  ],

  plan(values) {
    const roles = [...new Set(values.roles!.split(',').map((role) => role.trim()))].filter(
      (role) => role !== '',
    );
    const person: Person = {
      id: values.id!,
      name: values.name!,
      email: values.email!,
      roles: roles as Person['roles'],
      ...(values.github !== undefined ? { github: values.github } : {}),
    };
    return {
      type: 'person',
      person,
      commit: { subject: `Add person ${person.id}`, trailers: { 'Handoff-Event': 'new-person' } },
      next: `refer to them as ${person.id} in roles and candidates`,
    };
  },
};
