import type { Rule, RuleContext } from '../lint/types.js';
import {
  findMatches,
  hasDigitRun,
  joinedDigits,
  positionAt,
  proseBlocks,
  proseLower,
  type TextBlock,
  type TextMatch,
  withoutOverlaps,
} from '../prose.js';
import type { Loaded } from '../workspace.js';
import { audienceOf, digits, EMAIL, mustNotAppear, PHONE, placeOf, samePhone } from './support.js';

interface Detector {
  what: string;
  /** A cheap test a text must pass before the expression is worth running. */
  worth: RegExp;
  /**
   * A test the document's prose in lower case must pass for a finding in some block (default
   * `worth`): a match the detector accepts is made of what this finds.
   */
  documentWorth?: RegExp;
  /** True when what the detector accepts is a run of six digits or more (see `hasDigitRun`). */
  digitRun?: boolean;
  expression: RegExp;
  /** Drops matches that look like personal data but are not (a year range, a date). */
  accept?: (match: TextMatch) => boolean;
  fix: string;
}

const DETECTORS: Detector[] = [
  {
    what: 'an e-mail address',
    worth: /@/,
    expression: EMAIL,
    fix: "keep contact details in the profile's contact field, where access rules protect them",
  },
  {
    what: 'a phone number',
    worth: /\d[ .()-]?\d/,
    // A phone-shaped match has only digits, spaces, dots, dashes, parentheses and a plus; nine digits are accepted.
    documentWorth: joinedDigits(9),
    digitRun: true,
    expression: PHONE,
    accept: (match) => {
      const count = digits(match.text).length;
      return count >= 9 && count <= 15 && !/^\d{4}-\d{2}-\d{2}$/.test(match.text);
    },
    fix: "keep contact details in the profile's contact field, where access rules protect them",
  },
  {
    what: 'a national id number',
    worth: /\d\d/,
    documentWorth: /\d{3}-\d\d-\d{4}|\d\d ?\d\d ?\d\d/,
    digitRun: true,
    // US Social Security numbers (never 000, 666 or 9xx in the first group) and UK National Insurance numbers.
    expression:
      /(?<![\w-])(?:(?!000|666|9\d\d)\d{3}-(?!00)\d{2}-(?!0000)\d{4}|[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z] ?\d{2} ?\d{2} ?\d{2} ?[A-D])(?![\w-])/g,
    fix: 'remove it: national id numbers never belong in handoff documents',
  },
  {
    what: 'a date of birth',
    worth: /born|birth|dob|d\.o\.b/i,
    // The prose it is tried on is in lower case already: without the i flag the scan is quicker.
    documentWorth: /born|birth|dob|d\.o\.b/,
    expression:
      /(?<![\p{L}\p{N}_])(?:born\s+(?:on|in)\s+(?=\d|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*(?![\p{L}]))|date\s+of\s+birth|birth\s*date|birthday|d\.o\.b\.?|dob(?![\p{L}\p{N}_]))/giu,
    fix: 'remove it: a date of birth reveals age, which must play no part in the decision',
  },
  {
    what: 'an age',
    worth: /\d\s*(?:y|-y)|age/i,
    documentWorth: /\d\s*(?:y|-y)|age(?:d\s+|[:\s]\s*)\d/,
    expression:
      /(?<![\p{L}\p{N}_])(?:\d{1,2}\s*(?:years?|yrs?)[\s-]+old|\d{1,2}-year-old|aged\s+\d{1,2}|age[:\s]\s*\d{1,2})(?![\p{L}\p{N}_])/giu,
    fix: 'remove it: age must play no part in the decision',
  },
];

/** Personal data found in a (masked) text. */
export function findPersonalData(text: string): Array<TextMatch & { detector: Detector }> {
  return findWith(DETECTORS, text);
}

function findWith(detectors: readonly Detector[], text: string): Array<TextMatch & { detector: Detector }> {
  const found: Array<TextMatch & { detector: Detector }> = [];
  for (const detector of detectors) {
    if (!detector.worth.test(text)) continue;
    for (const match of findMatches(text, detector.expression)) {
      if (detector.accept?.(match) ?? true) found.push({ ...match, detector });
    }
  }
  return found.length > 1 ? withoutOverlaps(found) : found;
}

/**
 * The detectors worth running on some block of a document: their cheap test passes on all its
 * prose in lower case (the tests' letters are case-insensitive; lower-casing makes no digits,
 * spaces or punctuation).
 */
function worthwhile(document: Loaded<unknown>): Detector[] {
  const lower = proseLower(document);
  return DETECTORS.filter(
    (detector) =>
      (!detector.digitRun || hasDigitRun(document)) && (detector.documentWorth ?? detector.worth).test(lower),
  );
}

/**
 * The candidate's own e-mail and phone, in text others read, are the restricted-leak rule's
 * findings (with a message about access); this rule leaves them to it so each has one owner.
 */
function leftToRestrictedLeak(
  context: RuleContext,
  document: Loaded<unknown>,
  block: TextBlock,
  match: TextMatch,
  contact: { email?: string | undefined; phone?: string | undefined } | undefined,
): boolean {
  if (!contact) return false;
  const audience = audienceOf(document.kind, block);
  if (contact.email && match.text.toLowerCase() === contact.email.toLowerCase()) {
    return mustNotAppear(context.config, 'contact.email', audience);
  }
  if (contact.phone && samePhone(match.text, contact.phone))
    return mustNotAppear(context.config, 'contact.phone', audience);
  return false;
}

export const rule: Rule = {
  meta: {
    id: 'pii',
    defaultSeverity: 'error',
    description:
      'personal data in prose where it does not belong: e-mail addresses, phone numbers, national id numbers, dates of birth, ages',
  },
  check(context) {
    const staff = new Set(context.config.people.map((person) => person.email.toLowerCase()));
    for (const document of context.documents) {
      const contact = document.location.candidateId
        ? context.workspace.candidates.get(document.location.candidateId)?.profile?.value?.contact
        : undefined;
      const blocks = proseBlocks(document);
      if (blocks.length === 0) continue;
      const detectors = worthwhile(document);
      if (detectors.length === 0) continue;
      for (const block of blocks) {
        for (const match of findWith(detectors, block.text)) {
          // Colleagues' work addresses from the config are how the team is reached, not personal data.
          if (match.detector.what === 'an e-mail address' && staff.has(match.text.toLowerCase())) continue;
          if (leftToRestrictedLeak(context, document, block, match, contact)) continue;
          context.report(
            document,
            positionAt(block, match.index, match.length),
            `${match.detector.what} in ${placeOf(block)}; ${match.detector.fix}`,
          );
        }
      }
    }
  },
};
