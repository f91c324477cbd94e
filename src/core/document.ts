import type { DocumentKind } from '../../schemas/common.js';
import type { Diagnostic, Position } from './diagnostics.js';
import { describeSplitProblem, splitFrontMatter } from './frontmatter.js';
import type { DocumentLocation } from './layout.js';
import { type Section, splitSections } from './sections.js';
import { type KeyPositions, parseFrontMatterYaml } from './yaml.js';

/** A document as read from disk: front matter, body sections, positions and the problems found reading it. */
export interface SourceDocument {
  /** Path relative to the repository root, with forward slashes. */
  path: string;
  kind: DocumentKind;
  location: DocumentLocation;
  text: string;
  /** The front matter, when it is a readable YAML mapping. */
  data: Record<string, unknown> | undefined;
  positions: KeyPositions;
  body: string;
  /** 1-based line in the file where the body starts. */
  bodyLine: number;
  sections: Section[];
  /** yaml-syntax problems found while reading. */
  diagnostics: Diagnostic[];
}

export const FILE_START: Position = { line: 1, column: 1 };

/** Reads a document's text into its parts. Never throws: every problem becomes a diagnostic. */
export function readSourceDocument(path: string, text: string, location: DocumentLocation): SourceDocument {
  const document: SourceDocument = {
    path,
    kind: location.kind,
    location,
    text,
    data: undefined,
    positions: new Map(),
    body: '',
    bodyLine: 1,
    sections: [],
    diagnostics: [],
  };
  const split = splitFrontMatter(text);
  if (!split.ok) {
    document.diagnostics.push(yamlSyntax(path, FILE_START, describeSplitProblem(split.problem)));
    if (split.problem.kind === 'no-front-matter' || split.problem.kind === 'unclosed') {
      document.body = text;
      document.sections = splitSections(text, 1);
    }
    return document;
  }
  const { yaml, yamlLine, body, bodyLine } = split.parts;
  document.body = body;
  document.bodyLine = bodyLine;
  document.sections = splitSections(body, bodyLine);
  // Positions locate findings, which most documents have none of.
  const parsed = parseFrontMatterYaml(yaml, yamlLine, { deferPositions: true });
  document.positions = parsed.positions;
  document.data = parsed.data;
  for (const problem of parsed.problems) {
    const { message, ...position } = problem;
    document.diagnostics.push(yamlSyntax(path, position, message));
  }
  return document;
}

function yamlSyntax(file: string, position: Position, message: string): Diagnostic {
  return { file, ...position, ruleId: 'yaml-syntax', severity: 'error', message };
}
