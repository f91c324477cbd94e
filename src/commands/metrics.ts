import { computeMetrics, type MetricsReport } from '../core/pipeline/metrics.js';
import { HandoffError } from '../errors.js';
import { dateOption, loadPipeline, type Pipeline, today } from '../io/pipeline.js';
import type { CommandContext } from './context.js';
import { checkFilters, roundedJson } from './pipeline-options.js';

interface MetricsOptions {
  since?: string;
  until?: string;
  role?: string;
  now?: string;
  format?: 'table' | 'json' | 'csv';
}

export async function metricsCommand(context: CommandContext, options: MetricsOptions): Promise<number> {
  const now = dateOption('--now', options.now) ?? today();
  const since = dateOption('--since', options.since);
  const until = dateOption('--until', options.until);
  if (since !== undefined && until !== undefined && since > until) {
    throw new HandoffError('usage', `--since ${since} is after --until ${until}`, {
      fix: 'Give the earlier date to --since and the later one to --until.',
    });
  }
  const pipeline = await loadPipeline(context, ['feedback', 'survey']);
  checkFilters(pipeline, { role: options.role });
  const report = metricsReport(pipeline, now, { since, until, role: options.role });
  const { io } = context;
  const format = options.format ?? 'table';
  if (format === 'json') {
    io.stdout.write(roundedJson(report));
  } else if (format === 'csv') {
    const { formatMetricsCsv } = await import('../formatters/metrics-csv.js');
    io.stdout.write(formatMetricsCsv(report));
    for (const notice of report.notices) io.stderr.write(`handoff: note: ${notice}\n`);
  } else {
    const { formatMetricsTable } = await import('../formatters/metrics-table.js');
    const { createColors } = await import('../io/colors.js');
    const colors = createColors(context.color);
    io.stdout.write(formatMetricsTable(report, { heading: colors.bold, dim: colors.dim }));
  }
  return 0;
}

/** The metrics of a loaded pipeline (shared with the dashboard). */
export function metricsReport(
  pipeline: Pipeline,
  now: string,
  filter: { since?: string | undefined; until?: string | undefined; role?: string | undefined },
): MetricsReport {
  const { config } = pipeline.workspace;
  return computeMetrics({
    timelines: pipeline.timelines.timelines,
    stages: config.stages,
    cadence: config.cadence,
    now,
    ...filter,
    datesFrom: pipeline.timelines.datesFrom,
    notices: pipeline.timelines.notices,
  });
}
