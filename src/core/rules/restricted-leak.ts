import type { Candidate } from '../../../schemas/candidate.js';
import type { Role } from '../../../schemas/role.js';
import type { Rule, RuleContext } from '../lint/types.js';
import {
  findMatches,
  lowerText,
  lowerWords,
  positionAt,
  proseBlocks,
  type TextBlock,
  type TextMatch,
  type WordToken,
  withoutOverlaps,
  wordTokens,
} from '../prose.js';
import type { SectionAudience } from '../sections-spec.js';
import type { Loaded } from '../workspace.js';
import { audienceOf, EMAIL, mustNotAppear, PHONE, placeOf, samePhone } from './support.js';

/** A restricted value of this document's candidate or role, and how to find it in text. */
interface RestrictedValue {
  /** The restricted field as the config names it (compensation, contact, source.detail, accommodations.details). */
  field: string;
  label: string;
  /** Finds the value in a block's text. */
  find: (block: TextBlock) => TextMatch[];
}

const STOP_WORDS = new Set(
  'a an the and or but of on in at to for from by with as is was are were be been has have had this that these those it its his her their they he she we our you your i my me not no none any some all who which what when where how than then so also very into onto over under about after before during through via s t'.split(
    ' ',
  ),
);

/** Finds the runs of a free-text value (source or accommodation details) in texts; see `sharedWordRuns`. */
export function wordRunFinder(
  value: string,
): (text: string, tokens?: () => WordToken[], lower?: string) => TextMatch[] {
  const valueWords = lowerWords(value);
  const counts = new Map<string, number>();
  for (const word of valueWords) if (!STOP_WORDS.has(word)) counts.set(word, (counts.get(word) ?? 0) + 1);
  const content = [...counts.values()].reduce((sum, count) => sum + count, 0);
  // At least half of the value's content words, and never fewer than three nor more than six.
  const needed = Math.min(content, Math.max(3, Math.min(6, Math.ceil(content / 2))));
  if (needed < 2) return () => [];
  // A run uses each word at most as often as the value does, so this many distinct ones must be present.
  const distinctNeeded = Math.ceil(needed / Math.max(...counts.values()));
  const starts = new Map<string, number[]>();
  valueWords.forEach((word, index) => {
    starts.set(word, [...(starts.get(word) ?? []), index]);
  });

  const distinct = [...counts.keys()];
  return (text, tokens, lower) => {
    // A word present as a whole word is present as a substring: a cheap necessary condition.
    if (lower !== undefined) {
      let present = 0;
      for (const word of distinct) if (lower.includes(word)) present++;
      if (present < distinctNeeded) return [];
    }
    const textTokens = tokens ? tokens() : wordTokens(text);
    const runs: TextMatch[] = [];
    for (let i = 0; i < textTokens.length; i++) {
      let best = { length: 0, content: 0 };
      for (const j of starts.get(textTokens[i]!.word) ?? []) {
        let length = 0;
        let found = 0;
        while (
          i + length < textTokens.length &&
          j + length < valueWords.length &&
          textTokens[i + length]!.word === valueWords[j + length]
        ) {
          if (!STOP_WORDS.has(valueWords[j + length]!)) found++;
          length++;
        }
        if (found > best.content) best = { length, content: found };
      }
      if (best.content < needed) continue;
      // The run is reported from its first to its last content word: "a" or "the" around it are not the leak.
      let from = i;
      let to = i + best.length - 1;
      while (STOP_WORDS.has(textTokens[from]!.word)) from++;
      while (STOP_WORDS.has(textTokens[to]!.word)) to--;
      const first = textTokens[from]!;
      const last = textTokens[to]!;
      runs.push({
        index: first.index,
        length: last.index + last.length - first.index,
        text: text.slice(first.index, last.index + last.length),
      });
      i += best.length - 1;
    }
    return runs;
  };
}

/**
 * Runs of words a free-text value shares with a text. A run counts when it repeats a substantial part
 * of the value: at least half of its content words, and never fewer than three nor more than six are
 * needed. So "the recruiter screen" in a memo does not match a detail that happens to contain those
 * words, while "partial hearing loss" or a referrer's team does.
 */
export function sharedWordRuns(value: string, text: string): TextMatch[] {
  return wordRunFinder(value)(text);
}

/** Finds a free-text value in blocks, skipping blocks that lack the words a run would need. */
function freeText(value: string): (block: TextBlock) => TextMatch[] {
  const find = wordRunFinder(value);
  return (block) => find(block.text, () => tokensOf(block), lowerText(block));
}

const HAS_DIGIT = /\d/;

const blockTokens = new WeakMap<TextBlock, WordToken[]>();

function tokensOf(block: TextBlock): WordToken[] {
  let tokens = blockTokens.get(block);
  if (!tokens) {
    tokens = wordTokens(block.text);
    blockTokens.set(block, tokens);
  }
  return tokens;
}

const MONEY =
  /(?<![\w.,])(?:(?<currency>[€$£]|[A-Z]{3})\s?)?(?<amount>\d{1,3}(?:[,. \u00a0\u202f]\d{3})+|\d+(?:[.,]\d+)?)(?:\s?(?<thousands>[kK])(?!\w))?(?:\s?(?<suffix>€|[A-Z]{3}(?![A-Za-z])))?(?![\w])/g;

/** Amounts in a text with their value: 90000, 90,000, 90.000, 90 000, 90k, €92.5k, EUR 90000. */
export function findAmounts(
  text: string,
  currencyCode: string,
): Array<TextMatch & { value: number; marked: boolean }> {
  const amounts: Array<TextMatch & { value: number; marked: boolean }> = [];
  for (const match of text.matchAll(MONEY)) {
    const { currency, amount, thousands, suffix } = match.groups as Record<string, string | undefined>;
    const codes = [currency, suffix].filter(
      (code): code is string => code !== undefined && /^[A-Z]{3}$/.test(code),
    );
    if (codes.some((code) => code !== currencyCode)) continue;
    let value: number;
    if (thousands) value = Number(amount!.replace(',', '.')) * 1000;
    else if (/^\d{1,3}(?:[,. \u00a0\u202f]\d{3})+$/.test(amount!))
      value = Number(amount!.replace(/[,. \u00a0\u202f]/g, ''));
    else value = Number(amount!.replace(',', '.'));
    if (!Number.isFinite(value)) continue;
    amounts.push({
      index: match.index,
      length: match[0].length,
      text: match[0],
      value,
      marked: Boolean(currency || suffix),
    });
  }
  return amounts;
}

function compensationValue(role: Role): RestrictedValue | undefined {
  const compensation = role.compensation;
  if (!compensation) return undefined;
  // Every format of a boundary starts with its leading digits; an amount in the band carries a currency.
  const leads = [compensation.min, compensation.max].map((amount) => String(Math.trunc(amount)).slice(0, 2));
  const currency = new RegExp(`[€$£]|${compensation.currency}`);
  const mayHoldAmount = (text: string) => leads.some((lead) => text.includes(lead)) || currency.test(text);
  return {
    field: 'compensation',
    label: "the role's compensation",
    // The boundaries in any format, and any amount in the band written as money.
    find: ({ text }) =>
      !mayHoldAmount(text)
        ? []
        : findAmounts(text, compensation.currency).filter(
            (amount) =>
              amount.value === compensation.min ||
              amount.value === compensation.max ||
              (amount.marked && amount.value >= compensation.min && amount.value <= compensation.max),
          ),
  };
}

const valuesByProfile = new WeakMap<object, RestrictedValue[]>();

/** The restricted values of a candidate (and of their role), made once per candidate. */
function candidateValues(context: RuleContext, document: Loaded<unknown>): RestrictedValue[] {
  const profileDocument = context.workspace.candidates.get(document.location.candidateId!)?.profile;
  const profile = profileDocument?.value;
  if (!profileDocument || !profile) return [];
  let values = valuesByProfile.get(profileDocument);
  if (!values) {
    values = restrictedValuesOf(context, profile);
    valuesByProfile.set(profileDocument, values);
  }
  return values;
}

function restrictedValuesOf(context: RuleContext, profile: Candidate): RestrictedValue[] {
  const values: RestrictedValue[] = [];
  const email = profile.contact?.email?.toLowerCase();
  if (email) {
    values.push({
      field: 'contact.email',
      label: "the candidate's e-mail address",
      find: ({ text }) =>
        text.includes('@')
          ? findMatches(text, EMAIL).filter((match) => match.text.toLowerCase() === email)
          : [],
    });
  }
  const phone = profile.contact?.phone;
  if (phone) {
    values.push({
      field: 'contact.phone',
      label: "the candidate's phone number",
      find: ({ text }) =>
        HAS_DIGIT.test(text) ? findMatches(text, PHONE).filter((match) => samePhone(match.text, phone)) : [],
    });
  }
  const detail = profile.source.detail;
  if (detail) {
    values.push({ field: 'source.detail', label: 'the source details', find: freeText(detail) });
  }
  const accommodations = profile.accommodations?.details;
  if (accommodations) {
    values.push({
      field: 'accommodations.details',
      label: 'the accommodation details',
      find: freeText(accommodations),
    });
  }
  const role = context.workspace.roles.get(profile.role)?.value;
  const compensation = role ? compensationValue(role) : undefined;
  if (compensation) values.push(compensation);
  return values;
}

function restrictedValues(context: RuleContext, document: Loaded<unknown>): RestrictedValue[] {
  if (document.kind === 'role') {
    const role = document.value as Role | undefined;
    const compensation = role ? compensationValue(role) : undefined;
    return compensation ? [compensation] : [];
  }
  if (document.kind === 'survey') return [];
  return candidateValues(context, document);
}

const READERS: Record<SectionAudience, string> = {
  candidate: 'the candidate reads',
  interviewers: 'interviewers read',
  internal: 'only the hiring team reads',
};

export const rule: Rule = {
  meta: {
    id: 'restricted-leak',
    defaultSeverity: 'error',
    description:
      'a restricted value (compensation figure, contact details, source details, accommodation details) written into a section that interviewers or the candidate will see',
  },
  check(context) {
    for (const document of context.documents) {
      const values = restrictedValues(context, document);
      if (values.length === 0) continue;
      for (const block of proseBlocks(document)) {
        const audience = audienceOf(document.kind, block);
        const found = values
          .filter((value) => mustNotAppear(context.config, value.field, audience))
          .flatMap((value) => value.find(block).map((match) => ({ ...match, value })));
        for (const match of withoutOverlaps(found)) {
          context.report(
            document,
            positionAt(block, match.index, match.length),
            `this repeats ${match.value.label} (restricted: ${match.value.field}) in ${placeOf(block)}, which ${READERS[audience]}; remove it here and keep it only in the restricted field`,
          );
        }
      }
    }
  },
};
