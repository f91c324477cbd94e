/**
 * The registry, the rule docs and the case tables cannot drift apart: every registered rule has its
 * doc page and its valid and invalid cases, every doc page has a rule, and the docs index is generated
 * from the rules' own metadata (run with UPDATE_RULE_DOCS=1 to rewrite it).
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allRuleMetas } from '../src/core/lint/engine.js';
import type { RuleMeta } from '../src/core/lint/types.js';
import { rules } from '../src/core/rules/index.js';
import { projectRoot } from './helpers/repo.js';
import { ruleCases } from './rules/cases/index.js';

const docsDir = join(projectRoot, 'docs/rules');
const registered = new Set(rules.map((rule) => rule.meta.id));
/** The registry's rules in table order, then the ids the engine owns (disable-comment). */
const metas = [
  ...rules.map((rule) => rule.meta),
  ...allRuleMetas(rules).filter((meta) => !registered.has(meta.id)),
];

/** The ids of issue 3's rules table, in its order: part of the interface. */
const TABLE = [
  'yaml-syntax',
  'schema',
  'id-path',
  'reference',
  'required-sections',
  'placeholder',
  'role-checklist',
  'rubric-anchors',
  'duplicate-question',
  'stage-gate',
  'scorecard',
  'neutral-language',
  'restricted-leak',
  'pii',
  'cadence',
  'conflict-markers',
];

function rulesIndex(all: readonly RuleMeta[]): string {
  const rows = all.map(
    (meta) =>
      `| [\`${meta.id}\`](${meta.id}.md) | ${meta.defaultSeverity} | ${meta.description.replace(/\|/g, '\\|')} |`,
  );
  return [
    '# Lint rules',
    '',
    "<!-- Generated from the rules' metadata by test/rules-registry.test.ts (UPDATE_RULE_DOCS=1 rewrites it). -->",
    '',
    "`handoff lint` runs these rules on every document. Change a rule's severity in `handoff.config.yaml`",
    '(`lint: { rules: { <id>: off | warn | error } }`), or accept one finding with a comment on the line',
    'before it: `<!-- handoff-disable-next-line <id> -- reason -->` (in front matter:',
    '`# handoff-disable-next-line <id> -- reason`).',
    '',
    '| rule | default | finds |',
    '| --- | --- | --- |',
    ...rows,
    '',
  ].join('\n');
}

describe('the rule registry', () => {
  it('registers the rules of the table, in its order, each once', () => {
    expect(rules.map((rule) => rule.meta.id)).toEqual(TABLE);
  });

  it('gives every rule a one-line description and a default severity', () => {
    for (const rule of rules) {
      expect(rule.meta.description, rule.meta.id).toMatch(/^[A-Za-z"`].*[^.]$/);
      expect(rule.meta.description.includes('\n'), rule.meta.id).toBe(false);
      expect(['error', 'warning'], rule.meta.id).toContain(rule.meta.defaultSeverity);
    }
  });

  it.each(rules.map((rule) => rule.meta.id))(
    '%s has a doc page with what, why, how to fix and an example',
    (id) => {
      const path = join(docsDir, `${id}.md`);
      expect(existsSync(path), `docs/rules/${id}.md is missing`).toBe(true);
      const text = readFileSync(path, 'utf8');
      expect(text.startsWith(`# ${id}\n`)).toBe(true);
      for (const heading of ['## What it checks', '## Why it matters', '## How to fix it', '## Example']) {
        expect(text, `docs/rules/${id}.md lacks "${heading}"`).toContain(`\n${heading}\n`);
      }
      const meta = rules.find((rule) => rule.meta.id === id)!.meta;
      expect(text).toContain(`Default severity: **${meta.defaultSeverity}**`);
    },
  );

  it.each(rules.map((rule) => rule.meta.id))('%s has valid and invalid test cases', (id) => {
    const table = ruleCases[id];
    expect(table, `test/rules/cases has no table for ${id}`).toBeDefined();
    expect(table!.valid.length).toBeGreaterThan(0);
    expect(table!.invalid.length).toBeGreaterThan(0);
    for (const invalid of table!.invalid) expect(invalid.expected.length, invalid.name).toBeGreaterThan(0);
  });

  it('has no doc page or case table without a rule', () => {
    const ids = new Set(metas.map((meta) => meta.id));
    const pages = readdirSync(docsDir).filter((name) => name.endsWith('.md') && name !== 'README.md');
    expect(pages.filter((name) => !ids.has(name.replace(/\.md$/, '')))).toEqual([]);
    expect(Object.keys(ruleCases).filter((id) => !ids.has(id))).toEqual([]);
  });

  it('keeps docs/rules/README.md, the index, generated from the rules', () => {
    const expected = rulesIndex(metas);
    const path = join(docsDir, 'README.md');
    if (process.env.UPDATE_RULE_DOCS === '1') writeFileSync(path, expected);
    expect(existsSync(path) ? readFileSync(path, 'utf8') : '', 'run the test with UPDATE_RULE_DOCS=1').toBe(
      expected,
    );
  });
});
