import type { Candidate } from '../../schemas/candidate.js';
import type { Config, Person, Stage } from '../../schemas/config.js';
import type { Feedback } from '../../schemas/feedback.js';
import { documentSchemas } from '../../schemas/index.js';
import type { Memo } from '../../schemas/memo.js';
import type { Role } from '../../schemas/role.js';
import type { Survey } from '../../schemas/survey.js';
import { compareDiagnostics, type Diagnostic } from './diagnostics.js';
import { readSourceDocument, type SourceDocument } from './document.js';
import { locateDocument } from './layout.js';
import { validateAgainst } from './validate.js';

/** A document with its validated front matter (undefined when the front matter is unreadable or invalid). */
export interface Loaded<T> extends SourceDocument {
  value: T | undefined;
}

export interface CandidateFolder {
  id: string;
  profile: Loaded<Candidate> | undefined;
  memo: Loaded<Memo> | undefined;
  feedback: Loaded<Feedback>[];
  surveys: Loaded<Survey>[];
}

export interface Workspace {
  config: Config;
  people: Map<string, Person>;
  stages: Stage[];
  /** Position of each stage id in the pipeline. */
  stageOrder: Map<string, number>;
  roles: Map<string, Loaded<Role>>;
  candidates: Map<string, CandidateFolder>;
  /** Every document, in path order. */
  documents: Loaded<unknown>[];
  /** Problems found while loading (yaml-syntax and schema), sorted by file and position. */
  diagnostics: Diagnostic[];
}

export interface FileText {
  path: string;
  text: string;
}

/** Reads and validates one document; never throws. */
export function loadDocument(file: FileText): Loaded<unknown> | undefined {
  const location = locateDocument(file.path);
  if (!location) return undefined;
  // The document read becomes the loaded one: copying its fields costs more than the rest of this function.
  const loaded: Loaded<unknown> = Object.assign(readSourceDocument(file.path, file.text, location), {
    value: undefined,
  });
  if (loaded.data) {
    const result = validateAgainst(documentSchemas[loaded.kind], {
      file: loaded.path,
      data: loaded.data,
      positions: loaded.positions,
      fallback: { line: 1, column: 1 },
    });
    loaded.value = result.value;
    if (result.diagnostics.length > 0) loaded.diagnostics = [...loaded.diagnostics, ...result.diagnostics];
  }
  return loaded;
}

/** Builds the indexed workspace from already loaded documents. */
export function buildWorkspace(config: Config, documents: Loaded<unknown>[]): Workspace {
  const sorted = [...documents].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const workspace: Workspace = {
    config,
    people: new Map(config.people.map((person) => [person.id, person])),
    stages: config.stages,
    stageOrder: new Map(config.stages.map((stage, index) => [stage.id, index])),
    roles: new Map(),
    candidates: new Map(),
    documents: sorted,
    diagnostics: sorted.flatMap((document) => document.diagnostics).sort(compareDiagnostics),
  };
  for (const document of sorted) {
    const { location } = document;
    if (location.kind === 'role') {
      workspace.roles.set(location.roleId!, document as Loaded<Role>);
      continue;
    }
    const folder = candidateFolder(workspace, location.candidateId!);
    if (location.kind === 'candidate') folder.profile = document as Loaded<Candidate>;
    else if (location.kind === 'memo') folder.memo = document as Loaded<Memo>;
    else if (location.kind === 'feedback') folder.feedback.push(document as Loaded<Feedback>);
    else if (location.kind === 'survey') folder.surveys.push(document as Loaded<Survey>);
  }
  return workspace;
}

function candidateFolder(workspace: Workspace, id: string): CandidateFolder {
  let folder = workspace.candidates.get(id);
  if (!folder) {
    folder = { id, profile: undefined, memo: undefined, feedback: [], surveys: [] };
    workspace.candidates.set(id, folder);
  }
  return folder;
}
