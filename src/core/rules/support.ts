/** Small lookups the rules share: positions in front matter, the documents to judge, a document's role. */
import type { Candidate } from '../../../schemas/candidate.js';
import type { Config } from '../../../schemas/config.js';
import type { Role } from '../../../schemas/role.js';
import { visibleRestrictedFields } from '../config.js';
import type { Position } from '../diagnostics.js';
import type { SourceDocument } from '../document.js';
import type { RuleContext } from '../lint/types.js';
import type { TextBlock } from '../prose.js';
import { type SectionAudience, sectionSpec } from '../sections-spec.js';
import type { CandidateFolder, Loaded, Workspace } from '../workspace.js';

const FILE_START: Position = { line: 1, column: 1 };

/**
 * The position of a front-matter key (or its value) by dotted path. Falls back to the first of
 * `fallbacks` that exists, then to the first line of the file.
 */
export function keyAt(
  document: Pick<SourceDocument, 'positions'>,
  path: string,
  ...fallbacks: string[]
): Position {
  for (const candidate of [path, ...fallbacks]) {
    const entry = document.positions.get(candidate);
    if (entry) return entry.key;
  }
  return FILE_START;
}

export function valueAt(
  document: Pick<SourceDocument, 'positions'>,
  path: string,
  ...fallbacks: string[]
): Position {
  for (const candidate of [path, ...fallbacks]) {
    const entry = document.positions.get(candidate);
    if (entry) return entry.value;
  }
  return FILE_START;
}

/** The documents a rule judges, of one kind. */
export function judged<T>(context: RuleContext, kind: SourceDocument['kind']): Loaded<T>[] {
  return context.documents.filter((document) => document.kind === kind) as Loaded<T>[];
}

/** True when a document is one the rule may report on. */
export function isJudged(context: RuleContext, document: { path: string } | undefined): boolean {
  if (!document) return false;
  return context.documents.some((judgedDocument) => judgedDocument.path === document.path);
}

/** The folder a candidate document belongs to (by its path). */
export function folderOf(workspace: Workspace, document: SourceDocument): CandidateFolder | undefined {
  const id = document.location.candidateId;
  return id === undefined ? undefined : workspace.candidates.get(id);
}

/** The candidate's profile front matter, when it is valid. */
export function profileOf(workspace: Workspace, document: SourceDocument): Candidate | undefined {
  return folderOf(workspace, document)?.profile?.value;
}

/** The role a candidate document belongs to, through the candidate's profile. */
export function roleOf(workspace: Workspace, document: SourceDocument): Role | undefined {
  const roleId = profileOf(workspace, document)?.role;
  return roleId === undefined ? undefined : workspace.roles.get(roleId)?.value;
}

/** How a message names where text sits: a `##` section or a front-matter field. */
export function placeOf(block: TextBlock): string {
  if (block.heading) return `"## ${block.heading}"`;
  if (block.path) return `"${block.path}"`;
  return 'the body';
}

/** "1 day" / "3 days". */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** Passes the loader's diagnostics of one rule id on for the judged documents (yaml-syntax, schema). */
export function reportLoaderDiagnostics(context: RuleContext, ruleId: 'yaml-syntax' | 'schema'): void {
  for (const document of context.documents) {
    for (const diagnostic of document.diagnostics) {
      if (diagnostic.ruleId !== ruleId) continue;
      const { line, column, endLine, endColumn } = diagnostic;
      const position = endLine === undefined ? { line, column } : { line, column, endLine, endColumn };
      context.report(document, position, diagnostic.message);
    }
  }
}

export const digits = (text: string): string => text.replace(/\D/g, '');

export const EMAIL =
  /(?<![\w.+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}(?![\w-])/g;

/**
 * Phone numbers: international (+44 7700 900123), national with a trunk zero (07700 900123,
 * 030 1234 5678, (020) 7946 0018) and North American (555-867-5309, (415) 555 0100). Dates, year
 * ranges and plain numbers have other shapes or too few digits.
 */
export const PHONE =
  /(?<![\w+])(?:\+\d{1,3}(?:[ .-]?\(?\d{1,5}\)?){2,6}|\(?0\d{1,5}\)?(?:[ .-]?\d{2,5}){2,5}|\(?[2-9]\d{2}\)?[ .-]\d{3}[ .-]\d{4})(?![\w])/g;

/** Two phone numbers are the same when their digits agree, ignoring a country code or a trunk zero. */
export function samePhone(a: string, b: string): boolean {
  // "+44 (0)7700 ..." writes the trunk zero of the national format inside the international one.
  const significant = (phone: string) => digits(phone.replace(/\(0\)/g, '')).replace(/^0+/, '');
  const left = significant(a);
  const right = significant(b);
  const [short, long] = left.length <= right.length ? [left, right] : [right, left];
  return short.length >= 7 && long.endsWith(short);
}

/** True when `path` is restricted by the config (directly or through a parent such as `contact`). */
export function isRestricted(config: Config, path: string): boolean {
  return config.access.restricted.some((field) => path === field || path.startsWith(`${field}.`));
}

/** Where a block of text is read, by the section it sits in. */
export function audienceOf(kind: Loaded<unknown>['kind'], block: TextBlock): SectionAudience {
  if (kind === 'survey') return 'internal';
  if (!block.heading) return 'interviewers';
  return sectionSpec(kind, block.heading)?.audience ?? (kind === 'role' ? 'candidate' : 'interviewers');
}

const interviewerFields = new WeakMap<Config, string[]>();
const hiddenFields = new WeakMap<Config, Record<SectionAudience, Map<string, boolean>>>();

/** True when a restricted field must not appear in text for this audience (worked out once per config, field and audience). */
export function mustNotAppear(config: Config, field: string, audience: SectionAudience): boolean {
  let known = hiddenFields.get(config);
  if (!known) {
    known = { candidate: new Map(), interviewers: new Map(), internal: new Map() };
    hiddenFields.set(config, known);
  }
  const forAudience = known[audience];
  let hidden = forAudience.get(field);
  if (hidden === undefined) {
    hidden = hiddenFrom(config, field, audience);
    if (forAudience.size < 1000) forAudience.set(field, hidden);
  }
  return hidden;
}

function hiddenFrom(config: Config, field: string, audience: SectionAudience): boolean {
  if (audience === 'internal' || !isRestricted(config, field)) return false;
  if (audience === 'candidate') return true;
  let visible = interviewerFields.get(config);
  if (!visible) {
    visible = [...visibleRestrictedFields(config, 'interviewer')];
    interviewerFields.set(config, visible);
  }
  return !visible.some((allowed) => field === allowed || field.startsWith(`${allowed}.`));
}
