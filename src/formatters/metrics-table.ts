import type { ExperienceFigures, MetricsReport } from '../core/pipeline/metrics.js';
import { clean } from './status-text.js';

export interface TableStyle {
  heading(text: string): string;
  dim(text: string): string;
}

const plain: TableStyle = { heading: (text) => text, dim: (text) => text };

/** Every figure as aligned text tables, each under a heading that says what it counts. */
export function formatMetricsTable(report: MetricsReport, style: TableStyle = plain): string {
  const { cohort } = report;
  const window =
    cohort.since || cohort.until
      ? `applied ${cohort.since ?? 'any time'} to ${cohort.until ?? 'now'}`
      : 'every application';
  const source = {
    history: 'the Git history',
    documents: 'the documents alone',
    mixed: 'the Git history and the documents',
  }[cohort.dates_from];
  const out: string[] = [
    style.heading(`Process metrics on ${cohort.now}`),
    `Cohort: ${window}${cohort.role ? `, role ${cohort.role}` : ''}; ${cohort.candidates} candidate${cohort.candidates === 1 ? '' : 's'}; stage dates from ${source}.`,
    ...report.notices.map((notice) => style.dim(`Note: ${notice}`)),
    style.dim('Definitions: docs/metrics.md'),
  ];
  const section = (title: string, lines: string[]) => out.push('', style.heading(title), ...lines);

  section(
    'Time to decision (days from application to hired, rejected or withdrawn)',
    table(
      ['role', 'decided', 'median', 'p75'],
      report.time_to_decision.map((row) => [
        row.role,
        row.decided,
        days(row.median_days),
        days(row.p75_days),
      ]),
    ),
  );
  section(
    'Time in stage (days, finished stays)',
    table(
      ['stage', 'stays', 'median'],
      report.time_in_stage.map((row) => [row.stage, row.stays, days(row.median_days)]),
    ),
  );
  section(
    'Pass-through (of those who left the stage, the share who entered a later one)',
    table(
      ['stage', 'left', 'passed', 'actual', 'skipped', 'implied left', 'implied passed', 'implied'],
      report.pass_through.map((row) => [
        row.stage,
        row.left,
        row.passed,
        percent(row.actual),
        row.skipped,
        row.implied_left,
        row.implied_passed,
        percent(row.implied),
      ]),
    ),
  );
  section(
    `Interview-to-offer conversion (of those who reached the stage, the share who reached ${cohort.offer_stage ?? 'the offer stage'})`,
    table(
      ['stage', 'reached', 'reached offer', 'still open', 'share'],
      report.offer_conversion.map((row) => [
        row.stage,
        row.reached,
        row.reached_offer,
        row.still_open,
        percent(row.share),
      ]),
    ),
  );
  section(
    'Drop-out (withdrawals in the stage)',
    table(
      ['stage', 'reached', 'withdrawn', 'share'],
      report.drop_out.map((row) => [row.stage, row.reached, row.withdrawn, percent(row.share)]),
    ),
  );
  const experience = report.candidate_experience;
  const experienceRows = (label: string, rows: (ExperienceFigures & { name: string })[]) =>
    table(
      [label, 'responses', 'mean', '1', '2', '3', '4', '5'],
      rows.map((row) => [row.name, row.responses, score(row.mean), ...Object.values(row.distribution)]),
    );
  section('Candidate experience (survey score, 1 to 5)', [
    ...experienceRows('stage', [
      ...experience.by_stage.map((row) => ({ ...row, name: row.stage })),
      { ...experience.overall, name: 'all' },
    ]),
    '',
    ...experienceRows(
      'role',
      experience.by_role.map((row) => ({ ...row, name: row.role })),
    ),
    ...(experience.excluded > 0
      ? [style.dim(`  ${experience.excluded} survey(s) with an out-of-range score left out`)]
      : []),
  ]);
  const timeliness = report.scorecard_timeliness;
  section('Scorecard timeliness', [
    `  ${timeliness.scorecards} scorecard(s) with a submission time; ${timeliness.on_time} (${percent(timeliness.share_on_time)}) ` +
      `within ${timeliness.due_hours} hours of the end of the interview day; ` +
      `median ${hours(timeliness.median_hours)} hours from the start of the interview day` +
      (timeliness.without_time > 0 ? `; ${timeliness.without_time} without a submission time` : ''),
  ]);
  const cadence = report.update_cadence;
  section('Update cadence', [
    `  ${percent(cadence.share)} of ${cadence.candidate_days} active candidate-days were within ${cadence.update_days} days of the last contact ` +
      `(${cadence.covered_days} covered)`,
  ]);
  section(
    'Source channel',
    table(
      ['channel', 'candidates', 'offers', 'hired'],
      report.source_channel.map((row) => [row.channel, row.candidates, row.offers, row.hired]),
    ),
  );
  return `${out.join('\n')}\n`;
}

type Cell = string | number;

/** A text table: the first column left-aligned, the others right-aligned, two spaces between. */
export function table(headers: string[], rows: Cell[][]): string[] {
  const text = [headers, ...rows.map((row) => row.map((cell) => clean(String(cell))))];
  const widths = headers.map((_, column) => Math.max(...text.map((row) => (row[column] ?? '').length)));
  return text.map(
    (row) =>
      `  ${row
        .map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!)))
        .join('  ')
        .trimEnd()}`,
  );
}

const dash = '-';
export const days = (value: number | null): string => (value === null ? dash : value.toFixed(1));
export const hours = (value: number | null): string => (value === null ? dash : value.toFixed(1));
export const score = (value: number | null): string => (value === null ? dash : value.toFixed(2));
export const percent = (value: number | null): string =>
  value === null ? dash : `${(value * 100).toFixed(1)}%`;
