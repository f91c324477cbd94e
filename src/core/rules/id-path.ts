import { paths } from '../layout.js';
import type { Rule, RuleContext } from '../lint/types.js';
import type { Loaded } from '../workspace.js';
import { isJudged, valueAt } from './support.js';

type Document = Loaded<unknown>;

function text(document: Document, field: string): string | undefined {
  const value = document.data?.[field];
  return typeof value === 'string' ? value : undefined;
}

/** One front-matter field that must repeat what the path says. */
function expectField(
  context: RuleContext,
  document: Document,
  field: string,
  expected: string,
  fix: string,
): void {
  const actual = text(document, field);
  if (actual === undefined || actual === expected) return;
  context.report(
    document,
    valueAt(document, field),
    `${field} "${actual}" does not match the path, which says "${expected}"; ${fix}`,
  );
}

function checkPaths(context: RuleContext, document: Document): void {
  const { location } = document;
  switch (location.kind) {
    case 'role':
      expectField(
        context,
        document,
        'id',
        location.roleId!,
        `rename the file to ${paths.role(text(document, 'id') ?? '')} or fix the id`,
      );
      return;
    case 'candidate':
      expectField(context, document, 'id', location.candidateId!, 'rename the folder or fix the id');
      return;
    case 'memo':
    case 'survey':
      expectField(
        context,
        document,
        'candidate',
        location.candidateId!,
        "move the file to its candidate's folder or fix the field",
      );
      if (location.kind === 'survey') {
        expectField(
          context,
          document,
          'date',
          location.date!,
          'name the file after the survey date (<date>.md) or fix the date',
        );
      }
      return;
    case 'feedback': {
      expectField(
        context,
        document,
        'candidate',
        location.candidateId!,
        "move the file to its candidate's folder or fix the field",
      );
      if (!location.personId) {
        context.report(
          document,
          { line: 1, column: 1 },
          'a scorecard file must be named <interview-id>--<person-id>.md (two hyphens between them)',
        );
        return;
      }
      const rename = 'name the file <interview-id>--<person-id>.md after the front matter or fix the field';
      expectField(context, document, 'interview', location.interviewId!, rename);
      expectField(context, document, 'interviewer', location.personId, rename);
      return;
    }
  }
}

/**
 * Roles and profiles carry their own id; two documents must never share one. The document whose
 * path matches the id keeps it; the others are reported, naming the owner.
 */
function checkDuplicates(context: RuleContext): void {
  for (const kind of ['role', 'candidate'] as const) {
    const byId = new Map<string, Document[]>();
    for (const document of context.workspace.documents) {
      const id = document.kind === kind ? text(document, 'id') : undefined;
      if (id !== undefined) byId.set(id, [...(byId.get(id) ?? []), document]);
    }
    for (const [id, documents] of byId) {
      if (documents.length < 2) continue;
      const owner = documents.find((document) => pathId(document) === id) ?? documents[0]!;
      for (const document of documents) {
        if (document === owner || !isJudged(context, document)) continue;
        context.report(
          document,
          valueAt(document, 'id'),
          `id "${id}" is also used by ${owner.path}; every ${kind} needs its own id`,
        );
      }
    }
  }
}

function pathId(document: Document): string | undefined {
  return document.location.kind === 'role' ? document.location.roleId : document.location.candidateId;
}

export const rule: Rule = {
  meta: {
    id: 'id-path',
    defaultSeverity: 'error',
    description: "an id that does not match the file's path; two documents with one id",
  },
  check(context) {
    for (const document of context.documents) checkPaths(context, document);
    checkDuplicates(context);
  },
};
