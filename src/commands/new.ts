import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { CONFIG_FILE, locateDocument } from '../core/layout.js';
import {
  type Ask,
  type Field,
  gatherValues,
  type ScaffoldContext,
  staticFields,
  type Values,
} from '../core/scaffold/fields.js';
import { type NewKind, newKinds, scaffolds } from '../core/scaffold/index.js';
import type { DocumentPlan, Plan, Scaffold } from '../core/scaffold/plan.js';
import { closest } from '../core/suggest.js';
import { loadDocument } from '../core/workspace.js';
import { HandoffError, isHandoffError } from '../errors.js';
import { addPersonToConfig } from '../io/config-edit.js';
import { writeRepoFile } from '../io/files.js';
import {
  commitFiles,
  hasConflicts,
  hasUncommittedChanges,
  isRepository,
  mergeInProgress,
} from '../io/git.js';
import { canPrompt } from '../io/io.js';
import { listDocumentPaths } from '../io/listing.js';
import { createPrompter, type Prompter, promptContextOf } from '../io/prompts.js';
import { loadWorkspace, openRepository, type Repository } from '../io/repository.js';
import { renderTemplate, templatePath } from '../io/templates.js';
import type { CommandContext } from './context.js';

/** Commander's options for `new`: every flag of every kind, camelCased, plus these. */
export interface NewOptions extends Record<string, unknown> {
  yes?: boolean;
  force?: boolean;
  commit?: boolean;
}

const COMMON_OPTIONS = new Set(['yes', 'force', 'commit']);

export async function newCommand(
  context: CommandContext,
  kindArgument: string,
  options: NewOptions,
): Promise<number> {
  const { io } = context;
  const kind = parseKind(kindArgument);
  const scaffold = scaffolds[kind];
  refuseOtherFlags(kind, scaffold, options);
  const given = givenValues(scaffold, options);

  const repository = openRepository(io.cwd, context.repo);
  const { root } = repository;
  const ctx: ScaffoldContext = {
    workspace: loadWorkspace(repository, documentsNeeded(repository, kind)),
    today: new Date().toISOString().slice(0, 10),
    exists: (path) => existsSync(join(root, path)),
    force: options.force === true,
  };
  if (options.commit) await refuseUncommittable(root, io.env, kind);

  const interactive = canPrompt(io) && options.yes !== true;
  const values = await gatherValues(scaffold.steps, given, ctx, {
    ask: interactive ? askWith(createPrompter(promptContextOf(io))) : undefined,
    yes: options.yes === true,
    command: `handoff new ${kind}`,
  });
  const plan = scaffold.plan(values, ctx);

  const written =
    plan.type === 'person'
      ? addPersonToConfig(root, plan.person)
      : writeDocument(repository, plan, ctx.force);
  io.stdout.write(
    plan.type === 'person' ? `added    ${plan.person.id} to ${written}\n` : `created  ${written}\n`,
  );
  if (options.commit) await commit(root, io.env, written, plan, io.stdout);
  io.stdout.write(`\nNext: ${plan.next}\n`);
  return 0;
}

function parseKind(kind: string): NewKind {
  if ((newKinds as readonly string[]).includes(kind)) return kind as NewKind;
  const suggestion = closest(kind, newKinds);
  throw new HandoffError(
    'usage',
    `"handoff new" cannot make a "${kind}"${suggestion ? ` (did you mean "${suggestion}"?)` : ''}`,
    {
      fix: `Choose one of: ${newKinds.join(', ')}.`,
    },
  );
}

function flagOf(key: string): string {
  return `--${key.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`;
}

/** A flag meant for another kind (--title on a candidate) is more likely a mistake than something to ignore. */
function refuseOtherFlags(kind: NewKind, scaffold: Scaffold, options: NewOptions): void {
  const fields = staticFields(scaffold.steps);
  const accepted = new Set([
    ...fields.map((field) => field.key),
    ...Object.keys(scaffold.extraFlags?.flags ?? {}),
    ...COMMON_OPTIONS,
  ]);
  const other = Object.keys(options).filter((key) => options[key] !== undefined && !accepted.has(key));
  if (other.length === 0) return;
  const flags = [
    ...fields.map((field: Field) => field.flag),
    ...Object.values(scaffold.extraFlags?.flags ?? {}),
  ];
  throw new HandoffError(
    'usage',
    `${other.map(flagOf).join(', ')} ${other.length === 1 ? 'is' : 'are'} not used by "handoff new ${kind}"`,
    {
      details: flags,
      fix: `"handoff new ${kind}" takes the flags above, and --yes, --force and --commit.`,
    },
  );
}

function givenValues(scaffold: Scaffold, options: NewOptions): Values {
  const extra = scaffold.extraFlags;
  const values: Values = {};
  for (const [key, value] of Object.entries(options)) {
    if (COMMON_OPTIONS.has(key) || value === undefined || (extra && key in extra.flags)) continue;
    values[key] = String(value);
  }
  return { ...values, ...extra?.values(options) };
}

/**
 * Only what the kind looks at is read: roles for every kind, candidate profiles for the kinds that
 * belong to a candidate, nothing for a person (people are in the config).
 */
function documentsNeeded(repository: Repository, kind: NewKind): string[] {
  if (kind === 'person') return [];
  return listDocumentPaths(repository.root).filter((path) => {
    const location = locateDocument(path);
    if (location?.kind === 'role') return true;
    return location?.kind === 'candidate' && kind !== 'role' && kind !== 'candidate';
  });
}

function askWith(prompter: Prompter): Ask {
  return async ({ field, choices, default: fallback, check }) => {
    const message = field.question ?? field.label.charAt(0).toUpperCase() + field.label.slice(1);
    if (field.ask === 'select') return prompter.select({ message, choices, default: fallback });
    if (field.ask === 'checkbox') {
      const picked = await prompter.checkbox({
        message,
        choices,
        required: field.required ?? false,
        checked: fallback?.split(','),
      });
      return picked.join(',');
    }
    return prompter.text({
      message,
      default: fallback,
      required: (field.required ?? false) && fallback === undefined,
      check: (answer) => (answer === '' ? undefined : check(answer)),
    });
  };
}

/** Refuses --commit before anything is asked or written: outside Git, with conflicts, or mid-merge. */
async function refuseUncommittable(root: string, env: NodeJS.ProcessEnv, kind: NewKind): Promise<void> {
  const nothingWritten = 'Nothing was written.';
  if (!(await isRepository(root, env))) {
    throw new HandoffError('not-a-git-repo', `--commit needs a Git repository, and ${root} is not in one`, {
      fix: `${nothingWritten} Run "git init" there first, or leave out --commit.`,
    });
  }
  if (await hasConflicts(root, env)) {
    throw new HandoffError(
      'git-state',
      'the Git index has unresolved conflicts, so nothing can be committed',
      {
        fix: `${nothingWritten} Resolve the conflicts (git status lists them) and commit, then run this again.`,
      },
    );
  }
  if (await mergeInProgress(root, env)) {
    throw new HandoffError(
      'git-state',
      'a merge is in progress, and Git commits only all of a merge at once',
      {
        fix: `${nothingWritten} Finish the merge with git commit (or git merge --abort), then run this again.`,
      },
    );
  }
  if (kind === 'person' && (await hasUncommittedChanges(root, CONFIG_FILE, env))) {
    throw new HandoffError('git-state', `${CONFIG_FILE} has changes that are not committed`, {
      fix: `${nothingWritten} Commit or undo those changes first, so that the commit holds only the new person; or leave out --commit.`,
    });
  }
}

/** Renders, re-reads and writes a document; a scaffold that would not load cleanly is never written. */
function writeDocument(repository: Repository, plan: DocumentPlan, force: boolean): string {
  const { root } = repository;
  const text = renderTemplate(root, plan.template, plan.data);
  const loaded = loadDocument({ path: plan.path, text });
  const problems = loaded?.diagnostics ?? [];
  if (!loaded || problems.length > 0) {
    const template = templatePath(root, plan.template);
    const override = template.startsWith(join(root, '.handoff'));
    throw new HandoffError(
      'internal',
      `the ${plan.template} template produced a document that does not load cleanly`,
      {
        details: problems.map((problem) => `line ${problem.line}:${problem.column}  ${problem.message}`),
        fix: override
          ? `Nothing was written. Fix ${template} (or remove it to use the built-in template).`
          : 'Nothing was written. This is a bug in handoff; please report it with the lines above.',
      },
    );
  }
  writeRepoFile(root, plan.path, text, { force });
  return plan.path;
}

async function commit(
  root: string,
  env: NodeJS.ProcessEnv,
  path: string,
  plan: Plan,
  stdout: CommandContext['io']['stdout'],
): Promise<void> {
  try {
    const { hash } = await commitFiles(root, [path], plan.commit.subject, plan.commit.trailers, env);
    stdout.write(`committed ${hash.slice(0, 7)} ${plan.commit.subject}\n`);
  } catch (error) {
    if (isHandoffError(error) && error.code === 'git-failed') {
      throw new HandoffError('git-failed', error.message, {
        fix: `${path} is written but not committed. Fix the problem above, then commit it with git (or run "git add ${path}" and "git commit").`,
      });
    }
    throw error;
  }
}
