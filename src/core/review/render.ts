/** Pure renderers of a review summary: Markdown for a pull-request comment, and JSON. */
import type { CandidateDocuments, GateStatus, ReviewSummary, RoleChange } from './summary.js';

export function renderReviewJson(summary: ReviewSummary): string {
  return `${JSON.stringify(summary, null, 2)}\n`;
}

export function renderReviewMarkdown(summary: ReviewSummary): string {
  const lines: string[] = ['## Handoff review', ''];
  const range = `${code(summary.base.ref)} (${summary.base.commit.slice(0, 7)}) → ${code(summary.head.ref)} (${summary.head.commit.slice(0, 7)})`;
  const counts = [
    count(summary.documents.length, 'candidate'),
    count(summary.roles.length, 'role'),
    count(
      summary.documents.reduce((total, candidate) => total + candidate.documents.length, 0),
      'candidate document',
    ),
  ];
  const empty = summary.documents.length === 0 && summary.roles.length === 0 && !summary.configChanged;
  const listed = counts.filter((text) => !text.startsWith('0 '));
  lines.push(
    empty || listed.length === 0
      ? `${range}: no handoff document changed.`
      : `${range}: ${listed.join(', ')} changed.`,
  );
  if (summary.configChanged)
    lines.push(
      '',
      `${code('handoff.config.yaml')} changed: check the stages, people and access rules it sets.`,
    );
  if (empty) return `${lines.join('\n')}\n`;

  if (summary.candidatesAdded.length > 0) {
    lines.push('', '### Candidates added', '');
    for (const candidate of summary.candidatesAdded) {
      const name = candidate.name ? ` (${escapeMarkdown(candidate.name)})` : '';
      const where = [
        candidate.role,
        candidate.stage ? `at ${candidate.stage}` : undefined,
        candidate.status !== 'active' ? candidate.status : undefined,
      ]
        .filter(Boolean)
        .join(', ');
      lines.push(
        `- **${candidate.id}**${name}${where ? `: ${where}` : ''}${candidate.gate ? `; gate ${gateText(candidate.gate)}` : ''}`,
      );
    }
  }

  if (summary.moves.length > 0) {
    lines.push(
      '',
      '### Stage and status changes',
      '',
      '| Candidate | Change | Gate at the head |',
      '| --- | --- | --- |',
    );
    for (const move of summary.moves) {
      const change = [
        move.stage ? `stage ${move.stage.from} → ${move.stage.to}` : undefined,
        move.status ? `status ${move.status.from} → ${move.status.to}` : undefined,
      ]
        .filter(Boolean)
        .join('; ');
      lines.push(`| ${move.id} | ${change} | ${move.gate ? gateText(move.gate) : '-'} |`);
    }
  }

  if (summary.documents.length > 0) {
    lines.push('', '### Documents', '');
    for (const candidate of summary.documents)
      lines.push(`- **${candidate.id}**: ${documentsText(candidate)}`);
  }

  if (summary.roles.length > 0) {
    lines.push('', '### Roles', '');
    for (const role of summary.roles) lines.push(`- ${roleText(role)}`);
  }

  lines.push('', '### Lint findings in the changed documents', '');
  if (summary.findings.length === 0) lines.push('None.');
  for (const finding of summary.findings.slice(0, 50)) {
    lines.push(
      `- ${code(`${finding.file}:${finding.line}:${finding.column}`)} ${finding.severity} ${code(finding.ruleId)}: ${escapeMarkdown(finding.message)}`,
    );
  }
  if (summary.findings.length > 50)
    lines.push(`- ... and ${summary.findings.length - 50} more ("handoff lint" lists them all)`);

  if (summary.checklist.length > 0) {
    lines.push('', '### Reviewer checklist', '');
    for (const item of summary.checklist) lines.push(`- [ ] ${escapeMarkdown(item)}`);
  }
  return `${lines.join('\n')}\n`;
}

function gateText(gate: GateStatus): string {
  if (gate.met) return `${gate.stage}: met`;
  return `${gate.stage}: **not met**: ${gate.missing.map((item) => escapeMarkdown(item.message)).join('; ')}`;
}

function documentsText(candidate: CandidateDocuments): string {
  const groups = new Map<string, string[]>();
  for (const document of candidate.documents) {
    const list = groups.get(document.change) ?? [];
    list.push(
      document.previousPath
        ? `${code(document.path)} (from ${code(document.previousPath)})`
        : code(document.path),
    );
    groups.set(document.change, list);
  }
  return [...groups].map(([change, list]) => `${change} ${list.join(', ')}`).join('; ');
}

function roleText(role: RoleChange): string {
  const title = role.title ? ` (${escapeMarkdown(role.title)})` : '';
  if (role.change !== 'changed') return `**${role.id}**${title}: ${role.change}`;
  const parts = role.parts.length > 0 ? `${joinAnd(role.parts)} changed` : 'changed (wording only)';
  const affects =
    role.affects.length > 0
      ? `; affects ${count(role.affects.length, 'active candidate')}: ${shortList(role.affects)}`
      : '';
  return `**${role.id}**${title}: ${parts}${affects}`;
}

/** A list that stays readable in a comment: the first twenty, then how many more. */
function shortList(ids: readonly string[]): string {
  return ids.length <= 20 ? ids.join(', ') : `${ids.slice(0, 20).join(', ')} and ${ids.length - 20} more`;
}

function joinAnd(items: string[]): string {
  return items.length <= 1
    ? (items[0] ?? '')
    : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

function code(text: string): string {
  return `\`${text.replace(/`/g, "'")}\``;
}

/** Text from documents goes into Markdown as text: no links, emphasis, HTML or table breaks. */
function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>|#]/g, (char) => `\\${char}`).replace(/\r?\n/g, ' ');
}
