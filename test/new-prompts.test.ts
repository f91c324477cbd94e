import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { screen } from '@inquirer/testing/vitest';
import { describe, expect, it } from 'vitest';
import type { Io } from '../src/io/io.js';
import { run } from '../src/main.js';
import { gitEnv, readFile, tempDir, writeFiles } from './helpers/repo.js';
import { repositoryFiles, role } from './new.fixture.js';

/** Runs the CLI in-process as if at a terminal: prompts are driven through @inquirer/testing's screen. */
function runInTerminal(args: string[], cwd: string) {
  let stdout = '';
  let stderr = '';
  const stdin = Object.assign(new PassThrough(), { isTTY: true });
  const io: Io = {
    stdout: { write: (chunk: string) => (stdout += chunk), isTTY: true },
    stderr: { write: (chunk: string) => (stderr += chunk), isTTY: true },
    stdin,
    env: { ...gitEnv, NO_COLOR: '1' },
    cwd,
  };
  const done = run(args, io).then((code) => ({ code, stdout, stderr }));
  return done;
}

function repository(extra: Record<string, string> = {}): string {
  const dir = tempDir();
  writeFiles(dir, { ...repositoryFiles(), ...extra });
  return dir;
}

const secondRole = role
  .replace('id: backend-engineer', 'id: data-engineer')
  .replace('title: Senior Backend Engineer', 'title: Data Engineer');

describe('handoff new in a terminal', () => {
  it('asks for a candidate: name, role, source channel and stage, offering choices from the workspace', async () => {
    const dir = repository({ 'roles/data-engineer.md': secondRole });
    const result = runInTerminal(['new', 'candidate'], dir);

    await screen.next();
    expect(screen.getScreen()).toContain('Candidate name');
    screen.keypress('enter');
    await screen.next();
    expect(screen.getScreen()).toMatch(/must provide a value/i);
    screen.type('Zoë Łukasiewicz');
    screen.keypress('enter');

    await screen.next();
    expect(screen.getScreen()).toContain('Role');
    expect(screen.getScreen()).toContain('backend-engineer  Senior Backend Engineer (Payments)');
    expect(screen.getScreen()).toContain('data-engineer  Data Engineer (Payments)');
    screen.keypress('down');
    screen.keypress('enter');

    await screen.next();
    expect(screen.getScreen()).toContain('Source channel');
    screen.keypress('down');
    screen.keypress('enter');

    await screen.next();
    expect(screen.getScreen()).toContain('Stage');
    screen.keypress('enter');

    const { code, stdout } = await result;
    expect(code).toBe(0);
    expect(stdout).toContain('created  candidates/zoe-lukasiewicz/profile.md');
    const profile = readFile(dir, 'candidates/zoe-lukasiewicz/profile.md');
    expect(profile).toContain('name: "Zoë Łukasiewicz"');
    expect(profile).toContain('role: "data-engineer"');
    expect(profile).toContain('channel: "inbound"');
    expect(profile).toContain('stage: "sourced"');
    // The only recruiter and hiring manager of the role were taken without asking.
    expect(profile).toContain('recruiter: "alex.kim"');
    expect(profile).toContain('hiring_manager: "sam.lee"');
  });

  it('asks for a scorecard: interview, interviewer, a rating per focus competency with its anchors, and the recommendation', async () => {
    const dir = repository();
    const result = runInTerminal(['new', 'feedback'], dir);

    // ana-lima is the only candidate, so she is not asked for.
    await screen.next();
    expect(screen.getScreen()).toContain('Interview');
    expect(screen.getScreen()).toContain('hm-screen  Hiring manager screen (hiring-manager-screen; sam.lee)');
    screen.keypress('down');
    screen.keypress('enter');

    await screen.next();
    expect(screen.getScreen()).toContain('Interviewer');
    expect(screen.getScreen()).toContain('pat.quinn  Pat Quinn');
    expect(screen.getScreen()).not.toContain('alex.kim');
    screen.keypress('enter');

    await screen.next();
    expect(screen.getScreen()).toContain('System design: which anchor matches what you observed?');
    expect(screen.getScreen()).toContain(
      '3  Asks for the constraints, partitions the problem, and handles failure.',
    );
    screen.keypress('down');
    screen.keypress('down');
    screen.keypress('enter');

    await screen.next();
    expect(screen.getScreen()).toContain('Collaboration: which anchor');
    for (let i = 0; i < 4; i++) screen.keypress('down');
    expect(screen.getScreen()).toContain('Score later');
    screen.keypress('enter');

    await screen.next();
    expect(screen.getScreen()).toContain('Overall recommendation');
    screen.keypress('down');
    screen.keypress('enter');

    const { code, stdout } = await result;
    expect(code).toBe(0);
    const path = 'candidates/ana-lima/feedback/onsite-design--pat.quinn.md';
    expect(stdout).toContain(`created  ${path}`);
    const scorecard = readFile(dir, path);
    expect(scorecard).toContain('  system-design: 3 # System design');
    expect(scorecard).toContain('  # collaboration: # Collaboration');
    expect(scorecard).toContain('recommendation: "yes"');
  });

  it('validates answers as they are typed: a person with a bad e-mail is asked again', async () => {
    const dir = repository();
    const result = runInTerminal(['new', 'person'], dir);

    await screen.next();
    screen.type('Noor Haddad');
    screen.keypress('enter');

    await screen.next();
    expect(screen.getScreen()).toContain('Work e-mail');
    screen.type('noor-at-acme');
    screen.keypress('enter');
    await screen.next();
    expect(screen.getScreen()).toContain('--email is not an e-mail address');
    for (let i = 0; i < 'noor-at-acme'.length; i++) screen.keypress('backspace');
    screen.type('sam.lee@acme.example');
    screen.keypress('enter');
    await screen.next();
    expect(screen.getScreen()).toContain('sam.lee already has this e-mail address');
    for (let i = 0; i < 'sam.lee@acme.example'.length; i++) screen.keypress('backspace');
    screen.type('noor.haddad@acme.example');
    screen.keypress('enter');

    await screen.next();
    expect(screen.getScreen()).toContain('What do they do in hiring?');
    screen.keypress('down');
    screen.keypress('down');
    screen.keypress('space');
    screen.keypress('enter');

    const { code } = await result;
    expect(code).toBe(0);
    expect(readFile(dir, 'handoff.config.yaml')).toContain(
      '  - { id: noor.haddad, name: Noor Haddad, email: noor.haddad@acme.example, roles: [interviewer] }\n',
    );
  });

  it('changes nothing when a question is cancelled with Ctrl+C', async () => {
    const dir = repository({ 'roles/data-engineer.md': secondRole });
    const result = runInTerminal(['new', 'candidate'], dir);

    await screen.next();
    screen.type('Ana Souza');
    screen.keypress('enter');
    await screen.next();
    expect(screen.getScreen()).toContain('Role');
    screen.keypress({ name: 'c', ctrl: true });

    const { code, stdout, stderr } = await result;
    expect(code).toBe(1);
    expect(stderr).toBe('handoff: cancelled; nothing was written\n');
    expect(stdout).toBe('');
    expect(existsSync(join(dir, 'candidates/ana-souza'))).toBe(false);
  });

  it('never asks with --yes, even at a terminal', async () => {
    const dir = repository();
    const { code, stderr } = await runInTerminal(['new', 'candidate', '--yes'], dir);
    expect(code).toBe(2);
    expect(stderr).toContain('--name <name>');
    expect(stderr).toContain('(--yes turns the questions off)');
  });
});
