// Shared by src/io/templates.ts (run time) and scripts/build.mjs (which precompiles the built-in
// templates with the same options), so this module imports nothing.

/** The names of the helpers templates may use (templates are compiled with knownHelpersOnly). */
export const templateHelpers = ['yaml', 'md', 'mdBlock', 'join', 'eq', 'or', 'not'] as const;

/**
 * Markdown semantics: no HTML escaping (wrong for Markdown), strict (a misspelt field is an error,
 * not an empty string) and only the known helpers.
 */
export const templateCompileOptions = {
  noEscape: true,
  strict: true,
  knownHelpers: Object.fromEntries(templateHelpers.map((helper) => [helper, true])),
  knownHelpersOnly: true,
};
