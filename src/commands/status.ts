import { checkGate } from '../core/gates.js';
import type { GateGap, StatusReport } from '../core/pipeline/status.js';
import { buildStatus } from '../core/pipeline/status.js';
import type { Pipeline } from '../io/pipeline.js';
import { dateOption, loadPipeline, today } from '../io/pipeline.js';
import type { CommandContext } from './context.js';
import { checkFilters, roundedJson } from './pipeline-options.js';

interface StatusOptions {
  role?: string;
  owner?: string;
  now?: string;
  json?: boolean;
}

export async function statusCommand(context: CommandContext, options: StatusOptions): Promise<number> {
  const now = dateOption('--now', options.now) ?? today();
  const pipeline = await loadPipeline(context, ['memo', 'feedback']);
  checkFilters(pipeline, { role: options.role, owner: options.owner });
  const report = statusReport(pipeline, now, options);
  const { io } = context;
  if (options.json) {
    io.stdout.write(roundedJson(report));
    return 0;
  }
  const { formatStatusText } = await import('../formatters/status-text.js');
  const { createColors } = await import('../io/colors.js');
  const colors = createColors(context.color);
  io.stdout.write(formatStatusText(report, { heading: colors.bold, dim: colors.dim, warn: colors.yellow }));
  return 0;
}

/** The status report for a loaded pipeline (shared with the dashboard). */
export function statusReport(
  pipeline: Pipeline,
  now: string,
  filter: { role?: string | undefined; owner?: string | undefined },
): StatusReport {
  const { workspace, timelines } = pipeline;
  const { config } = workspace;
  const gates = new Map<string, GateGap[]>();
  for (const timeline of timelines.timelines) {
    if (timeline.status !== 'active' || (filter.role !== undefined && timeline.role !== filter.role))
      continue;
    const folder = workspace.candidates.get(timeline.id);
    if (!folder?.profile?.value) continue;
    const gaps = checkGate(workspace, folder, timeline.stage).flatMap((missing): GateGap[] =>
      missing.requirement === 'scorecards' && missing.items.length > 0
        ? missing.items.map((item) => {
            const [interview, interviewer] = item.split('--');
            return {
              requirement: 'scorecards',
              message: `no scorecard for ${interview} by ${interviewer}`,
              owner: interviewer,
              item,
            };
          })
        : [{ requirement: missing.requirement, message: missing.message, owner: timeline.recruiter }],
    );
    if (gaps.length > 0) gates.set(timeline.id, gaps);
  }
  return buildStatus({
    organization: config.organization,
    now,
    stages: config.stages,
    cadence: config.cadence,
    timelines: timelines.timelines,
    roles: pipeline.roles,
    gates,
    role: filter.role,
    owner: filter.owner,
    datesFrom: timelines.datesFrom,
    notices: timelines.notices,
  });
}
