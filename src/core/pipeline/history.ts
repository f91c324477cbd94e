import type { HandoffEvent, Versions } from '../audit/events.js';
import type { Commit } from '../audit/git-log.js';
import { isDate } from '../dates.js';
import { locateDocument } from '../layout.js';
import type { TimelineEvent } from './timeline.js';

/**
 * The audit trail's events (`handoff log`) in the shape timelines read. Events arrive grouped by
 * candidate and in time order within each (sortEvents), which the timeline relies on.
 */
export function timelineEvents(events: readonly HandoffEvent[]): TimelineEvent[] {
  const result: TimelineEvent[] = [];
  for (const event of events) {
    const { candidate, date } = event;
    if (candidate === null) continue;
    switch (event.type) {
      case 'profile-created':
        result.push({ kind: 'created', candidate, date, stage: event.stage, status: event.status });
        break;
      case 'stage-changed':
        if (event.to !== undefined)
          result.push({ kind: 'stage', candidate, date, from: event.from, to: event.to });
        break;
      case 'status-changed':
        if (event.to !== undefined)
          result.push({ kind: 'status', candidate, date, from: event.from, to: event.to });
        break;
      case 'scorecard-added':
        if (event.path !== undefined) {
          const atMs = Date.parse(event.time);
          result.push({
            kind: 'scorecard',
            candidate,
            date,
            path: event.path,
            atMs: Number.isNaN(atMs) ? undefined : atMs,
          });
        }
        break;
      default:
        break;
    }
  }
  return result;
}

/**
 * Every `last_contact` a candidate's profile ever held, read from the profile versions the audit
 * trail already read: a profile keeps only the latest contact, the history keeps them all.
 */
export function contactEvents(commits: readonly Commit[], versions: Pick<Versions, 'get'>): TimelineEvent[] {
  const result: TimelineEvent[] = [];
  for (const commit of commits) {
    for (const change of commit.changes) {
      if (change.status === 'D' || change.newBlob === undefined) continue;
      const location = locateDocument(change.path);
      if (location?.kind !== 'candidate') continue;
      const version = versions.get(change.newBlob);
      const contacted = version?.readable ? version.data.last_contact : undefined;
      if (!isDate(contacted)) continue;
      result.push({
        kind: 'contact',
        candidate: location.candidateId!,
        date: commit.date.slice(0, 10),
        contacted,
      });
    }
  }
  return result;
}
