import { describe, expect, it } from 'vitest';
import * as briefFixture from './brief-fixture.js';
import { readFile, runBinary, runCli, tempDir, writeFiles } from './helpers/repo.js';
import { repositoryFiles } from './new.fixture.js';

// The built CLI renders the built-in templates precompiled (scripts/build.mjs), the sources compile
// them when first used: both must write exactly the same documents.
describe('the bundled binary and the sources', () => {
  it('print the same packets', async () => {
    const dir = tempDir();
    writeFiles(dir, briefFixture.files());
    for (const args of [
      ['brief', 'ana-lima', '--interview', 'onsite-design', '--date', '2026-11-25'],
      ['brief', 'ana-lima', '--audience', 'hiring-manager', '--format', 'html'],
      ['feedback', 'ana-lima'],
    ]) {
      const built = runBinary(args, { cwd: dir });
      expect(built.code).toBe(0);
      expect(built).toEqual(await runCli(args, { cwd: dir }));
    }
  });

  it('scaffold the same documents', async () => {
    const runs: [string[], string][] = [
      [
        [
          'new',
          'role',
          '--title',
          'Data "Platform" Engineer',
          '--team',
          'Data: Core',
          '--hiring-manager',
          'sam.lee',
          '--recruiter',
          'alex.kim',
          '--opened',
          '2026-11-02',
        ],
        'roles/data-platform-engineer.md',
      ],
      [
        [
          'new',
          'candidate',
          '--name',
          "Zoë O'Neil",
          '--role',
          'backend-engineer',
          '--source-channel',
          'referral',
          '--source-detail',
          'met at #devconf: "great"',
          '--applied',
          '2026-11-03',
        ],
        'candidates/zoe-oneil/profile.md',
      ],
      [['new', 'memo', '--candidate', 'zoe-oneil', '--date', '2026-11-04'], 'candidates/zoe-oneil/memo.md'],
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
          '--interviewed',
          '2026-11-05',
          '--recommendation',
          'yes',
        ],
        'candidates/ana-lima/feedback/onsite-design--pat.quinn.md',
      ],
      [
        ['new', 'survey', '--candidate', 'ana-lima', '--score', '5', '--date', '2026-11-25'],
        'candidates/ana-lima/surveys/2026-11-25.md',
      ],
    ];
    const builtDir = tempDir();
    const sourceDir = tempDir();
    writeFiles(builtDir, repositoryFiles());
    writeFiles(sourceDir, repositoryFiles());
    for (const [args, path] of runs) {
      const built = runBinary(args, { cwd: builtDir });
      expect(built.stderr).toBe('');
      expect(built).toEqual(await runCli(args, { cwd: sourceDir }));
      expect(readFile(builtDir, path)).toBe(readFile(sourceDir, path));
    }
  });
});
