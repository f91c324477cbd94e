import type { Position } from '../diagnostics.js';
import type { Rule } from '../lint/types.js';
import { sectionText } from '../prose.js';
import { findSection } from '../sections.js';
import { sectionSpecs } from '../sections-spec.js';
import type { Loaded } from '../workspace.js';

/** The last line of a file that has text on it, where a missing section at the end belongs. */
function lastLine(document: Loaded<unknown>): Position {
  const lines = document.text.split('\n');
  let index = lines.length - 1;
  while (index > 0 && lines[index]!.trim() === '') index--;
  return { line: index + 1, column: 1 };
}

export const rule: Rule = {
  meta: {
    id: 'required-sections',
    defaultSeverity: 'error',
    description: "a body `##` section of the kind's template that is missing or empty",
  },
  check(context) {
    for (const document of context.documents) {
      const specs = sectionSpecs[document.kind];
      specs.forEach((spec, index) => {
        const section = findSection(document.sections, spec.heading);
        if (!section) {
          // Point at the next expected section that is present, so the fix is "add it above this".
          const next = specs
            .slice(index + 1)
            .map((later) => findSection(document.sections, later.heading))
            .find((found) => found !== undefined);
          const position = next ? { line: next.line, column: 1 } : lastLine(document);
          const where = next ? ` before "## ${next.heading}"` : '';
          context.report(
            document,
            position,
            `missing section "## ${spec.heading}"; add it${where} with what it asks for: ${lowerFirst(spec.guidance)}`,
          );
          return;
        }
        if (!spec.mayBeEmpty && sectionText(document, section).trim() === '') {
          context.report(
            document,
            { line: section.line, column: 1, endLine: section.line, endColumn: section.heading.length + 4 },
            `section "## ${spec.heading}" is empty; write what it asks for: ${lowerFirst(spec.guidance)}`,
          );
        }
      });
    }
  },
};

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
