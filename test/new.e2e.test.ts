import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDocument } from '../src/core/workspace.js';
import { binary, git, gitEnv, gitRepo, readFile, runBinary, tempDir, writeFiles } from './helpers/repo.js';
import { config, repositoryFiles, role } from './new.fixture.js';

const noStackTrace = /\n\s+at .+:\d+:\d+/;

function expectLoadsClean(dir: string, path: string): void {
  const document = loadDocument({ path, text: readFile(dir, path) });
  expect(document?.diagnostics).toEqual([]);
  expect(document?.value).toBeDefined();
}

const candidate = [
  'new',
  'candidate',
  '--name',
  'Ana Souza',
  '--role',
  'backend-engineer',
  '--source-channel',
  'inbound',
];

describe('handoff new through the built binary', () => {
  it('makes every kind from flags in a Git repository', () => {
    const dir = gitRepo(repositoryFiles());
    const runs: [string[], string][] = [
      [
        [
          'new',
          'role',
          '--title',
          'Data Engineer',
          '--team',
          'Data',
          '--hiring-manager',
          'sam.lee',
          '--recruiter',
          'alex.kim',
        ],
        'roles/data-engineer.md',
      ],
      [candidate, 'candidates/ana-souza/profile.md'],
      [['new', 'memo', '--candidate', 'ana-souza'], 'candidates/ana-souza/memo.md'],
      [
        [
          'new',
          'feedback',
          '--candidate',
          'ana-lima',
          '--interview',
          'onsite-design',
          '--interviewer',
          'pat.quinn',
          '--rating',
          'system-design=4',
          '--recommendation',
          'strong-yes',
        ],
        'candidates/ana-lima/feedback/onsite-design--pat.quinn.md',
      ],
      [
        ['new', 'survey', '--candidate', 'ana-lima', '--score', '5', '--date', '2026-11-25'],
        'candidates/ana-lima/surveys/2026-11-25.md',
      ],
    ];
    for (const [args, path] of runs) {
      const result = runBinary(args, { cwd: dir });
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      expect(result.stdout).toContain(`created  ${path}\n`);
      expect(result.stdout).toMatch(/\nNext: .+\n$/);
      expectLoadsClean(dir, path);
    }
    const person = runBinary(
      ['new', 'person', '--name', 'Noor Haddad', '--email', 'noor@acme.example', '--roles', 'interviewer'],
      {
        cwd: dir,
      },
    );
    expect(person.code).toBe(0);
    expect(readFile(dir, 'handoff.config.yaml')).toContain('# payments\n  - { id: pat.quinn');
    expect(readFile(dir, 'handoff.config.yaml')).toContain('  - { id: noor.haddad, name: Noor Haddad,');
    // Nothing was committed without --commit.
    expect(git(dir, 'log', '--format=%s')).toBe('Initial handoff repository\n');
  });

  it('without a terminal, missing values are listed and nothing is asked (exit 2)', () => {
    const dir = gitRepo(repositoryFiles());
    const result = runBinary(['new', 'feedback', '--candidate', 'ana-lima'], { cwd: dir, env: { CI: '' } });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('  --interview <interview-id>');
    expect(result.stderr).toContain('  --recommendation <recommendation>');
    expect(result.stderr).not.toMatch(noStackTrace);
  });

  it('refuses unknown references and bad ids with exit 2 and no stack trace', () => {
    const dir = gitRepo(repositoryFiles());
    const role = runBinary(
      ['new', 'candidate', '--name', 'Ana', '--role', 'backend', '--source-channel', 'inbound'],
      { cwd: dir },
    );
    expect(role.code).toBe(2);
    expect(role.stderr).toContain('there is no role "backend"');
    const id = runBinary([...candidate, '--id', '../../outside'], { cwd: dir });
    expect(id.code).toBe(2);
    expect(id.stderr).toContain('it contains a path separator');
    for (const result of [role, id]) expect(result.stderr).not.toMatch(noStackTrace);
    expect(git(dir, 'status', '--porcelain')).toBe('');
  });
});

describe('handoff new --commit', () => {
  it('commits exactly the new file, with the handoff trailers, and leaves other staged work staged', () => {
    const dir = gitRepo(repositoryFiles());
    writeFiles(dir, {
      'notes.txt': 'work in progress\n',
      'roles/backend-engineer.md': `${repositoryFiles()['roles/backend-engineer.md']}\nEdited.\n`,
    });
    git(dir, 'add', 'notes.txt');

    const result = runBinary([...candidate, '--commit'], { cwd: dir });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /^created {2}candidates\/ana-souza\/profile\.md\ncommitted [0-9a-f]{7} Add candidate ana-souza\n/,
    );

    expect(git(dir, 'log', '-1', '--format=%B')).toBe(
      'Add candidate ana-souza\n\nHandoff-Event: new-candidate\nHandoff-Candidate: ana-souza\nHandoff-Stage: sourced\n\n',
    );
    expect(git(dir, 'show', '--name-only', '--format=', 'HEAD')).toBe('candidates/ana-souza/profile.md\n');
    expect(git(dir, 'log', '-1', '--format=%(trailers:key=Handoff-Candidate,valueonly)')).toBe(
      'ana-souza\n\n',
    );
    // The staged file is still staged and the edited role still edited: neither went into the commit.
    expect(git(dir, 'diff', '--cached', '--name-only')).toBe('notes.txt\n');
    expect(git(dir, 'diff', '--name-only')).toBe('roles/backend-engineer.md\n');
  });

  it('commits a scorecard and a person with their events', () => {
    const dir = gitRepo(repositoryFiles());
    const scorecard = runBinary(
      [
        'new',
        'feedback',
        '--candidate',
        'ana-lima',
        '--interview',
        'hm-screen',
        '--recommendation',
        'yes',
        '--commit',
      ],
      { cwd: dir },
    );
    expect(scorecard.code).toBe(0);
    expect(git(dir, 'log', '-1', '--format=%B')).toBe(
      'Add scorecard hm-screen by sam.lee for ana-lima\n\nHandoff-Event: new-feedback\nHandoff-Candidate: ana-lima\n\n',
    );
    const person = runBinary(
      [
        'new',
        'person',
        '--name',
        'Noor Haddad',
        '--email',
        'noor@acme.example',
        '--roles',
        'interviewer',
        '--commit',
      ],
      { cwd: dir },
    );
    expect(person.code).toBe(0);
    expect(git(dir, 'log', '-1', '--format=%B')).toBe(
      'Add person noor.haddad\n\nHandoff-Event: new-person\n\n',
    );
    expect(git(dir, 'show', '--name-only', '--format=', 'HEAD')).toBe('handoff.config.yaml\n');
    expect(git(dir, 'status', '--porcelain')).toBe('');
  });

  it('refuses to add a person with --commit while the config has uncommitted changes', () => {
    const dir = gitRepo(repositoryFiles());
    const edited = config.replace('decision_days: 10', 'decision_days: 12');
    writeFiles(dir, { 'handoff.config.yaml': edited });
    const result = runBinary(
      [
        'new',
        'person',
        '--name',
        'Noor Haddad',
        '--email',
        'noor@acme.example',
        '--roles',
        'interviewer',
        '--commit',
      ],
      { cwd: dir },
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('handoff.config.yaml has changes that are not committed');
    expect(readFile(dir, 'handoff.config.yaml')).toBe(edited);
  });

  it('refuses outside a Git repository (exit 1) and writes nothing', () => {
    const dir = tempDir();
    writeFiles(dir, repositoryFiles());
    const result = runBinary([...candidate, '--commit'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('--commit needs a Git repository');
    expect(result.stderr).toContain('Nothing was written.');
    expect(result.stderr).not.toMatch(noStackTrace);
    expect(existsSync(join(dir, 'candidates/ana-souza'))).toBe(false);
  });

  it('refuses while the index has conflicts (exit 1) and writes nothing', () => {
    const dir = gitRepo({ ...repositoryFiles(), 'notes.txt': 'base\n' });
    git(dir, 'checkout', '-q', '-b', 'other');
    writeFiles(dir, { 'notes.txt': 'other\n' });
    git(dir, 'commit', '-q', '-am', 'Other');
    git(dir, 'checkout', '-q', 'main');
    writeFiles(dir, { 'notes.txt': 'main\n' });
    git(dir, 'commit', '-q', '-am', 'Main');
    expect(() => git(dir, 'merge', '-q', 'other')).toThrow();
    expect(git(dir, 'ls-files', '--unmerged')).not.toBe('');

    const result = runBinary([...candidate, '--commit'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('the Git index has unresolved conflicts');
    expect(result.stderr).toContain('Nothing was written.');
    expect(existsSync(join(dir, 'candidates/ana-souza'))).toBe(false);
  });
});

/** util-linux `script` gives the binary a real pseudo-terminal, as a person at a terminal would. */
const hasScript = spawnSync('script', ['--version']).status === 0;

function runInPseudoTerminal(args: string[], cwd: string) {
  const command = [process.execPath, binary, ...args]
    .map((part) => `'${part.replaceAll("'", "'\\''")}'`)
    .join(' ');
  const child = spawn('script', ['-qfec', command, '/dev/null'], {
    cwd,
    env: { ...process.env, ...gitEnv, CI: '', NO_COLOR: '1', TERM: 'dumb' },
  });
  let screen = '';
  child.stdout.on('data', (chunk) => {
    screen += chunk;
  });
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
  return {
    /** Waits until the text has been printed since the last call, then types the keys. */
    async answer(text: string, keys: string) {
      for (let waited = 0; !screen.includes(text); waited += 50) {
        if (waited > 15_000) throw new Error(`"${text}" never appeared; the screen was:\n${screen}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      screen = screen.slice(screen.indexOf(text) + text.length);
      child.stdin.write(keys);
    },
    async exit() {
      const code = await exited;
      return { code, screen };
    },
  };
}

const down = '\u001b[B';
const enter = '\r';

describe.skipIf(!hasScript)('handoff new in a pseudo-terminal', () => {
  it('asks for what is missing and writes the candidate', async () => {
    const dir = gitRepo({
      ...repositoryFiles(),
      'roles/data-engineer.md': role.replace('id: backend-engineer', 'id: data-engineer'),
    });
    const terminal = runInPseudoTerminal(['new', 'candidate', '--pronouns', 'she/her'], dir);
    await terminal.answer('Candidate name', `Zoë Łukasiewicz${enter}`);
    await terminal.answer('data-engineer', `${down}${enter}`);
    await terminal.answer('Source channel', `${down}${down}${enter}`);
    await terminal.answer('Stage', enter);
    const { code, screen } = await terminal.exit();
    expect(code).toBe(0);
    expect(screen).toContain('created  candidates/zoe-lukasiewicz/profile.md');
    expectLoadsClean(dir, 'candidates/zoe-lukasiewicz/profile.md');
    const profile = readFile(dir, 'candidates/zoe-lukasiewicz/profile.md');
    expect(profile).toContain('role: "data-engineer"');
    expect(profile).toContain('channel: "outbound"');
    expect(profile).toContain('pronouns: "she/her"');
  });

  it('Ctrl+C cancels: exit 1 and nothing written', async () => {
    const dir = gitRepo(repositoryFiles());
    const terminal = runInPseudoTerminal(['new', 'candidate'], dir);
    await terminal.answer('Candidate name', 'Ana');
    await terminal.answer('Ana', '\u0003');
    const { code, screen } = await terminal.exit();
    expect(code).toBe(1);
    expect(screen).toContain('cancelled; nothing was written');
    expect(screen).not.toMatch(noStackTrace);
    expect(git(dir, 'status', '--porcelain')).toBe('');
  });
});
