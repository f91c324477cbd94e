import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../src/core/config.js';
import { splitFrontMatter } from '../src/core/frontmatter.js';
import { splitSections } from '../src/core/sections.js';
import { requiredHeadings } from '../src/core/sections-spec.js';
import { loadDocument } from '../src/core/workspace.js';
import { addPersonToConfigText } from '../src/io/config-edit.js';
import { readFile, runCli, tempDir, writeFiles } from './helpers/repo.js';
import { config, repositoryFiles, today } from './new.fixture.js';

function repository(files: Record<string, string> = repositoryFiles()): string {
  const dir = tempDir();
  writeFiles(dir, files);
  return dir;
}

/** Reads a written document back the way lint does, and returns its front matter. */
function loadClean(dir: string, path: string): Record<string, unknown> {
  const document = loadDocument({ path, text: readFile(dir, path) });
  expect(document).toBeDefined();
  expect(document!.diagnostics).toEqual([]);
  expect(document!.value).toBeDefined();
  return document!.data!;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1))
    .sort();
}

const candidateFlags = ['--role', 'backend-engineer', '--source-channel', 'referral'];

describe('handoff new <kind> with flags', () => {
  it('role: a full checklist skeleton that loads without errors', async () => {
    const dir = repository();
    const result = await runCli(
      [
        'new',
        'role',
        '--title',
        'Staff Data Engineer',
        '--team',
        'Data',
        '--hiring-manager',
        'sam.lee',
        '--recruiter',
        'alex.kim',
      ],
      { cwd: dir },
    );
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toBe(
      'created  roles/staff-data-engineer.md\n\nNext: replace every TODO (expectations, rubric, loop, communication) and fill in the ## sections, then run "handoff lint roles/staff-data-engineer.md"\n',
    );
    const data = loadClean(dir, 'roles/staff-data-engineer.md');
    expect(data).toMatchObject({
      kind: 'role',
      id: 'staff-data-engineer',
      title: 'Staff Data Engineer',
      team: 'Data',
      status: 'open',
      hiring_manager: 'sam.lee',
      recruiter: 'alex.kim',
      opened: today(),
      timeline: [],
    });
    expect(data.competencies).toEqual([
      {
        id: 'competency-1',
        name: 'TODO: the competency, like: System design',
        rubric: {
          1: 'TODO: what a candidate at 1 says or does',
          2: 'TODO: what a candidate at 2 says or does',
          3: 'TODO: what a candidate at 3 says or does',
          4: 'TODO: what a candidate at 4 says or does',
        },
      },
    ]);
    expect(data.loop).toMatchObject([
      { id: 'interview-1', interviewers: ['sam.lee'], focus: ['competency-1'] },
    ]);
    const text = readFile(dir, 'roles/staff-data-engineer.md');
    expect(text).toContain('# compensation: { currency: EUR, min: 90000, max: 110000, notes: Band P4 }');
    expect(text).toContain(
      'stage is one of: sourced, recruiter-screen, hiring-manager-screen, onsite, offer.',
    );
  });

  it('candidate: defaults from the config and the role, optional values commented out', async () => {
    const dir = repository();
    const result = await runCli(['new', 'candidate', '--name', 'Zoë Łukasiewicz', ...candidateFlags], {
      cwd: dir,
    });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('created  candidates/zoe-lukasiewicz/profile.md\n');
    expect(result.stdout).toContain('Next: fill in the TODOs and the ## sections');
    const data = loadClean(dir, 'candidates/zoe-lukasiewicz/profile.md');
    expect(data).toEqual({
      kind: 'candidate',
      id: 'zoe-lukasiewicz',
      name: 'Zoë Łukasiewicz',
      role: 'backend-engineer',
      stage: 'sourced',
      status: 'active',
      recruiter: 'alex.kim',
      hiring_manager: 'sam.lee',
      applied: today(),
      source: { channel: 'referral' },
      next_step: expect.objectContaining({ owner: 'alex.kim', action: expect.stringMatching(/^TODO: /) }),
      fit: {},
    });
    const text = readFile(dir, 'candidates/zoe-lukasiewicz/profile.md');
    expect(text).toContain('# pronouns: she/her');
    expect(text).toContain('# contact: { email: name@mail.example, phone: "+44 7700 900123" } # restricted');
    expect(text).toContain(
      '#   own-ledger: # evidence for: Within six months, owns the ledger service end to end, including on-call.',
    );
  });

  it('candidate: every optional flag lands in its field', async () => {
    const dir = repository();
    const result = await runCli(
      [
        'new',
        'candidate',
        '--name',
        'Noor Haddad',
        ...candidateFlags,
        '--pronouns',
        'she/her',
        '--stage',
        'recruiter-screen',
        '--status',
        'on-hold',
        '--recruiter',
        'alex.kim',
        '--hiring-manager',
        'sam.lee',
        '--applied',
        '2026-11-02',
        '--source-detail',
        'Met at PyCon',
        '--contact-email',
        'noor@mail.example',
        '--contact-phone',
        '07700900123',
        '--timezone',
        'Asia/Amman',
        '--id',
        'noor-h',
      ],
      { cwd: dir },
    );
    expect(result.code).toBe(0);
    const data = loadClean(dir, 'candidates/noor-h/profile.md');
    expect(data).toMatchObject({
      id: 'noor-h',
      pronouns: 'she/her',
      stage: 'recruiter-screen',
      status: 'on-hold',
      applied: '2026-11-02',
      source: { channel: 'referral', detail: 'Met at PyCon' },
      // A phone number stays text: it is quoted, so YAML cannot turn it into a number.
      contact: { email: 'noor@mail.example', phone: '07700900123' },
      timezone: 'Asia/Amman',
    });
  });

  it('candidate: a name full of YAML and template syntax comes back as the same data', async () => {
    const dir = repository();
    const name = `O'Brien: "Zoë" {{x}}`;
    const result = await runCli(
      ['new', 'candidate', '--name', name, '--pronouns', '{{#each}}: [x]', ...candidateFlags],
      {
        cwd: dir,
      },
    );
    expect(result.code).toBe(0);
    const data = loadClean(dir, 'candidates/obrien-zoe-x/profile.md');
    expect(data.name).toBe(name);
    expect(data.pronouns).toBe('{{#each}}: [x]');
  });

  it('memo: author from the candidate, stakeholders from the role loop, placeholders to fill', async () => {
    const dir = repository();
    const result = await runCli(['new', 'memo', '--candidate', 'ana-lima'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('created  candidates/ana-lima/memo.md\n');
    const data = loadClean(dir, 'candidates/ana-lima/memo.md');
    expect(data).toEqual({
      kind: 'memo',
      candidate: 'ana-lima',
      author: 'alex.kim',
      date: today(),
      communication_style: 'TODO: how the candidate prefers to communicate',
      motivations: ['TODO: a motivation the candidate named, like: Ownership of a service end to end'],
      concerns: [],
      stakeholders: [
        { person: 'sam.lee', interview: 'hm-screen', role: 'Hiring manager screen: Collaboration' },
        {
          person: 'pat.quinn',
          interview: 'onsite-design',
          role: 'System design: System design, Collaboration',
        },
        {
          person: 'sam.lee',
          interview: 'onsite-design',
          role: 'System design: System design, Collaboration',
        },
      ],
      already_asked: [],
    });
  });

  it('memo: --author, --date and --communication-style', async () => {
    const dir = repository();
    const result = await runCli(
      [
        'new',
        'memo',
        '--candidate',
        'ana-lima',
        '--author',
        'sam.lee',
        '--date',
        '2026-11-18',
        '--communication-style',
        'Direct; short e-mails',
      ],
      { cwd: dir },
    );
    expect(result.code).toBe(0);
    expect(loadClean(dir, 'candidates/ana-lima/memo.md')).toMatchObject({
      author: 'sam.lee',
      date: '2026-11-18',
      communication_style: 'Direct; short e-mails',
    });
  });

  it('feedback: rating keys are the focus competencies, commented out with their anchors until scored', async () => {
    const dir = repository();
    const result = await runCli(
      [
        'new',
        'feedback',
        '--candidate',
        'ana-lima',
        '--interview',
        'onsite-design',
        '--interviewer',
        'pat.quinn',
        '--recommendation',
        'no',
      ],
      { cwd: dir },
    );
    expect(result.code).toBe(0);
    const path = 'candidates/ana-lima/feedback/onsite-design--pat.quinn.md';
    expect(result.stdout).toContain(`created  ${path}\n`);
    const data = loadClean(dir, path);
    expect(data).toEqual({
      kind: 'feedback',
      candidate: 'ana-lima',
      interview: 'onsite-design',
      interviewer: 'pat.quinn',
      interviewed: today(),
      ratings: {},
      recommendation: 'no',
    });
    const text = readFile(dir, path);
    expect(text).toContain(
      [
        'ratings: {}',
        '  # system-design: # System design',
        '  #   1: Describes components but cannot say how they fail or scale.',
        '  #   2: Produces a workable design once given the constraints.',
        '  #   3: Asks for the constraints, partitions the problem, and handles failure.',
        '  #   4: Does all of 3 unprompted and weighs two designs against each other.',
        '  # collaboration: # Collaboration',
      ].join('\n'),
    );
    expect(text).toContain('  sd-1: Design a ledger that two regions write to.');
    expect(text).toContain('# submitted: ');
  });

  it('feedback: --rating scores a focus competency; the others stay commented out', async () => {
    const dir = repository();
    const result = await runCli(
      [
        'new',
        'feedback',
        '--candidate',
        'ana-lima',
        '--interview',
        'onsite-design',
        '--interviewer',
        'sam.lee',
        '--interviewed',
        '2026-11-24',
        '--rating',
        'system-design=3',
        '--recommendation',
        'strong-yes',
      ],
      { cwd: dir },
    );
    expect(result.code).toBe(0);
    const path = 'candidates/ana-lima/feedback/onsite-design--sam.lee.md';
    expect(loadClean(dir, path)).toMatchObject({
      interviewed: '2026-11-24',
      ratings: { 'system-design': 3 },
    });
    expect(readFile(dir, path)).toContain('  # collaboration: # Collaboration');
  });

  it('feedback: the only interviewer of an interview is the default', async () => {
    const dir = repository();
    const result = await runCli(
      ['new', 'feedback', '--candidate', 'ana-lima', '--interview', 'hm-screen', '--recommendation', 'yes'],
      { cwd: dir },
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('created  candidates/ana-lima/feedback/hm-screen--sam.lee.md\n');
  });

  it('survey: stage from the candidate, body without sections', async () => {
    const dir = repository();
    const result = await runCli(
      ['new', 'survey', '--candidate', 'ana-lima', '--score', '4', '--date', '2026-11-25'],
      {
        cwd: dir,
      },
    );
    expect(result.code).toBe(0);
    const path = 'candidates/ana-lima/surveys/2026-11-25.md';
    expect(loadClean(dir, path)).toEqual({
      kind: 'survey',
      candidate: 'ana-lima',
      stage: 'onsite',
      date: '2026-11-25',
      score: 4,
    });
    expect(readFile(dir, path)).not.toMatch(/^## /m);
  });

  it('person: added to the config with its comments and layout kept', async () => {
    const dir = repository();
    const result = await runCli(
      [
        'new',
        'person',
        '--name',
        'Zoë Łukasiewicz',
        '--email',
        'zoe@acme.example',
        '--roles',
        'interviewer, coordinator',
        '--github',
        'zoel',
      ],
      { cwd: dir },
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('added    zoe.lukasiewicz to handoff.config.yaml\n');
    const entry =
      '  - { id: zoe.lukasiewicz, name: Zoë Łukasiewicz, email: zoe@acme.example, roles: [interviewer, coordinator], github: zoel }\n';
    const afterPatQuinn = config.indexOf('cadence:');
    expect(readFile(dir, 'handoff.config.yaml')).toBe(
      config.slice(0, afterPatQuinn) + entry + config.slice(afterPatQuinn),
    );
    expect(
      parseConfig(readFile(dir, 'handoff.config.yaml')).config?.people.map((person) => person.id),
    ).toEqual(['alex.kim', 'sam.lee', 'pat.quinn', 'zoe.lukasiewicz']);
  });

  it('person: --id overrides the first.last default', async () => {
    const dir = repository();
    const result = await runCli(
      [
        'new',
        'person',
        '--name',
        'Alex Kim',
        '--email',
        'alex.j.kim@acme.example',
        '--roles',
        'interviewer',
        '--id',
        'alex.j.kim',
      ],
      { cwd: dir },
    );
    expect(result.code).toBe(0);
    expect(readFile(dir, 'handoff.config.yaml')).toContain('  - { id: alex.j.kim, name: Alex Kim,');
  });
});

describe('ids of new documents', () => {
  it('a taken id gets a number', async () => {
    const dir = repository();
    const first = await runCli(['new', 'candidate', '--name', 'Ana Lima', ...candidateFlags], { cwd: dir });
    const second = await runCli(['new', 'candidate', '--name', 'Ana Lima', ...candidateFlags], { cwd: dir });
    expect(first.stdout).toContain('created  candidates/ana-lima-2/profile.md');
    expect(second.stdout).toContain('created  candidates/ana-lima-3/profile.md');
    expect(loadClean(dir, 'candidates/ana-lima-3/profile.md').id).toBe('ana-lima-3');
  });

  it('a name with no Latin letters gets an opaque id', async () => {
    const dir = repository();
    const result = await runCli(['new', 'candidate', '--name', '李小龙', ...candidateFlags], { cwd: dir });
    expect(result.code).toBe(0);
    const [, id] = /created {2}candidates\/(c-[a-z0-9]{8})\/profile\.md/.exec(result.stdout) ?? [];
    expect(id).toBeDefined();
    expect(loadClean(dir, `candidates/${id}/profile.md`).name).toBe('李小龙');
  });

  it('ids: opaque in the config keeps names out of paths', async () => {
    const dir = repository({
      ...repositoryFiles(),
      'handoff.config.yaml': config.replace('ids: name', 'ids: opaque'),
    });
    const result = await runCli(['new', 'candidate', '--name', 'Ana Lima', ...candidateFlags], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/created {2}candidates\/c-[a-z0-9]{8}\/profile\.md/);
    expect(result.stdout).not.toContain('ana-lima');
  });

  it.each([
    ['..', 'it contains ".."'],
    ['../escape', 'it contains a path separator'],
    ['a/b', 'it contains a path separator'],
    ['ana\0lima', 'it contains a NUL byte'],
    ['Ana Lima', 'an id is lower-case letters'],
  ])('--id %j is refused with exit 2 and nothing written', async (id, reason) => {
    const dir = repository();
    const before = filesUnder(dir);
    const result = await runCli(['new', 'candidate', '--name', 'Ana', ...candidateFlags, '--id', id], {
      cwd: dir,
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('cannot be used: ');
    expect(result.stderr).toContain(reason);
    expect(result.stderr).not.toContain('\0');
    expect(filesUnder(dir)).toEqual(before);
  });

  it('--id on a role and on a person is checked too', async () => {
    const dir = repository();
    const role = await runCli(
      [
        'new',
        'role',
        '--title',
        'X',
        '--team',
        'Y',
        '--hiring-manager',
        'sam.lee',
        '--recruiter',
        'alex.kim',
        '--id',
        '../x',
      ],
      { cwd: dir },
    );
    expect(role.code).toBe(2);
    const person = await runCli(
      ['new', 'person', '--name', 'X', '--email', 'x@acme.example', '--roles', 'interviewer', '--id', 'a/b'],
      {
        cwd: dir,
      },
    );
    expect(person.code).toBe(2);
    expect(readFile(dir, 'handoff.config.yaml')).toBe(config);
  });
});

describe('values that are missing or wrong', () => {
  it('without a terminal a missing value is a usage error listing each flag (exit 2)', async () => {
    const dir = repository();
    const result = await runCli(['new', 'candidate'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      [
        'handoff: handoff new candidate needs values that were not given',
        '  --name <name>               candidate name',
        '  --role <role-id>            the role they apply for',
        '  --source-channel <channel>  how they came to us: referral | inbound | outbound | agency | event | internal',
        '  Pass the flags above, or run it in a terminal to be asked for them.',
        '',
      ].join('\n'),
    );
    expect(existsSync(join(dir, 'candidates/ana-lima/memo.md'))).toBe(false);
  });

  it.each([
    ['role', ['--title', '--team', '--hiring-manager', '--recruiter']],
    ['memo', ['--candidate']],
    ['feedback', ['--candidate', '--interview', '--interviewer', '--recommendation']],
    ['survey', ['--candidate', '--score']],
    ['person', ['--name', '--email', '--roles']],
  ])('new %s lists its required flags', async (kind, flags) => {
    const dir = repository();
    const result = await runCli(['new', kind], { cwd: dir });
    expect(result.code).toBe(2);
    const listed = [...result.stderr.matchAll(/^ {2}(--[a-z-]+) /gm)].map((match) => match[1]);
    expect(listed).toEqual(flags);
  });

  it('an unknown role is named with the closest first (exit 2)', async () => {
    const dir = repository();
    const result = await runCli(
      ['new', 'candidate', '--name', 'Ana', '--role', 'backend-enginer', '--source-channel', 'referral'],
      {
        cwd: dir,
      },
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      [
        'handoff: there is no role "backend-enginer" (did you mean "backend-engineer"?)',
        '  backend-engineer  Senior Backend Engineer (Payments)',
        '  Pass one of these with --role. Create it first with "handoff new role".',
        '',
      ].join('\n'),
    );
  });

  it('an unknown person is named with a suggestion; someone without the role is told so (exit 2)', async () => {
    const dir = repository();
    const typo = await runCli(
      ['new', 'candidate', '--name', 'Ana', ...candidateFlags, '--recruiter', 'alex.kin'],
      { cwd: dir },
    );
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain('there is no recruiter "alex.kin" (did you mean "alex.kim"?)');
    expect(typo.stderr).toContain('  alex.kim  Alex Kim\n');

    const notRecruiter = await runCli(
      ['new', 'candidate', '--name', 'Ana', ...candidateFlags, '--recruiter', 'pat.quinn'],
      {
        cwd: dir,
      },
    );
    expect(notRecruiter.code).toBe(2);
    expect(notRecruiter.stderr).toContain(
      'pat.quinn is not a recruiter in handoff.config.yaml (their roles: interviewer)',
    );
    expect(existsSync(join(dir, 'candidates/ana'))).toBe(false);
  });

  it('orders the choices closest first', async () => {
    const dir = repository();
    const result = await runCli(['new', 'memo', '--candidate', 'ana-lima', '--author', 'pat.quin'], {
      cwd: dir,
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('there is no person "pat.quin" (did you mean "pat.quinn"?)');
    expect(result.stderr.indexOf('pat.quinn  Pat Quinn')).toBeLessThan(
      result.stderr.indexOf('alex.kim  Alex Kim'),
    );
  });

  it('an unknown candidate, stage and interview are refused (exit 2)', async () => {
    const dir = repository();
    const candidate = await runCli(['new', 'memo', '--candidate', 'ana-lim'], { cwd: dir });
    expect(candidate.code).toBe(2);
    expect(candidate.stderr).toContain('there is no candidate "ana-lim" (did you mean "ana-lima"?)');
    const stage = await runCli(
      ['new', 'candidate', '--name', 'Ana', ...candidateFlags, '--stage', 'on-site'],
      { cwd: dir },
    );
    expect(stage.code).toBe(2);
    expect(stage.stderr).toContain('there is no stage "on-site" (did you mean "onsite"?)');
    const interview = await runCli(
      [
        'new',
        'feedback',
        '--candidate',
        'ana-lima',
        '--interview',
        'onsite',
        '--interviewer',
        'pat.quinn',
        '--recommendation',
        'yes',
      ],
      { cwd: dir },
    );
    expect(interview.code).toBe(2);
    expect(interview.stderr).toContain('there is no interview "onsite"');
    expect(interview.stderr).toContain('  onsite-design  System design (onsite; pat.quinn, sam.lee)\n');
  });

  it('the interviewer must be on the interview; the message lists its interviewers', async () => {
    const dir = repository();
    const result = await runCli(
      [
        'new',
        'feedback',
        '--candidate',
        'ana-lima',
        '--interview',
        'hm-screen',
        '--interviewer',
        'pat.quinn',
        '--recommendation',
        'yes',
      ],
      { cwd: dir },
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      [
        'handoff: pat.quinn is not an interviewer on hm-screen',
        '  sam.lee',
        "  Pass one of the interviewers above with --interviewer, or add pat.quinn to the interview's interviewers in the role file.",
        '',
      ].join('\n'),
    );
  });

  it('ratings must be focus competencies scored 1 to 4', async () => {
    const dir = repository();
    const base = [
      'new',
      'feedback',
      '--candidate',
      'ana-lima',
      '--interview',
      'hm-screen',
      '--recommendation',
      'yes',
    ];
    const other = await runCli([...base, '--rating', 'system-design=3'], { cwd: dir });
    expect(other.code).toBe(2);
    expect(other.stderr).toContain('hm-screen does not assess "system-design", so it cannot be rated');
    const high = await runCli([...base, '--rating', 'collaboration=5'], { cwd: dir });
    expect(high.code).toBe(2);
    expect(high.stderr).toContain('--rating collaboration="5" is not one of: 1, 2, 3, 4');
    const malformed = await runCli([...base, '--rating', 'collaboration'], { cwd: dir });
    expect(malformed.code).toBe(2);
    expect(malformed.stderr).toContain('is not competency=score');
    expect(existsSync(join(dir, 'candidates/ana-lima/feedback'))).toBe(false);
  });

  it.each([
    [['--source-channel', 'linkedin'], '--source-channel "linkedin" is not one of: referral, inbound'],
    [['--applied', '2026-02-30'], '--applied "2026-02-30" is not a date'],
    [['--contact-email', 'ana-at-mail'], '--contact-email is not an e-mail address'],
    [['--timezone', 'Mars/Olympus'], '--timezone "Mars/Olympus" is not a time zone'],
    [['--status', 'open'], '--status "open" is not one of: active, on-hold, hired, rejected, withdrawn'],
  ])('a bad value is a usage error: %j', async (flags, message) => {
    const dir = repository();
    const result = await runCli(['new', 'candidate', '--name', 'Ana', ...candidateFlags, ...flags], {
      cwd: dir,
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
    expect(result.stderr).not.toContain('ana-at-mail');
  });

  it('a flag of another kind is refused rather than ignored', async () => {
    const dir = repository();
    const result = await runCli(
      ['new', 'candidate', '--name', 'Ana', ...candidateFlags, '--title', 'Engineer'],
      { cwd: dir },
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--title is not used by "handoff new candidate"');
  });

  it('an unknown kind is a usage error with a suggestion', async () => {
    const dir = repository();
    const result = await runCli(['new', 'candidte'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('"handoff new" cannot make a "candidte" (did you mean "candidate"?)');
  });

  it('a person with a taken id or e-mail is refused (exit 1) and the config is unchanged', async () => {
    const dir = repository();
    const id = await runCli(
      ['new', 'person', '--name', 'Alex Kim', '--email', 'other@acme.example', '--roles', 'recruiter'],
      { cwd: dir },
    );
    expect(id.code).toBe(1);
    expect(id.stderr).toContain('alex.kim is already listed in handoff.config.yaml');
    const email = await runCli(
      ['new', 'person', '--name', 'A K', '--email', 'Alex.Kim@acme.example', '--roles', 'recruiter'],
      {
        cwd: dir,
      },
    );
    expect(email.code).toBe(1);
    expect(email.stderr).toContain('alex.kim already has this e-mail address');
    expect(email.stderr).not.toContain('acme.example');
    expect(readFile(dir, 'handoff.config.yaml')).toBe(config);
  });

  it('a candidate or role whose file has errors is not built on (exit 1)', async () => {
    const files = repositoryFiles();
    const dir = repository({
      ...files,
      'candidates/ana-lima/profile.md': files['candidates/ana-lima/profile.md']!.replace(
        'status: active',
        'status: pending',
      ),
      'roles/broken.md': '---\nkind: role\nid: broken\n---\n',
    });
    const memo = await runCli(['new', 'memo', '--candidate', 'ana-lima'], { cwd: dir });
    expect(memo.code).toBe(1);
    expect(memo.stderr).toContain(
      'candidates/ana-lima/profile.md has errors, so the candidate cannot be used yet',
    );
    expect(memo.stderr).toContain('handoff lint candidates/ana-lima/profile.md');
    const candidate = await runCli(
      ['new', 'candidate', '--name', 'Ana', '--role', 'broken', '--source-channel', 'event'],
      { cwd: dir },
    );
    expect(candidate.code).toBe(1);
    expect(candidate.stderr).toContain('roles/broken.md has errors, so the role cannot be used yet');
  });

  it('says what to create first when there is nothing to refer to', async () => {
    const dir = repository({ 'handoff.config.yaml': config });
    const result = await runCli(
      ['new', 'candidate', '--name', 'Ana', '--role', 'backend-engineer', '--source-channel', 'event'],
      {
        cwd: dir,
      },
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      'handoff: there is no role "backend-engineer"\n  Create it first with "handoff new role".\n',
    );
  });

  it('outside a handoff repository it says to run handoff init', async () => {
    const result = await runCli(['new', 'candidate', '--name', 'Ana'], { cwd: tempDir() });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('handoff init');
  });
});

describe('existing files', () => {
  it('are never overwritten without --force (exit 1, content unchanged)', async () => {
    const dir = repository({ ...repositoryFiles(), 'candidates/ana-lima/memo.md': 'my memo\n' });
    const refused = await runCli(['new', 'memo', '--candidate', 'ana-lima'], { cwd: dir });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('candidates/ana-lima/memo.md already exists and was left unchanged');
    expect(readFile(dir, 'candidates/ana-lima/memo.md')).toBe('my memo\n');

    const forced = await runCli(['new', 'memo', '--candidate', 'ana-lima', '--force'], { cwd: dir });
    expect(forced.code).toBe(0);
    loadClean(dir, 'candidates/ana-lima/memo.md');
  });

  it('an explicit --id of an existing candidate is refused, not renumbered', async () => {
    const dir = repository();
    const result = await runCli(
      ['new', 'candidate', '--name', 'Ana Lima', ...candidateFlags, '--id', 'ana-lima'],
      { cwd: dir },
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('candidates/ana-lima/profile.md already exists');
    expect(readFile(dir, 'candidates/ana-lima/profile.md')).toBe(
      repositoryFiles()['candidates/ana-lima/profile.md'],
    );
  });

  it('a second scorecard for the same interview and interviewer is refused', async () => {
    const dir = repository();
    const args = [
      'new',
      'feedback',
      '--candidate',
      'ana-lima',
      '--interview',
      'hm-screen',
      '--recommendation',
      'yes',
    ];
    expect((await runCli(args, { cwd: dir })).code).toBe(0);
    const again = await runCli(args, { cwd: dir });
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('candidates/ana-lima/feedback/hm-screen--sam.lee.md already exists');
  });
});

describe('templates', () => {
  it.each(['role', 'candidate', 'memo', 'feedback'] as const)(
    '%s lays out the ## sections of its kind, each with guidance in an HTML comment',
    async (kind) => {
      const dir = repository();
      const args: Record<typeof kind, string[]> = {
        role: [
          '--title',
          'T',
          '--team',
          'T',
          '--hiring-manager',
          'sam.lee',
          '--recruiter',
          'alex.kim',
          '--id',
          't',
        ],
        candidate: ['--name', 'Ana', ...candidateFlags, '--id', 't'],
        memo: ['--candidate', 'ana-lima'],
        feedback: ['--candidate', 'ana-lima', '--interview', 'hm-screen', '--recommendation', 'yes'],
      };
      const path = {
        role: 'roles/t.md',
        candidate: 'candidates/t/profile.md',
        memo: 'candidates/ana-lima/memo.md',
        feedback: 'candidates/ana-lima/feedback/hm-screen--sam.lee.md',
      }[kind];
      expect((await runCli(['new', kind, ...args[kind]], { cwd: dir })).code).toBe(0);
      const split = splitFrontMatter(readFile(dir, path));
      if (!split.ok) throw new Error('no front matter');
      const sections = splitSections(split.parts.body, split.parts.bodyLine);
      expect(sections.map((section) => section.heading)).toEqual(requiredHeadings(kind));
      for (const section of sections) expect(section.content).toMatch(/^<!-- [\s\S]+-->$/);
    },
  );

  it('a repository override in .handoff/templates is used, and one that does not load is refused', async () => {
    const dir = repository({
      ...repositoryFiles(),
      '.handoff/templates/survey.hbs':
        '---\nkind: survey\ncandidate: {{yaml candidate}}\nstage: {{yaml stage}}\ndate: {{yaml date}}\nscore: {{yaml score}}\n---\nOur own survey.\n',
    });
    const ok = await runCli(
      ['new', 'survey', '--candidate', 'ana-lima', '--score', '5', '--date', '2026-11-01'],
      { cwd: dir },
    );
    expect(ok.code).toBe(0);
    expect(readFile(dir, 'candidates/ana-lima/surveys/2026-11-01.md')).toContain('Our own survey.');

    writeFiles(dir, {
      '.handoff/templates/memo.hbs': '---\nkind: memo\ncandidate: {{yaml candidate}}\n---\n',
    });
    const broken = await runCli(['new', 'memo', '--candidate', 'ana-lima'], { cwd: dir });
    expect(broken.code).toBe(2);
    expect(broken.stderr).toContain('the memo template produced a document that does not load cleanly');
    expect(broken.stderr).toContain('Nothing was written.');
    expect(existsSync(join(dir, 'candidates/ana-lima/memo.md'))).toBe(false);
  });

  it('front matter comments say what the fields mean and which values they take', async () => {
    const dir = repository();
    await runCli(['new', 'candidate', '--name', 'Ana', ...candidateFlags, '--id', 't'], { cwd: dir });
    const text = readFile(dir, 'candidates/t/profile.md');
    expect(text).toMatch(/^---\n# Candidate profile: /);
    expect(text).toContain(
      'stage: "sourced" # one of: sourced, recruiter-screen, hiring-manager-screen, onsite, offer\n',
    );
    expect(text).toContain('status: "active" # active | on-hold | hired | rejected | withdrawn\n');
    expect(text).toContain(
      '  channel: "referral" # referral | inbound | outbound | agency | event | internal\n',
    );
  });
});

describe('adding a person to the config text', () => {
  const person = {
    id: 'noor.haddad',
    name: 'Noor Haddad',
    email: 'noor@acme.example',
    roles: ['interviewer' as const],
  };
  const base = 'organization: Acme\nstages:\n  - { id: sourced, name: Sourced }\n';

  it('turns the empty list that handoff init writes into a list', () => {
    const text = `${base}# Everyone named in any document.\npeople: []   # add people here\ncadence:\n  candidate_update_days: 5\n`;
    expect(addPersonToConfigText(text, person)).toBe(
      `${base}# Everyone named in any document.\npeople:   # add people here\n  - { id: noor.haddad, name: Noor Haddad, email: noor@acme.example, roles: [interviewer] }\ncadence:\n  candidate_update_days: 5\n`,
    );
  });

  it('adds the list when there is none, and keeps a file without a final newline valid', () => {
    expect(addPersonToConfigText(base.trimEnd(), person)).toBe(
      `${base}people:\n  - { id: noor.haddad, name: Noor Haddad, email: noor@acme.example, roles: [interviewer] }\n`,
    );
  });

  it('follows block-style entries and their indentation', () => {
    const text = `${base}people:\n- id: alex.kim\n  name: Alex Kim\n  email: alex@acme.example\n  roles: [recruiter]\n# end\n`;
    const updated = addPersonToConfigText(text, { ...person, name: `O'Brien: "Zoë" {{x}}` });
    expect(updated).toBe(
      `${base}people:\n- id: alex.kim\n  name: Alex Kim\n  email: alex@acme.example\n  roles: [recruiter]\n- id: noor.haddad\n  name: "O'Brien: \\"Zoë\\" {{x}}"\n  email: noor@acme.example\n  roles: [interviewer]\n# end\n`,
    );
    expect(parseConfig(updated).config?.people[1]?.name).toBe(`O'Brien: "Zoë" {{x}}`);
  });

  it('keeps Windows line endings', () => {
    const text =
      `${base}people:\n  - { id: alex.kim, name: Alex Kim, email: alex@acme.example, roles: [recruiter] }\n`.replaceAll(
        '\n',
        '\r\n',
      );
    const updated = addPersonToConfigText(text, person);
    expect(updated).toBe(
      `${text}  - { id: noor.haddad, name: Noor Haddad, email: noor@acme.example, roles: [interviewer] }\r\n`,
    );
  });

  it('quotes what YAML would misread', () => {
    const updated = addPersonToConfigText(`${base}people: []\n`, { ...person, name: 'Kim, Alex # [x]' });
    expect(updated).toContain('name: "Kim, Alex # [x]"');
    expect(parseConfig(updated).config?.people[0]?.name).toBe('Kim, Alex # [x]');
  });
});
