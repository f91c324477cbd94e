import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot, tempDir } from './helpers/repo.js';

describe('the packed package', () => {
  it('installs from its tarball into an empty folder and works', () => {
    const packDir = tempDir('handoff-pack-');
    execFileSync('npm', ['pack', '--silent', '--ignore-scripts', '--pack-destination', packDir], {
      cwd: projectRoot,
      stdio: 'ignore',
    });
    const tarball = readdirSync(packDir).find((name) => name.endsWith('.tgz'));
    expect(tarball).toBeDefined();

    const installDir = tempDir('handoff-install-');
    execFileSync('npm', ['init', '-y'], { cwd: installDir, stdio: 'ignore' });
    execFileSync(
      'npm',
      ['install', '--no-audit', '--no-fund', '--prefer-offline', '--omit=dev', join(packDir, tarball!)],
      { cwd: installDir, stdio: 'ignore' },
    );
    const bin = join(installDir, 'node_modules/.bin/handoff');
    const run = (...args: string[]) =>
      spawnSync(bin, args, { cwd: installDir, encoding: 'utf8', env: { ...process.env, CI: 'true' } });

    expect(run('--version')).toMatchObject({ status: 0, stdout: expect.stringMatching(/^\d+\.\d+\.\d+/) });
    expect(run('init', 'hiring', '--organization', 'Acme').status).toBe(0);
    const person = run(
      'new',
      'person',
      '--repo',
      'hiring',
      '--name',
      'Alex Kim',
      '--email',
      'alex@acme.example',
      '--roles',
      'recruiter,hiring-manager,interviewer',
    );
    expect(person.stderr).toBe('');
    expect(person.status).toBe(0);
    const role = run(
      'new',
      'role',
      '--repo',
      'hiring',
      '--title',
      'Backend Engineer',
      '--team',
      'Payments',
      '--hiring-manager',
      'alex.kim',
      '--recruiter',
      'alex.kim',
      '--yes',
    );
    expect(role.status).toBe(0);
    expect(run('schema', 'role').status).toBe(0);
  }, 180_000);
});
