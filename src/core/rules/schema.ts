import type { Rule } from '../lint/types.js';
import { reportLoaderDiagnostics } from './support.js';

/** Reports the schema problems the loader found validating front matter against its kind's schema. */
export const rule: Rule = {
  meta: {
    id: 'schema',
    defaultSeverity: 'error',
    description:
      'a field of the wrong type or value, a missing required field, an unknown key (with the closest known key)',
  },
  check(context) {
    reportLoaderDiagnostics(context, 'schema');
  },
};
