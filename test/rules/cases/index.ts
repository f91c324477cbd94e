import { cases as cadence } from './cadence.js';
import { cases as conflictMarkers } from './conflict-markers.js';
import { cases as duplicateQuestion } from './duplicate-question.js';
import { cases as idPath } from './id-path.js';
import { cases as neutralLanguage } from './neutral-language.js';
import { cases as pii } from './pii.js';
import { cases as placeholder } from './placeholder.js';
import { cases as reference } from './reference.js';
import { cases as requiredSections } from './required-sections.js';
import { cases as restrictedLeak } from './restricted-leak.js';
import { cases as roleChecklist } from './role-checklist.js';
import { cases as rubricAnchors } from './rubric-anchors.js';
import { cases as schema } from './schema.js';
import { cases as scorecard } from './scorecard.js';
import { cases as stageGate } from './stage-gate.js';
import type { RuleCases } from './types.js';
import { cases as yamlSyntax } from './yaml-syntax.js';

/** Every rule's table of cases, by rule id. */
export const ruleCases: Record<string, RuleCases> = {
  'yaml-syntax': yamlSyntax,
  schema,
  'id-path': idPath,
  reference,
  'required-sections': requiredSections,
  placeholder,
  'role-checklist': roleChecklist,
  'rubric-anchors': rubricAnchors,
  'duplicate-question': duplicateQuestion,
  'stage-gate': stageGate,
  scorecard,
  'neutral-language': neutralLanguage,
  'restricted-leak': restrictedLeak,
  pii,
  cadence,
  'conflict-markers': conflictMarkers,
};
