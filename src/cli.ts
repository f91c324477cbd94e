import { Command, Option } from 'commander';
import type { CommandContext } from './commands/context.js';
import { colorEnabled } from './io/color.js';
import type { Io } from './io/io.js';
import { packageVersion } from './io/package-info.js';

// Commands are imported when they run, so that `--help` and `--version` load no heavy module.

export async function runProgram(argv: string[], io: Io): Promise<number> {
  let exitCode = 0;
  const program = new Command('handoff');
  program
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
      outputError: (text, write) => write(text.replace(/^error: /, 'handoff: ')),
    })
    .showSuggestionAfterError()
    .description('Candidate handoffs kept as Markdown in Git: scaffold, lint, brief, audit.')
    .version(packageVersion(), '-v, --version')
    .option(
      '--repo <dir>',
      'the handoff repository (default: the nearest folder upwards with handoff.config.yaml)',
    )
    .option('--no-color', 'plain output without colour (NO_COLOR is honoured too)')
    .showHelpAfterError('(run "handoff help" for the list of commands)');

  const context = (command: Command): CommandContext => {
    const globals = command.optsWithGlobals<{ repo?: string; color?: boolean }>();
    return { io, repo: globals.repo, color: colorEnabled(io, globals.color) };
  };
  const action =
    <A extends unknown[]>(load: () => Promise<(ctx: CommandContext, ...args: A) => Promise<number>>) =>
    async (...args: unknown[]) => {
      const command = args[args.length - 1] as Command;
      const handler = await load();
      exitCode = await handler(context(command), ...(args.slice(0, -1) as A));
    };

  program
    .command('init')
    .description('create a handoff repository: config, folders, CI workflow, git init; never overwrites')
    .argument('[dir]', 'where to create it', '.')
    .option('--organization <name>', 'the organisation name to put in the config')
    .action(action(async () => (await import('./commands/init.js')).initCommand));

  program
    .command('new')
    .description('scaffold a document from its template (role, candidate, memo, feedback, survey, person)')
    .argument('<kind>', 'role | candidate | memo | feedback | survey | person')
    .option('--id <id>', 'the id (default: made from the name or title)')
    .option('--name <name>', 'candidate or person name')
    .option('--pronouns <pronouns>', 'candidate pronouns')
    .option('--title <title>', 'role title')
    .option('--team <team>', 'role team')
    .option('--role <role-id>', 'the role a candidate applies for')
    .option('--stage <stage-id>', 'the pipeline stage')
    .option('--status <status>', 'candidate or role status')
    .option('--recruiter <person-id>', 'the recruiter')
    .option('--hiring-manager <person-id>', 'the hiring manager')
    .option('--applied <date>', 'application date (YYYY-MM-DD, default today)')
    .option('--opened <date>', 'date the role opened (YYYY-MM-DD, default today)')
    .option('--source-channel <channel>', 'referral | inbound | outbound | agency | event | internal')
    .option('--source-detail <text>', 'who referred, which event (restricted)')
    .option('--contact-email <email>', 'candidate e-mail (restricted)')
    .option('--contact-phone <phone>', 'candidate phone (restricted)')
    .option('--timezone <zone>', 'candidate time zone, like Europe/Lisbon')
    .option('--candidate <candidate-id>', 'the candidate a memo, scorecard or survey belongs to')
    .option('--author <person-id>', 'memo author')
    .option('--date <date>', 'memo or survey date (YYYY-MM-DD, default today)')
    .option('--communication-style <text>', 'how the candidate prefers to communicate')
    .option('--interview <interview-id>', 'the loop interview a scorecard is for')
    .option('--interviewer <person-id>', 'the interviewer writing a scorecard')
    .option('--interviewed <date>', 'interview date (YYYY-MM-DD, default today)')
    .option('--score <1-5>', 'survey score')
    .option('--email <email>', 'person e-mail')
    .option(
      '--roles <roles>',
      'person roles, comma-separated: recruiter,hiring-manager,interviewer,coordinator',
    )
    .option('--github <handle>', 'person GitHub handle')
    .option(
      '--recommendation <recommendation>',
      'scorecard recommendation: strong-yes | yes | no | strong-no',
    )
    .option(
      '--rating <competency=score>',
      'a scorecard rating from 1 to 4, repeatable: --rating system-design=3',
      (value: string, previous: string[] | undefined) => [...(previous ?? []), value],
    )
    .option('-y, --yes', 'never prompt; fail on missing values instead')
    .option('--force', 'replace an existing file')
    .option('--commit', 'commit the new file with handoff trailers')
    .action(action(async () => (await import('./commands/new.js')).newCommand));

  program
    .command('schema')
    .description('print the JSON Schema (draft-07) of a document kind, or of all of them')
    .argument('[kind]', 'role | candidate | memo | feedback | survey | config')
    .action(action(async () => (await import('./commands/schema.js')).schemaCommand));

  program
    .command('lint')
    .description('validate documents: schema, references, stage gates, language, restricted data, cadence')
    .argument('[paths...]', 'files or folders to lint (default: the whole repository)')
    .addOption(
      new Option('-f, --format <format>', 'output format')
        .choices(['stylish', 'json', 'github', 'sarif'])
        .default('stylish'),
    )
    .option('--json', 'same as --format json')
    .option('--max-warnings <n>', 'fail when there are more warnings than this')
    .option('--quiet', 'report errors only')
    .option('-o, --output-file <path>', 'write the report to a file instead of standard output')
    .option('--changed <ref>', 'lint only documents changed since a Git ref (for pull requests)')
    .option('--cache', 'skip re-reading documents whose content has not changed')
    .option('--now <date>', 'the date "today" is for time-based rules (YYYY-MM-DD)')
    .action(action(async () => (await import('./commands/lint.js')).lintCommand));

  program
    .command('brief')
    .description('render the briefing packet for an interview or interviewer, redacted for its audience')
    .argument('<candidate>', 'candidate id or a unique part of the name')
    .option('--interview <interview-id>', 'one packet for this loop interview')
    .option('--interviewer <person-id>', "the packets for this person's interviews of the candidate")
    .addOption(
      new Option('--audience <audience>', 'who reads it')
        .choices(['interviewer', 'hiring-manager', 'recruiter'])
        .default('interviewer'),
    )
    .addOption(new Option('--format <format>', 'output format').choices(['md', 'html']).default('md'))
    .option('-o, --out <path>', 'file (one packet) or folder (several); default standard output')
    .option('--date <date>', 'the interview date (YYYY-MM-DD), for when the scorecard is due')
    .option('--force', 'replace existing files')
    .action(action(async () => (await import('./commands/brief.js')).briefCommand));

  program
    .command('feedback')
    .description("render the candidate-facing feedback digest from the scorecards' shareable sections")
    .argument('<candidate>', 'candidate id or a unique part of the name')
    .addOption(new Option('--format <format>', 'output format').choices(['md', 'html']).default('md'))
    .option('-o, --out <path>', 'write to this file instead of standard output')
    .option('--force', 'render despite findings in shareable sections, or replace an existing file')
    .action(action(async () => (await import('./commands/feedback.js')).feedbackCommand));

  program
    .command('advance')
    .description("move a candidate to a stage (or an outcome) after checking the stage's gate, and commit it")
    .argument('<candidate>', 'candidate id or a unique part of the name')
    .argument('[stage]', 'the stage to move to')
    .addOption(
      new Option('--status <status>', 'set an outcome instead').choices([
        'hired',
        'rejected',
        'withdrawn',
        'on-hold',
        'active',
      ]),
    )
    .option('--force <reason>', 'move despite a failed gate or backwards, recording the reason in the commit')
    .option('--contacted [date]', 'also set last_contact (default today)')
    .option('--date <date>', 'when the move happened, if recorded after the fact (YYYY-MM-DD)')
    .option('--no-commit', 'stage the change and leave the commit to you')
    .action(action(async () => (await import('./commands/advance.js')).advanceCommand));

  program
    .command('log')
    .description('the audit trail of handoff events, reconstructed from Git history')
    .argument('[candidate]', 'only this candidate (id or a unique part of the name)')
    .option('--since <date>', 'events on or after this date')
    .option('--until <date>', 'events on or before this date')
    .option('--json', 'one JSON event per line (NDJSON)')
    .action(action(async () => (await import('./commands/log.js')).logCommand));

  program
    .command('review')
    .description('what a pull request changes in handoff terms, as Markdown for a review comment')
    .option('--base <ref>', 'the base of the pull request', 'origin/main')
    .option('--head <ref>', 'the head of the pull request', 'HEAD')
    .addOption(new Option('--format <format>', 'output format').choices(['md', 'json']).default('md'))
    .option('--now <date>', 'the date "today" is for time-based rules (YYYY-MM-DD)')
    .action(action(async () => (await import('./commands/review.js')).reviewCommand));

  program
    .command('codeowners')
    .description('write (or check) a CODEOWNERS file so that approval follows the handoff')
    .option('--check', 'only check that the file is up to date (for CI); exit 1 when not')
    .option('--out <path>', 'where to write it, from the top of the Git repository', '.github/CODEOWNERS')
    .option('--force', 'replace a CODEOWNERS file that handoff did not write')
    .action(action(async () => (await import('./commands/codeowners.js')).codeownersCommand));

  program
    .command('status')
    .description('the pipeline board: who waits, what is overdue, where the loop stalls')
    .option('--role <role-id>', 'only this role')
    .option('--owner <person-id>', 'only what this person must do')
    .option('--now <date>', 'the date "today" is (YYYY-MM-DD)')
    .option('--json', 'machine-readable output')
    .action(action(async () => (await import('./commands/status.js')).statusCommand));

  program
    .command('metrics')
    .description(
      'time to decision, time in stage, pass-through, conversion, drop-out, experience, timeliness',
    )
    .option('--since <date>', 'cohort: candidates who applied on or after this date')
    .option('--until <date>', 'cohort: candidates who applied on or before this date')
    .option('--role <role-id>', 'only this role')
    .option('--now <date>', 'the date "today" is (YYYY-MM-DD)')
    .addOption(
      new Option('--format <format>', 'output format').choices(['table', 'json', 'csv']).default('table'),
    )
    .action(action(async () => (await import('./commands/metrics.js')).metricsCommand));

  program
    .command('dashboard')
    .description('a static, self-contained HTML dashboard of status and metrics')
    .requiredOption('-o, --out <file>', 'the HTML file to write')
    .addOption(
      new Option('--audience <audience>', 'who reads it')
        .choices(['interviewer', 'hiring-manager', 'recruiter'])
        .default('hiring-manager'),
    )
    .option('--now <date>', 'the date "today" is (YYYY-MM-DD)')
    .option('--force', 'replace an existing file')
    .action(action(async () => (await import('./commands/dashboard.js')).dashboardCommand));

  await program.parseAsync(argv, { from: 'user' });
  return exitCode;
}
