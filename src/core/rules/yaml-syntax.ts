import type { Rule } from '../lint/types.js';
import { reportLoaderDiagnostics } from './support.js';

/** Reports what the loader found reading front matter, so severities and disables apply to it too. */
export const rule: Rule = {
  meta: {
    id: 'yaml-syntax',
    defaultSeverity: 'error',
    description:
      'front matter that is not valid YAML, duplicate keys, a missing closing fence, a non-mapping',
  },
  check(context) {
    reportLoaderDiagnostics(context, 'yaml-syntax');
  },
};
