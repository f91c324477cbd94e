import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type Handlebars from 'handlebars';
import handlebarsRuntime from 'handlebars/runtime.js';
import type * as Yaml from 'yaml';
import { TEMPLATES_DIR } from '../core/layout.js';
import { HandoffError } from '../errors.js';
import { precompiledTemplates } from './builtin-templates.js';
import { packageRoot } from './package-info.js';
import { templateCompileOptions, templateHelpers } from './template-options.js';

export { templateHelpers };

// The Handlebars compiler (about 15 ms to load, and 30 ms more to compile a packet) and yaml (about
// 20 ms) are loaded on first use: the built CLI renders its built-in templates precompiled.
const loadPackage = createRequire(import.meta.url);

// handlebars has no "exports" map, so Node needs the runtime's file name, which its types do not declare.
const HandlebarsRuntime = handlebarsRuntime as unknown as typeof Handlebars;

/** The built-in templates shipped with the package. */
export const builtInTemplatesDir = join(packageRoot, 'templates');

/** Where a template comes from: the repository's override in .handoff/templates/ wins over the built-in one. */
export function templatePath(root: string | undefined, name: string): string {
  const override = root ? join(root, TEMPLATES_DIR, `${name}.hbs`) : undefined;
  if (override && existsSync(override)) return override;
  return builtInTemplatePath(name);
}

function builtInTemplatePath(name: string): string {
  return join(builtInTemplatesDir, `${name}.hbs`);
}

let yamlStringify: typeof Yaml.stringify | undefined;

/**
 * Writes a value as a YAML flow scalar (or flow collection) that reads back as exactly that value,
 * so that text a person typed can never become YAML structure or template syntax.
 */
export function yamlScalar(value: unknown): string {
  if (value === undefined || value === null) return '';
  yamlStringify ??= (loadPackage('yaml') as typeof Yaml).stringify;
  return yamlStringify(value, {
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

type Environment = typeof Handlebars;

function withHelpers(environment: Environment): Environment {
  environment.registerHelper('yaml', (value: unknown) => yamlScalar(value));
  environment.registerHelper('md', (value: unknown) => markdownText(value));
  environment.registerHelper('mdBlock', (value: unknown) => markdownBlockText(value));
  environment.registerHelper('join', (list: unknown, separator: unknown) =>
    Array.isArray(list)
      ? list.map((item) => markdownText(item)).join(typeof separator === 'string' ? separator : ', ')
      : '',
  );
  environment.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  environment.registerHelper('or', (a: unknown, b: unknown) => a || b);
  environment.registerHelper('not', (a: unknown) => !a);
  return environment;
}

/** Runs precompiled templates: the small runtime, without the compiler. */
let runtime: Environment | undefined;
/** Compiles overrides (and, running from the sources, the built-in templates). */
let compiler: Environment | undefined;

const compiled = new Map<string, Handlebars.TemplateDelegate>();

/**
 * Renders a template by name with Markdown semantics: no HTML escaping (wrong for Markdown), strict
 * (a misspelt field is an error, not an empty string) and only the known helpers.
 */
export function renderTemplate(root: string | undefined, name: string, data: unknown): string {
  const path = templatePath(root, name);
  let template = compiled.get(path);
  if (!template) {
    template = loadTemplate(name, path);
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

function loadTemplate(name: string, path: string): Handlebars.TemplateDelegate {
  const precompiled = path === builtInTemplatePath(name) ? precompiledTemplates?.[name] : undefined;
  if (precompiled) {
    runtime ??= withHelpers(HandlebarsRuntime.create());
    return runtime.template(precompiled);
  }
  let source: string;
  try {
    source = readFileSync(path, 'utf8');
  } catch {
    throw new HandoffError('internal', `the template "${name}" could not be read from ${path}`, {
      fix: 'Reinstall handoff, or remove the broken override from .handoff/templates/.',
    });
  }
  compiler ??= withHelpers((loadPackage('handlebars') as Environment).create());
  return compiler.compile(source, templateCompileOptions);
}
