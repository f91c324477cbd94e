import type { Audience } from '../../schemas/common.js';
import { createRedaction } from '../core/briefing/redaction.js';
import { buildDashboard } from '../core/pipeline/dashboard.js';
import { CONTENT_SECURITY_POLICY } from '../io/html.js';
import { writeOutputFile } from '../io/output-file.js';
import { dateOption, loadPipeline, today } from '../io/pipeline.js';
import type { CommandContext } from './context.js';
import { metricsReport } from './metrics.js';
import { statusReport } from './status.js';

interface DashboardOptions {
  out: string;
  audience?: Audience;
  now?: string;
  force?: boolean;
}

export async function dashboardCommand(context: CommandContext, options: DashboardOptions): Promise<number> {
  const now = dateOption('--now', options.now) ?? today();
  const audience = options.audience ?? 'hiring-manager';
  const pipeline = await loadPipeline(context, ['memo', 'feedback', 'survey']);
  const { config } = pipeline.workspace;
  const html = buildDashboard({
    status: statusReport(pipeline, now, {}),
    metrics: metricsReport(pipeline, now, {}),
    audience,
    isHidden: createRedaction(config, audience, []).isHidden,
    contentSecurityPolicy: CONTENT_SECURITY_POLICY,
    stages: config.stages,
  });
  writeOutputFile(context.io.cwd, options.out, html, { force: options.force });
  context.io.stdout.write(
    `Wrote ${options.out} for the ${audience} audience.\n` +
      '  It names candidates: keep it within the hiring team and do not publish it.\n',
  );
  return 0;
}
