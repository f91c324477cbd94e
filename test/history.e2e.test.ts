import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile, runBinary, runCli, tempDir, writeFiles } from './helpers/repo.js';
import {
  at,
  commitAll,
  config,
  gitAt,
  head,
  historyRepo,
  memo,
  profile,
  role,
  scorecard,
  survey,
} from './history-fixture.js';

/**
 * A whole hiring story in a real repository, every commit at a known date: ana-lima is added,
 * gets a memo, is advanced with `handoff advance`, has a scorecard merged from a branch, is moved
 * to the onsite by a hand edit without trailers, gets a scorecard and a survey (renamed later), and
 * is advanced to the offer and hired. jonas-berg stays active while the rubric changes; li-wei arrives.
 */
interface Story {
  dir: string;
  commits: Record<string, string>;
}

function advance(dir: string, date: string, ...args: string[]) {
  const result = runBinary(['advance', ...args], { cwd: dir, env: at(date, 'alex') });
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return head(dir);
}

function tellStory(): Story {
  // Not tempDir: that folder is removed after each test, and the story serves them all.
  const dir = historyRepo(mkdtempSync(join(tmpdir(), 'handoff-story-')));
  const commits: Record<string, string> = { start: head(dir) };
  writeFiles(dir, { 'candidates/ana-lima/profile.md': profile('ana-lima', 'Ana Lima', 'sourced') });
  commits.anaAdded = commitAll(
    dir,
    '2026-11-02',
    'alex',
    'Add candidate ana-lima\n\nHandoff-Event: new-candidate\nHandoff-Candidate: ana-lima',
  );
  writeFiles(dir, { 'candidates/jonas-berg/profile.md': profile('jonas-berg', 'Jonas Berg', 'sourced') });
  commits.jonasAdded = commitAll(dir, '2026-11-02', 'alex', 'Add candidate jonas-berg');
  writeFiles(dir, { 'candidates/ana-lima/memo.md': memo('ana-lima') });
  commits.memo = commitAll(dir, '2026-11-03', 'alex', 'Add the context memo for ana-lima');
  commits.toRecruiterScreen = advance(dir, '2026-11-04', 'ana-lima', 'recruiter-screen');
  commits.toHmScreen = advance(
    dir,
    '2026-11-05',
    'Ana',
    'hiring-manager-screen',
    '--contacted',
    '2026-11-05',
  );
  gitAt(dir, {}, 'tag', 'pr-base');

  // The hiring manager's scorecard arrives through a pull request merged with a merge commit.
  gitAt(dir, {}, 'switch', '-q', '-c', 'hm-scorecard');
  writeFiles(dir, {
    'candidates/ana-lima/feedback/hm-screen--sam.lee.md': scorecard(
      'ana-lima',
      'hm-screen',
      'sam.lee',
      '2026-11-06',
      'collaboration',
    ),
  });
  commits.hmScorecard = commitAll(dir, '2026-11-06', 'sam', 'Scorecard for the hiring manager screen');
  gitAt(dir, {}, 'switch', '-q', 'main');
  gitAt(
    dir,
    at('2026-11-07', 'sam'),
    'merge',
    '-q',
    '--no-ff',
    '-m',
    'Merge pull request #1 from hm-scorecard',
    'hm-scorecard',
  );
  commits.merge = head(dir);

  // A hand edit, committed without trailers.
  writeFiles(dir, {
    'candidates/ana-lima/profile.md': readFile(dir, 'candidates/ana-lima/profile.md').replace(
      'stage: hiring-manager-screen',
      'stage: onsite',
    ),
  });
  commits.handEdit = commitAll(dir, '2026-11-08', 'sam', 'Ana goes to the onsite');
  writeFiles(dir, {
    'candidates/ana-lima/feedback/onsite-design--pat.quinn.md': scorecard(
      'ana-lima',
      'onsite-design',
      'pat.quinn',
      '2026-11-09',
      'system-design',
    ),
    'candidates/ana-lima/surveys/2026-11-09.md': survey('ana-lima', '2026-11-09'),
  });
  commits.onsiteScorecard = commitAll(dir, '2026-11-09', 'pat', 'Onsite scorecard and survey');
  writeFiles(dir, {
    'roles/backend-engineer.md': role(
      'Does all of 3 unprompted and estimates capacity before choosing a design.',
    ),
  });
  commits.rubric = commitAll(dir, '2026-11-10', 'sam', 'Sharpen the top anchor of the system design rubric');
  renameSync(
    join(dir, 'candidates/ana-lima/surveys/2026-11-09.md'),
    join(dir, 'candidates/ana-lima/surveys/2026-11-10.md'),
  );
  writeFiles(dir, { 'candidates/ana-lima/surveys/2026-11-10.md': survey('ana-lima', '2026-11-10') });
  commits.rename = commitAll(dir, '2026-11-10', 'alex', 'The survey arrived on the 10th');
  writeFiles(dir, {
    'candidates/li-wei/profile.md': profile('li-wei', 'Li Wei', 'sourced', 'active', '2026-11-11'),
  });
  commits.liAdded = commitAll(dir, '2026-11-11', 'alex', 'Add candidate li-wei');
  commits.toOffer = advance(dir, '2026-11-12', 'ana-lima', 'offer');
  commits.hired = advance(dir, '2026-11-13', 'ana-lima', '--status', 'hired', '--date', '2026-11-12');
  return { dir, commits };
}

let story: Story;
beforeAll(() => {
  story = tellStory();
}, 60_000);
afterAll(() => rmSync(story.dir, { recursive: true, force: true }));

/** An event as `handoff log --json` prints it, from the commit it belongs to. */
function event(commit: string, fields: Record<string, unknown>, author = 'Alex Kim') {
  const time = gitAt(story.dir, {}, 'show', '-s', '--format=%aI', commit).trim();
  return { date: time.slice(0, 10), ...fields, author, commit, time, signed: false, signature: 'N' };
}

describe('handoff log on the hiring story', () => {
  it('reconstructs every event, from trailers, hand edits, merges and renames, as NDJSON', () => {
    const { commits: c } = story;
    const result = runBinary(['log', '--json'], { cwd: story.dir });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const events = result.stdout
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line));
    const ana = 'ana-lima';
    const rubric = {
      path: 'roles/backend-engineer.md',
      role: 'backend-engineer',
      changes: ['rubric'],
      source: 'role',
    };
    expect(events).toEqual([
      event(c.anaAdded!, {
        candidate: ana,
        type: 'profile-created',
        stage: 'sourced',
        status: 'active',
        path: 'candidates/ana-lima/profile.md',
        source: 'file',
      }),
      event(c.memo!, {
        candidate: ana,
        type: 'memo-added',
        path: 'candidates/ana-lima/memo.md',
        source: 'file',
      }),
      event(c.toRecruiterScreen!, {
        candidate: ana,
        type: 'stage-changed',
        from: 'sourced',
        to: 'recruiter-screen',
        source: 'trailer',
      }),
      event(c.toHmScreen!, {
        candidate: ana,
        type: 'stage-changed',
        from: 'recruiter-screen',
        to: 'hiring-manager-screen',
        source: 'trailer',
      }),
      event(
        c.hmScorecard!,
        {
          candidate: ana,
          type: 'scorecard-added',
          path: 'candidates/ana-lima/feedback/hm-screen--sam.lee.md',
          interview: 'hm-screen',
          interviewer: 'sam.lee',
          source: 'file',
        },
        'Sam Lee',
      ),
      event(
        c.handEdit!,
        {
          candidate: ana,
          type: 'stage-changed',
          from: 'hiring-manager-screen',
          to: 'onsite',
          source: 'front-matter',
        },
        'Sam Lee',
      ),
      event(
        c.onsiteScorecard!,
        {
          candidate: ana,
          type: 'scorecard-added',
          path: 'candidates/ana-lima/feedback/onsite-design--pat.quinn.md',
          interview: 'onsite-design',
          interviewer: 'pat.quinn',
          source: 'file',
        },
        'Pat Quinn',
      ),
      event(
        c.onsiteScorecard!,
        {
          candidate: ana,
          type: 'survey-added',
          path: 'candidates/ana-lima/surveys/2026-11-09.md',
          source: 'file',
        },
        'Pat Quinn',
      ),
      event(c.rubric!, { candidate: ana, type: 'role-changed', ...rubric }, 'Sam Lee'),
      event(c.rename!, {
        candidate: ana,
        type: 'renamed',
        path: 'candidates/ana-lima/surveys/2026-11-10.md',
        previousPath: 'candidates/ana-lima/surveys/2026-11-09.md',
        source: 'file',
      }),
      event(c.toOffer!, {
        candidate: ana,
        type: 'stage-changed',
        from: 'onsite',
        to: 'offer',
        source: 'trailer',
      }),
      {
        ...event(c.hired!, {
          candidate: ana,
          type: 'status-changed',
          from: 'active',
          to: 'hired',
          source: 'trailer',
        }),
        date: '2026-11-12',
      },
      event(c.jonasAdded!, {
        candidate: 'jonas-berg',
        type: 'profile-created',
        stage: 'sourced',
        status: 'active',
        path: 'candidates/jonas-berg/profile.md',
        source: 'file',
      }),
      event(c.rubric!, { candidate: 'jonas-berg', type: 'role-changed', ...rubric }, 'Sam Lee'),
      event(c.liAdded!, {
        candidate: 'li-wei',
        type: 'profile-created',
        stage: 'sourced',
        status: 'active',
        path: 'candidates/li-wei/profile.md',
        source: 'file',
      }),
    ]);
  });

  it("prints one candidate's trail for people, found by a part of the name", () => {
    const short = (name: string) => story.commits[name]!.slice(0, 7);
    const result = runBinary(['log', 'ana'], { cwd: story.dir });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      [
        'ana-lima',
        `  2026-11-02  profile created at sourced                             Alex Kim   ${short('anaAdded')}`,
        `  2026-11-03  memo added                                             Alex Kim   ${short('memo')}`,
        `  2026-11-04  stage sourced → recruiter-screen                       Alex Kim   ${short('toRecruiterScreen')}`,
        `  2026-11-05  stage recruiter-screen → hiring-manager-screen         Alex Kim   ${short('toHmScreen')}`,
        `  2026-11-06  scorecard added: hm-screen by sam.lee                  Sam Lee    ${short('hmScorecard')}`,
        `  2026-11-08  stage hiring-manager-screen → onsite (edited by hand)  Sam Lee    ${short('handEdit')}`,
        `  2026-11-09  scorecard added: onsite-design by pat.quinn            Pat Quinn  ${short('onsiteScorecard')}`,
        `  2026-11-09  survey added: 2026-11-09                               Pat Quinn  ${short('onsiteScorecard')}`,
        `  2026-11-10  role backend-engineer: rubric changed while active     Sam Lee    ${short('rubric')}`,
        `  2026-11-10  renamed surveys/2026-11-09.md → surveys/2026-11-10.md  Alex Kim   ${short('rename')}`,
        `  2026-11-12  stage onsite → offer                                   Alex Kim   ${short('toOffer')}`,
        `  2026-11-12  status active → hired (recorded 2026-11-13)            Alex Kim   ${short('hired')}`,
        '',
      ].join('\n'),
    );
  });

  it('filters by date, and lists the valid ids for an unknown candidate', () => {
    const window = runBinary(['log', '--json', '--since', '2026-11-10', '--until', '2026-11-11'], {
      cwd: story.dir,
    });
    const types = window.stdout
      .trimEnd()
      .split('\n')
      .map((line) => {
        const parsed = JSON.parse(line);
        return `${parsed.candidate} ${parsed.type}`;
      });
    expect(types).toEqual([
      'ana-lima role-changed',
      'ana-lima renamed',
      'jonas-berg role-changed',
      'li-wei profile-created',
    ]);

    const unknown = runBinary(['log', 'nobody'], { cwd: story.dir });
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('there is no candidate "nobody"');
    expect(unknown.stderr).toContain('ana-lima');
    expect(runBinary(['log', '--since', 'last week'], { cwd: story.dir }).code).toBe(2);
  });
});

describe('handoff review on the hiring story', () => {
  it('summarises the pull request for its reviewers in Markdown', () => {
    const { commits: c } = story;
    const result = runBinary(['review', '--base', 'pr-base', '--now', '2026-11-13'], { cwd: story.dir });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(`## Handoff review

\`pr-base\` (${c.toHmScreen!.slice(0, 7)}) → \`HEAD\` (${c.hired!.slice(0, 7)}): 2 candidates, 1 role, 5 candidate documents changed.

### Candidates added

- **li-wei** (Li Wei): backend-engineer, at sourced

### Stage and status changes

| Candidate | Change | Gate at the head |
| --- | --- | --- |
| ana-lima | stage hiring-manager-screen → offer; status active → hired | offer: met |

### Documents

- **ana-lima**: changed \`profile.md\`; added \`feedback/hm-screen--sam.lee.md\`, \`feedback/onsite-design--pat.quinn.md\`, \`surveys/2026-11-10.md\`
- **li-wei**: added \`profile.md\`

### Roles

- **backend-engineer** (Senior Backend Engineer): rubric changed; affects 2 active candidates: jonas-berg, li-wei

### Lint findings in the changed documents

None.

### Reviewer checklist

- [ ] li-wei: on the backend-engineer timeline from 2026-11-02: first-interview by 2026-11-09, decision by 2026-11-23
- [ ] The candidate hears about scheduling from alex.kim, within one business day of each stage decision
- [ ] The candidate hears about offer from sam.lee, within two days of the decision
- [ ] backend-engineer: every rubric point still describes observable behaviour, and candidates already scored (active: jonas-berg, li-wei) are judged against the rubric their interviewers saw
`);
  });

  it('gives the same summary as JSON, and refuses a base that does not exist', () => {
    const json = runBinary(['review', '--base', 'pr-base', '--format', 'json', '--now', '2026-11-13'], {
      cwd: story.dir,
    });
    expect(json.code).toBe(0);
    const summary = JSON.parse(json.stdout);
    expect(summary.moves).toEqual([
      {
        id: 'ana-lima',
        stage: { from: 'hiring-manager-screen', to: 'offer' },
        status: { from: 'active', to: 'hired' },
        gate: { stage: 'offer', met: true, missing: [] },
      },
    ]);
    expect(summary.roles[0]).toMatchObject({
      id: 'backend-engineer',
      parts: ['rubric'],
      affects: ['jonas-berg', 'li-wei'],
    });

    const missing = runBinary(['review', '--base', 'origin/main'], { cwd: story.dir });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--base origin/main: there is no branch, tag or commit "origin/main"');
    expect(missing.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('handoff codeowners', () => {
  const expected = `# Generated by "handoff codeowners" from handoff.config.yaml, roles/ and candidates/.
# Do not edit it by hand: run "handoff codeowners" again when people or assignments change
# ("handoff codeowners --check" in CI says when it is out of date).
# Each role file is owned by its hiring manager; each candidate folder by its recruiter and hiring manager.
#
# No GitHub handle in handoff.config.yaml for: pat.quinn.

# Roles
/roles/backend-engineer.md @samlee

# Candidates
/candidates/ana-lima/ @alexkim @samlee
/candidates/li-wei/ @alexkim
`;

  function repoWithOwners(): string {
    const dir = historyRepo();
    writeFiles(dir, {
      'candidates/ana-lima/profile.md': profile('ana-lima', 'Ana Lima', 'sourced'),
      'candidates/li-wei/profile.md': profile('li-wei', 'Li Wei', 'sourced').replace(
        'hiring_manager: sam.lee',
        'hiring_manager: pat.quinn',
      ),
    });
    commitAll(dir, '2026-11-02', 'alex', 'Add two candidates');
    return dir;
  }

  it('writes the file from the roles and profiles, and says who has no GitHub handle', async () => {
    const dir = repoWithOwners();
    const written = await runCli(['codeowners'], { cwd: dir });
    expect(written.code).toBe(0);
    expect(written.stdout).toBe('created .github/CODEOWNERS (3 owner rules)\n');
    expect(written.stderr).toContain('no GitHub handle for pat.quinn');
    expect(readFile(dir, '.github/CODEOWNERS')).toBe(expected);
    expect((await runCli(['codeowners', '--check'], { cwd: dir })).code).toBe(0);
  });

  it('--check fails (exit 1) when an assignment changed, and a rerun brings it up to date', async () => {
    const dir = repoWithOwners();
    await runCli(['codeowners'], { cwd: dir });
    const path = 'candidates/li-wei/profile.md';
    writeFiles(dir, {
      [path]: readFile(dir, path).replace('hiring_manager: pat.quinn', 'hiring_manager: sam.lee'),
    });
    const stale = await runCli(['codeowners', '--check'], { cwd: dir });
    expect(stale.code).toBe(1);
    expect(stale.stdout).toContain('.github/CODEOWNERS is out of date:');
    expect(stale.stdout).toContain('  - /candidates/li-wei/ @alexkim\n');
    expect(stale.stdout).toContain('  + /candidates/li-wei/ @alexkim @samlee\n');
    expect((await runCli(['codeowners'], { cwd: dir })).stdout).toBe(
      'updated .github/CODEOWNERS (3 owner rules)\n',
    );
    expect((await runCli(['codeowners', '--check'], { cwd: dir })).code).toBe(0);
    writeFiles(dir, { '.github/CODEOWNERS': '* @acme/admins\n' });
    const handWritten = await runCli(['codeowners'], { cwd: dir });
    expect(handWritten.code).toBe(1);
    expect(handWritten.stderr).toContain('was not written by handoff');
    expect(readFile(dir, '.github/CODEOWNERS')).toBe('* @acme/admins\n');
    expect((await runCli(['codeowners', '--check'], { cwd: dir })).code).toBe(1);
    expect((await runCli(['codeowners', '--force'], { cwd: dir })).code).toBe(0);
  });
});

/** A repository where ana-lima is at the recruiter screen with a memo, all committed. */
function anaAtRecruiterScreen(): string {
  const dir = historyRepo();
  writeFiles(dir, {
    'candidates/ana-lima/profile.md': profile('ana-lima', 'Ana Lima', 'recruiter-screen'),
    'candidates/ana-lima/memo.md': memo('ana-lima'),
  });
  commitAll(dir, '2026-11-03', 'alex', 'Add ana-lima');
  return dir;
}

const PROFILE = 'candidates/ana-lima/profile.md';

describe('handoff advance', () => {
  it('edits only the stage line, keeps comments and layout, and commits exactly that file with trailers', async () => {
    const dir = anaAtRecruiterScreen();
    writeFiles(dir, { 'notes.txt': 'staged, not part of the move\n' });
    gitAt(dir, {}, 'add', 'notes.txt');
    const before = readFile(dir, PROFILE);
    const result = await runCli(
      ['advance', 'ana-lima', 'hiring-manager-screen', '--contacted', '2026-11-05', '--date', '2026-11-04'],
      {
        cwd: dir,
        env: at('2026-11-05'),
      },
    );
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      `ana-lima: recruiter-screen → hiring-manager-screen\ncommitted ${head(dir).slice(0, 7)} Advance ana-lima to hiring-manager-screen\n`,
    );
    expect(readFile(dir, PROFILE)).toBe(
      before
        .replace('stage: recruiter-screen # moved', 'stage: hiring-manager-screen # moved')
        .replace('last_contact: 2026-11-02', 'last_contact: 2026-11-05'),
    );
    expect(gitAt(dir, {}, 'log', '-1', '--format=%B')).toBe(
      'Advance ana-lima to hiring-manager-screen\n\nHandoff-Event: advance\nHandoff-Candidate: ana-lima\nHandoff-From: recruiter-screen\n' +
        'Handoff-Stage: hiring-manager-screen\nHandoff-Date: 2026-11-04\n\n',
    );
    expect(gitAt(dir, {}, 'show', '--name-only', '--format=', 'HEAD')).toBe(`${PROFILE}\n`);
    expect(gitAt(dir, {}, 'status', '--porcelain')).toBe('A  notes.txt\n');
  });

  it('refuses a move whose gate is not met, listing what is missing; --force records the reason', async () => {
    const dir = anaAtRecruiterScreen();
    const before = readFile(dir, PROFILE);
    const refused = await runCli(['advance', 'ana-lima', 'offer'], { cwd: dir });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('ana-lima cannot move to offer yet: its gate is not met');
    expect(refused.stderr).toContain(
      'scorecards are missing for earlier interviews: hm-screen by sam.lee, onsite-design by pat.quinn',
    );
    expect(readFile(dir, PROFILE)).toBe(before);
    expect(gitAt(dir, {}, 'rev-list', '--count', 'HEAD')).toBe('2\n');

    const forced = await runCli(
      ['advance', 'ana-lima', 'offer', '--force', 'verbal offer agreed with the VP'],
      { cwd: dir },
    );
    expect(forced.code).toBe(0);
    expect(forced.stderr).toContain('moving anyway as forced');
    expect(gitAt(dir, {}, 'log', '-1', '--format=%(trailers:key=Handoff-Override,valueonly)').trim()).toBe(
      'verbal offer agreed with the VP',
    );
    const log = await runCli(['log', '--json', 'ana-lima'], { cwd: dir });
    expect(JSON.parse(log.stdout.trimEnd().split('\n').pop()!)).toMatchObject({
      type: 'stage-changed',
      from: 'recruiter-screen',
      to: 'offer',
      override: 'verbal offer agreed with the VP',
    });
  });

  it('refuses a move backwards unless forced, and an unknown stage always (exit 2, with a suggestion)', async () => {
    const dir = anaAtRecruiterScreen();
    const back = await runCli(['advance', 'ana-lima', 'sourced'], { cwd: dir });
    expect(back.code).toBe(1);
    expect(back.stderr).toContain('moving back is refused');
    const forced = await runCli(['advance', 'ana-lima', 'sourced', '--force', 'screen repeated'], {
      cwd: dir,
    });
    expect(forced.code).toBe(0);
    expect(gitAt(dir, {}, 'log', '-1', '--format=%s')).toBe('Move ana-lima back to sourced\n');

    const unknown = await runCli(['advance', 'ana-lima', 'onsit', '--force', 'typo'], { cwd: dir });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('there is no stage "onsit" (did you mean "onsite"?)');
    const same = await runCli(['advance', 'ana-lima', 'sourced'], { cwd: dir });
    expect(same.code).toBe(1);
    expect(same.stderr).toContain('ana-lima is already at sourced');
    const nobody = await runCli(['advance', 'nobody', 'onsite'], { cwd: dir });
    expect(nobody.code).toBe(1);
    expect(nobody.stderr).toContain('Valid candidate ids:');
  });

  it('marks an outcome with Handoff-Status, and --no-commit only stages the profile', async () => {
    const dir = anaAtRecruiterScreen();
    const staged = await runCli(['advance', 'ana-lima', '--status', 'withdrawn', '--no-commit'], {
      cwd: dir,
    });
    expect(staged.code).toBe(0);
    expect(staged.stdout).toContain('staged candidates/ana-lima/profile.md (not committed)');
    expect(staged.stdout).toContain('  Mark ana-lima withdrawn\n\n  Handoff-Event: advance\n');
    expect(staged.stdout).toContain('  Handoff-Status: withdrawn\n');
    expect(gitAt(dir, {}, 'status', '--porcelain')).toBe(`M  ${PROFILE}\n`);
    expect(gitAt(dir, {}, 'rev-list', '--count', 'HEAD')).toBe('2\n');
  });

  it('restores the profile when the commit fails after the edit', async () => {
    const dir = anaAtRecruiterScreen();
    const before = readFile(dir, PROFILE);
    writeFiles(dir, { '.git/hooks/pre-commit': '#!/bin/sh\necho "commits are frozen today" >&2\nexit 1\n' });
    chmodSync(join(dir, '.git/hooks/pre-commit'), 0o755);
    const result = await runCli(['advance', 'ana-lima', 'hiring-manager-screen'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('was restored, so the working tree is as it was');
    expect(readFile(dir, PROFILE)).toBe(before);
    expect(gitAt(dir, {}, 'status', '--porcelain')).toBe('');
  });
});

describe('a handoff folder inside a larger repository', () => {
  it('reads paths relative to the folder, and writes CODEOWNERS at the top where GitHub reads it', async () => {
    const top = tempDir();
    gitAt(top, {}, 'init', '-q', '-b', 'main');
    writeFiles(top, {
      'README.md': '# Hiring\n',
      'hiring/handoff.config.yaml': config,
      'hiring/roles/backend-engineer.md': role(),
      'hiring/candidates/ana-lima/profile.md': profile('ana-lima', 'Ana Lima', 'sourced'),
    });
    commitAll(top, '2026-11-02', 'alex', 'Add the hiring folder');
    const dir = join(top, 'hiring');
    expect(
      (await runCli(['advance', 'ana-lima', 'recruiter-screen'], { cwd: dir, env: at('2026-11-03') })).code,
    ).toBe(0);
    const log = await runCli(['log', '--json'], { cwd: dir });
    expect(
      log.stdout
        .trimEnd()
        .split('\n')
        .map((line) => JSON.parse(line).path ?? JSON.parse(line).to),
    ).toEqual(['candidates/ana-lima/profile.md', 'recruiter-screen']);
    expect((await runCli(['codeowners'], { cwd: dir })).code).toBe(0);
    expect(readFile(top, '.github/CODEOWNERS')).toContain(
      '\n/hiring/candidates/ana-lima/ @alexkim @samlee\n',
    );
  });
});

describe('signed commits', () => {
  it('says which events come from signed commits (%G?)', async () => {
    const dir = anaAtRecruiterScreen();
    const key = join(dir, '.git', 'signing-key');
    execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', key]);
    writeFiles(dir, {
      '.git/allowed-signers': `alex.kim@acme.example ${readFile(dir, '.git/signing-key.pub')}`,
    });
    gitAt(dir, {}, 'config', 'gpg.ssh.allowedSignersFile', join(dir, '.git/allowed-signers'));
    writeFiles(dir, {
      [PROFILE]: readFile(dir, PROFILE).replace('stage: recruiter-screen', 'stage: hiring-manager-screen'),
    });
    gitAt(dir, {}, 'add', '-A');
    gitAt(
      dir,
      at('2026-11-04'),
      '-c',
      'gpg.format=ssh',
      '-c',
      `user.signingkey=${key}`,
      'commit',
      '-q',
      '-S',
      '-m',
      'Signed move',
    );
    const result = await runCli(['log', '--json'], { cwd: dir });
    const moved = result.stdout
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line))
      .pop();
    expect(moved).toMatchObject({ type: 'stage-changed', signed: true, signature: 'G' });
    expect((await runCli(['log'], { cwd: dir })).stdout).toMatch(
      /stage recruiter-screen → hiring-manager-screen \(edited by hand\) +Alex Kim +[0-9a-f]{7} {2}signed\n/,
    );
  });
});

describe('bad input', () => {
  it('outside a Git repository: advance, log and review say so (exit 1)', async () => {
    const dir = tempDir();
    writeFiles(dir, {
      'handoff.config.yaml': config,
      'roles/backend-engineer.md': role(),
      [PROFILE]: profile('ana-lima', 'Ana Lima', 'sourced'),
    });
    for (const args of [['advance', 'ana-lima', 'recruiter-screen'], ['log'], ['review', '--base', 'main']]) {
      const result = await runCli(args, { cwd: dir });
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/is not in a Git repository/);
    }
  });

  it('with no commits yet: log explains there is no history; advance and review refuse', async () => {
    const dir = tempDir();
    gitAt(dir, {}, 'init', '-q', '-b', 'main');
    writeFiles(dir, {
      'handoff.config.yaml': config,
      'roles/backend-engineer.md': role(),
      [PROFILE]: profile('ana-lima', 'Ana Lima', 'sourced'),
    });
    const log = await runCli(['log'], { cwd: dir });
    expect(log.code).toBe(0);
    expect(log.stderr).toContain('no commits yet');
    const advance = await runCli(['advance', 'ana-lima', 'recruiter-screen'], { cwd: dir });
    expect(advance.code).toBe(1);
    expect(advance.stderr).toContain('no commits yet');
    expect((await runCli(['review', '--base', 'main'], { cwd: dir })).code).toBe(1);
  });

  it('on a detached HEAD: advance refuses to commit, --no-commit works, log reads it', async () => {
    const dir = anaAtRecruiterScreen();
    gitAt(dir, {}, 'switch', '-q', '--detach', 'HEAD');
    const refused = await runCli(['advance', 'ana-lima', 'hiring-manager-screen'], { cwd: dir });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('HEAD is detached');
    expect(gitAt(dir, {}, 'status', '--porcelain')).toBe('');
    expect(
      (await runCli(['advance', 'ana-lima', 'hiring-manager-screen', '--no-commit'], { cwd: dir })).code,
    ).toBe(0);
    expect((await runCli(['log'], { cwd: dir })).code).toBe(0);
  });

  it('a profile with uncommitted changes is left alone', async () => {
    const dir = anaAtRecruiterScreen();
    const edited = `${readFile(dir, PROFILE)}\nA note not yet committed.\n`;
    writeFiles(dir, { [PROFILE]: edited });
    const result = await runCli(['advance', 'ana-lima', 'hiring-manager-screen'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('candidates/ana-lima/profile.md has changes that are not committed');
    expect(readFile(dir, PROFILE)).toBe(edited);
  });

  it('a profile with unresolved conflicts is refused', async () => {
    const dir = anaAtRecruiterScreen();
    gitAt(dir, {}, 'switch', '-q', '-c', 'other');
    writeFiles(dir, {
      [PROFILE]: readFile(dir, PROFILE).replace('stage: recruiter-screen', 'stage: onsite'),
    });
    commitAll(dir, '2026-11-04', 'sam', 'Onsite');
    gitAt(dir, {}, 'switch', '-q', 'main');
    writeFiles(dir, {
      [PROFILE]: readFile(dir, PROFILE).replace('stage: recruiter-screen', 'stage: sourced'),
    });
    commitAll(dir, '2026-11-04', 'alex', 'Back to sourced');
    expect(() => gitAt(dir, {}, 'merge', '-q', 'other')).toThrow();
    const conflicted = readFile(dir, PROFILE);
    const result = await runCli(['advance', 'ana-lima', 'hiring-manager-screen', '--no-commit'], {
      cwd: dir,
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('has unresolved conflicts');
    expect(readFile(dir, PROFILE)).toBe(conflicted);
  });

  it('malformed trailers and front matter that no longer parses become events, not crashes', async () => {
    const dir = anaAtRecruiterScreen();
    gitAt(
      dir,
      at('2026-11-04'),
      'commit',
      '-q',
      '--allow-empty',
      '-m',
      'Advance by hand\n\nHandoff-Event: advance\nHandoff-Candidate: ana-lima\nHandoff-Stage: onsite\nHandoff-Date: next tuesday',
    );
    writeFiles(dir, {
      [PROFILE]: readFile(dir, PROFILE).replace('stage: recruiter-screen', 'stage: [onsite'),
    });
    commitAll(dir, '2026-11-05', 'sam', 'Broken edit');
    writeFiles(dir, { [PROFILE]: readFile(dir, PROFILE).replace('stage: [onsite', 'stage: onsite') });
    commitAll(dir, '2026-11-06', 'sam', 'Fix the stage');
    const result = await runCli(['log', '--json'], { cwd: dir });
    expect(result.code).toBe(0);
    const events = result.stdout
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(events.map((item) => [item.date, item.type, item.from, item.to, item.message])).toEqual([
      ['2026-11-03', 'profile-created', undefined, undefined, undefined],
      ['2026-11-03', 'memo-added', undefined, undefined, undefined],
      [
        '2026-11-04',
        'malformed-trailer',
        undefined,
        undefined,
        'Handoff-Date "next tuesday" is not a date written as YYYY-MM-DD',
      ],
      [
        '2026-11-05',
        'unreadable-front-matter',
        undefined,
        undefined,
        expect.stringMatching(/^line 7: invalid YAML/),
      ],
      ['2026-11-06', 'stage-changed', 'recruiter-screen', 'onsite', undefined],
    ]);
  });

  it('a shallow clone: log says history is missing and invents no events at its edge', async () => {
    const dir = anaAtRecruiterScreen();
    writeFiles(dir, {
      [PROFILE]: readFile(dir, PROFILE).replace('stage: recruiter-screen', 'stage: hiring-manager-screen'),
    });
    commitAll(dir, '2026-11-05', 'sam', 'HM screen');
    const clone = tempDir();
    gitAt(tmpdir(), {}, 'clone', '-q', '--depth', '1', `file://${dir}`, clone);
    const result = await runCli(['log'], { cwd: clone });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('this clone is shallow');
    expect(result.stderr).toContain('fetch-depth: 0');
    expect(result.stdout).toBe('No handoff events in the history.\n');
    const review = await runCli(['review', '--base', 'HEAD~1'], { cwd: clone });
    expect(review.code).toBe(2);
    expect(review.stderr).toContain('is not in this clone, which is shallow');
  });
});
