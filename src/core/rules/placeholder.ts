import type { Rule, RuleContext } from '../lint/types.js';
import {
  bodyBlocks,
  findMatches,
  findPlaceholders,
  frontMatterStringsWhere,
  isPlaceholderValue,
  lowerText,
  mayHoldWords,
  type PlaceholderMatch,
  phraseRegExp,
  phraseWords,
  positionAt,
  proseLower,
  type TextBlock,
} from '../prose.js';
import { sectionSpec } from '../sections-spec.js';
import type { Loaded } from '../workspace.js';
import { placeOf, valueAt } from './support.js';

function describe(found: PlaceholderMatch): string {
  if (found.kind === 'fill-in') return 'a <fill-in> slot';
  if (found.kind === 'lorem') return 'lorem ipsum filler';
  return `"${found.text}"`;
}

/**
 * False when a text cannot hold a placeholder: what `findPlaceholders` looks for is not in it
 * ("lorem", in any case, is looked for once in all of the document's prose).
 */
function mayHoldPlaceholders(text: string, loremInDocument: boolean): boolean {
  return (
    loremInDocument ||
    text.includes('<') ||
    text.includes('...') ||
    text.includes('…') ||
    text.includes('TODO') ||
    text.includes('TB') ||
    text.includes('FIXME') ||
    text.includes('XXX')
  );
}

function checkProse(
  context: RuleContext,
  document: Loaded<unknown>,
  block: TextBlock,
  loremInDocument: boolean,
): void {
  const placeholders = mayHoldPlaceholders(block.text, loremInDocument);
  for (const found of placeholders ? findPlaceholders(block.text) : []) {
    context.report(
      document,
      positionAt(block, found.index, found.length),
      `${describe(found)} left in ${placeOf(block)}; replace it with what the section asks for`,
    );
  }
  const spec = block.heading ? sectionSpec(document.kind, block.heading) : undefined;
  if (!spec) return;
  const words = phraseWords(spec.guidance);
  if (words && !mayHoldWords(block.text, lowerText(block), words)) return;
  for (const found of findMatches(block.text, phraseRegExp(spec.guidance))) {
    context.report(
      document,
      positionAt(block, found.index, found.length),
      `the template's guidance is still in ${placeOf(block)}; replace it with your own text`,
    );
  }
}

export const rule: Rule = {
  meta: {
    id: 'placeholder',
    defaultSeverity: 'error',
    description:
      'template guidance or a TODO left in a section, or a front-matter value left at its placeholder',
  },
  check(context) {
    for (const document of context.documents) {
      const blocks = bodyBlocks(document);
      if (blocks.length > 0) {
        // Computing it gives every block its lower case, read below.
        const lorem = proseLower(document).includes('lorem');
        for (const block of blocks) checkProse(context, document, block, lorem);
      }
      for (const { path } of frontMatterStringsWhere(document.data, isPlaceholderValue)) {
        context.report(
          document,
          valueAt(document, path),
          `"${path}" still holds a placeholder; write the real value`,
        );
      }
    }
  },
};
