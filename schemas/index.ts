import type { z } from 'zod';
import { candidateSchema } from './candidate.js';
import type { DocumentKind } from './common.js';
import { configSchema } from './config.js';
import { feedbackSchema } from './feedback.js';
import { memoSchema } from './memo.js';
import { roleSchema } from './role.js';
import { surveySchema } from './survey.js';

export const documentSchemas: Record<DocumentKind, z.ZodType> = {
  role: roleSchema,
  candidate: candidateSchema,
  memo: memoSchema,
  feedback: feedbackSchema,
  survey: surveySchema,
};

/** Every schema `handoff schema` can print: the document kinds and the config. */
export const allSchemas: Record<DocumentKind | 'config', z.ZodType> = {
  ...documentSchemas,
  config: configSchema,
};

export * from './candidate.js';
export * from './common.js';
export * from './config.js';
export * from './feedback.js';
export * from './memo.js';
export * from './role.js';
export * from './survey.js';
