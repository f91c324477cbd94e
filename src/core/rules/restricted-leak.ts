import type { Candidate } from '../../../schemas/candidate.js';
import type { Config } from '../../../schemas/config.js';
import type { Role } from '../../../schemas/role.js';
import type { SourceDocument } from '../document.js';
import type { Rule, RuleContext } from '../lint/types.js';
import { ObjectCache } from '../object-cache.js';
import {
  findMatches,
  hasDigitRun,
  joinedDigits,
  lowerText,
  lowerWords,
  positionAt,
  proseBlocks,
  proseLower,
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
  /**
   * False when no block of the document can hold the value: the test `find` makes on a block's
   * text before searching it, made once on all of the document's prose.
   */
  mayAppear: (document: SourceDocument) => boolean;
}

const STOP_WORDS = new Set(
  'a an the and or but of on in at to for from by with as is was are were be been has have had this that these those it its his her their they he she we our you your i my me not no none any some all who which what when where how than then so also very into onto over under about after before during through via s t'.split(
    ' ',
  ),
);

/**
 * Finds the runs of a free-text value (source or accommodation details) in texts; see
 * `sharedWordRuns`. Made once per candidate, so it does little until a text may hold a run.
 */
class WordRuns {
  private readonly valueWords: string[];
  /** Content words a run needs; 0 when the value has too few for any run. */
  private readonly needed: number = 0;
  /** The distinct content words, longest (rarest) first, and how many of them a run needs. */
  private readonly distinct: string[] = [];
  private readonly distinctNeeded: number = 0;
  /** Words of which every run holds one (see `pivotWords`); undefined for no such test. */
  private readonly pivots: string[] | undefined;
  /** Where each word occurs in the value: made on the first search, which most values never need. */
  private starts: Map<string, number[]> | undefined;

  constructor(value: string) {
    this.valueWords = lowerWords(value);
    const counts = new Map<string, number>();
    let content = 0;
    let most = 0;
    for (const word of this.valueWords) {
      if (STOP_WORDS.has(word)) continue;
      const count = (counts.get(word) ?? 0) + 1;
      counts.set(word, count);
      content++;
      if (count > most) most = count;
    }
    // At least half of the value's content words, and never fewer than three nor more than six.
    const needed = Math.min(content, Math.max(3, Math.min(6, Math.ceil(content / 2))));
    if (needed < 2) return;
    this.needed = needed;
    // A run uses each word at most as often as the value does, so this many distinct ones must be present.
    this.distinctNeeded = Math.ceil(needed / most);
    this.distinct = [...counts.keys()].sort((a, b) => b.length - a.length);
    this.pivots = pivotWords(this.valueWords, needed);
  }

  /**
   * True when at least `distinctNeeded` of the distinct content words occur in a lower-cased text
   * as substrings: a word present as a whole word is present as a substring. Stops as soon as the
   * answer is known.
   */
  private present(lower: string): boolean {
    const allowedMissing = this.distinct.length - this.distinctNeeded;
    let present = 0;
    let missing = 0;
    for (const word of this.distinct) {
      if (lower.includes(word)) {
        if (++present >= this.distinctNeeded) return true;
      } else if (++missing > allowedMissing) return false;
    }
    return present >= this.distinctNeeded;
  }

  /** False when a lower-cased text cannot hold a run: the test `find` makes, and the pivot words. */
  mayBeIn(lower: string): boolean {
    if (this.needed === 0) return false;
    if (this.pivots && !this.pivots.some((word) => lower.includes(word))) return false;
    return this.present(lower);
  }

  /** The runs in a text; with `lower` (the text in lower case), only when the text passes the presence test. */
  find(text: string, tokens?: () => WordToken[], lower?: string): TextMatch[] {
    const { needed, valueWords } = this;
    if (needed === 0) return [];
    if (lower !== undefined && !this.present(lower)) return [];
    let starts = this.starts;
    if (!starts) {
      starts = new Map();
      for (let index = 0; index < valueWords.length; index++) {
        const word = valueWords[index]!;
        const positions = starts.get(word);
        if (positions) positions.push(index);
        else starts.set(word, [index]);
      }
      this.starts = starts;
    }
    const textTokens = tokens ? tokens() : wordTokens(text);
    const runs: TextMatch[] = [];
    for (let i = 0; i < textTokens.length; i++) {
      let bestLength = 0;
      let bestContent = 0;
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
        if (found > bestContent) {
          bestLength = length;
          bestContent = found;
        }
      }
      if (bestContent < needed) continue;
      // The run is reported from its first to its last content word: "a" or "the" around it are not the leak.
      let from = i;
      let to = i + bestLength - 1;
      while (STOP_WORDS.has(textTokens[from]!.word)) from++;
      while (STOP_WORDS.has(textTokens[to]!.word)) to--;
      const first = textTokens[from]!;
      const last = textTokens[to]!;
      runs.push({
        index: first.index,
        length: last.index + last.length - first.index,
        text: text.slice(first.index, last.index + last.length),
      });
      i += bestLength - 1;
    }
    return runs;
  }
}

/** Finds the runs of a free-text value in texts; see `sharedWordRuns`. */
export function wordRunFinder(
  value: string,
): (text: string, tokens?: () => WordToken[], lower?: string) => TextMatch[] {
  const runs = new WordRuns(value);
  return (text, tokens, lower) => runs.find(text, tokens, lower);
}

/**
 * Words of which every run holds one. A run repeats `needed` or more consecutive content words of
 * the value, so it holds one of the content words at positions needed - 1, 2 * needed - 1, ... of
 * the value's content words; its tokens are in the text, so the words are in its lower case.
 * Undefined (no test) when one holds a sigma: lower-casing a whole text can end a word with another
 * sigma than lower-casing the word alone.
 */
function pivotWords(valueWords: readonly string[], needed: number): string[] | undefined {
  const pivots: string[] = [];
  let position = 0;
  for (const word of valueWords) {
    if (STOP_WORDS.has(word)) continue;
    if (position % needed === needed - 1) {
      if (word.includes('σ') || word.includes('ς')) return undefined;
      pivots.push(word);
    }
    position++;
  }
  return pivots;
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

/** A free-text value found in blocks, skipping blocks that lack the words a run would need. */
function freeText(field: string, label: string, value: string): RestrictedValue {
  const runs = new WordRuns(value);
  return {
    field,
    label,
    find: (block) => (runs.mayBeIn(lowerText(block)) ? runs.find(block.text, () => tokensOf(block)) : []),
    mayAppear: (document) => runs.mayBeIn(proseLower(document)),
  };
}

const HAS_DIGIT = /\d/;
/**
 * What a phone number the same as the candidate's holds: a phone-shaped match has only digits,
 * spaces, dots, dashes, parentheses and a plus, and `samePhone` wants seven digits or more.
 */
const SEVEN_DIGITS = joinedDigits(7);

const blockTokens = new ObjectCache<TextBlock, WordToken[]>('the words of a text block');

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

const SIGNS = ['€', '$', '£'];

const compensationByRole = new WeakMap<Role, RestrictedValue | null>();

/** The role's compensation as a restricted value, made once per role. */
function compensationValue(role: Role): RestrictedValue | undefined {
  let value = compensationByRole.get(role);
  if (value === undefined) {
    value = makeCompensationValue(role) ?? null;
    compensationByRole.set(role, value);
  }
  return value ?? undefined;
}

function makeCompensationValue(role: Role): RestrictedValue | undefined {
  const compensation = role.compensation;
  if (!compensation) return undefined;
  // Every format of a boundary starts with its leading digits; an amount in the band carries a currency.
  const leads = [compensation.min, compensation.max].map((amount) => String(Math.trunc(amount)).slice(0, 2));
  // The currency is three capital letters (the schema says so), so substrings stand in for an expression.
  const marks = [...SIGNS, compensation.currency];
  const mayHoldAmount = (text: string) =>
    leads.some((lead) => text.includes(lead)) || marks.some((mark) => text.includes(mark));
  // Digits and currency signs are in the lower-case prose as they are; the capital letters of the
  // code are looked for block by block (in lower case they are common letters, slow to look for).
  const mayAppear = (document: SourceDocument) => {
    const lower = proseLower(document);
    if (leads.some((lead) => lower.includes(lead)) || SIGNS.some((sign) => lower.includes(sign))) return true;
    return proseBlocks(document).some((block) => block.text.includes(compensation.currency));
  };
  return {
    field: 'compensation',
    label: "the role's compensation",
    mayAppear,
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

/** A document's restricted values by the audience of the text they must not appear in, and all of them. */
type ValuesByAudience = Record<SectionAudience | 'all', RestrictedValue[]>;

const AUDIENCES: readonly SectionAudience[] = ['candidate', 'interviewers', 'internal'];

function byAudience(config: Config, values: RestrictedValue[]): ValuesByAudience {
  const lists = { all: [] } as unknown as ValuesByAudience;
  for (const audience of AUDIENCES)
    lists[audience] = values.filter((value) => mustNotAppear(config, value.field, audience));
  lists.all = values.filter((value) => AUDIENCES.some((audience) => lists[audience].includes(value)));
  return lists;
}

const valuesByProfile = new ObjectCache<object, { config: Config; values: ValuesByAudience }>(
  'the restricted values of a candidate',
);

/** The restricted values of a candidate (and of their role), made once per candidate. */
function candidateValues(context: RuleContext, document: Loaded<unknown>): ValuesByAudience | undefined {
  const profileDocument = context.workspace.candidates.get(document.location.candidateId!)?.profile;
  const profile = profileDocument?.value;
  if (!profileDocument || !profile) return undefined;
  let cached = valuesByProfile.get(profileDocument);
  if (!cached || cached.config !== context.config) {
    cached = {
      config: context.config,
      values: byAudience(context.config, restrictedValuesOf(context, profile)),
    };
    valuesByProfile.set(profileDocument, cached);
  }
  return cached.values;
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
      mayAppear: (document) => proseLower(document).includes('@'),
    });
  }
  const phone = profile.contact?.phone;
  if (phone) {
    values.push({
      field: 'contact.phone',
      label: "the candidate's phone number",
      find: ({ text }) =>
        HAS_DIGIT.test(text) ? findMatches(text, PHONE).filter((match) => samePhone(match.text, phone)) : [],
      mayAppear: (document) => hasDigitRun(document) && SEVEN_DIGITS.test(proseLower(document)),
    });
  }
  const detail = profile.source.detail;
  if (detail) {
    values.push(freeText('source.detail', 'the source details', detail));
  }
  const accommodations = profile.accommodations?.details;
  if (accommodations) {
    values.push(freeText('accommodations.details', 'the accommodation details', accommodations));
  }
  const role = context.workspace.roles.get(profile.role)?.value;
  const compensation = role ? compensationValue(role) : undefined;
  if (compensation) values.push(compensation);
  return values;
}

const roleValues = new WeakMap<Role, { config: Config; values: ValuesByAudience }>();

function restrictedValues(context: RuleContext, document: Loaded<unknown>): ValuesByAudience | undefined {
  if (document.kind === 'role') {
    const role = document.value as Role | undefined;
    if (!role) return undefined;
    let cached = roleValues.get(role);
    if (!cached || cached.config !== context.config) {
      const compensation = compensationValue(role);
      cached = {
        config: context.config,
        values: byAudience(context.config, compensation ? [compensation] : []),
      };
      roleValues.set(role, cached);
    }
    return cached.values;
  }
  if (document.kind === 'survey') return undefined;
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
      if (!values) continue;
      const blocks = proseBlocks(document);
      if (blocks.length === 0) continue;
      // Values that cannot be in any block of the document are not looked for block by block.
      const possible = values.all.filter((value) => value.mayAppear(document));
      if (possible.length === 0) continue;
      for (const block of blocks) {
        const audience = audienceOf(document.kind, block);
        let found: Array<TextMatch & { value: RestrictedValue }> | undefined;
        for (const value of values[audience]) {
          if (!possible.includes(value)) continue;
          for (const match of value.find(block)) {
            found ??= [];
            found.push({ ...match, value });
          }
        }
        if (!found) continue;
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
