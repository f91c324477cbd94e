import { HandoffError } from '../../errors.js';
import { closest } from '../suggest.js';

export interface CandidateEntry {
  id: string;
  /** The profile's name, when the profile could be read. */
  name: string | undefined;
}

/** How many choices an error lists before it says how many more there are. */
const LISTED = 20;

/** Lower case without accents, so that "ana lima", "Ána" and "ANA" find "Ana Lima". */
export function foldForSearch(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

/**
 * Finds the candidate a person meant: an exact id, else the one candidate whose name (or id) contains
 * what was typed. Several matches are refused with the list; none is refused with the valid ids.
 */
export function matchCandidate(query: string, entries: readonly CandidateEntry[]): string {
  const exact = entries.find((entry) => entry.id === query);
  if (exact) return exact.id;
  const wanted = foldForSearch(query);
  if (wanted === '') throw notFound(query, entries);

  const byName = entries.filter((entry) => entry.name !== undefined && foldForSearch(entry.name) === wanted);
  if (byName.length === 1) return byName[0]!.id;
  const matches = byName.length > 1 ? byName : entries.filter((entry) => contains(entry, wanted));
  if (matches.length === 1) return matches[0]!.id;
  if (matches.length === 0) throw notFound(query, entries);
  throw new HandoffError('ambiguous', `"${query}" matches ${matches.length} candidates`, {
    details: listed(matches.map(describe)),
    fix: 'Give the candidate id, or more of the name.',
  });
}

function contains(entry: CandidateEntry, wanted: string): boolean {
  if (foldForSearch(entry.id).includes(wanted)) return true;
  if (entry.name === undefined) return false;
  const name = foldForSearch(entry.name);
  return name.includes(wanted) || name.replace(/[^a-z0-9]+/g, '-').includes(wanted);
}

function describe(entry: CandidateEntry): string {
  return entry.name ? `${entry.id} (${entry.name})` : entry.id;
}

function notFound(query: string, entries: readonly CandidateEntry[]): HandoffError {
  if (entries.length === 0) {
    return new HandoffError(
      'not-found',
      `there is no candidate "${query}": the repository has no candidates yet`,
      {
        fix: 'Add one with "handoff new candidate".',
      },
    );
  }
  const suggestion = closest(
    query,
    entries.map((entry) => entry.id),
  );
  const ids = entries.map((entry) => entry.id).sort();
  return new HandoffError('not-found', `there is no candidate "${query}"`, {
    details: ['Valid candidate ids:', ...listed(ids).map((line) => `  ${line}`)],
    fix: suggestion
      ? `Did you mean "${suggestion}"? Give a candidate id or a unique part of the name.`
      : 'Give a candidate id or a unique part of the name.',
  });
}

export function listed(items: readonly string[]): string[] {
  if (items.length <= LISTED) return [...items];
  return [...items.slice(0, LISTED), `... and ${items.length - LISTED} more`];
}
