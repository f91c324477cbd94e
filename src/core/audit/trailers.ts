/**
 * Reads the `Handoff-*` trailers that `handoff advance` (and `new --commit`) write. They are read from
 * the whole message, not only its last paragraph, because a squash merge stacks the messages (and
 * trailers) of every squashed commit into one body; each block of trailers is one record.
 */

import { candidateStatuses, SLUG_PATTERN } from '../../../schemas/vocabulary.js';
import { isDate } from '../dates.js';

/** A stage or status move recorded by trailers. */
export interface MoveRecord {
  candidate: string;
  stage?: string;
  status?: string;
  from?: string;
  /** Handoff-Date: when the move happened, if it was recorded after the fact. */
  date?: string;
  /** Handoff-Override: why the gate (or the order of stages) was overridden. */
  override?: string;
}

export interface MalformedTrailer {
  candidate: string | null;
  message: string;
}

export interface TrailerReading {
  moves: MoveRecord[];
  malformed: MalformedTrailer[];
}

/** Events whose trailers record a move; other events (new-candidate, new-memo, ...) are seen in the files. */
const MOVE_EVENTS = new Set(['advance']);
const KNOWN_KEYS = new Set(['event', 'candidate', 'from', 'stage', 'status', 'date', 'override']);
const HANDOFF_LINE = /^Handoff-([A-Za-z]+(?:-[A-Za-z]+)*)[ \t]*:[ \t]*(.*?)[ \t]*$/i;
const OTHER_TRAILER = /^[A-Za-z0-9][A-Za-z0-9-]*:[ \t]/;

export function readHandoffTrailers(message: string): TrailerReading {
  const reading: TrailerReading = { moves: [], malformed: [] };
  if (!/handoff-/i.test(message)) return reading;
  for (const group of trailerGroups(message)) judgeGroup(group, reading);
  return reading;
}

function trailerGroups(message: string): Map<string, string>[] {
  const groups: Map<string, string>[] = [];
  let current: Map<string, string> | undefined;
  for (const rawLine of message.split('\n')) {
    const line = rawLine.replace(/\r$/, '');
    const match = HANDOFF_LINE.exec(line);
    if (!match) {
      if (!OTHER_TRAILER.test(line)) current = undefined;
      continue;
    }
    const key = match[1]!.toLowerCase();
    if (!KNOWN_KEYS.has(key)) continue;
    if (!current || current.has(key)) {
      current = new Map();
      groups.push(current);
    }
    current.set(key, match[2]!);
  }
  return groups;
}

function judgeGroup(group: Map<string, string>, reading: TrailerReading): void {
  const event = group.get('event');
  const rawCandidate = group.get('candidate');
  const candidate = rawCandidate !== undefined && SLUG_PATTERN.test(rawCandidate) ? rawCandidate : null;
  const problems: string[] = [];
  if (rawCandidate !== undefined && candidate === null) {
    problems.push(`Handoff-Candidate "${clip(rawCandidate)}" is not a candidate id`);
  }
  if (event === undefined) {
    problems.push('Handoff-Event is missing');
  } else if (!SLUG_PATTERN.test(event)) {
    problems.push(`Handoff-Event "${clip(event)}" is not an event name`);
  }
  if (event !== undefined && MOVE_EVENTS.has(event)) {
    if (rawCandidate === undefined) problems.push('Handoff-Candidate is missing');
    const stage = group.get('stage');
    const status = group.get('status');
    const from = group.get('from');
    const date = group.get('date');
    const override = group.get('override');
    if (stage === undefined && status === undefined)
      problems.push('neither Handoff-Stage nor Handoff-Status is given');
    if (stage !== undefined && !SLUG_PATTERN.test(stage))
      problems.push(`Handoff-Stage "${clip(stage)}" is not a stage id`);
    if (status !== undefined && !(candidateStatuses as readonly string[]).includes(status)) {
      problems.push(`Handoff-Status "${clip(status)}" is not one of ${candidateStatuses.join(', ')}`);
    }
    if (from !== undefined && !SLUG_PATTERN.test(from))
      problems.push(`Handoff-From "${clip(from)}" is not a stage id`);
    if (date !== undefined && !isDate(date))
      problems.push(`Handoff-Date "${clip(date)}" is not a date written as YYYY-MM-DD`);
    if (override !== undefined && override === '') problems.push('Handoff-Override gives no reason');
    if (problems.length === 0 && candidate !== null) {
      const move: MoveRecord = { candidate };
      if (stage !== undefined) move.stage = stage;
      if (status !== undefined) move.status = status;
      if (from !== undefined) move.from = from;
      if (date !== undefined) move.date = date;
      if (override !== undefined) move.override = override;
      reading.moves.push(move);
      return;
    }
  }
  if (problems.length > 0) reading.malformed.push({ candidate, message: problems.join('; ') });
}

/** Trailer values are shown in messages, shortened so that a pasted paragraph does not flood the log. */
function clip(value: string): string {
  return value.length > 40 ? `${value.slice(0, 37)}...` : value;
}
