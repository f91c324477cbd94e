import type { DocumentKind } from '../../schemas/common.js';

/** What a document's path says about it: its kind and the ids the path encodes. */
export interface DocumentLocation {
  kind: DocumentKind;
  roleId?: string;
  candidateId?: string;
  interviewId?: string;
  personId?: string;
  date?: string;
}

export const CONFIG_FILE = 'handoff.config.yaml';
export const ROLES_DIR = 'roles';
export const CANDIDATES_DIR = 'candidates';
export const TEMPLATES_DIR = '.handoff/templates';

/** Classifies a repository-relative path (forward slashes); undefined for files outside the layout. */
export function locateDocument(path: string): DocumentLocation | undefined {
  const parts = path.split('/');
  if (!path.endsWith('.md')) return undefined;
  if (parts.length === 2 && parts[0] === ROLES_DIR) return { kind: 'role', roleId: stem(parts[1]!) };
  if (parts.length < 3 || parts[0] !== CANDIDATES_DIR) return undefined;
  const candidateId = parts[1]!;
  if (parts.length === 3 && parts[2] === 'profile.md') return { kind: 'candidate', candidateId };
  if (parts.length === 3 && parts[2] === 'memo.md') return { kind: 'memo', candidateId };
  if (parts.length === 4 && parts[2] === 'feedback') {
    const [interviewId, personId] = stem(parts[3]!).split('--');
    return { kind: 'feedback', candidateId, interviewId: interviewId ?? '', personId: personId ?? '' };
  }
  if (parts.length === 4 && parts[2] === 'surveys')
    return { kind: 'survey', candidateId, date: stem(parts[3]!) };
  return undefined;
}

export const paths = {
  role: (roleId: string) => `${ROLES_DIR}/${roleId}.md`,
  candidateDir: (candidateId: string) => `${CANDIDATES_DIR}/${candidateId}`,
  profile: (candidateId: string) => `${CANDIDATES_DIR}/${candidateId}/profile.md`,
  memo: (candidateId: string) => `${CANDIDATES_DIR}/${candidateId}/memo.md`,
  feedback: (candidateId: string, interviewId: string, personId: string) =>
    `${CANDIDATES_DIR}/${candidateId}/feedback/${interviewId}--${personId}.md`,
  survey: (candidateId: string, date: string) => `${CANDIDATES_DIR}/${candidateId}/surveys/${date}.md`,
};

function stem(fileName: string): string {
  return fileName.replace(/\.md$/, '');
}
