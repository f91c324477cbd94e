import { type Dirent, readdirSync } from 'node:fs';
import { join } from 'node:path';

// Listing the repository's documents: kept apart from writing files so that a lint worker thread
// loads no more than it reads with.

/** Every path of the repository layout that may hold a document, relative to the root, sorted. */
export function listDocumentPaths(root: string): string[] {
  const found = listRolePaths(root);
  for (const candidate of listCandidateIds(root)) found.push(...listCandidateDocumentPaths(root, candidate));
  return found.sort();
}

/** The paths of roles/*.md, relative to the root. */
export function listRolePaths(root: string): string[] {
  return markdownFiles(join(root, 'roles')).map((name) => `roles/${name}`);
}

function markdownFiles(folder: string): string[] {
  return entries(folder)
    .filter(isMarkdownFile)
    .map((entry) => entry.name);
}

function isMarkdownFile(entry: Dirent): boolean {
  return entry.isFile() && entry.name.endsWith('.md');
}

function subfolders(folder: string): string[] {
  return entries(folder)
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name);
}

function entries(folder: string) {
  try {
    return readdirSync(folder, { withFileTypes: true });
  } catch {
    return [];
  }
}

/** The candidate folder names under candidates/, sorted; reads the folder listing only, no file. */
export function listCandidateIds(root: string): string[] {
  return subfolders(join(root, 'candidates')).sort();
}

/** The document paths of one candidate's folder (profile, memo, scorecards, surveys), relative to the root, sorted. */
export function listCandidateDocumentPaths(root: string, candidateId: string): string[] {
  const folder = join(root, 'candidates', candidateId);
  const found: string[] = [];
  // One listing of the folder says which sub-folders exist, so missing ones cost no failed read.
  for (const entry of entries(folder)) {
    if (isMarkdownFile(entry)) found.push(`candidates/${candidateId}/${entry.name}`);
    else if (entry.isDirectory() && (entry.name === 'feedback' || entry.name === 'surveys')) {
      for (const file of entries(join(folder, entry.name)))
        if (isMarkdownFile(file)) found.push(`candidates/${candidateId}/${entry.name}/${file.name}`);
    }
  }
  return found.sort();
}
