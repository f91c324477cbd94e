import type { Rule } from '../lint/types.js';
import { rule as cadence } from './cadence.js';
import { rule as conflictMarkers } from './conflict-markers.js';
import { rule as duplicateQuestion } from './duplicate-question.js';
import { rule as idPath } from './id-path.js';
import { rule as neutralLanguage } from './neutral-language.js';
import { rule as pii } from './pii.js';
import { rule as placeholder } from './placeholder.js';
import { rule as reference } from './reference.js';
import { rule as requiredSections } from './required-sections.js';
import { rule as restrictedLeak } from './restricted-leak.js';
import { rule as roleChecklist } from './role-checklist.js';
import { rule as rubricAnchors } from './rubric-anchors.js';
import { rule as schema } from './schema.js';
import { rule as scorecard } from './scorecard.js';
import { rule as stageGate } from './stage-gate.js';
import { rule as yamlSyntax } from './yaml-syntax.js';

/** Every lint rule, in the order of the rules table (issue 3); ids are part of the interface. */
export const rules: Rule[] = [
  yamlSyntax,
  schema,
  idPath,
  reference,
  requiredSections,
  placeholder,
  roleChecklist,
  rubricAnchors,
  duplicateQuestion,
  stageGate,
  scorecard,
  neutralLanguage,
  restrictedLeak,
  pii,
  cadence,
  conflictMarkers,
];
