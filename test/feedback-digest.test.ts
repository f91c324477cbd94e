import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Feedback } from '../schemas/feedback.js';
import {
  findShareableWording,
  type ShareableSection,
  shareableSections,
} from '../src/core/feedback-digest/checks.js';
import { units } from '../src/core/feedback-digest/digest.js';
import { type Loaded, loadDocument } from '../src/core/workspace.js';
import * as fixture from './brief-fixture.js';
import { copyOfExample, exampleRepo, readFile, runCli, tempDir, writeFiles } from './helpers/repo.js';

function repo(overrides: Record<string, string | undefined> = {}): string {
  const dir = tempDir();
  writeFiles(dir, fixture.files(overrides));
  return dir;
}

const SCORECARD = 'candidates/ana-lima/feedback/hm-screen--sam.lee.md';
/** The first line of the shareable text in the fixture scorecard (after the heading, a blank line and a comment). */
const SHARED_LINE = 18;

describe('handoff feedback: the digest', () => {
  it('renders from the shareable sections only, split into what went well and what would help', async () => {
    const result = await runCli(['feedback', 'ana-lima'], { cwd: repo() });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const digest = result.stdout;
    expect(digest.split('\n')[0]).toBe('# Interview feedback for Ana Lima');
    expect(digest).toContain('Acme Payments · Senior Backend Engineer, Payments');
    expect(digest).toContain(
      `### Hiring manager screen (2026-11-19)\n\n_What this interview looked at: Collaboration._`,
    );
    expect(digest).toContain(`**What went well**\n\n- ${fixture.scorecardText.forCandidate}`);
    expect(digest).toContain(
      `## Where more development would help\n\n- ${fixture.scorecardText.development} _(Hiring manager screen)_`,
    );
    for (const hidden of [
      fixture.scorecardText.evidence,
      fixture.scorecardText.internal,
      'strong-yes',
      'Collaboration 3',
      'What may be shared with the candidate',
      fixture.restricted.email,
    ]) {
      expect(digest).not.toContain(hidden);
    }
  });

  it('ties each interview to the expectations its focus probes', async () => {
    const withQuestion = fixture.defaultLoop.replace(
      'text: Tell me about a design decision you disagreed with.',
      'text: Tell me about design documents you reviewed and improved for your team.',
    );
    const result = await runCli(['feedback', 'ana-lima'], {
      cwd: repo({ 'roles/backend-engineer.md': fixture.role(withQuestion) }),
    });
    expect(result.stdout).toContain(
      "_What the role needs here:_\n\n- _Reviews and improves the team's design documents within the first quarter._",
    );
  });

  it('says what comes next, when, and who will be in touch', async () => {
    const digest = (await runCli(['feedback', 'Ana Lima'], { cwd: repo() })).stdout;
    expect(digest).toContain(
      '## Next step\n\n**Schedule the onsite**, by 2026-11-27. Alex Kim will be in touch about it.',
    );
    expect(digest).toContain(
      '- First interview: within 7 days (by 2026-11-09)\n- Decision: within 21 days (by 2026-11-23)',
    );
    expect(digest).toContain(
      '## Who will be in touch\n\n- **Scheduling:** Alex Kim, within one business day of each stage decision\n- **Offer:** Sam Lee, within two days of the decision',
    );
  });

  it('renders HTML and writes to --out', async () => {
    const dir = repo();
    const result = await runCli(['feedback', 'ana-lima', '--format', 'html', '--out', 'out/ana.html'], {
      cwd: dir,
    });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('wrote out/ana.html\n');
    const html = readFile(dir, 'out/ana.html');
    expect(html).toContain('<h1>Interview feedback for Ana Lima</h1>');
    expect(html).not.toContain('<script');
  });

  it('refuses when no scorecard has a shareable section', async () => {
    const text = fixture.scorecard().replace(/## For the candidate[\s\S]*?(?=## Internal notes)/, '');
    const result = await runCli(['feedback', 'ana-lima'], { cwd: repo({ [SCORECARD]: text }) });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      `handoff: warning: ${SCORECARD} has nothing under "## For the candidate" and was left out.`,
    );
    expect(result.stderr).toContain(
      'handoff: no scorecard of Ana Lima has text under "For the candidate" yet',
    );
    const none = await runCli(['feedback', 'ana-lima'], { cwd: repo({ [SCORECARD]: undefined }) });
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('handoff: there are no scorecards for Ana Lima yet');
  });

  it('leaves out a scorecard whose shareable section holds only template guidance', async () => {
    const second = fixture
      .scorecard('<!-- What may be shared with the candidate. -->')
      .replace('interview: hm-screen', 'interview: onsite-design')
      .replace('interviewer: sam.lee', 'interviewer: pat.quinn');
    const dir = repo({ 'candidates/ana-lima/feedback/onsite-design--pat.quinn.md': second });
    const result = await runCli(['feedback', 'ana-lima'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stdout).not.toContain('### System design');
    expect(result.stderr).toContain(
      'handoff: warning: candidates/ana-lima/feedback/onsite-design--pat.quinn.md has nothing under "## For the candidate" and was left out.',
    );
  });

  it('refuses a candidate that does not exist', async () => {
    const result = await runCli(['feedback', 'nobody'], { cwd: repo() });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('there is no candidate "nobody"');
  });
});

describe('handoff feedback: the refusal check', () => {
  const problemText = [
    'I rated you 3/4 and we would say strong hire.',
    'You did better than the other candidates, and your culture fit is great.',
    `We can reach you at ${fixture.restricted.email}.`,
  ].join('\n');

  it('refuses with every problem and its file, line and column', async () => {
    const dir = repo({ [SCORECARD]: fixture.scorecard(problemText) });
    const result = await runCli(['feedback', 'ana-lima'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('handoff: the feedback for Ana Lima was not rendered:');
    const lines = result.stderr.split('\n');
    const at = (line: number, column: number, ruleId: string) =>
      lines.some(
        (text) => text.startsWith(`  ${SCORECARD}:${line}:${column}  `) && text.endsWith(`(${ruleId})`),
      );
    expect(at(SHARED_LINE, 3, 'rating')).toBe(true); // "rated you 3"
    expect(at(SHARED_LINE, 13, 'rating')).toBe(true); // "3/4"
    expect(at(SHARED_LINE, 34, 'recommendation')).toBe(true); // "strong hire"
    expect(at(SHARED_LINE + 1, 16, 'comparison')).toBe(true); // "than the other candidates"
    expect(result.stderr).toMatch(
      new RegExp(`${SCORECARD}:${SHARED_LINE + 1}:\\d+ .*\\(neutral-language\\)`),
    );
    expect(result.stderr).toMatch(new RegExp(`${SCORECARD}:${SHARED_LINE + 2}:21 .*\\(restricted-leak\\)`));
    expect(result.stderr).toContain('pass --force to render anyway');
    expect(result.stderr).not.toContain(fixture.restricted.email);
  });

  it('ignores the same words outside the shareable section and inside comments', async () => {
    const text = fixture
      .scorecard(`<!-- not a strong hire, rated 3/4 -->\n${fixture.scorecardText.forCandidate}`)
      .replace(
        `${fixture.scorecardText.internal}.`,
        `Rated 3/4, strong hire, better than the other candidates; ${fixture.restricted.email}.`,
      );
    const result = await runCli(['feedback', 'ana-lima'], { cwd: repo({ [SCORECARD]: text }) });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  });

  it('--force renders anyway, with each problem on standard error', async () => {
    const dir = repo({ [SCORECARD]: fixture.scorecard(problemText) });
    const result = await runCli(['feedback', 'ana-lima', '--force'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('# Interview feedback for Ana Lima');
    expect(result.stderr).toMatch(
      /^handoff: warning: rendered despite \d+ problems in the "For the candidate" sections \(--force\)/,
    );
    expect(result.stderr).toContain(`handoff: warning: ${SCORECARD}:${SHARED_LINE}:13  "3/4" is a rating`);
  });
});

describe('findShareableWording', () => {
  function sectionOf(text: string): ShareableSection {
    const document = loadDocument({ path: SCORECARD, text: fixture.scorecard(text) }) as Loaded<Feedback>;
    const [section] = shareableSections([document]);
    return section!;
  }
  const found = (text: string) => findShareableWording(sectionOf(text)).map((problem) => problem.ruleId);

  it.each([
    ['You scored 3 on collaboration.', 'rating'],
    ['That was a 3 on the rubric.', 'rating'],
    ['Overall 4 out of 4.', 'rating'],
    ['We rated it as four.', 'rating'],
    ['My recommendation is yes.', 'recommendation'],
    ['A strong yes from me.', 'recommendation'],
    ['This is a no hire.', 'recommendation'],
    ['We would hire you.', 'recommendation'],
    ['Thumbs up.', 'recommendation'],
    ['I recommend moving forward.', 'recommendation'],
    ['You were the best candidate this week.', 'comparison'],
    ['Stronger than most candidates.', 'comparison'],
    ['You ranked first.', 'comparison'],
    ['Compared with the others, you were quick.', 'comparison'],
    ['Among the candidates you were clearest.', 'comparison'],
  ])('flags %j as %s', (text, ruleId) => {
    expect(found(text)).toContain(ruleId);
  });

  it.each([
    'You explained the trade-off between two designs.',
    'The hiring manager will be in touch.',
    'You ranked the failure modes by how likely they were.',
    'The service handles 24/7 traffic at a rate of 5 requests per second.',
    'You compared the two designs side by side.',
    'It would help to practise estimating capacity.',
    'You described 3 failure modes and how an operator sees each.',
  ])('does not flag %j', (text) => {
    expect(found(text)).toEqual([]);
  });

  it('points at the phrase in the original file', () => {
    const [problem] = findShareableWording(sectionOf('Clear answers.\nYou scored 3 today.'));
    expect(problem).toMatchObject({ file: SCORECARD, line: SHARED_LINE + 1, column: 5, ruleId: 'rating' });
  });
});

describe('units', () => {
  it('splits paragraphs into sentences and keeps list items whole', () => {
    expect(
      units('One thing. Another thing!\n\n- A list item\n  that wraps.\n- Second. With two sentences.'),
    ).toEqual(['One thing.', 'Another thing!', 'A list item that wraps.', 'Second. With two sentences.']);
  });
});

describe('handoff feedback on the example repository', () => {
  it.runIf(existsSync(join(exampleRepo, 'candidates/ana-lima/feedback')))(
    "renders Ana Lima's digest",
    async () => {
      const dir = copyOfExample(false);
      const result = await runCli(['feedback', 'ana-lima'], { cwd: dir });
      expect(result.code).toBe(0);
      expect(result.stdout).toContain('### Hiring manager screen (2026-11-19)');
      expect(result.stdout).toContain('### System design (2026-11-24)');
      expect(result.stdout).toContain('A point to practise is estimating capacity early');
      expect(result.stdout).not.toContain('row-level locks');
      expect(result.stdout).not.toContain('Rated 3');
    },
  );
});
