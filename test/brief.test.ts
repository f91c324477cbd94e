import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { matchCandidate } from '../src/core/briefing/lookup.js';
import { assignExpectations } from '../src/core/briefing/probes.js';
import { createRedaction } from '../src/core/briefing/redaction.js';
import { parseConfig } from '../src/core/config.js';
import { markdownToHtmlDocument } from '../src/io/html.js';
import { markdownBlockText } from '../src/io/templates.js';
import * as fixture from './brief-fixture.js';
import { copyOfExample, exampleRepo, readFile, runCli, tempDir, writeFiles } from './helpers/repo.js';

/** Every file read through src/io/read-text.ts, to prove what a packet reads. */
const reads = vi.hoisted(() => [] as string[]);
vi.mock('../src/io/read-text.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../src/io/read-text.js')>();
  return {
    ...actual,
    readText: (path: string) => {
      reads.push(path);
      return actual.readText(path);
    },
  };
});

function repo(overrides: Record<string, string | undefined> = {}): string {
  const dir = tempDir();
  writeFiles(dir, fixture.files(overrides));
  return dir;
}

async function brief(args: string[], cwd: string) {
  return runCli(['brief', ...args], { cwd });
}

/** The text of a `## ` section of a packet, up to the next one. */
function section(packet: string, heading: string): string {
  const start = packet.indexOf(`\n## ${heading}`);
  expect(start, `section "${heading}"`).toBeGreaterThan(-1);
  const next = packet.indexOf('\n## ', start + 1);
  return packet.slice(start, next === -1 ? undefined : next);
}

const allRestricted = [
  fixture.restricted.email,
  fixture.restricted.phone,
  fixture.restricted.sourceDetail,
  fixture.restricted.accommodationDetails,
  fixture.restricted.compensationNotes,
  '91,500',
  '91500',
  '118,250',
  '118250',
];
const otherInterviewers = [
  fixture.scorecardText.evidence,
  fixture.scorecardText.forCandidate,
  fixture.scorecardText.development,
  fixture.scorecardText.internal,
  'strong-yes',
  '3/4',
];

describe('handoff brief: the interviewer packet, section by section', () => {
  it('renders sections 1 to 6 in order and nothing restricted', async () => {
    const result = await brief(['ana-lima', '--interview', 'onsite-design'], repo());
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const headings = result.stdout.split('\n').filter((line) => line.startsWith('## '));
    expect(headings).toEqual([
      '## 1. The interview',
      '## 2. Who the candidate is',
      '## 3. What the role needs',
      '## 4. Your interview',
      '## 5. Arrangements and cautions',
      '## 6. How to hand in',
    ]);
    expect(result.stdout.split('\n')[0]).toBe('# Interview briefing: Ana Lima, System design');
    for (const value of [...allRestricted, ...otherInterviewers]) expect(result.stdout).not.toContain(value);
    expect(result.stdout).not.toMatch(/<!--|-->/);
  });

  it('1. the interview: candidate, role, stage, interview, time zone and the people on the loop', async () => {
    const packet = (await brief(['ana-lima', '--interview', 'onsite-design'], repo())).stdout;
    const part = section(packet, '1. The interview');
    expect(part).toContain('- **Candidate:** Ana Lima (she/her)');
    expect(part).toContain('- **Role:** Senior Backend Engineer, Payments');
    expect(part).toContain('- **Stage:** Onsite');
    expect(part).toContain('- **Interview:** System design, 60 minutes (Onsite)');
    expect(part).toContain('- **Interviewers:** Pat Quinn, Jo Park');
    expect(part).toContain("- **Candidate's time zone:** Europe/Lisbon");
    expect(part).toContain('- Sam Lee, Hiring manager screen: Hiring manager; scope and team');
    expect(part).toContain('- Pat Quinn, System design (this interview): Depth in distributed design');
    expect(part).toContain('- Jo Park, System design (this interview): Data modelling');
  });

  it('2. who the candidate is: profile sections without template comments, and the memo', async () => {
    const packet = (await brief(['ana-lima', '--interview', 'onsite-design'], repo())).stdout;
    const part = section(packet, '2. Who the candidate is');
    expect(part).toContain('### Summary\n\nBackend engineer with six years on payment systems.');
    expect(part).not.toContain('Who the candidate is, in two or three sentences');
    expect(part).toContain('### Strengths\n\n- Handles failure first.\n- Writes for others.');
    expect(part).toContain('### Growth areas\n\n- Capacity estimates came only when prompted.');
    expect(part).toContain('### Interview preferences\n\nSlots between 10:00 and 16:00 in her time zone.');
    expect(part).toContain('- **Communication style:** Direct; prefers short e-mails to calls.');
    expect(part).toContain('- **Motivations:** Ownership of a service end to end; A remote-friendly team');
    expect(part).toContain('- **Open concerns:** Relocation timing (owner: Sam Lee)');
    expect(part).not.toContain('Visa sponsorship');
    expect(part).toContain('She wants to own a service end to end.');
  });

  it('3. what the role needs: evidence or "to probe", the probes of this interview, the selling points', async () => {
    const packet = (await brief(['ana-lima', '--interview', 'onsite-design'], repo())).stdout;
    const part = section(packet, '3. What the role needs');
    expect(part).toContain(
      '- **Within six months, owns the ledger service end to end, including on-call.** Evidence so far: Ran the billing ledger at her current company for two years, including on-call.',
    );
    expect(part).toContain(
      "- **Reviews and improves the team's design documents within the first quarter.** _To probe: no evidence yet._",
    );
    const probes = part.slice(
      part.indexOf('### What this interview should probe'),
      part.indexOf('### Selling points'),
    );
    expect(probes).toContain(
      "Reviews and improves the team's design documents within the first quarter. _(through System design)_",
    );
    expect(part).toContain(
      '### Selling points the candidate should hear\n\nThe ledger is the system every other team depends on.',
    );
    expect(part).not.toContain('What the candidate should hear.');
  });

  it('4. your interview: the full rubric, the questions, what was already asked or covered', async () => {
    const packet = (await brief(['ana-lima', '--interview', 'onsite-design'], repo())).stdout;
    const part = section(packet, '4. Your interview');
    expect(part).toContain('### System design');
    expect(part).toContain('- **1:** Describes components but cannot say how they fail or scale.');
    expect(part).toContain('- **4:** Does all of 3 unprompted and weighs two designs against each other.');
    expect(part).not.toContain('### Collaboration');
    expect(part).toContain('1. Design a ledger that two regions write to. _(System design)_');
    expect(part).toContain("- **Already asked (recruiter's memo):** notice period; salary expectations");
    expect(part).toContain(
      '- **Hiring manager screen:** Tell me about a design decision you disagreed with.',
    );
  });

  it('5. arrangements and cautions, with the reminder to score before reading other scorecards', async () => {
    const packet = (await brief(['ana-lima', '--interview', 'onsite-design'], repo())).stdout;
    const part = section(packet, '5. Arrangements and cautions');
    expect(part).toContain('**Arrangements to provide:** Captions on video calls');
    expect(part).toContain('- Captions add a short delay; score the content of the answer only.');
    expect(part).toContain("before you read anyone else's scorecard");
  });

  it('6. how to hand in: the exact command per interviewer, and the due time when the date is known', async () => {
    const dir = repo();
    const packet = (await brief(['ana-lima', '--interview', 'onsite-design'], dir)).stdout;
    const part = section(packet, '6. How to hand in');
    expect(part).toContain(
      'handoff new feedback --candidate ana-lima --interview onsite-design --interviewer pat.quinn\n',
    );
    expect(part).toContain(
      'handoff new feedback --candidate ana-lima --interview onsite-design --interviewer jo.park\n',
    );
    expect(part).toContain('Due within 24 hours of the interview.');

    const dated = (await brief(['ana-lima', '--interviewer', 'pat.quinn', '--date', '2026-11-24'], dir))
      .stdout;
    expect(section(dated, '6. How to hand in')).toContain(
      '--interviewer pat.quinn --interviewed 2026-11-24\n```\n\nDue within 24 hours of the interview on 2026-11-24: by the same time on 2026-11-25.',
    );

    // The date of a scorecard already written for the interview counts as known.
    const hm = (await brief(['ana-lima', '--interview', 'hm-screen'], dir)).stdout;
    expect(section(hm, '6. How to hand in')).toContain('on 2026-11-19: by the same time on 2026-11-20.');
    expect(hm).not.toContain(fixture.scorecardText.evidence);
  });

  it('uses the due hours of the config, with an upper bound when they are not whole days', async () => {
    const dir = repo({
      'handoff.config.yaml': fixture.config.replace('feedback_due_hours: 24', 'feedback_due_hours: 36'),
    });
    const packet = (await brief(['ana-lima', '--interview', 'onsite-design', '--date', '2026-11-24'], dir))
      .stdout;
    expect(packet).toContain(
      'Due within 36 hours of the interview on 2026-11-24: by 2026-11-26 at the latest.',
    );
  });

  it('by default renders one packet per interview of the current stage', async () => {
    const dir = repo();
    const result = await brief(['ana-souza'], dir);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('# Interview briefing: Ana Souza, Hiring manager screen');
  });

  it('--interviewer renders that person\'s packets and leaves them out of "the other people"', async () => {
    const packet = (await brief(['ana-lima', '--interviewer', 'jo.park'], repo())).stdout;
    expect(packet).toContain('Acme Payments · interviewer packet for Jo Park\n');
    const part = section(packet, '1. The interview');
    expect(part).toContain('- Pat Quinn, System design (this interview): Depth in distributed design');
    expect(part).not.toContain('- Jo Park,');
    expect(section(packet, '6. How to hand in')).not.toContain('pat.quinn');
  });
});

describe('handoff brief: audiences and redaction', () => {
  it('the hiring-manager packet adds compensation and a summary of submitted scorecards, nothing else restricted', async () => {
    const result = await brief(
      ['ana-lima', '--interview', 'onsite-design', '--audience', 'hiring-manager'],
      repo(),
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Acme Payments · hiring manager packet for Sam Lee\n');
    const part = section(result.stdout, 'Restricted: for the hiring manager');
    expect(part).toContain('- **Compensation boundaries:** EUR 91,500 to 118,250 (Band P4 Zanzibar)');
    expect(part).toContain(
      '- Hiring manager screen, Sam Lee (2026-11-19, submitted 2026-11-19T15:10:00Z): Collaboration 3/4; recommendation strong-yes',
    );
    expect(part).toContain('**Still missing:**\n\n- System design (Onsite): Pat Quinn, Jo Park');
    for (const value of [
      fixture.restricted.email,
      fixture.restricted.phone,
      fixture.restricted.sourceDetail,
      fixture.restricted.accommodationDetails,
      fixture.scorecardText.evidence,
      fixture.scorecardText.internal,
    ]) {
      expect(result.stdout).not.toContain(value);
    }
  });

  it('the recruiter packet holds every restricted field', async () => {
    const result = await brief(
      ['ana-lima', '--interview', 'onsite-design', '--audience', 'recruiter'],
      repo(),
    );
    const part = section(result.stdout, 'Restricted: for the recruiter');
    expect(part).toContain('- **Compensation boundaries:** EUR 91,500 to 118,250 (Band P4 Zanzibar)');
    expect(part).toContain(`- **Contact:** email: ${fixture.restricted.email}; phone: +44 7700 900123`);
    expect(part).toContain(`- **Source details:** ${fixture.restricted.sourceDetail} (channel: referral)`);
    expect(part).toContain(`- **Accommodation details:** ${fixture.restricted.accommodationDetails}`);
    expect(part).toContain('### Scorecards submitted so far');
  });

  it('hides a field the config adds to the restricted list, and shows it to the audiences allowed', async () => {
    const config = fixture.config
      .replace(
        'restricted: [compensation, contact, source.detail, accommodations.details]',
        'restricted: [compensation, contact, source.detail, accommodations.details, timezone, already_asked]',
      )
      .replace(
        'recruiter: [compensation, contact, source.detail, accommodations.details]',
        'recruiter: [compensation, contact, source.detail, accommodations.details, timezone, already_asked]',
      );
    const dir = repo({ 'handoff.config.yaml': config });
    const interviewer = (await brief(['ana-lima', '--interview', 'onsite-design'], dir)).stdout;
    expect(interviewer).toContain("- **Candidate's time zone:** not recorded");
    expect(interviewer).not.toContain('Europe/Lisbon');
    expect(interviewer).not.toContain('salary expectations');
    const recruiter = (
      await brief(['ana-lima', '--interview', 'onsite-design', '--audience', 'recruiter'], dir)
    ).stdout;
    expect(section(recruiter, 'Restricted: for the recruiter')).toContain('- **timezone:** Europe/Lisbon');
    expect(section(recruiter, 'Restricted: for the recruiter')).toContain(
      '- **already\\_asked:** notice period, salary expectations',
    );
  });

  it('replaces a restricted value written into prose, and says so on standard error', async () => {
    const dir = repo({
      'candidates/ana-lima/profile.md': fixture.profile({
        summary: `Reach her at ${fixture.restricted.email} or +44 (7700) 900-123; expects 91.500 EUR or 92k.`,
      }),
    });
    const result = await brief(['ana-lima', '--interview', 'onsite-design'], dir);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      'Reach her at \\[redacted\\] or \\[redacted\\]; expects \\[redacted\\] EUR or 92k.',
    );
    expect(result.stderr).toContain('3 restricted values were written into prose');
    const recruiter = await brief(
      ['ana-lima', '--interview', 'onsite-design', '--audience', 'recruiter'],
      dir,
    );
    expect(recruiter.stdout).toContain(`Reach her at ${fixture.restricted.email}`);
    expect(recruiter.stderr).toBe('');
  });
});

describe('handoff brief: finding the candidate and the interview', () => {
  it("reads only the config, the role and the candidate's folder", async () => {
    const dir = repo({
      'candidates/zoe-berg/profile.md': fixture.profile({ id: 'zoe-berg', name: 'Zoe Berg' }),
    });
    reads.length = 0;
    const result = await brief(['ana-lima', '--interview', 'onsite-design'], dir);
    expect(result.code).toBe(0);
    const relative = reads.map((path) => path.slice(dir.length + 1)).sort();
    expect(relative).toEqual([
      'candidates/ana-lima/feedback/hm-screen--sam.lee.md',
      'candidates/ana-lima/memo.md',
      'candidates/ana-lima/profile.md',
      'handoff.config.yaml',
      'roles/backend-engineer.md',
    ]);
  });

  it('finds a candidate with an opaque id by the name in the profile', async () => {
    const dir = repo({
      'candidates/k7x2q9/profile.md': fixture.profile({
        id: 'k7x2q9',
        name: 'Zoë Łukasiewicz',
        stage: 'hiring-manager-screen',
      }),
    });
    const result = await brief(['zoe', '--interview', 'hm-screen'], dir);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('# Interview briefing: Zoë Łukasiewicz, Hiring manager screen');
    expect(section(result.stdout, '6. How to hand in')).toContain('--candidate k7x2q9 ');
  });

  it('takes a unique part of the name, in any case and without accents', async () => {
    const dir = repo();
    for (const query of ['lima', 'ANA LIMA', 'Líma', 'ana-l']) {
      const result = await brief([query, '--interview', 'onsite-design'], dir);
      expect(result.code, query).toBe(0);
      expect(result.stdout).toContain('# Interview briefing: Ana Lima, System design');
    }
  });

  it('refuses an ambiguous name, listing the matches', async () => {
    const result = await brief(['ana'], repo());
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('handoff: "ana" matches 2 candidates');
    expect(result.stderr).toContain('  ana-lima (Ana Lima)');
    expect(result.stderr).toContain('  ana-souza (Ana Souza)');
  });

  it('refuses an unknown candidate, listing the valid ids', async () => {
    const unknown = await brief(['zoe'], repo());
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('handoff: there is no candidate "zoe"');
    expect(unknown.stderr).toContain('Valid candidate ids:\n    ana-lima\n    ana-souza');
  });

  it('refuses an unknown interview, listing the interviews of the loop', async () => {
    const result = await brief(['ana-lima', '--interview', 'onsite-coding'], repo());
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      'roles/backend-engineer.md: the role "backend-engineer" has no interview "onsite-coding"',
    );
    expect(result.stderr).toContain(
      '  hm-screen: Hiring manager screen (stage hiring-manager-screen; sam.lee)',
    );
    expect(result.stderr).toContain('  onsite-design: System design (stage onsite; pat.quinn, jo.park)');
  });

  it('refuses an interviewer who is not on the loop, listing who is', async () => {
    const result = await brief(['ana-lima', '--interviewer', 'alex.kim'], repo());
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      'Alex Kim (alex.kim) is not an interviewer on the loop of "backend-engineer"',
    );
    expect(result.stderr).toContain('  pat.quinn (Pat Quinn): onsite-design');
    const wrongInterview = await brief(
      ['ana-lima', '--interview', 'hm-screen', '--interviewer', 'pat.quinn'],
      repo(),
    );
    expect(wrongInterview.code).toBe(1);
    expect(wrongInterview.stderr).toContain('is not an interviewer on the interview "hm-screen"');
  });

  it('refuses a role without a loop', async () => {
    const result = await brief(['ana-lima'], repo({ 'roles/backend-engineer.md': fixture.role('') }));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      'handoff: roles/backend-engineer.md: the role "backend-engineer" has no interview loop, so there is no interview to brief',
    );
  });

  it('refuses a candidate whose role does not exist, pointing at the profile', async () => {
    const result = await brief(['ana-lima'], repo({ 'roles/backend-engineer.md': undefined }));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      'candidates/ana-lima/profile.md:6:7: the role "backend-engineer" of this candidate does not exist',
    );
  });

  it('refuses a profile that cannot be read, pointing at lint', async () => {
    const result = await brief(
      ['ana-lima'],
      repo({ 'candidates/ana-lima/profile.md': '---\nkind: candidate\nid: [\n---\n' }),
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('candidates/ana-lima/profile.md could not be read');
    expect(result.stderr).toContain('handoff lint candidates/ana-lima/profile.md');
  });

  it('says when no interview of the loop is at the candidate stage', async () => {
    const dir = repo({ 'candidates/ana-lima/profile.md': fixture.profile({ stage: 'offer' }) });
    const result = await brief(['ana-lima'], dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('has no interview at the candidate\'s stage "offer"');
    expect(result.stderr).toContain('Pass --interview <id>');
  });
});

describe('handoff brief: incomplete documents', () => {
  it('renders a packet for an interview with no focus, saying what is missing', async () => {
    const loop = fixture.defaultLoop.replace('focus: [system-design]', 'focus: []');
    const result = await brief(
      ['ana-lima', '--interview', 'onsite-design'],
      repo({ 'roles/backend-engineer.md': fixture.role(loop) }),
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      'The interview "onsite-design" has no focus competencies in roles/backend-engineer.md',
    );
    expect(section(result.stdout, '4. Your interview')).toContain(
      'This interview has no focus competencies yet',
    );
    expect(result.stderr).toContain(
      'handoff: warning: The interview "onsite-design" has no focus competencies',
    );
  });

  it('says when a focus competency is not defined in the role', async () => {
    const loop = fixture.defaultLoop.replace('focus: [system-design]', 'focus: [system-design, leadership]');
    const result = await brief(
      ['ana-lima', '--interview', 'onsite-design'],
      repo({ 'roles/backend-engineer.md': fixture.role(loop) }),
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      'The focus competency "leadership" is not defined in roles/backend-engineer.md',
    );
    expect(section(result.stdout, '4. Your interview')).toContain(
      '### leadership\n\n_This competency is not defined in the role, so it has no rubric._',
    );
  });

  it('renders a packet without a memo, saying what is missing instead of failing', async () => {
    const result = await brief(
      ['ana-lima', '--interview', 'onsite-design'],
      repo({ 'candidates/ana-lima/memo.md': undefined }),
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('> **Missing from this packet**');
    expect(result.stdout).toContain(
      'There is no context memo yet (candidates/ana-lima/memo.md does not exist)',
    );
    expect(section(result.stdout, '2. Who the candidate is')).toContain('_There is no context memo yet');
    expect(section(result.stdout, '5. Arrangements and cautions')).toContain('_No cautions written._');
    expect(result.stderr).toContain('handoff: warning: There is no context memo yet');
  });

  it('says which profile sections are empty', async () => {
    const text = fixture
      .profile()
      .replace('- Capacity estimates came only when prompted.', '<!-- guidance only -->');
    const result = await brief(
      ['ana-lima', '--interview', 'onsite-design'],
      repo({ 'candidates/ana-lima/profile.md': text }),
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('The profile\'s "Growth areas" section is empty');
    expect(section(result.stdout, '2. Who the candidate is')).toContain(
      '### Growth areas\n\n_Not written yet._',
    );
  });
});

describe('handoff brief: where packets go', () => {
  it('writes one packet to a file inside the repository', async () => {
    const dir = repo();
    const result = await brief(['ana-lima', '--interview', 'onsite-design', '--out', 'packets/ana.md'], dir);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('wrote packets/ana.md\n');
    expect(readFile(dir, 'packets/ana.md')).toContain('## 6. How to hand in');
  });

  it('refuses a path outside the repository', async () => {
    const dir = repo();
    const result = await brief(['ana-lima', '--interview', 'onsite-design', '--out', '../outside.md'], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('"');
    expect(result.stderr).toContain('is outside the handoff repository');
    expect(existsSync(join(dir, '..', 'outside.md'))).toBe(false);
  });

  it('refuses to replace a file without --force, and replaces it with --force', async () => {
    const dir = repo();
    writeFileSync(join(dir, 'packet.md'), 'keep me');
    const refused = await brief(['ana-lima', '--interview', 'onsite-design', '--out', 'packet.md'], dir);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('packet.md already exists; nothing was written');
    expect(readFile(dir, 'packet.md')).toBe('keep me');
    const forced = await brief(
      ['ana-lima', '--interview', 'onsite-design', '--out', 'packet.md', '--force'],
      dir,
    );
    expect(forced.code).toBe(0);
    expect(readFile(dir, 'packet.md')).toContain('# Interview briefing');
  });

  it('needs a folder for several packets', async () => {
    const dir = repo();
    const toStdout = await brief(['ana-lima', '--interviewer', 'sam.lee', '--interview', 'hm-screen'], dir);
    expect(toStdout.code).toBe(0);

    const several = fixture.defaultLoop.replace(
      'interviewers: [pat.quinn, jo.park]',
      'interviewers: [pat.quinn, sam.lee]',
    );
    const dir2 = repo({ 'roles/backend-engineer.md': fixture.role(several) });
    const noOut = await brief(['ana-lima', '--interviewer', 'sam.lee'], dir2);
    expect(noOut.code).toBe(2);
    expect(noOut.stderr).toContain('2 packets to render, and standard output takes one');
    const toFile = await brief(['ana-lima', '--interviewer', 'sam.lee', '--out', 'packet.md'], dir2);
    expect(toFile.code).toBe(2);
    expect(toFile.stderr).toContain('--out packet.md is not a folder, and there are 2 packets to write');
    expect(existsSync(join(dir2, 'packet.md'))).toBe(false);

    const toFolder = await brief(
      ['ana-lima', '--interviewer', 'sam.lee', '--out', 'packets', '--format', 'html'],
      dir2,
    );
    expect(toFolder.code).toBe(0);
    expect(readdirSync(join(dir2, 'packets')).sort()).toEqual([
      'ana-lima--hm-screen--sam.lee.html',
      'ana-lima--onsite-design--sam.lee.html',
    ]);
  });

  it('refuses to write any packet when one target exists', async () => {
    const dir = repo();
    mkdirSync(join(dir, 'out'));
    writeFileSync(join(dir, 'out', 'ana-lima--onsite-design.md'), 'keep me');
    const result = await brief(['ana-lima', '--out', 'out/'], dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('out/ana-lima--onsite-design.md already exists');
    expect(readFile(dir, 'out/ana-lima--onsite-design.md')).toBe('keep me');
  });

  it('uses a template override from .handoff/templates/packets/', async () => {
    const dir = repo({
      '.handoff/templates/packets/interviewer.hbs': 'Custom packet for {{md candidate.name}}\n',
    });
    const result = await brief(['ana-lima', '--interview', 'onsite-design'], dir);
    expect(result.stdout).toBe('Custom packet for Ana Lima\n');
  });
});

describe('handoff brief: hostile text', () => {
  const hostile = '<img src=x onerror=alert(1)> [link](javascript:alert(1)) # Heading';

  it('escapes document text in Markdown', async () => {
    const dir = repo({
      'candidates/ana-lima/profile.md': fixture.profile({
        name: hostile,
        summary: `${hostile}\n---\n<script>alert(1)</script>`,
      }),
    });
    const result = await brief(['ana-lima', '--interview', 'onsite-design'], dir);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      '- **Candidate:** \\<img src=x onerror=alert(1)\\> \\[link\\](javascript:alert(1)) \\# Heading',
    );
    expect(result.stdout).toContain('\\---\n\\<script\\>alert(1)\\</script\\>');
  });

  it('renders self-contained HTML in which hostile text is text', async () => {
    const dir = repo({
      'candidates/ana-lima/profile.md': fixture.profile({ name: hostile, summary: hostile }),
    });
    const result = await brief(['ana-lima', '--interview', 'onsite-design', '--format', 'html'], dir);
    expect(result.code).toBe(0);
    const html = result.stdout;
    expect(html).toMatch(/^<!doctype html>\n<html lang="en">/);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain(
      `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    );
    expect(html).toContain('@media print');
    expect(html).not.toMatch(/<img|<script|<link|href="javascript|src=["']?http/i);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('<title>Interview briefing: &lt;img src=x onerror=alert(1)&gt;');
  });
});

describe('markdownToHtmlDocument', () => {
  it('keeps only http(s) and mailto links, drops images and raw HTML', () => {
    const html = markdownToHtmlDocument(
      '[a](https://example.com) [b](javascript:alert(1)) [c](file:///etc/passwd) [d](mailto:a@b.example) ![e](https://example.com/x.png) <b>raw</b>',
      { title: 't' },
    );
    expect(html).toContain('<a href="https://example.com" rel="noopener noreferrer">a</a>');
    expect(html).toContain('<a href="mailto:a@b.example" rel="noopener noreferrer">d</a>');
    expect(html).toContain('[b](javascript:alert(1))');
    expect(html).toContain('[c](file:///etc/passwd)');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;b&gt;raw&lt;/b&gt;');
  });
});

describe('the pieces', () => {
  it('markdownBlockText keeps lists and paragraphs, escapes structure', () => {
    expect(markdownBlockText('- one\n* two\n1. three\n\n# not a heading\n===\n> quote\n~~~')).toBe(
      '- one\n- two\n1. three\n\n\\# not a heading\n\\===\n\\> quote\n\\~~~',
    );
  });

  it('matchCandidate prefers an exact id, then an exact name, then a unique part', () => {
    const entries = [
      { id: 'ana', name: 'Ana Lima' },
      { id: 'ana-souza', name: 'Ana Souza' },
      { id: 'x1', name: 'Ana' },
    ];
    expect(matchCandidate('ana', entries)).toBe('ana');
    expect(matchCandidate('Ana', entries)).toBe('x1');
    expect(matchCandidate('souza', entries)).toBe('ana-souza');
    expect(() => matchCandidate('an', entries)).toThrow(/matches 3 candidates/);
  });

  it('createRedaction hides restricted values in their usual spellings', () => {
    const parsed = parseConfig(fixture.config);
    const redaction = createRedaction(parsed.config!, 'interviewer', [
      {
        contact: { email: 'a.b@c.example', phone: '+44 7700 900123' },
        compensation: { min: 90000, currency: 'EUR' },
      },
    ]);
    expect(redaction.isHidden('contact.email')).toBe(true);
    expect(redaction.isHidden('source')).toBe(true);
    expect(redaction.isHidden('source.channel')).toBe(false);
    expect(
      redaction.scrub(
        'mail A.B@C.example, call 07700900123 or +44 (7700) 900-123; 90,000 or 90k or 90 000 EUR; 900001',
      ),
    ).toBe(
      'mail [redacted], call 07700900123 or [redacted]; [redacted] or [redacted] or [redacted] EUR; 900001',
    );
  });

  it('assignExpectations links by id first, then by the words of the focus competencies', () => {
    const role = {
      kind: 'role' as const,
      id: 'r',
      title: 'R',
      team: 'T',
      status: 'open' as const,
      hiring_manager: 'a',
      recruiter: 'b',
      opened: '2026-01-01',
      expectations: [
        { id: 'design-reviews', outcome: 'Reviews the design documents of the team.' },
        { id: 'operations', outcome: 'Runs the on-call rotation.' },
        { id: 'unrelated', outcome: 'Speaks Portuguese.' },
      ],
      competencies: [
        { id: 'system-design', name: 'System design', rubric: { '3': 'Weighs two designs.' } },
        { id: 'operations', name: 'Operations', rubric: { '3': 'Leads incidents.' } },
      ],
      loop: [
        {
          id: 'design',
          stage: 's',
          title: 'Design',
          interviewers: [],
          focus: ['system-design'],
          questions: [],
        },
        { id: 'ops', stage: 's', title: 'Ops', interviewers: [], focus: ['operations'], questions: [] },
      ],
      timeline: [],
      communication: [],
    };
    const assignments = assignExpectations(role);
    expect(assignments.get('design')).toEqual([
      { expectationId: 'design-reviews', competencyIds: ['system-design'] },
    ]);
    expect(assignments.get('ops')).toEqual([{ expectationId: 'operations', competencyIds: ['operations'] }]);
  });
});

describe('handoff brief on the example repository', () => {
  it.runIf(existsSync(join(exampleRepo, 'candidates/ana-lima/profile.md')))(
    "renders the packet for Ana Lima's system design interview with every section and nothing restricted",
    async () => {
      const dir = copyOfExample(false);
      const result = await brief(['Ana Lima', '--interview', 'onsite-design'], dir);
      expect(result.code).toBe(0);
      const packet = result.stdout;
      expect(section(packet, '1. The interview')).toContain('- **Candidate:** Ana Lima (she/her)');
      expect(section(packet, '2. Who the candidate is')).toContain('### Summary');
      expect(section(packet, '3. What the role needs')).toContain(
        '### Selling points the candidate should hear',
      );
      expect(section(packet, '4. Your interview')).toContain('### System design');
      expect(section(packet, '5. Arrangements and cautions')).toContain('Captions on video calls');
      expect(section(packet, '6. How to hand in')).toContain(
        'handoff new feedback --candidate ana-lima --interview onsite-design --interviewer pat.quinn',
      );
      for (const value of [
        'ana.lima@mail.example',
        '7700 900123',
        'Risk team',
        'Partial hearing loss',
        '90,000',
        '90000',
        'Band P4',
      ]) {
        expect(packet).not.toContain(value);
      }
      // Another interviewer's scorecard text never reaches the packet.
      expect(packet).not.toContain('row-level locks');
      expect(packet).not.toContain('Rated 3');
    },
  );
});
