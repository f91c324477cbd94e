import type { Rule } from '../lint/types.js';

const OPENING = /^<{7}(?:[ \t]|$)/;
const BASE = /^\|{7}(?:[ \t]|$)/;
const SEPARATOR = /^={7}[ \t]*$/;
const CLOSING = /^>{7}(?:[ \t]|$)/;

/**
 * Every conflict marker line of a text, 1-based. A line of seven "=" is also a Markdown heading
 * underline, so it counts only inside an opened conflict.
 */
export function conflictMarkerLines(text: string): Array<{ line: number; length: number; marker: string }> {
  const found: Array<{ line: number; length: number; marker: string }> = [];
  // A separator counts only after an opening marker: without one of these there is nothing to find.
  if (!(text.includes('<<<<<<<') || text.includes('|||||||') || text.includes('>>>>>>>'))) return found;
  let open = false;
  text.split('\n').forEach((raw, index) => {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (OPENING.test(line)) open = true;
    else if (CLOSING.test(line)) open = false;
    else if (!(BASE.test(line) || (open && SEPARATOR.test(line)))) return;
    found.push({ line: index + 1, length: line.length, marker: line.slice(0, 7) });
  });
  return found;
}

export const rule: Rule = {
  meta: {
    id: 'conflict-markers',
    defaultSeverity: 'error',
    description: 'Git conflict markers left in any document',
  },
  check(context) {
    for (const document of context.documents) {
      for (const { line, length, marker } of conflictMarkerLines(document.text)) {
        context.report(
          document,
          { line, column: 1, endLine: line, endColumn: length + 1 },
          `Git conflict marker "${marker}" left in the file; resolve the conflict (keep the right text, delete the markers) and commit again`,
        );
      }
    }
  },
};
