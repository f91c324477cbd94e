import type { MetricsReport } from '../core/pipeline/metrics.js';

type Value = string | number | null;

/**
 * Every figure as one long table (metric, dimension, group, measure, value), which spreadsheets pivot
 * without knowing the report's shape. Empty figures are empty cells. Notices are not rows: the
 * command prints them on standard error so the CSV stays data only.
 */
export function formatMetricsCsv(report: MetricsReport): string {
  const rows: Value[][] = [['metric', 'dimension', 'group', 'measure', 'value']];
  const add = (metric: string, dimension: string, group: string, figures: Record<string, unknown>) => {
    for (const [measure, value] of Object.entries(figures)) {
      if (value !== null && typeof value === 'object') {
        for (const [key, nested] of Object.entries(value))
          rows.push([metric, dimension, group, `${measure}_${key}`, nested as Value]);
      } else rows.push([metric, dimension, group, measure, value as Value]);
    }
  };
  const { cohort } = report;
  add('cohort', '', '', cohort);
  for (const { role, ...figures } of report.time_to_decision) add('time_to_decision', 'role', role, figures);
  for (const { stage, ...figures } of report.time_in_stage) add('time_in_stage', 'stage', stage, figures);
  for (const { stage, ...figures } of report.pass_through) add('pass_through', 'stage', stage, figures);
  for (const { stage, ...figures } of report.offer_conversion)
    add('offer_conversion', 'stage', stage, figures);
  for (const { stage, ...figures } of report.drop_out) add('drop_out', 'stage', stage, figures);
  const experience = report.candidate_experience;
  add('candidate_experience', '', 'all', { ...experience.overall, excluded: experience.excluded });
  for (const { stage, ...figures } of experience.by_stage)
    add('candidate_experience', 'stage', stage, figures);
  for (const { role, ...figures } of experience.by_role) add('candidate_experience', 'role', role, figures);
  for (const { month, ...figures } of experience.by_month)
    add('candidate_experience', 'month', month, figures);
  add('scorecard_timeliness', '', '', report.scorecard_timeliness);
  add('update_cadence', '', '', report.update_cadence);
  for (const { channel, ...figures } of report.source_channel)
    add('source_channel', 'channel', channel, figures);
  return rows
    .map((row) => row.map(cell).join(','))
    .join('\r\n')
    .concat('\r\n');
}

/** RFC 4180 quoting; text that a spreadsheet would run as a formula is prefixed with an apostrophe. */
function cell(value: Value): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(Math.round(value * 10_000) / 10_000);
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
