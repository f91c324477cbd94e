import type { Role } from '../../../schemas/role.js';
import type { Rule, RuleContext } from '../lint/types.js';
import type { Loaded } from '../workspace.js';
import { judged, keyAt } from './support.js';

/** The handoff checklist: what a role must say before candidates are handed to its loop. */
const LISTS: ReadonlyArray<{
  field: 'expectations' | 'competencies' | 'loop' | 'timeline' | 'communication';
  missing: string;
}> = [
  {
    field: 'expectations',
    missing: 'no expectations: list what success looks like as observable outcomes ({id, outcome})',
  },
  { field: 'competencies', missing: 'no competencies: list what the loop assesses, each with a 1-4 rubric' },
  {
    field: 'loop',
    missing: 'no interview loop: list the interviews with their stage, interviewers, focus and questions',
  },
  { field: 'timeline', missing: 'no timeline milestones: list each milestone with its within_days' },
  {
    field: 'communication',
    missing: 'no communication map: list who tells the candidate what and when ({topic, owner, when})',
  },
];

function checkRole(context: RuleContext, document: Loaded<Role>, role: Role): void {
  const report = (path: string, message: string, ...fallbacks: string[]) =>
    context.report(document, keyAt(document, path, ...fallbacks, 'id'), message);

  for (const { field, missing } of LISTS) {
    if (role[field].length === 0) report(field, `the role has ${missing}`);
  }

  if (!role.compensation) {
    report('compensation', 'the role has no compensation boundaries: add compensation {currency, min, max}');
  } else if (role.compensation.min > role.compensation.max) {
    report(
      'compensation.min',
      'compensation min is above max; the boundaries must read min <= max',
      'compensation',
    );
  } else if (role.compensation.max === 0) {
    report('compensation.max', 'compensation max is 0; write the real upper boundary', 'compensation');
  }

  role.loop.forEach((interview, index) => {
    const at = `loop.${index}`;
    if (interview.interviewers.length === 0) {
      report(
        `${at}.interviewers`,
        `interview "${interview.id}" has no interviewers; list who runs it`,
        `${at}.id`,
      );
    }
    if (interview.focus.length === 0) {
      report(
        `${at}.focus`,
        `interview "${interview.id}" has no focus competencies; list what it assesses`,
        `${at}.id`,
      );
    }
    if (interview.questions.length === 0) {
      report(
        `${at}.questions`,
        `interview "${interview.id}" has no questions; plan at least one per focus competency`,
        `${at}.id`,
      );
      return;
    }
    const asked = new Set(interview.questions.map((question) => question.competency));
    interview.focus.forEach((competency, focusIndex) => {
      if (asked.has(competency)) return;
      context.report(
        document,
        keyAt(document, `${at}.focus.${focusIndex}`, `${at}.focus`),
        `interview "${interview.id}" has no question for its focus competency "${competency}"; add one`,
      );
    });
  });
}

export const rule: Rule = {
  meta: {
    id: 'role-checklist',
    defaultSeverity: 'error',
    description:
      'a role missing any part of the handoff checklist: expectations, compensation boundaries, timeline milestones, communication map, a loop whose interviews each have focus competencies and questions',
  },
  check(context) {
    for (const document of judged<Role>(context, 'role')) {
      if (document.value) checkRole(context, document, document.value);
    }
  },
};
