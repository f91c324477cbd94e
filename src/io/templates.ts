import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Handlebars from 'handlebars';
import { stringify } from 'yaml';
import { TEMPLATES_DIR } from '../core/layout.js';
import { HandoffError } from '../errors.js';
import { packageRoot } from './package-info.js';

/** The built-in templates shipped with the package. */
export const builtInTemplatesDir = join(packageRoot, 'templates');

/** Where a template comes from: the repository's override in .handoff/templates/ wins over the built-in one. */
export function templatePath(root: string | undefined, name: string): string {
  const override = root ? join(root, TEMPLATES_DIR, `${name}.hbs`) : undefined;
  if (override && existsSync(override)) return override;
  return join(builtInTemplatesDir, `${name}.hbs`);
}

/**
 * Writes a value as a YAML flow scalar (or flow collection) that reads back as exactly that value,
 * so that text a person typed can never become YAML structure or template syntax.
 */
export function yamlScalar(value: unknown): string {
  if (value === undefined || value === null) return '';
  return stringify(value, {
    collectionStyle: 'flow',
    lineWidth: 0,
    defaultStringType: 'QUOTE_DOUBLE',
    defaultKeyType: 'PLAIN',
  }).trimEnd();
}

/** Escapes text for Markdown prose so that it reads as the text it is. */
export function markdownText(value: unknown): string {
  if (value === undefined || value === null) return '';
  return String(value).replace(/([\\`*_{}[\]<>#|!])/g, '\\$1');
}

const LIST_MARKER = /^(\s{0,3})([-*+]|\d{1,9}[.)])(\s+)(.*)$/;
const BLOCK_START = /^\s{0,3}[-=*_~+]/;

/**
 * Escapes a block of prose for Markdown so that it reads as the text a person wrote: paragraphs and
 * bullet or numbered lists stay, while anything else Markdown would treat as structure (headings,
 * links, HTML, code, tables, rules, setext underlines) shows as the characters typed.
 */
export function markdownBlockText(value: unknown): string {
  if (value === undefined || value === null) return '';
  return String(value)
    .split('\n')
    .map((line) => {
      const list = LIST_MARKER.exec(line);
      if (list) {
        const [, indent, marker, space, rest] = list;
        const bullet = /^\d/.test(marker!) ? marker : '-';
        return `${indent}${bullet}${space}${escapeBlockStart(markdownText(rest))}`;
      }
      return escapeBlockStart(markdownText(line.trimStart()));
    })
    .join('\n');
}

function escapeBlockStart(line: string): string {
  return BLOCK_START.test(line) ? `\\${line}` : line;
}

const handlebars = Handlebars.create();
handlebars.registerHelper('yaml', (value: unknown) => yamlScalar(value));
handlebars.registerHelper('md', (value: unknown) => markdownText(value));
handlebars.registerHelper('mdBlock', (value: unknown) => markdownBlockText(value));
handlebars.registerHelper('join', (list: unknown, separator: unknown) =>
  Array.isArray(list)
    ? list.map((item) => markdownText(item)).join(typeof separator === 'string' ? separator : ', ')
    : '',
);
handlebars.registerHelper('eq', (a: unknown, b: unknown) => a === b);
handlebars.registerHelper('or', (a: unknown, b: unknown) => a || b);
handlebars.registerHelper('not', (a: unknown) => !a);

/** The names of the helpers templates may use (templates are compiled with knownHelpersOnly). */
export const templateHelpers = ['yaml', 'md', 'mdBlock', 'join', 'eq', 'or', 'not'] as const;

const compiled = new Map<string, Handlebars.TemplateDelegate>();

/**
 * Renders a template by name with Markdown semantics: no HTML escaping (wrong for Markdown), strict
 * (a misspelt field is an error, not an empty string) and only the known helpers.
 */
export function renderTemplate(root: string | undefined, name: string, data: unknown): string {
  const path = templatePath(root, name);
  let template = compiled.get(path);
  if (!template) {
    let source: string;
    try {
      source = readFileSync(path, 'utf8');
    } catch {
      throw new HandoffError('internal', `the template "${name}" could not be read from ${path}`, {
        fix: 'Reinstall handoff, or remove the broken override from .handoff/templates/.',
      });
    }
    template = handlebars.compile(source, {
      noEscape: true,
      strict: true,
      knownHelpers: Object.fromEntries(templateHelpers.map((helper) => [helper, true])),
      knownHelpersOnly: true,
    });
    compiled.set(path, template);
  }
  try {
    return template(data);
  } catch (error) {
    throw new HandoffError(
      'invalid-document',
      `the template "${name}" (${path}) failed: ${(error as Error).message.split('\n')[0]}`,
      {
        fix: 'Fix the override in .handoff/templates/ or remove it to use the built-in template.',
      },
    );
  }
}
