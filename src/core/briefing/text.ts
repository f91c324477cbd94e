/**
 * Removes HTML comments (template guidance, lint directives) from document prose. An unclosed comment
 * runs to the end of the text, as it would when rendered.
 */
export function stripComments(text: string): string {
  return text.replace(/<!--[\s\S]*?(?:-->|$)/g, '');
}

/**
 * Blanks HTML comments while keeping every other character where it was, so that positions found in
 * the result still point into the original text.
 */
export function blankComments(text: string): string {
  return text.replace(/<!--[\s\S]*?(?:-->|$)/g, (comment) => comment.replace(/[^\n]/g, ' '));
}

/** One line of text: a value typed into front matter may hold line breaks that must not become Markdown structure. */
export function inline(value: unknown): string {
  if (value === undefined || value === null) return '';
  return String(value).replace(/\s+/g, ' ').trim();
}

/** Prose without comments, with surrounding and repeated blank lines removed. */
export function cleanProse(text: string): string {
  return stripComments(text)
    .split('\n')
    .map((line) => line.replace(/\s+$/, ''))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
