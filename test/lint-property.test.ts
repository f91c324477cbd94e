/**
 * Property: whatever is in a document (YAML-ish text, random data written as YAML, random bytes, a
 * real document with random edits), the engine returns findings inside the file and never throws,
 * and no rule fails on it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { parseConfig } from '../src/core/config.js';
import { runLint } from '../src/core/lint/engine.js';
import { rules } from '../src/core/rules/index.js';
import { buildWorkspace, type Loaded, loadDocument } from '../src/core/workspace.js';
import { exampleRepo } from './helpers/repo.js';

const config = parseConfig(readFileSync(join(exampleRepo, 'handoff.config.yaml'), 'utf8')).config!;
const ROLE = 'roles/backend-engineer.md';
const roleText = readFileSync(join(exampleRepo, ROLE), 'utf8');

const PATHS = [
  'candidates/ana-lima/profile.md',
  'candidates/ana-lima/memo.md',
  'candidates/ana-lima/feedback/onsite-design--pat.quinn.md',
  'candidates/ana-lima/surveys/2026-11-25.md',
  'roles/product-designer.md',
];
const examples = PATHS.slice(0, 4).map((path) => readFileSync(join(exampleRepo, path), 'utf8'));

/** Lints one document beside the example role and returns what a user would see. */
function lintOne(path: string, text: string) {
  const documents = [loadDocument({ path: ROLE, text: roleText }), loadDocument({ path, text })].filter(
    (document): document is Loaded<unknown> => document !== undefined,
  );
  const workspace = buildWorkspace(config, documents);
  const judged = workspace.documents.filter((document) => document.path === path);
  return runLint({ workspace, config, now: '2026-11-25', documents: judged, rules });
}

function assertSane(path: string, text: string): void {
  const diagnostics = lintOne(path, text);
  const lines = text.split('\n').length;
  for (const diagnostic of diagnostics) {
    expect(diagnostic.message).not.toMatch(/^rule ".*" failed on /);
    expect(diagnostic.file).toBe(path);
    expect(diagnostic.line).toBeGreaterThanOrEqual(1);
    expect(diagnostic.line).toBeLessThanOrEqual(lines + 1);
    expect(diagnostic.column).toBeGreaterThanOrEqual(1);
  }
}

const path = fc.constantFrom(...PATHS);
const yamlish = fc
  .array(
    fc
      .array(
        fc.constantFrom(
          ...'ab1 :-#[]{},"\'|>&*!?%@`~.\\\n\t'.split(''),
          'kind',
          'id',
          'name',
          'role',
          'stage',
          '  ',
        ),
        {
          maxLength: 40,
        },
      )
      .map((units) => units.join('')),
    { maxLength: 12 },
  )
  .map((lines) => lines.join('\n'));
const frontMatter = (body: fc.Arbitrary<string>) =>
  fc.tuple(body, fc.string({ maxLength: 200 })).map(([yaml, rest]) => `---\n${yaml}\n---\n${rest}`);
const randomData = fc.dictionary(
  fc.constantFrom('kind', 'id', 'name', 'role', 'stage', 'status', 'ratings', 'fit', 'contact', 'loop', 'x'),
  fc.jsonValue({ maxDepth: 3 }),
);

describe('the engine on random documents', () => {
  it('survives YAML-ish front matter', () => {
    fc.assert(
      fc.property(path, frontMatter(yamlish), (p, text) => assertSane(p, text)),
      { numRuns: 300 },
    );
  });

  it('survives random data written as YAML, with random prose', () => {
    fc.assert(
      fc.property(path, randomData, fc.lorem({ maxCount: 30 }), (p, data, prose) => {
        assertSane(p, `---\n${stringify(data)}---\n## Summary\n\n${prose}\n`);
      }),
      { numRuns: 300 },
    );
  });

  it('survives random bytes', () => {
    fc.assert(
      fc.property(path, fc.uint8Array({ maxLength: 600 }), fc.boolean(), (p, bytes, fenced) => {
        const text = Buffer.from(bytes).toString('utf8');
        assertSane(p, fenced ? `---\n${text}\n---\n${text}` : text);
      }),
      { numRuns: 300 },
    );
  });

  it('survives random edits of real documents', () => {
    fc.assert(
      fc.property(
        fc.nat(examples.length - 1),
        fc.array(fc.tuple(fc.nat(), fc.nat(8), fc.string({ maxLength: 6 })), { minLength: 1, maxLength: 6 }),
        (which, edits) => {
          let text = examples[which]!;
          for (const [at, remove, insert] of edits) {
            const position = at % (text.length + 1);
            text = text.slice(0, position) + insert + text.slice(position + remove);
          }
          assertSane(PATHS[which]!, text);
        },
      ),
      { numRuns: 300 },
    );
  });
});
