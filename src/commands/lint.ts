import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from '../core/diagnostics.js';
import { CONFIG_FILE, locateDocument } from '../core/layout.js';
import { allRuleMetas, judgeConfig } from '../core/lint/engine.js';
import { buildResults, errorsOnly, type LintResult, totals } from '../core/lint/results.js';
import type { Rule } from '../core/lint/types.js';
import { parseFrontMatterYaml } from '../core/yaml.js';
import { HandoffError, isHandoffError } from '../errors.js';
import type { FormatContext, FormatName } from '../formatters/format.js';
import { loadFormatter } from '../formatters/format.js';
import { resolveInside, toRepoPath } from '../io/files.js';
import { changedPathsSince } from '../io/git-diff.js';
import { lintDocuments } from '../io/lint-runner.js';
import { listCandidateDocumentPaths, listDocumentPaths } from '../io/listing.js';
import { writeOutputFile } from '../io/output-file.js';
import { packageRoot, packageVersion } from '../io/package-info.js';
import { DEFAULT_PARALLEL_THRESHOLD } from '../io/parse-workers.js';
import { findRoot } from '../io/root.js';
import { tuneV8ForLint } from '../io/v8-tuning.js';
import type { CommandContext } from './context.js';

export interface LintOptions {
  format?: FormatName;
  json?: boolean;
  maxWarnings?: string;
  quiet?: boolean;
  outputFile?: string;
  changed?: string;
  cache?: boolean;
  now?: string;
}

/** `handoff lint [paths...]`: exit 0 clean (or warnings within --max-warnings), 1 findings, 2 usage or config. */
export async function lintCommand(
  context: CommandContext,
  paths: string[] = [],
  options: LintOptions = {},
): Promise<number> {
  const { io } = context;
  tuneV8ForLint();
  const now = options.now === undefined ? today() : parseNow(options.now);
  const maxWarnings = options.maxWarnings === undefined ? undefined : parseMaxWarnings(options.maxWarnings);
  const format: FormatName = options.json ? 'json' : (options.format ?? 'stylish');
  // Git runs while the config, the rules and the parser load (zod alone takes about 50 ms).
  const changed =
    options.changed === undefined
      ? undefined
      : changedPathsSince(findRoot(io.cwd, context.repo), options.changed, io.env);
  changed?.catch(() => {});
  const { openRepository } = await import('../io/repository.js');
  const { root, config, configText } = openRepository(io.cwd, context.repo);
  const outputFile =
    options.outputFile === undefined ? undefined : checkOutputFile(root, resolve(io.cwd, options.outputFile));
  const targets = paths.map((path) => resolveTarget(root, io.cwd, path));
  const [{ rules }] = await Promise.all([
    import('../core/rules/index.js') as Promise<{ rules: Rule[] }>,
    import('../io/lint-partition.js'),
  ]);
  const selection = await select(root, targets, changed);
  if (
    options.changed !== undefined &&
    selection.judged?.length === 0 &&
    !selection.judgeConfig &&
    format === 'stylish'
  ) {
    io.stderr.write(`handoff: no handoff document changed since ${options.changed}; nothing to lint\n`);
  }

  const threshold = io.env.HANDOFF_PARALLEL_THRESHOLD
    ? Number(io.env.HANDOFF_PARALLEL_THRESHOLD)
    : Number.NaN;
  const run = await lintDocuments({
    root,
    config,
    configText,
    now,
    version: packageVersion(),
    ruleIds: rules.map((rule) => rule.meta.id),
    judged: selection.judged,
    listing: selection.listing,
    cache: options.cache === true,
    parallelThreshold: Number.isFinite(threshold) && threshold >= 0 ? threshold : DEFAULT_PARALLEL_THRESHOLD,
  });
  if (io.env.HANDOFF_DEBUG === '1') {
    for (const failure of run.failures)
      io.stderr.write(`rule "${failure.ruleId}" failed on ${failure.file}:\n${failure.detail}\n`);
  }

  const findings: Diagnostic[] = [...run.diagnostics];
  if (selection.judgeConfig) findings.push(...configFindings(config, configText, rules));
  const judgedFiles = selection.judgeConfig ? [CONFIG_FILE, ...run.judged] : run.judged;
  let results: LintResult[] = buildResults(findings, judgedFiles);
  if (options.quiet) results = errorsOnly(results);

  const formatter = await loadFormatter(format);
  const formatContext: FormatContext = {
    rules: allRuleMetas(rules),
    version: packageVersion(),
    color: outputFile === undefined && format === 'stylish' && context.color,
    pathPrefix: checkoutPrefix(root, io.env.GITHUB_WORKSPACE),
    rootUri: `${pathToFileURL(root).href.replace(/\/$/, '')}/`,
    docsUri: `${pathToFileURL(join(packageRoot, 'docs/rules')).href}/`,
    help: format === 'sarif' ? ruleHelp(allRuleMetas(rules).map((meta) => meta.id)) : undefined,
  };
  const report = formatter(results, formatContext);
  if (outputFile === undefined) io.stdout.write(report);
  else writeReport(outputFile, report);

  const { errorCount, warningCount } = totals(results);
  if (errorCount > 0) return 1;
  if (maxWarnings !== undefined && warningCount > maxWarnings) {
    io.stderr.write(`handoff: too many warnings (${warningCount}; --max-warnings allows ${maxWarnings})\n`);
    return 1;
  }
  return 0;
}

interface Selection {
  /** Document paths to judge, sorted; undefined for every document of the repository, listed as they are judged. */
  judged: string[] | undefined;
  judgeConfig: boolean;
  /** Every document path, when the repository was listed. */
  listing: string[] | undefined;
}

/** A path named on the command line, relative to the repository root ("" for the root itself). */
interface Target {
  given: string;
  path: string;
  isFolder: boolean;
}

async function select(
  root: string,
  targets: Target[],
  changed: Promise<string[]> | undefined,
): Promise<Selection> {
  if (changed === undefined && targets.length === 0)
    return { judged: undefined, judgeConfig: true, listing: undefined };
  let selection: Selection & { judged: string[] };
  if (changed !== undefined) {
    const paths = await changed;
    if (paths.includes(CONFIG_FILE)) {
      // A changed config can change any finding: judge everything.
      const listing = listDocumentPaths(root);
      selection = { judged: listing, judgeConfig: true, listing };
    } else {
      const judged = new Set<string>();
      for (const path of paths) {
        const location = locateDocument(path);
        if (!location) continue;
        if (existsSync(join(root, path))) judged.add(path);
        else if (location.candidateId) {
          // A removed document (a scorecard, a memo) can break what its folder needs: judge the rest of it.
          for (const sibling of listCandidateDocumentPaths(root, location.candidateId)) judged.add(sibling);
        }
      }
      selection = { judged: [...judged].sort(), judgeConfig: false, listing: undefined };
    }
  } else {
    const listing = listDocumentPaths(root);
    selection = { judged: listing, judgeConfig: true, listing };
  }
  if (targets.length === 0) return selection;

  const within = (path: string, target: Target) =>
    target.path === '' || path === target.path || (target.isFolder && path.startsWith(`${target.path}/`));
  if (changed === undefined) {
    for (const target of targets) {
      const isConfig = target.path === CONFIG_FILE || target.path === '';
      if (!isConfig && !selection.judged.some((path) => within(path, target))) {
        throw new HandoffError('usage', `"${target.given}" holds no handoff document`, {
          fix: 'Documents are roles/<role>.md and the Markdown files under candidates/<candidate>/; name one of them or a folder that holds them.',
        });
      }
    }
  }
  return {
    judged: selection.judged.filter((path) => targets.some((target) => within(path, target))),
    judgeConfig:
      selection.judgeConfig && targets.some((target) => target.path === '' || target.path === CONFIG_FILE),
    listing: selection.listing,
  };
}

function resolveTarget(root: string, cwd: string, given: string): Target {
  const absolute = resolveInside(root, resolve(cwd, given));
  if (!existsSync(absolute)) {
    throw new HandoffError('usage', `"${given}" does not exist`, {
      fix: 'Name a document or a folder of the handoff repository, or leave the path out to lint everything.',
    });
  }
  return { given, path: toRepoPath(root, absolute), isFolder: statSync(absolute).isDirectory() };
}

function configFindings(
  config: Parameters<typeof judgeConfig>[0],
  configText: string,
  rules: readonly Rule[],
): Diagnostic[] {
  const known = new Set(allRuleMetas(rules).map((meta) => meta.id));
  if (Object.keys(config.lint.rules).every((id) => known.has(id))) return [];
  return judgeConfig(config, rules, parseFrontMatterYaml(configText, 1).positions);
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function parseNow(value: string): string {
  const match = DATE.exec(value);
  const date = match
    ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])))
    : undefined;
  if (!date || date.toISOString().slice(0, 10) !== value) {
    throw new HandoffError('usage', `--now "${value}" is not a date`, {
      fix: 'Write it as YYYY-MM-DD, like --now 2026-11-30.',
    });
  }
  return value;
}

function today(): string {
  const date = new Date();
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

function parseMaxWarnings(value: string): number {
  if (!/^\d+$/.test(value.trim())) {
    throw new HandoffError('usage', `--max-warnings "${value}" is not a whole number`, {
      fix: 'Pass how many warnings are acceptable, like --max-warnings 0.',
    });
  }
  return Number(value.trim());
}

/**
 * A report may go anywhere the user names, except into .git or over a handoff document or the config,
 * where it would destroy what someone wrote.
 */
function checkOutputFile(root: string, absolute: string): string {
  if (absolute.split(sep).includes('.git')) {
    throw new HandoffError('usage', `--output-file ${absolute} is inside a .git folder`, {
      fix: 'Write the report somewhere else, like --output-file handoff-report.sarif.',
    });
  }
  const inside = relative(root, absolute);
  if (inside !== '' && !inside.startsWith('..') && !isAbsolute(inside)) {
    const repoPath = inside.split(sep).join('/');
    if (repoPath === CONFIG_FILE || locateDocument(repoPath) !== undefined) {
      throw new HandoffError('usage', `--output-file ${repoPath} would replace a handoff document`, {
        fix: 'Write the report to a file outside roles/ and candidates/, like --output-file handoff-report.json.',
      });
    }
  }
  if (existsSync(absolute) && statSync(absolute).isDirectory()) {
    throw new HandoffError('usage', `--output-file ${absolute} is a folder`, {
      fix: 'Name a file, like --output-file report.json.',
    });
  }
  return absolute;
}

/** A report replaces the previous one, as a linter's report does each run. */
function writeReport(absolute: string, report: string): void {
  try {
    writeOutputFile(dirname(absolute), absolute, report, { force: true });
  } catch (error) {
    if (isHandoffError(error)) throw error;
    throw new HandoffError(
      'usage',
      `the report could not be written to ${absolute} (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
      {
        fix: 'Check that the folder is writable, or choose another --output-file.',
      },
    );
  }
}

/** Where the handoff repository sits inside the GitHub Actions checkout, so annotations land on the right file. */
function checkoutPrefix(root: string, workspace: string | undefined): string {
  if (!workspace) return '';
  const inside = relative(resolve(workspace), root);
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) return '';
  return `${inside.split(sep).join('/')}/`;
}

/** Each rule's docs page, when the package ships them, as SARIF help. */
function ruleHelp(ids: readonly string[]): Map<string, string> {
  const help = new Map<string, string>();
  for (const id of ids) {
    try {
      help.set(id, readFileSync(join(packageRoot, 'docs/rules', `${id}.md`), 'utf8'));
    } catch {
      // not shipped: the description and helpUri remain
    }
  }
  return help;
}
