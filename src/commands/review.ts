import { roleDifferences } from '../core/audit/events.js';
import { textField, VersionCache } from '../core/audit/fields.js';
import { type FileChange, parseRawDiff } from '../core/audit/git-log.js';
import { isDate } from '../core/dates.js';
import { CANDIDATES_DIR, locateDocument, paths, ROLES_DIR } from '../core/layout.js';
import { runLint } from '../core/lint/engine.js';
import type { Rule } from '../core/lint/types.js';
import { renderReviewJson, renderReviewMarkdown } from '../core/review/render.js';
import { buildReview, type ProfileSummary } from '../core/review/summary.js';
import { buildWorkspace, type Loaded, loadDocument } from '../core/workspace.js';
import { HandoffError } from '../errors.js';
import {
  diffCommits,
  listTree,
  mergeBase,
  readBlobs,
  readRepositoryState,
  resolveCommit,
} from '../io/git-history.js';
import { openRepository } from '../io/repository.js';
import type { CommandContext } from './context.js';

interface ReviewOptions {
  base?: string;
  head?: string;
  format?: 'md' | 'json';
  now?: string;
}

/** Role parts whose change reaches the candidates in process (they are listed as affected). */
const AFFECTING = new Set(['expectations', 'rubric', 'compensation', 'loop']);

/**
 * `handoff review`: the pull request from the merge base of --base and --head to --head, read from
 * Git (not the working tree), so that the summary is the same on a laptop and in CI.
 */
export async function reviewCommand(context: CommandContext, options: ReviewOptions): Promise<number> {
  const { io } = context;
  const now = options.now ?? today();
  if (!isDate(now)) {
    throw new HandoffError('usage', `--now "${now}" is not a date written as YYYY-MM-DD`, {
      fix: 'Pass a date like --now 2026-11-25.',
    });
  }
  const repository = openRepository(io.cwd, context.repo);
  const { root, config } = repository;
  const env = { ...process.env, ...io.env };
  const state = await readRepositoryState(root, env);
  if (!state.inside) {
    throw new HandoffError(
      'not-a-git-repo',
      `handoff review compares Git commits, and ${root} is not in a Git repository`,
      {
        fix: 'Run it in a clone of the handoff repository.',
      },
    );
  }
  if (!state.head) {
    throw new HandoffError('git-state', 'this repository has no commits yet, so there is nothing to review', {
      fix: 'Commit the handoff documents first.',
    });
  }
  const baseRef = options.base ?? 'origin/main';
  const headRef = options.head ?? 'HEAD';
  const [base, head] = await Promise.all([
    resolveCommit(root, env, baseRef),
    resolveCommit(root, env, headRef),
  ]);
  if (!base) throw unknownRef('--base', baseRef, state.shallow);
  if (!head) throw unknownRef('--head', headRef, state.shallow);
  const start = (await mergeBase(root, env, base, head)) ?? base;

  const changes = parseRawDiff(await diffCommits(root, env, start, head));
  const candidates = new Set<string>();
  for (const change of changes) {
    for (const path of [change.path, change.oldPath]) {
      const candidate = path ? locateDocument(path)?.candidateId : undefined;
      if (candidate) candidates.add(candidate);
    }
  }

  // The git reads run side by side, and the lint rules load meanwhile. The head's profiles are read
  // (in case a role's change reaches its candidates) as soon as the diff shows a role changed.
  const rulesLoading = import('../core/rules/index.js') as Promise<{ rules: Rule[] }>;
  const roleChanged = changes.some(
    (change) =>
      locateDocument(change.path)?.kind === 'role' && change.status !== 'A' && change.status !== 'D',
  );
  const profilesReading = roleChanged ? headProfiles(root, env, head) : Promise.resolve(undefined);
  const folders = [...candidates].map((id) => paths.candidateDir(id));
  const changed = changedVersions(changes);
  const [tree, changedTexts] = await Promise.all([
    listTree(root, env, head, [ROLES_DIR, ...folders]),
    readBlobs(root, env, changed),
  ]);
  const treeTexts = await readBlobs(
    root,
    env,
    tree.map((entry) => entry.blob),
  );
  const versions = new VersionCache();
  for (const [id, text] of changedTexts) {
    versions.add(id, text);
    versions.read(id);
  }
  if (versions.needsFullParser) versions.complete((await import('../core/yaml.js')).parseFrontMatterYaml);

  const documents = tree
    .map((entry) => {
      const text = treeTexts.get(entry.blob);
      return text === undefined ? undefined : loadDocument({ path: entry.path, text });
    })
    .filter((document): document is Loaded<unknown> => document !== undefined);
  const workspace = buildWorkspace(config, documents);
  const profiles = await profilesReading;
  const affecting = rolesReachCandidates(changes, versions);

  const changedPaths = new Set(
    changes.filter((change) => change.status !== 'D').map((change) => change.path),
  );
  const judged = workspace.documents.filter((document) => changedPaths.has(document.path));
  const { rules } = await rulesLoading;
  const findings = runLint({ workspace, config, now, documents: judged, rules });

  const summary = buildReview({
    base: { ref: baseRef, commit: base },
    head: { ref: headRef, commit: head },
    changes,
    versions,
    workspace,
    profiles: affecting ? profiles : undefined,
    findings,
  });
  if (state.shallow && start === base && base !== head) {
    io.stderr.write(
      'handoff: this clone is shallow, so the merge base may be missing and the review may show more than the pull request.\n' +
        '  Fetch the whole history (actions/checkout with fetch-depth: 0).\n',
    );
  }
  io.stdout.write(options.format === 'json' ? renderReviewJson(summary) : renderReviewMarkdown(summary));
  return 0;
}

/** The blob ids of both sides of every changed profile and role. */
function changedVersions(changes: readonly FileChange[]): Set<string> {
  const ids = new Set<string>();
  for (const change of changes) {
    const kind =
      locateDocument(change.path)?.kind ??
      (change.oldPath ? locateDocument(change.oldPath)?.kind : undefined);
    if (kind !== 'candidate' && kind !== 'role') continue;
    if (change.oldBlob) ids.add(change.oldBlob);
    if (change.newBlob) ids.add(change.newBlob);
  }
  return ids;
}

/** Whether some role's change reaches its candidates, so that the head's profiles must be read. */
function rolesReachCandidates(changes: readonly FileChange[], versions: VersionCache): boolean {
  return changes.some((change) => {
    if (locateDocument(change.path)?.kind !== 'role' || change.status === 'A' || change.status === 'D')
      return false;
    const before = versions.get(change.oldBlob);
    const after = versions.get(change.newBlob);
    if (!before?.readable || !after?.readable) return false;
    return roleDifferences(before.data, after.data).some((part) => AFFECTING.has(part));
  });
}

/** Role, stage and status of every profile at the head (read with the small YAML reader). */
async function headProfiles(root: string, env: NodeJS.ProcessEnv, head: string): Promise<ProfileSummary[]> {
  const entries = (await listTree(root, env, head, [CANDIDATES_DIR])).filter((entry) =>
    entry.path.endsWith('/profile.md'),
  );
  const texts = await readBlobs(
    root,
    env,
    entries.map((entry) => entry.blob),
  );
  const versions = new VersionCache();
  for (const [id, text] of texts) {
    versions.add(id, text);
    versions.read(id);
  }
  if (versions.needsFullParser) versions.complete((await import('../core/yaml.js')).parseFrontMatterYaml);
  const summaries: ProfileSummary[] = [];
  for (const entry of entries) {
    const version = versions.get(entry.blob);
    const id = locateDocument(entry.path)?.candidateId;
    if (!id || !version?.readable) continue;
    const { data } = version;
    summaries.push({
      id,
      role: textField(data, 'role'),
      stage: textField(data, 'stage'),
      status: textField(data, 'status'),
    });
  }
  return summaries;
}

function unknownRef(flag: string, ref: string, shallow: boolean): HandoffError {
  if (shallow) {
    return new HandoffError(
      'usage',
      `${flag} ${ref}: "${ref}" is not in this clone, which is shallow (it holds only the latest commits)`,
      {
        fix: 'Fetch the history first: in GitHub Actions set "fetch-depth: 0" on actions/checkout, or run "git fetch --unshallow origin".',
      },
    );
  }
  return new HandoffError(
    'usage',
    `${flag} ${ref}: there is no branch, tag or commit "${ref}" in this repository`,
    {
      fix:
        flag === '--base'
          ? 'Pass the branch the pull request goes into, like --base origin/main (run "git fetch origin" first when it is missing).'
          : 'Pass a branch, tag or commit, or leave --head out to review HEAD.',
    },
  );
}

function today(): string {
  const date = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
