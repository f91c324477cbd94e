/** Pure formatters for `handoff log`: a readable trail per candidate, and NDJSON for machines. */
import type { HandoffEvent } from './events.js';

export interface TextStyle {
  heading(text: string): string;
  dim(text: string): string;
}

const plain: TextStyle = { heading: (text) => text, dim: (text) => text };

/** One block per candidate: date, what happened, who, which commit, whether it was signed. */
export function formatEventsText(events: readonly HandoffEvent[], style: TextStyle = plain): string {
  const blocks: string[] = [];
  let group: HandoffEvent[] = [];
  const flush = () => {
    if (group.length === 0) return;
    const candidate = group[0]!.candidate;
    const rows = group.map((event) => ({ event, what: describeEvent(event) }));
    const width = Math.min(64, Math.max(...rows.map((row) => row.what.length)));
    const authorWidth = Math.min(24, Math.max(...rows.map((row) => row.event.author.length)));
    const lines = rows.map(({ event, what }) => {
      const signed = signatureNote(event.signature);
      const tail = `${event.author.padEnd(authorWidth)}  ${event.commit.slice(0, 7)}${signed ? `  ${signed}` : ''}`;
      return `  ${event.date}  ${what.padEnd(width)}  ${style.dim(tail)}`.trimEnd();
    });
    blocks.push([style.heading(candidate ?? '(no candidate named)'), ...lines].join('\n'));
    group = [];
  };
  for (const event of events) {
    if (group.length > 0 && group[0]!.candidate !== event.candidate) flush();
    group.push(event);
  }
  flush();
  return blocks.length === 0 ? '' : `${blocks.join('\n\n')}\n`;
}

/** One JSON object per line, keys always in the same order. */
export function formatEventsNdjson(events: readonly HandoffEvent[]): string {
  // A replacer list orders the keys (and JSON leaves out the undefined ones) without copying each event.
  return events.map((event) => `${JSON.stringify(event, KEY_ORDER)}\n`).join('');
}

const KEY_ORDER: string[] = [
  'candidate',
  'type',
  'date',
  'from',
  'to',
  'stage',
  'status',
  'path',
  'previousPath',
  'interview',
  'interviewer',
  'role',
  'changes',
  'override',
  'message',
  'source',
  'author',
  'commit',
  'time',
  'signed',
  'signature',
];

export function describeEvent(event: HandoffEvent): string {
  const recorded = event.date !== event.time.slice(0, 10) ? `, recorded ${event.time.slice(0, 10)}` : '';
  const byHand = event.source === 'front-matter' ? ', edited by hand' : '';
  const override = event.override ? `, gate overridden: ${event.override}` : '';
  const notes = (text: string) => (text === '' ? '' : ` (${text.slice(2)})`);
  switch (event.type) {
    case 'profile-created': {
      const at = event.stage ? ` at ${event.stage}` : '';
      const status = event.status && event.status !== 'active' ? `, ${event.status}` : '';
      return `profile created${at}${status}`;
    }
    case 'profile-removed':
      return 'profile removed';
    case 'stage-changed':
      return `stage ${event.from ?? '?'} → ${event.to}${notes(`${override}${byHand}${recorded}`)}`;
    case 'status-changed':
      return `status ${event.from ?? '?'} → ${event.to}${notes(`${override}${byHand}${recorded}`)}`;
    case 'scorecard-added':
    case 'scorecard-changed':
    case 'scorecard-removed':
      return `scorecard ${event.type.slice('scorecard-'.length)}: ${event.interview} by ${event.interviewer}`;
    case 'survey-added':
    case 'survey-changed':
    case 'survey-removed':
      return `survey ${event.type.slice('survey-'.length)}: ${fileName(event.path)}`;
    case 'memo-added':
    case 'memo-changed':
    case 'memo-removed':
      return `memo ${event.type.slice('memo-'.length)}`;
    case 'renamed':
      return event.from && event.to
        ? `renamed from ${event.from}`
        : `renamed ${insideFolder(event.previousPath)} → ${insideFolder(event.path)}`;
    case 'role-changed':
      return `role ${event.role}: ${(event.changes ?? []).join(' and ')} changed while active`;
    case 'unreadable-front-matter':
      return `front matter unreadable: ${event.message}`;
    case 'malformed-trailer':
      return `malformed trailer: ${event.message}`;
  }
}

/** `candidates/<id>/surveys/x.md` -> `surveys/x.md`: the candidate is the heading already. */
function insideFolder(path: string | undefined): string {
  return path ? path.split('/').slice(2).join('/') : '';
}

function fileName(path: string | undefined): string {
  return path ? (path.split('/').pop() ?? path).replace(/\.md$/, '') : '';
}

function signatureNote(letter: string): string {
  switch (letter) {
    case 'N':
      return '';
    case 'G':
    case 'U':
      return 'signed';
    case 'B':
      return 'BAD signature';
    case 'X':
    case 'Y':
      return 'signed (expired)';
    case 'R':
      return 'signed (revoked key)';
    default:
      return 'signed (not verified)';
  }
}
