/**
 * The lint engine with stand-in rules: severities from the config, disable comments, rules that throw,
 * which documents are judged, and the order of the findings. Built in memory, no files.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../src/core/config.js';
import type { Diagnostic } from '../src/core/diagnostics.js';
import { allRuleMetas, judgeConfig, runLint } from '../src/core/lint/engine.js';
import { buildResults, compareFindings, errorsOnly, totals } from '../src/core/lint/results.js';
import type { Rule, RuleContext } from '../src/core/lint/types.js';
import { rules } from '../src/core/rules/index.js';
import { buildWorkspace, type Loaded, loadDocument, type Workspace } from '../src/core/workspace.js';
import { lintPartition } from '../src/io/lint-partition.js';
import { listCandidateIds, listDocumentPaths } from '../src/io/listing.js';
import { shareJob } from '../src/io/parse-workers.js';
import { copyOfExample, exampleRepo, writeFiles } from './helpers/repo.js';

const CONFIG = `organization: Acme Payments
stages:
  - { id: sourced, name: Sourced }
  - { id: onsite, name: Onsite }
people:
  - { id: alex.kim, name: Alex Kim, email: alex.kim@acme.example, roles: [recruiter] }
`;

const memo = (body: string, frontMatter = '') => `---
kind: memo
candidate: ana-lima
author: alex.kim
date: 2026-11-18
${frontMatter}---
${body}`;

function workspaceOf(files: Record<string, string>, configText = CONFIG) {
  const parsed = parseConfig(configText);
  if (!parsed.config) throw new Error(`bad test config: ${JSON.stringify(parsed.diagnostics)}`);
  const documents = Object.entries(files)
    .map(([path, text]) => loadDocument({ path, text }))
    .filter((document): document is Loaded<unknown> => document !== undefined);
  return {
    config: parsed.config,
    positions: parsed.positions,
    workspace: buildWorkspace(parsed.config, documents),
  };
}

/** A rule that reports every line of every judged document containing `word`. */
function wordRule(id: string, word: string, severity: 'error' | 'warning' = 'error', seen?: string[]): Rule {
  return {
    meta: { id, defaultSeverity: severity, description: `finds "${word}"` },
    check(context: RuleContext) {
      for (const document of context.documents) {
        seen?.push(document.path);
        document.text.split('\n').forEach((line, index) => {
          const column = line.indexOf(word);
          if (column !== -1) {
            context.report(
              document,
              {
                line: index + 1,
                column: column + 1,
                endLine: index + 1,
                endColumn: column + 1 + word.length,
              },
              `"${word}" found`,
            );
          }
        });
      }
    },
  };
}

const lint = (workspace: Workspace, rules: Rule[], extra: Partial<Parameters<typeof runLint>[0]> = {}) =>
  runLint({ workspace, config: workspace.config, now: '2026-11-25', rules, ...extra });

const brief = (diagnostics: Diagnostic[]) =>
  diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.severity} ${d.ruleId} ${d.message}`);

describe('runLint', () => {
  it('reports loader problems and rule findings, sorted by file, line and column', () => {
    const { workspace } = workspaceOf({
      'candidates/ana-lima/memo.md': memo('## Context\nbanana here\n\nand banana\n'),
      'candidates/ana-lima/profile.md': '---\nkind: candidate\nid: [oops\n---\n',
      'candidates/ben-ode/memo.md': memo('banana', 'extra_key: 1\n').replaceAll('ana-lima', 'ben-ode'),
    });
    expect(brief(lint(workspace, [wordRule('fruit', 'banana')]))).toEqual([
      'candidates/ana-lima/memo.md:8:1 error fruit "banana" found',
      'candidates/ana-lima/memo.md:10:5 error fruit "banana" found',
      expect.stringMatching(/^candidates\/ana-lima\/profile\.md:3:\d+ error yaml-syntax invalid YAML/),
      expect.stringMatching(/^candidates\/ben-ode\/memo\.md:6:1 error schema unknown key "extra_key"/),
      'candidates/ben-ode/memo.md:8:1 error fruit "banana" found',
    ]);
  });

  it('judges only the documents it is given, while rules still read the whole workspace', () => {
    const { workspace } = workspaceOf({
      'candidates/ana-lima/memo.md': memo('banana'),
      'candidates/ben-ode/memo.md': memo('banana', 'extra_key: 1\n').replaceAll('ana-lima', 'ben-ode'),
    });
    const everywhere: Rule = {
      meta: { id: 'everywhere', defaultSeverity: 'warning', description: 'reports on every document' },
      check(context) {
        for (const document of context.workspace.documents)
          context.report(document, { line: 1, column: 1 }, 'seen');
      },
    };
    const judged = workspace.documents.filter((document) => document.path.startsWith('candidates/ana-lima/'));
    expect(brief(lint(workspace, [everywhere, wordRule('fruit', 'banana')], { documents: judged }))).toEqual([
      'candidates/ana-lima/memo.md:1:1 warning everywhere seen',
      'candidates/ana-lima/memo.md:7:1 error fruit "banana" found',
    ]);
  });

  it('takes severities from lint.rules: warn and error change them, off does not run the rule', () => {
    const seen: string[] = [];
    const { workspace } = workspaceOf(
      { 'candidates/ana-lima/memo.md': memo('banana cherry', 'extra_key: 1\n') },
      `${CONFIG}lint:\n  rules: { fruit: warn, berry: error, pit: off, schema: warn }\n`,
    );
    const rules = [
      wordRule('fruit', 'banana'),
      wordRule('berry', 'cherry', 'warning'),
      wordRule('pit', 'banana', 'error', seen),
    ];
    expect(brief(lint(workspace, rules))).toEqual([
      'candidates/ana-lima/memo.md:6:1 warning schema unknown key "extra_key"; remove it or fix its name',
      'candidates/ana-lima/memo.md:8:1 warning fruit "banana" found',
      'candidates/ana-lima/memo.md:8:8 error berry "cherry" found',
    ]);
    expect(seen).toEqual([]);
  });

  it('shows a finding once when a rule re-reports what the loader found', () => {
    const { workspace } = workspaceOf({ 'candidates/ana-lima/memo.md': memo('', 'extra_key: 1\n') });
    const echo: Rule = {
      meta: { id: 'schema', defaultSeverity: 'error', description: 'echoes the loader' },
      check(context) {
        for (const document of context.documents) {
          for (const d of document.diagnostics) context.report(document, d, d.message);
        }
      },
    };
    expect(lint(workspace, [echo])).toHaveLength(1);
  });

  it('turns a rule that throws into one finding per document it fails on, and goes on', () => {
    const { workspace } = workspaceOf({
      'candidates/ana-lima/memo.md': memo('banana'),
      'candidates/ben-ode/memo.md': memo('BOOM banana').replaceAll('ana-lima', 'ben-ode'),
      'candidates/cy-ray/memo.md': memo('banana').replaceAll('ana-lima', 'cy-ray'),
    });
    const failures: string[] = [];
    const fragile: Rule = {
      meta: { id: 'fragile', defaultSeverity: 'warning', description: 'throws on BOOM' },
      check(context) {
        for (const document of context.documents) {
          context.report(document, { line: 1, column: 1 }, 'looked at it');
          if (document.body.includes('BOOM')) (null as unknown as { boom(): void }).boom();
        }
      },
    };
    const diagnostics = lint(workspace, [fragile, wordRule('fruit', 'banana')], {
      onRuleError: ({ ruleId, file, error }) => failures.push(`${ruleId} ${file} ${(error as Error).name}`),
    });
    expect(brief(diagnostics)).toEqual([
      'candidates/ana-lima/memo.md:1:1 warning fragile looked at it',
      'candidates/ana-lima/memo.md:7:1 error fruit "banana" found',
      'candidates/ben-ode/memo.md:1:1 error fragile rule "fragile" failed on candidates/ben-ode/memo.md: TypeError',
      'candidates/ben-ode/memo.md:7:6 error fruit "banana" found',
      'candidates/cy-ray/memo.md:1:1 warning fragile looked at it',
      'candidates/cy-ray/memo.md:7:1 error fruit "banana" found',
    ]);
    expect(failures).toEqual(['fragile candidates/ben-ode/memo.md TypeError']);
  });

  it('never echoes the thrown message, which may quote personal data', () => {
    const { workspace } = workspaceOf({ 'candidates/ana-lima/memo.md': memo('x') });
    const leaky: Rule = {
      meta: { id: 'leaky', defaultSeverity: 'error', description: 'throws with data' },
      check() {
        throw new RangeError('ana.lima@mail.example is not valid');
      },
    };
    const [finding] = lint(workspace, [leaky]);
    expect(finding?.message).toBe('rule "leaky" failed on candidates/ana-lima/memo.md: RangeError');
  });

  it('blames the first judged document when a rule fails on the set but on no single document', () => {
    const { workspace } = workspaceOf({
      'candidates/ana-lima/memo.md': memo('x'),
      'candidates/ben-ode/memo.md': memo('x').replaceAll('ana-lima', 'ben-ode'),
    });
    const pairwise: Rule = {
      meta: { id: 'pairwise', defaultSeverity: 'error', description: 'throws on two documents' },
      check(context) {
        if (context.documents.length > 1) throw new Error('together');
      },
    };
    expect(brief(lint(workspace, [pairwise]))).toEqual([
      'candidates/ana-lima/memo.md:1:1 error pairwise rule "pairwise" failed on candidates/ana-lima/memo.md: Error',
    ]);
  });

  it('keeps odd positions from rules inside the file', () => {
    const { workspace } = workspaceOf({ 'candidates/ana-lima/memo.md': memo('x') });
    const sloppy: Rule = {
      meta: { id: 'sloppy', defaultSeverity: 'error', description: 'bad positions' },
      check(context) {
        const [document] = context.documents;
        context.report(document!, { line: Number.NaN, column: -3, endLine: 0, endColumn: 2 }, 'somewhere');
        context.report(document!, { line: 4, column: 9, endLine: 4, endColumn: 2 }, 'backwards');
      },
    };
    expect(
      lint(workspace, [sloppy]).map(({ line, column, endLine, endColumn }) => ({
        line,
        column,
        endLine,
        endColumn,
      })),
    ).toEqual([
      { line: 1, column: 1, endLine: undefined, endColumn: undefined },
      { line: 4, column: 9, endLine: undefined, endColumn: undefined },
    ]);
  });
});

describe('disable comments', () => {
  const run = (
    body: string,
    rules: Rule[] = [wordRule('fruit', 'banana'), wordRule('berry', 'cherry')],
    frontMatter = '',
  ) => {
    const { workspace } = workspaceOf({ 'candidates/ana-lima/memo.md': memo(body, frontMatter) });
    return brief(lint(workspace, rules));
  };

  it('silence the named rules on the next non-blank line only', () => {
    expect(
      run('<!-- handoff-disable-next-line fruit -- quoting the menu -->\n\nbanana cherry\nbanana\n'),
    ).toEqual([
      'candidates/ana-lima/memo.md:9:8 error berry "cherry" found',
      'candidates/ana-lima/memo.md:10:1 error fruit "banana" found',
    ]);
  });

  it('take several rule ids, and stack on consecutive lines', () => {
    expect(run('<!-- handoff-disable-next-line fruit, berry -- a quote -->\nbanana cherry\n')).toEqual([]);
    expect(
      run(
        '<!-- handoff-disable-next-line fruit -- a quote -->\n<!-- handoff-disable-next-line berry -- the same quote -->\nbanana cherry\n',
      ),
    ).toEqual([]);
  });

  it('report a missing reason, and still silence so that only the reason is asked for', () => {
    expect(run('<!-- handoff-disable-next-line fruit -->\nbanana\n')).toEqual([
      'candidates/ana-lima/memo.md:7:1 error disable-comment this disable comment gives no reason; add one after "--": <!-- handoff-disable-next-line fruit -- why this is fine -->',
    ]);
    expect(run('<!-- handoff-disable-next-line fruit --   -->\nbanana\n')).toHaveLength(1);
  });

  it('report unknown rule ids with the closest one, and comments naming no rule', () => {
    expect(run('<!-- handoff-disable-next-line fruits -- typo -->\nbanana\n')).toEqual([
      'candidates/ana-lima/memo.md:7:1 error disable-comment "fruits" in this disable comment is not a rule id (did you mean "fruit"?); fix the id or remove it',
      'candidates/ana-lima/memo.md:8:1 error fruit "banana" found',
    ]);
    expect(run('text <!-- handoff-disable-next-line -- no id -->\n')).toEqual([
      'candidates/ana-lima/memo.md:7:6 error disable-comment nothing follows this disable comment; put it on the line just before the finding',
      'candidates/ana-lima/memo.md:7:6 error disable-comment this disable comment names no rule; write <!-- handoff-disable-next-line <rule-id> -- reason -->',
    ]);
  });

  it('report a comment left open, and ignore examples inside fenced code', () => {
    expect(run('<!-- handoff-disable-next-line fruit -- open\nbanana\n')).toEqual([
      'candidates/ana-lima/memo.md:7:1 error disable-comment this disable comment is not closed on its line; end it with --> on the same line',
    ]);
    expect(run('```\n<!-- handoff-disable-next-line fruit -->\n```\nbanana\n')).toEqual([
      'candidates/ana-lima/memo.md:10:1 error fruit "banana" found',
    ]);
  });

  it('work in front matter as YAML comments', () => {
    const keyRule: Rule = {
      meta: { id: 'author-check', defaultSeverity: 'error', description: 'reports the author key' },
      check(context) {
        for (const document of context.documents)
          context.report(document, document.positions.get('author')!.key, 'author');
      },
    };
    const text = memo('x').replace(
      'author:',
      '# handoff-disable-next-line author-check -- a guest author\nauthor:',
    );
    const { workspace } = workspaceOf({ 'candidates/ana-lima/memo.md': text });
    expect(lint(workspace, [keyRule])).toEqual([]);
  });

  it('can be configured like a rule', () => {
    const { workspace } = workspaceOf(
      { 'candidates/ana-lima/memo.md': memo('<!-- handoff-disable-next-line fruit -->\nbanana\n') },
      `${CONFIG}lint:\n  rules: { disable-comment: warn }\n`,
    );
    expect(brief(lint(workspace, [wordRule('fruit', 'banana')]))).toEqual([
      expect.stringContaining('7:1 warning disable-comment'),
    ]);
  });
});

describe('the config', () => {
  it('reports lint.rules entries that name no rule, at the key, with the closest id', () => {
    const configText = `${CONFIG}lint:\n  rules:\n    fruits: off\n    zzz-unheard-of: warn\n`;
    const { config, positions } = workspaceOf({}, configText);
    expect(brief(judgeConfig(config, [wordRule('fruit', 'banana')], positions))).toEqual([
      'handoff.config.yaml:9:5 error schema "fruits" in lint.rules is not a rule id (did you mean "fruit"?); fix the id or remove the line (docs/rules/ lists every rule)',
      'handoff.config.yaml:10:5 error schema "zzz-unheard-of" in lint.rules is not a rule id; fix the id or remove the line (docs/rules/ lists every rule)',
    ]);
    expect(judgeConfig(config, [wordRule('fruit', 'banana')], positions)).toHaveLength(2);
  });

  it('knows the ids the engine itself reports even when the registry lacks them', () => {
    expect(allRuleMetas([wordRule('fruit', 'banana')]).map((meta) => meta.id)).toEqual([
      'disable-comment',
      'fruit',
      'schema',
      'yaml-syntax',
    ]);
  });
});

describe('results', () => {
  const finding = (file: string, line: number, severity: 'error' | 'warning'): Diagnostic => ({
    file,
    line,
    column: 1,
    ruleId: 'fruit',
    severity,
    message: 'm',
  });

  it('group findings per file, list clean judged files, and count', () => {
    const results = buildResults(
      [finding('b.md', 3, 'warning'), finding('b.md', 1, 'error'), finding('a.md', 2, 'warning')],
      ['c.md', 'a.md', 'b.md'],
    );
    expect(
      results.map((r) => [r.filePath, r.messages.map((m) => m.line), r.errorCount, r.warningCount]),
    ).toEqual([
      ['a.md', [2], 0, 1],
      ['b.md', [1, 3], 1, 1],
      ['c.md', [], 0, 0],
    ]);
    expect(totals(results)).toEqual({ errorCount: 1, warningCount: 2 });
    expect(totals(errorsOnly(results))).toEqual({ errorCount: 1, warningCount: 0 });
    expect(errorsOnly(results).flatMap((r) => r.messages)).toHaveLength(1);
  });

  it('gives a file named twice one result, and a file with findings that was not named its own', () => {
    const results = buildResults(
      [finding('d.md', 4, 'error'), finding('a.md', 2, 'warning'), finding('a.md', 1, 'warning')],
      ['c.md', 'a.md', 'b.md', 'a.md', 'c.md'],
    );
    expect(results.map((r) => [r.filePath, r.messages.map((m) => m.line)])).toEqual([
      ['a.md', [1, 2]],
      ['b.md', []],
      ['c.md', []],
      ['d.md', [4]],
    ]);
    expect(totals(results)).toEqual({ errorCount: 1, warningCount: 2 });
  });
});

describe('judging in shares and chunks', () => {
  it('finds exactly what one run over the whole workspace finds, in the same order', async () => {
    const configText = readFileSync(join(exampleRepo, 'handoff.config.yaml'), 'utf8');
    const paths = listDocumentPaths(exampleRepo);
    const texts = new Map(paths.map((path) => [path, readFileSync(join(exampleRepo, path), 'utf8')]));
    // Broken documents too, so that there is something to find besides what the rules find.
    texts.set(
      'candidates/ana-lima/memo.md',
      `${texts.get('candidates/ana-lima/memo.md')}\n<!-- handoff-disable-next-line nope -->\n`,
    );
    texts.set('candidates/li-wei/profile.md', '---\nkind: candidate\nid: [oops\n---\n');
    const { config } = parseConfig(configText);
    const documents = paths.map((path) => loadDocument({ path, text: texts.get(path)! })!);
    const whole = runLint({
      workspace: buildWorkspace(config!, documents),
      config: config!,
      now: '2026-11-25',
      rules,
    });
    expect(whole.length).toBeGreaterThan(0);

    const job = {
      root: exampleRepo,
      configText,
      now: '2026-11-25',
      paths,
      judged: paths,
      texts: paths.map((path) => texts.get(path)),
      foldersPerChunk: 2,
    };
    const threads = shareJob(job, { threshold: 0, maxThreads: 3 });
    expect(threads.length).toBe(3);
    // Three "threads" taking turns: each claims chunks until none are left.
    const split: Diagnostic[] = [];
    for (const thread of threads) split.push(...(await lintPartition(thread, config!)).diagnostics);
    expect(brief(split.sort(compareFindings))).toEqual(brief(whole));
  });

  it('finds the same when each share lists the candidate folders it claims', async () => {
    const root = copyOfExample(false);
    writeFiles(root, {
      'candidates/li-wei/profile.md': '---\nkind: candidate\nid: [oops\n---\n',
      'candidates/ana-lima/notes.md': 'Not a handoff document.\n',
    });
    const configText = readFileSync(join(root, 'handoff.config.yaml'), 'utf8');
    const { config } = parseConfig(configText);
    const paths = listDocumentPaths(root);
    const listed = await lintPartition(
      { root, configText, now: '2026-11-25', paths, judged: paths },
      config!,
    );
    expect(listed.diagnostics.length).toBeGreaterThan(0);

    const roles = paths.filter((path) => path.startsWith('roles/'));
    const job = {
      root,
      configText,
      now: '2026-11-25',
      paths: roles,
      judged: roles,
      folders: listCandidateIds(root),
      foldersPerChunk: 2,
    };
    const threads = shareJob(job, { threshold: 0, maxThreads: 3 });
    expect(threads.length).toBe(3);
    const shares = [];
    for (const thread of threads) shares.push(await lintPartition(thread, config!));
    const found = shares.flatMap((share) => share.diagnostics).sort(compareFindings);
    expect(brief(found)).toEqual(brief(listed.diagnostics.sort(compareFindings)));
    // Every candidate document was listed by exactly one share, the stray file too.
    const byShares = shares.flatMap((share) => share.listed);
    expect(byShares.sort()).toEqual(paths.filter((path) => path.startsWith('candidates/')));
    expect(byShares).toContain('candidates/ana-lima/notes.md');
  });
});
