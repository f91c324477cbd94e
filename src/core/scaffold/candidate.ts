import { candidateStatuses, sourceChannels } from '../../../schemas/common.js';
import { addDays } from '../dates.js';
import { idProblem, slugify, uniqueId, uniqueOpaqueId } from '../ids.js';
import { paths } from '../layout.js';
import {
  brokenDocument,
  dateField,
  emailProblem,
  fileExists,
  oneLine,
  personField,
  roleChoices,
  stageChoices,
  stageIds,
  timezoneProblem,
  validRole,
} from './common.js';
import type { ScaffoldContext } from './fields.js';
import type { Scaffold } from './plan.js';

function candidateIdTaken(ctx: ScaffoldContext, id: string): boolean {
  return ctx.workspace.candidates.has(id) || ctx.exists(paths.candidateDir(id));
}

/** The id of a new candidate: from the name (`ids: name`), or short and random (`ids: opaque`, or no Latin letters). */
export function newCandidateId(ctx: ScaffoldContext, name: string): string {
  const taken = (id: string) => candidateIdTaken(ctx, id);
  const slug = ctx.workspace.config.ids === 'opaque' ? '' : slugify(name);
  return slug ? uniqueId(slug, taken) : uniqueOpaqueId('c', taken, ctx.randomBytes);
}

export const candidateScaffold: Scaffold = {
  steps: [
    {
      key: 'name',
      flag: '--name <name>',
      label: 'candidate name',
      question: 'Candidate name',
      required: true,
      ask: 'text',
    },
    {
      key: 'id',
      flag: '--id <id>',
      label: 'candidate id (default: made from the name)',
      needs: ['name'],
      default: (ctx, values) => newCandidateId(ctx, values.name!),
      check: (value, ctx) => {
        const problem = idProblem(value);
        if (problem)
          return {
            code: 'invalid-id',
            message: `the id ${JSON.stringify(value)} cannot be used: ${problem}`,
          };
        return fileExists(ctx, paths.profile(value), 'profile');
      },
    },
    {
      key: 'role',
      flag: '--role <role-id>',
      label: 'the role they apply for',
      question: 'Role',
      required: true,
      ask: 'select',
      choices: roleChoices,
      reference: {
        noun: 'role',
        fix: 'Create it first with "handoff new role".',
        explain: (value, ctx) => brokenDocument(ctx.workspace.roles.get(value), 'role'),
      },
    },
    {
      key: 'sourceChannel',
      flag: '--source-channel <channel>',
      label: `how they came to us: ${sourceChannels.join(' | ')}`,
      question: 'Source channel',
      required: true,
      ask: 'select',
      choices: () => sourceChannels.map((channel) => ({ value: channel })),
    },
    {
      key: 'stage',
      flag: '--stage <stage-id>',
      label: 'pipeline stage (default: the first stage)',
      question: 'Stage',
      required: true,
      ask: 'select',
      default: (ctx) => ctx.workspace.stages[0]?.id,
      choices: stageChoices,
      reference: { noun: 'stage', fix: 'Stages are listed in handoff.config.yaml.' },
    },
    personField({
      key: 'recruiter',
      flag: '--recruiter <person-id>',
      label: "the recruiter (default: the role's)",
      question: 'Recruiter',
      role: 'recruiter',
      required: true,
      ask: 'select',
      needs: ['role'],
      default: (ctx, values) => validRole(ctx, values.role)?.recruiter,
    }),
    personField({
      key: 'hiringManager',
      flag: '--hiring-manager <person-id>',
      label: "the hiring manager (default: the role's)",
      question: 'Hiring manager',
      role: 'hiring-manager',
      required: true,
      ask: 'select',
      needs: ['role'],
      default: (ctx, values) => validRole(ctx, values.role)?.hiring_manager,
    }),
    {
      key: 'status',
      flag: '--status <status>',
      label: `${candidateStatuses.join(' | ')} (default active)`,
      required: true,
      default: () => 'active',
      choices: () => candidateStatuses.map((status) => ({ value: status })),
    },
    dateField('applied', '--applied', 'application date'),
    { key: 'pronouns', flag: '--pronouns <pronouns>', label: 'pronouns, as the candidate gave them' },
    {
      key: 'sourceDetail',
      flag: '--source-detail <text>',
      label: 'who referred them, which event (restricted)',
    },
    {
      key: 'contactEmail',
      flag: '--contact-email <email>',
      label: 'e-mail (restricted)',
      check: (value) => emailProblem('--contact-email', value),
    },
    { key: 'contactPhone', flag: '--contact-phone <phone>', label: 'phone (restricted)' },
    {
      key: 'timezone',
      flag: '--timezone <zone>',
      label: 'time zone, like Europe/Lisbon',
      check: timezoneProblem,
    },
  ],

  plan(values, ctx) {
    const id = values.id!;
    const role = validRole(ctx, values.role);
    const path = paths.profile(id);
    return {
      type: 'document',
      path,
      template: 'candidate',
      data: {
        id,
        name: values.name,
        pronouns: values.pronouns ?? null,
        role: values.role,
        stage: values.stage,
        stageIds: stageIds(ctx),
        status: values.status,
        recruiter: values.recruiter,
        hiringManager: values.hiringManager,
        applied: values.applied,
        sourceChannel: values.sourceChannel,
        sourceDetail: values.sourceDetail ?? null,
        hasContact: values.contactEmail !== undefined || values.contactPhone !== undefined,
        contactEmail: values.contactEmail ?? null,
        contactPhone: values.contactPhone ?? null,
        timezone: values.timezone ?? null,
        nextStepDue: addDays(ctx.today, ctx.workspace.config.cadence.candidate_update_days),
        expectations: (role?.expectations ?? []).map((expectation) => ({
          id: expectation.id,
          outcome: oneLine(expectation.outcome),
        })),
      },
      commit: {
        subject: `Add candidate ${id}`,
        trailers: {
          'Handoff-Event': 'new-candidate',
          'Handoff-Candidate': id,
          'Handoff-Stage': values.stage!,
        },
      },
      next: `fill in the TODOs and the ## sections, then run "handoff lint ${paths.candidateDir(id)}"; the memo comes next: "handoff new memo --candidate ${id}"`,
    };
  },
};
