import type { ActionItem, ActionKind, BoardRole, StatusReport } from '../core/pipeline/status.js';

export interface StatusStyle {
  heading(text: string): string;
  dim(text: string): string;
  warn(text: string): string;
}

const plain: StatusStyle = { heading: (text) => text, dim: (text) => text, warn: (text) => text };

export const actionLabels: Record<ActionKind, string> = {
  'scorecard-overdue': 'scorecard past due',
  'decision-overdue': 'decision past due',
  limbo: 'no update (limbo)',
  stalled: 'stalled in stage',
  'gate-missing': 'gate prerequisite missing',
};

/** The board, then what needs action most urgent first, then the bottleneck: for people at a terminal. */
export function formatStatusText(report: StatusReport, style: StatusStyle = plain): string {
  const lines: string[] = [];
  const scope = [
    report.filter.role && `role ${report.filter.role}`,
    report.filter.owner && `for ${report.filter.owner}`,
  ]
    .filter(Boolean)
    .join(', ');
  lines.push(
    style.heading(`${clean(report.organization)} pipeline on ${report.now}${scope ? ` (${scope})` : ''}`),
  );
  for (const notice of report.notices) lines.push(style.dim(`Note: ${notice}`));
  lines.push('');

  if (report.board.length === 0) lines.push('No open roles and no candidates in process.', '');
  const empty = report.filter.owner
    ? `  no next steps owned by ${report.filter.owner}`
    : '  no candidates in process';
  for (const role of report.board) lines.push(...boardLines(role, style, empty), '');

  if (report.actions.length === 0) {
    lines.push(
      style.heading(`Needs action: nothing${report.filter.owner ? ` for ${report.filter.owner}` : ''}`),
      '',
    );
  } else {
    lines.push(style.heading(`Needs action: ${report.actions.length}, most urgent first`));
    lines.push(...actionLines(report.actions, style), '');
  }

  const bottleneck = report.bottleneck;
  lines.push(
    bottleneck
      ? `${style.heading('Bottleneck:')} ${clean(bottleneck.name)}: ${plural(bottleneck.candidates, 'active candidate')}, ` +
          `median ${plural(bottleneck.median_days, 'day')} in the stage (longest ${plural(bottleneck.longest_days, 'day')})`
      : `${style.heading('Bottleneck:')} none (no active candidate with a known stage date)`,
  );
  return `${lines.join('\n')}\n`;
}

function boardLines(role: BoardRole, style: StatusStyle, empty: string): string[] {
  const title = role.title ? `${clean(role.title)} (${role.role})` : role.role;
  const people = [
    role.hiring_manager && `hiring manager ${role.hiring_manager}`,
    role.recruiter && `recruiter ${role.recruiter}`,
  ];
  const state =
    role.status === null ? 'role file not found' : role.status !== 'open' ? `role ${role.status}` : undefined;
  const lines = [style.heading([title, ...people, state].filter(Boolean).join(' · '))];
  if (role.stages.length === 0) return [...lines, style.dim(empty)];
  const rows = role.stages.flatMap((stage) => stage.candidates);
  const nameWidth = Math.min(28, Math.max(...rows.map((row) => clean(row.name).length)));
  const actionWidth = Math.min(44, Math.max(9, ...rows.map((row) => clean(row.next_step ?? '').length)));
  const ownerWidth = Math.max(5, ...rows.map((row) => (row.owner ?? '').length));
  for (const stage of role.stages) {
    lines.push(`  ${clean(stage.name)}`);
    for (const row of stage.candidates) {
      const name = truncate(clean(row.name), nameWidth).padEnd(nameWidth);
      const days = row.days_in_stage === null ? '   ? days' : plural(row.days_in_stage, 'day').padStart(9);
      const action = truncate(clean(row.next_step ?? '-'), actionWidth).padEnd(actionWidth);
      const owner = (row.owner ?? '-').padEnd(ownerWidth);
      const due = row.due ? (row.overdue ? style.warn(`due ${row.due} (overdue)`) : `due ${row.due}`) : '';
      const hold = row.status === 'on-hold' ? style.dim(' [on hold]') : '';
      lines.push(`    ${name}  ${days}  ${action}  ${owner}  ${due}${hold}`.trimEnd());
    }
  }
  return lines;
}

function actionLines(actions: ActionItem[], style: StatusStyle): string[] {
  const lateWidth = Math.max(...actions.map((action) => lateText(action).length));
  const labelWidth = Math.max(...actions.map((action) => actionLabels[action.kind].length));
  const nameWidth = Math.min(28, Math.max(...actions.map((action) => clean(action.name).length)));
  return actions.map((action) => {
    const late = lateText(action).padStart(lateWidth);
    const label = actionLabels[action.kind].padEnd(labelWidth);
    const name = truncate(clean(action.name), nameWidth).padEnd(nameWidth);
    const owner = action.owner ? style.dim(`  -> ${action.owner}`) : '';
    return `  ${style.warn(late)}  ${label}  ${name}  ${clean(action.detail)}${owner}`;
  });
}

function lateText(action: ActionItem): string {
  if (action.kind === 'gate-missing')
    return action.days_overdue > 0 ? `in stage ${action.days_overdue}d` : 'now';
  return `${action.days_overdue}d late`;
}

function plural(n: number, noun: string): string {
  const value = Number.isInteger(n) ? String(n) : n.toFixed(1);
  return `${value} ${noun}${n === 1 ? '' : 's'}`;
}

function truncate(text: string, width: number): string {
  return text.length <= width ? text : `${text.slice(0, width - 1)}…`;
}

/** Document text reaches a terminal: control characters (escape sequences) are replaced. */
export function clean(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ');
}
