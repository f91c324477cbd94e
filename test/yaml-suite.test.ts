/**
 * Every case of the YAML test suite (../shared/corpus/yaml-test-suite, one folder per case with its
 * in.yaml) wrapped as the front matter of a candidate profile: lint gives located findings or none,
 * and never crashes, neither in the engine (a rule that throws) nor as the command's exit code 2.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../src/core/config.js';
import { runLint } from '../src/core/lint/engine.js';
import { rules } from '../src/core/rules/index.js';
import { buildWorkspace, type Loaded, loadDocument } from '../src/core/workspace.js';
import { runCli, tempDir, writeFiles } from './helpers/repo.js';

const SUITE = fileURLToPath(new URL('../../shared/corpus/yaml-test-suite', import.meta.url));
const BATCH = 50;

interface Case {
  name: string;
  yaml: string;
}

function findCases(folder: string, prefix = ''): Case[] {
  const cases: Case[] = [];
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const path = join(folder, entry.name);
    const name = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (existsSync(join(path, 'in.yaml')))
      cases.push({ name, yaml: readFileSync(join(path, 'in.yaml'), 'utf8') });
    cases.push(...findCases(path, name));
  }
  return cases;
}

const cases = existsSync(SUITE) ? findCases(SUITE).sort((a, b) => (a.name < b.name ? -1 : 1)) : [];
const candidateId = (name: string) => `case-${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
const profile = (yaml: string) =>
  `---\n${yaml}${yaml.endsWith('\n') ? '' : '\n'}---\n## Summary\n\nA case.\n`;

const CONFIG = `organization: Acme Payments
stages:
  - { id: sourced, name: Sourced }
people:
  - { id: alex.kim, name: Alex Kim, email: alex.kim@acme.example, roles: [recruiter] }
`;

describe.skipIf(cases.length === 0)('the YAML test suite as front matter', () => {
  it('holds the whole corpus', () => {
    expect(cases.length).toBeGreaterThan(300);
  });

  const batches: Case[][] = [];
  for (let index = 0; index < cases.length; index += BATCH) batches.push(cases.slice(index, index + BATCH));

  it.each(batches.map((batch, index) => [index + 1, batch] as const))(
    'batch %i: located findings or none, never a rule that throws',
    (_index, batch) => {
      const config = parseConfig(CONFIG).config!;
      const texts = new Map<string, string>();
      const documents = batch.map((testCase) => {
        const path = `candidates/${candidateId(testCase.name)}/profile.md`;
        const text = profile(testCase.yaml);
        texts.set(path, text);
        return loadDocument({ path, text }) as Loaded<unknown>;
      });
      const workspace = buildWorkspace(config, documents);
      const diagnostics = runLint({ workspace, config, now: '2026-11-25', rules });
      for (const diagnostic of diagnostics) {
        const where = `${diagnostic.file}:${diagnostic.line}:${diagnostic.column} ${diagnostic.ruleId} ${diagnostic.message}`;
        expect(diagnostic.message, where).not.toMatch(/^rule ".*" failed on /);
        const lines = texts.get(diagnostic.file)?.split('\n').length ?? 0;
        expect(lines, where).toBeGreaterThan(0);
        expect(
          Number.isInteger(diagnostic.line) && diagnostic.line >= 1 && diagnostic.line <= lines,
          where,
        ).toBe(true);
        expect(Number.isInteger(diagnostic.column) && diagnostic.column >= 1, where).toBe(true);
        expect(diagnostic.message.trim(), where).not.toBe('');
      }
      // A document whose front matter could not be read says so with a located yaml-syntax finding.
      for (const document of documents) {
        if (document.data === undefined) {
          expect(
            diagnostics.some((d) => d.file === document.path && d.ruleId === 'yaml-syntax'),
            document.path,
          ).toBe(true);
        }
      }
    },
  );

  it('never makes the command exit 2', async () => {
    const dir = tempDir();
    const files: Record<string, string> = { 'handoff.config.yaml': CONFIG };
    for (const testCase of cases)
      files[`candidates/${candidateId(testCase.name)}/profile.md`] = profile(testCase.yaml);
    writeFiles(dir, files);
    const result = await runCli(['lint', '--now', '2026-11-25', '--format', 'json'], { cwd: dir });
    expect(result.stderr).toBe('');
    expect([0, 1]).toContain(result.code);
    const reported = JSON.parse(result.stdout) as { filePath: string }[];
    expect(reported.length).toBe(cases.length + 1);
  });
});
