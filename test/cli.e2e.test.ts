import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../src/core/config.js';
import { binary, exampleRepo, git, gitRepo, runBinary, tempDir, writeFiles } from './helpers/repo.js';

describe('handoff (the built binary)', () => {
  it('prints help and version without a repository', () => {
    const cwd = tempDir();
    const help = runBinary(['--help'], { cwd });
    expect(help.code).toBe(0);
    for (const command of ['init', 'new', 'lint', 'brief', 'feedback', 'schema'])
      expect(help.stdout).toContain(command);
    const version = runBinary(['--version'], { cwd });
    expect(version).toMatchObject({ code: 0, stdout: expect.stringMatching(/^\d+\.\d+\.\d+\n$/) });
  });

  it('answers an unknown command or option with a usage error (exit 2)', () => {
    const cwd = tempDir();
    const unknown = runBinary(['lnit'], { cwd });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("handoff: unknown command 'lnit'");
    expect(unknown.stderr).toContain('init');
    expect(runBinary(['schema', '--bogus'], { cwd }).code).toBe(2);
  });

  it('says to run handoff init when there is no config, without a stack trace', () => {
    const cwd = tempDir();
    const result = runBinary(['lint'], { cwd });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('no handoff.config.yaml found');
    expect(result.stderr).toContain('handoff init');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('names the bad key of a broken config (exit 2)', () => {
    const cwd = tempDir();
    writeFiles(cwd, { 'handoff.config.yaml': 'organization: Acme\nstages: []\ncadense: {}\n' });
    const result = runBinary(['lint'], { cwd });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('handoff.config.yaml:3:1');
    expect(result.stderr).toContain('did you mean "cadence"');
    expect(result.stderr).toContain('handoff.config.yaml:2:');
  });

  it('stops writing quietly when the reader of its output goes away (handoff lint | head)', async () => {
    // The reading end is closed before handoff writes, as `head` closes it once it has enough.
    const child = spawn(process.execPath, [binary, 'lint', '--now', '2026-12-01', '--format', 'json'], {
      cwd: exampleRepo,
      env: { ...process.env, CI: 'true' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).toBe('');
    // The exit code still says what lint found: the example repository is clean.
    expect(code).toBe(0);
  });

  it.skipIf(!existsSync('/dev/full'))(
    'says in one line that its output could not be written, with exit 2',
    () => {
      const result = spawnSync(
        `"${process.execPath}" "${binary}" lint --now 2026-12-01 --format json > /dev/full`,
        {
          cwd: exampleRepo,
          env: { ...process.env, CI: 'true' },
          shell: true,
          encoding: 'utf8',
        },
      );
      expect(result.status).toBe(2);
      expect(result.stderr).toBe('handoff: could not write the output (ENOSPC)\n');
    },
  );

  it('reports malformed YAML in the config with its position', () => {
    const cwd = tempDir();
    writeFiles(cwd, { 'handoff.config.yaml': 'organization: [Acme\n' });
    const result = runBinary(['lint'], { cwd });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/handoff\.config\.yaml:\d+:\d+ +invalid YAML/);
  });
});

describe('handoff init', () => {
  it('creates a repository whose config loads, a CI workflow and a Git repository', () => {
    const cwd = tempDir();
    const result = runBinary(['init', 'acme', '--organization', 'Acme "Payments": {{x}}'], { cwd });
    expect(result.code).toBe(0);
    const root = join(cwd, 'acme');
    const parsed = parseConfig(readFileSync(join(root, 'handoff.config.yaml'), 'utf8'));
    expect(parsed.diagnostics).toEqual([]);
    expect(parsed.config).toMatchObject({
      organization: 'Acme "Payments": {{x}}',
      ids: 'name',
      cadence: { candidate_update_days: 5, feedback_due_hours: 24, decision_days: 10 },
    });
    expect(parsed.config?.stages.map((stage) => stage.id)).toEqual([
      'sourced',
      'recruiter-screen',
      'hiring-manager-screen',
      'onsite',
      'offer',
    ]);
    expect(readFileSync(join(root, '.github/workflows/handoff.yml'), 'utf8')).toContain(
      'lint --format github',
    );
    expect(readFileSync(join(root, '.handoff/.gitignore'), 'utf8')).toContain('cache/');
    expect(existsSync(join(root, '.git'))).toBe(true);
    expect(existsSync(join(root, 'roles'))).toBe(true);
  });

  it('changes nothing when run again and says what exists', () => {
    const root = tempDir();
    expect(runBinary(['init', '.'], { cwd: root }).code).toBe(0);
    writeFileSync(join(root, 'handoff.config.yaml'), 'organization: Mine\n# my edits\n');
    const again = runBinary(['init'], { cwd: root });
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('exists   handoff.config.yaml (left unchanged)');
    expect(again.stdout).toContain('nothing was changed');
    expect(readFileSync(join(root, 'handoff.config.yaml'), 'utf8')).toBe('organization: Mine\n# my edits\n');
  });

  it('does not nest a Git repository inside an existing one', () => {
    const outer = gitRepo({ 'README.md': 'team notes\n' });
    expect(runBinary(['init', 'hiring'], { cwd: outer }).code).toBe(0);
    expect(existsSync(join(outer, 'hiring/.git'))).toBe(false);
    expect(git(outer, 'status', '--porcelain')).toContain('hiring/');
  });

  it('refuses a target that is a file', () => {
    const cwd = tempDir();
    writeFiles(cwd, { notes: 'x' });
    const result = runBinary(['init', 'notes'], { cwd });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('is not a folder');
  });
});
