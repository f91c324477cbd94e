import { existsSync, readdirSync, statSync } from 'node:fs';
import { extname, join, resolve, sep } from 'node:path';
import type { Candidate } from '../../schemas/candidate.js';
import type { Audience } from '../../schemas/common.js';
import type { Role } from '../../schemas/role.js';
import { foldForSearch, matchCandidate } from '../core/briefing/lookup.js';
import { assemblePacket, type Packet } from '../core/briefing/packet.js';
import { selectInterviews } from '../core/briefing/select.js';
import { isDate } from '../core/dates.js';
import type { Diagnostic } from '../core/diagnostics.js';
import { paths } from '../core/layout.js';
import { buildWorkspace, type CandidateFolder, type Loaded, type Workspace } from '../core/workspace.js';
import { HandoffError } from '../errors.js';
import { resolveInside, toRepoPath, writeRepoFile } from '../io/files.js';
import { listCandidateDocumentPaths, listCandidateIds } from '../io/listing.js';
import { readText } from '../io/read-text.js';
import { loadWorkspace, openRepository, type Repository } from '../io/repository.js';
import { renderTemplate } from '../io/templates.js';
import type { CommandContext } from './context.js';

export type OutputFormat = 'md' | 'html';

interface BriefOptions {
  interview?: string;
  interviewer?: string;
  audience?: Audience;
  format?: OutputFormat;
  out?: string;
  force?: boolean;
  date?: string;
}

/** A candidate's documents and role, read without touching the rest of the repository. */
export interface LoadedCandidate {
  id: string;
  workspace: Workspace;
  folder: CandidateFolder;
  profile: Loaded<Candidate> & { value: Candidate };
  role: Loaded<Role> & { value: Role };
}

/**
 * Finds a candidate by id or a unique part of the name and reads only the config, that candidate's
 * folder and its role. Folder names are read first; profiles are read only when the id is not exact.
 */
export function loadCandidate(repository: Repository, query: string): LoadedCandidate {
  let id = query;
  if (!isCandidateFolder(repository.root, query)) {
    const ids = listCandidateIds(repository.root);
    // Parsing every profile is the slow part at scale: parse only those whose text could match.
    const possible = ids.filter((candidateId) => couldMatch(repository.root, candidateId, query));
    const profiles = loadWorkspace(
      repository,
      possible.map((candidateId) => paths.profile(candidateId)),
    );
    const entries = ids.map((candidateId) => {
      const profile = profiles.candidates.get(candidateId)?.profile;
      const name = profile?.value?.name ?? profile?.data?.name;
      return { id: candidateId, name: typeof name === 'string' ? name : undefined };
    });
    id = matchCandidate(query, entries);
  }

  const candidateDocuments = loadWorkspace(
    repository,
    listCandidateDocumentPaths(repository.root, id),
  ).documents;
  const own = buildWorkspace(repository.config, candidateDocuments);
  const folder = own.candidates.get(id);
  const profile = folder?.profile;
  const profilePath = paths.profile(id);
  if (!folder || !profile) {
    throw new HandoffError('not-found', `the candidate folder candidates/${id} has no profile.md`, {
      fix: `Write the profile with "handoff new candidate", or remove the folder.`,
    });
  }
  if (!profile.value) throw unreadable(profilePath, profile.diagnostics);

  const roleId = profile.value.role;
  const rolePath = paths.role(roleId);
  const roleDocuments = loadWorkspace(repository, [rolePath]).documents;
  const workspace = buildWorkspace(repository.config, [...candidateDocuments, ...roleDocuments]);
  const role = workspace.roles.get(roleId);
  if (!role) {
    const at = profile.positions.get('role')?.value;
    throw new HandoffError(
      'not-found',
      `the role "${roleId}" of this candidate does not exist (${rolePath})`,
      {
        file: profilePath,
        line: at?.line,
        column: at?.column,
        details: listRoles(repository.root),
        fix: `Create it with "handoff new role", or correct "role:" in ${profilePath}.`,
      },
    );
  }
  if (!role.value) throw unreadable(rolePath, role.diagnostics);
  return {
    id,
    workspace,
    folder: workspace.candidates.get(id)!,
    profile: profile as LoadedCandidate['profile'],
    role: role as LoadedCandidate['role'],
  };
}

/**
 * Whether a candidate could match the query, from the id and the profile's `name:` line alone (folded
 * as matchCandidate folds names), so that only those profiles are parsed. A profile without a plain
 * `name:` line is parsed to be sure.
 */
function couldMatch(root: string, candidateId: string, query: string): boolean {
  const wanted = foldForSearch(query);
  if (foldForSearch(candidateId).includes(wanted)) return true;
  let text: string;
  try {
    text = readText(join(root, paths.profile(candidateId)));
  } catch {
    return false;
  }
  const line = /^name:[ \t]*(.*)$/m.exec(text)?.[1];
  if (line === undefined || /^[|>&*!]/.test(line)) return true;
  const name = foldForSearch(line);
  return (
    name.includes(wanted) || name.replace(/[^a-z0-9]+/g, '-').includes(wanted.replace(/[^a-z0-9]+/g, '-'))
  );
}

/** An exact id needs no listing of the (possibly tens of thousands of) candidate folders. */
function isCandidateFolder(root: string, id: string): boolean {
  if (!/^[^/\\]+$/.test(id) || id === '.' || id === '..') return false;
  return existsSync(join(root, paths.candidateDir(id)));
}

function listRoles(root: string): string[] {
  let roles: string[] = [];
  try {
    roles = readdirSync(join(root, 'roles'))
      .filter((name) => name.endsWith('.md'))
      .map((name) => name.slice(0, -3))
      .sort();
  } catch {
    // No roles folder: said below.
  }
  return roles.length > 0
    ? ['Roles:', ...roles.map((id) => `  ${id}`)]
    : ['The repository has no roles yet.'];
}

/** A document the command needs but cannot read: list its problems and point at lint. */
export function unreadable(path: string, diagnostics: Diagnostic[]): HandoffError {
  const shown = diagnostics.slice(0, 10).map((d) => `${d.file}:${d.line}:${d.column}  ${d.message}`);
  if (diagnostics.length > shown.length) shown.push(`... and ${diagnostics.length - shown.length} more`);
  return new HandoffError('invalid-document', `${path} could not be read`, {
    details: shown,
    fix: `Fix it ("handoff lint ${path}" lists every problem), then run again.`,
  });
}

/** Renders a packet's Markdown, or the self-contained HTML file made from it (markdown-it loads only then). */
export async function renderDocument(
  root: string,
  template: string,
  view: { title: string },
  format: OutputFormat,
): Promise<string> {
  const markdown = renderTemplate(root, template, view);
  if (format !== 'html') return markdown;
  const { markdownToHtmlDocument } = await import('../io/html.js');
  return markdownToHtmlDocument(markdown, { title: view.title });
}

export interface OutputFile {
  /** File name used when --out is a folder. */
  fileName: string;
  content: string;
}

/**
 * Writes rendered documents where --out says: standard output for one without --out, else files in
 * the repository (one file, or a folder for several). Refuses to replace files without --force, and
 * checks every target before writing any.
 */
export function writeOutputs(
  context: CommandContext,
  root: string,
  outputs: OutputFile[],
  out: string | undefined,
  force: boolean,
  what: string,
): void {
  const { io } = context;
  if (out === undefined) {
    if (outputs.length > 1) {
      throw new HandoffError('usage', `${outputs.length} ${what} to render, and standard output takes one`, {
        details: outputs.map((output) => output.fileName),
        fix: 'Pass --out <folder> to write each to a file there, or choose one with --interview or --interviewer.',
      });
    }
    io.stdout.write(outputs[0]!.content);
    return;
  }
  const target = resolve(io.cwd, out);
  const exists = existsSync(target);
  const isFolder = exists ? statSync(target).isDirectory() : out.endsWith('/') || out.endsWith(sep);
  const looksLikeFolder = isFolder || (!exists && outputs.length > 1 && extname(target) === '');
  if (outputs.length > 1 && !looksLikeFolder) {
    throw new HandoffError(
      'usage',
      `--out ${out} is not a folder, and there are ${outputs.length} ${what} to write`,
      {
        details: outputs.map((output) => output.fileName),
        fix: 'Pass a folder to --out (it is created when missing), or choose one packet with --interview or --interviewer.',
      },
    );
  }
  const files = looksLikeFolder
    ? outputs.map((output) => ({ path: join(target, output.fileName), content: output.content }))
    : [{ path: target, content: outputs[0]!.content }];
  for (const file of files) resolveInside(root, file.path);
  const existing = files.filter((file) => existsSync(file.path));
  if (existing.length > 0 && !force) {
    throw new HandoffError(
      'file-exists',
      `${existing.map((file) => toRepoPath(root, file.path)).join(', ')} already exist${existing.length === 1 ? 's' : ''}; nothing was written`,
      { fix: 'Pass --force to replace, or choose another --out.' },
    );
  }
  for (const file of files) {
    writeRepoFile(root, file.path, file.content, { force });
    io.stdout.write(`wrote ${toRepoPath(root, file.path)}\n`);
  }
}

export function warn(context: CommandContext, lines: Iterable<string>): void {
  for (const line of new Set(lines)) context.io.stderr.write(`handoff: warning: ${line}\n`);
}

export async function briefCommand(
  context: CommandContext,
  query: string,
  options: BriefOptions,
): Promise<number> {
  const audience = options.audience ?? 'interviewer';
  const format = options.format ?? 'md';
  if (options.date !== undefined && !isDate(options.date)) {
    throw new HandoffError('usage', `--date ${options.date} is not a date`, {
      fix: 'Write it as YYYY-MM-DD.',
    });
  }
  const repository = openRepository(context.io.cwd, context.repo);
  const candidate = loadCandidate(repository, query);
  const { workspace, folder, profile, role } = candidate;
  const targets = selectInterviews(
    role.value,
    role.path,
    profile.value.stage,
    { interview: options.interview, interviewer: options.interviewer },
    workspace.people,
  );
  const packets: Packet[] = targets.map((target) =>
    assemblePacket({
      config: repository.config,
      people: workspace.people,
      stages: workspace.stages,
      role,
      profile,
      memo: folder.memo,
      feedback: folder.feedback,
      target,
      audience,
      interviewDate: options.date,
    }),
  );
  warn(
    context,
    packets.flatMap((packet) => packet.notices),
  );
  const outputs: OutputFile[] = [];
  for (const packet of packets) {
    outputs.push({
      fileName: `${packet.baseName}.${format}`,
      content: await renderDocument(repository.root, 'packets/interviewer', packet.view, format),
    });
  }
  writeOutputs(context, repository.root, outputs, options.out, options.force === true, 'packets');
  return 0;
}
