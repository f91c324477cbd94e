import type { Feedback } from '../../../schemas/feedback.js';
import type { Rule, RuleContext } from '../lint/types.js';
import { countWords, sectionText } from '../prose.js';
import { findSection } from '../sections.js';
import type { Loaded } from '../workspace.js';
import { judged, keyAt, roleOf, valueAt } from './support.js';

/**
 * Fewer words than this under "## Evidence" cannot carry what was observed for a rating. An empty or
 * missing section is the required-sections rule's finding, so each problem has one owner.
 */
export const MIN_EVIDENCE_WORDS = 12;

function checkScorecard(context: RuleContext, document: Loaded<Feedback>, feedback: Feedback): void {
  const role = roleOf(context.workspace, document);
  const interview = role?.loop.find((item) => item.id === feedback.interview);

  if (interview) {
    for (const key of Object.keys(feedback.ratings)) {
      if (interview.focus.includes(key)) continue;
      context.report(
        document,
        keyAt(document, `ratings.${key}`),
        `"${key}" is not a focus of interview "${interview.id}" (its focus: ${interview.focus.join(', ') || 'none'}); rate only what the interview assessed`,
      );
    }
    const unrated = interview.focus.filter((competency) => feedback.ratings[competency] === undefined);
    if (unrated.length > 0) {
      context.report(
        document,
        keyAt(document, 'ratings', 'recommendation'),
        `missing ${unrated.length === 1 ? 'a rating' : 'ratings'} for ${unrated.join(', ')}; rate every focus competency of "${interview.id}" from 1 to 4`,
      );
    }
  }

  const evidence = findSection(document.sections, 'Evidence');
  if (evidence) {
    // Counting stops at the minimum: beyond it the exact number does not matter.
    const words = countWords(sectionText(document, evidence), MIN_EVIDENCE_WORDS);
    if (words > 0 && words < MIN_EVIDENCE_WORDS) {
      context.report(
        document,
        { line: evidence.line, column: 1 },
        `"## Evidence" holds ${words === 1 ? 'one word' : `${words} words`}, too little to support the ratings; write what the candidate said and did, question by question`,
      );
    }
  }

  const ratings = Object.values(feedback.ratings);
  if (ratings.length === 0) return;
  const allLow = ratings.every((rating) => rating <= 2);
  const allHigh = ratings.every((rating) => rating >= 3);
  if (
    (feedback.recommendation === 'strong-yes' && allLow) ||
    (feedback.recommendation === 'strong-no' && allHigh)
  ) {
    context.report(
      document,
      valueAt(document, 'recommendation'),
      `recommendation ${feedback.recommendation} contradicts ratings that are all ${allLow ? '1-2' : '3-4'}; revisit the ratings or the recommendation so they tell the same story`,
    );
  }
}

export const rule: Rule = {
  meta: {
    id: 'scorecard',
    defaultSeverity: 'error',
    description:
      "ratings for competencies that are not the interview's focus, missing ratings, a scorecard without evidence, a recommendation that contradicts its ratings",
  },
  check(context) {
    for (const document of judged<Feedback>(context, 'feedback')) {
      if (document.value) checkScorecard(context, document, document.value);
    }
  },
};
