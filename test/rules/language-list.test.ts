/** The curated neutral-language list: well-formed, and both precise and complete on real sentences. */
import { describe, expect, it } from 'vitest';
import {
  builtInLanguageList,
  compileLanguageList,
  findBiasedPhrases,
} from '../../src/core/rules/neutral-language.js';

const list = builtInLanguageList();
const noConfig = { language: { extra: [], allow: [] } };
const entries = compileLanguageList(list, noConfig);
const flagged = (text: string) => {
  const found = findBiasedPhrases(text, entries, []).map((finding) => finding.text);
  // The trigger words only skip searches that cannot match: searching every entry finds the same.
  expect(findBiasedPhrases(text, entries, [], true).map((finding) => finding.text)).toEqual(found);
  return found;
};

describe('the built-in neutral-language list', () => {
  it('has at least 40 entries, each with a known category, a suggestion and a phrase or a pattern', () => {
    expect(list.entries.length).toBeGreaterThanOrEqual(40);
    for (const entry of list.entries) {
      const name = entry.phrase ?? entry.label;
      expect(name, JSON.stringify(entry)).toBeTruthy();
      expect(
        Boolean(entry.phrase) !== Boolean(entry.pattern),
        `${name}: a phrase or a pattern, not both`,
      ).toBe(true);
      expect(list.categories[entry.category], `${name}: category ${entry.category}`).toBeTruthy();
      expect(entry.suggestion.trim().length, `${name}: suggestion`).toBeGreaterThan(10);
    }
    expect(entries).toHaveLength(list.entries.length);
  });

  it.each([
    ['She is not a good fit for the team.', 'not a good fit'],
    ['Strong culture-fit concerns.', 'culture-fit'],
    ['I doubt he would fit in.', 'fit in'],
    ['One of us, really.', 'One of us'],
    ['Passes the beer test.', 'beer test'],
    ['Good vibes overall.', 'vibes'],
    ['We need someone young and hungry.', 'young and hungry'],
    ['Probably too old for a startup pace.', 'too old'],
    ['Older engineers struggle here.', 'Older engineers'],
    ['A true digital native.', 'digital native'],
    ['He is in his late 50s.', 'in his late 50s'],
    ['Typical millennial.', 'millennial'],
    ['She is close to retirement.', 'close to retirement'],
    ['Overqualified for the level.', 'Overqualified'],
    ['He is married with a baby on the way.', 'married'],
    ['She is pregnant.', 'pregnant'],
    ['Back from maternity leave in March.', 'maternity'],
    ['Has two young children.', 'Has two young children'],
    ['Needs to do the school run.', 'school run'],
    ['Plans to start a family soon.', 'Plans to start a family'],
    ['A single mother of two.', 'single mother'],
    ['Very well-dressed and polished.', 'well-dressed'],
    ['He looked tired all day.', 'looked tired'],
    ['Visible tattoos.', 'tattoos'],
    ['Her accent was hard to follow.', 'Her accent'],
    ['Not a native English speaker.', 'native English speaker'],
    ['Speaks broken English.', 'broken English'],
    ['He is Indian, so the time zone works.', 'Indian'],
    ['A Chinese engineer on the team.', 'Chinese'],
    ['Asked about her religion.', 'her religion'],
    ['Asked where she is originally from.', 'where she is originally from'],
    ['Wears a hijab.', 'hijab'],
    ['A female engineer with a strong record.', 'female engineer'],
    ['The girls in the team liked her.', 'girls'],
    ['A bit bossy in the pairing exercise.', 'bossy'],
    ['Got emotional when challenged.', 'emotional'],
    ['Came across as arrogant.', 'arrogant'],
    ['Great personality.', 'Great personality'],
    ['A really nice guy.', 'nice guy'],
    ['Seemed shy at first.', 'shy'],
    ['She is a bit weird.', 'weird'],
    ['Very articulate.', 'articulate'],
    ['A genuine 10x engineer.', '10x engineer'],
    ['Total coding ninja.', 'ninja'],
    ['Handicapped parking was arranged.', 'Handicapped'],
    ['A crazy amount of energy.', 'crazy'],
  ])('flags %j', (sentence, phrase) => {
    expect(flagged(sentence)).toContain(phrase);
  });

  it.each([
    'Her answer fits the rubric for a 3, and the fit evidence is in the profile.',
    'The change will fit in a single release.',
    'She has 10 years of experience with Go and PostgreSQL.',
    'He used aggressive caching and aggressive timeouts on the client.',
    'The primary button uses the accent colour.',
    'Found a race condition in the payout job.',
    'Restarted the child process and the child nodes recovered.',
    'Her partner team in finance reviewed the design.',
    'Just shy of the target latency.',
    'She could articulate why the second design was safer.',
    'A young codebase with an old version of the client.',
    'The setup wizard suffers from a slow first step.',
    'Worked on emotional design for onboarding.',
    'Uses lazy loading for the merchant list.',
    'They asked how German VAT rules affect invoicing.',
    'The old team moved to another product.',
    'She is confident in her estimates and showed the arithmetic.',
    'He described the trade-off in plain language.',
    'They, she and he are all pronouns the candidates use.',
    'The young startup she worked for had five engineers.',
    'A mature product with a stable API.',
    'Christian Weber and Grace Kim ran the panel.',
  ])('does not flag %j', (sentence) => {
    expect(flagged(sentence)).toEqual([]);
  });
});
