import { roleStatuses } from '../../../schemas/common.js';
import { idProblem, slugify, uniqueId, uniqueOpaqueId } from '../ids.js';
import { paths } from '../layout.js';
import { dateField, fileExists, personField, stageIds } from './common.js';
import type { ScaffoldContext } from './fields.js';
import type { Scaffold } from './plan.js';

function newRoleId(ctx: ScaffoldContext, title: string): string {
  const taken = (id: string) => ctx.workspace.roles.has(id) || ctx.exists(paths.role(id));
  const slug = slugify(title);
  return slug ? uniqueId(slug, taken) : uniqueOpaqueId('r', taken, ctx.randomBytes);
}

/** The stage the skeleton interview is put in: the one after the first (sourced), when there is one. */
function skeletonInterviewStage(ctx: ScaffoldContext): string {
  const stages = ctx.workspace.stages;
  return (stages[1] ?? stages[0])?.id ?? 'TODO';
}

export const roleScaffold: Scaffold = {
  steps: [
    {
      key: 'title',
      flag: '--title <title>',
      label: 'role title',
      question: 'Role title',
      required: true,
      ask: 'text',
    },
    {
      key: 'id',
      flag: '--id <id>',
      label: 'role id (default: made from the title)',
      needs: ['title'],
      default: (ctx, values) => newRoleId(ctx, values.title!),
      check: (value, ctx) => {
        const problem = idProblem(value);
        if (problem)
          return {
            code: 'invalid-id',
            message: `the id ${JSON.stringify(value)} cannot be used: ${problem}`,
          };
        return fileExists(ctx, paths.role(value), 'role');
      },
    },
    {
      key: 'team',
      flag: '--team <team>',
      label: 'the team it is in',
      question: 'Team',
      required: true,
      ask: 'text',
    },
    personField({
      key: 'hiringManager',
      flag: '--hiring-manager <person-id>',
      label: 'the hiring manager',
      question: 'Hiring manager',
      role: 'hiring-manager',
      required: true,
      ask: 'select',
    }),
    personField({
      key: 'recruiter',
      flag: '--recruiter <person-id>',
      label: 'the recruiter',
      question: 'Recruiter',
      role: 'recruiter',
      required: true,
      ask: 'select',
    }),
    {
      key: 'status',
      flag: '--status <status>',
      label: `${roleStatuses.join(' | ')} (default open)`,
      required: true,
      default: () => 'open',
      choices: () => roleStatuses.map((status) => ({ value: status })),
    },
    dateField('opened', '--opened', 'date the role opened'),
  ],

  plan(values, ctx) {
    const id = values.id!;
    const path = paths.role(id);
    return {
      type: 'document',
      path,
      template: 'role',
      data: {
        id,
        title: values.title,
        team: values.team,
        status: values.status,
        hiringManager: values.hiringManager,
        recruiter: values.recruiter,
        opened: values.opened,
        stageIds: stageIds(ctx),
        interviewStage: skeletonInterviewStage(ctx),
      },
      commit: { subject: `Add role ${id}`, trailers: { 'Handoff-Event': 'new-role' } },
      next: `replace every TODO (expectations, rubric, loop, communication) and fill in the ## sections, then run "handoff lint ${path}"`,
    };
  },
};
