import type Handlebars from 'handlebars';

type TemplateSpecification = Parameters<typeof Handlebars.template>[0];

/**
 * The built-in templates (templates/<name>.hbs), precompiled, by name. Running from the sources there
 * are none and each template is compiled when first used; scripts/build.mjs replaces this module in
 * the bundle with every built-in template precompiled, so the CLI never loads the compiler for them.
 */
export const precompiledTemplates: Readonly<Record<string, TemplateSpecification>> | undefined = undefined;
