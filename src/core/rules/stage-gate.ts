import type { Candidate } from '../../../schemas/candidate.js';
import { checkGate } from '../gates.js';
import type { Rule } from '../lint/types.js';
import { judged, valueAt } from './support.js';

/**
 * Candidates still moving through the pipeline. A hired, rejected or withdrawn candidate's folder is
 * a record of what happened; completing it after the fact would not change the decision.
 */
const IN_PROCESS = new Set(['active', 'on-hold']);

export const rule: Rule = {
  meta: {
    id: 'stage-gate',
    defaultSeverity: 'error',
    description: 'a candidate at a stage whose prerequisites (memo, profile, fit, scorecards) are missing',
  },
  check(context) {
    const { workspace } = context;
    for (const document of judged<Candidate>(context, 'candidate')) {
      const candidate = document.value;
      if (!candidate || !IN_PROCESS.has(candidate.status)) continue;
      // Unknown stages and roles are the reference rule's findings; a gate cannot be judged without them.
      if (!workspace.stageOrder.has(candidate.stage) || !workspace.roles.get(candidate.role)?.value) continue;
      const folder = workspace.candidates.get(document.location.candidateId!);
      if (!folder) continue;
      for (const missing of checkGate(workspace, folder, candidate.stage)) {
        context.report(
          document,
          valueAt(document, 'stage'),
          `stage "${candidate.stage}" requires ${missing.requirement}: ${missing.message}; ${missing.fix}`,
        );
      }
    }
  },
};
