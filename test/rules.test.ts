/**
 * The table of every lint rule: for each, the cases in which it must find nothing and the cases in
 * which it must find exactly the listed findings, at their line and column in the original file.
 */
import { describe, expect, it } from 'vitest';
import { rules } from '../src/core/rules/index.js';
import { ruleCases } from './rules/cases/index.js';
import type { ExpectedFinding } from './rules/cases/types.js';
import { filesWith, runRule } from './rules/fixture.js';

const byPosition = (a: ExpectedFinding, b: ExpectedFinding) =>
  (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.line - b.line || a.column - b.column;

for (const rule of rules) {
  const table = ruleCases[rule.meta.id];
  describe(`rule ${rule.meta.id}`, () => {
    for (const valid of table?.valid ?? []) {
      it(`finds nothing: ${valid.name}`, () => {
        const findings = runRule(rule, filesWith(valid.files), { now: valid.now, judge: valid.judge });
        expect(
          findings.map((finding) => `${finding.file}:${finding.line}:${finding.column} ${finding.message}`),
        ).toEqual([]);
      });
    }
    for (const invalid of table?.invalid ?? []) {
      it(`finds: ${invalid.name}`, () => {
        const findings = runRule(rule, filesWith(invalid.files), { now: invalid.now, judge: invalid.judge });
        const expected = [...invalid.expected].sort(byPosition);
        expect(findings.map(({ file, line, column }) => ({ file, line, column }))).toEqual(
          expected.map(({ file, line, column }) => ({ file, line, column })),
        );
        expected.forEach((finding, index) => {
          const message = findings[index]!.message;
          if (typeof finding.message === 'string') expect(message).toContain(finding.message);
          else if (finding.message) expect(message).toMatch(finding.message);
        });
      });
    }
  });
}
