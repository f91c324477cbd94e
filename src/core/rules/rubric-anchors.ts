import type { Role } from '../../../schemas/role.js';
import type { Rule } from '../lint/types.js';
import { wordTokens } from '../prose.js';
import { judged, keyAt, valueAt } from './support.js';

const POINTS = ['1', '2', '3', '4'] as const;

/**
 * Words that judge without describing: an anchor made only of these (and of the fillers below) says
 * how good an answer was but not what the candidate did, so two interviewers cannot agree on it.
 */
const JUDGEMENTS = new Set(
  'good great strong weak poor excellent average solid exceptional ok okay fine bad outstanding mediocre adequate acceptable satisfactory unsatisfactory decent superb fair limited basic advanced expert competent incompetent impressive amazing brilliant exceeds meets below above expectations expectation bar'.split(
    ' ',
  ),
);
const FILLERS = new Set(
  'very not really quite somewhat fairly extremely highly a an the and or but candidate performance overall skills skill answer answers level understanding knowledge communicator shows showed is was'.split(
    ' ',
  ),
);

/** True when an anchor is only judgement words: "Strong", "Very good", "Below expectations". */
export function isAdjectiveOnly(anchor: string): boolean {
  const words = wordTokens(anchor).map((token) => token.word);
  if (words.length === 0) return false;
  return (
    words.some((word) => JUDGEMENTS.has(word)) &&
    words.every((word) => JUDGEMENTS.has(word) || FILLERS.has(word))
  );
}

export const rule: Rule = {
  meta: {
    id: 'rubric-anchors',
    defaultSeverity: 'error',
    description:
      'a competency whose rubric does not anchor all four points, or anchors a point with an adjective alone instead of observable behaviour',
  },
  check(context) {
    for (const document of judged<Role>(context, 'role')) {
      document.value?.competencies.forEach((competency, index) => {
        const at = `competencies.${index}`;
        for (const point of POINTS) {
          const anchor = competency.rubric[point];
          if (anchor === undefined || anchor.trim() === '') {
            context.report(
              document,
              anchor === undefined
                ? keyAt(document, `${at}.rubric`, `${at}.id`)
                : valueAt(document, `${at}.rubric.${point}`),
              `competency "${competency.id}" does not anchor point ${point}; describe the observable behaviour that earns a ${point}`,
            );
          } else if (isAdjectiveOnly(anchor)) {
            context.report(
              document,
              valueAt(document, `${at}.rubric.${point}`),
              `point ${point} of "${competency.id}" is anchored by a judgement alone ("${anchor.trim()}"); describe what a candidate says or does to earn it`,
            );
          }
        }
      });
    }
  },
};
