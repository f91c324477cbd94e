/**
 * `handoff lint` as a user and CI run it: exit codes, formats, paths, --changed against real Git
 * repositories, --cache, --output-file, and the worker threads. Most cases run in-process (fast);
 * those about the real process (workers, files written) run the built binary.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rules } from '../src/core/rules/index.js';
import { copyOfExample, git, readFile, runBinary, runCli, tempDir, writeFiles } from './helpers/repo.js';

const NOW = '2026-11-25';
const MEMO = 'candidates/ana-lima/memo.md';
const PROFILE = 'candidates/ana-lima/profile.md';

/**
 * The example repository with every registered rule off except the loader's (yaml-syntax, schema), so
 * that these tests depend on the engine only, not on what each rule finds.
 */
function repository(extraRules: Record<string, string> = {}, withGit = true): string {
  const dir = copyOfExample(false);
  const settings = {
    ...Object.fromEntries(rules.map((rule) => [rule.meta.id, 'off'])),
    'yaml-syntax': 'error',
    schema: 'error',
    ...extraRules,
  };
  const config = readFile(dir, 'handoff.config.yaml').replace(
    /rules: \{\}.*$/m,
    `rules: { ${Object.entries(settings)
      .map(([id, severity]) => `${id}: ${severity}`)
      .join(', ')} }`,
  );
  writeFileSync(join(dir, 'handoff.config.yaml'), config);
  if (withGit) {
    git(dir, 'init', '-q', '-b', 'main');
    git(dir, 'add', '-A');
    git(dir, 'commit', '-q', '-m', 'Example handoff repository');
  }
  return dir;
}

/** Adds an unknown key to a document's front matter: one `schema` finding at line 2. */
function breakDocument(dir: string, path: string, key = 'extra_key'): void {
  const text = readFile(dir, path);
  writeFileSync(join(dir, path), text.replace(/^---\n/, `---\n${key}: 1\n`));
}

const lint = (dir: string, ...args: string[]) => runCli(['lint', '--now', NOW, ...args], { cwd: dir });
const json = (stdout: string) =>
  JSON.parse(stdout) as {
    filePath: string;
    messages: { ruleId: string; severity: number; line: number; message: string }[];
  }[];
const findings = (stdout: string) =>
  json(stdout).flatMap((result) =>
    result.messages.map((m) => `${result.filePath}:${m.line} ${m.ruleId} ${m.severity}`),
  );

describe('handoff lint', () => {
  it('passes the example repository as it is', async () => {
    const result = await runCli(['lint', '--now', NOW], { cwd: copyOfExample(false) });
    expect(result.stdout).toBe('');
    expect(result.code).toBe(0);
  });

  it('exits 1 on errors and prints them grouped by file with a summary', async () => {
    const dir = repository({}, false);
    breakDocument(dir, MEMO);
    const result = await lint(dir);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      `${MEMO}\n  2:1  error    unknown key "extra_key"; remove it or fix its name  schema\n`,
    );
    expect(result.stdout).toContain('✖ 1 problem (1 error, 0 warnings)');
  });

  it('keeps warnings within --max-warnings at exit 0, fails above, and hides them with --quiet', async () => {
    const dir = repository({ schema: 'warn' }, false);
    breakDocument(dir, MEMO);
    breakDocument(dir, PROFILE);
    expect((await lint(dir)).code).toBe(0);
    expect((await lint(dir, '--max-warnings', '2')).code).toBe(0);
    const over = await lint(dir, '--max-warnings', '1');
    expect(over.code).toBe(1);
    expect(over.stderr).toContain('too many warnings (2; --max-warnings allows 1)');
    const quiet = await lint(dir, '--quiet', '--max-warnings', '0');
    expect(quiet.code).toBe(0);
    expect(quiet.stdout).toBe('');
  });

  it('writes ESLint JSON with --json, relative paths and every judged file', async () => {
    const dir = repository({}, false);
    breakDocument(dir, MEMO);
    const result = await lint(dir, '--json');
    expect(result.code).toBe(1);
    const parsed = json(result.stdout);
    expect(parsed.map((r) => r.filePath)).toContain('handoff.config.yaml');
    expect(parsed.map((r) => r.filePath)).toContain('roles/backend-engineer.md');
    expect(findings(result.stdout)).toEqual([`${MEMO}:2 schema 2`]);
  });

  it('writes GitHub annotations and SARIF', async () => {
    const dir = repository({}, false);
    breakDocument(dir, MEMO);
    const github = await lint(dir, '--format', 'github');
    expect(github.code).toBe(1);
    expect(github.stdout).toBe(
      `::error file=${MEMO},line=2,col=1,endLine=2,endColumn=10,title=handoff(schema)::unknown key "extra_key"; remove it or fix its name\n`,
    );
    const sarif = await lint(dir, '--format', 'sarif');
    const log = JSON.parse(sarif.stdout);
    expect(log.runs[0].results).toEqual([
      expect.objectContaining({ ruleId: 'schema', level: 'error', locations: [expect.objectContaining({})] }),
    ]);
    expect(log.runs[0].tool.driver.rules.map((rule: { id: string }) => rule.id)).toEqual(
      expect.arrayContaining([...rules.map((rule) => rule.meta.id), 'disable-comment']),
    );
  });

  it('points annotations at the file inside the checkout when the repository is a folder of it', async () => {
    const checkout = tempDir();
    const dir = repository({}, false);
    breakDocument(dir, MEMO);
    const result = await runCli(['lint', '--now', NOW, '--format', 'github'], {
      cwd: dir,
      env: { GITHUB_WORKSPACE: join(dir, '..') },
    });
    expect(result.stdout).toContain(`file=${dir.split('/').pop()}/${MEMO},`);
    expect(checkout).toBeTruthy();
  });

  it('reports lint.rules entries that name no rule on the config', async () => {
    const dir = repository({ 'neutral-langauge': 'off' }, false);
    const result = await lint(dir, '--json');
    expect(result.code).toBe(1);
    const config = json(result.stdout).find((r) => r.filePath === 'handoff.config.yaml');
    expect(config?.messages).toEqual([
      expect.objectContaining({
        ruleId: 'schema',
        severity: 2,
        message: expect.stringContaining('did you mean "neutral-language"'),
      }),
    ]);
  });

  it('is a configuration error (exit 2) when the config is broken, with the located problem', async () => {
    const dir = repository({}, false);
    writeFileSync(join(dir, 'handoff.config.yaml'), 'organization: Acme\nstages: [oops\n');
    const result = await lint(dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/handoff\.config\.yaml:\d+:\d+ {2}invalid YAML/);
  });

  it('refuses bad --now, --max-warnings and paths with exit 2', async () => {
    const dir = repository({}, false);
    for (const args of [
      ['--now', '2026-02-30'],
      ['--now', 'tomorrow'],
      ['--max-warnings', 'some'],
      ['../elsewhere'],
      ['candidates/nobody'],
      ['README.md'],
    ]) {
      const result = await runCli(['lint', ...args], { cwd: dir });
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr, args.join(' ')).toMatch(/^handoff: /);
    }
    writeFiles(dir, { 'notes/todo.md': '# notes\n' });
    const notDocument = await lint(dir, 'notes');
    expect(notDocument.code).toBe(2);
    expect(notDocument.stderr).toContain('"notes" holds no handoff document');
  });

  it('narrows to the files and folders named, relative to where it runs', async () => {
    const dir = repository({}, false);
    breakDocument(dir, MEMO);
    breakDocument(dir, 'candidates/jonas-berg/memo.md');
    const folder = await lint(dir, '--json', 'candidates/ana-lima');
    expect(findings(folder.stdout)).toEqual([`${MEMO}:2 schema 2`]);
    expect(json(folder.stdout).map((r) => r.filePath)).not.toContain('handoff.config.yaml');
    const fromInside = await runCli(['lint', '--now', NOW, '--json', 'memo.md'], {
      cwd: join(dir, 'candidates/jonas-berg'),
    });
    expect(findings(fromInside.stdout)).toEqual(['candidates/jonas-berg/memo.md:2 schema 2']);
    const clean = await lint(dir, 'roles');
    expect(clean.code).toBe(0);
  });

  it('writes the report atomically to --output-file, never into .git or over a document', async () => {
    const dir = repository({}, false);
    breakDocument(dir, MEMO);
    const result = await lint(dir, '--format', 'json', '--output-file', 'reports/lint.json');
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(findings(readFile(dir, 'reports/lint.json'))).toEqual([`${MEMO}:2 schema 2`]);
    const elsewhere = join(tempDir(), 'out.sarif');
    await lint(dir, '--format', 'sarif', '-o', elsewhere);
    expect(JSON.parse(readFileSync(elsewhere, 'utf8')).version).toBe('2.1.0');
    for (const target of ['.git/report.json', PROFILE, 'handoff.config.yaml']) {
      const refused = await lint(dir, '-o', target);
      expect(refused.code, target).toBe(2);
    }
    expect(readFile(dir, PROFILE)).toContain('kind: candidate');
  });

  it('colours stylish output only for a terminal or FORCE_COLOR, and never with --no-color or NO_COLOR', async () => {
    const dir = repository({}, false);
    breakDocument(dir, MEMO);
    const ansi = '\u001b[';
    expect((await runCli(['lint', '--now', NOW], { cwd: dir, env: { FORCE_COLOR: '1' } })).stdout).toContain(
      ansi,
    );
    expect(
      (await runCli(['--no-color', 'lint', '--now', NOW], { cwd: dir, env: { FORCE_COLOR: '1' } })).stdout,
    ).not.toContain(ansi);
    expect(
      (await runCli(['lint', '--now', NOW], { cwd: dir, env: { FORCE_COLOR: '1', NO_COLOR: '1' } })).stdout,
    ).not.toContain(ansi);
  });
});

describe('handoff lint --changed', () => {
  it('judges only documents changed since the ref, committed, staged, modified or untracked', async () => {
    const dir = repository();
    breakDocument(dir, 'candidates/jonas-berg/memo.md');
    git(dir, 'commit', '-qam', 'A broken memo, already on main');
    git(dir, 'checkout', '-qb', 'feature');
    breakDocument(dir, MEMO);
    git(dir, 'commit', '-qam', 'Committed on the branch');
    breakDocument(dir, PROFILE);
    git(dir, 'add', PROFILE);
    breakDocument(dir, 'candidates/li-wei/profile.md');
    writeFiles(dir, { 'candidates/new-person/profile.md': '---\nkind: candidate\nid: [oops\n---\n' });
    const result = await lint(dir, '--json', '--changed', 'main');
    expect(result.code).toBe(1);
    expect(json(result.stdout).map((r) => r.filePath)).toEqual([
      MEMO,
      PROFILE,
      'candidates/li-wei/profile.md',
      'candidates/new-person/profile.md',
    ]);
    expect(findings(result.stdout)).toEqual([
      `${MEMO}:2 schema 2`,
      `${PROFILE}:2 schema 2`,
      'candidates/li-wei/profile.md:2 schema 2',
      'candidates/new-person/profile.md:3 yaml-syntax 2',
    ]);
  });

  it('judges the rest of a candidate folder when one of its documents was removed', async () => {
    const dir = repository();
    breakDocument(dir, 'candidates/jonas-berg/memo.md');
    git(dir, 'commit', '-qam', 'A broken memo, already on main');
    git(dir, 'rm', '-q', 'candidates/jonas-berg/profile.md');
    const result = await lint(dir, '--json', '--changed', 'HEAD');
    expect(json(result.stdout).map((r) => r.filePath)).toEqual([
      'candidates/jonas-berg/memo.md',
      'candidates/jonas-berg/surveys/2026-11-05.md',
    ]);
    expect(findings(result.stdout)).toEqual(['candidates/jonas-berg/memo.md:2 schema 2']);
  });

  it('judges everything when the config changed', async () => {
    const dir = repository();
    breakDocument(dir, 'candidates/jonas-berg/memo.md');
    git(dir, 'commit', '-qam', 'A broken memo');
    writeFileSync(join(dir, 'handoff.config.yaml'), `${readFile(dir, 'handoff.config.yaml')}\n`);
    const result = await lint(dir, '--json', '--changed', 'HEAD');
    expect(findings(result.stdout)).toEqual(['candidates/jonas-berg/memo.md:2 schema 2']);
    expect(json(result.stdout).map((r) => r.filePath)).toContain('handoff.config.yaml');
  });

  it('says when nothing changed, and exits 0', async () => {
    const dir = repository();
    const result = await lint(dir, '--changed', 'HEAD');
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('no handoff document changed since HEAD');
  });

  it('explains an unknown ref, a shallow clone and a folder without Git (exit 2)', async () => {
    const dir = repository();
    const unknown = await lint(dir, '--changed', 'origin/nope');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('there is no branch, tag or commit "origin/nope"');

    writeFileSync(
      join(dir, 'roles/backend-engineer.md'),
      `${readFile(dir, 'roles/backend-engineer.md')}\nMore.\n`,
    );
    git(dir, 'commit', '-qam', 'Second commit');
    const shallow = join(tempDir(), 'shallow');
    git(dir, 'clone', '-q', '--depth', '1', `file://${dir}`, shallow);
    const result = await lint(shallow, '--changed', 'HEAD~1');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('shallow');
    expect(result.stderr).toContain('fetch-depth: 0');

    const plain = repository({}, false);
    const noGit = await lint(plain, '--changed', 'main');
    expect(noGit.code).toBe(2);
    expect(noGit.stderr).toContain('needs a Git repository');

    const option = await lint(dir, '--changed', '--upload-pack=evil');
    expect(option.code).toBe(2);
  });
});

describe('handoff lint --cache', () => {
  it('gives the same results from the cache, notices edits, and survives a corrupt cache file', async () => {
    const dir = repository({}, false);
    breakDocument(dir, MEMO);
    const first = await lint(dir, '--json', '--cache');
    expect(existsSync(join(dir, '.handoff/cache/lint-v1.json'))).toBe(true);
    expect(readFile(dir, '.handoff/cache/.gitignore')).toBe('*\n');
    const second = await lint(dir, '--json', '--cache');
    expect(second.stdout).toBe(first.stdout);
    expect(findings(second.stdout)).toEqual([`${MEMO}:2 schema 2`]);

    breakDocument(dir, PROFILE, 'another_key');
    const third = await lint(dir, '--json', '--cache');
    expect(findings(third.stdout)).toEqual([`${MEMO}:2 schema 2`, `${PROFILE}:2 schema 2`]);

    writeFileSync(join(dir, '.handoff/cache/lint-v1.json'), '{"format":1,"header":');
    const corrupt = await lint(dir, '--json', '--cache');
    expect(corrupt.stdout).toBe(third.stdout);
    expect(JSON.parse(readFile(dir, '.handoff/cache/lint-v1.json')).format).toBe(2);
  });

  it('is invalidated by the config and by "today"', async () => {
    const dir = repository({}, false);
    await lint(dir, '--cache');
    writeFileSync(
      join(dir, 'handoff.config.yaml'),
      readFile(dir, 'handoff.config.yaml').replace('schema: error', 'schema: warn'),
    );
    breakDocument(dir, MEMO);
    expect(findings((await lint(dir, '--json', '--cache')).stdout)).toEqual([`${MEMO}:2 schema 1`]);
    const header = JSON.parse(readFile(dir, '.handoff/cache/lint-v1.json')).header;
    expect(header.now).toBe(NOW);
  });
});

describe('the built binary', () => {
  it('gives the same results, in the same order, with worker threads as without', () => {
    const dir = repository({ schema: 'warn' }, false);
    for (const path of [
      MEMO,
      PROFILE,
      'candidates/jonas-berg/memo.md',
      'candidates/li-wei/profile.md',
      'roles/backend-engineer.md',
    ]) {
      breakDocument(dir, path);
    }
    const args = ['lint', '--now', NOW, '--format', 'json'];
    const single = runBinary(args, { cwd: dir, env: { HANDOFF_PARALLEL_THRESHOLD: '100000' } });
    const parallel = runBinary(args, { cwd: dir, env: { HANDOFF_PARALLEL_THRESHOLD: '0' } });
    expect(single.stderr).toBe('');
    expect(single.code).toBe(0);
    expect(findings(single.stdout)).toHaveLength(5);
    expect(parallel.stdout).toBe(single.stdout);
    expect(parallel.code).toBe(single.code);
    // The threads read documents by their path from the working folder, here two folders down.
    const inside = join(dir, 'candidates/jonas-berg');
    const parallelInside = runBinary(args, { cwd: inside, env: { HANDOFF_PARALLEL_THRESHOLD: '0' } });
    expect(parallelInside.stdout).toBe(single.stdout);
  });

  it('exits 1 with findings and 2 with a usage error, without a stack trace', () => {
    const dir = repository({}, false);
    breakDocument(dir, MEMO);
    expect(runBinary(['lint', '--now', NOW], { cwd: dir }).code).toBe(1);
    const usage = runBinary(['lint', '--now', 'soon'], { cwd: dir });
    expect(usage.code).toBe(2);
    expect(usage.stderr).not.toMatch(/\n\s+at /);
  });
});
